//! IPC adapters for Today's suggestions and marks.

use tauri::{AppHandle, Runtime};

use crate::ipc::Arg;
use crate::DbExt;
use alongside_core::today::{api, MarkState, TodayPlan};
use alongside_core::Result;

#[tauri::command(async)]
pub fn today_plan<R: Runtime>(app: AppHandle<R>) -> Result<TodayPlan> {
    api::today_plan(&app.db())
}

/// Marks a suggestion done or "not today"; `state` none clears the mark.
#[tauri::command(async)]
pub fn mark_suggestion<R: Runtime>(
    app: AppHandle<R>,
    key: Arg<String>,
    state: Arg<Option<MarkState>>,
) -> Result<()> {
    api::mark_suggestion(&app.db(), key.into_inner(), state.into_inner())
}
