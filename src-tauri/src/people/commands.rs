//! IPC adapters for people: parse, call, return.

use crate::ipc::Arg;
use tauri::{AppHandle, Runtime};

use super::{store, Person, PersonInput};
use crate::error::Result;
use crate::DbExt;

#[tauri::command(async)]
pub fn list_people<R: Runtime>(app: AppHandle<R>) -> Result<Vec<Person>> {
    app.db().with(|c| store::list(c))
}

#[tauri::command(async)]
pub fn add_person<R: Runtime>(app: AppHandle<R>, person: Arg<PersonInput>) -> Result<Person> {
    let person = person.into_inner();
    let valid = person.validate()?;
    app.db().with(|c| {
        let tx = c.transaction()?;
        let id = store::insert(&tx, &valid, &crate::now_utc())?;
        tx.commit()?;
        store::get(c, id)
    })
}

#[tauri::command(async)]
pub fn update_person<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<i64>,
    person: Arg<PersonInput>,
) -> Result<Person> {
    let id = id.into_inner();
    let person = person.into_inner();
    let valid = person.validate()?;
    app.db().with(|c| {
        let tx = c.transaction()?;
        store::update(&tx, id, &valid)?;
        tx.commit()?;
        store::get(c, id)
    })
}

#[tauri::command(async)]
pub fn remove_person<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<()> {
    let id = id.into_inner();
    app.db().with(|c| {
        store::get(c, id)?;
        super::check_can_remove(store::count(c)?)?;
        store::remove(c, id, &crate::now_utc())
    })
}

/// Undo for `remove_person`: the person comes back with everything recorded about them.
#[tauri::command(async)]
pub fn restore_person<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<Person> {
    let id = id.into_inner();
    app.db().with(|c| {
        store::restore(c, id)?;
        store::get(c, id)
    })
}
