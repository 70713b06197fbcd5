//! IPC adapters for crisis readiness.

use tauri::{AppHandle, Runtime};

use crate::ipc::Arg;
use crate::DbExt;
use alongside_core::readiness::{api, *};
use alongside_core::Result;

/// The crisis plan page for one person. `region` fills in step 5 of a plan not yet made.
#[tauri::command(async)]
pub fn get_crisis_plan<R: Runtime>(
    app: AppHandle<R>,
    person_id: Arg<i64>,
    region: Arg<String>,
) -> Result<CrisisPlan> {
    api::get_crisis_plan(&app.db(), person_id.into_inner(), region.into_inner())
}

#[tauri::command(async)]
pub fn save_safety_plan<R: Runtime>(
    app: AppHandle<R>,
    plan: Arg<SafetyPlanInput>,
) -> Result<SavedPlan> {
    api::save_safety_plan(&app.db(), plan.into_inner())
}

#[tauri::command(async)]
pub fn get_safety_plan_version<R: Runtime>(
    app: AppHandle<R>,
    person_id: Arg<i64>,
    version: Arg<i64>,
) -> Result<SafetyPlan> {
    api::get_safety_plan_version(&app.db(), person_id.into_inner(), version.into_inner())
}

#[tauri::command(async)]
pub fn add_warning_sign<R: Runtime>(
    app: AppHandle<R>,
    sign: Arg<WarningSignInput>,
) -> Result<WarningSign> {
    api::add_warning_sign(&app.db(), sign.into_inner())
}

#[tauri::command(async)]
pub fn update_warning_sign<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<i64>,
    sign: Arg<WarningSignInput>,
) -> Result<WarningSign> {
    api::update_warning_sign(&app.db(), id.into_inner(), sign.into_inner())
}

#[tauri::command(async)]
pub fn remove_warning_sign<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<()> {
    api::remove_warning_sign(&app.db(), id.into_inner())
}

#[tauri::command(async)]
pub fn restore_warning_sign<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<WarningSign> {
    api::restore_warning_sign(&app.db(), id.into_inner())
}

#[tauri::command(async)]
pub fn record_signs_noticed<R: Runtime>(
    app: AppHandle<R>,
    noticed: Arg<NoticedInput>,
) -> Result<Noticed> {
    api::record_signs_noticed(&app.db(), noticed.into_inner())
}

#[tauri::command(async)]
pub fn get_caregiver_card<R: Runtime>(app: AppHandle<R>) -> Result<CaregiverCard> {
    api::get_caregiver_card(&app.db())
}

#[tauri::command(async)]
pub fn save_caregiver_card<R: Runtime>(
    app: AppHandle<R>,
    card: Arg<CaregiverCard>,
) -> Result<CaregiverCard> {
    api::save_caregiver_card(&app.db(), card.into_inner())
}
