//! SQL for people.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::{Condition, Person, Relationship, ValidPerson};
use crate::error::{Error, Result};

/// Succeeds when `id` is someone the caregiver currently supports (not removed).
pub fn ensure_active(conn: &Connection, id: i64) -> Result<()> {
    conn.query_row(
        "SELECT 1 FROM people WHERE id = ?1 AND removed_at IS NULL",
        [id],
        |_| Ok(()),
    )
    .optional()?
    .ok_or(Error::NotFound("person"))
}

pub fn insert(tx: &Transaction<'_>, p: &ValidPerson, now: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO people (name, relationship, created_at) VALUES (?1, ?2, ?3)",
        params![p.name, p.relationship.as_str(), now],
    )?;
    let id = tx.last_insert_rowid();
    write_conditions(tx, id, &p.conditions)?;
    Ok(id)
}

pub fn update(tx: &Transaction<'_>, id: i64, p: &ValidPerson) -> Result<()> {
    let n = tx.execute(
        "UPDATE people SET name = ?1, relationship = ?2 WHERE id = ?3 AND removed_at IS NULL",
        params![p.name, p.relationship.as_str(), id],
    )?;
    if n == 0 {
        return Err(Error::NotFound("person"));
    }
    tx.execute("DELETE FROM person_conditions WHERE person_id = ?1", [id])?;
    write_conditions(tx, id, &p.conditions)
}

/// Hides a person and everything about them; `restore` brings them back.
pub fn remove(conn: &Connection, id: i64, now: &str) -> Result<()> {
    let n = conn.execute(
        "UPDATE people SET removed_at = ?2 WHERE id = ?1 AND removed_at IS NULL",
        params![id, now],
    )?;
    if n == 0 {
        return Err(Error::NotFound("person"));
    }
    Ok(())
}

pub fn restore(conn: &Connection, id: i64) -> Result<()> {
    let n = conn.execute(
        "UPDATE people SET removed_at = NULL WHERE id = ?1 AND removed_at IS NOT NULL",
        [id],
    )?;
    if n == 0 {
        return Err(Error::NotFound("person"));
    }
    Ok(())
}

fn write_conditions(tx: &Transaction<'_>, id: i64, conditions: &[Condition]) -> Result<()> {
    let mut stmt =
        tx.prepare_cached("INSERT INTO person_conditions (person_id, condition) VALUES (?1, ?2)")?;
    for c in conditions {
        stmt.execute(params![id, c.as_str()])?;
    }
    Ok(())
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM people WHERE removed_at IS NULL",
        [],
        |r| r.get(0),
    )?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Person> {
    let row = conn
        .query_row(
            "SELECT id, name, relationship FROM people WHERE id = ?1 AND removed_at IS NULL",
            [id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            },
        )
        .optional()?
        .ok_or(Error::NotFound("person"))?;
    let mut people = assemble(conn, vec![row])?;
    people.pop().ok_or(Error::NotFound("person"))
}

/// Everyone, in the order they were added.
pub fn list(conn: &Connection) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, relationship FROM people WHERE removed_at IS NULL ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<Vec<(i64, String, String)>>>()?;
    assemble(conn, rows)
}

fn assemble(conn: &Connection, rows: Vec<(i64, String, String)>) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare_cached(
        "SELECT condition FROM person_conditions WHERE person_id = ?1 ORDER BY condition",
    )?;
    rows.into_iter()
        .map(|(id, name, rel)| {
            let mut conditions = stmt
                .query_map([id], |r| r.get::<_, String>(0))?
                .filter_map(|c| c.ok().and_then(|c| Condition::parse(&c)))
                .collect::<Vec<_>>();
            conditions.sort();
            Ok(Person {
                id,
                name,
                // A value written by a newer version falls back rather than hiding the person.
                relationship: Relationship::parse(&rel).unwrap_or(Relationship::Other),
                conditions,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;

    fn sam() -> ValidPerson {
        ValidPerson {
            name: "Sam".into(),
            relationship: Relationship::Child,
            conditions: vec![Condition::Depression, Condition::Anxiety],
        }
    }

    #[test]
    fn insert_list_update_delete() {
        let mut conn = open_in_memory().expect("db");
        let tx = conn.transaction().expect("tx");
        let id = insert(&tx, &sam(), "2026-11-22T10:00:00Z").expect("insert");
        tx.commit().expect("commit");

        let people = list(&conn).expect("list");
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].name, "Sam");
        assert_eq!(
            people[0].conditions,
            vec![Condition::Depression, Condition::Anxiety]
        );

        let tx = conn.transaction().expect("tx");
        let changed = ValidPerson {
            name: "Sammy".into(),
            relationship: Relationship::Sibling,
            conditions: vec![Condition::NotSure],
        };
        update(&tx, id, &changed).expect("update");
        tx.commit().expect("commit");
        let p = get(&conn, id).expect("get");
        assert_eq!(p.name, "Sammy");
        assert_eq!(p.relationship, Relationship::Sibling);
        assert_eq!(p.conditions, vec![Condition::NotSure]);

        remove(&conn, id, "2026-11-22T11:00:00Z").expect("remove");
        assert_eq!(count(&conn).expect("count"), 0);
        assert!(list(&conn).expect("list").is_empty());
        assert!(matches!(get(&conn, id), Err(Error::NotFound("person"))));
        // Undo brings the person back with their details.
        restore(&conn, id).expect("restore");
        assert_eq!(
            get(&conn, id).expect("back").conditions,
            vec![Condition::NotSure]
        );
        assert!(matches!(restore(&conn, id), Err(Error::NotFound("person"))));
    }

    #[test]
    fn missing_people_are_not_found() {
        let mut conn = open_in_memory().expect("db");
        assert!(matches!(get(&conn, 42), Err(Error::NotFound("person"))));
        assert!(matches!(
            remove(&conn, 42, "now"),
            Err(Error::NotFound("person"))
        ));
        let tx = conn.transaction().expect("tx");
        assert!(matches!(
            update(&tx, 42, &sam()),
            Err(Error::NotFound("person"))
        ));
    }
}
