//! IPC adapters for the practices' tools and Today's suggestions.

use tauri::{AppHandle, Runtime};

use crate::ipc::Arg;
use crate::DbExt;
use alongside_core::practices::{api, *};
use alongside_core::Result;

#[tauri::command(async)]
pub fn practice_log<R: Runtime>(app: AppHandle<R>) -> Result<PracticeLog> {
    api::practice_log(&app.db())
}

#[tauri::command(async)]
pub fn add_listening_moment<R: Runtime>(
    app: AppHandle<R>,
    moment: Arg<ListeningInput>,
) -> Result<ListeningMoment> {
    api::add_listening_moment(&app.db(), moment.into_inner())
}

#[tauri::command(async)]
pub fn add_checkin<R: Runtime>(app: AppHandle<R>, checkin: Arg<CheckinInput>) -> Result<Checkin> {
    api::add_checkin(&app.db(), checkin.into_inner())
}

#[tauri::command(async)]
pub fn save_starter<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<Option<i64>>,
    text: Arg<String>,
) -> Result<Starter> {
    api::save_starter(&app.db(), id.into_inner(), text.into_inner())
}

#[tauri::command(async)]
pub fn save_appointment<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<Option<i64>>,
    appointment: Arg<AppointmentInput>,
) -> Result<Appointment> {
    api::save_appointment(&app.db(), id.into_inner(), appointment.into_inner())
}

#[tauri::command(async)]
pub fn save_care_contact<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<Option<i64>>,
    contact: Arg<CareContactInput>,
) -> Result<CareContact> {
    api::save_care_contact(&app.db(), id.into_inner(), contact.into_inner())
}

#[tauri::command(async)]
pub fn add_boundary<R: Runtime>(
    app: AppHandle<R>,
    boundary: Arg<BoundaryInput>,
) -> Result<Boundary> {
    api::add_boundary(&app.db(), boundary.into_inner())
}

#[tauri::command(async)]
pub fn give_space<R: Runtime>(app: AppHandle<R>, space: Arg<GiveSpaceInput>) -> Result<GiveSpace> {
    api::give_space(&app.db(), space.into_inner())
}

#[tauri::command(async)]
pub fn end_give_space<R: Runtime>(app: AppHandle<R>, person_id: Arg<i64>) -> Result<()> {
    api::end_give_space(&app.db(), person_id.into_inner())
}

#[tauri::command(async)]
pub fn remove_entry<R: Runtime>(
    app: AppHandle<R>,
    kind: Arg<EntryKind>,
    id: Arg<i64>,
) -> Result<()> {
    api::remove_entry(&app.db(), kind.into_inner(), id.into_inner())
}

#[tauri::command(async)]
pub fn restore_entry<R: Runtime>(
    app: AppHandle<R>,
    kind: Arg<EntryKind>,
    id: Arg<i64>,
) -> Result<()> {
    api::restore_entry(&app.db(), kind.into_inner(), id.into_inner())
}

#[tauri::command(async)]
pub fn list_practices() -> Vec<Practice> {
    api::list_practices()
}
