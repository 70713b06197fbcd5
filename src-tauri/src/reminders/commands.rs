//! IPC adapters for reminders. Every change tells the scheduler to plan again at once.

use crate::ipc::Arg;
use chrono::Utc;
use tauri::{AppHandle, Runtime};

use super::{
    snooze_until, store, DueAction, DueItem, DueState, Purpose, Reminder, ReminderInput,
    ReminderSettings,
};
use crate::error::{Error, Result};
use crate::practice_tools::{CheckinInput, CheckinWay};
use crate::scheduler::tauri_glue::{local_tz, SchedulerExt};
use crate::wins::Exported;
use crate::DbExt;

#[tauri::command(async)]
pub fn list_reminders<R: Runtime>(app: AppHandle<R>) -> Result<Vec<Reminder>> {
    app.db().with(|c| store::list(c))
}

#[tauri::command(async)]
pub fn save_reminder<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<Option<i64>>,
    reminder: Arg<ReminderInput>,
) -> Result<Reminder> {
    let id = id.into_inner();
    let reminder = reminder.into_inner();
    let now = Utc::now();
    let valid = reminder.validate(now)?;
    let saved = app.db().with(|c| {
        let id = store::save(c, id, &valid, now)?;
        store::get(c, id)
    })?;
    app.replan();
    Ok(saved)
}

#[tauri::command(async)]
pub fn remove_reminder<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<()> {
    let id = id.into_inner();
    app.db().with(|c| store::remove(c, id, Utc::now()))?;
    app.replan();
    Ok(())
}

#[tauri::command(async)]
pub fn restore_reminder<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<Reminder> {
    let id = id.into_inner();
    let r = app.db().with(|c| {
        store::restore(c, id, Utc::now())?;
        store::get(c, id)
    })?;
    app.replan();
    Ok(r)
}

#[tauri::command(async)]
pub fn due_now<R: Runtime>(app: AppHandle<R>) -> Result<Vec<DueItem>> {
    app.db().with(|c| store::due_now(c))
}

#[tauri::command(async)]
pub fn resolve_due<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<i64>,
    action: Arg<DueAction>,
) -> Result<()> {
    let id = id.into_inner();
    let action = action.into_inner();
    action.validate()?;
    let now = Utc::now();
    let tz = local_tz();
    let today = now.with_timezone(&tz).date_naive();
    app.db().with(|c| {
        let item = store::due_item(c, id)?;
        let tx = c.transaction()?;
        match &action {
            DueAction::Done { went, note, how } => {
                let checkin = match (item.purpose, item.person_id) {
                    (Purpose::CheckIn, Some(person_id)) => Some(
                        CheckinInput {
                            person_id,
                            happened_on: today.format("%Y-%m-%d").to_string(),
                            how: Some(how.unwrap_or(CheckinWay::Other)),
                            went: *went,
                            note: note.clone(),
                        }
                        .validate(today)?,
                    ),
                    _ => None,
                };
                store::resolve(&tx, id, DueState::Done, None, checkin.as_ref(), now)?;
            }
            DueAction::Snooze { snooze_for, until } => {
                let at = snooze_until(now, tz, *snooze_for, until.as_deref())?;
                store::resolve(&tx, id, DueState::Snoozed, Some(at), None, now)?;
            }
            DueAction::Skip => store::resolve(&tx, id, DueState::Skipped, None, None, now)?,
        }
        tx.commit()?;
        Ok(())
    })?;
    app.replan();
    Ok(())
}

#[tauri::command(async)]
pub fn get_reminder_settings<R: Runtime>(app: AppHandle<R>) -> Result<ReminderSettings> {
    app.db().with(|c| store::settings(c))
}

#[tauri::command(async)]
pub fn save_reminder_settings<R: Runtime>(
    app: AppHandle<R>,
    settings: Arg<ReminderSettings>,
) -> Result<ReminderSettings> {
    let settings = settings.into_inner();
    let valid = settings.validate()?;
    let saved = app.db().with(|c| {
        let current = store::settings(c)?;
        // The pause is changed by "pause for an hour", not by this form.
        store::save_settings(
            c,
            &ReminderSettings {
                paused_until: current.paused_until,
                ..valid
            },
        )?;
        store::settings(c)
    })?;
    app.replan();
    Ok(saved)
}

/// Pauses every reminder for `minutes` (1 to 1440), or resumes them with none.
#[tauri::command(async)]
pub fn pause_reminders<R: Runtime>(
    app: AppHandle<R>,
    minutes: Arg<Option<u32>>,
) -> Result<ReminderSettings> {
    let minutes = minutes.into_inner();
    let until = match minutes {
        None => None,
        Some(m) if (1..=1440).contains(&m) => {
            Some(Utc::now() + chrono::Duration::minutes(i64::from(m)))
        }
        Some(_) => {
            return Err(Error::invalid(
                "minutes",
                "Please choose a pause of up to a day.",
            ));
        }
    };
    let s = app.db().with(|c| {
        store::pause_all(c, until)?;
        store::settings(c)
    })?;
    app.replan();
    Ok(s)
}

#[tauri::command(async)]
pub fn send_test_notification<R: Runtime>(app: AppHandle<R>) -> Result<()> {
    app.notifier()
        .notify_now(
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

#[tauri::command(async)]
pub fn export_reminders_ics<R: Runtime>(app: AppHandle<R>) -> Result<Exported> {
    let reminders = app.db().with(|c| store::list(c))?;
    let text = super::ics::to_ics(&reminders, Utc::now());
    let stem = format!(
        "alongside-reminders-{}",
        Utc::now().with_timezone(&local_tz()).format("%Y-%m-%d")
    );
    let path = crate::write_export(&app, &stem, "ics", text.as_bytes())?;
    Ok(Exported {
        path: path.display().to_string(),
        count: reminders.len() as u32,
    })
}
