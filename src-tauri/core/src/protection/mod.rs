//! How the caregiver's data is protected at rest: one random 256-bit data key encrypts the data
//! file (SQLCipher) and every backup of it. The key itself is kept in independent slots, any one
//! of which opens the data: the system key store, a passphrase the caregiver chooses, and a
//! recovery code shown once. The slots live in `alongside-keys.json` beside the data (a copy goes
//! beside the backups); the file holds only wrapped keys, never the key itself.
//!
//! This module holds the rules and the cryptography, with no SQL: wrapping (Argon2id, then
//! XChaCha20-Poly1305), recovery codes, the growing delay after wrong tries.

pub mod api;
pub mod files;
pub mod keystore;
mod lock;
pub mod upgrade;

use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// The 256-bit key that encrypts the data file. Wiped from memory when dropped.
#[derive(Clone)]
pub struct DataKey(Zeroizing<[u8; 32]>);

impl DataKey {
    pub fn random() -> Result<Self> {
        let mut k = Zeroizing::new([0u8; 32]);
        getrandom::fill(k.as_mut()).map_err(|_| no_randomness())?;
        Ok(DataKey(k))
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let arr: [u8; 32] = bytes.try_into().ok()?;
        Some(DataKey(Zeroizing::new(arr)))
    }

    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The raw key as SQLCipher takes it (`x'…'`), so no key derivation runs on each open.
    pub fn sql_literal(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("\"x'{}'\"", hex::encode(&self.0[..])))
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(…)")
    }
}

fn no_randomness() -> Error {
    Error::invalid(
        "protection",
        "This computer could not make a secure random key just now. Nothing was changed. Please try again.",
    )
}

fn random<const N: usize>() -> Result<[u8; N]> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).map_err(|_| no_randomness())?;
    Ok(b)
}

/// Argon2id settings, stored with each slot so they can change later without stranding it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

/// For a passphrase: about half a second on a 2-core machine (see the README).
pub const PASSPHRASE_KDF: KdfParams = if cfg!(test) {
    KdfParams {
        m_kib: 256,
        t: 1,
        p: 1,
    }
} else {
    KdfParams {
        m_kib: 65_536,
        t: 9,
        p: 1,
    }
};

/// A recovery code already carries 125 random bits, so a lighter setting is as strong.
pub const RECOVERY_KDF: KdfParams = if cfg!(test) {
    KdfParams {
        m_kib: 256,
        t: 1,
        p: 1,
    }
} else {
    KdfParams {
        m_kib: 19_456,
        t: 2,
        p: 1,
    }
};

/// The data key, sealed with a key derived from a secret the caregiver holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrappedKey {
    pub kdf: KdfParams,
    pub salt: String,
    pub nonce: String,
    pub sealed: String,
}

fn derive(secret: &[u8], salt: &[u8], kdf: KdfParams) -> Result<Zeroizing<[u8; 32]>> {
    let params = Params::new(kdf.m_kib, kdf.t, kdf.p, Some(32)).map_err(|_| damaged_slot())?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(secret, salt, out.as_mut())
        .map_err(|_| damaged_slot())?;
    Ok(out)
}

/// What a slot is for, bound into its seal so one slot's box cannot pass for another's.
const AAD_PASSPHRASE: &[u8] = b"alongside passphrase slot v1";
const AAD_RECOVERY: &[u8] = b"alongside recovery slot v1";
const AAD_CHECK: &[u8] = b"alongside key check v1";
const AAD_PIN: &[u8] = b"alongside pin check v1";

fn seal(key: &[u8; 32], aad: &[u8], plain: &[u8]) -> Result<(String, String)> {
    let nonce = random::<24>()?;
    let sealed = XChaCha20Poly1305::new(key.into())
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain, aad })
        .map_err(|_| damaged_slot())?;
    Ok((B64.encode(nonce), B64.encode(sealed)))
}

