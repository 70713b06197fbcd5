//! Reports a caregiver brings to an appointment: one about the person they support (for that
//! person's care team) and one about themselves (for their own doctor). A report is first a
//! render-independent model ([`Report`]), shown in the app as a preview, then a PDF drawn from
//! that same model (`pdf`).
//!
//! The caregiver's own strain, self-checks, self-care plan and listening reflections can never
//! appear in the report about the person: [`PersonSection`] has no such parts, and the person
//! report is built from `PersonSection`s only.

pub mod api;
mod layout;
mod me;
pub mod pdf;
mod person;
pub mod store;

use chrono::{Datelike, Duration, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// The longest stretch of time one report covers, in months.
pub const LONGEST_MONTHS: u32 = 24;

/// Which dates a report covers. The presets end today.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ReportPeriod {
    LastTwoWeeks,
    LastMonth,
    LastThreeMonths,
    /// Days as `YYYY-MM-DD`; both ends are included.
    Custom {
        from: String,
        to: String,
    },
}

/// The parts the caregiver may tick in the report about the person they support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PersonSection {
    WarningSigns,
    Checkins,
    Appointments,
    Wins,
}

/// The parts the caregiver may tick in the report about themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum MySection {
    Strain,
    SelfChecks,
    /// How many check-ins and appointments the caregiver handled.
    Load,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonReportRequest {
    pub person_id: i64,
    pub period: ReportPeriod,
    pub sections: Vec<PersonSection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MyReportRequest {
    pub period: ReportPeriod,
    pub sections: Vec<MySection>,
}

/// Which report to make, and what goes in it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(tag = "about", rename_all = "camelCase")]
pub enum ReportRequest {
    Person(PersonReportRequest),
    Me(MyReportRequest),
}

/// A report, ready to preview or to draw.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub title: String,
    /// Who the report is for, e.g. "Notes for Sam's care team".
    pub subtitle: String,
    /// The dates in words: "3 September 2026 to 3 December 2026".
    pub period: String,
    /// Plain sentences on what changed over these dates: the first page.
    pub summary: Vec<String>,
    pub sections: Vec<ReportSection>,
    /// The line at the foot of every page: the emergency number for the caregiver's region.
    pub footer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportSection {
    pub heading: String,
    pub intro: Option<String>,
    pub body: Vec<ReportBlock>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ReportBlock {
    Table {
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// Bars, one per week, on a scale from 0 to `max`.
    Chart {
        label: String,
        max: f32,
        bars: Vec<ReportBar>,
    },
    /// What an empty section says instead of an empty table.
    Empty { text: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportBar {
    pub label: String,
    pub value: f32,
}

/// Where a saved report went: its file's name and the folder it is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedReport {
    pub file_name: String,
    pub folder: String,
}

/// The first and last day of a report (both included), checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dates {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Dates {
    pub fn days(self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    pub fn contains(self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    /// The same number of days just before, to compare with.
    pub fn before(self) -> Dates {
        let to = self.from - Duration::days(1);
        Dates {
            from: to - Duration::days(self.days() - 1),
            to,
        }
    }
}

impl ReportPeriod {
    /// The dates this period covers as of `today`, or a caregiver-worded reason it cannot be used.
    pub fn resolve(&self, today: NaiveDate) -> Result<Dates> {
        let back = |months: u32| {
            today
                .checked_sub_months(Months::new(months))
                .unwrap_or(today)
        };
        let dates = match self {
            ReportPeriod::LastTwoWeeks => Dates {
                from: today - Duration::days(13),
                to: today,
            },
            ReportPeriod::LastMonth => Dates {
                from: back(1) + Duration::days(1),
                to: today,
            },
            ReportPeriod::LastThreeMonths => Dates {
                from: back(3) + Duration::days(1),
                to: today,
            },
            ReportPeriod::Custom { from, to } => {
                let from = crate::validate::day("from", from)?;
                let to = crate::validate::day("to", to)?;
                if from > to {
                    return Err(Error::invalid(
                        "to",
                        "The last day comes before the first day. Please swap them round.",
                    ));
                }
                if to > today {
                    return Err(Error::invalid(
                        "to",
                        "The last day can't be in the future. Please choose today or earlier.",
                    ));
                }
                let earliest = to
                    .checked_sub_months(Months::new(LONGEST_MONTHS))
                    .unwrap_or(to);
                if from < earliest {
                    return Err(Error::invalid(
                        "from",
                        "A report can cover up to two years. Please choose a later first day.",
                    ));
                }
                Dates { from, to }
            }
        };
        Ok(dates)
    }
}

/// The ticked parts in report order, each once; at least one.
fn chosen<T: Copy + Ord>(sections: &[T]) -> Result<Vec<T>> {
    let mut out = sections.to_vec();
    out.sort();
    out.dedup();
    if out.is_empty() {
        return Err(Error::invalid(
            "sections",
            "Please tick at least one part to put in the report.",
        ));
    }
    Ok(out)
}

/// A checked request: the dates and the ticked parts, in order.
pub struct Valid<T> {
    pub dates: Dates,
    pub sections: Vec<T>,
}

impl PersonReportRequest {
    pub fn validate(&self, today: NaiveDate) -> Result<Valid<PersonSection>> {
        Ok(Valid {
            dates: self.period.resolve(today)?,
            sections: chosen(&self.sections)?,
        })
    }
}

impl MyReportRequest {
    pub fn validate(&self, today: NaiveDate) -> Result<Valid<MySection>> {
        Ok(Valid {
            dates: self.period.resolve(today)?,
            sections: chosen(&self.sections)?,
        })
    }
}

/// A day in plain words: "3 December 2026".
pub fn day_words(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// A day in few words, for a chart's labels: "3 Dec".
fn short_day(d: NaiveDate) -> String {
    d.format("%-d %b").to_string()
}

pub fn period_words(d: Dates) -> String {
    if d.from == d.to {
        day_words(d.from)
    } else {
        format!("{} to {}", day_words(d.from), day_words(d.to))
    }
}

/// The footer: the emergency number of the caregiver's region (the fallback region when none).
pub fn footer(region: Option<&str>) -> String {
    let help = crate::crisis::help_for(region.unwrap_or(crate::crisis::FALLBACK_REGION));
    match &help.region.emergency_note {
        Some(note) => format!(
            "In an emergency, call {}. {}",
            help.region.emergency,
            note.trim()
        ),
        None => format!("In an emergency, call {}.", help.region.emergency),
    }
}

/// "1 check-in", "3 check-ins".
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The Monday of each week that touches `d`, oldest first.
fn weeks(d: Dates) -> Vec<NaiveDate> {
    let monday = |x: NaiveDate| x - Duration::days(i64::from(x.weekday().num_days_from_monday()));
    let mut out = Vec::new();
    let mut w = monday(d.from);
    while w <= d.to {
        out.push(w);
        w += Duration::days(7);
    }
    out
}

fn week_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

fn empty(text: &str) -> Vec<ReportBlock> {
    vec![ReportBlock::Empty { text: text.into() }]
}

fn table(columns: &[&str], rows: Vec<Vec<String>>) -> ReportBlock {
    ReportBlock::Table {
        columns: columns.iter().map(|c| (*c).to_owned()).collect(),
        rows,
    }
}

pub(crate) use me::MyData;
pub(crate) use person::{AppointmentRow, PersonData};

#[cfg(test)]
mod tests;
