//! Bundles are protected with a passphrase the family tells each other. A relative removed from
//! the circle may know every passphrase used before their removal, so from a removal on, a
//! bundle needs a passphrase this computer has not used or opened one of the circle's bundles
//! with before it: a new key, which the family tells only those still in the circle. Each
//! passphrase used is remembered only as a salted Argon2id hash, inside the encrypted data.

use argon2::{Algorithm, Argon2, Params, Version};
use rusqlite::{params, Connection};
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// How many passphrases are remembered per circle (the newest): each is checked on every save
/// after a removal, at a few tens of milliseconds each.
pub const KEEP: i64 = 16;

/// Argon2id settings for the hashes: the data they sit in is already encrypted, so these only
/// need to make a stolen, opened database slow to guess passphrases from.
fn params() -> Params {
    let (m, t) = if cfg!(test) { (256, 1) } else { (19_456, 2) };
    Params::new(m, t, 1, Some(32)).expect("valid Argon2 settings")
}

fn hash(passphrase: &str, salt: &[u8]) -> Result<Zeroizing<[u8; 32]>> {
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params())
        .hash_password_into(passphrase.as_bytes(), salt, out.as_mut())
        .map_err(|_| {
            Error::invalid(
                "passphrase",
                "Alongside could not check this passphrase. Nothing was changed.",
            )
        })?;
    Ok(out)
}

/// Remembers that `passphrase` was used for circle `circle` (its row id) when `removed`
/// devices had been removed from it; only the newest [`KEEP`] are kept.
pub fn remember(conn: &Connection, circle: i64, passphrase: &str, removed: usize) -> Result<()> {
    if used_since(conn, circle, passphrase, removed)? {
        return Ok(());
    }
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|_| {
        Error::invalid(
            "passphrase",
            "This computer could not make a secure random key just now. Nothing was changed. Please try again.",
        )
    })?;
    let h = hash(passphrase, &salt)?;
    conn.execute(
        "INSERT INTO care_bundle_passphrases (circle, salt, hash, removed_before, used_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![circle, &salt[..], &h[..], removed as i64, crate::now_utc()],
    )?;
    conn.execute(
        "DELETE FROM care_bundle_passphrases WHERE circle = ?1 AND id NOT IN
           (SELECT id FROM care_bundle_passphrases WHERE circle = ?1 ORDER BY id DESC LIMIT ?2)",
        params![circle, KEEP],
    )?;
    Ok(())
}

/// Whether `passphrase` was used for circle `circle` while fewer than `removed` devices had
/// been removed from it: someone removed since may know it.
pub fn known_to_removed(
    conn: &Connection,
    circle: i64,
    passphrase: &str,
    removed: usize,
) -> Result<bool> {
    matches(conn, circle, passphrase, "removed_before < ?2", removed)
}

/// Whether `passphrase` is already remembered for circle `circle` at `removed` removals.
fn used_since(conn: &Connection, circle: i64, passphrase: &str, removed: usize) -> Result<bool> {
    matches(conn, circle, passphrase, "removed_before >= ?2", removed)
}

fn matches(
    conn: &Connection,
    circle: i64,
    passphrase: &str,
    when: &str,
    removed: usize,
) -> Result<bool> {
    let mut stmt = conn.prepare(&format!(
        "SELECT salt, hash FROM care_bundle_passphrases WHERE circle = ?1 AND {when} ORDER BY id DESC"
    ))?;
    let rows = stmt
        .query_map(params![circle, removed as i64], |r| {
            Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Vec<u8>>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (salt, stored) in rows {
        if hash(passphrase, &salt)?[..] == stored[..] {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The refusal when a passphrase from before a removal is used to save a bundle.
pub fn refuse_old() -> Error {
    Error::invalid(
        "passphrase",
        "Someone has been removed from this care circle since this passphrase was used, so they may know it. Please choose a new passphrase for this circle's bundles, and tell it only to those still in the circle. Nothing was saved.",
    )
}
