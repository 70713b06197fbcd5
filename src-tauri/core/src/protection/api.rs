//! Use cases: find the key at start, unlock, set a first passphrase, lock, change the
//! passphrase, make a new recovery code, and turn the app lock on or off.

use serde::Serialize;
use ts_rs::TS;

use super::files::{self, KeyFile};
use super::keystore::KeyStoreError;
pub use super::lock::{set_app_lock, set_pin};
use super::{upgrade, DataKey, LockReason};
use crate::database::{Database, State};
use crate::db::DB_FILE;
use crate::error::{Error, Result};

/// What protects the data today, for the lock screen and Settings.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProtectionStatus {
    pub state: ProtectionState,
    pub locked_because: Option<LockReason>,
    /// The system key store holds the key, so Alongside opens without asking.
    pub key_store: bool,
    pub passphrase: bool,
    /// A PIN opens the app lock (with the key store's help).
    pub pin: bool,
    pub recovery_code: bool,
    /// A new recovery code, shown until the caregiver says it is written down.
    pub recovery_code_to_show: Option<String>,
    pub app_lock: bool,
    /// Lock after this many idle minutes; `None` for never.
    pub idle_minutes: Option<u32>,
    /// Seconds to wait before the next try, after wrong ones.
    pub retry_in_seconds: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProtectionState {
    Open,
    Locked,
    /// No key store here: a first passphrase is needed before anything is saved.
    Setup,
    /// The data could not be opened for another reason (see the app status).
    Unavailable,
}

/// At start (and on retry): find the key and open the data, or say why not.
pub(crate) fn start(db: &Database) {
    let dir = db.dir().to_path_buf();
    let kf = match files::read(&dir) {
        Ok(kf) => kf,
        Err(e) => return db.set_state(State::Failed(e)),
    };
    let Some(kf) = kf else {
        let data = dir.join(DB_FILE);
        if !upgrade::is_absent_or_empty(&data) && !upgrade::is_plain(&data) {
            return db.set_state(State::Failed(Error::KeyFileMissing));
        }
        // A first start, or a plain file from before encryption: a new key, kept in the key store.
        return match new_key_file(db, None) {
            Ok(Some(key)) => opened(db, key),
            Ok(None) => db.set_state(State::NeedsSetup),
            Err(e) => db.set_state(State::Failed(e)),
        };
    };
    if kf.app_lock.is_some() {
        return db.set_state(State::Locked(LockReason::AppLock));
    }
    match db.keystore().get(&kf.id) {
        Ok(k) => match DataKey::from_bytes(&k).filter(|k| super::is_this_key(&kf.check, k)) {
            Some(key) => opened(db, key),
            None => db.set_state(State::Locked(LockReason::KeyStoreChanged)),
        },
        Err(_) if !kf.key_store => db.set_state(State::Locked(LockReason::NoKeyStore)),
        Err(KeyStoreError::Missing) => db.set_state(State::Locked(LockReason::KeyStoreMissing)),
        Err(KeyStoreError::Unavailable) => {
            db.set_state(State::Locked(LockReason::KeyStoreUnavailable))
        }
    }
}

/// Opens with `key`; a recovery code not yet written down is replaced and shown again.
fn opened(db: &Database, key: DataKey) {
    if db.open_with(key.clone()).is_err() {
        return;
    }
    // Backups an earlier version left in plain are encrypted too.
    crate::backup::api::encrypt_plain_copies(db);
    if let Ok(Some(kf)) = files::read(db.dir()) {
        if !kf.recovery_saved && db.recovery_code_to_show().is_none() {
            let _ = replace_recovery_code(db, &key, kf);
        }
    }
}

/// Makes a data key and its key file. Returns `None` when there is no key store and no
/// passphrase to keep it with (nothing is written then).
fn new_key_file(db: &Database, passphrase: Option<&str>) -> Result<Option<DataKey>> {
    let key = DataKey::random()?;
    let mut kf = KeyFile::new(files::new_id()?, super::key_check(&key)?);
    kf.key_store = db.keystore().set(&kf.id, key.bytes()).is_ok();
    if let Some(p) = passphrase {
        kf.passphrase = Some(super::wrap_passphrase(&key, p)?);
    }
    if !kf.key_store && kf.passphrase.is_none() {
        return Ok(None);
    }
    let code = super::new_recovery_code()?;
    kf.recovery = Some(super::wrap_recovery(&key, &code)?);
    std::fs::create_dir_all(db.dir())?;
    files::write(db.dir(), &kf)?;
    db.show_recovery_code(Some(code));
    Ok(Some(key))
}

