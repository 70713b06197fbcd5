//! The reads a report makes, each limited to its dates. Nothing here writes.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection};

use super::person::{CheckinRow, NoticedRow, WinRow};
use super::{AppointmentRow, Dates};
use crate::dates::{self, day_text};
use crate::error::Result;
use crate::strain::SelfCheckResult;

fn lines(s: String) -> Vec<String> {
    if s.is_empty() {
        Vec::new()
    } else {
        s.split('\n').map(str::to_owned).collect()
    }
}

pub fn noticed(conn: &Connection, person_id: i64, d: Dates) -> Result<Vec<NoticedRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT noticed_on, signs, note FROM signs_noticed
         WHERE person_id = ?1 AND noticed_on BETWEEN ?2 AND ?3 ORDER BY noticed_on, id",
    )?;
    let rows = stmt.query_map(params![person_id, day_text(d.from), day_text(d.to)], |r| {
        Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (day, signs, note) = row?;
        out.push(NoticedRow {
            day: dates::stored_day(&day, "a day signs were noticed")?,
            signs: lines(signs),
            note,
        });
    }
    Ok(out)
}

pub fn checkins(conn: &Connection, person_id: i64, d: Dates) -> Result<Vec<CheckinRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT happened_on, went FROM checkins
         WHERE person_id = ?1 AND removed_at IS NULL AND happened_on BETWEEN ?2 AND ?3
         ORDER BY happened_on, id",
    )?;
    let rows = stmt.query_map(params![person_id, day_text(d.from), day_text(d.to)], |r| {
        Ok((r.get::<_, String>(0)?, r.get(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (day, went) = row?;
        out.push(CheckinRow {
            day: dates::stored_day(&day, "a check-in's day")?,
            went,
        });
    }
    Ok(out)
}

fn appointment_rows(
    conn: &Connection,
    person_id: i64,
    from: &str,
    to: &str,
    limit: i64,
) -> Result<Vec<AppointmentRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT starts_at, with_whom, questions, notes_after FROM appointments
         WHERE person_id = ?1 AND removed_at IS NULL AND starts_at >= ?2 AND starts_at < ?3
         ORDER BY starts_at, id LIMIT ?4",
    )?;
    let rows = stmt.query_map(params![person_id, from, to, limit], |r| {
        Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (at, with_whom, questions, notes_after) = row?;
        out.push(AppointmentRow {
            at: dates::stored_minute(&at, "an appointment's time")?,
            with_whom,
            questions: lines(questions),
            notes_after,
        });
    }
    Ok(out)
}

/// Appointments on the days of `d`.
pub fn appointments(conn: &Connection, person_id: i64, d: Dates) -> Result<Vec<AppointmentRow>> {
    let end = day_text(d.to + Duration::days(1));
    appointment_rows(conn, person_id, &day_text(d.from), &end, i64::MAX)
}

/// The next `limit` appointments after `now` (a local time), soonest first.
pub fn upcoming(
    conn: &Connection,
    person_id: i64,
    now: NaiveDateTime,
    limit: i64,
) -> Result<Vec<AppointmentRow>> {
    appointment_rows(conn, person_id, &dates::minute_text(now), "9999", limit)
}

pub fn wins(conn: &Connection, person_id: i64, d: Dates) -> Result<Vec<WinRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT happened_on, text FROM wins
         WHERE person_id = ?1 AND deleted_at IS NULL AND happened_on BETWEEN ?2 AND ?3
         ORDER BY happened_on, id",
    )?;
    let rows = stmt.query_map(params![person_id, day_text(d.from), day_text(d.to)], |r| {
        Ok((r.get::<_, String>(0)?, r.get(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (day, text) = row?;
        out.push(WinRow {
            day: dates::stored_day(&day, "a win's day")?,
            text,
        });
    }
    Ok(out)
}

/// Daily strain in `d`, oldest first.
pub fn strain(conn: &Connection, d: Dates) -> Result<Vec<(NaiveDate, u8)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT day, strain FROM daily_checks WHERE day BETWEEN ?1 AND ?2 ORDER BY day",
    )?;
    let rows = stmt.query_map(params![day_text(d.from), day_text(d.to)], |r| {
        Ok((r.get::<_, String>(0)?, r.get(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (day, s) = row?;
        out.push((dates::stored_day(&day, "a daily check's day")?, s));
    }
    Ok(out)
}

/// Self-check results taken on the (local) days of `d`, oldest first, re-scored by their
/// instrument's rules.
pub fn self_checks(conn: &Connection, d: Dates) -> Result<Vec<(NaiveDate, SelfCheckResult)>> {
    // Stored times are UTC: read a day either side, then keep the local days wanted.
    let mut stmt = conn.prepare_cached(
        "SELECT id, instrument, taken_at, answers FROM self_checks
         WHERE taken_at >= ?1 AND taken_at < ?2 ORDER BY taken_at, id",
    )?;
    let from = day_text(d.from - Duration::days(1));
    let to = day_text(d.to + Duration::days(2));
    let rows = stmt.query_map(params![from, to], crate::strain::store::result_row)?;
    let mut out = Vec::new();
    for row in rows {
        let Some(r) = crate::strain::store::to_result(row?) else {
            continue;
        };
        let Ok(at) = chrono::DateTime::parse_from_rfc3339(&r.taken_at) else {
            continue;
        };
        let day = at.with_timezone(&chrono::Local).date_naive();
        if d.contains(day) {
            out.push((day, r));
        }
    }
    Ok(out)
}

/// Check-ins written down and appointments kept track of, for everyone, in `d`.
pub fn load(conn: &Connection, d: Dates) -> Result<(usize, usize)> {
    let (from, to) = (day_text(d.from), day_text(d.to));
    let end = day_text(d.to + Duration::days(1));
    let checkins: i64 = conn.query_row(
        "SELECT COUNT(*) FROM checkins WHERE removed_at IS NULL AND happened_on BETWEEN ?1 AND ?2",
        params![from, to],
        |r| r.get(0),
    )?;
    let appointments: i64 = conn.query_row(
        "SELECT COUNT(*) FROM appointments WHERE removed_at IS NULL AND starts_at >= ?1 AND starts_at < ?2",
        params![from, end],
        |r| r.get(0),
    )?;
    Ok((
        usize::try_from(checkins).unwrap_or(0),
        usize::try_from(appointments).unwrap_or(0),
    ))
}
