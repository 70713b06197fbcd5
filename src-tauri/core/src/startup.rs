//! What the UI needs to know at start: whether the caregiver's data opened, whether an unreadable
//! file was moved aside (and where), and whether onboarding is done.

use serde::Serialize;
use ts_rs::TS;

use std::path::PathBuf;
use std::sync::Mutex;

use crate::db::Database;
use crate::error::AppError;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    /// Why the data could not be opened, if it could not. Crisis help works either way.
    pub database_problem: Option<AppError>,
    /// Where an unreadable earlier data file was kept, if that happened at this start.
    pub moved_aside: Option<String>,
    /// The folder that holds the caregiver's data.
    pub data_dir: String,
    pub onboarded: bool,
}

/// Whether Alongside keeps running in the background (shown in Settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackgroundStatus {
    /// A tray icon is showing, so closing the window keeps Alongside running.
    pub tray: bool,
    /// Alongside starts when the caregiver logs in.
    pub start_at_login: bool,
}

/// What the UI needs at start. `moved` holds where an unreadable file was set aside this run.
pub fn status(db: &Database, moved: &Mutex<Option<PathBuf>>) -> AppStatus {
    let onboarded = db
        .with(|c| Ok(crate::settings::store::get(c)?.is_some()))
        .unwrap_or(false);
    let moved_aside = moved
        .lock()
        .ok()
        .and_then(|m| m.as_ref().map(|p| p.display().to_string()));
    AppStatus {
        database_problem: db.problem(),
        moved_aside,
        data_dir: db.dir().display().to_string(),
        onboarded,
    }
}

/// Tries to open the data again, for example after another program let go of it.
pub fn retry(db: &Database, moved: &Mutex<Option<PathBuf>>) -> AppStatus {
    if let Some(aside) = db.retry() {
        if let Ok(mut m) = moved.lock() {
            *m = Some(aside);
        }
    }
    status(db, moved)
}
