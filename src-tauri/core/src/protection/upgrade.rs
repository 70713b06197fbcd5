//! Turning a plain SQLite file (from a version of Alongside before encryption, or an old backup)
//! into an encrypted one: copied through `sqlcipher_export` with its `user_version`, checked
//! (opens with the key, integrity, the same rows in every table, the search index answers),
//! then renamed over the plain file in one step. A failure at any step leaves the plain file as
//! it was.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::DataKey;
use crate::error::{Error, Result};

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// True when the file starts as a plain SQLite database does (an encrypted one looks random).
pub fn is_plain(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == SQLITE_HEADER)
}

/// True when there is nothing at `path` worth protecting: no file, or an empty one.
pub fn is_absent_or_empty(path: &Path) -> bool {
    std::fs::metadata(path).map_or(true, |m| m.len() == 0)
}

fn companion(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

/// Encrypts the plain database at `path` in place with `key`. On success the plain file and
/// its -wal and -shm are gone; on failure they are exactly as they were.
pub fn encrypt_in_place(path: &Path, key: &DataKey) -> Result<()> {
    let staged = companion(path, ".encrypting");
    let _ = std::fs::remove_file(&staged);
    let result = export_and_check(path, &staged, key);
    if let Err(e) = result {
        let _ = std::fs::remove_file(&staged);
        return Err(e);
    }
    std::fs::rename(&staged, path).map_err(|_| {
        let _ = std::fs::remove_file(&staged);
        Error::EncryptionFailed
    })?;
    if let Some(dir) = path.parent() {
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(companion(path, suffix));
    }
    Ok(())
}

fn export_and_check(plain_path: &Path, staged: &Path, key: &DataKey) -> Result<()> {
    let fail = |_| Error::EncryptionFailed;
    let plain = Connection::open(plain_path).map_err(fail)?;
    // Everything into the main file first, so the export sees it all and the -wal is empty.
    plain
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .map_err(fail)?;
    let version: i64 = plain
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(fail)?;
    let target = staged.to_str().ok_or(Error::EncryptionFailed)?;
    plain
        .execute(
            &format!(
                "ATTACH DATABASE ?1 AS encrypted KEY {}",
                key.sql_literal().as_str()
            ),
            [target],
        )
        .map_err(fail)?;
    plain
        .query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))
        .map_err(fail)?;
    plain
        .execute_batch(&format!("PRAGMA encrypted.user_version = {version}"))
        .map_err(fail)?;
    plain
        .execute_batch("DETACH DATABASE encrypted")
        .map_err(fail)?;

    let copy = open_encrypted_read_only(staged, key)?;
    let ok: String = copy
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(fail)?;
    let copy_version: i64 = copy
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(fail)?;
    if ok != "ok" || copy_version != version || row_counts(&plain)? != row_counts(&copy)? {
        return Err(Error::EncryptionFailed);
    }
    search_answers(&copy)?;
    drop(copy);
    std::fs::File::open(staged)
        .and_then(|f| f.sync_all())
        .map_err(|_| Error::EncryptionFailed)?;
    plain.close().map_err(|_| Error::EncryptionFailed)?;
    Ok(())
}

pub fn open_encrypted_read_only(path: &Path, key: &DataKey) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|_| Error::EncryptionFailed)?;
    conn.execute_batch(&format!("PRAGMA key = {}", key.sql_literal().as_str()))
        .map_err(|_| Error::EncryptionFailed)?;
    Ok(conn)
}

/// Every ordinary table and its row count, in name order.
fn row_counts(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let fail = |_| Error::EncryptionFailed;
    let mut stmt = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .map_err(fail)?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .map_err(fail)?
        .collect::<rusqlite::Result<_>>()
        .map_err(fail)?;
    names
        .into_iter()
        .map(|n| {
            let quoted = n.replace('"', "\"\"");
            let count = conn
                .query_row(&format!("SELECT count(*) FROM \"{quoted}\""), [], |r| {
                    r.get(0)
                })
                .map_err(fail)?;
            Ok((n, count))
        })
        .collect()
}

/// Every full-text index passes its own check and answers a query.
fn search_answers(conn: &Connection) -> Result<()> {
    let fail = |_| Error::EncryptionFailed;
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'")
        .map_err(fail)?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .map_err(fail)?
        .collect::<rusqlite::Result<_>>()
        .map_err(fail)?;
    for n in names {
        let q = n.replace('"', "\"\"");
        conn.query_row(
            &format!("SELECT count(*) FROM \"{q}\" WHERE \"{q}\" MATCH 'a*'"),
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(fail)?;
    }
    Ok(())
}
