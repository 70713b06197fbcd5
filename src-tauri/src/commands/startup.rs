//! IPC adapters for the app's start-up status.

use tauri::{AppHandle, Runtime};

use alongside_core::startup::{self, AppStatus};

use crate::DbExt;

#[tauri::command(async)]
pub fn app_status<R: Runtime>(app: AppHandle<R>) -> AppStatus {
    startup::status(&app.db())
}

/// Tries to open the data again, for example after another program let go of it.
#[tauri::command(async)]
pub fn retry_database<R: Runtime>(app: AppHandle<R>) -> AppStatus {
    startup::retry(&app.db())
}
