//! The timeline's SQL: one page of wins in newest-first order, with the month and week counts
//! for what the page shows, choosing how to drive the query by how many wins match.

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection};

use super::{win_from, COLUMNS};
use crate::dates;
use crate::error::Result;
use crate::search::mark_words;
use crate::wins::{week_start, Cursor, PeriodCount, ValidFilter, Win, WinPage};

/// Above this many full-text matches, walking the date index and testing membership finds a
/// page sooner than sorting every match; below it, starting from the matches is quicker.
const MANY_MATCHES: i64 = 2_000;

/// How a filter's rows are found.
#[derive(Clone, Copy, PartialEq)]
enum Drive {
    /// Newest first along the date index (no search, or a search that matches a lot).
    DateIndex,
    /// From the full-text matches, then sorted (a search that matches little).
    Matches,
}

/// FROM and WHERE for a filter, with its parameters.
fn filtered(f: &ValidFilter, drive: Drive) -> (String, Vec<Value>) {
    let mut sql = String::new();
    let mut args: Vec<Value> = Vec::new();
    match (&f.fts, drive) {
        (Some(q), Drive::Matches) => {
            sql.push_str(
                " FROM wins_fts JOIN wins w ON w.id = wins_fts.rowid JOIN people p ON p.id = w.person_id
                  WHERE wins_fts MATCH ? AND",
            );
            args.push(Value::Text(q.clone()));
        }
        (Some(q), Drive::DateIndex) => {
            sql.push_str(
                " FROM wins w INDEXED BY wins_by_day JOIN people p ON p.id = w.person_id
                  WHERE w.id IN (SELECT rowid FROM wins_fts WHERE wins_fts MATCH ?) AND",
            );
            args.push(Value::Text(q.clone()));
        }
        (None, _) => sql.push_str(" FROM wins w JOIN people p ON p.id = w.person_id WHERE"),
    }
    sql.push_str(" w.deleted_at IS NULL AND p.removed_at IS NULL");
    if let Some(id) = f.person_id {
        sql.push_str(" AND w.person_id = ?");
        args.push(Value::Integer(id));
    }
    if let Some(tag) = &f.tag {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM win_tags wt JOIN tags t ON t.id = wt.tag_id
                         WHERE wt.win_id = w.id AND t.name = ?)",
        );
        args.push(Value::Text(tag.clone()));
    }
    if let Some(from) = f.from {
        sql.push_str(" AND w.happened_on >= ?");
        args.push(Value::Text(dates::day_text(from)));
    }
    if let Some(to) = f.to {
        sql.push_str(" AND w.happened_on <= ?");
        args.push(Value::Text(dates::day_text(to)));
    }
    (sql, args)
}

fn drive_for(conn: &Connection, f: &ValidFilter) -> Result<Drive> {
    let Some(q) = &f.fts else {
        return Ok(Drive::DateIndex);
    };
    // Only whether there are many matters, so counting stops just past the threshold.
    let matches: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM (SELECT rowid FROM wins_fts WHERE wins_fts MATCH ?1 LIMIT ?2)",
        )?
        .query_row(params![q, MANY_MATCHES + 1], |r| r.get(0))?;
    Ok(if matches > MANY_MATCHES {
        Drive::DateIndex
    } else {
        Drive::Matches
    })
}

