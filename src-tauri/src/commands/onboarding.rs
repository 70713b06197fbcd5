//! IPC adapter for the first run.

use tauri::{AppHandle, Runtime};

use crate::ipc::Arg;
use crate::DbExt;
use alongside_core::onboarding::{api, OnboardingInput};
use alongside_core::people::Person;
use alongside_core::Result;

/// Saves the caregiver's details and the first person together: all or nothing.
#[tauri::command(async)]
pub fn complete_onboarding<R: Runtime>(
    app: AppHandle<R>,
    onboarding: Arg<OnboardingInput>,
) -> Result<Person> {
    api::complete_onboarding(&app.db(), onboarding.into_inner())
}
