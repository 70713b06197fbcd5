//! Small wins: a log of progress, any effort counts. Adding one takes seconds; the timeline
//! groups them by month and week, searches them, and celebrates milestones (never streaks).

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::search::Segment;
use crate::validate::{day, optional_day, optional_lines, optional_text, required_text};

pub mod api;
pub mod store;

pub const TEXT_MAX: usize = 500;
pub const NOTE_MAX: usize = 2000;
pub const TAG_MAX: usize = 40;
pub const TAGS_PER_WIN_MAX: usize = 10;
/// A page of the timeline.
pub const PAGE_SIZE: u32 = 50;

/// Counts worth a gentle celebration. No streaks: only totals, which never go down.
pub const MILESTONES: [u32; 10] = [10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WinInput {
    pub person_id: i64,
    pub text: String,
    /// The local day it happened, YYYY-MM-DD.
    pub happened_on: String,
    #[serde(default)]
    pub tags: Vec<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidWin {
    pub person_id: i64,
    pub text: String,
    pub happened_on: NaiveDate,
    pub tags: Vec<String>,
    pub note: Option<String>,
}

impl WinInput {
    /// `today` is the caregiver's local date: a win cannot be in the future.
    pub fn validate(&self, today: NaiveDate) -> Result<ValidWin> {
        let text = required_text("text", &self.text, TEXT_MAX, "what happened")?;
        let note = optional_lines("note", self.note.as_deref(), NOTE_MAX, "the note")?;
        let happened_on = day("happenedOn", &self.happened_on)?;
        if happened_on > today {
            return Err(Error::invalid(
                "happenedOn",
                "That date is in the future. Please choose today or an earlier day.",
            ));
        }
        // The count first: a caller's list is never longer than the limit when it is read.
        if self.tags.len() > TAGS_PER_WIN_MAX {
            return Err(too_many_tags());
        }
        let mut tags: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for t in &self.tags {
            let t = required_text("tags", t, TAG_MAX, "a tag name")?;
            if seen.insert(t.to_lowercase()) {
                tags.push(t);
            }
        }
        Ok(ValidWin {
            person_id: self.person_id,
            text,
            happened_on,
            tags,
            note,
        })
    }
}

fn too_many_tags() -> Error {
    Error::invalid(
        "tags",
        format!("Please choose at most {TAGS_PER_WIN_MAX} tags for one win."),
    )
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Win {
    pub id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub happened_on: String,
    pub text: String,
    pub note: Option<String>,
    pub tags: Vec<String>,
    /// The text with search matches marked, when listed for a search.
    pub text_marked: Option<Vec<Segment>>,
    pub note_marked: Option<Vec<Segment>>,
}

/// Which wins to show. Every part is optional.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WinFilter {
    pub person_id: Option<i64>,
    pub tag: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub search: Option<String>,
}

/// A filter after validation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValidFilter {
    pub person_id: Option<i64>,
    pub tag: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// An FTS5 query built from the caregiver's words.
    pub fts: Option<String>,
    /// The words as typed, for marking matches.
    pub search_words: Option<String>,
}

impl WinFilter {
    pub fn validate(&self) -> Result<ValidFilter> {
        let from = optional_day("from", self.from.as_deref())?;
        let to = optional_day("to", self.to.as_deref())?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(Error::invalid(
                    "to",
                    "The end date is before the start date.",
                ));
            }
        }
        let search = optional_text(
            "search",
            self.search.as_deref(),
            crate::learn::QUERY_MAX,
            "your search",
        )?;
        Ok(ValidFilter {
            person_id: self.person_id,
            tag: optional_text("tag", self.tag.as_deref(), TAG_MAX, "the tag")?,
            from,
            to,
            fts: search.as_deref().and_then(crate::search::fts_all_words),
            search_words: search.filter(|s| crate::search::fts_all_words(s).is_some()),
        })
    }
}

