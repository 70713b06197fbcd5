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

fn open_file(path: &Path, busy_timeout: Duration) -> Result<Connection> {
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
    /// removed it). Refused when nothing is open: a file Alongside cannot read is never removed.
    pub fn reopen_after<T>(&self, f: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
        let mut state = self.lock();
        if !matches!(*state, State::Open(_)) || self.dir.as_os_str().is_empty() {
            return Err(Error::DatabaseUnavailable);
        }
        *state = State::Failed(Error::DatabaseUnavailable);
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
mod tests {
    use super::*;

    const QUICK: Duration = Duration::from_millis(200);

    fn user_version(conn: &Connection) -> i64 {
        conn.pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("version")
    }

    #[test]
    fn migrations_are_valid() {
        migrations().validate().expect("migrations validate");
    }

    #[test]
    fn fresh_database_gets_the_latest_schema_and_durable_pragmas() {
        let dir = tempfile::tempdir().expect("tempdir");
        let opened = open_in(dir.path(), QUICK).expect("opens");
        assert!(opened.moved_aside.is_none());
        let conn = opened.conn;
        assert_eq!(user_version(&conn), latest_version());
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .expect("journal_mode");
        assert_eq!(mode, "wal");
        let sync: i64 = conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .expect("synchronous");
        assert_eq!(sync, 2, "synchronous=FULL");
        let fk: i64 = conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .expect("foreign_keys");
        assert_eq!(fk, 1);
    }

    #[test]
    fn every_version_upgrades_to_the_latest_keeping_data() {
        for from in 0..latest_version() {
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join(DB_FILE);
            {
                let mut conn = Connection::open(&path).expect("open");
                migrations()
                    .to_version(&mut conn, from as usize)
                    .expect("to previous version");
                if from >= 1 {
                    conn.execute(
                        "INSERT INTO people (name, relationship, created_at) VALUES ('Sam', 'child', '2026-01-01T00:00:00Z')",
                        [],
                    )
                    .expect("insert");
                }
            }
            let conn = open_in(dir.path(), QUICK).expect("upgrade").conn;
            assert_eq!(user_version(&conn), latest_version());
            if from >= 1 {
                let name: String = conn
                    .query_row("SELECT name FROM people", [], |r| r.get(0))
                    .expect("kept");
                assert_eq!(name, "Sam");
            }
        }
    }

    #[test]
    fn newer_database_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(DB_FILE);
        {
            let conn = Connection::open(&path).expect("open");
            conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 999;")
                .expect("future db");
        }
        let before = std::fs::read(&path).expect("read");
        let err = open_in(dir.path(), QUICK).expect_err("refused");
        assert!(matches!(err, Error::DatabaseTooNew { found: 999, .. }));
        assert!(err.caregiver_message().contains("newer version"));
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "file untouched"
        );
        assert!(!dir.path().join(format!("{DB_FILE}-wal")).exists());
    }

    #[test]
    fn corrupt_file_is_moved_aside_not_deleted() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(DB_FILE);
        let garbage = b"this is not a database, just some words that were here before".repeat(100);
        std::fs::write(&path, &garbage).expect("write");
        let opened = open_in(dir.path(), QUICK).expect("opens fresh");
        let aside = opened.moved_aside.expect("moved aside");
        assert_eq!(std::fs::read(&aside).expect("old file kept"), garbage);
        assert!(aside
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("alongside.db.unreadable-")));
        assert_eq!(user_version(&opened.conn), latest_version());
    }

    #[test]
    fn a_lock_held_by_another_program_is_reported_as_busy() {
        let dir = tempfile::tempdir().expect("tempdir");
        drop(open_in(dir.path(), QUICK).expect("create"));
        let other = Connection::open(dir.path().join(DB_FILE)).expect("other");
        other.execute_batch("BEGIN EXCLUSIVE").expect("lock");

        let db = Database::open(dir.path().to_path_buf(), QUICK).0;
        // WAL lets the app open and read while another program writes; writes wait, then fail.
        let err = db
            .with(|c| {
                c.execute(
                    "INSERT INTO people (name, relationship, created_at) VALUES ('A','child','x')",
                    [],
                )?;
                Ok(())
            })
            .expect_err("busy");
        assert_eq!(err.code(), crate::error::ErrorCode::DataBusy);

        other.execute_batch("ROLLBACK").expect("unlock");
        db.with(|c| {
            c.execute(
                "INSERT INTO people (name, relationship, created_at) VALUES ('A','child','x')",
                [],
            )?;
            Ok(())
        })
        .expect("works once the other program lets go");
    }

    #[test]
    fn a_database_that_cannot_open_reports_a_problem_and_can_be_retried() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(DB_FILE);
        {
            let conn = Connection::open(&path).expect("open");
            conn.execute_batch("PRAGMA user_version = 999;")
                .expect("future");
        }
        let (db, moved) = Database::open(dir.path().to_path_buf(), QUICK);
        assert!(moved.is_none());
        let problem = db.problem().expect("problem");
        assert_eq!(problem.code, crate::error::ErrorCode::DatabaseTooNew);
        assert!(matches!(
            db.with(|_| Ok(())),
            Err(Error::DatabaseUnavailable)
        ));
        // Once the newer file is gone (e.g. restored elsewhere), retry opens a fresh one.
        std::fs::remove_file(&path).expect("remove");
        db.retry();
        assert!(db.problem().is_none());
    }
}
