//! IPC adapters for the app's start-up status.

use std::sync::Mutex;

use tauri::{AppHandle, Manager, Runtime};

use super::AppStatus;
use crate::DbExt;

/// Where an unreadable database was moved at start, kept for this run so the UI can explain it.
#[derive(Default)]
pub struct MovedAside(pub Mutex<Option<std::path::PathBuf>>);

#[tauri::command(async)]
pub fn app_status<R: Runtime>(app: AppHandle<R>) -> AppStatus {
    let db = app.db();
    let onboarded = db
        .with(|c| Ok(crate::settings::store::get(c)?.is_some()))
        .unwrap_or(false);
    let moved = app.state::<MovedAside>();
    let moved_aside = moved
        .0
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
#[tauri::command(async)]
pub fn retry_database<R: Runtime>(app: AppHandle<R>) -> AppStatus {
    if let Some(aside) = app.db().retry() {
        if let Ok(mut m) = app.state::<MovedAside>().0.lock() {
            *m = Some(aside);
        }
    }
    app_status(app)
}
