//! IPC adapters for caregiver strain.

use tauri::{AppHandle, Runtime};

use crate::ipc::Arg;
use crate::DbExt;
use alongside_core::strain::{api, *};
use alongside_core::Result;

#[tauri::command(async)]
pub fn list_self_checks() -> Vec<Instrument> {
    api::list_self_checks()
}

#[tauri::command(async)]
pub fn strain_overview<R: Runtime>(app: AppHandle<R>) -> Result<StrainOverview> {
    api::strain_overview(&app.db())
}

#[tauri::command(async)]
pub fn save_daily_check<R: Runtime>(
    app: AppHandle<R>,
    check: Arg<DailyCheckInput>,
) -> Result<DailyCheck> {
    api::save_daily_check(&app.db(), check.into_inner())
}

#[tauri::command(async)]
pub fn take_self_check<R: Runtime>(
    app: AppHandle<R>,
    check: Arg<SelfCheckInput>,
) -> Result<SelfCheckResult> {
    api::take_self_check(&app.db(), check.into_inner())
}

#[tauri::command(async)]
pub fn save_self_care_plan<R: Runtime>(
    app: AppHandle<R>,
    plan: Arg<SelfCarePlan>,
) -> Result<SelfCarePlan> {
    api::save_self_care_plan(&app.db(), plan.into_inner())
}
