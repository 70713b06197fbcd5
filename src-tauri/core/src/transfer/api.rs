//! Use cases: export everything to a file (protected with a passphrase when one is given), see
//! whether there is data, import a file (a safety copy first when there is data), and erase
//! everything after a typed confirmation.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::{protect, read, store, File, RecordCounts, ERASE_WORD, FORMAT, SCHEMA};
use crate::db::Database;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportedEverything {
    pub path: String,
    pub counts: RecordCounts,
    /// True when the file is protected with a passphrase.
    pub protected: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DataSummary {
    /// True when anything differs from a fresh Alongside (an import would replace it).
    pub has_data: bool,
    pub counts: RecordCounts,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedEverything {
    pub counts: RecordCounts,
    /// Where the data that was here before was copied, when there was any.
    pub safety_copy: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Erased {
    pub backups_removed: u32,
}

/// The whole file as text, stamped `exported_at`.
pub fn export_text(db: &Database, exported_at: &str) -> Result<String> {
    let tables = db.with(|conn| store::read_all(conn))?;
    let file = File {
        format: FORMAT.to_owned(),
        schema: SCHEMA,
        exported_at: exported_at.to_owned(),
        tables,
    };
    let mut text = serde_json::to_string_pretty(&file)
        .map_err(|_| Error::invalid("export", "Alongside could not write the file."))?;
    text.push('\n');
    Ok(text)
}

/// Saves everything to `folder/alongside-everything-<day>.json` (never overwriting), or, with
/// a passphrase, to `alongside-everything-<day>.age`, encrypted with it (see `protect`).
pub fn export_everything(
    db: &Database,
    folder: &Path,
    passphrase: Option<&str>,
) -> Result<ExportedEverything> {
    let passphrase = passphrase.map(protect::new_passphrase).transpose()?;
    let text = export_text(db, &crate::now_utc())?;
    let counts = read(&text)?.counts;
    let stem = format!(
        "alongside-everything-{}",
        chrono::Local::now().format("%Y-%m-%d")
    );
    let path = match &passphrase {
        Some(p) => crate::export::save(folder, &stem, "age", protect::seal(&text, p)?.as_bytes())?,
        None => crate::export::save(folder, &stem, "json", text.as_bytes())?,
    };
    Ok(ExportedEverything {
        path: path.display().to_string(),
        counts,
        protected: passphrase.is_some(),
    })
}

pub fn data_summary(db: &Database) -> Result<DataSummary> {
    db.with(|conn| summary(conn))
}

fn summary(conn: &rusqlite::Connection) -> Result<DataSummary> {
    let now = store::read_all(conn)?;
    let fresh = store::read_all(&crate::db::open_in_memory()?)?;
    let file = File {
        format: FORMAT.to_owned(),
        schema: SCHEMA,
        exported_at: crate::now_utc(),
        tables: now,
    };
    let counts = super::check(&file).map(|c| c.counts).unwrap_or_default();
    Ok(DataSummary {
        has_data: file.tables != fresh,
        counts,
    })
}

/// Replaces everything with the file's records, in one transaction, after checking all of
/// them. A protected file is opened with `passphrase` first. When there is data already,
/// `replace_existing` must say so, and a safety copy is made before anything changes.
pub fn import_everything(
    db: &Database,
    text: &str,
    passphrase: Option<&str>,
    replace_existing: bool,
) -> Result<ImportedEverything> {
    let checked = read(&protect::open(text, passphrase)?)?;
    let dir = db.dir().to_path_buf();
    db.with(|conn| {
        let safety_copy = if summary(conn)?.has_data {
            if !replace_existing {
                return Err(Error::invalid(
                    "import",
                    "Alongside already has your records on this computer. Please confirm that the file should replace them. Nothing was changed.",
                ));
            }
            Some(store::safety_copy(conn, &dir, "before-import")?.display().to_string())
        } else {
            None
        };
        let tx = conn.transaction()?;
        store::replace_all(&tx, &checked.rows)?;
        tx.commit()?;
        Ok(ImportedEverything {
            counts: checked.counts.clone(),
            safety_copy,
        })
    })
}

/// Removes the data file (and, when asked, the backup copies) once the caregiver has typed
/// the word, then opens a fresh empty Alongside.
pub fn erase_everything(db: &Database, typed: &str, include_backups: bool) -> Result<Erased> {
    if typed.trim() != ERASE_WORD {
        return Err(Error::invalid(
            "confirm",
            format!("Please type {ERASE_WORD} in capital letters to confirm. Nothing was erased."),
        ));
    }
    // The key goes with the data; a new one is made for the fresh start.
    let backups_removed = db.reset_after(|dir, keystore| {
        let removed = store::remove_data_files(dir, include_backups)?;
        crate::protection::api::forget_key(dir, keystore);
        Ok(removed)
    })?;
    Ok(Erased { backups_removed })
}
