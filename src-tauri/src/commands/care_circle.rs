//! IPC adapters for the care circle: parse, call, return.

use tauri::{AppHandle, Manager, Runtime};

use crate::ipc::Arg;
use crate::DbExt;
use alongside_core::care_circle::api::{self, BundleImported, CareCircle, JoinAs, NewCareCircle};
use alongside_core::care_circle::live::InviteView;
use alongside_core::care_circle::tasks::{self, CareTask, CareTaskInput};
use alongside_core::care_circle::SharedKind;

use crate::care_sync::CareSync;
use alongside_core::Result;

#[tauri::command(async)]
pub fn care_circles<R: Runtime>(app: AppHandle<R>) -> Result<Vec<CareCircle>> {
    api::care_circles(&app.db())
}

#[tauri::command(async)]
pub fn create_care_circle<R: Runtime>(
    app: AppHandle<R>,
    circle: Arg<NewCareCircle>,
) -> Result<CareCircle> {
    api::create_care_circle(&app.db(), circle.into_inner())
}

#[tauri::command(async)]
pub fn set_care_circle_shares<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<i64>,
    shares: Arg<Vec<SharedKind>>,
) -> Result<CareCircle> {
    api::set_care_circle_shares(&app.db(), id.into_inner(), shares.into_inner())
}

#[tauri::command(async)]
pub fn save_care_circle_bundle<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<i64>,
    passphrase: Arg<String>,
) -> Result<String> {
    api::save_care_circle_bundle(
        &app.db(),
        id.into_inner(),
        &crate::downloads(&app)?,
        &passphrase.into_inner(),
    )
}

#[tauri::command(async)]
pub fn import_care_circle_bundle<R: Runtime>(
    app: AppHandle<R>,
    text: Arg<String>,
    passphrase: Arg<String>,
    join: Arg<Option<JoinAs>>,
) -> Result<BundleImported> {
    api::import_care_circle_bundle(
        &app.db(),
        &text.into_inner(),
        &passphrase.into_inner(),
        join.into_inner(),
    )
}

#[tauri::command(async)]
pub fn remove_care_circle_device<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<i64>,
    device: Arg<String>,
) -> Result<CareCircle> {
    api::remove_care_circle_device(&app.db(), id.into_inner(), &device.into_inner())
}

#[tauri::command(async)]
pub fn care_tasks<R: Runtime>(app: AppHandle<R>, person_id: Arg<i64>) -> Result<Vec<CareTask>> {
    tasks::care_tasks(&app.db(), person_id.into_inner())
}

#[tauri::command(async)]
pub fn add_care_task<R: Runtime>(app: AppHandle<R>, task: Arg<CareTaskInput>) -> Result<CareTask> {
    tasks::add_care_task(&app.db(), task.into_inner())
}

#[tauri::command(async)]
pub fn set_care_task_done<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<i64>,
    done: Arg<bool>,
) -> Result<CareTask> {
    tasks::set_care_task_done(&app.db(), id.into_inner(), done.into_inner())
}

#[tauri::command(async)]
pub fn remove_care_task<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<()> {
    tasks::remove_care_task(&app.db(), id.into_inner())
}

#[tauri::command(async)]
pub fn restore_care_task<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<CareTask> {
    tasks::restore_care_task(&app.db(), id.into_inner())
}

/// An invite code and QR code for one new device; turns live sync on for the circle.
#[tauri::command(async)]
pub async fn create_care_invite<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<InviteView> {
    app.state::<CareSync>().invite(&app, id.into_inner()).await
}

/// Joins a circle with an invite code from another computer.
#[tauri::command(async)]
pub async fn join_care_circle<R: Runtime>(
    app: AppHandle<R>,
    code: Arg<String>,
    person_id: Arg<i64>,
    your_name: Arg<String>,
) -> Result<CareCircle> {
    app.state::<CareSync>()
        .join(
            &app,
            &code.into_inner(),
            person_id.into_inner(),
            &your_name.into_inner(),
        )
        .await
}

/// Turns live sync on or off for a circle.
#[tauri::command(async)]
pub async fn set_care_circle_live<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<i64>,
    on: Arg<bool>,
) -> Result<CareCircle> {
    app.state::<CareSync>()
        .set_live(&app, id.into_inner(), on.into_inner())
        .await
}

/// Sets the relay a circle's computers use when they cannot reach each other directly (empty
/// for none); live sync, if on, starts again with it.
#[tauri::command(async)]
pub async fn set_care_circle_relay<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<i64>,
    relay: Arg<String>,
) -> Result<CareCircle> {
    app.state::<CareSync>()
        .set_relay(&app, id.into_inner(), relay.into_inner())
        .await
}
