//! Alongside's shell: everything that needs Tauri and nothing else. It builds the app (plugins,
//! state, tray, the reminder thread) and turns each IPC call into one call of the core crate,
//! `alongside_core`, where the features, their rules and their SQL live.

pub mod after_start;
pub mod background;
pub mod backups;
pub mod care_sync;
pub mod commands;
pub mod ipc;
pub mod scheduler;

use std::path::PathBuf;

use tauri::{Manager, Runtime};

use alongside_core::db;
pub use alongside_core::{Error, Result};

/// Overrides where Alongside keeps its data (tests, portable use).
pub const DATA_DIR_ENV: &str = "ALONGSIDE_DATA_DIR";

/// `app.db()` from any handle, in the style of Tauri's plugin extension traits.
pub trait DbExt<R: Runtime> {
    fn db(&self) -> tauri::State<'_, db::Database>;
}

impl<R: Runtime, T: Manager<R>> DbExt<R> for T {
    fn db(&self) -> tauri::State<'_, db::Database> {
        self.state::<db::Database>()
    }
}

/// The folder exports go to: Downloads, or Documents, or home.
pub fn downloads<R: Runtime>(app: &tauri::AppHandle<R>) -> Result<PathBuf> {
    app.path()
        .download_dir()
        .or_else(|_| app.path().document_dir())
        .or_else(|_| app.path().home_dir())
        .map_err(|_| Error::invalid("export", "Alongside could not find your Downloads folder."))
}

fn data_dir<R: Runtime>(app: &tauri::App<R>) -> std::result::Result<PathBuf, tauri::Error> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => app.path().app_data_dir(),
    }
}

/// Every app command. `build.rs` lists the same names for the capability file; a test keeps
/// the two lists equal.
#[macro_export]
macro_rules! app_commands {
    () => {
        tauri::generate_handler![
            $crate::commands::startup::app_status,
            $crate::commands::startup::retry_database,
            $crate::commands::protection::protection_status,
            $crate::commands::protection::unlock,
            $crate::commands::protection::set_up_protection,
            $crate::commands::protection::lock_now,
            $crate::commands::protection::set_passphrase,
            $crate::commands::protection::new_recovery_code,
            $crate::commands::protection::recovery_code_saved,
            $crate::commands::protection::set_app_lock,
            $crate::commands::protection::set_pin,
            $crate::commands::settings::get_profile,
            $crate::commands::settings::update_profile,
            $crate::commands::onboarding::complete_onboarding,
            $crate::commands::people::list_people,
            $crate::commands::people::add_person,
            $crate::commands::people::update_person,
            $crate::commands::people::remove_person,
            $crate::commands::people::restore_person,
            $crate::commands::crisis::crisis_regions,
            $crate::commands::crisis::crisis_help,
            $crate::commands::practices::list_practices,
            $crate::commands::learn::learn_library,
            $crate::commands::learn::learn_card,
            $crate::commands::learn::learn_search,
            $crate::commands::learn::set_card_bookmark,
            $crate::commands::learn::set_card_read,
            $crate::commands::wins::add_win,
            $crate::commands::wins::update_win,
            $crate::commands::wins::delete_win,
            $crate::commands::wins::restore_win,
            $crate::commands::wins::list_wins,
            $crate::commands::wins::wins_on_this_day,
            $crate::commands::wins::list_tags,
            $crate::commands::wins::add_tag,
            $crate::commands::wins::rename_tag,
            $crate::commands::wins::export_wins_csv,
            $crate::commands::readiness::get_crisis_plan,
            $crate::commands::readiness::save_safety_plan,
            $crate::commands::readiness::get_safety_plan_version,
            $crate::commands::readiness::add_warning_sign,
            $crate::commands::readiness::update_warning_sign,
            $crate::commands::readiness::remove_warning_sign,
            $crate::commands::readiness::restore_warning_sign,
            $crate::commands::readiness::record_signs_noticed,
            $crate::commands::readiness::get_caregiver_card,
            $crate::commands::readiness::save_caregiver_card,
            $crate::commands::strain::list_self_checks,
            $crate::commands::strain::strain_overview,
            $crate::commands::strain::save_daily_check,
            $crate::commands::strain::take_self_check,
            $crate::commands::strain::save_self_care_plan,
            $crate::commands::practices::practice_log,
            $crate::commands::practices::add_listening_moment,
            $crate::commands::practices::add_checkin,
            $crate::commands::practices::save_starter,
            $crate::commands::practices::save_appointment,
            $crate::commands::practices::save_care_contact,
            $crate::commands::practices::add_boundary,
            $crate::commands::practices::give_space,
            $crate::commands::practices::end_give_space,
            $crate::commands::practices::remove_entry,
            $crate::commands::practices::restore_entry,
            $crate::commands::today::today_plan,
            $crate::commands::today::today_shown,
            $crate::commands::today::mark_suggestion,
            $crate::commands::reminders::list_reminders,
            $crate::commands::reminders::save_reminder,
            $crate::commands::reminders::remove_reminder,
            $crate::commands::reminders::restore_reminder,
            $crate::commands::reminders::due_now,
            $crate::commands::reminders::resolve_due,
            $crate::commands::reminders::get_reminder_settings,
            $crate::commands::reminders::save_reminder_settings,
            $crate::commands::reminders::pause_reminders,
            $crate::commands::reminders::send_test_notification,
            $crate::commands::reminders::export_reminders_ics,
            $crate::commands::report::report_preview,
            $crate::commands::report::save_report,
            $crate::commands::circle::get_circle,
            $crate::commands::circle::support_kinds,
            $crate::commands::circle::add_circle_member,
            $crate::commands::circle::update_circle_member,
            $crate::commands::circle::remove_circle_member,
            $crate::commands::circle::restore_circle_member,
            $crate::commands::circle::note_connection,
            $crate::commands::background::background_status,
            $crate::commands::background::set_start_at_login,
            $crate::commands::backup::backup_status,
            $crate::commands::backup::back_up_now,
            $crate::commands::backup::set_backup_folder,
            $crate::commands::backup::restore_backup,
            $crate::commands::transfer::export_everything,
            $crate::commands::transfer::data_summary,
            $crate::commands::transfer::import_everything,
            $crate::commands::transfer::erase_everything,
            $crate::commands::care_circle::care_circles,
            $crate::commands::care_circle::create_care_circle,
            $crate::commands::care_circle::set_care_circle_shares,
            $crate::commands::care_circle::save_care_circle_bundle,
            $crate::commands::care_circle::import_care_circle_bundle,
            $crate::commands::care_circle::remove_care_circle_device,
            $crate::commands::care_circle::care_tasks,
            $crate::commands::care_circle::add_care_task,
            $crate::commands::care_circle::set_care_task_done,
            $crate::commands::care_circle::remove_care_task,
            $crate::commands::care_circle::restore_care_task,
            $crate::commands::care_circle::create_care_invite,
            $crate::commands::care_circle::join_care_circle,
            $crate::commands::care_circle::set_care_circle_live,
            $crate::commands::care_circle::set_care_circle_relay,
        ]
    };
}

