//! IPC adapters for the caregiver's profile and onboarding.

use crate::ipc::Arg;
use tauri::{AppHandle, Runtime};

use super::{store, OnboardingInput, Profile, ProfileInput};
use crate::error::Result;
use crate::people::{self, Person};
use crate::{crisis, DbExt};

#[tauri::command(async)]
pub fn get_profile<R: Runtime>(app: AppHandle<R>) -> Result<Option<Profile>> {
    app.db().with(|c| store::get(c))
}

#[tauri::command(async)]
pub fn update_profile<R: Runtime>(
    app: AppHandle<R>,
    profile: Arg<ProfileInput>,
) -> Result<Profile> {
    let profile = profile.into_inner();
    let valid = profile.validate(crisis::is_known_region)?;
    app.db().with(|c| {
        store::update(c, &valid)?;
        Ok(valid)
    })
}

/// Saves the caregiver's details and the first person together: all or nothing.
#[tauri::command(async)]
pub fn complete_onboarding<R: Runtime>(
    app: AppHandle<R>,
    onboarding: Arg<OnboardingInput>,
) -> Result<Person> {
    let onboarding = onboarding.into_inner();
    let valid = onboarding.validate(crisis::is_known_region)?;
    app.db().with(|c| {
        let now = crate::now_utc();
        let tx = c.transaction()?;
        store::create(&tx, &valid.profile, &now)?;
        let id = people::store::insert(&tx, &valid.person, &now)?;
        tx.commit()?;
        people::store::get(c, id)
    })
}
