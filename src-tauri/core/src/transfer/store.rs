//! The SQL of moving data: reading every table, replacing every table, the safety copy taken
//! before an import, and removing the data files on erase.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction};
use serde_json::Value;

use super::{SqlValue, TABLES};
use crate::db::DB_FILE;
use crate::error::{Error, Result};

pub type Rows = BTreeMap<String, Vec<BTreeMap<String, Value>>>;

/// Every table's rows, each sorted by its first unique key.
pub fn read_all(conn: &Connection) -> Result<Rows> {
    let mut out = Rows::new();
    for t in TABLES {
        let cols: Vec<&str> = t.columns.iter().map(|c| c.0).collect();
        let order = t.unique[0].join(", ");
        let sql = format!(
            "SELECT {} FROM {} ORDER BY {order}",
            cols.join(", "),
            t.name
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        let mut list = Vec::new();
        while let Some(r) = rows.next()? {
            let mut row = BTreeMap::new();
            for (i, c) in cols.iter().enumerate() {
                let v = match r.get::<_, SqlValue>(i)? {
                    SqlValue::Null => Value::Null,
                    SqlValue::Integer(n) => Value::from(n),
                    SqlValue::Real(f) => Value::from(f),
                    SqlValue::Text(s) => Value::from(s),
                    SqlValue::Blob(_) => return Err(crate::db::unreadable(c).into()),
                };
                row.insert((*c).to_owned(), v);
            }
            list.push(row);
        }
        out.insert(t.name.to_owned(), list);
    }
    Ok(out)
}

/// Empties every table, then writes `rows` (one list per table of [`TABLES`]) in `tx`.
pub fn replace_all(tx: &Transaction, rows: &[Vec<Vec<SqlValue>>]) -> Result<()> {
    for t in TABLES.iter().rev() {
        tx.execute(&format!("DELETE FROM {}", t.name), [])?;
    }
    for (t, rows) in TABLES.iter().zip(rows) {
        let cols: Vec<&str> = t.columns.iter().map(|c| c.0).collect();
        let marks = vec!["?"; cols.len()].join(", ");
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({marks})",
            t.name,
            cols.join(", ")
        );
        let mut stmt = tx.prepare(&sql)?;
        for row in rows {
            stmt.execute(rusqlite::params_from_iter(row))?;
        }
    }
    let broken: Option<String> = tx
        .query_row(
            "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1",
            [],
            |r| r.get(0),
        )
        .ok();
    if broken.is_some() {
        return Err(Error::invalid(
            "import",
            "Some records in this file belong to records that are not in it. Nothing was changed.",
        ));
    }
    Ok(())
}

/// The folder of copies beside the data file.
pub fn backups_dir(dir: &Path) -> PathBuf {
    dir.join("backups")
}

/// A consistent copy of the whole database, `backups/<label>-<UTC time>.db`, never overwriting.
pub fn safety_copy(conn: &Connection, dir: &Path, label: &str) -> Result<PathBuf> {
    if dir.as_os_str().is_empty() {
        return Err(Error::invalid(
            "import",
            "Alongside could not make a safety copy first, so nothing was changed.",
        ));
    }
    let folder = backups_dir(dir);
    std::fs::create_dir_all(&folder)?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let mut path = folder.join(format!("{label}-{stamp}.db"));
    let mut n = 2;
    while path.exists() {
        path = folder.join(format!("{label}-{stamp}-{n}.db"));
        n += 1;
    }
    conn.execute("VACUUM INTO ?1", [path.to_string_lossy()])?;
    Ok(path)
}

/// Removes the data file and its WAL and shm companions, and, when asked, the `.db` copies in
/// the backups folder. Nothing else in either folder is touched. Returns how many copies went.
pub fn remove_data_files(dir: &Path, include_backups: bool) -> Result<u32> {
    for name in [
        DB_FILE.to_owned(),
        format!("{DB_FILE}-wal"),
        format!("{DB_FILE}-shm"),
    ] {
        remove_if_there(&dir.join(name))?;
    }
    let mut removed = 0;
    let folder = backups_dir(dir);
    if include_backups && folder.is_dir() {
        for entry in std::fs::read_dir(&folder)? {
            let entry = entry?;
            let ours = entry.file_type()?.is_file()
                && entry
                    .file_name()
                    .to_str()
                    .is_some_and(|n| n.ends_with(".db"));
            if ours {
                std::fs::remove_file(entry.path())?;
                removed += 1;
            }
        }
        // The wrapped key beside them opens nothing once they are gone.
        remove_if_there(&folder.join(crate::protection::files::KEY_FILE))?;
        // Only an empty folder goes; anything else someone put there stays.
        let _ = std::fs::remove_dir(&folder);
    }
    Ok(removed)
}

fn remove_if_there(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}
