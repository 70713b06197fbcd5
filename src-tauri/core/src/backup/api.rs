//! One use-case function per command, and the scheduled run. A `Backups` value (one per app)
//! lets only one backup or restore happen at a time and remembers why the last one failed.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, Utc};

use super::{files, is_due, parse_name, store, BackupStatus};
use crate::db::Database;
use crate::error::{Error, Result};

/// The default folder's name, beside the data.
pub const DEFAULT_FOLDER: &str = "backups";

#[derive(Default)]
pub struct Backups {
    /// Why the last backup did not work; `None` once one works.
    problem: Mutex<Option<String>>,
}

impl Backups {
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<String>> {
        self.problem
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The backup folder, and whether the caregiver chose it.
fn folder(db: &Database) -> Result<(PathBuf, bool)> {
    Ok(match db.with(|c| store::folder(c))? {
        Some(f) => (PathBuf::from(f), true),
        None => (db.dir().join(DEFAULT_FOLDER), false),
    })
}

fn status_with(db: &Database, problem: Option<String>) -> Result<BackupStatus> {
    let (dir, chosen) = folder(db)?;
    let (backups, problem) = match files::list(&dir) {
        Ok(list) => (list, problem),
        Err(e) if dir.exists() || chosen => (Vec::new(), problem.or(Some(e.caregiver_message()))),
        // The default folder appears with the first backup.
        Err(_) => (Vec::new(), problem),
    };
    Ok(BackupStatus {
        data_folder: db.dir().display().to_string(),
        backup_folder: dir.display().to_string(),
        chosen_folder: chosen,
        backups,
        problem,
    })
}

pub fn backup_status(db: &Database, backups: &Backups) -> Result<BackupStatus> {
    let problem = backups.lock().clone();
    status_with(db, problem)
}

/// Encrypts, in place, any plain copy an earlier Alongside left: backups in the default folder
/// and the chosen one, and safety copies made before an import. Each is checked before it
/// replaces the plain one; one that fails stays as it was. Returns how many were encrypted.
pub fn encrypt_plain_copies(db: &Database) -> usize {
    let Ok(key) = db.key() else { return 0 };
    let mut folders = vec![db.dir().join(DEFAULT_FOLDER)];
    if let Ok((chosen, true)) = folder(db) {
        folders.push(chosen);
    }
    let mut done = 0;
    for f in folders {
        let Ok(entries) = std::fs::read_dir(&f) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let ours = p.extension().is_some_and(|x| x == "db")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| parse_name(n).is_some() || n.starts_with("before-import-"));
            if ours && crate::protection::upgrade::is_plain(&p) {
                match crate::protection::upgrade::encrypt_in_place(&p, &key) {
                    Ok(()) => done += 1,
                    Err(_) => {
                        eprintln!("alongside: an earlier plain backup could not be encrypted")
                    }
                }
            }
        }
    }
    done
}

/// Makes one backup now, then rotates the older ones.
fn make(db: &Database, now: DateTime<Utc>) -> Result<()> {
    let (dir, chosen) = folder(db)?;
    files::ready_folder(&dir, !chosen)?;
    let key = db.key()?;
    db.with(|c| files::make(c, &key, &dir, now))?;
    // The wrapped key goes beside the backups, so they open on a new computer with the
    // passphrase or the recovery code.
    crate::protection::files::copy_beside_backups(db.dir(), &dir)?;
    files::rotate(&dir)
}

fn recorded(backups: &Backups, result: Result<()>) -> Result<()> {
    *backups.lock() = result.as_ref().err().map(Error::caregiver_message);
    result
}

pub fn back_up_now(db: &Database, backups: &Backups) -> Result<BackupStatus> {
    back_up_at(db, backups, Utc::now())
}

pub fn back_up_at(db: &Database, backups: &Backups, now: DateTime<Utc>) -> Result<BackupStatus> {
    recorded(backups, make(db, now))?;
    backup_status(db, backups)
}

/// The scheduled run (at launch and through the day): backs up when the newest backup is a
/// day old. Returns whether it made one.
pub fn run_if_due(db: &Database, backups: &Backups, now: DateTime<Utc>) -> Result<bool> {
    if !db.is_open() {
        return Ok(false);
    }
    let (dir, _) = folder(db)?;
    let newest = files::list(&dir)
        .ok()
        .and_then(|l| l.first().and_then(|b| parse_name(&b.name)));
    if !is_due(newest, now) {
        return Ok(false);
    }
    recorded(backups, make(db, now))?;
    Ok(true)
}

/// Chooses where backups go: an existing folder, or `None` for the default beside the data.
pub fn set_backup_folder(
    db: &Database,
    backups: &Backups,
    folder: Option<String>,
) -> Result<BackupStatus> {
    let folder = folder
        .map(|f| f.trim().to_owned())
        .filter(|f| !f.is_empty());
    if let Some(f) = &folder {
        let path = Path::new(f);
        if f.chars().count() > 1000 || !path.is_absolute() {
            return Err(Error::invalid(
                "folder",
                "Please give the whole path of a folder, starting from the top (like /media/usb/backups).",
            ));
        }
        if !path.is_dir() {
            return Err(Error::invalid(
                "folder",
                "That folder can't be found. Check the drive is connected and the folder exists.",
            ));
        }
    }
    db.with(|c| store::set_folder(c, folder.as_deref()))?;
    *backups.lock() = None;
    backup_status(db, backups)
}

/// Restores a kept backup: the chosen one is checked, copied beside the data, brought up to
/// this version and checked again; then, with the database closed, the data as it is is
/// backed up (not rotated, so the chosen backup stays) and the copy renamed over it.
pub fn restore_backup(db: &Database, backups: &Backups, name: &str) -> Result<BackupStatus> {
    restore_at(db, backups, name, Utc::now())
}

pub fn restore_at(
    db: &Database,
    backups: &Backups,
    name: &str,
    now: DateTime<Utc>,
) -> Result<BackupStatus> {
    let (dir, _) = folder(db)?;
    let chosen = dir.join(name);
    if parse_name(name).is_none() || !chosen.is_file() {
        return Err(Error::NotFound("backup"));
    }
    let key = db.key()?;
    files::check(&chosen, &key)?;
    let (dir, chosen_folder) = folder(db)?;
    recorded(backups, files::ready_folder(&dir, !chosen_folder))?;
    let staged = files::stage(&chosen, db.dir(), &key)?;
    // With the database closed, nothing can change between the backup of the data as it is
    // and the swap.
    let swapped = db.reopen_after(|data_dir| {
        let data = &data_dir.join(crate::db::DB_FILE);
        files::closed_cleanly(data)?;
        recorded(
            backups,
            files::make_from_closed(data, &key, &dir, now).map(|_| ()),
        )?;
        files::swap_in(&staged, data)
    });
    if swapped.is_err() {
        let _ = std::fs::remove_file(&staged);
    }
    swapped?;
    db.problem()
        .map_or(Ok(()), |p| Err(Error::invalid("backup", p.message)))?;
    backup_status(db, backups)
}

#[cfg(test)]
#[path = "api_tests.rs"]
mod tests;
