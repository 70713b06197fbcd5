//! "Who is doing what": a short list the circle shares (I'll drive on Tuesday), about one
//! person. Removing keeps the row for undo; marking done keeps it on the list, at the end.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::TASK_MAX;
use crate::db::Database;
use crate::error::{Error, Result};
use crate::validate::{optional_day, required_text, NAME_MAX};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CareTask {
    pub id: i64,
    pub person_id: i64,
    pub what: String,
    pub who: String,
    /// The day it is for, if it has one (YYYY-MM-DD).
    pub on_day: Option<String>,
    pub done: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CareTaskInput {
    pub person_id: i64,
    pub what: String,
    pub who: String,
    pub on_day: Option<String>,
}

struct Valid {
    person_id: i64,
    what: String,
    who: String,
    on_day: Option<String>,
}

fn validate(input: &CareTaskInput) -> Result<Valid> {
    Ok(Valid {
        person_id: input.person_id,
        what: required_text("what", &input.what, TASK_MAX, "what needs doing")?,
        who: required_text("who", &input.who, NAME_MAX, "who is doing it")?,
        on_day: optional_day("onDay", input.on_day.as_deref())?
            .map(|d| d.format("%Y-%m-%d").to_string()),
    })
}

const COLUMNS: &str = "id, person_id, what, who, on_day, done_at IS NOT NULL";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CareTask> {
    Ok(CareTask {
        id: r.get(0)?,
        person_id: r.get(1)?,
        what: r.get(2)?,
        who: r.get(3)?,
        on_day: r.get(4)?,
        done: r.get(5)?,
    })
}

fn get(c: &Connection, id: i64) -> Result<CareTask> {
    c.query_row(
        &format!("SELECT {COLUMNS} FROM care_tasks WHERE id = ?1 AND removed_at IS NULL"),
        [id],
        row,
    )
    .optional()?
    .ok_or(Error::NotFound("item"))
}

/// The list for one person: still to do first (by day, undated last), then done.
pub fn care_tasks(db: &Database, person_id: i64) -> Result<Vec<CareTask>> {
    db.with(|c| {
        crate::people::store::ensure_active(c, person_id)?;
        let mut stmt = c.prepare(&format!(
            "SELECT {COLUMNS} FROM care_tasks WHERE person_id = ?1 AND removed_at IS NULL
             ORDER BY done_at IS NOT NULL, on_day IS NULL, on_day, id"
        ))?;
        let rows = stmt
            .query_map([person_id], row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    })
}

pub fn add_care_task(db: &Database, input: CareTaskInput) -> Result<CareTask> {
    let v = validate(&input)?;
    db.with(|c| {
        crate::people::store::ensure_active(c, v.person_id)?;
        c.execute(
            "INSERT INTO care_tasks (person_id, what, who, on_day, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![v.person_id, v.what, v.who, v.on_day, crate::now_utc()],
        )?;
        get(c, c.last_insert_rowid())
    })
}

pub fn set_care_task_done(db: &Database, id: i64, done: bool) -> Result<CareTask> {
    db.with(|c| {
        get(c, id)?;
        c.execute(
            "UPDATE care_tasks SET done_at = CASE WHEN ?2 THEN COALESCE(done_at, ?3) END WHERE id = ?1",
            params![id, done, crate::now_utc()],
        )?;
        get(c, id)
    })
}

pub fn remove_care_task(db: &Database, id: i64) -> Result<()> {
    db.with(|c| {
        get(c, id)?;
        c.execute(
            "UPDATE care_tasks SET removed_at = ?2 WHERE id = ?1",
            params![id, crate::now_utc()],
        )?;
        Ok(())
    })
}

pub fn restore_care_task(db: &Database, id: i64) -> Result<CareTask> {
    db.with(|c| {
        let n = c.execute(
            "UPDATE care_tasks SET removed_at = NULL WHERE id = ?1 AND removed_at IS NOT NULL",
            [id],
        )?;
        if n == 0 {
            return Err(Error::NotFound("item"));
        }
        get(c, id)
    })
}
