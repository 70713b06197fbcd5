//! Alongside: a desktop companion for family caregivers of someone living with a mental illness.
//! Everything stays on this computer, in one SQLite file.

pub mod app;
pub mod background;
pub mod crisis;
pub mod db;
pub mod error;
pub mod ipc;
pub mod learn;
pub mod people;
pub mod practice_tools;
pub mod practices;
pub mod readiness;
pub mod reminders;
pub mod scheduler;
pub mod search;
pub mod settings;
pub mod strain;
pub mod validate;
pub mod wins;

use std::path::PathBuf;

use tauri::{Manager, Runtime};

pub use error::{Error, Result};

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

/// Now, as an RFC 3339 UTC timestamp for `created_at` columns.
pub fn now_utc() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Writes an export into the Downloads folder (or Documents, or home) under a name that never
/// overwrites an earlier one, and returns where it went.
pub fn write_export<R: Runtime>(
    app: &tauri::AppHandle<R>,
    stem: &str,
    ext: &str,
    contents: &[u8],
) -> Result<PathBuf> {
    let dir = app
        .path()
        .download_dir()
        .or_else(|_| app.path().document_dir())
        .or_else(|_| app.path().home_dir())
        .map_err(|_| Error::invalid("export", "Alongside could not find your Downloads folder."))?;
    let mut path = dir.join(format!("{stem}.{ext}"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.{ext}"));
        n += 1;
    }
    std::fs::write(&path, contents)?;
    Ok(path)
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
            $crate::app::commands::app_status,
            $crate::app::commands::retry_database,
            $crate::settings::commands::get_profile,
            $crate::settings::commands::update_profile,
            $crate::settings::commands::complete_onboarding,
            $crate::people::commands::list_people,
            $crate::people::commands::add_person,
            $crate::people::commands::update_person,
            $crate::people::commands::remove_person,
            $crate::people::commands::restore_person,
            $crate::crisis::commands::crisis_regions,
            $crate::crisis::commands::crisis_help,
            $crate::practices::commands::list_practices,
            $crate::learn::commands::learn_library,
            $crate::learn::commands::learn_card,
            $crate::learn::commands::learn_search,
            $crate::learn::commands::set_card_bookmark,
            $crate::learn::commands::set_card_read,
            $crate::wins::commands::add_win,
            $crate::wins::commands::update_win,
            $crate::wins::commands::delete_win,
            $crate::wins::commands::restore_win,
            $crate::wins::commands::list_wins,
            $crate::wins::commands::wins_on_this_day,
            $crate::wins::commands::list_tags,
            $crate::wins::commands::add_tag,
            $crate::wins::commands::rename_tag,
            $crate::wins::commands::export_wins_csv,
            $crate::readiness::commands::get_crisis_plan,
            $crate::readiness::commands::save_safety_plan,
            $crate::readiness::commands::get_safety_plan_version,
            $crate::readiness::commands::add_warning_sign,
            $crate::readiness::commands::update_warning_sign,
            $crate::readiness::commands::remove_warning_sign,
            $crate::readiness::commands::restore_warning_sign,
            $crate::readiness::commands::record_signs_noticed,
            $crate::readiness::commands::get_caregiver_card,
            $crate::readiness::commands::save_caregiver_card,
            $crate::strain::commands::list_self_checks,
            $crate::strain::commands::strain_overview,
            $crate::strain::commands::save_daily_check,
            $crate::strain::commands::take_self_check,
            $crate::strain::commands::save_self_care_plan,
            $crate::practice_tools::commands::practice_log,
            $crate::practice_tools::commands::add_listening_moment,
            $crate::practice_tools::commands::add_checkin,
            $crate::practice_tools::commands::save_starter,
            $crate::practice_tools::commands::save_appointment,
            $crate::practice_tools::commands::save_care_contact,
            $crate::practice_tools::commands::add_boundary,
            $crate::practice_tools::commands::give_space,
            $crate::practice_tools::commands::end_give_space,
            $crate::practice_tools::commands::remove_entry,
            $crate::practice_tools::commands::restore_entry,
            $crate::practice_tools::commands::today_plan,
            $crate::practice_tools::commands::mark_suggestion,
            $crate::reminders::commands::list_reminders,
            $crate::reminders::commands::save_reminder,
            $crate::reminders::commands::remove_reminder,
            $crate::reminders::commands::restore_reminder,
            $crate::reminders::commands::due_now,
            $crate::reminders::commands::resolve_due,
            $crate::reminders::commands::get_reminder_settings,
            $crate::reminders::commands::save_reminder_settings,
            $crate::reminders::commands::pause_reminders,
            $crate::reminders::commands::send_test_notification,
            $crate::reminders::commands::export_reminders_ics,
            $crate::background::commands::background_status,
            $crate::background::commands::set_start_at_login,
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
            let (database, moved) = db::Database::open(dir, db::DEFAULT_BUSY_TIMEOUT);
            app.manage(database);
            app.manage(app::commands::MovedAside(std::sync::Mutex::new(moved)));
            app.manage(learn::commands::LearnIndex::default());
            scheduler::tauri_glue::start(app.handle());
            background::tray::build(app.handle());
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
mod bindings;
#[cfg(test)]
mod proptests;
