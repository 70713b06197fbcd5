//! IPC adapters for running in the background.

use tauri::{AppHandle, Runtime};

use crate::background::{self, BackgroundStatus};
use crate::ipc::Arg;
use alongside_core::Result;

#[tauri::command(async)]
pub fn background_status<R: Runtime>(app: AppHandle<R>) -> BackgroundStatus {
    background::status(&app)
}

#[tauri::command(async)]
pub fn set_start_at_login<R: Runtime>(
    app: AppHandle<R>,
    enabled: Arg<bool>,
) -> Result<BackgroundStatus> {
    background::set_start_at_login(&app, enabled.into_inner())
}
