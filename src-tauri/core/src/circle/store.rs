//! SQL for the circle of support.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{
    Closeness, Connection as Noted, ConnectionKind, Feels, Member, SupportKind, Tie, ValidMember,
    MEMBERS_MAX,
};
use crate::dates;
use crate::db::unreadable;
use crate::error::{Error, Result};

/// The connections a circle shows.
pub const CONNECTIONS_SHOWN: usize = 10;

const MEMBER_COLUMNS: &str = "id, person_id, name, tie, closeness, feels, last_seen, note";

fn member_row(r: &Row<'_>) -> rusqlite::Result<Member> {
    let tie: String = r.get(3)?;
    let feels: Option<String> = r.get(5)?;
    Ok(Member {
        id: r.get(0)?,
        person_id: r.get(1)?,
        name: r.get(2)?,
        tie: Tie::parse(&tie).ok_or_else(|| unreadable("kind of tie"))?,
        closeness: Closeness::from_ring(r.get(4)?).ok_or_else(|| unreadable("closeness"))?,
        kinds: Vec::new(),
        feels: match feels {
            None => None,
            Some(f) => Some(Feels::parse(&f).ok_or_else(|| unreadable("feeling"))?),
        },
        last_seen: r.get(6)?,
        note: r.get(7)?,
    })
}

fn kinds_of(conn: &Connection, id: i64) -> Result<Vec<SupportKind>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind FROM circle_member_kinds WHERE member_id = ?1 ORDER BY kind",
    )?;
    let names = stmt.query_map([id], |r| r.get::<_, String>(0))?;
    let mut kinds = Vec::new();
    for n in names {
        let n = n?;
        kinds.push(SupportKind::parse(&n).ok_or_else(|| unreadable("kind of support"))?);
    }
    kinds.sort();
    Ok(kinds)
}

/// The circle of `person_id` (`None`: the caregiver's own), closest first, then by name.
pub fn members(conn: &Connection, person_id: Option<i64>) -> Result<Vec<Member>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {MEMBER_COLUMNS} FROM circle_members
         WHERE person_id IS ?1 AND removed_at IS NULL
         ORDER BY closeness, name COLLATE NOCASE, id"
    ))?;
    let rows = stmt.query_map([person_id], member_row)?;
    let mut out: Vec<Member> = rows.collect::<rusqlite::Result<_>>()?;
    for m in &mut out {
        m.kinds = kinds_of(conn, m.id)?;
    }
    Ok(out)
}

/// Someone in a circle, not removed.
pub fn get(conn: &Connection, id: i64) -> Result<Member> {
    let mut m = conn
        .query_row(
            &format!(
                "SELECT {MEMBER_COLUMNS} FROM circle_members WHERE id = ?1 AND removed_at IS NULL"
            ),
            [id],
            member_row,
        )
        .optional()?
        .ok_or(Error::NotFound("person in the circle"))?;
    m.kinds = kinds_of(conn, id)?;
    Ok(m)
}

fn ensure_owner(conn: &Connection, person_id: Option<i64>) -> Result<()> {
    match person_id {
        Some(p) => crate::people::store::ensure_active(conn, p),
        None => Ok(()),
    }
}

/// Refuses when the circle of `person_id` already holds [`MEMBERS_MAX`].
fn ensure_room(conn: &Connection, person_id: Option<i64>) -> Result<()> {
    let count: i64 = conn.query_row(
        "SELECT COUNT(*) FROM circle_members WHERE person_id IS ?1 AND removed_at IS NULL",
        [person_id],
        |r| r.get(0),
    )?;
    if count as usize >= MEMBERS_MAX {
        return Err(Error::invalid(
            "name",
            format!("A circle can hold up to {MEMBERS_MAX} people, groups and services."),
        ));
    }
    Ok(())
}

fn write_kinds(tx: &Transaction<'_>, id: i64, kinds: &[SupportKind]) -> Result<()> {
    tx.execute("DELETE FROM circle_member_kinds WHERE member_id = ?1", [id])?;
    for k in kinds {
        tx.execute(
            "INSERT INTO circle_member_kinds (member_id, kind) VALUES (?1, ?2)",
            params![id, k.as_str()],
        )?;
    }
    Ok(())
}

