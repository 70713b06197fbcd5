//! IPC adapters for moving everything: export, import and erase.

use tauri::{AppHandle, Runtime};

use crate::ipc::Arg;
use crate::DbExt;
use alongside_core::transfer::{api, api::*, too_big, MAX_BYTES};
use alongside_core::Result;

#[tauri::command(async)]
pub fn export_everything<R: Runtime>(
    app: AppHandle<R>,
    passphrase: Arg<Option<String>>,
) -> Result<ExportedEverything> {
    api::export_everything(&app.db(), &crate::downloads(&app)?, passphrase.as_deref())
}

#[tauri::command(async)]
pub fn data_summary<R: Runtime>(app: AppHandle<R>) -> Result<DataSummary> {
    api::data_summary(&app.db())
}

#[tauri::command(async)]
pub fn import_everything<R: Runtime>(
    app: AppHandle<R>,
    text: Arg<String>,
    passphrase: Arg<Option<String>>,
    replace_existing: Arg<bool>,
) -> Result<ImportedEverything> {
    let text = text.into_inner();
    if text.len() > MAX_BYTES {
        return Err(too_big());
    }
    api::import_everything(
        &app.db(),
        &text,
        passphrase.as_deref(),
        replace_existing.into_inner(),
    )
}

#[tauri::command(async)]
pub fn erase_everything<R: Runtime>(
    app: AppHandle<R>,
    typed: Arg<String>,
    include_backups: Arg<bool>,
) -> Result<Erased> {
    api::erase_everything(&app.db(), &typed.into_inner(), include_backups.into_inner())
}
