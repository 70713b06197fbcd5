//! IPC adapters for reminders. Every change tells the scheduler to plan again at once.

use tauri::{AppHandle, Runtime};

use crate::ipc::Arg;
use crate::scheduler::SchedulerExt;
use crate::DbExt;
use alongside_core::reminders::{api, *};
use alongside_core::wins::Exported;
use alongside_core::Result;

#[tauri::command(async)]
pub fn list_reminders<R: Runtime>(app: AppHandle<R>) -> Result<Vec<Reminder>> {
    api::list_reminders(&app.db())
}

#[tauri::command(async)]
pub fn save_reminder<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<Option<i64>>,
    reminder: Arg<ReminderInput>,
) -> Result<Reminder> {
    app.replanned(api::save_reminder(
        &app.db(),
        id.into_inner(),
        reminder.into_inner(),
    ))
}

#[tauri::command(async)]
pub fn remove_reminder<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<()> {
    app.replanned(api::remove_reminder(&app.db(), id.into_inner()))
}

#[tauri::command(async)]
pub fn restore_reminder<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<Reminder> {
    app.replanned(api::restore_reminder(&app.db(), id.into_inner()))
}

#[tauri::command(async)]
pub fn due_now<R: Runtime>(app: AppHandle<R>) -> Result<Vec<DueItem>> {
    api::due_now(&app.db())
}

#[tauri::command(async)]
pub fn resolve_due<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<i64>,
    action: Arg<DueAction>,
) -> Result<()> {
    app.replanned(api::resolve_due(
        &app.db(),
        id.into_inner(),
        action.into_inner(),
    ))
}

#[tauri::command(async)]
pub fn get_reminder_settings<R: Runtime>(app: AppHandle<R>) -> Result<ReminderSettings> {
    api::get_reminder_settings(&app.db())
}

#[tauri::command(async)]
pub fn save_reminder_settings<R: Runtime>(
    app: AppHandle<R>,
    settings: Arg<ReminderSettings>,
) -> Result<ReminderSettings> {
    app.replanned(api::save_reminder_settings(
        &app.db(),
        settings.into_inner(),
    ))
}

/// Pauses every reminder for `minutes` (1 to 1440), or resumes them with none.
#[tauri::command(async)]
pub fn pause_reminders<R: Runtime>(
    app: AppHandle<R>,
    minutes: Arg<Option<u32>>,
) -> Result<ReminderSettings> {
    app.replanned(api::pause_reminders(&app.db(), minutes.into_inner()))
}

#[tauri::command(async)]
pub fn send_test_notification<R: Runtime>(app: AppHandle<R>) -> Result<()> {
    app.notifier().test()
}

#[tauri::command(async)]
pub fn export_reminders_ics<R: Runtime>(app: AppHandle<R>) -> Result<Exported> {
    api::export_reminders_ics(&app.db(), &crate::downloads(&app)?)
}
