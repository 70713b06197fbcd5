//! SQL for crisis readiness. Safety plans are append-only: saving inserts a version.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{
    CardContact, CaregiverCard, Noticed, PlanSteps, PlanVersion, SafetyPlan, ValidNoticed,
    ValidPlan, ValidSign, WarningSign,
};
use crate::error::{Error, Result};

use crate::dates;

/// The person's name, if they are someone the caregiver currently supports.
pub fn person_name(conn: &Connection, id: i64) -> Result<String> {
    conn.query_row(
        "SELECT name FROM people WHERE id = ?1 AND removed_at IS NULL",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(Error::NotFound("person"))
}

fn join(items: &[String]) -> String {
    items.join("\n")
}

fn split(s: String) -> Vec<String> {
    if s.is_empty() {
        Vec::new()
    } else {
        s.split('\n').map(str::to_owned).collect()
    }
}

const PLAN_COLUMNS: &str = "person_id, version, saved_at, made_together, warning_signs, coping, \
     distractions, helpers, professionals, safer_environment";

fn plan_row(r: &Row<'_>) -> rusqlite::Result<SafetyPlan> {
    Ok(SafetyPlan {
        person_id: r.get(0)?,
        version: r.get(1)?,
        saved_at: r.get(2)?,
        made_together: r.get(3)?,
        steps: PlanSteps {
            warning_signs: split(r.get(4)?),
            coping: split(r.get(5)?),
            distractions: split(r.get(6)?),
            helpers: split(r.get(7)?),
            professionals: split(r.get(8)?),
            safer_environment: split(r.get(9)?),
        },
    })
}

/// The newest version of the person's plan.
pub fn current_plan(conn: &Connection, person_id: i64) -> Result<Option<SafetyPlan>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {PLAN_COLUMNS} FROM safety_plans WHERE person_id = ?1 \
                 ORDER BY version DESC LIMIT 1"
            ),
            [person_id],
            plan_row,
        )
        .optional()?)
}

pub fn plan_version(conn: &Connection, person_id: i64, version: i64) -> Result<SafetyPlan> {
    conn.query_row(
        &format!("SELECT {PLAN_COLUMNS} FROM safety_plans WHERE person_id = ?1 AND version = ?2"),
        [person_id, version],
        plan_row,
    )
    .optional()?
    .ok_or(Error::NotFound("version of the plan"))
}

/// Every version, newest first.
pub fn versions(conn: &Connection, person_id: i64) -> Result<Vec<PlanVersion>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PLAN_COLUMNS} FROM safety_plans WHERE person_id = ?1 ORDER BY version DESC"
    ))?;
    let rows = stmt.query_map([person_id], plan_row)?;
    let mut out = Vec::new();
    for p in rows {
        let p = p?;
        out.push(PlanVersion {
            version: p.version,
            saved_at: p.saved_at,
            item_count: p.steps.item_count() as u32,
        });
    }
    Ok(out)
}

