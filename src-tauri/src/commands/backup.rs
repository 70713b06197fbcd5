//! IPC adapters for backups and restore.

use tauri::{AppHandle, Manager, Runtime};

use crate::ipc::Arg;
use crate::DbExt;
use alongside_core::backup::api::{self, Backups};
use alongside_core::backup::BackupStatus;
use alongside_core::Result;

#[tauri::command(async)]
pub fn backup_status<R: Runtime>(app: AppHandle<R>) -> Result<BackupStatus> {
    api::backup_status(&app.db(), &app.state::<Backups>())
}

#[tauri::command(async)]
pub fn back_up_now<R: Runtime>(app: AppHandle<R>) -> Result<BackupStatus> {
    api::back_up_now(&app.db(), &app.state::<Backups>())
}

#[tauri::command(async)]
pub fn set_backup_folder<R: Runtime>(
    app: AppHandle<R>,
    folder: Arg<Option<String>>,
) -> Result<BackupStatus> {
    api::set_backup_folder(&app.db(), &app.state::<Backups>(), folder.into_inner())
}

#[tauri::command(async)]
pub fn restore_backup<R: Runtime>(app: AppHandle<R>, name: Arg<String>) -> Result<BackupStatus> {
    api::restore_backup(&app.db(), &app.state::<Backups>(), &name.into_inner())
}
