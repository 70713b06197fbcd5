//! Opening the caregiver's SQLite file safely: durable pragmas, versioned migrations in one
//! transaction, refusal of a file written by a newer Alongside (left byte-for-byte untouched),
//! and a corrupt file moved aside, never deleted.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode as SqliteCode};
use rusqlite_migration::{Migrations, M};

use crate::error::{Error, Result};

pub const DB_FILE: &str = "alongside.db";

/// A stored value this build cannot read back (an unknown enum word, say), as a rusqlite error.
pub fn unreadable(what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("unreadable {what}").into(),
    )
}

/// Every migration, in order. Never edit one that has shipped: add a new one.
const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("migrations/001_foundation.sql")),
    M::up(include_str!("migrations/002_learn.sql")),
    M::up(include_str!("migrations/003_wins.sql")),
    M::up(include_str!("migrations/004_readiness.sql")),
    M::up(include_str!("migrations/005_strain.sql")),
    M::up(include_str!("migrations/006_practice_tools.sql")),
    M::up(include_str!("migrations/007_reminders.sql")),
    M::up(include_str!("migrations/008_backups.sql")),
];

pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// How long to wait for another program's lock before telling the caregiver.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug)]
pub struct Opened {
    pub conn: Connection,
    /// Where an unreadable earlier file was moved, when that happened on this open.
    pub moved_aside: Option<PathBuf>,
}

/// Opens (creating if needed) the database in `dir`.
pub fn open_in(dir: &Path, busy_timeout: Duration) -> Result<Opened> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(DB_FILE);
    match open_file(&path, busy_timeout) {
        Ok(conn) => Ok(Opened {
            conn,
            moved_aside: None,
        }),
        Err(e) if is_corrupt(&e) => {
            let aside = move_aside(&path)?;
            let conn = open_file(&path, busy_timeout)?;
            Ok(Opened {
                conn,
                moved_aside: Some(aside),
            })
        }
        Err(e) => Err(e),
    }
}

/// An in-memory database with the full schema, for tests.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    migrations().to_latest(&mut conn)?;
    Ok(conn)
}

pub(crate) fn open_file(path: &Path, busy_timeout: Duration) -> Result<Connection> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(busy_timeout)?;
    // Read the version before anything that could write: a newer file must stay untouched.
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > latest_version() {
        return Err(Error::DatabaseTooNew {
            found,
            supported: latest_version(),
        });
    }
    // Touch the schema so a file that is not a database fails here, not later.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    migrations().to_latest(&mut conn)?;
    Ok(conn)
}

fn sqlite_code(e: &Error) -> Option<SqliteCode> {
    match e {
        Error::Sqlite(e) => e.sqlite_error_code(),
        Error::Migration(rusqlite_migration::Error::RusqliteError { err, .. }) => {
            err.sqlite_error_code()
        }
        _ => None,
    }
}

fn is_corrupt(e: &Error) -> bool {
    matches!(
        sqlite_code(e),
        Some(SqliteCode::NotADatabase | SqliteCode::DatabaseCorrupt)
    )
}

/// Renames the file (and its WAL companions) to `alongside.db.unreadable-<time>`.
fn move_aside(path: &Path) -> Result<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let aside = path.with_file_name(format!("{DB_FILE}.unreadable-{stamp}"));
    std::fs::rename(path, &aside)?;
    for suffix in ["-wal", "-shm"] {
        let companion = PathBuf::from(format!("{}{suffix}", path.display()));
        if companion.exists() {
            let target = PathBuf::from(format!("{}{suffix}", aside.display()));
            std::fs::rename(&companion, target)?;
        }
    }
    Ok(aside)
}

/// The app's handle on its database. Opening can fail (locked, too new, disk trouble); the app
/// still runs, shows why, and keeps Crisis help working.
pub struct Database {
    dir: PathBuf,
    busy_timeout: Duration,
    state: Mutex<State>,
}

enum State {
    Open(Connection),
    Failed(Error),
}

impl Database {
    pub fn open(dir: PathBuf, busy_timeout: Duration) -> (Self, Option<PathBuf>) {
        let (state, moved) = match open_in(&dir, busy_timeout) {
            Ok(o) => (State::Open(o.conn), o.moved_aside),
            Err(e) => {
                eprintln!("alongside: could not open the database: {e}");
                (State::Failed(e), None)
            }
        };
        (
            Database {
                dir,
                busy_timeout,
                state: Mutex::new(state),
            },
            moved,
        )
    }

    /// Wraps an already open connection (tests).
    pub fn from_connection(conn: Connection) -> Self {
        Database {
            dir: PathBuf::new(),
            busy_timeout: DEFAULT_BUSY_TIMEOUT,
            state: Mutex::new(State::Open(conn)),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The reason the database is not open, if it is not.
    pub fn problem(&self) -> Option<crate::error::AppError> {
        match &*self.lock() {
            State::Open(_) => None,
            State::Failed(e) => Some(e.into()),
        }
    }

    /// Tries again to open a database that failed (for example after another program let go).
    pub fn retry(&self) -> Option<PathBuf> {
        let mut state = self.lock();
        if matches!(*state, State::Open(_)) {
            return None;
        }
        match open_in(&self.dir, self.busy_timeout) {
            Ok(o) => {
                *state = State::Open(o.conn);
                o.moved_aside
            }
            Err(e) => {
                *state = State::Failed(e);
                None
            }
        }
    }

    /// Closes the open file, runs `f` on its folder, then opens it again (a fresh one if `f`
    /// removed it). Refused when nothing is open: a file Alongside cannot read is never touched.
    pub fn reopen_after<T>(&self, f: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
        let mut state = self.lock();
        if !matches!(*state, State::Open(_)) || self.dir.as_os_str().is_empty() {
            return Err(Error::DatabaseUnavailable);
        }
        if let State::Open(conn) =
            std::mem::replace(&mut *state, State::Failed(Error::DatabaseUnavailable))
        {
            if let Err((conn, e)) = conn.close() {
                *state = State::Open(conn);
                return Err(e.into());
            }
        }
        let out = f(&self.dir);
        *state = open_in(&self.dir, self.busy_timeout)
            .map_or_else(State::Failed, |o| State::Open(o.conn));
        out
    }

    /// Runs `f` with the connection, or reports why there is none.
    pub fn with<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        match &mut *self.lock() {
            State::Open(conn) => f(conn),
            State::Failed(_) => Err(Error::DatabaseUnavailable),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding the lock leaves the connection usable: SQLite rolls back an
        // unfinished transaction when the next one begins.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
#[path = "db_tests.rs"]
mod tests;
