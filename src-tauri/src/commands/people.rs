//! IPC adapters for people: parse, call, return.

use tauri::{AppHandle, Runtime};

use crate::ipc::Arg;
use crate::DbExt;
use alongside_core::people::{api, *};
use alongside_core::Result;

#[tauri::command(async)]
pub fn list_people<R: Runtime>(app: AppHandle<R>) -> Result<Vec<Person>> {
    api::list_people(&app.db())
}

#[tauri::command(async)]
pub fn add_person<R: Runtime>(app: AppHandle<R>, person: Arg<PersonInput>) -> Result<Person> {
    api::add_person(&app.db(), person.into_inner())
}

#[tauri::command(async)]
pub fn update_person<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<i64>,
    person: Arg<PersonInput>,
) -> Result<Person> {
    api::update_person(&app.db(), id.into_inner(), person.into_inner())
}

#[tauri::command(async)]
pub fn remove_person<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<()> {
    api::remove_person(&app.db(), id.into_inner())
}

/// Undo for `remove_person`: the person comes back with everything recorded about them.
#[tauri::command(async)]
pub fn restore_person<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<Person> {
    api::restore_person(&app.db(), id.into_inner())
}
