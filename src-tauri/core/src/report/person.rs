//! The report about the person the caregiver supports: its summary and its parts. It reads only
//! [`PersonData`], which holds nothing of the caregiver's own.

use chrono::{NaiveDate, NaiveDateTime};

use super::{
    count, day_words, empty, period_words, short_day, table, week_of, weeks, Dates, PersonSection,
    Report, ReportBar, ReportBlock, ReportSection, Valid,
};

/// How many upcoming appointments the summary lists questions for.
const UPCOMING_SHOWN: usize = 3;
/// How many days with warning signs the summary names.
const SIGN_DAYS_SHOWN: usize = 3;

pub struct NoticedRow {
    pub day: NaiveDate,
    pub signs: Vec<String>,
    pub note: Option<String>,
}

pub struct CheckinRow {
    pub day: NaiveDate,
    pub went: Option<u8>,
}

pub struct AppointmentRow {
    pub at: NaiveDateTime,
    pub with_whom: String,
    pub questions: Vec<String>,
    pub notes_after: Option<String>,
}

pub struct WinRow {
    pub day: NaiveDate,
    pub text: String,
}

/// What the person report is made from. Only what a ticked part needs is read.
#[derive(Default)]
pub struct PersonData {
    pub name: String,
    pub noticed: Vec<NoticedRow>,
    /// Check-ins in these dates and in the same number of days before, oldest first.
    pub checkins: Vec<CheckinRow>,
    pub appointments: Vec<AppointmentRow>,
    /// Appointments after today, soonest first.
    pub upcoming: Vec<AppointmentRow>,
    pub wins: Vec<WinRow>,
}

/// How a check-in went (1 to 5), in words.
fn went_words(v: f32) -> &'static str {
    match v.round() as u8 {
        0 | 1 => "hard",
        2 => "not easy",
        3 => "okay",
        4 => "well",
        _ => "really well",
    }
}

fn when_words(at: NaiveDateTime) -> String {
    format!("{}, {}", day_words(at.date()), at.format("%H:%M"))
}

pub fn person_report(v: &Valid<PersonSection>, data: &PersonData, region: Option<&str>) -> Report {
    let mut summary = Vec::new();
    let mut sections = Vec::new();
    for s in &v.sections {
        let (lines, section) = match s {
            PersonSection::WarningSigns => warning_signs(v.dates, data),
            PersonSection::Checkins => checkins(v.dates, data),
            PersonSection::Appointments => appointments(v.dates, data),
            PersonSection::Wins => wins(v.dates, data),
        };
        summary.extend(lines);
        sections.push(section);
    }
    Report {
        title: format!("About {}", data.name),
        subtitle: format!("Notes for {}'s care team", data.name),
        period: period_words(v.dates),
        summary,
        sections,
        footer: super::footer(region),
    }
}

