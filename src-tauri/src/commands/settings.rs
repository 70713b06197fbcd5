//! IPC adapters for the caregiver's profile and onboarding.

use tauri::{AppHandle, Runtime};

use crate::ipc::Arg;
use crate::DbExt;
use alongside_core::settings::{api, *};
use alongside_core::Result;

#[tauri::command(async)]
pub fn get_profile<R: Runtime>(app: AppHandle<R>) -> Result<Option<Profile>> {
    api::get_profile(&app.db())
}

#[tauri::command(async)]
pub fn update_profile<R: Runtime>(
    app: AppHandle<R>,
    profile: Arg<ProfileInput>,
) -> Result<Profile> {
    api::update_profile(&app.db(), profile.into_inner())
}
