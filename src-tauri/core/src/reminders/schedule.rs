//! When a reminder falls due. A schedule is a local wall-clock time in an IANA time zone plus an
//! RFC 5545 recurrence rule, expanded by the `rrule` crate: no hand-rolled recurrence.
//!
//! Expansion happens in "floating" local time (the rule is evaluated as if the zone had no
//! daylight saving), and each local occurrence is then placed on the real timeline with
//! `chrono-tz`. That keeps 6 p.m. at 6 p.m. across changes, and lets us say exactly what happens
//! to the times a change skips or repeats: a time that does not exist fires at the first valid
//! minute after it; a time that happens twice fires once, at the first.

use std::str::FromStr;

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use rrule::RRuleSet;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// The longest "every N days" we accept.
pub const MAX_INTERVAL_DAYS: u32 = 365;
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub enum Day {
    #[serde(rename = "MO")]
    Mo,
    #[serde(rename = "TU")]
    Tu,
    #[serde(rename = "WE")]
    We,
    #[serde(rename = "TH")]
    Th,
    #[serde(rename = "FR")]
    Fr,
    #[serde(rename = "SA")]
    Sa,
    #[serde(rename = "SU")]
    Su,
}

impl Day {
    pub const ALL: [Day; 7] = [
        Day::Mo,
        Day::Tu,
        Day::We,
        Day::Th,
        Day::Fr,
        Day::Sa,
        Day::Su,
    ];

    fn code(self) -> &'static str {
        match self {
            Day::Mo => "MO",
            Day::Tu => "TU",
            Day::We => "WE",
            Day::Th => "TH",
            Day::Fr => "FR",
            Day::Sa => "SA",
            Day::Su => "SU",
        }
    }
}

/// How often, in a caregiver's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Repeat {
    Once,
    Daily,
    Weekdays,
    Weekly {
        days: Vec<Day>,
    },
    EveryNDays {
        n: u32,
    },
    /// On this day of the month; 29–31 fall back to the month's last day when it is shorter.
    MonthlyOnDay {
        day: u32,
    },
    /// E.g. the second Tuesday (`nth` 1–4) or the last Friday (`nth` -1).
    MonthlyOnWeekday {
        nth: i32,
        weekday: Day,
    },
}

/// A schedule as the form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleInput {
    /// The first day, YYYY-MM-DD.
    pub start_date: String,
    /// Local time, HH:MM.
    pub time: String,
    pub repeat: Repeat,
    /// The last day it may fire, YYYY-MM-DD.
    pub end_date: Option<String>,
    /// IANA time zone, e.g. "Europe/London".
    pub time_zone: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub start: NaiveDateTime,
    pub repeat: Repeat,
    pub until: Option<NaiveDate>,
    pub tz: Tz,
}

/// One occurrence: its local wall-clock time (its identity) and its instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub local: NaiveDateTime,
    pub at: DateTime<Utc>,
}

impl Occurrence {
    pub fn key(&self) -> String {
        crate::dates::minute_text(self.local)
    }
}

pub fn parse_time(field: &'static str, s: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .map_err(|_| Error::invalid(field, "Please write a time of day, like 19:30."))
}

pub fn parse_tz(name: &str) -> Result<Tz> {
    Tz::from_str(name.trim()).map_err(|_| {
        Error::invalid(
            "timeZone",
            "That time zone is not one Alongside knows. Please choose one from the list.",
        )
    })
}

impl ScheduleInput {
    pub fn validate(&self) -> Result<Schedule> {
        let date = crate::validate::day("startDate", &self.start_date)?;
        let time = parse_time("time", &self.time)?;
        let tz = parse_tz(&self.time_zone)?;
        let until = match self.end_date.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(crate::validate::day("endDate", s)?),
        };
        if let Some(u) = until {
            if u < date {
                return Err(Error::invalid(
                    "endDate",
                    "The end is before the start. Please choose an end on or after the first day.",
                ));
            }
        }
        match &self.repeat {
            Repeat::Weekly { days } if days.len() > 7 => {
                return Err(Error::invalid(
                    "repeat",
                    "Please choose each day of the week at most once.",
                ))
            }
            Repeat::Weekly { days } if days.is_empty() => {
                return Err(Error::invalid(
                    "repeat",
                    "Please choose at least one day of the week.",
                ))
            }
            Repeat::EveryNDays { n } if *n == 0 || *n > MAX_INTERVAL_DAYS => {
                return Err(Error::invalid(
                    "repeat",
                    format!("Please choose a number of days from 1 to {MAX_INTERVAL_DAYS}."),
                ))
            }
            Repeat::MonthlyOnDay { day } if !(1..=31).contains(day) => {
                return Err(Error::invalid(
                    "repeat",
                    "Please choose a day of the month from 1 to 31.",
                ))
            }
            Repeat::MonthlyOnWeekday { nth, .. } if !matches!(nth, 1..=4 | -1) => {
                return Err(Error::invalid(
                    "repeat",
                    "Please choose the first, second, third, fourth or last week.",
                ))
            }
            _ => {}
        }
        if date.format("%Y").to_string().parse::<i32>().unwrap_or(0) < 2000 {
            return Err(Error::invalid(
                "startDate",
                "Please check the year of the first day.",
            ));
        }
        let mut repeat = self.repeat.clone();
        if let Repeat::Weekly { days } = &mut repeat {
            days.sort();
            days.dedup();
        }
        Ok(Schedule {
            start: date.and_time(time),
            repeat,
            until,
            tz,
        })
    }
}

