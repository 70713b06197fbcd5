//! SQL for caregiver strain.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{instruments, DailyCheck, SelfCarePlan, SelfCheckResult, Sleep, ValidDailyCheck};
use crate::error::{Error, Result};

use crate::dates;

fn check_row(r: &Row<'_>) -> rusqlite::Result<DailyCheck> {
    let sleep: Option<String> = r.get(2)?;
    Ok(DailyCheck {
        day: r.get(0)?,
        strain: r.get(1)?,
        sleep: sleep.as_deref().and_then(Sleep::parse),
        sleep_hours: r.get(3)?,
        for_myself: r.get(4)?,
        note: r.get(5)?,
    })
}

pub fn daily_check(conn: &Connection, day: NaiveDate) -> Result<Option<DailyCheck>> {
    Ok(conn
        .query_row(
            "SELECT day, strain, sleep, sleep_hours, for_myself, note FROM daily_checks WHERE day = ?1",
            [dates::day_text(day)],
            check_row,
        )
        .optional()?)
}

/// Saves the day's check. A second check for a day is refused unless `replace` is set, so a
/// double click or a second window never makes two.
pub fn save_daily_check(conn: &Connection, c: &ValidDailyCheck, now: &str) -> Result<()> {
    let day = dates::day_text(c.day);
    let sleep = c.sleep.map(Sleep::as_str);
    if c.replace {
        conn.execute(
            "INSERT INTO daily_checks (day, strain, sleep, sleep_hours, for_myself, note, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (day) DO UPDATE SET strain = excluded.strain, sleep = excluded.sleep,
               sleep_hours = excluded.sleep_hours, for_myself = excluded.for_myself,
               note = excluded.note, updated_at = excluded.updated_at",
            params![day, c.strain, sleep, c.sleep_hours, c.for_myself, c.note, now],
        )?;
    } else {
        let n = conn.execute(
            "INSERT INTO daily_checks (day, strain, sleep, sleep_hours, for_myself, note, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (day) DO NOTHING",
            params![day, c.strain, sleep, c.sleep_hours, c.for_myself, c.note, now],
        )?;
        if n == 0 {
            return Err(Error::invalid(
                "day",
                "You have already checked in for that day. Your answers are shown, so you can change them instead.",
            ));
        }
    }
    Ok(())
}

/// (day, strain) from `from` on, oldest first.
pub fn strain_since(conn: &Connection, from: NaiveDate) -> Result<Vec<(NaiveDate, u8)>> {
    let mut stmt =
        conn.prepare_cached("SELECT day, strain FROM daily_checks WHERE day >= ?1 ORDER BY day")?;
    let rows = stmt.query_map([dates::day_text(from)], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, u8>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (d, s) = row?;
        out.push((dates::stored_day(&d, "a daily check's day")?, s));
    }
    Ok(out)
}

fn parse_answers(s: &str) -> Vec<u8> {
    s.split(',').filter_map(|x| x.parse().ok()).collect()
}

pub(crate) fn result_row(r: &Row<'_>) -> rusqlite::Result<(i64, String, String, String)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
}

/// Re-scores stored answers with the instrument's rules; a result of an instrument no longer
/// shipped is skipped rather than shown wrongly.
pub(crate) fn to_result(
    (id, instrument, taken_at, answers): (i64, String, String, String),
) -> Option<SelfCheckResult> {
    let inst = instruments::get(&instrument).ok()?;
    let answers = parse_answers(&answers);
    if answers.len() != inst.items.len() {
        return None;
    }
    Some(SelfCheckResult {
        id,
        score: inst.score(&answers),
        instrument,
        taken_at,
        answers,
    })
}

pub fn add_result(
    conn: &Connection,
    instrument: &str,
    answers: &[u8],
    total: u32,
    band: &str,
    now: &str,
) -> Result<i64> {
    let joined = answers
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join(",");
    conn.execute(
        "INSERT INTO self_checks (instrument, taken_at, answers, total, band) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![instrument, now, joined, total, band],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn result(conn: &Connection, id: i64) -> Result<SelfCheckResult> {
    conn.query_row(
        "SELECT id, instrument, taken_at, answers FROM self_checks WHERE id = ?1",
        [id],
        result_row,
    )
    .optional()?
    .and_then(to_result)
    .ok_or(Error::NotFound("self-check result"))
}

/// Newest first.
pub fn results(conn: &Connection, limit: u32) -> Result<Vec<SelfCheckResult>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, instrument, taken_at, answers FROM self_checks ORDER BY taken_at DESC, id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], result_row)?;
    let mut out = Vec::new();
    for row in rows {
        if let Some(r) = to_result(row?) {
            out.push(r);
        }
    }
    Ok(out)
}

pub fn self_care_plan(conn: &Connection) -> Result<SelfCarePlan> {
    Ok(conn
        .query_row(
            "SELECT warning_signs, what_helps, who_to_ask, what_to_drop FROM self_care_plan WHERE id = 1",
            [],
            |r| {
                Ok(SelfCarePlan {
                    warning_signs: r.get(0)?,
                    what_helps: r.get(1)?,
                    who_to_ask: r.get(2)?,
                    what_to_drop: r.get(3)?,
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

pub fn save_self_care_plan(conn: &Connection, p: &SelfCarePlan, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO self_care_plan (id, warning_signs, what_helps, who_to_ask, what_to_drop, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET warning_signs = excluded.warning_signs,
           what_helps = excluded.what_helps, who_to_ask = excluded.who_to_ask,
           what_to_drop = excluded.what_to_drop, updated_at = excluded.updated_at",
        params![p.warning_signs, p.what_helps, p.who_to_ask, p.what_to_drop, now],
    )?;
    Ok(())
}
