//! The report about the caregiver, for their own doctor: how stretched they have felt, their
//! self-checks (screening, not a diagnosis) and, if they wish, how much they handled.

use chrono::NaiveDate;

use super::{
    count, day_words, empty, period_words, short_day, table, week_of, weeks, Dates, MySection,
    Report, ReportBar, ReportBlock, ReportSection, Valid,
};
use crate::strain::SelfCheckResult;

/// Said wherever self-check results are shown.
pub const SCREENING: &str = "Self-checks are screening, not a diagnosis.";

#[derive(Default)]
pub struct MyData {
    pub caregiver_name: Option<String>,
    /// Daily strain (0 to 10) in these dates and the same number of days before, oldest first.
    pub strain: Vec<(NaiveDate, u8)>,
    /// Self-check results taken in these dates, with their local day, oldest first.
    pub self_checks: Vec<(NaiveDate, SelfCheckResult)>,
    /// Check-ins written down and appointments, for everyone supported, in these dates.
    pub checkins: usize,
    pub appointments: usize,
}

pub fn my_report(v: &Valid<MySection>, data: &MyData, region: Option<&str>) -> Report {
    let mut summary = Vec::new();
    let mut sections = Vec::new();
    for s in &v.sections {
        let (lines, section) = match s {
            MySection::Strain => strain(v.dates, data),
            MySection::SelfChecks => self_checks(data),
            MySection::Load => load(data),
        };
        summary.extend(lines);
        sections.push(section);
    }
    let subtitle = match &data.caregiver_name {
        Some(name) => format!("Notes from {name} for my own doctor"),
        None => "Notes for my own doctor".to_owned(),
    };
    Report {
        title: "About me".into(),
        subtitle,
        period: period_words(v.dates),
        summary,
        sections,
        footer: super::footer(region),
    }
}

fn average(xs: &[u8]) -> Option<f32> {
    (!xs.is_empty()).then(|| xs.iter().map(|x| f32::from(*x)).sum::<f32>() / xs.len() as f32)
}

fn strain(d: Dates, data: &MyData) -> (Vec<String>, ReportSection) {
    let now: Vec<(NaiveDate, u8)> = data
        .strain
        .iter()
        .copied()
        .filter(|(day, _)| d.contains(*day))
        .collect();
    let before: Vec<u8> = data
        .strain
        .iter()
        .filter(|(day, _)| d.before().contains(*day))
        .map(|(_, s)| *s)
        .collect();
    let values: Vec<u8> = now.iter().map(|(_, s)| *s).collect();
    let mut lines = Vec::new();
    match average(&values) {
        None => lines.push("There were no daily checks in these dates.".to_owned()),
        Some(avg) => {
            lines.push(format!(
                "I did my daily check on {} of the {} days.",
                values.len(),
                d.days()
            ));
            let then = match average(&before) {
                Some(b) if (avg - b).abs() < 0.5 => {
                    format!(", about the same as the {} days before ({b:.1})", d.days())
                }
                Some(b) if avg > b => {
                    format!(", higher than the {} days before ({b:.1})", d.days())
                }
                Some(b) => format!(", lower than the {} days before ({b:.1})", d.days()),
                None => String::new(),
            };
            lines.push(format!(
                "On average I felt {avg:.1} out of 10 stretched{then}."
            ));
        }
    }
    let body = if now.is_empty() {
        empty("There were no daily checks in these dates.")
    } else {
        let mut bars = Vec::new();
        let mut rows = Vec::new();
        for w in weeks(d) {
            let week: Vec<u8> = now
                .iter()
                .filter(|(day, _)| week_of(*day) == w)
                .map(|(_, s)| *s)
                .collect();
            let avg = average(&week);
            bars.push(ReportBar {
                label: short_day(w),
                value: avg.unwrap_or(0.0),
            });
            if let Some(avg) = avg {
                rows.push(vec![
                    format!("Week of {}", day_words(w)),
                    week.len().to_string(),
                    format!("{avg:.1}"),
                    week.iter().max().copied().unwrap_or(0).to_string(),
                ]);
            }
        }
        vec![
            ReportBlock::Chart {
                label: "Average strain each week (0 to 10)".into(),
                max: 10.0,
                bars,
            },
            table(&["Week", "Days checked", "Average", "Highest"], rows),
        ]
    };
    let section = ReportSection {
        heading: "How stretched I have felt".into(),
        intro: Some(
            "From my daily check: 0 means not stretched at all, 10 the most stretched.".into(),
        ),
        body,
    };
    (lines, section)
}

fn title(id: &str) -> String {
    crate::strain::instruments::get(id)
        .map(|i| i.title.clone())
        .unwrap_or_else(|_| id.to_owned())
}

fn self_checks(data: &MyData) -> (Vec<String>, ReportSection) {
    let mut lines = Vec::new();
    if data.self_checks.is_empty() {
        lines.push("No self-checks were taken in these dates.".to_owned());
    } else {
        // The newest result of each self-check.
        let mut seen = Vec::new();
        for (day, r) in data.self_checks.iter().rev() {
            if seen.contains(&r.instrument) {
                continue;
            }
            seen.push(r.instrument.clone());
            lines.push(format!(
                "{}: {} ({} of {}) on {}.",
                title(&r.instrument),
                r.score.band,
                r.score.total,
                r.score.max,
                day_words(*day)
            ));
        }
        lines.push(SCREENING.to_owned());
    }
    let body = if data.self_checks.is_empty() {
        empty("No self-checks were taken in these dates.")
    } else {
        vec![table(
            &["Day", "Self-check", "Score", "Result"],
            data.self_checks
                .iter()
                .map(|(day, r)| {
                    vec![
                        day_words(*day),
                        title(&r.instrument),
                        format!("{} of {}", r.score.total, r.score.max),
                        r.score.band.clone(),
                    ]
                })
                .collect(),
        )]
    };
    let section = ReportSection {
        heading: "My self-checks".into(),
        intro: Some(format!(
            "{SCREENING} They help me and my doctor talk about how I am."
        )),
        body,
    };
    (lines, section)
}

fn load(data: &MyData) -> (Vec<String>, ReportSection) {
    let line = format!(
        "In these dates I wrote down {} and kept track of {}.",
        count(data.checkins, "check-in", "check-ins"),
        count(data.appointments, "appointment", "appointments")
    );
    let body = if data.checkins == 0 && data.appointments == 0 {
        empty("No check-ins or appointments were written down in these dates.")
    } else {
        vec![table(
            &["What I handled", "How many"],
            vec![
                vec![
                    "Check-ins with the people I support".into(),
                    data.checkins.to_string(),
                ],
                vec![
                    "Appointments I kept track of".into(),
                    data.appointments.to_string(),
                ],
            ],
        )]
    };
    let section = ReportSection {
        heading: "What I have been handling".into(),
        intro: Some("The caring I did in these dates, as written down in Alongside.".into()),
        body,
    };
    (vec![line], section)
}
