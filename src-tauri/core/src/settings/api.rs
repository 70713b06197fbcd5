//! One use-case function per command: it validates, opens the transaction, and calls the
//! rules and the store. The shell's command of the same name delegates here.

use super::{store, OnboardingInput, Profile, ProfileInput};
use crate::crisis;
use crate::db::Database;
use crate::error::Result;
use crate::people::{self, Person};

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

/// Saves the caregiver's details and the first person together: all or nothing.
pub fn complete_onboarding(db: &Database, onboarding: OnboardingInput) -> Result<Person> {
    let valid = onboarding.validate(crisis::is_known_region)?;
    db.with(|c| {
        let now = crate::now_utc();
        let tx = c.transaction()?;
        store::create(&tx, &valid.profile, &now)?;
        let id = people::store::insert(&tx, &valid.person, &now)?;
        tx.commit()?;
        people::store::get(c, id)
    })
}
