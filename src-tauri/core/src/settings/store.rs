//! SQL for the caregiver's profile (a single row).

use rusqlite::{params, Connection, OptionalExtension};

use super::Profile;
use crate::error::{Error, Result};

pub fn get(conn: &Connection) -> Result<Option<Profile>> {
    Ok(conn
        .query_row(
            "SELECT caregiver_name, region FROM profile WHERE id = 1",
            [],
            |r| {
                Ok(Profile {
                    caregiver_name: r.get(0)?,
                    region: r.get(1)?,
                })
            },
        )
        .optional()?)
}

/// When the caregiver set Alongside up (a UTC timestamp), if they have.
pub fn onboarded_at(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT onboarded_at FROM profile WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Creates the profile; fails if one exists (onboarding happens once).
pub fn create(conn: &Connection, p: &Profile, now: &str) -> Result<()> {
    let n = conn.execute(
        "INSERT INTO profile (id, caregiver_name, region, onboarded_at) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT(id) DO NOTHING",
        params![p.caregiver_name, p.region, now],
    )?;
    if n == 0 {
        return Err(Error::AlreadySetUp);
    }
    Ok(())
}

pub fn update(conn: &Connection, p: &Profile) -> Result<()> {
    let n = conn.execute(
        "UPDATE profile SET caregiver_name = ?1, region = ?2 WHERE id = 1",
        params![p.caregiver_name, p.region],
    )?;
    if n == 0 {
        return Err(Error::NotFound("profile"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;

    #[test]
    fn profile_is_created_once_and_updated() {
        let conn = open_in_memory().expect("db");
        assert_eq!(get(&conn).expect("get"), None);
        let p = Profile {
            caregiver_name: Some("Maria".into()),
            region: "US".into(),
        };
        assert_eq!(onboarded_at(&conn).expect("none yet"), None);
        create(&conn, &p, "2026-11-22T10:00:00Z").expect("create");
        assert_eq!(
            onboarded_at(&conn).expect("read").as_deref(),
            Some("2026-11-22T10:00:00Z")
        );
        assert_eq!(get(&conn).expect("get"), Some(p.clone()));
        assert!(matches!(
            create(&conn, &p, "2026-11-22T10:00:00Z"),
            Err(Error::AlreadySetUp)
        ));
        let q = Profile {
            caregiver_name: None,
            region: "GB".into(),
        };
        update(&conn, &q).expect("update");
        assert_eq!(get(&conn).expect("get"), Some(q));
    }

    #[test]
    fn updating_before_onboarding_is_not_found() {
        let conn = open_in_memory().expect("db");
        let p = Profile {
            caregiver_name: None,
            region: "US".into(),
        };
        assert!(matches!(update(&conn, &p), Err(Error::NotFound("profile"))));
    }
}