fn replace_recovery_code(db: &Database, key: &DataKey, mut kf: KeyFile) -> Result<()> {
    let code = super::new_recovery_code()?;
    kf.recovery = Some(super::wrap_recovery(key, &code)?);
    kf.recovery_saved = false;
    files::write(db.dir(), &kf)?;
    db.show_recovery_code(Some(code));
    Ok(())
}

pub fn status(db: &Database) -> ProtectionStatus {
    let kf = files::read(db.dir()).ok().flatten();
    let state = if db.is_open() {
        ProtectionState::Open
    } else if db.lock_reason().is_some() {
        ProtectionState::Locked
    } else if db.needs_setup() {
        ProtectionState::Setup
    } else {
        ProtectionState::Unavailable
    };
    ProtectionStatus {
        state,
        locked_because: db.lock_reason(),
        key_store: kf.as_ref().is_some_and(|k| k.key_store),
        passphrase: kf.as_ref().is_some_and(|k| k.passphrase.is_some()),
        pin: kf.as_ref().is_some_and(|k| k.pin.is_some()),
        recovery_code: kf.as_ref().is_some_and(|k| k.recovery.is_some()),
        recovery_code_to_show: if state == ProtectionState::Open {
            db.recovery_code_to_show()
        } else {
            None
        },
        app_lock: kf.as_ref().is_some_and(|k| k.app_lock.is_some()),
        idle_minutes: kf
            .as_ref()
            .and_then(|k| k.app_lock)
            .and_then(|a| a.idle_minutes),
        retry_in_seconds: kf.as_ref().map_or(0, wait_seconds),
    }
}

fn wait_seconds(kf: &KeyFile) -> u32 {
    let Some(after) = kf
        .retry_after
        .as_deref()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
    else {
        return 0;
    };
    let left = after.with_timezone(&chrono::Utc) - chrono::Utc::now();
    // A clock set back must not stretch the wait past the longest delay.
    left.num_seconds().clamp(0, 300) as u32 + u32::from(left.num_milliseconds() % 1000 > 0)
}

/// Opens Alongside with the passphrase or the recovery code (whichever `secret` is). A key store
/// that lost or changed the key gets it back.
pub fn unlock(db: &Database, secret: &str) -> Result<ProtectionStatus> {
    let Some(reason) = db.lock_reason() else {
        return Ok(status(db));
    };
    let mut kf = files::read(db.dir())?.ok_or(Error::KeyFileMissing)?;
    let wait = wait_seconds(&kf);
    if wait > 0 {
        return Err(Error::invalid(
            "secret",
            format!("Please wait {wait} seconds before trying again. Nothing is lost: Alongside never erases your data after wrong tries."),
        ));
    }
    let key = match find_key(db, &kf, reason, secret)? {
        Some(k) => k,
        None => {
            kf.failed_tries = kf.failed_tries.saturating_add(1);
            let delay = super::retry_delay_seconds(kf.failed_tries);
            kf.retry_after = (delay > 0).then(|| {
                (chrono::Utc::now() + chrono::Duration::seconds(delay.into()))
                    .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
            });
            files::write(db.dir(), &kf)?;
            let then = if delay > 0 {
                format!(" Please wait {delay} seconds before the next try.")
            } else {
                String::new()
            };
            return Err(Error::invalid(
                "secret",
                format!("That doesn't open Alongside. Please check it and try again; capital letters matter in a passphrase.{then}"),
            ));
        }
    };
    kf.failed_tries = 0;
    kf.retry_after = None;
    let in_store = db
        .keystore()
        .get(&kf.id)
        .ok()
        .and_then(|k| DataKey::from_bytes(&k))
        .is_some_and(|k| super::is_this_key(&kf.check, &k));
    if !in_store {
        // Rebuild the key store's slot; if the store is still away, the passphrase opens next time.
        kf.key_store = db.keystore().set(&kf.id, key.bytes()).is_ok();
    }
    files::write(db.dir(), &kf)?;
    db.open_with(key.clone())?;
    if !kf.recovery_saved {
        replace_recovery_code(db, &key, kf)?;
    }
    Ok(status(db))
}

