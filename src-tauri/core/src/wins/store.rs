//! SQL for small wins and their tags.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{Tag, ValidFilter, ValidWin, Win};
use crate::error::{Error, Result};

use crate::dates;

fn tag_ids(conn: &Connection, names: &[String]) -> Result<Vec<i64>> {
    names
        .iter()
        .map(|n| {
            conn.query_row("SELECT id FROM tags WHERE name = ?1", [n], |r| r.get(0))
                .optional()?
                .ok_or_else(|| {
                    Error::invalid(
                        "tags",
                        format!("There is no tag called \u{201c}{n}\u{201d} yet. Add it as a new tag first."),
                    )
                })
        })
        .collect()
}

fn write_tags(tx: &Transaction<'_>, id: i64, tags: &[i64]) -> Result<()> {
    tx.execute("DELETE FROM win_tags WHERE win_id = ?1", [id])?;
    let mut stmt = tx.prepare_cached("INSERT INTO win_tags (win_id, tag_id) VALUES (?1, ?2)")?;
    for t in tags {
        stmt.execute([id, *t])?;
    }
    Ok(())
}

/// Wins on or after `since`, newest first: (id, person id, day, text).
pub fn recent(conn: &Connection, since: NaiveDate) -> Result<Vec<(i64, i64, NaiveDate, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT w.id, w.person_id, w.happened_on, w.text FROM wins w
         JOIN people p ON p.id = w.person_id AND p.removed_at IS NULL
         WHERE w.deleted_at IS NULL AND w.happened_on >= ?1
         ORDER BY w.happened_on DESC, w.id DESC LIMIT 20",
    )?;
    let rows = stmt.query_map([dates::day_text(since)], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, p, d, t) = row?;
        out.push((id, p, dates::stored_day(&d, "a win's day")?, t));
    }
    Ok(out)
}

pub fn insert(tx: &Transaction<'_>, w: &ValidWin, now: &str) -> Result<i64> {
    crate::people::store::ensure_active(tx, w.person_id)?;
    let tags = tag_ids(tx, &w.tags)?;
    tx.execute(
        "INSERT INTO wins (person_id, happened_on, text, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![w.person_id, dates::day_text(w.happened_on), w.text, w.note, now],
    )?;
    let id = tx.last_insert_rowid();
    write_tags(tx, id, &tags)?;
    Ok(id)
}

pub fn update(tx: &Transaction<'_>, id: i64, w: &ValidWin) -> Result<()> {
    crate::people::store::ensure_active(tx, w.person_id)?;
    let tags = tag_ids(tx, &w.tags)?;
    let n = tx.execute(
        "UPDATE wins SET person_id = ?1, happened_on = ?2, text = ?3, note = ?4
         WHERE id = ?5 AND deleted_at IS NULL",
        params![
            w.person_id,
            dates::day_text(w.happened_on),
            w.text,
            w.note,
            id
        ],
    )?;
    if n == 0 {
        return Err(Error::NotFound("win"));
    }
    write_tags(tx, id, &tags)
}

/// Deleting hides the win; `restore` is Undo.
pub fn soft_delete(conn: &Connection, id: i64, now: &str) -> Result<()> {
    let n = conn.execute(
        "UPDATE wins SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, now],
    )?;
    if n == 0 {
        return Err(Error::NotFound("win"));
    }
    Ok(())
}

pub fn restore(conn: &Connection, id: i64) -> Result<()> {
    let n = conn.execute(
        "UPDATE wins SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
        [id],
    )?;
    if n == 0 {
        return Err(Error::NotFound("win"));
    }
    Ok(())
}

pub(super) const COLUMNS: &str = "w.id, w.person_id, p.name, w.happened_on, w.text, w.note,
    (SELECT group_concat(t.name, char(31)) FROM win_tags wt JOIN tags t ON t.id = wt.tag_id
     WHERE wt.win_id = w.id)";

pub(super) fn win_from(r: &Row<'_>) -> rusqlite::Result<Win> {
    let tags: Option<String> = r.get(6)?;
    let mut tags: Vec<String> = tags
        .map(|t| t.split('\u{1f}').map(str::to_owned).collect())
        .unwrap_or_default();
    tags.sort_by_key(|t| t.to_lowercase());
    Ok(Win {
        id: r.get(0)?,
        person_id: r.get(1)?,
        person_name: r.get(2)?,
        happened_on: r.get(3)?,
        text: r.get(4)?,
        note: r.get(5)?,
        tags,
        text_marked: None,
        note_marked: None,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Win> {
    conn.query_row(
        &format!(
            "SELECT {COLUMNS} FROM wins w JOIN people p ON p.id = w.person_id
             WHERE w.id = ?1 AND w.deleted_at IS NULL AND p.removed_at IS NULL"
        ),
        [id],
        win_from,
    )
    .optional()?
    .ok_or(Error::NotFound("win"))
}

/// Every win that counts: not deleted, for someone still in Alongside.
pub fn total(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM wins w JOIN people p ON p.id = w.person_id
         WHERE w.deleted_at IS NULL AND p.removed_at IS NULL",
        [],
        |r| r.get(0),
    )?)
}

pub fn on_day(conn: &Connection, day: NaiveDate) -> Result<Vec<Win>> {
    let f = ValidFilter {
        from: Some(day),
        to: Some(day),
        ..ValidFilter::default()
    };
    Ok(page(conn, &f, None, 20)?.wins)
}

pub fn tags(conn: &Connection) -> Result<Vec<Tag>> {
    let mut stmt = conn.prepare_cached("SELECT id, name FROM tags ORDER BY name COLLATE NOCASE")?;
    let rows = stmt.query_map([], |r| {
        Ok(Tag {
            id: r.get(0)?,
            name: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn add_tag(conn: &Connection, name: &str, now: &str) -> Result<Tag> {
    let n = conn.execute(
        "INSERT INTO tags (name, created_at) VALUES (?1, ?2) ON CONFLICT(name) DO NOTHING",
        params![name, now],
    )?;
    if n == 0 {
        return Err(Error::invalid(
            "tag",
            format!("There is already a tag called \u{201c}{name}\u{201d}."),
        ));
    }
    Ok(Tag {
        id: conn.last_insert_rowid(),
        name: name.to_owned(),
    })
}

/// Renames a tag everywhere it is used.
pub fn rename_tag(conn: &Connection, id: i64, name: &str) -> Result<Tag> {
    let taken: Option<i64> = conn
        .query_row(
            "SELECT id FROM tags WHERE name = ?1 AND id != ?2",
            params![name, id],
            |r| r.get(0),
        )
        .optional()?;
    if taken.is_some() {
        return Err(Error::invalid(
            "tag",
            format!("There is already a tag called \u{201c}{name}\u{201d}."),
        ));
    }
    let n = conn.execute("UPDATE tags SET name = ?1 WHERE id = ?2", params![name, id])?;
    if n == 0 {
        return Err(Error::NotFound("tag"));
    }
    Ok(Tag {
        id,
        name: name.to_owned(),
    })
}

mod timeline;
pub use timeline::{all, page};

#[cfg(test)]
mod tests;
