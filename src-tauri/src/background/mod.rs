//! Running in the background so reminders can come: a system tray icon (Open, Pause all
//! reminders for 1 hour, Quit), closing the window to the tray, an opt-in start at login, and
//! one instance at a time. Where the desktop has no tray, the app says reminders need it open.

use std::sync::atomic::Ordering;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_autostart::ManagerExt;

pub use alongside_core::startup::BackgroundStatus;
use alongside_core::{Error, Result};

use tray::TrayState;

pub mod tray;

pub fn status<R: Runtime>(app: &AppHandle<R>) -> BackgroundStatus {
    BackgroundStatus {
        tray: app
            .try_state::<TrayState>()
            .is_some_and(|t| t.0.load(Ordering::Relaxed)),
        start_at_login: app.autolaunch().is_enabled().unwrap_or(false),
    }
}

/// Turns start at login on or off, and says how things stand after.
pub fn set_start_at_login<R: Runtime>(
    app: &AppHandle<R>,
    enabled: bool,
) -> Result<BackgroundStatus> {
    let done = if enabled {
        app.autolaunch().enable()
    } else {
        app.autolaunch().disable()
    };
    done.map_err(|_| {
        Error::invalid(
            "startAtLogin",
            "Alongside could not change how it starts. You can add it to your startup programs in your system settings instead.",
        )
    })?;
    Ok(status(app))
}
