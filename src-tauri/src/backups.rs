//! Automatic backups: a thread that, at launch and then every hour, makes a backup when the
//! newest one is a day old. The rules and the file work live in `alongside_core::backup`.

use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};

use alongside_core::backup::api::{run_if_due, Backups};

use crate::DbExt;

/// How often the thread looks whether a backup is due.
const LOOK_EVERY: Duration = Duration::from_secs(60 * 60);

/// Starts the backup thread; the window never waits for it.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let handle = app.clone();
    let spawned = std::thread::Builder::new()
        .name("alongside-backups".into())
        .spawn(move || loop {
            let backups = handle.state::<Backups>();
            if run_if_due(&handle.db(), &backups, chrono::Utc::now()).is_err() {
                // The reason is kept for Settings → Your data; no details here.
                eprintln!("alongside: an automatic backup did not work; see Settings");
            }
            std::thread::sleep(LOOK_EVERY);
        });
    if spawned.is_err() {
        eprintln!("alongside: the backup thread could not start");
    }
}
