//! IPC adapters for running in the background.

use crate::ipc::Arg;
use std::sync::atomic::Ordering;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_autostart::ManagerExt;

use super::tray::TrayState;
use super::BackgroundStatus;
use crate::error::{Error, Result};

fn status<R: Runtime>(app: &AppHandle<R>) -> BackgroundStatus {
    BackgroundStatus {
        tray: app
            .try_state::<TrayState>()
            .is_some_and(|t| t.0.load(Ordering::Relaxed)),
        start_at_login: app.autolaunch().is_enabled().unwrap_or(false),
    }
}

#[tauri::command(async)]
pub fn background_status<R: Runtime>(app: AppHandle<R>) -> BackgroundStatus {
    status(&app)
}

#[tauri::command(async)]
pub fn set_start_at_login<R: Runtime>(
    app: AppHandle<R>,
    enabled: Arg<bool>,
) -> Result<BackgroundStatus> {
    let enabled = enabled.into_inner();
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
    Ok(status(&app))
}
