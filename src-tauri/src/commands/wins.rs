//! IPC adapters for small wins.

use tauri::{AppHandle, Runtime};

use crate::ipc::Arg;
use crate::DbExt;
use alongside_core::wins::{api, *};
use alongside_core::Result;

#[tauri::command(async)]
pub fn add_win<R: Runtime>(app: AppHandle<R>, win: Arg<WinInput>) -> Result<Added> {
    api::add_win(&app.db(), win.into_inner())
}

#[tauri::command(async)]
pub fn update_win<R: Runtime>(app: AppHandle<R>, id: Arg<i64>, win: Arg<WinInput>) -> Result<Win> {
    api::update_win(&app.db(), id.into_inner(), win.into_inner())
}

#[tauri::command(async)]
pub fn delete_win<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<()> {
    api::delete_win(&app.db(), id.into_inner())
}

#[tauri::command(async)]
pub fn restore_win<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<Win> {
    api::restore_win(&app.db(), id.into_inner())
}

#[tauri::command(async)]
pub fn list_wins<R: Runtime>(
    app: AppHandle<R>,
    filter: Arg<WinFilter>,
    after: Arg<Option<Cursor>>,
) -> Result<WinPage> {
    api::list_wins(&app.db(), filter.into_inner(), after.into_inner())
}

#[tauri::command(async)]
pub fn wins_on_this_day<R: Runtime>(app: AppHandle<R>) -> Result<OnThisDay> {
    api::wins_on_this_day(&app.db())
}

#[tauri::command(async)]
pub fn list_tags<R: Runtime>(app: AppHandle<R>) -> Result<Vec<Tag>> {
    api::list_tags(&app.db())
}

#[tauri::command(async)]
pub fn add_tag<R: Runtime>(app: AppHandle<R>, name: Arg<String>) -> Result<Tag> {
    api::add_tag(&app.db(), name.into_inner())
}

#[tauri::command(async)]
pub fn rename_tag<R: Runtime>(app: AppHandle<R>, id: Arg<i64>, name: Arg<String>) -> Result<Tag> {
    api::rename_tag(&app.db(), id.into_inner(), name.into_inner())
}

/// Saves the wins matching `filter` as a CSV file in the Downloads folder (never overwriting).
#[tauri::command(async)]
pub fn export_wins_csv<R: Runtime>(app: AppHandle<R>, filter: Arg<WinFilter>) -> Result<Exported> {
    api::export_wins_csv(&app.db(), &crate::downloads(&app)?, filter.into_inner())
}
