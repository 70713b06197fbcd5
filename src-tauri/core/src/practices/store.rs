//! SQL for the practices' tools.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row};

use super::{
    Checkin, CheckinWay, EntryKind, Listened, ListeningMoment, Starter, ValidCheckin,
    ValidListening,
};
use crate::error::{Error, Result};

use crate::dates;
/// How many of each kind the practice pages list.
pub const LIST_LIMIT: u32 = 200;

// Listening moments.

fn moment_row(r: &Row<'_>) -> rusqlite::Result<ListeningMoment> {
    let listened: String = r.get(4)?;
    Ok(ListeningMoment {
        id: r.get(0)?,
        person_id: r.get(1)?,
        happened_on: r.get(2)?,
        shared: r.get(3)?,
        listened: Listened::parse(&listened).ok_or_else(|| crate::db::unreadable("listened"))?,
        learned: r.get(5)?,
        felt: r.get(6)?,
    })
}

const MOMENT_COLS: &str = "id, person_id, happened_on, shared, listened, learned, felt";

pub fn add_moment(conn: &Connection, m: &ValidListening, now: &str) -> Result<ListeningMoment> {
    crate::people::store::ensure_active(conn, m.person_id)?;
    conn.execute(
        "INSERT INTO listening_moments (person_id, happened_on, shared, listened, learned, felt, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            m.person_id,
            dates::day_text(m.happened_on),
            m.shared,
            m.listened.as_str(),
            m.learned,
            m.felt,
            now
        ],
    )?;
    let id = conn.last_insert_rowid();
    Ok(conn.query_row(
        &format!("SELECT {MOMENT_COLS} FROM listening_moments WHERE id = ?1"),
        [id],
        moment_row,
    )?)
}

pub fn moments(conn: &Connection) -> Result<Vec<ListeningMoment>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {MOMENT_COLS} FROM listening_moments WHERE removed_at IS NULL
         ORDER BY happened_on DESC, id DESC LIMIT ?1"
    ))?;
    let rows = stmt.query_map([LIST_LIMIT], moment_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// Check-ins.

fn checkin_row(r: &Row<'_>) -> rusqlite::Result<Checkin> {
    let how: String = r.get(3)?;
    Ok(Checkin {
        id: r.get(0)?,
        person_id: r.get(1)?,
        happened_on: r.get(2)?,
        how: CheckinWay::parse(&how).ok_or_else(|| crate::db::unreadable("way"))?,
        went: r.get(4)?,
        note: r.get(5)?,
    })
}

const CHECKIN_COLS: &str = "id, person_id, happened_on, how, went, note";

pub fn add_checkin(conn: &Connection, c: &ValidCheckin, now: &str) -> Result<Checkin> {
    crate::people::store::ensure_active(conn, c.person_id)?;
    conn.execute(
        "INSERT INTO checkins (person_id, happened_on, how, went, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            c.person_id,
            dates::day_text(c.happened_on),
            c.how.as_str(),
            c.went,
            c.note,
            now
        ],
    )?;
    let id = conn.last_insert_rowid();
    Ok(conn.query_row(
        &format!("SELECT {CHECKIN_COLS} FROM checkins WHERE id = ?1"),
        [id],
        checkin_row,
    )?)
}

pub fn checkins(conn: &Connection) -> Result<Vec<Checkin>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CHECKIN_COLS} FROM checkins WHERE removed_at IS NULL
         ORDER BY happened_on DESC, id DESC LIMIT ?1"
    ))?;
    let rows = stmt.query_map([LIST_LIMIT], checkin_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The newest check-in day for each person.
pub fn last_checkins(conn: &Connection) -> Result<Vec<(i64, NaiveDate)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT person_id, MAX(happened_on) FROM checkins WHERE removed_at IS NULL GROUP BY person_id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (p, d) = row?;
        out.push((p, dates::stored_day(&d, "a check-in's day")?));
    }
    Ok(out)
}

// Message starters.

/// Adds Alongside's starters the first time the library is opened. Afterwards the library is
/// the caregiver's: edits and removals stay.
pub fn seed_starters(conn: &Connection, builtin: &[String], now: &str) -> Result<()> {
    let any: i64 = conn.query_row("SELECT COUNT(*) FROM starters", [], |r| r.get(0))?;
    if any > 0 {
        return Ok(());
    }
    let mut stmt =
        conn.prepare_cached("INSERT INTO starters (text, builtin, created_at) VALUES (?1, 1, ?2)")?;
    for s in builtin {
        stmt.execute(params![s, now])?;
    }
    Ok(())
}

pub fn starters(conn: &Connection) -> Result<Vec<Starter>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, text, builtin FROM starters WHERE removed_at IS NULL ORDER BY builtin, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Starter {
            id: r.get(0)?,
            text: r.get(1)?,
            builtin: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds a starter (`id` none) or changes one's words.
pub fn save_starter(conn: &Connection, id: Option<i64>, text: &str, now: &str) -> Result<Starter> {
    let id = match id {
        None => {
            conn.execute(
                "INSERT INTO starters (text, builtin, created_at) VALUES (?1, 0, ?2)",
                params![text, now],
            )?;
            conn.last_insert_rowid()
        }
        Some(id) => {
            let n = conn.execute(
                "UPDATE starters SET text = ?2 WHERE id = ?1 AND removed_at IS NULL",
                params![id, text],
            )?;
            if n == 0 {
                return Err(Error::NotFound("message"));
            }
            id
        }
    };
    Ok(conn.query_row(
        "SELECT id, text, builtin FROM starters WHERE id = ?1",
        [id],
        |r| {
            Ok(Starter {
                id: r.get(0)?,
                text: r.get(1)?,
                builtin: r.get(2)?,
            })
        },
    )?)
}

// Removing with Undo, for every kind.

pub fn remove(conn: &Connection, kind: EntryKind, id: i64, now: &str) -> Result<()> {
    let n = conn.execute(
        &format!(
            "UPDATE {} SET removed_at = ?2 WHERE id = ?1 AND removed_at IS NULL",
            kind.table()
        ),
        params![id, now],
    )?;
    if n == 0 {
        return Err(Error::NotFound(kind.noun()));
    }
    Ok(())
}

pub fn restore(conn: &Connection, kind: EntryKind, id: i64) -> Result<()> {
    let n = conn.execute(
        &format!(
            "UPDATE {} SET removed_at = NULL WHERE id = ?1 AND removed_at IS NOT NULL",
            kind.table()
        ),
        [id],
    )?;
    if n == 0 {
        return Err(Error::NotFound(kind.noun()));
    }
    Ok(())
}

mod care;
pub use care::*;
