//! The care circle's own rows: this device's key, each circle with its saved document, when
//! each other device last synced, and the stable id of every shared record.

use std::sync::Mutex;

use ed25519_dalek::SigningKey;
use rusqlite::{params, Connection, OptionalExtension};

use super::doc::CircleDoc;
use super::SharedKind;
use crate::error::Result;

/// This computer in every circle: an Ed25519 key kept in the encrypted database. Its public
/// half, in hex, is the device id others see (the same id a live connection proves).
pub struct Device {
    secret: [u8; 32],
}

impl Device {
    pub fn id(&self) -> String {
        hex::encode(self.public())
    }

    /// The public key's bytes: also the Automerge actor for this device's changes.
    pub fn public(&self) -> [u8; 32] {
        SigningKey::from_bytes(&self.secret)
            .verifying_key()
            .to_bytes()
    }

    pub fn secret(&self) -> &[u8; 32] {
        &self.secret
    }
}

fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the system's random numbers");
    bytes
}

/// A new random id (for a circle or a shared record).
pub fn new_id() -> String {
    hex::encode(random::<16>())
}

/// This device's key, made on first use.
pub fn device(conn: &Connection) -> Result<Device> {
    let found: Option<Vec<u8>> = conn
        .query_row("SELECT secret FROM care_device WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(bytes) = found {
        if let Ok(secret) = <[u8; 32]>::try_from(bytes.as_slice()) {
            return Ok(Device { secret });
        }
    }
    let secret = random::<32>();
    conn.execute(
        "INSERT INTO care_device (id, secret, created_at) VALUES (1, ?1, ?2)
         ON CONFLICT(id) DO UPDATE SET secret = excluded.secret",
        params![secret.to_vec(), crate::now_utc()],
    )?;
    Ok(Device { secret })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CircleRow {
    pub id: i64,
    pub circle_id: String,
    pub person_id: i64,
    pub created_at: String,
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CircleRow> {
    Ok(CircleRow {
        id: r.get(0)?,
        circle_id: r.get(1)?,
        person_id: r.get(2)?,
        created_at: r.get(3)?,
    })
}

const COLUMNS: &str = "id, circle_id, person_id, created_at";

/// The circles this device is in (not left), oldest first.
pub fn circles(conn: &Connection) -> Result<Vec<CircleRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM care_circles WHERE left_at IS NULL ORDER BY id"
    ))?;
    let rows = stmt.query_map([], row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn circle(conn: &Connection, id: i64) -> Result<Option<CircleRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM care_circles WHERE id = ?1 AND left_at IS NULL"),
            [id],
            row,
        )
        .optional()?)
}

pub fn circle_by_circle_id(conn: &Connection, circle_id: &str) -> Result<Option<CircleRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM care_circles WHERE circle_id = ?1 AND left_at IS NULL"),
            [circle_id],
            row,
        )
        .optional()?)
}

pub fn insert_circle(
    conn: &Connection,
    circle_id: &str,
    person_id: i64,
    doc: &mut CircleDoc,
) -> Result<i64> {
    let bytes = doc.save();
    conn.execute(
        "INSERT INTO care_circles (circle_id, person_id, doc, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![circle_id, person_id, bytes, crate::now_utc()],
    )?;
    doc.stored = Some(doc.heads());
    Ok(conn.last_insert_rowid())
}

/// Documents kept in memory between steps, by circle row id. A live sync reads and writes a
/// circle's document several times for every change, and reading one with ten years of records
/// from its saved form takes about 0.2 s. Every save stamps the row with a fresh random token,
/// and a kept document is used only while its row still carries the token it was kept under:
/// a rolled-back transaction, a restored backup or another database leave another token, and
/// the document is read from the database again.
static KEPT: Mutex<Vec<Kept>> = Mutex::new(Vec::new());

/// A kept document: whose (this computer's key, which differs in every database), which
/// circle (its row id), and the token of the save it matches.
struct Kept {
    owner: [u8; 32],
    circle: i64,
    token: i64,
    doc: CircleDoc,
}
/// At most this many documents are kept (the newest).
const KEEP_DOCS: usize = 4;

fn kept() -> std::sync::MutexGuard<'static, Vec<Kept>> {
    KEPT.lock().unwrap_or_else(|e| e.into_inner())
}

fn token_of(conn: &Connection, circle: &CircleRow) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT doc_token FROM care_circles WHERE id = ?1",
        [circle.id],
        |r| r.get(0),
    )?)
}

/// The circle's document, to read or change; hand it back with [`save_doc`] once changed, or
/// with [`keep_doc`] if it was only read.
pub fn load_doc(conn: &Connection, circle: &CircleRow, device: &Device) -> Result<CircleDoc> {
    let token = token_of(conn, circle)?;
    if token != 0 {
        let owner = device.public();
        let mut kept = kept();
        if let Some(i) = kept
            .iter()
            .position(|k| k.owner == owner && k.circle == circle.id && k.token == token)
        {
            return Ok(kept.remove(i).doc);
        }
    }
    let bytes: Vec<u8> = conn.query_row(
        "SELECT doc FROM care_circles WHERE id = ?1",
        [circle.id],
        |r| r.get(0),
    )?;
    CircleDoc::load(&bytes, &device.public())
}

