//! What the UI needs to know at start: whether the caregiver's data opened, whether an unreadable
//! file was moved aside (and where), and whether onboarding is done.

use serde::Serialize;
use ts_rs::TS;

use crate::db::Database;
use crate::error::AppError;
use crate::protection::api::ProtectionStatus;

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
    /// What protects the data, and whether Alongside is locked.
    pub protection: ProtectionStatus,
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

/// What the UI needs at start.
pub fn status(db: &Database) -> AppStatus {
    let onboarded = db
        .with(|c| Ok(crate::settings::store::get(c)?.is_some()))
        .unwrap_or(false);
    AppStatus {
        database_problem: db.problem(),
        moved_aside: db.moved_aside().map(|p| p.display().to_string()),
        data_dir: db.dir().display().to_string(),
        onboarded,
        protection: crate::protection::api::status(db),
    }
}

/// Tries to open the data again, for example after another program let go of it.
pub fn retry(db: &Database) -> AppStatus {
    db.retry();
    status(db)
}
