//! The one place shared records cross between the tables the screens read and the circle's
//! document: [`publish`] copies this device's records of the shared kinds into the document,
//! [`absorb`] writes what other devices added or changed into the tables. Every value that
//! arrives is checked as an imported file's would be; a record that fails is left out (and
//! counted), never half-written.

use rusqlite::{params_from_iter, Connection};
use serde_json::Value as Json;

use super::doc::{CircleDoc, Fields, ORIGIN};
use super::store::{self, CircleRow};
use super::SharedKind;
use crate::error::Result;
use crate::transfer::{self, SqlValue};

/// What [`absorb`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Absorbed {
    pub added: u32,
    pub changed: u32,
    /// Records that arrived damaged or not as Alongside expects, and were left out.
    pub refused: u32,
}

fn column_kind(table: &str, col: &str) -> Option<transfer::Kind> {
    transfer::TABLES
        .iter()
        .find(|t| t.name == table)?
        .columns
        .iter()
        .find(|(c, _)| *c == col)
        .map(|(_, k)| *k)
}

/// Copies this device's records of every shared kind into `doc`; returns how many changed.
/// Records written by other devices are copied back as they now stand here, which changes
/// nothing unless the caregiver edited them here since.
pub fn publish(
    conn: &Connection,
    circle: &CircleRow,
    doc: &mut CircleDoc,
    me: &str,
) -> Result<u32> {
    let n = publish_where(conn, circle, doc, me, "")?;
    forget_changes(conn, circle)?;
    Ok(n)
}

/// As [`publish`], for the records changed since the last copy alone: what a live connection
/// does after every change, so it costs what changed, not ten years of records.
pub fn publish_changes(
    conn: &Connection,
    circle: &CircleRow,
    doc: &mut CircleDoc,
    me: &str,
) -> Result<u32> {
    let n = publish_where(
        conn,
        circle,
        doc,
        me,
        "AND id IN (SELECT local_id FROM care_dirty WHERE kind = ?2)",
    )?;
    forget_changes(conn, circle)?;
    Ok(n)
}

fn forget_changes(conn: &Connection, circle: &CircleRow) -> Result<()> {
    for kind in SharedKind::ALL {
        let table = kind.shape().table;
        conn.execute(
            &format!(
                "DELETE FROM care_dirty WHERE kind = ?1
                 AND local_id IN (SELECT id FROM {table} WHERE person_id = ?2)"
            ),
            rusqlite::params![kind.as_str(), circle.person_id],
        )?;
    }
    Ok(())
}

fn publish_where(
    conn: &Connection,
    circle: &CircleRow,
    doc: &mut CircleDoc,
    me: &str,
    only: &str,
) -> Result<u32> {
    let mut changed = 0;
    for kind in doc.shares() {
        let shape = kind.shape();
        let sql = format!(
            "SELECT id, {} FROM {} WHERE person_id = ?1 {only} ORDER BY id",
            shape.columns.join(", "),
            shape.table
        );
        let rows: Vec<(i64, Vec<SqlValue>)> = {
            let mut stmt = conn.prepare(&sql)?;
            let n = shape.columns.len();
            let bind: Vec<SqlValue> = if only.is_empty() {
                vec![SqlValue::Integer(circle.person_id)]
            } else {
                vec![
                    SqlValue::Integer(circle.person_id),
                    SqlValue::Text(kind.as_str().to_owned()),
                ]
            };
            let rows = stmt
                .query_map(rusqlite::params_from_iter(bind), |r| {
                    let values = (1..=n).map(|i| r.get(i)).collect::<rusqlite::Result<_>>()?;
                    Ok((r.get(0)?, values))
                })?
                .collect::<rusqlite::Result<_>>()?;
            rows
        };
        for (local_id, values) in rows {
            let share_id = match store::share_id_of(conn, kind, local_id)? {
                Some(s) => s,
                None => {
                    let s = store::new_id();
                    store::map_record(conn, kind, local_id, &s, None)?;
                    s
                }
            };
            if shape.versioned && doc.has_record(kind, &share_id) {
                continue;
            }
            let columns: Vec<(&str, SqlValue)> =
                shape.columns.iter().copied().zip(values).collect();
            if doc.put_record(kind, &share_id, me, &columns)? {
                changed += 1;
            }
        }
    }
    Ok(changed)
}

/// The record's columns as the table would hold them, or None if any is missing or wrong.
fn checked(kind: SharedKind, fields: &Fields) -> Option<Vec<SqlValue>> {
    let shape = kind.shape();
    shape
        .columns
        .iter()
        .map(|col| {
            let k = column_kind(shape.table, col)?;
            transfer::check_value(col, k, fields.get(*col).unwrap_or(&Json::Null)).ok()
        })
        .collect()
}

fn origin(fields: &Fields) -> Option<String> {
    fields
        .get(ORIGIN)
        .and_then(Json::as_str)
        .filter(|s| !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_owned)
}

