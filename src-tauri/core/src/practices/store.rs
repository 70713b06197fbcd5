//! SQL for the practices' tools.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row};

use super::{
    Appointment, Boundary, BoundaryInput, CareContact, CareContactInput, CareKind, Checkin,
    CheckinWay, EntryKind, GiveSpace, Listened, ListeningMoment, Starter, ValidAppointment,
    ValidCheckin, ValidListening, Whose,
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

pub fn appointments(conn: &Connection) -> Result<Vec<Appointment>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {APPOINTMENT_COLS} FROM appointments WHERE removed_at IS NULL
         ORDER BY starts_at LIMIT ?1"
    ))?;
    let rows = stmt.query_map([LIST_LIMIT], appointment_row)?;
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

// Today's suggestion marks.

pub fn marks(conn: &Connection, day: NaiveDate) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached("SELECT key, state FROM suggestion_marks WHERE day = ?1")?;
    let rows = stmt.query_map([dates::day_text(day)], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn mark(conn: &Connection, day: NaiveDate, key: &str, state: Option<&str>) -> Result<()> {
    let d = dates::day_text(day);
    match state {
        None => conn.execute(
            "DELETE FROM suggestion_marks WHERE day = ?1 AND key = ?2",
            params![d, key],
        )?,
        Some(s) => conn.execute(
            "INSERT INTO suggestion_marks (day, key, state) VALUES (?1, ?2, ?3)
             ON CONFLICT (day, key) DO UPDATE SET state = excluded.state",
            params![d, key, s],
        )?,
    };
    Ok(())
}

/// Counts for the weekly look-back, from `from` to `to` (inclusive local days).
pub fn week_counts(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<crate::today::WeekCounts> {
    let (f, t) = (dates::day_text(from), dates::day_text(to));
    let count = |sql: &str| -> Result<u32> {
        Ok(conn.query_row(sql, params![f, t], |r| r.get::<_, u32>(0))?)
    };
    Ok(crate::today::WeekCounts {
        checkins: count("SELECT COUNT(*) FROM checkins WHERE removed_at IS NULL AND happened_on BETWEEN ?1 AND ?2")?,
        listening: count("SELECT COUNT(*) FROM listening_moments WHERE removed_at IS NULL AND happened_on BETWEEN ?1 AND ?2")?,
        appointments: count("SELECT COUNT(*) FROM appointments WHERE removed_at IS NULL AND substr(starts_at, 1, 10) BETWEEN ?1 AND ?2")?,
        wins: count("SELECT COUNT(*) FROM wins WHERE deleted_at IS NULL AND happened_on BETWEEN ?1 AND ?2")?,
        suggestions_done: count("SELECT COUNT(*) FROM suggestion_marks WHERE state = 'done' AND day BETWEEN ?1 AND ?2")?,
        daily_checks: count("SELECT COUNT(*) FROM daily_checks WHERE day BETWEEN ?1 AND ?2")?,
        for_myself: count("SELECT COUNT(*) FROM daily_checks WHERE for_myself = 1 AND day BETWEEN ?1 AND ?2")?,
        self_checks: count("SELECT COUNT(*) FROM self_checks WHERE substr(taken_at, 1, 10) BETWEEN ?1 AND ?2")?,
    })
}
