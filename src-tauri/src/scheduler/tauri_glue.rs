//! The scheduler inside the app: a thread running [`super::run`] over the database, showing
//! notifications through tauri-plugin-notification. Commands nudge it with `app.replan()`.

use std::sync::mpsc::{channel, Sender};
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use super::{plan, Notifier, Signal, SystemClock, World};
use crate::reminders::{missed_text, notification_text, store};
use crate::DbExt;

/// The caregiver's time zone, from the system (quiet hours and "tomorrow morning" use it).
pub fn local_tz() -> Tz {
    iana_time_zone::get_timezone()
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(Tz::UTC)
}

pub struct SchedulerHandle {
    signals: Mutex<Option<Sender<Signal>>>,
}

pub struct TauriNotifier<R: Runtime>(AppHandle<R>);

impl<R: Runtime> TauriNotifier<R> {
    pub fn notify_now(&self, title: &str, body: &str) -> Result<(), String> {
        self.notify(title, body)
    }
}

impl<R: Runtime> Notifier for TauriNotifier<R> {
    fn notify(&self, title: &str, body: &str) -> Result<(), String> {
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
    let tz = local_tz();
    let result = app.db().with(|c| {
        let settings = store::settings(c)?;
        let (checkins, spaces) = store::world_facts(c, store::facts_since(now))?;
        let world = World {
            quiet: settings.quiet(),
            tz: Some(tz),
            paused_until: settings.paused_until(),
            spaces,
            checkins,
        };
        let p = plan(&store::specs(c)?, &store::snoozed(c)?, &world, now);
        let tx = c.transaction()?;
        let applied = store::apply(&tx, &p, now)?;
        tx.commit()?;
        let fired = applied
            .fired
            .iter()
            .filter_map(|id| store::due_item(c, *id).ok())
            .collect::<Vec<_>>();
        Ok((p.wake, applied.missed.len(), fired, settings.show_details))
    });
    match result {
        Ok((wake, missed, fired, details)) => {
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

/// Starts the scheduler thread.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let (tx, rx) = channel();
    app.manage(SchedulerHandle {
        signals: Mutex::new(Some(tx)),
    });
    let handle = app.clone();
    let spawned = std::thread::Builder::new()
        .name("alongside-scheduler".into())
        .spawn(move || {
            let notifier = handle.notifier();
            super::run(&SystemClock, &rx, |now| step(&handle, &notifier, now));
        });
    if spawned.is_err() {
        eprintln!("alongside: the reminder scheduler could not start");
    }
}
