//! What is due now, and what the caregiver does with it: Done (for a check-in, recording one),
//! Snooze, or Skip.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{schedule, Purpose};
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DueState {
    Due,
    /// Came due while Alongside was closed or the computer was asleep.
    Missed,
    Snoozed,
    Done,
    Skipped,
}

impl DueState {
    pub fn as_str(self) -> &'static str {
        match self {
            DueState::Due => "due",
            DueState::Missed => "missed",
            DueState::Snoozed => "snoozed",
            DueState::Done => "done",
            DueState::Skipped => "skipped",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [
            DueState::Due,
            DueState::Missed,
            DueState::Snoozed,
            DueState::Done,
            DueState::Skipped,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// One occurrence in the "Due now" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DueItem {
    pub id: i64,
    pub reminder_id: i64,
    pub title: String,
    pub message: Option<String>,
    pub purpose: Purpose,
    pub person_id: Option<i64>,
    /// The occurrence's local time, YYYY-MM-DDTHH:MM.
    pub occurrence: String,
    pub state: DueState,
    pub snoozed_until: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SnoozeFor {
    TenMinutes,
    OneHour,
    TomorrowMorning,
}

/// What the caregiver does with something due.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum DueAction {
    /// Done. For a check-in, records one: how it went (1–5), a note, and how.
    Done {
        went: Option<i64>,
        note: Option<String>,
        how: Option<crate::practices::CheckinWay>,
    },
    Snooze {
        #[serde(rename = "for")]
        snooze_for: Option<SnoozeFor>,
        /// A chosen local time, YYYY-MM-DDTHH:MM, instead of a preset.
        until: Option<String>,
    },
    Skip,
}

impl DueAction {
    /// Checks everything the caller sent before the reminder is even looked at, so a wrong
    /// value is refused whatever kind of reminder it is, never silently ignored.
    pub fn validate(&self) -> Result<()> {
        if let DueAction::Done { went, note, .. } = self {
            if went.is_some_and(|w| !(1..=5).contains(&w)) {
                return Err(Error::invalid(
                    "went",
                    "How it went is a number from 1 to 5. Please choose one, or leave it blank.",
                ));
            }
            crate::validate::optional_lines(
                "note",
                note.as_deref(),
                crate::practices::TEXT_MAX,
                "the note",
            )?;
        }
        Ok(())
    }
}

/// Tomorrow morning is 9 a.m. local time.
pub const MORNING: (u32, u32) = (9, 0);

/// When a snooze ends. `tz` is the caregiver's zone.
pub fn snooze_until(
    now: DateTime<Utc>,
    tz: chrono_tz::Tz,
    preset: Option<SnoozeFor>,
    until: Option<&str>,
) -> Result<DateTime<Utc>> {
    match (preset, until.map(str::trim)) {
        (Some(SnoozeFor::TenMinutes), _) => Ok(now + Duration::minutes(10)),
        (Some(SnoozeFor::OneHour), _) => Ok(now + Duration::hours(1)),
        (Some(SnoozeFor::TomorrowMorning), _) => {
            let tomorrow = now.with_timezone(&tz).date_naive() + Duration::days(1);
            let nine = NaiveTime::from_hms_opt(MORNING.0, MORNING.1, 0).unwrap_or_default();
            Ok(schedule::resolve(tz, tomorrow.and_time(nine)))
        }
        (None, Some(s)) if !s.is_empty() => {
            let local = crate::validate::local_minute(
                "until",
                s,
                "Please choose a day and time to be reminded again.",
            )?;
            let at = schedule::resolve(tz, local);
            if at <= now {
                return Err(Error::invalid(
                    "until",
                    "That time has already passed. Please choose a later one.",
                ));
            }
            if at > now + Duration::days(366) {
                return Err(Error::invalid(
                    "until",
                    "Please choose a time within the next year.",
                ));
            }
            Ok(at)
        }
        _ => Err(Error::invalid(
            "until",
            "Please choose when to be reminded again.",
        )),
    }
}