fn open_sealed(
    key: &[u8; 32],
    aad: &[u8],
    nonce: &str,
    sealed: &str,
) -> Option<Zeroizing<Vec<u8>>> {
    let nonce = B64.decode(nonce).ok().filter(|n| n.len() == 24)?;
    let sealed = B64.decode(sealed).ok()?;
    XChaCha20Poly1305::new(key.into())
        .decrypt(XNonce::from_slice(&nonce), Payload { msg: &sealed, aad })
        .ok()
        .map(Zeroizing::new)
}

pub fn wrap(key: &DataKey, secret: &[u8], kdf: KdfParams, aad: &[u8]) -> Result<WrappedKey> {
    let salt = random::<16>()?;
    let kek = derive(secret, &salt, kdf)?;
    let (nonce, sealed) = seal(&kek, aad, key.bytes())?;
    Ok(WrappedKey {
        kdf,
        salt: B64.encode(salt),
        nonce,
        sealed,
    })
}

/// The data key, or `None` when the secret is not the one this slot was made with.
pub fn unwrap(slot: &WrappedKey, secret: &[u8], aad: &[u8]) -> Result<Option<DataKey>> {
    let salt = B64.decode(&slot.salt).map_err(|_| damaged_slot())?;
    if salt.len() < 8 || slot.kdf.m_kib > 4 * 1024 * 1024 || slot.kdf.t > 64 {
        return Err(damaged_slot());
    }
    let kek = derive(secret, &salt, slot.kdf)?;
    Ok(open_sealed(&kek, aad, &slot.nonce, &slot.sealed).and_then(|k| DataKey::from_bytes(&k)))
}

pub fn wrap_passphrase(key: &DataKey, passphrase: &str) -> Result<WrappedKey> {
    wrap(key, passphrase.as_bytes(), PASSPHRASE_KDF, AAD_PASSPHRASE)
}

pub fn unwrap_passphrase(slot: &WrappedKey, passphrase: &str) -> Result<Option<DataKey>> {
    unwrap(slot, passphrase.as_bytes(), AAD_PASSPHRASE)
}

pub fn wrap_recovery(key: &DataKey, code: &str) -> Result<WrappedKey> {
    let code = normalize_recovery_code(code).ok_or_else(damaged_slot)?;
    wrap(key, code.as_bytes(), RECOVERY_KDF, AAD_RECOVERY)
}

pub fn unwrap_recovery(slot: &WrappedKey, typed: &str) -> Result<Option<DataKey>> {
    match normalize_recovery_code(typed) {
        Some(code) => unwrap(slot, code.as_bytes(), AAD_RECOVERY),
        None => Ok(None),
    }
}

/// A sealed known value: tells whether a key from the key store is this data's key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyCheck {
    pub nonce: String,
    pub sealed: String,
}

pub fn key_check(key: &DataKey) -> Result<KeyCheck> {
    let (nonce, sealed) = seal(key.bytes(), AAD_CHECK, b"alongside")?;
    Ok(KeyCheck { nonce, sealed })
}

pub fn is_this_key(check: &KeyCheck, key: &DataKey) -> bool {
    open_sealed(key.bytes(), AAD_CHECK, &check.nonce, &check.sealed).is_some()
}

fn damaged_slot() -> Error {
    Error::KeyFileUnreadable
}

// ---- PIN ------------------------------------------------------------------------------------

/// A PIN only unlocks the app lock: it is checked against this, and the key then comes from the
/// key store. It never wraps the key (a short PIN could be guessed offline; the key store guards
/// the key itself).
pub fn pin_check(pin: &str) -> Result<WrappedKey> {
    let salt = random::<16>()?;
    let kek = derive(pin.as_bytes(), &salt, PASSPHRASE_KDF)?;
    let (nonce, sealed) = seal(&kek, AAD_PIN, b"alongside pin")?;
    Ok(WrappedKey {
        kdf: PASSPHRASE_KDF,
        salt: B64.encode(salt),
        nonce,
        sealed,
    })
}

