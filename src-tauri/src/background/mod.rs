//! Running in the background so reminders can come: a system tray icon (Open, Pause all
//! reminders for 1 hour, Quit), closing the window to the tray, an opt-in start at login, and
//! one instance at a time. Where the desktop has no tray, the app says reminders need it open.

use serde::Serialize;
use ts_rs::TS;

pub mod commands;
pub mod tray;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackgroundStatus {
    /// A tray icon is showing, so closing the window keeps Alongside running.
    pub tray: bool,
    /// Alongside starts when the caregiver logs in.
    pub start_at_login: bool,
}