fn find_key(
    db: &Database,
    kf: &KeyFile,
    reason: LockReason,
    secret: &str,
) -> Result<Option<DataKey>> {
    if secret.trim().is_empty() {
        return Err(Error::invalid(
            "secret",
            "Please type your passphrase or recovery code.",
        ));
    }
    if let Some(check) = kf.pin.as_ref().filter(|_| super::looks_like_pin(secret)) {
        if super::is_this_pin(check, secret.trim())? {
            // The PIN opens only the app lock, with the key from the key store.
            let from_store = db
                .keystore()
                .get(&kf.id)
                .ok()
                .and_then(|k| DataKey::from_bytes(&k))
                .filter(|k| super::is_this_key(&kf.check, k));
            return match from_store {
                Some(k) if reason == LockReason::AppLock => Ok(Some(k)),
                _ => Err(Error::invalid(
                    "secret",
                    "Your PIN can't open Alongside just now, because this computer's key store can't give the key. Please type your passphrase or recovery code instead.",
                )),
            };
        }
    }
    if secret.chars().count() > super::PASSPHRASE_MAX {
        return Ok(None);
    }
    if let Some(slot) = &kf.passphrase {
        if let Some(k) = super::unwrap_passphrase(slot, secret)? {
            return Ok(Some(k));
        }
    }
    if let Some(slot) = kf
        .recovery
        .as_ref()
        .filter(|_| super::looks_like_recovery_code(secret))
    {
        if let Some(k) = super::unwrap_recovery(slot, secret)? {
            return Ok(Some(k));
        }
    }
    Ok(None)
}

/// On a computer without a key store: the first passphrase makes the key, then opens the data
/// (encrypting a plain file from before, if there is one).
pub fn set_up(db: &Database, passphrase: &str) -> Result<ProtectionStatus> {
    if !db.needs_setup() {
        return Ok(status(db));
    }
    super::validate_passphrase("passphrase", passphrase)?;
    let key = new_key_file(db, Some(passphrase))?.ok_or(Error::KeyFileUnreadable)?;
    db.open_with(key)?;
    Ok(status(db))
}

/// Locks now: closes the data and drops the key. Needs a passphrase to open again.
pub fn lock_now(db: &Database) -> Result<ProtectionStatus> {
    let kf = files::read(db.dir())?.ok_or(Error::KeyFileMissing)?;
    if kf.passphrase.is_none() || kf.app_lock.is_none() {
        return Err(Error::invalid(
            "lock",
            "To lock Alongside, first turn on the app lock with a passphrase in Settings.",
        ));
    }
    db.set_locked(LockReason::AppLock);
    Ok(status(db))
}

/// Sets or changes the passphrase. Changing one needs the current one.
pub fn set_passphrase(db: &Database, current: Option<&str>, new: &str) -> Result<ProtectionStatus> {
    let key = db.key()?;
    let mut kf = files::read(db.dir())?.ok_or(Error::KeyFileMissing)?;
    if let Some(slot) = &kf.passphrase {
        let ok = match current {
            Some(c) => super::unwrap_passphrase(slot, c)?.is_some(),
            None => false,
        };
        if !ok {
            return Err(Error::invalid(
                "current",
                "That is not your current passphrase. Nothing was changed.",
            ));
        }
    }
    super::validate_passphrase("passphrase", new)?;
    kf.passphrase = Some(super::wrap_passphrase(&key, new)?);
    files::write(db.dir(), &kf)?;
    Ok(status(db))
}

/// A new recovery code replaces the old one (which stops working); shown until saved.
pub fn new_recovery_code(db: &Database) -> Result<ProtectionStatus> {
    let key = db.key()?;
    let kf = files::read(db.dir())?.ok_or(Error::KeyFileMissing)?;
    replace_recovery_code(db, &key, kf)?;
    Ok(status(db))
}

/// The caregiver has written the recovery code down: it is not shown again.
pub fn recovery_code_saved(db: &Database) -> Result<ProtectionStatus> {
    db.key()?;
    let mut kf = files::read(db.dir())?.ok_or(Error::KeyFileMissing)?;
    kf.recovery_saved = true;
    files::write(db.dir(), &kf)?;
    db.show_recovery_code(None);
    Ok(status(db))
}

/// After everything is erased: the key file and the key store's entry go too.
pub fn forget_key(db_dir: &std::path::Path, keystore: &dyn super::keystore::KeyStore) {
    if let Ok(Some(kf)) = files::read(db_dir) {
        let _ = keystore.delete(&kf.id);
    }
    let _ = std::fs::remove_file(files::path(db_dir));
}
