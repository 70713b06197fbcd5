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

/// Set (in a release build only) to end Alongside the moment Today first shows its data: the
/// startup benchmark times spawn → Today on screen this way, beside an empty Tauri app that
/// ends at its first call in the same way.
pub const EXIT_WHEN_TODAY_SHOWN_ENV: &str = "ALONGSIDE_EXIT_WHEN_TODAY_SHOWN";

/// Today calls this once, when its data is first on screen: the work that waits for the first
/// screen starts now (see `after_start`). The startup benchmark described at
/// [`EXIT_WHEN_TODAY_SHOWN_ENV`] ends here instead.
#[tauri::command(async)]
pub fn today_shown<R: Runtime>(app: AppHandle<R>) {
    if cfg!(not(debug_assertions)) && std::env::var_os(EXIT_WHEN_TODAY_SHOWN_ENV).is_some() {
        std::process::exit(0);
    }
    crate::after_start::run(&app);
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