fn keep(conn: &Connection, circle: i64, token: i64, doc: CircleDoc) -> Result<()> {
    let owner = device(conn)?.public();
    let mut kept = kept();
    kept.retain(|k| !(k.owner == owner && k.circle == circle));
    kept.push(Kept {
        owner,
        circle,
        token,
        doc,
    });
    if kept.len() > KEEP_DOCS {
        kept.remove(0);
    }
    Ok(())
}

/// Hands back a document that was only read, to be kept for the next step. One that changed
/// since it was loaded is not kept (its changes would be lost): it must be saved.
pub fn keep_doc(conn: &Connection, circle: &CircleRow, mut doc: CircleDoc) -> Result<()> {
    let token = token_of(conn, circle)?;
    let heads = doc.heads();
    if token != 0 && doc.stored.as_ref() == Some(&heads) {
        keep(conn, circle.id, token, doc)?;
    }
    Ok(())
}

/// Writes the circle's document: only the changes since what the row holds, appended (a few
/// milliseconds), or the whole document, compacted, once the appended part has grown to half
/// of the whole. Keeps the document for the next step.
pub fn save_doc(conn: &Connection, circle: &CircleRow, mut doc: CircleDoc) -> Result<()> {
    let token = loop {
        let mut b = [0u8; 8];
        getrandom::fill(&mut b).map_err(|_| {
            crate::error::Error::invalid(
                "care_circle",
                "This computer could not make a secure random number just now. Nothing was changed. Please try again.",
            )
        })?;
        let t = i64::from_le_bytes(b);
        if t != 0 {
            break t;
        }
    };
    let heads = doc.heads();
    let (whole, appended): (Vec<u8>, i64) = conn.query_row(
        "SELECT doc, doc_appended FROM care_circles WHERE id = ?1",
        [circle.id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let full = |doc: &mut CircleDoc| -> Result<()> {
        conn.execute(
            "UPDATE care_circles SET doc = ?1, doc_appended = 0, doc_token = ?2 WHERE id = ?3",
            params![doc.save(), token, circle.id],
        )?;
        Ok(())
    };
    match doc.stored.clone() {
        Some(after) if after == heads => {
            conn.execute(
                "UPDATE care_circles SET doc_token = ?1 WHERE id = ?2",
                params![token, circle.id],
            )?;
        }
        Some(after) => {
            let delta = doc.save_after(&after);
            // Appended only while the changes stay under half of the whole: they load slower
            // than a saved document does.
            if (appended as usize + delta.len()) * 2 < whole.len() + delta.len() {
                let mut bytes = whole;
                bytes.extend_from_slice(&delta);
                conn.execute(
                    "UPDATE care_circles SET doc = ?1, doc_appended = doc_appended + ?2, doc_token = ?3 WHERE id = ?4",
                    params![bytes, delta.len() as i64, token, circle.id],
                )?;
            } else {
                full(&mut doc)?;
            }
        }
        None => full(&mut doc)?,
    }
    doc.stored = Some(heads);
    keep(conn, circle.id, token, doc)
}

/// Turns live sync on or off for a circle.
pub fn set_live(conn: &Connection, id: i64, on: bool) -> Result<()> {
    conn.execute(
        "UPDATE care_circles SET live = ?2 WHERE id = ?1",
        params![id, on],
    )?;
    Ok(())
}

/// The circles with live sync on.
pub fn live_circles(conn: &Connection) -> Result<Vec<CircleRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM care_circles WHERE left_at IS NULL AND live = 1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([], row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn is_live(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .query_row("SELECT live FROM care_circles WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or(false))
}

pub fn note_sync(conn: &Connection, circle: &CircleRow, device: &str, at: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO care_circle_syncs (circle, device, synced_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(circle, device) DO UPDATE SET synced_at = excluded.synced_at",
        params![circle.id, device, at],
    )?;
    Ok(())
}

pub fn last_synced(conn: &Connection, circle: &CircleRow, device: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT synced_at FROM care_circle_syncs WHERE circle = ?1 AND device = ?2",
            params![circle.id, device],
            |r| r.get(0),
        )
        .optional()?)
}

/// The share id of a local record, if it has been shared.
pub fn share_id_of(conn: &Connection, kind: SharedKind, local_id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT share_id FROM shared_records WHERE kind = ?1 AND local_id = ?2",
            params![kind.as_str(), local_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// The local record a share id stands for here, if it has arrived.
pub fn local_id_of(conn: &Connection, kind: SharedKind, share_id: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT local_id FROM shared_records WHERE kind = ?1 AND share_id = ?2",
            params![kind.as_str(), share_id],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn map_record(
    conn: &Connection,
    kind: SharedKind,
    local_id: i64,
    share_id: &str,
    origin: Option<&str>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO shared_records (kind, local_id, share_id, origin) VALUES (?1, ?2, ?3, ?4)",
        params![kind.as_str(), local_id, share_id, origin],
    )?;
    Ok(())
}
