//! The tray icon and what closing the window does.

use std::sync::atomic::{AtomicBool, Ordering};

use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime, WindowEvent};

use alongside_core::reminders::api;

use crate::scheduler::SchedulerExt;
use crate::DbExt;

/// Whether a tray icon could be made.
#[derive(Default)]
pub struct TrayState(pub AtomicBool);

pub fn show_main<R: Runtime>(app: &AppHandle<R>) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}

fn pause_an_hour<R: Runtime>(app: &AppHandle<R>) {
    let _ = app.replanned(api::pause_reminders(&app.db(), Some(60)));
}

/// Locks when the app lock is on (otherwise opens the window, where Settings explains it).
fn lock_now<R: Runtime>(app: &AppHandle<R>) {
    use tauri::Emitter;
    if alongside_core::protection::api::lock_now(&app.db()).is_ok() {
        let _ = app.emit("locked", ());
    } else {
        show_main(app);
    }
}

/// Makes the tray icon. Returns false where the desktop has none.
pub fn build<R: Runtime>(app: &AppHandle<R>) -> bool {
    let made = (|| -> tauri::Result<()> {
        let open = MenuItem::with_id(app, "open", "Open Alongside", true, None::<&str>)?;
        let pause = MenuItem::with_id(
            app,
            "pause",
            "Pause all reminders for 1 hour",
            true,
            None::<&str>,
        )?;
        let lock = MenuItem::with_id(app, "lock", "Lock Alongside", true, None::<&str>)?;
        let quit = MenuItem::with_id(app, "quit", "Quit Alongside", true, None::<&str>)?;
        let menu = Menu::with_items(app, &[&open, &lock, &pause, &quit])?;
        let mut builder = TrayIconBuilder::with_id("alongside")
            .tooltip("Alongside")
            .menu(&menu)
            .on_menu_event(|app, event| match event.id().as_ref() {
                "open" => show_main(app),
                "lock" => lock_now(app),
                "pause" => pause_an_hour(app),
                "quit" => app.exit(0),
                _ => {}
            });
        if let Some(icon) = app.default_window_icon() {
            builder = builder.icon(icon.clone());
        }
        builder.build(app)?;
        Ok(())
    })()
    .is_ok();
    app.manage(TrayState(AtomicBool::new(made)));
    made
}

/// With a tray, closing the window hides it: reminders keep coming. Without one, it closes.
pub fn on_window_event<R: Runtime>(window: &tauri::Window<R>, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event {
        let keep = window
            .try_state::<TrayState>()
            .is_some_and(|t| t.0.load(Ordering::Relaxed))
            && std::env::var_os(KEEP_OPEN_ENV).is_none();
        if keep {
            api.prevent_close();
            let _ = window.hide();
        }
    }
}

/// Set to make closing the window quit, as before (used by the end-to-end harness, which
/// relaunches the app between steps).
pub const KEEP_OPEN_ENV: &str = "ALONGSIDE_CLOSE_QUITS";