/// The main window. Its web storage lives inside the data folder too, so everything Alongside
/// keeps is in one place (and `ALONGSIDE_DATA_DIR` really moves all of it).
fn open_main_window<R: Runtime>(app: &tauri::App<R>, dir: &std::path::Path) -> tauri::Result<()> {
    tauri::WebviewWindowBuilder::new(app, "main", tauri::WebviewUrl::default())
        .title("Alongside")
        .inner_size(1100.0, 780.0)
        .min_inner_size(600.0, 520.0)
        .zoom_hotkeys_enabled(true)
        .data_directory(dir.join("webview"))
        .build()?;
    Ok(())
}

/// Builds the app on any runtime, so tests can run it on Tauri's mock runtime.
pub fn build<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    // One Alongside at a time for the caregiver's own data: a second launch brings the first
    // window forward. A separate data folder (ALONGSIDE_DATA_DIR: tests, portable use) is a
    // separate Alongside and may run beside it.
    let builder = if std::env::var_os(DATA_DIR_ENV).is_none() {
        builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            background::tray::show_main(app);
        }))
    } else {
        builder
    };
    builder
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            None,
        ))
        .on_window_event(background::tray::on_window_event)
        .setup(|app| {
            let dir = data_dir(app)?;
            open_main_window(app, &dir)?;
            let keystore =
                std::sync::Arc::new(alongside_core::protection::keystore::SystemKeyStore);
            app.manage(db::Database::open(dir, db::DEFAULT_BUSY_TIMEOUT, keystore));
            app.manage(alongside_core::learn::api::LearnIndex::default());
            app.manage(alongside_core::backup::api::Backups::default());
            app.manage(care_sync::CareSync::default());
            // The scheduler, the backups and the tray start once the first screen is up.
            after_start::prepare(app.handle());
            Ok(())
        })
        .plugin(tauri_plugin_notification::init())
        .invoke_handler(app_commands!())
}

pub fn run() {
    let context = tauri::generate_context!();
    if let Err(e) = build(tauri::Builder::default()).run(context) {
        eprintln!("alongside: could not start: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod manifest_tests;
#[cfg(test)]
mod proptests;