impl Schedule {
    /// The RRULE value (without "RRULE:"), with UNTIL as `until_text`.
    fn rule_value(&self, until_text: Option<String>) -> String {
        let mut parts: Vec<String> = match &self.repeat {
            Repeat::Once => vec!["FREQ=DAILY".into(), "COUNT=1".into()],
            Repeat::Daily => vec!["FREQ=DAILY".into()],
            Repeat::Weekdays => vec!["FREQ=WEEKLY".into(), "BYDAY=MO,TU,WE,TH,FR".into()],
            Repeat::Weekly { days } => vec![
                "FREQ=WEEKLY".into(),
                format!(
                    "BYDAY={}",
                    days.iter().map(|d| d.code()).collect::<Vec<_>>().join(",")
                ),
            ],
            Repeat::EveryNDays { n } => vec!["FREQ=DAILY".into(), format!("INTERVAL={n}")],
            Repeat::MonthlyOnDay { day } if *day > 28 => vec![
                "FREQ=MONTHLY".into(),
                // The day itself, or the month's last day when the month is shorter.
                format!(
                    "BYMONTHDAY={}",
                    (28..=*day)
                        .map(|d| d.to_string())
                        .collect::<Vec<_>>()
                        .join(",")
                ),
                "BYSETPOS=-1".into(),
            ],
            Repeat::MonthlyOnDay { day } => {
                vec!["FREQ=MONTHLY".into(), format!("BYMONTHDAY={day}")]
            }
            Repeat::MonthlyOnWeekday { nth, weekday } => {
                vec![
                    "FREQ=MONTHLY".into(),
                    format!("BYDAY={nth}{}", weekday.code()),
                ]
            }
        };
        if let (Some(u), false) = (until_text, self.repeat == Repeat::Once) {
            parts.push(format!("UNTIL={u}"));
        }
        parts.join(";")
    }

    /// The schedule as RFC 5545 text: DTSTART with its TZID, and the RRULE (UNTIL in UTC, as
    /// the RFC asks when DTSTART has a zone). This is what is stored and exported.
    pub fn to_rfc5545(&self) -> String {
        let until = self.until.map(|u| {
            resolve(
                self.tz,
                u.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or_default()),
            )
            .format("%Y%m%dT%H%M%SZ")
            .to_string()
        });
        format!(
            "DTSTART;TZID={}:{}\nRRULE:{}",
            self.tz.name(),
            self.start.format("%Y%m%dT%H%M%S"),
            self.rule_value(until)
        )
    }

    /// The rule evaluated in floating local time, for `rrule` to expand.
    fn floating(&self) -> Result<RRuleSet> {
        let until = self
            .until
            .map(|u| format!("{}T235959Z", u.format("%Y%m%d")));
        let text = format!(
            "DTSTART:{}Z\nRRULE:{}",
            self.start.format("%Y%m%dT%H%M%S"),
            self.rule_value(until)
        );
        RRuleSet::from_str(&text).map_err(|_| {
            Error::invalid(
                "repeat",
                "That schedule could not be understood. Please choose it again.",
            )
        })
    }

    /// Local occurrences strictly after `after` (local), up to `limit`.
    pub fn local_after(&self, after: NaiveDateTime, limit: u16) -> Result<Vec<NaiveDateTime>> {
        self.moved_before(after).expand_after(after, limit)
    }

    /// As [`Schedule::local_after`], expanding from the first day itself.
    pub(crate) fn expand_after(
        &self,
        after: NaiveDateTime,
        limit: u16,
    ) -> Result<Vec<NaiveDateTime>> {
        let from = rrule::Tz::UTC.from_utc_datetime(&(after + Duration::seconds(1)));
        Ok(self
            .floating()?
            .after(from)
            .all(limit)
            .dates
            .into_iter()
            .map(|d| d.naive_utc())
            .collect())
    }

    /// The first occurrence whose instant is strictly after `after`.
    pub fn next_after(&self, after: DateTime<Utc>) -> Option<Occurrence> {
        // Start a day early in local time: a skipped hour can move an occurrence forward, past
        // its local position, and the zone's offset is at most a day.
        let mut cursor = after.with_timezone(&self.tz).naive_local() - Duration::days(1);
        // Small batches: the answer is almost always among the first few, and each occurrence
        // expanded costs time on every listing. The reach stays 512 occurrences.
        for _ in 0..64 {
            let batch = self.local_after(cursor, 8).ok()?;
            for local in &batch {
                let at = resolve(self.tz, *local);
                if at > after {
                    return Some(Occurrence { local: *local, at });
                }
            }
            cursor = *batch.last()?;
        }
        None
    }
}

/// Places a local wall-clock time on the real timeline: the first of two when a change repeats
/// it, the first valid minute after it when a change skips it.
pub fn resolve(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    let mut t = local;
    // Gaps are at most a few hours; 24 hours covers any zone's history.
    for _ in 0..(24 * 60) {
        match tz.from_local_datetime(&t) {
            LocalResult::Single(d) => return d.with_timezone(&Utc),
            LocalResult::Ambiguous(first, _) => return first.with_timezone(&Utc),
            LocalResult::None => t += Duration::minutes(1),
        }
    }
    Utc.from_utc_datetime(&local)
}
