//! SQL for reminders, their due items and settings, and applying the scheduler's plan.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{
    parse_rfc3339, rfc3339, DueItem, DueState, Purpose, Reminder, ReminderSettings, ScheduleInput,
    ValidReminder,
};
use crate::error::{Error, Result};
use crate::reminders::planning::{Outcome, Plan, Spec};

use crate::dates;

/// Adds (`id` none) or changes a reminder. Either way, only occurrences after `now` count: an
/// edit never brings back one already handled, and snoozes already made stay as they are.
pub fn save(
    conn: &Connection,
    id: Option<i64>,
    r: &ValidReminder,
    now: DateTime<Utc>,
) -> Result<i64> {
    if let Some(p) = r.person_id {
        crate::people::store::ensure_active(conn, p)?;
    }
    let schedule = serde_json::to_string(&r.input)
        .map_err(|_| Error::invalid("schedule", "That schedule could not be saved."))?;
    let rule = r.schedule.to_rfc5545();
    let cursor = rfc3339(now);
    match id {
        None => {
            conn.execute(
                "INSERT INTO reminders (title, message, purpose, person_id, rule, schedule, cursor, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![r.title, r.message, r.purpose.as_str(), r.person_id, rule, schedule, cursor],
            )?;
            Ok(conn.last_insert_rowid())
        }
        Some(id) => {
            let n = conn.execute(
                "UPDATE reminders SET title = ?2, message = ?3, purpose = ?4, person_id = ?5, rule = ?6,
                   schedule = ?7, cursor = max(cursor, ?8)
                 WHERE id = ?1 AND removed_at IS NULL",
                params![id, r.title, r.message, r.purpose.as_str(), r.person_id, rule, schedule, cursor],
            )?;
            if n == 0 {
                return Err(Error::NotFound("reminder"));
            }
            Ok(id)
        }
    }
}

pub fn remove(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<()> {
    let n = conn.execute(
        "UPDATE reminders SET removed_at = ?2 WHERE id = ?1 AND removed_at IS NULL",
        params![id, rfc3339(now)],
    )?;
    if n == 0 {
        return Err(Error::NotFound("reminder"));
    }
    Ok(())
}

/// Undo of a removal. Whatever came due while it was removed is not fired late.
pub fn restore(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<()> {
    let n = conn.execute(
        "UPDATE reminders SET removed_at = NULL, cursor = max(cursor, ?2)
         WHERE id = ?1 AND removed_at IS NOT NULL",
        params![id, rfc3339(now)],
    )?;
    if n == 0 {
        return Err(Error::NotFound("reminder"));
    }
    Ok(())
}

struct Row7 {
    id: i64,
    title: String,
    message: Option<String>,
    purpose: Purpose,
    person_id: Option<i64>,
    rule: String,
    input: ScheduleInput,
    cursor: DateTime<Utc>,
}

fn row(r: &Row<'_>) -> rusqlite::Result<Row7> {
    let purpose: String = r.get(3)?;
    let input: String = r.get(6)?;
    let cursor: String = r.get(7)?;
    Ok(Row7 {
        id: r.get(0)?,
        title: r.get(1)?,
        message: r.get(2)?,
        purpose: Purpose::parse(&purpose).ok_or_else(|| crate::db::unreadable("purpose"))?,
        person_id: r.get(4)?,
        rule: r.get(5)?,
        input: serde_json::from_str(&input).map_err(|_| crate::db::unreadable("schedule"))?,
        cursor: parse_rfc3339(&cursor).ok_or_else(|| crate::db::unreadable("cursor"))?,
    })
}

const COLS: &str = "r.id, r.title, r.message, r.purpose, r.person_id, r.rule, r.schedule, r.cursor";

fn active(conn: &Connection) -> Result<Vec<Row7>> {
    // A reminder about someone no longer supported rests with them (Undo brings both back).
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLS} FROM reminders r LEFT JOIN people p ON p.id = r.person_id
         WHERE r.removed_at IS NULL AND (r.person_id IS NULL OR p.removed_at IS NULL)
         ORDER BY r.id"
    ))?;
    let rows = stmt.query_map([], row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn list(conn: &Connection) -> Result<Vec<Reminder>> {
    Ok(active(conn)?
        .into_iter()
        .filter_map(|r| {
            let schedule = r.input.validate().ok()?;
            Some(Reminder {
                id: r.id,
                next_due: schedule.next_after(r.cursor).map(|o| rfc3339(o.at)),
                title: r.title,
                message: r.message,
                purpose: r.purpose,
                person_id: r.person_id,
                schedule: r.input,
                rule: r.rule,
            })
        })
        .collect())
}

pub fn get(conn: &Connection, id: i64) -> Result<Reminder> {
    list(conn)?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or(Error::NotFound("reminder"))
}

/// What the scheduler needs about each reminder.
pub fn specs(conn: &Connection) -> Result<Vec<Spec>> {
    Ok(active(conn)?
        .into_iter()
        .filter_map(|r| {
            Some(Spec {
                id: r.id,
                schedule: r.input.validate().ok()?,
                purpose: r.purpose,
                person_id: r.person_id,
                cursor: r.cursor,
            })
        })
        .collect())
}

pub fn snoozed(conn: &Connection) -> Result<Vec<(i64, DateTime<Utc>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.snoozed_until FROM due_items d JOIN reminders r ON r.id = d.reminder_id
         WHERE d.state = 'snoozed' AND r.removed_at IS NULL",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, until) = row?;
        if let Some(t) = until.as_deref().and_then(parse_rfc3339) {
            out.push((id, t));
        }
    }
    Ok(out)
}

