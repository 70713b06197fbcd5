//! Use cases for the app lock's settings: on or off with an idle time, and a PIN.

use super::api::{status, ProtectionStatus};
use super::files::{self, AppLockSettings};
use crate::database::Database;
use crate::error::{Error, Result};

/// Sets a PIN for the app lock (`None` removes it). Needs the passphrase, and the key store:
/// the PIN only unlocks, the key store keeps the key.
pub fn set_pin(db: &Database, passphrase: &str, pin: Option<&str>) -> Result<ProtectionStatus> {
    db.key()?;
    let mut kf = files::read(db.dir())?.ok_or(Error::KeyFileMissing)?;
    let ok = match &kf.passphrase {
        Some(slot) => super::unwrap_passphrase(slot, passphrase)?.is_some(),
        None => false,
    };
    if !ok {
        return Err(Error::invalid(
            "current",
            "That is not your passphrase. Nothing was changed.",
        ));
    }
    match pin {
        Some(p) => {
            super::validate_pin(p)?;
            if !kf.key_store {
                return Err(Error::invalid(
                    "pin",
                    "A PIN needs this computer's key store to keep the key, and it isn't available. Your passphrase still locks and opens Alongside.",
                ));
            }
            kf.pin = Some(super::pin_check(p.trim())?);
        }
        None => kf.pin = None,
    }
    files::write(db.dir(), &kf)?;
    Ok(status(db))
}

/// Turns the app lock on (with an idle time, or `None` for never on idle) or off.
pub fn set_app_lock(
    db: &Database,
    on: bool,
    idle_minutes: Option<u32>,
) -> Result<ProtectionStatus> {
    db.key()?;
    let mut kf = files::read(db.dir())?.ok_or(Error::KeyFileMissing)?;
    if on && kf.passphrase.is_none() {
        return Err(Error::invalid(
            "lock",
            "Please set a passphrase first: it is what opens Alongside when it is locked.",
        ));
    }
    if let Some(m) = idle_minutes {
        if !super::IDLE_CHOICES.contains(&m) {
            return Err(Error::invalid(
                "idle",
                "Please choose 1, 5, 15 or 60 minutes, or never.",
            ));
        }
    }
    kf.app_lock = on.then_some(AppLockSettings { idle_minutes });
    files::write(db.dir(), &kf)?;
    Ok(status(db))
}