pub fn insert(tx: &Transaction<'_>, m: &ValidMember, now: &str) -> Result<i64> {
    ensure_owner(tx, m.person_id)?;
    ensure_room(tx, m.person_id)?;
    tx.execute(
        "INSERT INTO circle_members (person_id, name, tie, closeness, feels, last_seen, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            m.person_id,
            m.name,
            m.tie.as_str(),
            m.closeness.ring(),
            m.feels.map(Feels::as_str),
            m.last_seen.map(dates::day_text),
            m.note,
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_kinds(tx, id, &m.kinds)?;
    Ok(id)
}

/// New details for someone in a circle; the circle they are in stays the same.
pub fn update(tx: &Transaction<'_>, id: i64, m: &ValidMember) -> Result<()> {
    let n = tx.execute(
        "UPDATE circle_members SET name = ?2, tie = ?3, closeness = ?4, feels = ?5,
            last_seen = ?6, note = ?7
         WHERE id = ?1 AND person_id IS ?8 AND removed_at IS NULL",
        params![
            id,
            m.name,
            m.tie.as_str(),
            m.closeness.ring(),
            m.feels.map(Feels::as_str),
            m.last_seen.map(dates::day_text),
            m.note,
            m.person_id
        ],
    )?;
    if n == 0 {
        return Err(Error::NotFound("person in the circle"));
    }
    write_kinds(tx, id, &m.kinds)
}

/// Takes someone out of the circle; `restore` brings them back (Undo).
pub fn remove(conn: &Connection, id: i64, now: &str) -> Result<()> {
    let n = conn.execute(
        "UPDATE circle_members SET removed_at = ?2 WHERE id = ?1 AND removed_at IS NULL",
        params![id, now],
    )?;
    if n == 0 {
        return Err(Error::NotFound("person in the circle"));
    }
    Ok(())
}

/// Brings someone back (Undo), if their circle still exists and has room.
pub fn restore(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let owner: Option<Option<i64>> = tx
        .query_row(
            "SELECT person_id FROM circle_members WHERE id = ?1 AND removed_at IS NOT NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(owner) = owner else {
        return Err(Error::NotFound("person in the circle"));
    };
    ensure_owner(tx, owner)?;
    ensure_room(tx, owner)?;
    tx.execute(
        "UPDATE circle_members SET removed_at = NULL WHERE id = ?1",
        [id],
    )?;
    Ok(())
}

/// Notes a connection; when it was with someone in the circle, they count as seen that day
/// (unless already seen later).
pub fn insert_connection(
    tx: &Transaction<'_>,
    person_id: i64,
    member_id: Option<i64>,
    what: ConnectionKind,
    day: NaiveDate,
    win_id: Option<i64>,
    now: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO circle_connections (person_id, member_id, what, happened_on, win_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![person_id, member_id, what.as_str(), dates::day_text(day), win_id, now],
    )?;
    let id = tx.last_insert_rowid();
    if let Some(m) = member_id {
        tx.execute(
            "UPDATE circle_members SET last_seen = ?2
             WHERE id = ?1 AND (last_seen IS NULL OR last_seen < ?2)",
            params![m, dates::day_text(day)],
        )?;
    }
    Ok(id)
}

/// The member `id` when they are in the circle of `person_id`.
pub fn member_of(conn: &Connection, id: i64, person_id: i64) -> Result<Member> {
    let m = get(conn, id)?;
    if m.person_id != Some(person_id) {
        return Err(Error::NotFound("person in the circle"));
    }
    Ok(m)
}

/// The words for a connection: "Met up with Jo", "Went to the walking group", "Went to a group
/// with Dad".
pub fn connection_text(what: ConnectionKind, who: Option<&str>, tie: Option<Tie>) -> String {
    match (what, who) {
        (ConnectionKind::MetUp, Some(w)) => format!("Met up with {w}"),
        (ConnectionKind::MetUp, None) => "Met up with someone".to_owned(),
        (ConnectionKind::Talked, Some(w)) => format!("Talked with {w}"),
        (ConnectionKind::Talked, None) => "Talked with someone".to_owned(),
        (ConnectionKind::Group, Some(w)) if tie == Some(Tie::Group) => format!("Went to {w}"),
        (ConnectionKind::Group, Some(w)) => format!("Went to a group with {w}"),
        (ConnectionKind::Group, None) => "Went to a group".to_owned(),
        (ConnectionKind::Activity, Some(w)) => format!("Did something they enjoy with {w}"),
        (ConnectionKind::Activity, None) => "Did something they enjoy with others".to_owned(),
    }
}

const CONNECTION_SELECT: &str =
    "SELECT c.id, c.person_id, c.member_id, c.what, c.happened_on, c.win_id, m.name, m.tie
     FROM circle_connections c LEFT JOIN circle_members m ON m.id = c.member_id";

fn connection_row(r: &Row<'_>) -> rusqlite::Result<Noted> {
    let what: String = r.get(3)?;
    let what = ConnectionKind::parse(&what).ok_or_else(|| unreadable("kind of connection"))?;
    let who: Option<String> = r.get(6)?;
    let tie: Option<String> = r.get(7)?;
    Ok(Noted {
        id: r.get(0)?,
        person_id: r.get(1)?,
        member_id: r.get(2)?,
        what,
        happened_on: r.get(4)?,
        text: connection_text(what, who.as_deref(), tie.as_deref().and_then(Tie::parse)),
        win_id: r.get(5)?,
    })
}

/// The latest connections of `person_id`, newest first.
pub fn connections(conn: &Connection, person_id: i64, limit: usize) -> Result<Vec<Noted>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{CONNECTION_SELECT} WHERE c.person_id = ?1 AND c.removed_at IS NULL
         ORDER BY c.happened_on DESC, c.id DESC LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![person_id, limit as i64], connection_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One noted connection, however long ago it happened.
pub fn connection(conn: &Connection, id: i64) -> Result<Noted> {
    conn.query_row(
        &format!("{CONNECTION_SELECT} WHERE c.id = ?1 AND c.removed_at IS NULL"),
        [id],
        connection_row,
    )
    .optional()?
    .ok_or(Error::NotFound("connection"))
}
