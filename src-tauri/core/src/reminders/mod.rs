//! Reminders: to check in with someone, for an appointment or treatment task, for self-care,
//! for a self-check, or anything else. Each has a schedule (see `schedule.rs`); the scheduler
//! (`crate::reminders::planning`) decides when one is due and hands it to the notifier. What is due shows
//! in the app's "Due now" list, where the caregiver marks it done (a check-in is recorded),
//! snoozes it or skips it.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::validate::{optional_text, required_text};

pub mod api;
mod due;
pub mod ics;
pub mod locked;
pub mod planning;
pub mod schedule;
mod skip_ahead;
pub mod store;

#[cfg(test)]
mod tests;

pub use due::*;
pub use schedule::{Occurrence, Repeat, Schedule, ScheduleInput};

pub const TITLE_MAX: usize = 120;
pub const MESSAGE_MAX: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    CheckIn,
    Appointment,
    SelfCare,
    SelfCheck,
    Custom,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::CheckIn => "check_in",
            Purpose::Appointment => "appointment",
            Purpose::SelfCare => "self_care",
            Purpose::SelfCheck => "self_check",
            Purpose::Custom => "custom",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Purpose::CheckIn,
            Purpose::Appointment,
            Purpose::SelfCare,
            Purpose::SelfCheck,
            Purpose::Custom,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
    }

    /// Notification words that say nothing about anyone's health: others may see the screen.
    pub fn private_text(self) -> &'static str {
        match self {
            Purpose::CheckIn => "Time for a check-in.",
            Purpose::Appointment => "A reminder about an appointment.",
            Purpose::SelfCare => "A moment for yourself.",
            Purpose::SelfCheck => "A reminder from Alongside.",
            Purpose::Custom => "A reminder from Alongside.",
        }
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReminderInput {
    pub title: String,
    pub message: Option<String>,
    pub purpose: Purpose,
    /// Who it is about (required for a check-in).
    pub person_id: Option<i64>,
    pub schedule: ScheduleInput,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidReminder {
    pub title: String,
    pub message: Option<String>,
    pub purpose: Purpose,
    pub person_id: Option<i64>,
    pub schedule: Schedule,
    pub input: ScheduleInput,
}

impl ReminderInput {
    /// `now` refuses a one-off reminder set in the past.
    pub fn validate(&self, now: DateTime<Utc>) -> Result<ValidReminder> {
        let title = required_text("title", &self.title, TITLE_MAX, "a title")?;
        let message = optional_text(
            "message",
            self.message.as_deref(),
            MESSAGE_MAX,
            "the message",
        )?;
        if self.purpose == Purpose::CheckIn && self.person_id.is_none() {
            return Err(Error::invalid(
                "personId",
                "Please choose who this check-in is with.",
            ));
        }
        let schedule = self.schedule.validate()?;
        if schedule.next_after(now - Duration::seconds(1)).is_none() {
            let field = if schedule.repeat == Repeat::Once {
                "time"
            } else {
                "endDate"
            };
            return Err(Error::invalid(
                field,
                "That time has already passed, so this reminder would never come. Please choose a later time.",
            ));
        }
        Ok(ValidReminder {
            title,
            message,
            purpose: self.purpose,
            person_id: self.person_id,
            schedule,
            input: self.schedule.clone(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    pub id: i64,
    pub title: String,
    pub message: Option<String>,
    pub purpose: Purpose,
    pub person_id: Option<i64>,
    pub schedule: ScheduleInput,
    /// RFC 5545 DTSTART + RRULE, as stored and exported.
    pub rule: String,
    /// The next time it will come, RFC 3339 UTC, if it will.
    pub next_due: Option<String>,
}

/// Caregiver-wide reminder settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReminderSettings {
    /// Quiet hours, HH:MM to HH:MM (may cross midnight). Nothing fires inside them.
    pub quiet_start: Option<String>,
    pub quiet_end: Option<String>,
    /// Show titles and messages in notifications. Off by default: others may see the screen.
    pub show_details: bool,
    /// All reminders wait until then (RFC 3339 UTC), e.g. "pause for an hour" from the tray.
    pub paused_until: Option<String>,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            quiet_start: Some("22:00".into()),
            quiet_end: Some("07:00".into()),
            show_details: false,
            paused_until: None,
        }
    }
}

impl ReminderSettings {
    pub fn validate(&self) -> Result<ReminderSettings> {
        let norm = |field: &'static str, v: &Option<String>| -> Result<Option<String>> {
            match v.as_deref().map(str::trim) {
                None | Some("") => Ok(None),
                Some(s) => Ok(Some(
                    schedule::parse_time(field, s)?.format("%H:%M").to_string(),
                )),
            }
        };
        let start = norm("quietStart", &self.quiet_start)?;
        let end = norm("quietEnd", &self.quiet_end)?;
        if start.is_some() != end.is_some() {
            return Err(Error::invalid(
                if start.is_none() {
                    "quietStart"
                } else {
                    "quietEnd"
                },
                "Please choose both when quiet hours start and when they end, or neither.",
            ));
        }
        if start.is_some() && start == end {
            return Err(Error::invalid(
                "quietEnd",
                "Quiet hours need to end at a different time from when they start.",
            ));
        }
        Ok(ReminderSettings {
            quiet_start: start,
            quiet_end: end,
            show_details: self.show_details,
            paused_until: self.paused_until.clone(),
        })
    }

    pub fn quiet(&self) -> Option<(NaiveTime, NaiveTime)> {
        let s = NaiveTime::parse_from_str(self.quiet_start.as_deref()?, "%H:%M").ok()?;
        let e = NaiveTime::parse_from_str(self.quiet_end.as_deref()?, "%H:%M").ok()?;
        (s != e).then_some((s, e))
    }

    pub fn paused_until(&self) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(self.paused_until.as_deref()?)
            .ok()
            .map(|d| d.with_timezone(&Utc))
    }
}

/// The words of a notification: private unless the caregiver chose to show details.
pub fn notification_text(
    show_details: bool,
    purpose: Purpose,
    title: &str,
    message: Option<&str>,
) -> (String, String) {
    if show_details {
        (
            title.to_owned(),
            message.unwrap_or(purpose.private_text()).to_owned(),
        )
    } else {
        ("Alongside".to_owned(), purpose.private_text().to_owned())
    }
}

/// A reminder that came due while Alongside was locked: never any words from the data.
pub fn locked_text(count: usize) -> (String, String) {
    let body = if count == 1 {
        "A reminder is waiting. Unlock Alongside to see it.".to_owned()
    } else {
        format!("{count} reminders are waiting. Unlock Alongside to see them.")
    };
    ("Alongside".to_owned(), body)
}

/// The one notification for everything that came due while Alongside was not running.
pub fn missed_text(count: usize) -> (String, String) {
    let body = if count == 1 {
        "One reminder came due while Alongside was closed. It is waiting in the app.".to_owned()
    } else {
        format!(
            "{count} reminders came due while Alongside was closed. They are waiting in the app."
        )
    };
    ("Alongside".to_owned(), body)
}

/// For tests and the store: an RFC 3339 UTC timestamp.
pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub fn parse_rfc3339(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}
