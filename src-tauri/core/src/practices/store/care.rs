//! SQL for appointments, care contacts, boundaries and giving space.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row};

use super::LIST_LIMIT;
use crate::dates;
use crate::error::{Error, Result};
use crate::practices::{
    Appointment, Boundary, BoundaryInput, CareContact, CareContactInput, CareKind, GiveSpace,
    ValidAppointment, Whose,
};

// Appointments.

fn appointment_row(r: &Row<'_>) -> rusqlite::Result<Appointment> {
    let questions: String = r.get(6)?;
    Ok(Appointment {
        id: r.get(0)?,
        person_id: r.get(1)?,
        starts_at: r.get(2)?,
        with_whom: r.get(3)?,
        place: r.get(4)?,
        giving_ride: r.get(5)?,
        questions: if questions.is_empty() {
            Vec::new()
        } else {
            questions.split('\n').map(str::to_owned).collect()
        },
        notes_after: r.get(7)?,
    })
}

const APPOINTMENT_COLS: &str =
    "id, person_id, starts_at, with_whom, place, giving_ride, questions, notes_after";

/// Adds an appointment (`id` none) or changes one.
pub fn save_appointment(
    conn: &Connection,
    id: Option<i64>,
    a: &ValidAppointment,
    now: &str,
) -> Result<Appointment> {
    crate::people::store::ensure_active(conn, a.person_id)?;
    let starts = dates::minute_text(a.starts_at);
    // Questions never hold a newline: validation refuses control characters.
    let questions = a.questions.join("\n");
    let id = match id {
        None => {
            conn.execute(
                "INSERT INTO appointments (person_id, starts_at, with_whom, place, giving_ride, questions, notes_after, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![a.person_id, starts, a.with_whom, a.place, a.giving_ride, questions, a.notes_after, now],
            )?;
            conn.last_insert_rowid()
        }
        Some(id) => {
            let n = conn.execute(
                "UPDATE appointments SET person_id = ?2, starts_at = ?3, with_whom = ?4, place = ?5,
                   giving_ride = ?6, questions = ?7, notes_after = ?8
                 WHERE id = ?1 AND removed_at IS NULL",
                params![id, a.person_id, starts, a.with_whom, a.place, a.giving_ride, questions, a.notes_after],
            )?;
            if n == 0 {
                return Err(Error::NotFound("appointment"));
            }
            id
        }
    };
    Ok(conn.query_row(
        &format!("SELECT {APPOINTMENT_COLS} FROM appointments WHERE id = ?1"),
        [id],
        appointment_row,
    )?)
}

