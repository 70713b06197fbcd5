//! The use case behind the first run.

use super::OnboardingInput;
use crate::crisis;
use crate::db::Database;
use crate::error::Result;
use crate::people::{self, Person};
use crate::settings::store;

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
