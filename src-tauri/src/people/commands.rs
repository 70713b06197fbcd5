//! IPC adapters for people: parse, call, return.

use tauri::{AppHandle, Runtime};

use super::{store, Person, PersonInput};
use crate::error::Result;
use crate::DbExt;

#[tauri::command]
pub fn list_people<R: Runtime>(app: AppHandle<R>) -> Result<Vec<Person>> {
    app.db().with(|c| store::list(c))
}

#[tauri::command]
pub fn add_person<R: Runtime>(app: AppHandle<R>, person: PersonInput) -> Result<Person> {
    let valid = person.validate()?;
    app.db().with(|c| {
        let tx = c.transaction()?;
        let id = store::insert(&tx, &valid, &crate::now_utc())?;
        tx.commit()?;
        store::get(c, id)
    })
}

#[tauri::command]
pub fn update_person<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    person: PersonInput,
) -> Result<Person> {
    let valid = person.validate()?;
    app.db().with(|c| {
        let tx = c.transaction()?;
        store::update(&tx, id, &valid)?;
        tx.commit()?;
        store::get(c, id)
    })
}

#[tauri::command]
pub fn remove_person<R: Runtime>(app: AppHandle<R>, id: i64) -> Result<()> {
    app.db().with(|c| {
        store::get(c, id)?;
        super::check_can_remove(store::count(c)?)?;
        store::remove(c, id, &crate::now_utc())
    })
}

/// Undo for `remove_person`: the person comes back with everything recorded about them.
#[tauri::command]
pub fn restore_person<R: Runtime>(app: AppHandle<R>, id: i64) -> Result<Person> {
    app.db().with(|c| {
        store::restore(c, id)?;
        store::get(c, id)
    })
}
