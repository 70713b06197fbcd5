//! IPC adapters for the circle of support: parse, call, return.

use tauri::{AppHandle, Runtime};

use crate::ipc::Arg;
use crate::DbExt;
use alongside_core::circle::content::KindWords;
use alongside_core::circle::{api, Circle, Connection, ConnectionInput, Member, MemberInput};
use alongside_core::Result;

/// The circle of a person supported, or the caregiver's own when `person_id` is none.
#[tauri::command(async)]
pub fn get_circle<R: Runtime>(app: AppHandle<R>, person_id: Arg<Option<i64>>) -> Result<Circle> {
    api::circle(&app.db(), person_id.into_inner())
}

#[tauri::command(async)]
pub fn support_kinds() -> Vec<KindWords> {
    api::support_kinds()
}

#[tauri::command(async)]
pub fn add_circle_member<R: Runtime>(
    app: AppHandle<R>,
    member: Arg<MemberInput>,
) -> Result<Member> {
    api::add_member(&app.db(), member.into_inner())
}

#[tauri::command(async)]
pub fn update_circle_member<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<i64>,
    member: Arg<MemberInput>,
) -> Result<Member> {
    api::update_member(&app.db(), id.into_inner(), member.into_inner())
}

#[tauri::command(async)]
pub fn remove_circle_member<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<()> {
    api::remove_member(&app.db(), id.into_inner())
}

/// Undo for `remove_circle_member`.
#[tauri::command(async)]
pub fn restore_circle_member<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<Member> {
    api::restore_member(&app.db(), id.into_inner())
}

/// Notes a social contact the person had, and keeps it as a small win when asked.
#[tauri::command(async)]
pub fn note_connection<R: Runtime>(
    app: AppHandle<R>,
    connection: Arg<ConnectionInput>,
) -> Result<Connection> {
    api::note_connection(&app.db(), connection.into_inner())
}
