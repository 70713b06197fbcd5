//! The care circle's own rows: this device's key, each circle with its saved document, when
//! each other device last synced, and the stable id of every shared record.

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
    doc: &[u8],
) -> Result<i64> {
    conn.execute(
        "INSERT INTO care_circles (circle_id, person_id, doc, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![circle_id, person_id, doc, crate::now_utc()],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn load_doc(conn: &Connection, circle: &CircleRow, device: &Device) -> Result<CircleDoc> {
    let bytes: Vec<u8> = conn.query_row(
        "SELECT doc FROM care_circles WHERE id = ?1",
        [circle.id],
        |r| r.get(0),
    )?;
    CircleDoc::load(&bytes, &device.public())
}

pub fn save_doc(conn: &Connection, circle: &CircleRow, doc: &mut CircleDoc) -> Result<()> {
    conn.execute(
        "UPDATE care_circles SET doc = ?1 WHERE id = ?2",
        params![doc.save(), circle.id],
    )?;
    Ok(())
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
