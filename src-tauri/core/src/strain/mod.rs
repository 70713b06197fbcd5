//! Caregiver strain: a 15-second daily check, self-checks scored by their published rules, a
//! self-care plan, and trends that lead to a next step. Supporters who exhaust themselves cannot
//! keep helping; this is where Alongside looks after the caregiver.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::validate::optional_lines;

pub mod api;
pub mod instruments;
pub mod store;

#[cfg(test)]
mod tests;

pub use instruments::{Instrument, Score};

pub const NOTE_MAX: usize = 1000;
pub const PLAN_FIELD_MAX: usize = 2000;
/// A self-check is suggested again after this many days.
pub const SELF_CHECK_EVERY_DAYS: i64 = 14;
/// Someone who has never taken a self-check is first invited after using Alongside this long,
/// so a new caregiver is not met with a task on their first day.
pub const FIRST_SELF_CHECK_AFTER_DAYS: i64 = 7;
/// How many points the 7-day average must rise before Alongside gently says so.
pub const RISE_POINTS: f64 = 2.0;
/// Each 7-day window needs at least this many entries for the comparison to mean anything.
pub const MIN_ENTRIES_PER_WINDOW: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Sleep {
    Poor,
    Okay,
    Good,
}

impl Sleep {
    pub fn as_str(self) -> &'static str {
        match self {
            Sleep::Poor => "poor",
            Sleep::Okay => "okay",
            Sleep::Good => "good",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Sleep::Poor, Sleep::Okay, Sleep::Good]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DailyCheckInput {
    /// The caregiver's local day, YYYY-MM-DD.
    pub day: String,
    /// 0 (none) to 10 (the most).
    pub strain: Option<i64>,
    pub sleep: Option<Sleep>,
    /// Hours slept, instead of or as well as the word.
    pub sleep_hours: Option<f64>,
    /// Did one thing for myself today.
    pub for_myself: Option<bool>,
    pub note: Option<String>,
    /// True to change the day's check; false refuses a second one for the same day.
    #[serde(default)]
    pub replace: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidDailyCheck {
    pub day: NaiveDate,
    pub strain: u8,
    pub sleep: Option<Sleep>,
    pub sleep_hours: Option<f64>,
    pub for_myself: bool,
    pub note: Option<String>,
    pub replace: bool,
}

impl DailyCheckInput {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidDailyCheck> {
        let day = crate::validate::day("day", &self.day)?;
        if day > today {
            return Err(Error::invalid(
                "day",
                "That day has not come yet. Please choose today or an earlier day.",
            ));
        }
        let strain = match self.strain {
            None => {
                return Err(Error::invalid(
                    "strain",
                    "Please choose how much strain you feel, from 0 to 10.",
                ))
            }
            Some(s) if !(0..=10).contains(&s) => return Err(Error::invalid(
                "strain",
                "Strain goes from 0 (none) to 10 (the most). Please choose a number in that range.",
            )),
            Some(s) => s as u8,
        };
        if let Some(h) = self.sleep_hours {
            if !h.is_finite() || !(0.0..=24.0).contains(&h) {
                return Err(Error::invalid(
                    "sleepHours",
                    "Hours of sleep go from 0 to 24. Please check the number.",
                ));
            }
        }
        let Some(for_myself) = self.for_myself else {
            return Err(Error::invalid(
                "forMyself",
                "Please answer yes or no: did you do one thing for yourself today?",
            ));
        };
        Ok(ValidDailyCheck {
            day,
            strain,
            sleep: self.sleep,
            sleep_hours: self.sleep_hours.map(|h| (h * 2.0).round() / 2.0),
            for_myself,
            note: optional_lines("note", self.note.as_deref(), NOTE_MAX, "the note")?,
            replace: self.replace,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DailyCheck {
    pub day: String,
    pub strain: u8,
    pub sleep: Option<Sleep>,
    pub sleep_hours: Option<f64>,
    pub for_myself: bool,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SelfCheckInput {
    pub instrument: String,
    /// One per question, in order; `null` for a question not answered.
    pub answers: Vec<Option<u8>>,
}

/// A saved self-check with what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SelfCheckResult {
    pub id: i64,
    pub instrument: String,
    /// RFC 3339 UTC.
    pub taken_at: String,
    pub answers: Vec<u8>,
    pub score: Score,
}

/// The caregiver's own plan for when they are stretched.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SelfCarePlan {
    pub warning_signs: Option<String>,
    pub what_helps: Option<String>,
    pub who_to_ask: Option<String>,
    pub what_to_drop: Option<String>,
}

impl SelfCarePlan {
    pub fn validate(&self) -> Result<SelfCarePlan> {
        Ok(SelfCarePlan {
            warning_signs: optional_lines(
                "warningSigns",
                self.warning_signs.as_deref(),
                PLAN_FIELD_MAX,
                "my warning signs",
            )?,
            what_helps: optional_lines(
                "whatHelps",
                self.what_helps.as_deref(),
                PLAN_FIELD_MAX,
                "what helps me",
            )?,
            who_to_ask: optional_lines(
                "whoToAsk",
                self.who_to_ask.as_deref(),
                PLAN_FIELD_MAX,
                "who I can ask",
            )?,
            what_to_drop: optional_lines(
                "whatToDrop",
                self.what_to_drop.as_deref(),
                PLAN_FIELD_MAX,
                "what I will drop",
            )?,
        })
    }
}

/// A point of the daily strain chart.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StrainPoint {
    pub day: String,
    pub strain: u8,
    /// The average of the entries in the 7 days ending on this day.
    pub average7: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PromptKind {
    StrainRising,
    WorseBand,
}

/// A gentle word when strain rises: never alarming, always with a next step.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrendPrompt {
    pub kind: PromptKind,
    pub message: String,
    pub next_step: String,
}

/// The 7-day average for each day with an entry. `checks` are (day, strain), any order.
pub fn strain_series(checks: &[(NaiveDate, u8)]) -> Vec<StrainPoint> {
    let mut sorted = checks.to_vec();
    sorted.sort_by_key(|(d, _)| *d);
    sorted
        .iter()
        .map(|(day, strain)| {
            let window: Vec<u8> = sorted
                .iter()
                .filter(|(d, _)| *d <= *day && *d > *day - Duration::days(7))
                .map(|(_, s)| *s)
                .collect();
            StrainPoint {
                day: crate::dates::day_text(*day),
                strain: *strain,
                average7: round1(mean(&window)),
            }
        })
        .collect()
}

fn mean(v: &[u8]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().map(|x| f64::from(*x)).sum::<f64>() / v.len() as f64
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The trend rule. Strain: the average of the last 7 days (ending today) is at least
/// [`RISE_POINTS`] above the 7 days before, each window holding at least
/// [`MIN_ENTRIES_PER_WINDOW`] entries. Self-checks: the newest result of an instrument is in a
/// worse band than the one before it. `results` are (instrument title, band level) newest first
/// per instrument, as pairs of (latest, previous).
pub fn trend_prompt(
    checks: &[(NaiveDate, u8)],
    today: NaiveDate,
    band_changes: &[(String, u32, u32)],
) -> Option<TrendPrompt> {
    let window = |from: i64, to: i64| -> Vec<u8> {
        checks
            .iter()
            .filter(|(d, _)| {
                let age = (today - *d).num_days();
                age >= from && age <= to
            })
            .map(|(_, s)| *s)
            .collect()
    };
    let recent = window(0, 6);
    let before = window(7, 13);
    if recent.len() >= MIN_ENTRIES_PER_WINDOW
        && before.len() >= MIN_ENTRIES_PER_WINDOW
        && mean(&recent) - mean(&before) >= RISE_POINTS - 1e-9
    {
        return Some(TrendPrompt {
            kind: PromptKind::StrainRising,
            message: format!(
                "Your strain this week has averaged {:.1}, up from {:.1} the week before. That is worth noticing, and it is not your fault.",
                round1(mean(&recent)),
                round1(mean(&before))
            ),
            next_step: "Pick one thing from your self-care plan for today, or ask one person on it for a hand this week.".into(),
        });
    }
    band_changes
        .iter()
        .find(|(_, latest, previous)| latest > previous)
        .map(|(title, _, _)| TrendPrompt {
            kind: PromptKind::WorseBand,
            message: format!(
                "Your latest {title} result is higher than the one before. Things may be weighing on you more right now."
            ),
            next_step: "Look at the next steps with your result, and think about talking with your doctor or someone you trust.".into(),
        })
}

/// Whether a self-check is due: the newest is two weeks old or more; or there is none yet and
/// the caregiver set Alongside up a week ago or more (never on an unknown start).
pub fn self_check_due(
    last_taken: Option<NaiveDate>,
    onboarded_on: Option<NaiveDate>,
    today: NaiveDate,
) -> bool {
    match (last_taken, onboarded_on) {
        (Some(d), _) => (today - d).num_days() >= SELF_CHECK_EVERY_DAYS,
        (None, Some(start)) => (today - start).num_days() >= FIRST_SELF_CHECK_AFTER_DAYS,
        (None, None) => false,
    }
}

/// Everything the "Looking after you" page shows, in one call.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StrainOverview {
    pub today: Option<DailyCheck>,
    /// Oldest first, the last 90 days.
    pub series: Vec<StrainPoint>,
    /// Newest first.
    pub results: Vec<SelfCheckResult>,
    pub prompt: Option<TrendPrompt>,
    pub self_check_due: bool,
    pub plan: SelfCarePlan,
}