/// (person id, local day).
pub type PersonDays = Vec<(i64, NaiveDate)>;

/// (person, local day) of recent check-ins, and the people giving space.
pub fn world_facts(conn: &Connection, since: NaiveDate) -> Result<(PersonDays, PersonDays)> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT person_id, happened_on FROM checkins WHERE removed_at IS NULL AND happened_on >= ?1",
    )?;
    let checkins = stmt
        .query_map([dates::day_text(since)], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                dates::stored_day(&r.get::<_, String>(1)?, "a check-in's day")?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached("SELECT person_id, until FROM give_space")?;
    let spaces = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                dates::stored_day(&r.get::<_, String>(1)?, "a pause's last day")?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok((checkins, spaces))
}

/// What applying a plan changed, for the notifier.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Due item ids newly due (fired or snooze ended): one notification each.
    pub fired: Vec<i64>,
    /// Due item ids newly missed: at most one notification for all of them.
    pub missed: Vec<i64>,
}

/// Records the plan in one transaction. An occurrence already recorded is not recorded again,
/// so a plan applied twice (two windows, a crash and restart) fires nothing twice.
pub fn apply(tx: &Transaction<'_>, plan: &Plan, now: DateTime<Utc>) -> Result<Applied> {
    let mut applied = Applied::default();
    let stamp = rfc3339(now);
    let mut insert = tx.prepare_cached(
        "INSERT INTO due_items (reminder_id, occurrence, due_at, state, notified_at, resolved_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (reminder_id, occurrence) DO NOTHING",
    )?;
    let mut advance =
        tx.prepare_cached("UPDATE reminders SET cursor = ?2 WHERE id = ?1 AND cursor < ?2")?;
    for o in &plan.outcomes {
        let (id, key, at, state, notified, resolved) = match o {
            Outcome::Fire { id, key, at } => (*id, key, *at, DueState::Due, Some(&stamp), None),
            Outcome::Missed { id, key, at } => (*id, key, *at, DueState::Missed, None, None),
            Outcome::Skip { id, key, at, .. } => {
                (*id, key, *at, DueState::Skipped, None, Some(&stamp))
            }
        };
        let n = insert.execute(params![
            id,
            key,
            rfc3339(at),
            state.as_str(),
            notified,
            resolved
        ])?;
        if n == 1 {
            match state {
                DueState::Due => applied.fired.push(tx.last_insert_rowid()),
                DueState::Missed => applied.missed.push(tx.last_insert_rowid()),
                _ => {}
            }
        }
        advance.execute(params![id, rfc3339(at)])?;
    }
    let mut refire = tx.prepare_cached(
        "UPDATE due_items SET state = 'due', snoozed_until = NULL, notified_at = ?2
         WHERE id = ?1 AND state = 'snoozed'",
    )?;
    for due in &plan.refire {
        if refire.execute(params![due, stamp])? == 1 {
            applied.fired.push(*due);
        }
    }
    Ok(applied)
}

