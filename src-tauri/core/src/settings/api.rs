//! One use-case function per command: it validates, opens the transaction, and calls the
//! rules and the store. The shell's command of the same name delegates here.

use super::{store, Profile, ProfileInput};
use crate::crisis;
use crate::db::Database;
use crate::error::Result;

pub fn get_profile(db: &Database) -> Result<Option<Profile>> {
    db.with(|c| store::get(c))
}

pub fn update_profile(db: &Database, profile: ProfileInput) -> Result<Profile> {
    let valid = profile.validate(crisis::is_known_region)?;
    db.with(|c| {
        store::update(c, &valid)?;
        Ok(valid)
    })
}