/// Saves the plan as a new version, unless it is exactly the current one. Returns the plan as
/// saved and whether a version was added.
pub fn save_plan(tx: &Transaction<'_>, p: &ValidPlan, now: &str) -> Result<(SafetyPlan, bool)> {
    person_name(tx, p.person_id)?;
    let current = current_plan(tx, p.person_id)?;
    if let Some(same) = current.as_ref().filter(|c| !super::differs(Some(c), p)) {
        return Ok((same.clone(), false));
    }
    let version = current.map_or(1, |c| c.version + 1);
    let s = &p.steps;
    tx.execute(
        &format!("INSERT INTO safety_plans ({PLAN_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
        params![
            p.person_id,
            version,
            now,
            p.made_together,
            join(&s.warning_signs),
            join(&s.coping),
            join(&s.distractions),
            join(&s.helpers),
            join(&s.professionals),
            join(&s.safer_environment),
        ],
    )?;
    Ok((plan_version(tx, p.person_id, version)?, true))
}

fn sign_row(r: &Row<'_>) -> rusqlite::Result<WarningSign> {
    Ok(WarningSign {
        id: r.get(0)?,
        person_id: r.get(1)?,
        sign: r.get(2)?,
        action: r.get(3)?,
        contact: r.get(4)?,
    })
}

pub fn signs(conn: &Connection, person_id: i64) -> Result<Vec<WarningSign>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, person_id, sign, action, contact FROM warning_signs \
         WHERE person_id = ?1 AND removed_at IS NULL ORDER BY id",
    )?;
    let rows = stmt.query_map([person_id], sign_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn sign(conn: &Connection, id: i64) -> Result<WarningSign> {
    conn.query_row(
        "SELECT id, person_id, sign, action, contact FROM warning_signs \
         WHERE id = ?1 AND removed_at IS NULL",
        [id],
        sign_row,
    )
    .optional()?
    .ok_or(Error::NotFound("warning sign"))
}

pub fn add_sign(conn: &Connection, s: &ValidSign, now: &str) -> Result<i64> {
    person_name(conn, s.person_id)?;
    conn.execute(
        "INSERT INTO warning_signs (person_id, sign, action, contact, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![s.person_id, s.sign, s.action, s.contact, now],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update_sign(conn: &Connection, id: i64, s: &ValidSign) -> Result<()> {
    let n = conn.execute(
        "UPDATE warning_signs SET sign = ?2, action = ?3, contact = ?4 \
         WHERE id = ?1 AND person_id = ?5 AND removed_at IS NULL",
        params![id, s.sign, s.action, s.contact, s.person_id],
    )?;
    if n == 0 {
        return Err(Error::NotFound("warning sign"));
    }
    Ok(())
}

pub fn remove_sign(conn: &Connection, id: i64, now: &str) -> Result<()> {
    let n = conn.execute(
        "UPDATE warning_signs SET removed_at = ?2 WHERE id = ?1 AND removed_at IS NULL",
        params![id, now],
    )?;
    if n == 0 {
        return Err(Error::NotFound("warning sign"));
    }
    Ok(())
}

pub fn restore_sign(conn: &Connection, id: i64) -> Result<()> {
    let n = conn.execute(
        "UPDATE warning_signs SET removed_at = NULL WHERE id = ?1 AND removed_at IS NOT NULL",
        [id],
    )?;
    if n == 0 {
        return Err(Error::NotFound("warning sign"));
    }
    Ok(())
}

/// Records what was noticed, copying the signs' words so later edits do not rewrite history.
pub fn add_noticed(tx: &Transaction<'_>, n: &ValidNoticed, now: &str) -> Result<i64> {
    person_name(tx, n.person_id)?;
    let mut words = Vec::with_capacity(n.sign_ids.len());
    for id in &n.sign_ids {
        let s = sign(tx, *id)?;
        if s.person_id != n.person_id {
            return Err(Error::NotFound("warning sign"));
        }
        words.push(s.sign);
    }
    tx.execute(
        "INSERT INTO signs_noticed (person_id, noticed_on, signs, note, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            n.person_id,
            dates::day_text(n.noticed_on),
            join(&words),
            n.note,
            now
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn noticed_row(r: &Row<'_>) -> rusqlite::Result<Noticed> {
    Ok(Noticed {
        id: r.get(0)?,
        person_id: r.get(1)?,
        noticed_on: r.get(2)?,
        signs: split(r.get(3)?),
        note: r.get(4)?,
    })
}

pub fn noticed(conn: &Connection, person_id: i64) -> Result<Vec<Noticed>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, person_id, noticed_on, signs, note FROM signs_noticed \
         WHERE person_id = ?1 ORDER BY noticed_on DESC, id DESC",
    )?;
    let rows = stmt.query_map([person_id], noticed_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn noticed_one(conn: &Connection, id: i64) -> Result<Noticed> {
    conn.query_row(
        "SELECT id, person_id, noticed_on, signs, note FROM signs_noticed WHERE id = ?1",
        [id],
        noticed_row,
    )
    .optional()?
    .ok_or(Error::NotFound("entry"))
}

pub fn caregiver_card(conn: &Connection) -> Result<CaregiverCard> {
    let what_helps: Option<String> = conn
        .query_row(
            "SELECT what_helps FROM caregiver_card WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let mut stmt =
        conn.prepare_cached("SELECT name, reach FROM caregiver_contacts ORDER BY position, id")?;
    let contacts = stmt
        .query_map([], |r| {
            Ok(CardContact {
                name: r.get(0)?,
                reach: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(CaregiverCard {
        contacts,
        what_helps,
    })
}

/// Replaces the card as a whole, in the caller's transaction.
pub fn save_caregiver_card(tx: &Transaction<'_>, card: &CaregiverCard, now: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO caregiver_card (id, what_helps, updated_at) VALUES (1, ?1, ?2) \
         ON CONFLICT (id) DO UPDATE SET what_helps = excluded.what_helps, updated_at = excluded.updated_at",
        params![card.what_helps, now],
    )?;
    tx.execute("DELETE FROM caregiver_contacts", [])?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO caregiver_contacts (position, name, reach) VALUES (?1, ?2, ?3)",
    )?;
    for (i, c) in card.contacts.iter().enumerate() {
        stmt.execute(params![i as i64, c.name, c.reach])?;
    }
    Ok(())
}