fn insert(conn: &Connection, kind: SharedKind, person_id: i64, values: &[SqlValue]) -> Result<i64> {
    let shape = kind.shape();
    let mut cols = vec!["person_id"];
    cols.extend(shape.columns);
    let mut all = vec![SqlValue::Integer(person_id)];
    all.extend(values.iter().cloned());
    if shape.versioned {
        // A version made elsewhere follows this device's own: both are kept.
        cols.push("version");
        let next: i64 = conn.query_row(
            &format!(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM {} WHERE person_id = ?1",
                shape.table
            ),
            [person_id],
            |r| r.get(0),
        )?;
        all.push(SqlValue::Integer(next));
    }
    let marks = (1..=cols.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>();
    conn.execute(
        &format!(
            "INSERT INTO {} ({}) VALUES ({})",
            shape.table,
            cols.join(", "),
            marks.join(", ")
        ),
        params_from_iter(all),
    )?;
    Ok(conn.last_insert_rowid())
}

fn update(conn: &Connection, kind: SharedKind, local_id: i64, values: &[SqlValue]) -> Result<bool> {
    let shape = kind.shape();
    let sets = shape
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect::<Vec<_>>()
        .join(", ");
    let differs = shape
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} IS NOT ?{}", i + 1))
        .collect::<Vec<_>>()
        .join(" OR ");
    let mut all: Vec<SqlValue> = values.to_vec();
    all.push(SqlValue::Integer(local_id));
    let n = conn.execute(
        &format!(
            "UPDATE {} SET {sets} WHERE id = ?{} AND ({differs})",
            shape.table,
            all.len()
        ),
        params_from_iter(all),
    )?;
    Ok(n > 0)
}

/// Writes every record of the shared kinds that other devices added or changed into the
/// tables, for the circle's person. Each record is written whole or not at all.
pub fn absorb(conn: &Connection, circle: &CircleRow, doc: &CircleDoc) -> Result<Absorbed> {
    absorb_some(conn, circle, doc, None)
}

/// As [`absorb`], for the records `touched` names alone (a live message's changes).
pub fn absorb_touched(
    conn: &Connection,
    circle: &CircleRow,
    doc: &CircleDoc,
    touched: &std::collections::BTreeSet<(SharedKind, String)>,
) -> Result<Absorbed> {
    absorb_some(conn, circle, doc, Some(touched))
}

fn absorb_some(
    conn: &Connection,
    circle: &CircleRow,
    doc: &CircleDoc,
    touched: Option<&std::collections::BTreeSet<(SharedKind, String)>>,
) -> Result<Absorbed> {
    let mut out = Absorbed::default();
    for kind in doc.shares() {
        let added_before = out.added;
        let records = match touched {
            None => doc.records(kind),
            Some(t) => t
                .iter()
                .filter(|(k, _)| *k == kind)
                .filter_map(|(_, id)| doc.record(kind, id).map(|f| (id.clone(), f)))
                .collect(),
        };
        for (share_id, fields) in records {
            let Some(values) = checked(kind, &fields) else {
                out.refused += 1;
                continue;
            };
            match store::local_id_of(conn, kind, &share_id)? {
                None => {
                    conn.execute_batch("SAVEPOINT record")?;
                    let done = insert(conn, kind, circle.person_id, &values).and_then(|id| {
                        store::map_record(conn, kind, id, &share_id, origin(&fields).as_deref())
                    });
                    match done {
                        Ok(()) => {
                            conn.execute_batch("RELEASE record")?;
                            out.added += 1;
                        }
                        Err(_) => {
                            conn.execute_batch("ROLLBACK TO record; RELEASE record")?;
                            out.refused += 1;
                        }
                    }
                }
                Some(_) if kind.shape().versioned => {}
                Some(local_id) => match update(conn, kind, local_id, &values) {
                    Ok(true) => out.changed += 1,
                    Ok(false) => {}
                    Err(_) => out.refused += 1,
                },
            }
        }
        if kind.shape().versioned && out.added > added_before {
            renumber(conn, kind, circle.person_id)?;
        }
    }
    Ok(out)
}

/// Numbers a person's versions in the order they were saved, wherever that was, so every
/// device shows the same latest version.
fn renumber(conn: &Connection, kind: SharedKind, person_id: i64) -> Result<()> {
    let table = kind.shape().table;
    let ids: Vec<i64> = {
        let mut stmt = conn.prepare(&format!(
            "SELECT id FROM {table} WHERE person_id = ?1 ORDER BY saved_at, id"
        ))?;
        let ids = stmt
            .query_map([person_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids
    };
    // Out of the way first, so no two rows ever share a number.
    conn.execute(
        &format!("UPDATE {table} SET version = version + 1000000000 WHERE person_id = ?1"),
        [person_id],
    )?;
    for (i, id) in ids.iter().enumerate() {
        conn.execute(
            &format!("UPDATE {table} SET version = ?1 WHERE id = ?2"),
            rusqlite::params![i as i64 + 1, id],
        )?;
    }
    Ok(())
}
