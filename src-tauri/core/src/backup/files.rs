//! The file work of backups: a consistent copy written under a temporary name, checked, then
//! renamed into place; listing and rotating the kept ones; staging a chosen backup for Restore.
//! Only files named like a backup are ever removed, and only after a newer one is checked.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, OpenFlags};

use super::{file_name, parse_name, to_keep, BackupInfo};
use crate::db::{self, DB_FILE};
use crate::error::{Error, Result};
use crate::protection::{upgrade, DataKey};

const FIELD: &str = "backup";

fn unreachable_folder(folder: &Path) -> Error {
    Error::invalid(
        FIELD,
        format!(
            "The backup folder {} can't be reached right now. If it is on a USB drive or a \
             synced folder, connect it and Alongside will try again. Your data is safe, and \
             earlier backups have not been touched.",
            folder.display()
        ),
    )
}

fn failed_check() -> Error {
    Error::invalid(
        FIELD,
        "The new backup didn't pass its check, so it was not kept. Your data and earlier \
         backups are safe. Alongside will try again later.",
    )
}

fn unreadable_backup() -> Error {
    Error::invalid(
        FIELD,
        "That backup could not be read, so it can't be restored. Nothing was changed. Please \
         choose another one.",
    )
}

fn too_new() -> Error {
    Error::invalid(
        FIELD,
        "That backup was made by a newer version of Alongside, so this version can't restore \
         it. Nothing was changed. Install the latest Alongside to use it.",
    )
}

/// Makes sure the folder is there: the default one is created, a chosen one (a USB drive, a
/// synced folder) must already exist, so an unplugged drive is never replaced by a new folder.
pub fn ready_folder(folder: &Path, create: bool) -> Result<()> {
    if create {
        std::fs::create_dir_all(folder).map_err(|_| unreachable_folder(folder))?;
    }
    if folder.is_dir() {
        Ok(())
    } else {
        Err(unreachable_folder(folder))
    }
}

/// Opens a file read-only and checks it: it is a database, `integrity_check` says ok, and its
/// version is not newer than this build. Returns the version.
/// A backup from before encryption (plain) is read as it is; any other needs this data's key.
pub fn check(path: &Path, key: &DataKey) -> Result<i64> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|_| unreadable_backup())?;
    if !upgrade::is_plain(path) {
        conn.execute_batch(&format!("PRAGMA key = {}", key.sql_literal().as_str()))
            .map_err(|_| unreadable_backup())?;
    }
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| unreadable_backup())?;
    if ok != "ok" {
        return Err(unreadable_backup());
    }
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|_| unreadable_backup())?;
    if version > db::latest_version() {
        return Err(too_new());
    }
    Ok(version)
}

/// A consistent copy of the open database into `folder`, named for `now`.
/// The copy is encrypted with the same key as the data (SQLCipher's `VACUUM INTO`).
pub fn make(
    conn: &Connection,
    key: &DataKey,
    folder: &Path,
    now: DateTime<Utc>,
) -> Result<BackupInfo> {
    make_checked(
        folder,
        now,
        |temp| vacuum_into(conn, temp),
        |p| check(p, key),
    )
}

/// A copy of the closed data file (its -wal empty, see [`closed_cleanly`]) into `folder`:
/// taken while the database is closed for a restore, so no change can slip in between.
pub fn make_from_closed(
    data_file: &Path,
    key: &DataKey,
    folder: &Path,
    now: DateTime<Utc>,
) -> Result<BackupInfo> {
    make_checked(
        folder,
        now,
        |temp| {
            std::fs::copy(data_file, temp).map_err(|_| unreachable_folder(folder))?;
            Ok(())
        },
        |p| check(p, key),
    )
}

fn make_checked(
    folder: &Path,
    now: DateTime<Utc>,
    write: impl FnOnce(&Path) -> Result<()>,
    check: impl FnOnce(&Path) -> Result<i64>,
) -> Result<BackupInfo> {
    let mut at = now;
    while folder.join(file_name(at)).exists() {
        at += Duration::seconds(1);
    }
    let name = file_name(at);
    let temp = folder.join(format!(".{name}.part"));
    let _ = std::fs::remove_file(&temp);
    let result = write(&temp)
        .and_then(|()| {
            std::fs::File::open(&temp)
                .and_then(|f| f.sync_all())
                .map_err(|_| unreachable_folder(folder))
        })
        .and_then(|()| check(&temp).map_err(|_| failed_check()))
        .and_then(|_| {
            let target = folder.join(&name);
            std::fs::rename(&temp, &target).map_err(|_| unreachable_folder(folder))?;
            sync_dir(folder);
            info(&target, at)
        });
    if result.is_err() {
        // Our own unfinished copy: never left behind to look like a backup.
        let _ = std::fs::remove_file(&temp);
    }
    result
}