/// Wins per day between two days (inclusive), for the month and week counts.
fn counts_by_day(
    conn: &Connection,
    f: &ValidFilter,
    drive: Drive,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(NaiveDate, u32)>> {
    let (from_where, mut args) = filtered(f, drive);
    args.push(Value::Text(dates::day_text(from)));
    args.push(Value::Text(dates::day_text(to)));
    let sql = format!(
        "SELECT w.happened_on, count(*){from_where} AND w.happened_on BETWEEN ? AND ? GROUP BY w.happened_on"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (day, n) = row?;
        out.push((dates::stored_day(&day, "a win's day")?, n));
    }
    Ok(out)
}

fn ids_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// One page of the timeline, newest first, after `after` when given.
pub fn page(
    conn: &Connection,
    f: &ValidFilter,
    after: Option<&Cursor>,
    limit: u32,
) -> Result<WinPage> {
    let drive = drive_for(conn, f)?;
    // First only the ids, so nothing is computed for rows that are not shown.
    let (from_where, mut args) = filtered(f, drive);
    let mut sql = format!("SELECT w.id{from_where}");
    if let Some(c) = after {
        sql.push_str(" AND (w.happened_on, w.id) < (?, ?)");
        args.push(Value::Text(c.happened_on.clone()));
        args.push(Value::Integer(c.id));
    }
    sql.push_str(" ORDER BY w.happened_on DESC, w.id DESC LIMIT ?");
    args.push(Value::Integer(i64::from(limit) + 1));
    let mut ids = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(args), |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    let more = ids.len() > limit as usize;
    ids.truncate(limit as usize);

    let mut wins: Vec<Win> = if ids.is_empty() {
        Vec::new()
    } else {
        let sql = format!(
            "SELECT {COLUMNS} FROM wins w JOIN people p ON p.id = w.person_id WHERE w.id IN ({})
             ORDER BY w.happened_on DESC, w.id DESC",
            ids_list(&ids)
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([], win_from)?;
        rows.collect::<rusqlite::Result<_>>()?
    };

    if let Some(q) = &f.search_words {
        for w in &mut wins {
            w.text_marked = Some(mark_words(&w.text, q));
            w.note_marked = w.note.as_deref().map(|n| mark_words(n, q));
        }
    }

    let next = if more {
        wins.last().map(|w| Cursor {
            happened_on: w.happened_on.clone(),
            id: w.id,
        })
    } else {
        None
    };

    // Counts for the months and weeks this page shows, over the whole filter, in one query.
    let days: Vec<NaiveDate> = wins
        .iter()
        .map(|w| dates::stored_day(&w.happened_on, "a win's day"))
        .collect::<rusqlite::Result<_>>()?;
    let (mut months, mut weeks) = (Vec::<PeriodCount>::new(), Vec::<PeriodCount>::new());
    if let (Some(newest), Some(oldest)) = (days.first(), days.last()) {
        let span_from = week_start(*oldest).min(oldest.with_day(1).unwrap_or(*oldest));
        let span_to = newest
            .with_day(1)
            .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
            .map(|d| d - Duration::days(1))
            .unwrap_or(*newest)
            .max(week_start(*newest) + Duration::days(6));
        let per_day = counts_by_day(conn, f, drive, span_from, span_to)?;
        for d in &days {
            let month = d.format("%Y-%m").to_string();
            if !months.iter().any(|m| m.period == month) {
                let count = per_day
                    .iter()
                    .filter(|(x, _)| x.year() == d.year() && x.month() == d.month())
                    .map(|(_, n)| n)
                    .sum();
                months.push(PeriodCount {
                    period: month,
                    count,
                });
            }
            let monday = week_start(*d);
            let week = dates::day_text(monday);
            if !weeks.iter().any(|w| w.period == week) {
                let count = per_day
                    .iter()
                    .filter(|(x, _)| week_start(*x) == monday)
                    .map(|(_, n)| n)
                    .sum();
                weeks.push(PeriodCount {
                    period: week,
                    count,
                });
            }
        }
    }
    Ok(WinPage {
        wins,
        next,
        months,
        weeks,
    })
}

/// Every win matching `f`, newest first (for export).
pub fn all(conn: &Connection, f: &ValidFilter) -> Result<Vec<Win>> {
    let (from_where, args) = filtered(f, drive_for(conn, f)?);
    let sql = format!("SELECT {COLUMNS}{from_where} ORDER BY w.happened_on DESC, w.id DESC");
    let mut stmt = conn.prepare(&sql)?;
    let wins = stmt
        .query_map(params_from_iter(args), win_from)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(wins)
}
