//! One use-case function per command: it validates, opens the transaction, and calls the
//! rules and the store. The shell's command of the same name delegates here.

use super::{store, Person, PersonInput};
use crate::db::Database;
use crate::error::Result;

pub fn list_people(db: &Database) -> Result<Vec<Person>> {
    db.with(|c| store::list(c))
}

pub fn add_person(db: &Database, person: PersonInput) -> Result<Person> {
    let valid = person.validate()?;
    db.with(|c| {
        let tx = c.transaction()?;
        let id = store::insert(&tx, &valid, &crate::now_utc())?;
        tx.commit()?;
        store::get(c, id)
    })
}

pub fn update_person(db: &Database, id: i64, person: PersonInput) -> Result<Person> {
    let valid = person.validate()?;
    db.with(|c| {
        let tx = c.transaction()?;
        store::update(&tx, id, &valid)?;
        tx.commit()?;
        store::get(c, id)
    })
}

pub fn remove_person(db: &Database, id: i64) -> Result<()> {
    db.with(|c| {
        store::get(c, id)?;
        super::check_can_remove(store::count(c)?)?;
        store::remove(c, id, &crate::now_utc())
    })
}

/// Undo for `remove_person`: the person comes back with everything recorded about them.
pub fn restore_person(db: &Database, id: i64) -> Result<Person> {
    db.with(|c| {
        store::restore(c, id)?;
        store::get(c, id)
    })
}
