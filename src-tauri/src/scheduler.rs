//! The scheduler inside the app: a thread running the core's reminder loop over the database,
//! showing notifications through tauri-plugin-notification. Commands nudge it with
//! `app.replan()`; the rule and the store work live in `alongside_core::reminders`.

use std::sync::mpsc::{channel, Sender};
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use alongside_core::dates::local_tz;
use alongside_core::reminders::locked::{self, Snapshot};
use alongside_core::reminders::planning::{run, Notifier, Signal, SystemClock};
use alongside_core::reminders::{api, locked_text, missed_text, notification_text};
use alongside_core::{Error, Result};

use crate::DbExt;

pub struct SchedulerHandle {
    signals: Mutex<Option<Sender<Signal>>>,
    /// What the plan needs, from the last pass with the data open (memory only): reminders
    /// keep coming, in private words, while Alongside is locked.
    while_locked: Mutex<Option<Snapshot>>,
}

pub struct TauriNotifier<R: Runtime>(AppHandle<R>);

impl<R: Runtime> TauriNotifier<R> {
    pub fn notify_now(&self, title: &str, body: &str) -> std::result::Result<(), String> {
        self.notify(title, body)
    }

    /// Settings' "Send a test notification".
    pub fn test(&self) -> Result<()> {
        self.notify(
            "Alongside",
            "This is a test. If you can read this, reminders can reach you.",
        )
        .map_err(|_| {
            Error::invalid(
                "notification",
                "The notification could not be shown. See the tips below for what to check.",
            )
        })
    }
}

impl<R: Runtime> Notifier for TauriNotifier<R> {
    fn notify(&self, title: &str, body: &str) -> std::result::Result<(), String> {
        self.0
            .notification()
            .builder()
            .title(title)
            .body(body)
            .show()
            .map_err(|e| e.to_string())
    }
}

pub trait SchedulerExt<R: Runtime> {
    /// Asks the scheduler to plan again now (after any change to reminders or settings).
    fn replan(&self);
    fn notifier(&self) -> TauriNotifier<R>;
    /// Passes on what a command returned, asking for a new plan when it changed something.
    fn replanned<T>(&self, result: Result<T>) -> Result<T> {
        if result.is_ok() {
            self.replan();
        }
        result
    }
}

impl<R: Runtime> SchedulerExt<R> for AppHandle<R> {
    fn replan(&self) {
        if let Some(h) = self.try_state::<SchedulerHandle>() {
            if let Ok(guard) = h.signals.lock() {
                if let Some(tx) = guard.as_ref() {
                    let _ = tx.send(Signal::Replan);
                }
            }
        }
    }

    fn notifier(&self) -> TauriNotifier<R> {
        TauriNotifier(self.clone())
    }
}

/// Plans once, records the plan, and shows what it fired. Returns when to wake next.
pub fn step<R: Runtime>(
    app: &AppHandle<R>,
    notifier: &dyn Notifier,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let result =
        api::step(&app.db(), now, local_tz()).map(|s| (s.wake, s.missed, s.fired, s.show_details));
    let handle = app.try_state::<SchedulerHandle>();
    let keep = |snapshot: Option<Snapshot>| {
        if let Some(h) = &handle {
            if let Ok(mut s) = h.while_locked.lock() {
                *s = snapshot;
            }
        }
    };
    match result {
        Err(Error::Locked) => {
            let Some(h) = &handle else { return None };
            let Ok(mut guard) = h.while_locked.lock() else {
                return None;
            };
            let snapshot = guard.as_mut()?;
            let (due, wake) = snapshot.step(now);
            if due > 0 {
                let (title, body) = locked_text(due);
                if notifier.notify(&title, &body).is_err() {
                    eprintln!("alongside: a reminder notification could not be shown");
                }
            }
            wake
        }
        Ok((wake, missed, fired, details)) => {
            keep(locked::snapshot(&app.db(), now, local_tz()).ok());
            for item in &fired {
                let (title, body) =
                    notification_text(details, item.purpose, &item.title, item.message.as_deref());
                if notifier.notify(&title, &body).is_err() {
                    eprintln!("alongside: a reminder notification could not be shown");
                }
            }
            if missed > 0 {
                let (title, body) = missed_text(missed);
                if notifier.notify(&title, &body).is_err() {
                    eprintln!("alongside: the missed-reminders notification could not be shown");
                }
            }
            if !fired.is_empty() || missed > 0 {
                // The Due now list in the window refreshes itself.
                use tauri::Emitter;
                let _ = app.emit("reminders-due", ());
            }
            wake
        }
        // No database (or it is busy): look again in a minute.
        Err(_) => None,
    }
}

/// Makes the scheduler's handle now, so reminders saved from the first moment are planned, and
/// returns the start of its thread, which `after_start` runs once the first screen is up.
pub fn prepare<R: Runtime>(app: &AppHandle<R>) -> impl FnOnce() + Send + 'static {
    let (tx, rx) = channel();
    app.manage(SchedulerHandle {
        signals: Mutex::new(Some(tx)),
        while_locked: Mutex::new(None),
    });
    let handle = app.clone();
    move || {
        let spawned = std::thread::Builder::new()
            .name("alongside-scheduler".into())
            .spawn(move || {
                let notifier = handle.notifier();
                run(&SystemClock, &rx, |now| step(&handle, &notifier, now));
            });
        if spawned.is_err() {
            eprintln!("alongside: the reminder scheduler could not start");
        }
    }
}
