//! IPC adapters for what protects the data: unlock, a first passphrase, the app lock and the
//! recovery code.

use tauri::{AppHandle, Runtime};

use crate::ipc::Arg;
use crate::scheduler::SchedulerExt;
use crate::DbExt;
use alongside_core::protection::api::{self, ProtectionStatus};
use alongside_core::Result;

#[tauri::command(async)]
pub fn protection_status<R: Runtime>(app: AppHandle<R>) -> ProtectionStatus {
    api::status(&app.db())
}

#[tauri::command(async)]
pub fn unlock<R: Runtime>(app: AppHandle<R>, secret: Arg<String>) -> Result<ProtectionStatus> {
    app.replanned(api::unlock(&app.db(), &secret.into_inner()))
}

#[tauri::command(async)]
pub fn set_up_protection<R: Runtime>(
    app: AppHandle<R>,
    passphrase: Arg<String>,
) -> Result<ProtectionStatus> {
    app.replanned(api::set_up(&app.db(), &passphrase.into_inner()))
}

#[tauri::command(async)]
pub fn lock_now<R: Runtime>(app: AppHandle<R>) -> Result<ProtectionStatus> {
    api::lock_now(&app.db())
}

#[tauri::command(async)]
pub fn set_passphrase<R: Runtime>(
    app: AppHandle<R>,
    current: Arg<Option<String>>,
    passphrase: Arg<String>,
) -> Result<ProtectionStatus> {
    let current = current.into_inner();
    api::set_passphrase(&app.db(), current.as_deref(), &passphrase.into_inner())
}

#[tauri::command(async)]
pub fn new_recovery_code<R: Runtime>(app: AppHandle<R>) -> Result<ProtectionStatus> {
    api::new_recovery_code(&app.db())
}

#[tauri::command(async)]
pub fn recovery_code_saved<R: Runtime>(app: AppHandle<R>) -> Result<ProtectionStatus> {
    api::recovery_code_saved(&app.db())
}

#[tauri::command(async)]
pub fn set_app_lock<R: Runtime>(
    app: AppHandle<R>,
    on: Arg<bool>,
    idle_minutes: Arg<Option<u32>>,
) -> Result<ProtectionStatus> {
    api::set_app_lock(&app.db(), on.into_inner(), idle_minutes.into_inner())
}

#[tauri::command(async)]
pub fn set_pin<R: Runtime>(
    app: AppHandle<R>,
    passphrase: Arg<String>,
    pin: Arg<Option<String>>,
) -> Result<ProtectionStatus> {
    let pin = pin.into_inner();
    api::set_pin(&app.db(), &passphrase.into_inner(), pin.as_deref())
}
