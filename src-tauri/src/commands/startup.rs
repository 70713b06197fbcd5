//! IPC adapters for the app's start-up status.

use std::sync::Mutex;

use tauri::{AppHandle, Manager, Runtime};

use alongside_core::startup::{self, AppStatus};

use crate::DbExt;

/// Where an unreadable database was moved at start, kept for this run so the UI can explain it.
#[derive(Default)]
pub struct MovedAside(pub Mutex<Option<std::path::PathBuf>>);

#[tauri::command(async)]
pub fn app_status<R: Runtime>(app: AppHandle<R>) -> AppStatus {
    startup::status(&app.db(), &app.state::<MovedAside>().0)
}

/// Tries to open the data again, for example after another program let go of it.
#[tauri::command(async)]
pub fn retry_database<R: Runtime>(app: AppHandle<R>) -> AppStatus {
    startup::retry(&app.db(), &app.state::<MovedAside>().0)
}