fn vacuum_into(conn: &Connection, temp: &Path) -> Result<()> {
    let folder = temp.parent().unwrap_or(Path::new("."));
    let target = temp.to_str().ok_or_else(|| unreachable_folder(folder))?;
    conn.execute("VACUUM INTO ?1", [target])
        .map_err(|_| unreachable_folder(folder))?;
    Ok(())
}

fn info(path: &Path, at: DateTime<Utc>) -> Result<BackupInfo> {
    Ok(BackupInfo {
        name: file_name(at),
        made_at: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        size_bytes: std::fs::metadata(path)?.len(),
    })
}

fn sync_dir(dir: &Path) {
    // Makes a rename durable where the platform allows opening a folder; best effort elsewhere.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// The kept backups in `folder`, newest first. Other files are ignored.
pub fn list(folder: &Path) -> Result<Vec<BackupInfo>> {
    let entries = std::fs::read_dir(folder).map_err(|_| unreachable_folder(folder))?;
    let mut found: Vec<(DateTime<Utc>, BackupInfo)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let at = parse_name(e.file_name().to_str()?)?;
            Some((at, info(&e.path(), at).ok()?))
        })
        .collect();
    found.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    Ok(found.into_iter().map(|(_, i)| i).collect())
}

/// Removes the backups the rotation rule does not keep. Call only after a new one is checked.
pub fn rotate(folder: &Path) -> Result<()> {
    let times: Vec<_> = list(folder)?
        .iter()
        .filter_map(|b| parse_name(&b.name))
        .collect();
    let keep = to_keep(&times);
    for t in times.iter().filter(|t| !keep.contains(t)) {
        let _ = std::fs::remove_file(folder.join(file_name(*t)));
    }
    Ok(())
}

/// `path` with `-wal` or `-shm` added.
fn companion(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

fn remove_staged(staged: &Path) {
    for p in [
        staged.to_path_buf(),
        companion(staged, "-wal"),
        companion(staged, "-shm"),
    ] {
        let _ = std::fs::remove_file(p);
    }
}

/// Copies the chosen backup beside the data as `alongside.db.restoring`, brings it up to this
/// version (migrations run as on any open), and checks it again. The data is not touched.
/// A backup from before encryption is encrypted on the way in.
pub fn stage(backup: &Path, data_dir: &Path, key: &DataKey) -> Result<PathBuf> {
    check(backup, key)?;
    let staged = data_dir.join(format!("{DB_FILE}.restoring"));
    remove_staged(&staged);
    let result = (|| {
        std::fs::copy(backup, &staged)?;
        if upgrade::is_plain(&staged) {
            upgrade::encrypt_in_place(&staged, key)?;
        }
        let conn = db::open_file(&staged, key, db::DEFAULT_BUSY_TIMEOUT)?;
        // Back to a single file, so nothing of it is left in a -wal beside it.
        conn.pragma_update(None, "journal_mode", "DELETE")?;
        conn.close().map_err(|(_, e)| e)?;
        check(&staged, key)?;
        std::fs::File::open(&staged)?.sync_all()?;
        Ok(())
    })();
    match result {
        Ok(()) => Ok(staged),
        Err(e) => {
            remove_staged(&staged);
            Err(match e {
                Error::Invalid { .. } => e,
                _ => unreadable_backup(),
            })
        }
    }
}

/// The closed data file holds everything: its -wal is gone or empty. Otherwise another program
/// still has it open, and nothing is copied or swapped.
pub fn closed_cleanly(data_file: &Path) -> Result<()> {
    let wal = companion(data_file, "-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Err(Error::DataBusy);
    }
    Ok(())
}

/// Renames the staged file over the closed data file (see [`closed_cleanly`]); the stale -wal
/// and -shm are removed only once the new file is in place.
pub fn swap_in(staged: &Path, data_file: &Path) -> Result<()> {
    closed_cleanly(data_file)?;
    std::fs::rename(staged, data_file)?;
    if let Some(dir) = data_file.parent() {
        sync_dir(dir);
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(companion(data_file, suffix));
    }
    Ok(())
}

#[cfg(test)]
#[path = "files_tests.rs"]
mod tests;
