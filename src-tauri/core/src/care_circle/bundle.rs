//! A circle's document as a file, for families who prefer a USB stick or email to a live
//! connection: the saved document inside a small JSON envelope, encrypted with age's passphrase
//! recipient (as a protected export is). Importing merges; importing the same bundle twice
//! changes nothing.

use base64::Engine;
use serde::{Deserialize, Serialize};

use super::doc::CircleDoc;
use crate::error::{Error, Result};
use crate::transfer::protect;

/// What the `format` field of every bundle says.
pub const FORMAT: &str = "alongside-care-circle";
/// The envelope version this build writes and reads.
pub const VERSION: u32 = 1;
/// Bundles above this size are refused before they are read.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    format: String,
    version: u32,
    circle: String,
    person: String,
    /// The Automerge document, saved, in base64.
    doc: String,
}

fn refuse(message: &str) -> Error {
    Error::invalid("import", format!("{message} Nothing was changed."))
}

/// The document as a protected bundle's text. `passphrase` is checked as a new one.
pub fn seal(doc: &mut CircleDoc, passphrase: &str) -> Result<String> {
    let passphrase = protect::new_passphrase(passphrase)?;
    let envelope = Envelope {
        format: FORMAT.into(),
        version: VERSION,
        circle: doc.circle_id().unwrap_or_default(),
        person: doc.person(),
        doc: base64::engine::general_purpose::STANDARD.encode(doc.save()),
    };
    let json = serde_json::to_string(&envelope).map_err(|_| {
        Error::invalid(
            "export",
            "Alongside could not write the bundle. Nothing was saved.",
        )
    })?;
    protect::seal(&json, &passphrase)
}

/// Refuses a file too large to be a bundle, before anything else is done with it.
pub fn check_size(text: &str) -> Result<()> {
    if text.len() > MAX_BYTES {
        return Err(refuse("This file is too large to be a care circle bundle."));
    }
    Ok(())
}

/// The document a bundle holds, opened with `passphrase`, to be changed by `actor`.
pub fn open(text: &str, passphrase: &str, actor: &[u8]) -> Result<CircleDoc> {
    check_size(text)?;
    if !protect::is_protected(text) {
        return Err(refuse("This is not a care circle bundle from Alongside."));
    }
    let inner = protect::open(text, Some(passphrase))?;
    let envelope: Envelope = serde_json::from_str(&inner)
        .ok()
        .filter(|e: &Envelope| e.format == FORMAT)
        .ok_or_else(|| refuse("This is not a care circle bundle from Alongside."))?;
    if envelope.version > VERSION {
        return Err(refuse(
            "This bundle comes from a newer Alongside. Please update Alongside, then try again.",
        ));
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(envelope.doc.as_bytes())
        .map_err(|_| refuse("This bundle is damaged."))?;
    let doc = CircleDoc::load(&bytes, actor)?;
    if doc.circle_id().as_deref() != Some(envelope.circle.as_str()) {
        return Err(refuse("This bundle is damaged."));
    }
    Ok(doc)
}
