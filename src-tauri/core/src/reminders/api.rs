//! One use-case function per command: it validates, opens the transaction, and calls the
//! rules and the store. The shell's command of the same name delegates here.

use super::{
    snooze_until, store, DueAction, DueItem, DueState, Purpose, Reminder, ReminderInput,
    ReminderSettings,
};
use crate::dates::{self, local_tz};
use crate::db::Database;
use crate::error::{Error, Result};
use crate::practices::{CheckinInput, CheckinWay};
use crate::wins::Exported;
use chrono::Utc;

pub fn list_reminders(db: &Database) -> Result<Vec<Reminder>> {
    db.with(|c| store::list(c))
}

pub fn save_reminder(db: &Database, id: Option<i64>, reminder: ReminderInput) -> Result<Reminder> {
    let now = Utc::now();
    let valid = reminder.validate(now)?;
    db.with(|c| {
        let id = store::save(c, id, &valid, now)?;
        store::get(c, id)
    })
}

pub fn remove_reminder(db: &Database, id: i64) -> Result<()> {
    db.with(|c| store::remove(c, id, Utc::now()))
}

pub fn restore_reminder(db: &Database, id: i64) -> Result<Reminder> {
    db.with(|c| {
        store::restore(c, id, Utc::now())?;
        store::get(c, id)
    })
}

pub fn due_now(db: &Database) -> Result<Vec<DueItem>> {
    db.with(|c| store::due_now(c))
}

pub fn resolve_due(db: &Database, id: i64, action: DueAction) -> Result<()> {
    action.validate()?;
    let now = Utc::now();
    let tz = local_tz();
    let today = now.with_timezone(&tz).date_naive();
    db.with(|c| {
        let item = store::due_item(c, id)?;
        let tx = c.transaction()?;
        match &action {
            DueAction::Done { went, note, how } => {
                let checkin = match (item.purpose, item.person_id) {
                    (Purpose::CheckIn, Some(person_id)) => Some(
                        CheckinInput {
                            person_id,
                            happened_on: dates::day_text(today),
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
    })
}

pub fn get_reminder_settings(db: &Database) -> Result<ReminderSettings> {
    db.with(|c| store::settings(c))
}

pub fn save_reminder_settings(
    db: &Database,
    settings: ReminderSettings,
) -> Result<ReminderSettings> {
    let valid = settings.validate()?;
    db.with(|c| {
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
    })
}

/// Pauses every reminder for `minutes` (1 to 1440), or resumes them with none.
pub fn pause_reminders(db: &Database, minutes: Option<u32>) -> Result<ReminderSettings> {
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
    db.with(|c| {
        store::pause_all(c, until)?;
        store::settings(c)
    })
}

/// Saves every reminder as an `.ics` calendar file in `folder` (the shell passes Downloads).
pub fn export_reminders_ics(db: &Database, folder: &std::path::Path) -> Result<Exported> {
    let reminders = db.with(|c| store::list(c))?;
    let text = super::ics::to_ics(&reminders, Utc::now());
    let stem = format!(
        "alongside-reminders-{}",
        dates::day_text(Utc::now().with_timezone(&local_tz()).date_naive())
    );
    let path = crate::export::save(folder, &stem, "ics", text.as_bytes())?;
    Ok(Exported {
        path: path.display().to_string(),
        count: reminders.len() as u32,
    })
}

/// What one pass of the scheduler did: when to wake next, how many occurrences were missed,
/// the items that came due now, and whether notifications may show their words.
pub struct Step {
    pub wake: Option<chrono::DateTime<Utc>>,
    pub missed: usize,
    pub fired: Vec<DueItem>,
    pub show_details: bool,
}

/// Plans once at `now` and records the plan in one transaction: nothing fires twice.
pub fn step(db: &Database, now: chrono::DateTime<Utc>, tz: chrono_tz::Tz) -> Result<Step> {
    db.with(|c| {
        let settings = store::settings(c)?;
        let (checkins, spaces) = store::world_facts(c, store::facts_since(now))?;
        let world = super::planning::World {
            quiet: settings.quiet(),
            tz: Some(tz),
            paused_until: settings.paused_until(),
            spaces,
            checkins,
        };
        let p = super::planning::plan(&store::specs(c)?, &store::snoozed(c)?, &world, now);
        let tx = c.transaction()?;
        let applied = store::apply(&tx, &p, now)?;
        tx.commit()?;
        let fired = applied
            .fired
            .iter()
            .filter_map(|id| match store::due_item(c, *id) {
                Ok(item) => Some(item),
                // One unreadable row must not keep the others' notifications from showing.
                Err(_) => {
                    eprintln!("alongside: a due reminder could not be read back");
                    None
                }
            })
            .collect();
        Ok(Step {
            wake: p.wake,
            missed: applied.missed.len(),
            fired,
            show_details: settings.show_details,
        })
    })
}