/// What the page and Today show, in time order: the appointments from `today` on and the
/// latest earlier ones, up to the list's limit each, so years of past appointments never push
/// the coming ones out of the list.
pub fn appointments(conn: &Connection, today: NaiveDate) -> Result<Vec<Appointment>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT * FROM (
           SELECT * FROM (SELECT {APPOINTMENT_COLS} FROM appointments
                          WHERE removed_at IS NULL AND starts_at >= ?1 ORDER BY starts_at LIMIT ?2)
           UNION ALL
           SELECT * FROM (SELECT {APPOINTMENT_COLS} FROM appointments
                          WHERE removed_at IS NULL AND starts_at < ?1 ORDER BY starts_at DESC LIMIT ?2)
         ) ORDER BY starts_at, id"
    ))?;
    let rows = stmt.query_map(params![dates::day_text(today), LIST_LIMIT], appointment_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// Care contacts.

fn contact_row(r: &Row<'_>) -> rusqlite::Result<CareContact> {
    let kind: String = r.get(3)?;
    Ok(CareContact {
        id: r.get(0)?,
        person_id: r.get(1)?,
        name: r.get(2)?,
        kind: CareKind::parse(&kind).ok_or_else(|| crate::db::unreadable("contact kind"))?,
        phone: r.get(4)?,
        note: r.get(5)?,
    })
}

pub fn save_contact(
    conn: &Connection,
    id: Option<i64>,
    c: &CareContactInput,
    now: &str,
) -> Result<CareContact> {
    if let Some(p) = c.person_id {
        crate::people::store::ensure_active(conn, p)?;
    }
    let id = match id {
        None => {
            conn.execute(
                "INSERT INTO care_contacts (person_id, name, kind, phone, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![c.person_id, c.name, c.kind.as_str(), c.phone, c.note, now],
            )?;
            conn.last_insert_rowid()
        }
        Some(id) => {
            let n = conn.execute(
                "UPDATE care_contacts SET person_id = ?2, name = ?3, kind = ?4, phone = ?5, note = ?6
                 WHERE id = ?1 AND removed_at IS NULL",
                params![id, c.person_id, c.name, c.kind.as_str(), c.phone, c.note],
            )?;
            if n == 0 {
                return Err(Error::NotFound("contact"));
            }
            id
        }
    };
    Ok(conn.query_row(
        "SELECT id, person_id, name, kind, phone, note FROM care_contacts WHERE id = ?1",
        [id],
        contact_row,
    )?)
}

pub fn contacts(conn: &Connection) -> Result<Vec<CareContact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, person_id, name, kind, phone, note FROM care_contacts WHERE removed_at IS NULL
         ORDER BY name COLLATE NOCASE, id",
    )?;
    let rows = stmt.query_map([], contact_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// Boundaries and giving space.

fn boundary_row(r: &Row<'_>) -> rusqlite::Result<Boundary> {
    let whose: String = r.get(2)?;
    Ok(Boundary {
        id: r.get(0)?,
        person_id: r.get(1)?,
        whose: Whose::parse(&whose).ok_or_else(|| crate::db::unreadable("whose"))?,
        text: r.get(3)?,
    })
}

pub fn add_boundary(conn: &Connection, b: &BoundaryInput, now: &str) -> Result<Boundary> {
    crate::people::store::ensure_active(conn, b.person_id)?;
    conn.execute(
        "INSERT INTO boundaries (person_id, whose, text, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![b.person_id, b.whose.as_str(), b.text, now],
    )?;
    let id = conn.last_insert_rowid();
    Ok(conn.query_row(
        "SELECT id, person_id, whose, text FROM boundaries WHERE id = ?1",
        [id],
        boundary_row,
    )?)
}

pub fn boundaries(conn: &Connection) -> Result<Vec<Boundary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, person_id, whose, text FROM boundaries WHERE removed_at IS NULL ORDER BY id",
    )?;
    let rows = stmt.query_map([], boundary_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn set_space(
    conn: &Connection,
    person_id: i64,
    until: NaiveDate,
    note: Option<&str>,
    now: &str,
) -> Result<GiveSpace> {
    crate::people::store::ensure_active(conn, person_id)?;
    conn.execute(
        "INSERT INTO give_space (person_id, until, note, created_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (person_id) DO UPDATE SET until = excluded.until, note = excluded.note,
           created_at = excluded.created_at",
        params![person_id, dates::day_text(until), note, now],
    )?;
    Ok(GiveSpace {
        person_id,
        until: dates::day_text(until),
        note: note.map(str::to_owned),
    })
}

/// Ends a pause early. The person must exist; ending a pause that already ended is fine.
pub fn end_space(conn: &Connection, person_id: i64) -> Result<()> {
    crate::people::store::ensure_active(conn, person_id)?;
    conn.execute("DELETE FROM give_space WHERE person_id = ?1", [person_id])?;
    Ok(())
}

/// Pauses still in force on `today`.
pub fn spaces(conn: &Connection, today: NaiveDate) -> Result<Vec<GiveSpace>> {
    let mut stmt = conn.prepare_cached(
        "SELECT person_id, until, note FROM give_space WHERE until >= ?1 ORDER BY person_id",
    )?;
    let rows = stmt.query_map([dates::day_text(today)], |r| {
        Ok(GiveSpace {
            person_id: r.get(0)?,
            until: r.get(1)?,
            note: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
