//! Work that can wait until the caregiver sees their first screen: the reminder scheduler's
//! thread, the backup thread and the tray icon. None of it is needed in the first second, and
//! each competes with the first screen for the window's thread and the data, so it starts when
//! Today's data is first on screen, or after a short wait whatever the window shows (locked,
//! onboarding, hidden at login): whichever comes first, once.

use std::sync::Mutex;
use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};

use crate::{background, backups, care_sync, scheduler};

/// The longest the work waits for Today.
pub const AT_THE_LATEST: Duration = Duration::from_secs(2);

type Work = Box<dyn FnOnce() + Send>;

/// The work not yet started (none once it has been).
pub struct AfterStart(Mutex<Option<Work>>);

/// Makes what must exist from the start (the scheduler's handle) and keeps the rest for later.
pub fn prepare<R: Runtime>(app: &AppHandle<R>) {
    let start_scheduler = scheduler::prepare(app);
    let handle = app.clone();
    let work: Work = Box::new(move || {
        start_scheduler();
        backups::start(&handle);
        // Live sync only if the caregiver turned it on for a circle.
        care_sync::resume(&handle);
        let tray_app = handle.clone();
        if handle
            .run_on_main_thread(move || {
                background::tray::build(&tray_app);
            })
            .is_err()
        {
            eprintln!("alongside: the tray icon could not be made");
        }
    });
    hold(app, work, AT_THE_LATEST);
}

/// Keeps `work` until [`run`] is called or `wait` has passed.
fn hold<R: Runtime>(app: &AppHandle<R>, work: Work, wait: Duration) {
    app.manage(AfterStart(Mutex::new(Some(work))));
    let handle = app.clone();
    let spawned = std::thread::Builder::new()
        .name("alongside-after-start".into())
        .spawn(move || {
            std::thread::sleep(wait);
            run(&handle);
        });
    if spawned.is_err() {
        // No timer: start everything now rather than never.
        run(app);
    }
}

/// Starts the waiting work, the first time it is called.
pub fn run<R: Runtime>(app: &AppHandle<R>) {
    let work = app
        .try_state::<AfterStart>()
        .and_then(|s| s.0.lock().ok().and_then(|mut w| w.take()));
    if let Some(work) = work {
        work();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use super::*;

    fn counting(app: &AppHandle<tauri::test::MockRuntime>, wait: Duration) -> Arc<AtomicUsize> {
        let count = Arc::new(AtomicUsize::new(0));
        let c = count.clone();
        hold(
            app,
            Box::new(move || {
                c.fetch_add(1, Ordering::SeqCst);
            }),
            wait,
        );
        count
    }

    #[test]
    fn waits_for_the_first_screen_and_starts_once() {
        let app = tauri::test::mock_app();
        let count = counting(app.handle(), Duration::from_secs(60));
        assert_eq!(
            count.load(Ordering::SeqCst),
            0,
            "nothing starts before the first screen"
        );
        run(app.handle());
        run(app.handle());
        assert_eq!(count.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn starts_after_the_wait_when_no_screen_says_so() {
        let app = tauri::test::mock_app();
        let count = counting(app.handle(), Duration::from_millis(20));
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while count.load(Ordering::SeqCst) == 0 && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(count.load(Ordering::SeqCst), 1);
        run(app.handle());
        assert_eq!(
            count.load(Ordering::SeqCst),
            1,
            "the screen arriving later starts nothing again"
        );
    }
}
