//! The protected form of the file: the same JSON, encrypted with age's passphrase (scrypt)
//! recipient and ASCII-armored, so it is still text and the `age` tool opens it too
//! (`age -d`). A passphrase is used as typed, without spaces at its start and end.

use std::borrow::Cow;
use std::io::Read;

use age::secrecy::SecretString;

use super::{too_big, MAX_BYTES};
use crate::error::{Error, Result};
use crate::validate;

/// How every protected file begins (age's armor).
pub const ARMOR_BEGIN: &str = "-----BEGIN AGE ENCRYPTED FILE-----";
/// How an unarmored (binary) age file begins.
const BINARY_BEGIN: &str = "age-encryption.org/";
/// Shortest passphrase a new file may have: long enough to resist guessing at age's
/// work factor, short enough for a few remembered words.
pub const PASSPHRASE_MIN: usize = 8;
/// Longest passphrase accepted (any real one, and a pasted one from a password manager).
pub const PASSPHRASE_MAX: usize = 1000;

/// age picks a work factor worth about a second on this computer. Unit tests use a light one
/// so they stay quick; the app always uses age's own choice.
const WORK_FACTOR: Option<u8> = if cfg!(test) { Some(10) } else { None };

/// True when `text` is a protected file (armored age).
pub fn is_protected(text: &str) -> bool {
    text.trim_start().starts_with(ARMOR_BEGIN)
}

/// Checks a passphrase for a new file and returns it as it will be used.
pub fn new_passphrase(typed: &str) -> Result<String> {
    let passphrase = validate::required_text("passphrase", typed, PASSPHRASE_MAX, "a passphrase")?;
    let n = passphrase.chars().count();
    if n < PASSPHRASE_MIN {
        return Err(Error::invalid(
            "passphrase",
            format!(
                "Please choose a passphrase of at least {PASSPHRASE_MIN} characters (this one has {n}). A few words you will remember work well. Nothing was saved."
            ),
        ));
    }
    Ok(passphrase)
}

/// Encrypts `text` to `passphrase` (already checked by [`new_passphrase`]), armored.
pub fn seal(text: &str, passphrase: &str) -> Result<String> {
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
    if let Some(log_n) = WORK_FACTOR {
        recipient.set_work_factor(log_n);
    }
    age::encrypt_and_armor(&recipient, text.as_bytes()).map_err(|_| {
        Error::invalid(
            "export",
            "Alongside could not protect the file, so nothing was saved. Please try again.",
        )
    })
}

fn refuse(message: &str) -> Error {
    Error::invalid("import", format!("{message} Nothing was changed."))
}

fn open_with_age_first(why: &str) -> Error {
    refuse(&format!(
        "{why} Please open it with the age tool first (age -d), then import the file inside."
    ))
}

/// The file's text: `text` itself when it is not protected, or what it holds when
/// `passphrase` opens it. Nothing is written here; a refusal says what to do.
pub fn open<'a>(text: &'a str, passphrase: Option<&str>) -> Result<Cow<'a, str>> {
    if text.starts_with(BINARY_BEGIN) {
        return Err(open_with_age_first(
            "This file is protected with age but saved in its binary form, which Alongside cannot read.",
        ));
    }
    if !is_protected(text) {
        return Ok(Cow::Borrowed(text));
    }
    let typed = passphrase.map(str::trim).unwrap_or_default();
    if typed.is_empty() {
        return Err(Error::invalid(
            "passphrase",
            "This file is protected with a passphrase. Please type it to open the file. Nothing was changed.",
        ));
    }
    let passphrase = validate::required_text("passphrase", typed, PASSPHRASE_MAX, "the passphrase")
        .map_err(|e| match e {
            Error::Invalid { field, message } => Error::Invalid {
                field,
                message: format!("{message} Nothing was changed."),
            },
            other => other,
        })?;
    let damaged =
        || refuse("This protected file could not be opened: it may be cut short or damaged.");
    let armored = age::armor::ArmoredReader::new(text.trim_start().as_bytes());
    let decryptor = age::Decryptor::new_buffered(armored).map_err(|_| damaged())?;
    if !decryptor.is_scrypt() {
        return Err(open_with_age_first(
            "This file is protected with an age key rather than a passphrase, so Alongside cannot open it.",
        ));
    }
    let identity = age::scrypt::Identity::new(SecretString::from(passphrase));
    let reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::DecryptionFailed => Error::invalid(
                "passphrase",
                "That passphrase does not open this file. Please check it and type it again (capital letters and spaces count). Nothing was changed.",
            ),
            age::DecryptError::ExcessiveWork { .. } => {
                refuse("This file was protected on a much faster computer, and opening it here would take too long. Please import it on that computer, or open it there with the age tool (age -d) and bring the file inside.")
            }
            _ => damaged(),
        })?;
    let mut plain = Vec::new();
    reader
        .take(MAX_BYTES as u64 + 1)
        .read_to_end(&mut plain)
        .map_err(|_| damaged())?;
    if plain.len() > MAX_BYTES {
        return Err(too_big());
    }
    String::from_utf8(plain)
        .map(Cow::Owned)
        .map_err(|_| damaged())
}