/// Where the next page starts: after this win in newest-first order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Cursor {
    pub happened_on: String,
    pub id: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PeriodCount {
    /// "2026-11" for a month, or the Monday "2026-11-16" for a week.
    pub period: String,
    pub count: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WinPage {
    pub wins: Vec<Win>,
    pub next: Option<Cursor>,
    /// How many wins match the filter in each month and week shown on this page.
    pub months: Vec<PeriodCount>,
    pub weeks: Vec<PeriodCount>,
}

/// What adding a win brings: the win, and a milestone when the total just reached one.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Added {
    pub win: Win,
    pub total: u32,
    pub milestone: Option<u32>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OnThisDay {
    pub month_ago: Vec<Win>,
    pub year_ago: Vec<Win>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Tag {
    pub id: i64,
    pub name: String,
}

/// Where an export was saved.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Exported {
    pub path: String,
    pub count: u32,
}

pub fn milestone_reached(total: u32) -> Option<u32> {
    MILESTONES.contains(&total).then_some(total)
}

/// The Monday that starts the week of `day`.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The days "On this day" looks back to. Month ends clamp (31 March looks back to 28 or 29
/// February); 29 February looks back to 28 February a year ago.
pub fn on_this_day(today: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let month = today.checked_sub_months(chrono::Months::new(1));
    let year = today.checked_sub_months(chrono::Months::new(12));
    (month, year)
}

/// One CSV cell, safe to open in a spreadsheet: text that starts like a formula is prefixed with
/// an apostrophe so it shows as text instead of running.
pub fn csv_safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The wins as CSV that opens in any spreadsheet: date, person, what happened, tags, note.
pub fn to_csv(wins: &[Win]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |_| {
        Error::invalid(
            "export",
            "The export could not be prepared. Please try again.",
        )
    };
    w.write_record(["Date", "Person", "What happened", "Tags", "Note"])
        .map_err(fail)?;
    for win in wins {
        w.write_record([
            win.happened_on.as_str(),
            &csv_safe(&win.person_name),
            &csv_safe(&win.text),
            &csv_safe(&win.tags.join("; ")),
            &csv_safe(win.note.as_deref().unwrap_or("")),
        ])
        .map_err(fail)?;
    }
    let bytes = w.into_inner().map_err(|_| {
        Error::invalid(
            "export",
            "The export could not be prepared. Please try again.",
        )
    })?;
    String::from_utf8(bytes).map_err(|_| {
        Error::invalid(
            "export",
            "The export could not be prepared. Please try again.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_commas_quotes_and_new_lines() {
        let win = Win {
            id: 1,
            person_id: 1,
            person_name: "Sam".into(),
            happened_on: "2026-11-20".into(),
            text: "Said \"thanks\", then laughed".into(),
            note: Some("line one\nline two".into()),
            tags: vec!["social".into(), "self-care".into()],
            text_marked: None,
            note_marked: None,
        };
        let csv = to_csv(&[win]).expect("csv");
        assert_eq!(
            csv,
            "Date,Person,What happened,Tags,Note\n2026-11-20,Sam,\"Said \"\"thanks\"\", then laughed\",social; self-care,\"line one\nline two\"\n"
        );
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn input(text: &str, on: &str) -> WinInput {
        WinInput {
            person_id: 1,
            text: text.into(),
            happened_on: on.into(),
            tags: vec![],
            note: None,
        }
    }

    #[test]
    fn a_win_needs_words_and_a_day_that_is_not_in_the_future() {
        let today = day("2026-11-22");
        let v = input("  Went for a walk ", "2026-11-22")
            .validate(today)
            .expect("ok");
        assert_eq!(v.text, "Went for a walk");
        assert!(input("Earlier", "2025-01-05").validate(today).is_ok());
        let e = input("", "2026-11-22").validate(today).expect_err("empty");
        assert_eq!(e.caregiver_message(), "Please add what happened.");
        let e = input("Tomorrow", "2026-11-23")
            .validate(today)
            .expect_err("future");
        assert!(e.caregiver_message().contains("in the future"));
        let e = input("x", "22/11/2026")
            .validate(today)
            .expect_err("format");
        assert!(e.caregiver_message().contains("date"));
        let e = input(&"x".repeat(20_000), "2026-11-22")
            .validate(today)
            .expect_err("long");
        assert!(e.caregiver_message().contains("500 characters"));
    }

    #[test]
    fn tags_are_trimmed_deduplicated_and_bounded() {
        let today = day("2026-11-22");
        let mut w = input("Walk", "2026-11-22");
        w.tags = vec![" social ".into(), "Social".into(), "self-care".into()];
        assert_eq!(
            w.validate(today).expect("ok").tags,
            vec!["social", "self-care"]
        );
        w.tags = (0..11).map(|i| format!("t{i}")).collect();
        assert!(w.validate(today).is_err());
        w.tags = vec![" ".into()];
        assert!(w.validate(today).is_err());
    }

    #[test]
    fn milestones_are_totals_not_streaks() {
        assert_eq!(milestone_reached(10), Some(10));
        assert_eq!(milestone_reached(11), None);
        assert_eq!(milestone_reached(100), Some(100));
        assert_eq!(milestone_reached(0), None);
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_start(day("2026-11-22")), day("2026-11-16")); // a Sunday
        assert_eq!(week_start(day("2026-11-16")), day("2026-11-16"));
    }

    #[test]
    fn on_this_day_handles_short_months_and_leap_days() {
        assert_eq!(
            on_this_day(day("2026-11-22")),
            (Some(day("2026-10-22")), Some(day("2025-11-22")))
        );
        assert_eq!(on_this_day(day("2026-03-31")).0, Some(day("2026-02-28")));
        assert_eq!(on_this_day(day("2028-02-29")).1, Some(day("2027-02-28")));
    }

    #[test]
    fn filters_check_their_dates() {
        let f = WinFilter {
            from: Some("2026-11-10".into()),
            to: Some("2026-11-01".into()),
            ..Default::default()
        };
        assert!(f.validate().is_err());
        let f = WinFilter {
            search: Some("  walk ".into()),
            tag: Some(" ".into()),
            ..Default::default()
        };
        let v = f.validate().expect("ok");
        assert_eq!(v.fts.as_deref(), Some("\"walk\"*"));
        assert_eq!(v.tag, None);
    }

    #[test]
    fn csv_cells_never_run_as_formulas() {
        assert_eq!(csv_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_safe("-2 kg"), "'-2 kg");
        assert_eq!(csv_safe("Went outside"), "Went outside");
    }
}
