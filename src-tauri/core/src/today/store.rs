//! SQL for Today: the marks set on suggestions, and the counts for the weekly look-back.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use crate::dates;
use crate::error::Result;

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
    let f = dates::day_text(from);
    // Days and times are compared as text, from the first day up to the day after the last,
    // so the indexes on them are used (a time on a day sorts after the bare day).
    let next = dates::day_text(to + chrono::Duration::days(1));
    let count = |sql: &str| -> Result<u32> {
        Ok(conn.query_row(sql, params![f, next], |r| r.get::<_, u32>(0))?)
    };
    Ok(crate::today::WeekCounts {
        checkins: count("SELECT COUNT(*) FROM checkins WHERE removed_at IS NULL AND happened_on >= ?1 AND happened_on < ?2")?,
        listening: count("SELECT COUNT(*) FROM listening_moments WHERE removed_at IS NULL AND happened_on >= ?1 AND happened_on < ?2")?,
        appointments: count("SELECT COUNT(*) FROM appointments WHERE removed_at IS NULL AND starts_at >= ?1 AND starts_at < ?2")?,
        wins: count("SELECT COUNT(*) FROM wins WHERE deleted_at IS NULL AND happened_on >= ?1 AND happened_on < ?2")?,
        suggestions_done: count("SELECT COUNT(*) FROM suggestion_marks WHERE state = 'done' AND day >= ?1 AND day < ?2")?,
        daily_checks: count("SELECT COUNT(*) FROM daily_checks WHERE day >= ?1 AND day < ?2")?,
        for_myself: count("SELECT COUNT(*) FROM daily_checks WHERE for_myself = 1 AND day >= ?1 AND day < ?2")?,
        self_checks: count("SELECT COUNT(*) FROM self_checks WHERE taken_at >= ?1 AND taken_at < ?2")?,
    })
}