fn warning_signs(d: Dates, data: &PersonData) -> (Vec<String>, ReportSection) {
    let mut rows: Vec<&NoticedRow> = data.noticed.iter().filter(|n| d.contains(n.day)).collect();
    rows.sort_by_key(|n| n.day);
    let mut lines = Vec::new();
    if rows.is_empty() {
        lines.push("No warning signs were written down in these dates.".to_owned());
    } else {
        let days = {
            let mut ds: Vec<NaiveDate> = rows.iter().map(|n| n.day).collect();
            ds.dedup();
            ds.len()
        };
        lines.push(format!(
            "Warning signs were noticed on {}.",
            count(days, "day", "days")
        ));
        for n in rows.iter().rev().take(SIGN_DAYS_SHOWN) {
            lines.push(format!("On {}: {}.", day_words(n.day), n.signs.join(", ")));
        }
    }
    let body = if rows.is_empty() {
        empty("No warning signs were written down in these dates.")
    } else {
        vec![table(
            &["Day", "Signs noticed", "Note"],
            rows.iter()
                .map(|n| {
                    vec![
                        day_words(n.day),
                        n.signs.join(", "),
                        n.note.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        )]
    };
    let section = ReportSection {
        heading: "Warning signs noticed".into(),
        intro: Some("The signs from the crisis plan that were noticed, and when.".into()),
        body,
    };
    (lines, section)
}

fn checkins(d: Dates, data: &PersonData) -> (Vec<String>, ReportSection) {
    let now: Vec<&CheckinRow> = data.checkins.iter().filter(|c| d.contains(c.day)).collect();
    let before = data
        .checkins
        .iter()
        .filter(|c| d.before().contains(c.day))
        .count();
    let n = now.len();
    let line = if n == 0 && before == 0 {
        "No check-ins were written down in these dates or in the same stretch of time before."
            .to_owned()
    } else {
        let change = match n.cmp(&before) {
            std::cmp::Ordering::Greater => "up from",
            std::cmp::Ordering::Less => "down from",
            std::cmp::Ordering::Equal => "the same as",
        };
        format!(
            "{} in these dates, {change} {before} in the {} days before.",
            count(n, "check-in", "check-ins"),
            d.days()
        )
    };
    let body = if now.is_empty() {
        empty("No check-ins were written down in these dates.")
    } else {
        let mut bars = Vec::new();
        let mut rows = Vec::new();
        for w in weeks(d) {
            let mine: Vec<&&CheckinRow> = now.iter().filter(|c| week_of(c.day) == w).collect();
            bars.push(ReportBar {
                label: short_day(w),
                value: mine.len() as f32,
            });
            let rated: Vec<f32> = mine.iter().filter_map(|c| c.went.map(f32::from)).collect();
            let went = if rated.is_empty() {
                "Not noted".to_owned()
            } else {
                let avg = rated.iter().sum::<f32>() / rated.len() as f32;
                format!("Mostly {}", went_words(avg))
            };
            if !mine.is_empty() {
                rows.push(vec![
                    format!("Week of {}", day_words(w)),
                    mine.len().to_string(),
                    went,
                ]);
            }
        }
        let max = bars.iter().map(|b| b.value).fold(1.0, f32::max);
        vec![
            ReportBlock::Chart {
                label: "Check-ins each week".into(),
                max,
                bars,
            },
            table(&["Week", "Check-ins", "How they went"], rows),
        ]
    };
    let section = ReportSection {
        heading: "Check-ins".into(),
        intro: Some("How often we checked in each week, and how it went.".into()),
        body,
    };
    (vec![line], section)
}

fn appointments(d: Dates, data: &PersonData) -> (Vec<String>, ReportSection) {
    let rows: Vec<&AppointmentRow> = data
        .appointments
        .iter()
        .filter(|a| d.contains(a.at.date()))
        .collect();
    let mut lines = vec![format!(
        "{} in these dates.",
        count(rows.len(), "appointment", "appointments")
    )];
    for a in data.upcoming.iter().take(UPCOMING_SHOWN) {
        if a.questions.is_empty() {
            lines.push(format!(
                "Coming up: {} on {}.",
                a.with_whom,
                day_words(a.at.date())
            ));
        } else {
            lines.push(format!(
                "Questions to ask {} on {}: {}",
                a.with_whom,
                day_words(a.at.date()),
                a.questions.join("; ")
            ));
        }
    }
    let body = if rows.is_empty() {
        empty("No appointments were written down in these dates.")
    } else {
        vec![table(
            &["When", "With", "Questions", "Notes afterwards"],
            rows.iter()
                .map(|a| {
                    vec![
                        when_words(a.at),
                        a.with_whom.clone(),
                        a.questions.join("; "),
                        a.notes_after.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        )]
    };
    let section = ReportSection {
        heading: "Appointments".into(),
        intro: Some("Appointments in these dates, with the questions and the notes.".into()),
        body,
    };
    (lines, section)
}

fn wins(d: Dates, data: &PersonData) -> (Vec<String>, ReportSection) {
    let rows: Vec<&WinRow> = data.wins.iter().filter(|w| d.contains(w.day)).collect();
    let line = if rows.is_empty() {
        "No small wins were written down in these dates.".to_owned()
    } else {
        format!(
            "{} written down in these dates.",
            count(rows.len(), "small win", "small wins")
        )
    };
    let body = if rows.is_empty() {
        empty("No small wins were written down in these dates.")
    } else {
        vec![table(
            &["Day", "What went well"],
            rows.iter()
                .map(|w| vec![day_words(w.day), w.text.clone()])
                .collect(),
        )]
    };
    let section = ReportSection {
        heading: "Small wins".into(),
        intro: Some("Good moments, big and small.".into()),
        body,
    };
    (vec![line], section)
}