fn due_row(r: &Row<'_>) -> rusqlite::Result<DueItem> {
    let purpose: String = r.get(4)?;
    let state: String = r.get(7)?;
    Ok(DueItem {
        id: r.get(0)?,
        reminder_id: r.get(1)?,
        title: r.get(2)?,
        message: r.get(3)?,
        purpose: Purpose::parse(&purpose).ok_or_else(|| crate::db::unreadable("purpose"))?,
        person_id: r.get(5)?,
        occurrence: r.get(6)?,
        state: DueState::parse(&state).ok_or_else(|| crate::db::unreadable("state"))?,
        snoozed_until: r.get(8)?,
    })
}

const DUE_COLS: &str = "d.id, d.reminder_id, r.title, r.message, r.purpose, r.person_id, d.occurrence, d.state, d.snoozed_until";

/// The "Due now" list: due, missed and snoozed, oldest first.
pub fn due_now(conn: &Connection) -> Result<Vec<DueItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {DUE_COLS} FROM due_items d JOIN reminders r ON r.id = d.reminder_id
         WHERE d.state IN ('due', 'missed', 'snoozed') AND r.removed_at IS NULL
         ORDER BY d.due_at, d.id"
    ))?;
    let rows = stmt.query_map([], due_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn due_item(conn: &Connection, id: i64) -> Result<DueItem> {
    conn.query_row(
        &format!("SELECT {DUE_COLS} FROM due_items d JOIN reminders r ON r.id = d.reminder_id WHERE d.id = ?1"),
        [id],
        due_row,
    )
    .optional()?
    .ok_or(Error::NotFound("reminder"))
}

/// Marks an open item done, skipped or snoozed. Done on a check-in records the check-in, in
/// the same transaction.
pub fn resolve(
    tx: &Transaction<'_>,
    id: i64,
    state: DueState,
    snoozed_until: Option<DateTime<Utc>>,
    checkin: Option<&crate::practices::ValidCheckin>,
    now: DateTime<Utc>,
) -> Result<()> {
    let item = due_item(tx, id)?;
    if !matches!(
        item.state,
        DueState::Due | DueState::Missed | DueState::Snoozed
    ) {
        return Err(Error::NotFound("reminder"));
    }
    let checkin_id = match checkin {
        Some(c) => Some(crate::practices::store::add_checkin(tx, c, &rfc3339(now))?.id),
        None => None,
    };
    let resolved = (state != DueState::Snoozed).then(|| rfc3339(now));
    tx.execute(
        "UPDATE due_items SET state = ?2, snoozed_until = ?3, resolved_at = ?4, checkin_id = ?5 WHERE id = ?1",
        params![id, state.as_str(), snoozed_until.map(rfc3339), resolved, checkin_id],
    )?;
    Ok(())
}

pub fn settings(conn: &Connection) -> Result<ReminderSettings> {
    Ok(conn
        .query_row(
            "SELECT quiet_start, quiet_end, show_details, paused_until FROM reminder_settings WHERE id = 1",
            [],
            |r| {
                let quiet = |i: usize| -> rusqlite::Result<Option<String>> {
                    let t: Option<String> = r.get(i)?;
                    match &t {
                        Some(s) if super::schedule::parse_time("quiet", s).is_err() => {
                            Err(crate::db::unreadable("quiet hours"))
                        }
                        _ => Ok(t),
                    }
                };
                Ok(ReminderSettings {
                    quiet_start: quiet(0)?,
                    quiet_end: quiet(1)?,
                    show_details: r.get(2)?,
                    paused_until: r.get(3)?,
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

pub fn save_settings(conn: &Connection, s: &ReminderSettings) -> Result<()> {
    conn.execute(
        "INSERT INTO reminder_settings (id, quiet_start, quiet_end, show_details, paused_until)
         VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
           show_details = excluded.show_details, paused_until = excluded.paused_until",
        params![s.quiet_start, s.quiet_end, s.show_details, s.paused_until],
    )?;
    Ok(())
}

/// Pauses every reminder until `until` (none to resume).
pub fn pause_all(conn: &Connection, until: Option<DateTime<Utc>>) -> Result<()> {
    conn.execute(
        "UPDATE reminder_settings SET paused_until = ?1 WHERE id = 1",
        [until.map(rfc3339)],
    )?;
    Ok(())
}

/// How far back the scheduler looks at check-ins ("already done that day").
pub fn facts_since(now: DateTime<Utc>) -> NaiveDate {
    (now - Duration::days(400)).date_naive()
}
