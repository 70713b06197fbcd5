//! What the UI needs to know at start: whether the caregiver's data opened, whether an unreadable
//! file was moved aside (and where), and whether onboarding is done.

use serde::Serialize;
use ts_rs::TS;

use crate::error::AppError;

pub mod commands;

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
