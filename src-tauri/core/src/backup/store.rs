//! The backup folder the caregiver chose, kept in the database.

use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;

pub fn folder(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT folder FROM backup_settings WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?
        .flatten())
}

pub fn set_folder(conn: &Connection, folder: Option<&str>) -> Result<()> {
    conn.execute(
        "INSERT INTO backup_settings (id, folder) VALUES (1, ?1)
         ON CONFLICT (id) DO UPDATE SET folder = excluded.folder",
        [folder],
    )?;
    Ok(())
}
