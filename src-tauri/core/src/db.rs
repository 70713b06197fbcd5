//! Opening the caregiver's SQLite file safely: durable pragmas, versioned migrations in one
//! transaction, refusal of a file written by a newer Alongside (left byte-for-byte untouched),
//! and a corrupt file moved aside, never deleted.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode as SqliteCode};
use rusqlite_migration::{Migrations, M};

use crate::error::{Error, Result};
use crate::protection::{upgrade, DataKey};

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
    M::up(include_str!("migrations/009_read_indexes.sql")),
    M::up(include_str!("migrations/010_circle.sql")),
    M::up(include_str!("migrations/011_care_circle.sql")),
    M::up(include_str!("migrations/012_care_circle_keys.sql")),
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

/// Opens (creating if needed) the encrypted database in `dir` with `key`. A plain file from a
/// version before encryption is encrypted first (see [`crate::protection::upgrade`]).
pub fn open_in(dir: &Path, key: &DataKey, busy_timeout: Duration) -> Result<Opened> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(DB_FILE);
    if upgrade::is_plain(&path) {
        refuse_if_too_new_plain(&path)?;
        upgrade::encrypt_in_place(&path, key)?;
    }
    match open_file(&path, key, busy_timeout) {
        Ok(conn) => Ok(Opened {
            conn,
            moved_aside: None,
        }),
        Err(e) if is_corrupt(&e) => {
            let aside = move_aside(&path)?;
            let conn = open_file(&path, key, busy_timeout)?;
            Ok(Opened {
                conn,
                moved_aside: Some(aside),
            })
        }
        Err(e) => Err(e),
    }
}

/// A plain file written by a newer Alongside is left exactly as it is, not encrypted.
fn refuse_if_too_new_plain(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > latest_version() {
        return Err(Error::DatabaseTooNew {
            found,
            supported: latest_version(),
        });
    }
    Ok(())
}

/// An in-memory database with the full schema, for tests.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    migrations().to_latest(&mut conn)?;
    Ok(conn)
}

/// Opens one encrypted file with `key`: the key first, before anything reads or writes.
pub(crate) fn open_file(path: &Path, key: &DataKey, busy_timeout: Duration) -> Result<Connection> {
    let mut conn = Connection::open(path)?;
    conn.execute_batch(&format!("PRAGMA key = {}", key.sql_literal().as_str()))?;
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
    // 8 MiB of pages kept decrypted (SQLite's default is 2 MiB): with ten years of records a
    // search's rows no longer push each other out, which made some searches ten times slower.
    conn.pragma_update(None, "cache_size", -8192)?;
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

pub use crate::database::Database;

#[cfg(test)]
#[path = "db_tests.rs"]
mod tests;

/// One fixed key for tests that open files directly.
#[cfg(test)]
pub(crate) fn test_key() -> DataKey {
    DataKey::from_bytes(&[42; 32]).expect("32 bytes")
}