pub fn is_this_pin(check: &WrappedKey, pin: &str) -> Result<bool> {
    let salt = B64.decode(&check.salt).map_err(|_| damaged_slot())?;
    if salt.len() < 8 || check.kdf.m_kib > 4 * 1024 * 1024 || check.kdf.t > 64 {
        return Err(damaged_slot());
    }
    let kek = derive(pin.as_bytes(), &salt, check.kdf)?;
    Ok(open_sealed(&kek, AAD_PIN, &check.nonce, &check.sealed).is_some())
}

pub fn looks_like_pin(typed: &str) -> bool {
    let t = typed.trim();
    (PIN_MIN..=PIN_MAX).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

pub const PIN_MIN: usize = 4;
pub const PIN_MAX: usize = 12;

pub fn validate_pin(pin: &str) -> Result<()> {
    if looks_like_pin(pin) {
        Ok(())
    } else {
        Err(Error::invalid(
            "pin",
            format!("Please use {PIN_MIN} to {PIN_MAX} digits for your PIN."),
        ))
    }
}

// ---- Recovery codes -------------------------------------------------------------------------

/// Crockford's base32: no I, L, O or U, so a handwritten code reads back without doubt.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LEN: usize = 25;

/// A new code: 25 characters (125 random bits) in five groups of five.
pub fn new_recovery_code() -> Result<Zeroizing<String>> {
    let bytes = random::<CODE_LEN>()?;
    let chars: Vec<char> = bytes
        .iter()
        .map(|b| ALPHABET[(*b & 31) as usize] as char)
        .collect();
    let groups: Vec<String> = chars.chunks(5).map(|c| c.iter().collect()).collect();
    Ok(Zeroizing::new(groups.join("-")))
}

/// The code as typed, made canonical (case, spaces, dashes, and the letters people confuse),
/// or `None` when it cannot be a recovery code.
pub fn normalize_recovery_code(typed: &str) -> Option<Zeroizing<String>> {
    let mut out = Zeroizing::new(String::with_capacity(CODE_LEN));
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '\t' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !ALPHABET.contains(&(c as u8)) || !c.is_ascii() {
            return None;
        }
        out.push(c);
    }
    (out.len() == CODE_LEN).then_some(out)
}

pub fn looks_like_recovery_code(typed: &str) -> bool {
    normalize_recovery_code(typed).is_some()
}

// ---- Passphrases and tries -------------------------------------------------------------------

pub const PASSPHRASE_MIN: usize = 8;
pub const PASSPHRASE_MAX: usize = 256;

pub fn validate_passphrase(field: &'static str, p: &str) -> Result<()> {
    let n = p.chars().count();
    if p.trim().is_empty() {
        return Err(Error::invalid(field, "Please type a passphrase."));
    }
    if n < PASSPHRASE_MIN {
        return Err(Error::invalid(
            field,
            format!("Please use at least {PASSPHRASE_MIN} characters. A short sentence you will remember works well."),
        ));
    }
    if n > PASSPHRASE_MAX {
        return Err(Error::invalid(
            field,
            format!("Please keep the passphrase under {PASSPHRASE_MAX} characters."),
        ));
    }
    Ok(())
}

/// Seconds to wait before the next try, after `failed` wrong ones in a row: three free tries,
/// then 5, 10, 20 … seconds, at most 5 minutes. Never a wipe.
pub fn retry_delay_seconds(failed: u32) -> u32 {
    if failed < 3 {
        0
    } else {
        let doublings = (failed - 3).min(6);
        (5u32 << doublings).min(300)
    }
}

/// Idle times the caregiver can choose for the app lock, in minutes.
pub const IDLE_CHOICES: [u32; 4] = [1, 5, 15, 60];

/// Why Alongside is asking for a passphrase or recovery code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LockReason {
    /// The caregiver turned on the app lock.
    AppLock,
    /// No key store on this computer: the passphrase opens Alongside each time.
    NoKeyStore,
    /// The key store did not answer (not running, or locked).
    KeyStoreUnavailable,
    /// The key store answered but holds no key for this data (a new computer, a reset).
    KeyStoreMissing,
    /// The key store holds a different key than this data's.
    KeyStoreChanged,
}

#[cfg(test)]
mod tests;
