//! The key file, `alongside-keys.json`: the wrapped data key in its slots and the app lock's
//! settings (read before anything is unlocked). Written whole to a temporary file, synced, then
//! renamed over the old one, so a crash leaves either the old file or the new one.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{KeyCheck, WrappedKey};
use crate::error::{Error, Result};

pub const KEY_FILE: &str = "alongside-keys.json";
const FORMAT: &str = "alongside-keys";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFile {
    pub format: String,
    pub version: u32,
    /// Random; names this data's entry in the key store.
    pub id: String,
    /// Tells whether a key from the key store is this data's key.
    pub check: KeyCheck,
    /// The key store held the key when this file was last written.
    pub key_store: bool,
    pub passphrase: Option<WrappedKey>,
    pub recovery: Option<WrappedKey>,
    /// Checks a PIN for the app lock (the key then comes from the key store).
    #[serde(default)]
    pub pin: Option<WrappedKey>,
    /// The caregiver said the current recovery code is written down.
    pub recovery_saved: bool,
    /// The app lock: `Some` when on, with the idle minutes (`None`: never on idle).
    pub app_lock: Option<AppLockSettings>,
    /// Wrong tries in a row, and when the next try is allowed (RFC 3339, UTC).
    pub failed_tries: u32,
    pub retry_after: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppLockSettings {
    pub idle_minutes: Option<u32>,
}

impl KeyFile {
    pub fn new(id: String, check: KeyCheck) -> Self {
        KeyFile {
            format: FORMAT.into(),
            version: 1,
            id,
            check,
            key_store: false,
            passphrase: None,
            recovery: None,
            pin: None,
            recovery_saved: false,
            app_lock: None,
            failed_tries: 0,
            retry_after: None,
        }
    }
}

pub fn path(dir: &Path) -> PathBuf {
    dir.join(KEY_FILE)
}

/// The key file in `dir`, `None` when there is none. A file that is there but cannot be read is
/// an error, never treated as missing: that would make a new key and strand the data.
pub fn read(dir: &Path) -> Result<Option<KeyFile>> {
    let p = path(dir);
    let text = match std::fs::read_to_string(&p) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(_) => return Err(Error::KeyFileUnreadable),
    };
    let kf: KeyFile = serde_json::from_str(&text).map_err(|_| Error::KeyFileUnreadable)?;
    if kf.format != FORMAT || kf.version != 1 {
        return Err(Error::KeyFileUnreadable);
    }
    Ok(Some(kf))
}

pub fn write(dir: &Path, kf: &KeyFile) -> Result<()> {
    write_to(&path(dir), kf)
}

fn write_to(target: &Path, kf: &KeyFile) -> Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let temp = dir.join(format!(".{KEY_FILE}.part"));
    let text = serde_json::to_string_pretty(kf).map_err(|_| Error::KeyFileUnreadable)?;
    let result = (|| -> std::io::Result<()> {
        std::fs::write(&temp, text.as_bytes())?;
        // Readable by the caregiver's account only (it holds wrapped keys, nothing in plain).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&temp, std::fs::Permissions::from_mode(0o600))?;
        }
        std::fs::File::open(&temp)?.sync_all()?;
        std::fs::rename(&temp, target)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(Error::from)
}

/// A copy of the key file beside backups in `folder`, so a backup opens on a new computer with
/// the passphrase or the recovery code. It holds only wrapped keys.
pub fn copy_beside_backups(dir: &Path, folder: &Path) -> Result<()> {
    match read(dir)? {
        Some(kf) => {
            let mut copy = kf;
            copy.failed_tries = 0;
            copy.retry_after = None;
            write_to(&folder.join(KEY_FILE), &copy)
        }
        None => Ok(()),
    }
}

/// A random id for a new key file.
pub fn new_id() -> Result<String> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).map_err(|_| Error::KeyFileUnreadable)?;
    Ok(hex::encode(b))
}
