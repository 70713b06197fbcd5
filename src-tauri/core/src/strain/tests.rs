//! Scoring vectors, the PHQ-9 item 9 rule, the trend rule, and storage.

use chrono::NaiveDate;

use super::instruments::{self, Instrument};
use super::*;
use crate::db::open_in_memory;
use crate::error::ErrorCode;

const NOW: &str = "2026-11-22T10:00:00Z";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn field(e: Error) -> &'static str {
    assert_eq!(e.code(), ErrorCode::InvalidInput, "{e:?}");
    match e {
        Error::Invalid { field, .. } => field.expect("field"),
        _ => unreachable!(),
    }
}

fn inst(id: &str) -> &'static Instrument {
    instruments::get(id).expect("instrument ships")
}

fn answered(v: &[u8]) -> Vec<Option<u8>> {
    v.iter().map(|x| Some(*x)).collect()
}

#[test]
fn every_instrument_file_parses_and_is_complete() {
    let files = instruments::files();
    let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert!(files.len() >= 4, "{names:?}");
    for (path, text) in files {
        let i = instruments::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(
            path,
            format!("{}.toml", i.id),
            "the file is named after its id"
        );
        for (what, s) in [
            ("title", &i.title),
            ("recall", &i.recall),
            ("stem", &i.stem),
            ("attribution", &i.attribution),
            ("licence", &i.licence),
            ("note", &i.note),
        ] {
            assert!(!s.trim().is_empty(), "{path}: {what}");
        }
        assert!(
            i.note.to_lowercase().contains("not a diagnosis")
                || i.note.to_lowercase().contains("not a test"),
            "{path}: says it is a screening, not a diagnosis"
        );
        assert!(!i.items.is_empty() && i.answers.len() >= 2, "{path}");
        // Bands tile 0..=max with no gap or overlap, and grow in severity.
        let mut next = 0;
        for (n, b) in i.bands.iter().enumerate() {
            assert_eq!(
                b.min, next,
                "{path}: band {} starts where the last ended",
                b.label
            );
            assert!(b.max >= b.min, "{path}: {}", b.label);
            assert_eq!(b.level as usize, n, "{path}: levels count up");
            assert!(
                !b.guidance.trim().is_empty() && b.steps.len() >= 2,
                "{path}: {} leads somewhere",
                b.label
            );
            next = b.max + 1;
        }
        assert_eq!(next, i.max_total() + 1, "{path}: bands reach the maximum");
        for s in &i.subscales {
            assert!(
                s.items.iter().all(|n| *n >= 1 && *n <= i.items.len()),
                "{path}: {}",
                s.id
            );
            if let Some(o) = &s.offer {
                assert!(
                    instruments::get(o).is_ok(),
                    "{path}: offers {o}, which ships"
                );
            }
        }
        assert!(!i.vectors.is_empty(), "{path} ships with test vectors");
    }
    assert_eq!(instruments::all().len(), instruments::files().len());
}

#[test]
fn every_vector_scores_exactly_as_published() {
    let mut n = 0;
    for i in instruments::all() {
        for v in &i.vectors {
            let answers = i
                .check_answers(&answered(&v.answers))
                .expect("vector answers are valid");
            let s = i.score(&answers);
            assert_eq!(s.total, v.total, "{} {:?} total", i.id, v.answers);
            assert_eq!(s.band, v.band, "{} {:?} band", i.id, v.answers);
            assert_eq!(s.positive, v.positive, "{} {:?} positive", i.id, v.answers);
            assert_eq!(s.crisis, v.crisis, "{} {:?} crisis", i.id, v.answers);
            assert_eq!(
                s.offer_help,
                v.offer_help || v.crisis,
                "{} {:?} offers help",
                i.id,
                v.answers
            );
            n += 1;
        }
        // Every band boundary is covered by a vector.
        for b in &i.bands {
            for edge in [b.min, b.max] {
                assert!(
                    i.vectors.iter().any(|v| v.total == edge),
                    "{}: a vector at the {} boundary {edge}",
                    i.id,
                    b.label
                );
            }
        }
    }
    assert!(n >= 30, "{n} vectors");
}

#[test]
fn the_published_examples_hold() {
    // From REFERENCE.md (the awell-score test files).
    let phq4 = inst("phq4");
    let s = phq4.score(&[0, 1, 3, 1]);
    assert_eq!((s.total, s.band.as_str()), (5, "Mild"));
    assert_eq!(s.positive, vec!["depression".to_owned()]);
    assert_eq!(phq4.score(&[2, 1, 2, 1]).band, "Moderate");
    let phq9 = inst("phq9");
    let s = phq9.score(&[3, 0, 1, 2, 0, 0, 1, 0, 3]);
    assert_eq!((s.total, s.band.as_str(), s.crisis), (10, "Moderate", true));
    let gad7 = inst("gad7");
    assert_eq!(gad7.score(&[3, 0, 1, 2, 0, 0, 1]).band, "Mild");
    let s = gad7.score(&[3; 7]);
    assert_eq!((s.total, s.band.as_str()), (21, "Severe"));
}

#[test]
fn phq9_item_nine_above_zero_always_means_crisis_help() {
    let phq9 = inst("phq9");
    assert!(phq9.crisis_message.is_some());
    let crisis_items: Vec<usize> = phq9
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.crisis)
        .map(|(n, _)| n + 1)
        .collect();
    assert_eq!(crisis_items, vec![9]);
    for v in 1..=3 {
        let mut a = [0u8; 9];
        a[8] = v;
        let s = phq9.score(&a);
        assert!(s.crisis, "item 9 = {v}");
        assert_eq!(s.band, "Minimal", "even with a low total");
    }
    let s = phq9.score(&[3, 3, 3, 3, 3, 3, 3, 3, 0]);
    assert!(!s.crisis, "a high total alone is not the item 9 rule");
    // No other instrument has a crisis item.
    for i in instruments::all().iter().filter(|i| i.id != "phq9") {
        assert!(i.items.iter().all(|x| !x.crisis), "{}", i.id);
    }
}

#[test]
fn phq4_pairs_are_positive_at_three() {
    let phq4 = inst("phq4");
    assert!(phq4.score(&[1, 1, 1, 1]).positive.is_empty());
    assert_eq!(
        phq4.score(&[2, 1, 0, 2]).positive,
        vec!["anxiety".to_owned()]
    );
    assert_eq!(
        phq4.score(&[3, 0, 0, 3]).positive,
        vec!["anxiety".to_owned(), "depression".to_owned()]
    );
    let offers: Vec<_> = phq4
        .subscales
        .iter()
        .filter_map(|s| s.offer.as_deref())
        .collect();
    assert_eq!(offers, ["gad7", "phq9"]);
}

/// Words that reassure: right for a low band, wrong beside thoughts of death or self-harm.
const REASSURING: [&str; 6] = [
    "good to hear",
    "few signs",
    "in a few weeks",
    "keep doing what helps",
    "often gets better",
    "common",
];

#[test]
fn every_instrument_with_a_crisis_item_has_crisis_words_and_guidance() {
    let with_crisis: Vec<&Instrument> = instruments::all()
        .iter()
        .filter(|i| i.has_crisis_item())
        .collect();
    assert!(!with_crisis.is_empty(), "the PHQ-9 has one");
    for i in with_crisis {
        let message = i.crisis_message.as_deref().unwrap_or_default();
        assert!(!message.trim().is_empty(), "{}: a crisis message", i.id);
        let g = i
            .crisis_guidance
            .as_ref()
            .unwrap_or_else(|| panic!("{}: crisis guidance next to the bands", i.id));
        assert!(
            !g.guidance.trim().is_empty() && g.steps.len() >= 3,
            "{}",
            i.id
        );
        let all = format!("{} {}", g.guidance, g.steps.join(" ")).to_lowercase();
        for words in REASSURING {
            assert!(
                !all.contains(words),
                "{}: crisis guidance says {words:?}",
                i.id
            );
        }
        // It points to today, to the caregiver's own doctor, and to the lines.
        for needed in ["today", "doctor", "crisis line", "emergency"] {
            assert!(
                all.contains(needed),
                "{}: crisis guidance names {needed:?}",
                i.id
            );
        }
    }
    // Guidance for a crisis only makes sense where a crisis item exists.
    for i in instruments::all().iter().filter(|i| !i.has_crisis_item()) {
        assert!(i.crisis_guidance.is_none(), "{}", i.id);
    }
}

#[test]
fn the_band_text_a_crisis_replaces_would_have_reassured() {
    // The case the guidance exists for: item 9 alone, in the lowest band.
    let phq9 = inst("phq9");
    let s = phq9.score(&[0, 0, 0, 0, 0, 0, 0, 0, 1]);
    assert!(s.crisis && s.offer_help);
    let band = phq9.band(&s.band).expect("band");
    let text = format!("{} {}", band.guidance, band.steps.join(" ")).to_lowercase();
    assert!(
        REASSURING.iter().any(|w| text.contains(w)),
        "the Minimal band reassures, so it must give way: {text}"
    );
}

#[test]
fn the_burnout_check_offers_help_for_hopelessness_and_many_signs() {
    let b = inst("burnout");
    let hopeless = b
        .items
        .iter()
        .position(|i| i.text.contains("hopeless"))
        .expect("a hopelessness statement");
    assert_eq!(b.items[hopeless].offer_help_at, Some(2), "at \"Often\"");
    assert!(
        !b.has_crisis_item(),
        "it offers help gently; it does not open it at once"
    );
    let mut answers = vec![0u8; b.items.len()];
    answers[hopeless] = 1;
    assert!(
        !b.score(&answers).offer_help,
        "\"Sometimes\" is not the rule"
    );
    answers[hopeless] = 2;
    let s = b.score(&answers);
    assert!(s.offer_help && !s.crisis, "\"Often\" offers help");
    assert_eq!(s.band, "Few signs", "even with a low total");
    // "Many signs" offers help whatever the answers; the other bands do not.
    for band in &b.bands {
        assert_eq!(
            band.offer_help,
            band.label == "Many signs",
            "{}",
            band.label
        );
    }
    let s = b.score(&[2, 2, 2, 2, 2, 0, 2, 0, 0, 0]);
    assert!(s.offer_help && s.band == "Many signs");
    assert!(!b.score(&[1; 10]).offer_help);
}

#[test]
fn the_burnout_check_is_ours_and_names_what_drove_it() {
    let b = inst("burnout");
    assert!(!b.validated, "never presented as validated");
    assert!(b.items.len() >= 8 && b.items.iter().all(|i| i.driver.is_some()));
    let mut answers = vec![0u8; b.items.len()];
    assert!(b.score(&answers).drivers.is_empty());
    answers[1] = 1;
    answers[3] = 1;
    let s = b.score(&answers);
    assert_eq!(
        s.drivers,
        vec![
            b.items[1].driver.clone().expect("d"),
            b.items[3].driver.clone().expect("d")
        ],
        "with nothing 'often', the 'sometimes' answers drove it"
    );
    answers[5] = 2;
    let s = b.score(&answers);
    assert_eq!(
        s.drivers,
        vec![b.items[5].driver.clone().expect("d")],
        "'often' comes first"
    );
}

#[test]
fn missing_wrong_and_out_of_range_answers_get_clear_words() {
    let phq4 = inst("phq4");
    let e = phq4
        .check_answers(&[Some(0), None, Some(1), None])
        .expect_err("missing");
    assert!(e.to_string().contains("questions 2, 4"), "{e}");
    assert_eq!(field(e), "answers");
    let e = phq4
        .check_answers(&[Some(0), Some(4), Some(1), Some(0)])
        .expect_err("range");
    assert!(e.to_string().contains("question 2"), "{e}");
    let e = phq4
        .check_answers(&answered(&[0, 1, 2]))
        .expect_err("count");
    assert!(e.to_string().contains("4 questions"), "{e}");
    assert_eq!(
        instruments::get("zarit").expect_err("not shipped").code(),
        ErrorCode::NotFound
    );
}

fn check(d: &str, strain: i64) -> DailyCheckInput {
    DailyCheckInput {
        day: d.into(),
        strain: Some(strain),
        sleep: Some(Sleep::Okay),
        sleep_hours: None,
        for_myself: Some(true),
        note: None,
        replace: false,
    }
}

#[test]
fn a_daily_check_is_validated() {
    let today = day("2026-11-22");
    assert!(check("2026-11-22", 0).validate(today).is_ok());
    assert!(check("2026-11-22", 10).validate(today).is_ok());
    assert_eq!(
        field(check("2026-11-22", 11).validate(today).expect_err("11")),
        "strain"
    );
    assert_eq!(
        field(check("2026-11-22", -1).validate(today).expect_err("-1")),
        "strain"
    );
    let mut c = check("2026-11-22", 3);
    c.strain = None;
    assert_eq!(field(c.validate(today).expect_err("none")), "strain");
    assert_eq!(
        field(check("2026-11-23", 3).validate(today).expect_err("future")),
        "day"
    );
    let mut c = check("2026-11-22", 3);
    c.sleep_hours = Some(25.0);
    assert_eq!(field(c.validate(today).expect_err("hours")), "sleepHours");
    c.sleep_hours = Some(f64::NAN);
    assert_eq!(field(c.validate(today).expect_err("nan")), "sleepHours");
    let mut c = check("2026-11-22", 3);
    c.for_myself = None;
    assert_eq!(field(c.validate(today).expect_err("yes/no")), "forMyself");
}

#[test]
fn one_daily_check_a_day_and_answering_again_edits_it() {
    let conn = open_in_memory().expect("db");
    let today = day("2026-11-22");
    let first = check("2026-11-22", 4).validate(today).expect("valid");
    store::save_daily_check(&conn, &first, NOW).expect("save");
    // A second new entry for the day is refused and changes nothing.
    let again = check("2026-11-22", 9).validate(today).expect("valid");
    assert_eq!(
        field(store::save_daily_check(&conn, &again, NOW).expect_err("dup")),
        "day"
    );
    assert_eq!(
        store::daily_check(&conn, today)
            .expect("get")
            .expect("one")
            .strain,
        4
    );
    // Answering again on purpose edits it.
    let mut edit = check("2026-11-22", 7);
    edit.replace = true;
    edit.note = Some("Long day".into());
    store::save_daily_check(&conn, &edit.validate(today).expect("valid"), NOW).expect("edit");
    let got = store::daily_check(&conn, today).expect("get").expect("one");
    assert_eq!((got.strain, got.note.as_deref()), (7, Some("Long day")));
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM daily_checks", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 1);
}

fn days(from: &str, strains: &[u8]) -> Vec<(NaiveDate, u8)> {
    let start = day(from);
    strains
        .iter()
        .enumerate()
        .map(|(i, s)| (start + chrono::Duration::days(i as i64), *s))
        .collect()
}

#[test]
fn the_seven_day_average_follows_the_entries() {
    let series = strain_series(&days("2026-11-01", &[2, 4, 6, 8, 10, 0, 0, 4]));
    assert_eq!(series.len(), 8);
    assert_eq!(series[0].average7, 2.0);
    assert_eq!(series[1].average7, 3.0);
    // (2+4+6+8+10+0+0)/7 = 4.29.
    assert_eq!(series[6].average7, 4.3);
    // Day 8 drops day 1 from its window: (4+6+8+10+0+0+4)/7 = 4.57.
    assert_eq!(series[7].average7, 4.6);
    // Gaps: only the entries inside the 7 days count.
    let sparse = strain_series(&[(day("2026-11-01"), 9), (day("2026-11-10"), 3)]);
    assert_eq!(sparse[1].average7, 3.0);
}

#[test]
fn a_rise_of_two_points_week_on_week_brings_a_gentle_prompt() {
    let today = day("2026-11-14");
    // Days 1-7 average 3; days 8-14 average 5: up 2.
    let mut checks = days("2026-11-01", &[3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5]);
    let p = trend_prompt(&checks, today, &[]).expect("prompt");
    assert_eq!(p.kind, PromptKind::StrainRising);
    assert!(
        p.message.contains("5.0") && p.message.contains("3.0"),
        "{}",
        p.message
    );
    assert!(!p.next_step.is_empty());
    // Up 1.9: nothing said.
    checks = days("2026-11-01", &[3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 4]);
    assert!(
        (checks[7..].iter().map(|c| f64::from(c.1)).sum::<f64>() / 7.0) - 3.0 < 2.0,
        "the fixture is below the threshold"
    );
    assert_eq!(trend_prompt(&checks, today, &[]), None);
    // Too few entries in a week to compare: nothing said.
    let few = vec![
        (day("2026-11-02"), 1),
        (day("2026-11-03"), 1),
        (day("2026-11-12"), 9),
        (day("2026-11-13"), 9),
        (day("2026-11-14"), 9),
    ];
    assert_eq!(trend_prompt(&few, today, &[]), None);
    // Falling strain: nothing said.
    let falling = days("2026-11-01", &[8, 8, 8, 8, 8, 8, 8, 2, 2, 2, 2, 2, 2, 2]);
    assert_eq!(trend_prompt(&falling, today, &[]), None);
}

#[test]
fn a_worse_band_than_last_time_brings_a_gentle_prompt() {
    let today = day("2026-11-22");
    let p = trend_prompt(&[], today, &[("PHQ-4".into(), 2, 1)]).expect("prompt");
    assert_eq!(p.kind, PromptKind::WorseBand);
    assert!(p.message.contains("PHQ-4"));
    assert_eq!(trend_prompt(&[], today, &[("PHQ-4".into(), 1, 1)]), None);
    assert_eq!(trend_prompt(&[], today, &[("PHQ-4".into(), 0, 2)]), None);
}

#[test]
fn a_self_check_is_due_every_two_weeks() {
    let today = day("2026-11-22");
    let start = Some(day("2026-01-01"));
    assert!(!self_check_due(Some(day("2026-11-09")), start, today));
    assert!(self_check_due(Some(day("2026-11-08")), start, today));
}

#[test]
fn a_new_caregiver_is_not_asked_for_a_self_check_in_their_first_week() {
    let today = day("2026-11-22");
    // Set up today, or six days ago: not yet.
    assert!(!self_check_due(None, Some(today), today));
    assert!(!self_check_due(None, Some(day("2026-11-16")), today));
    // A week after setting up, the first gentle invitation.
    assert!(self_check_due(None, Some(day("2026-11-15")), today));
    // A taken self-check decides from then on, however long ago setup was.
    assert!(!self_check_due(
        Some(day("2026-11-20")),
        Some(day("2026-01-01")),
        today
    ));
    // No known start (not set up): never nagged.
    assert!(!self_check_due(None, None, today));
}

#[test]
fn results_are_stored_with_answers_and_rescored_on_reading() {
    let conn = open_in_memory().expect("db");
    let phq4 = inst("phq4");
    let s = phq4.score(&[0, 1, 3, 1]);
    let id = store::add_result(&conn, "phq4", &[0, 1, 3, 1], s.total, &s.band, NOW).expect("add");
    let s9 = inst("phq9").score(&[0, 0, 0, 0, 0, 0, 0, 0, 1]);
    store::add_result(
        &conn,
        "phq9",
        &[0, 0, 0, 0, 0, 0, 0, 0, 1],
        s9.total,
        &s9.band,
        "2026-11-22T11:00:00Z",
    )
    .expect("add");
    let r = store::result(&conn, id).expect("read");
    assert_eq!(r.answers, vec![0, 1, 3, 1]);
    assert_eq!(r.score, s);
    let all = store::results(&conn, 10).expect("list");
    assert_eq!(
        all.iter()
            .map(|r| r.instrument.as_str())
            .collect::<Vec<_>>(),
        ["phq9", "phq4"]
    );
    assert!(all[0].score.crisis);
}

#[test]
fn the_self_care_plan_round_trips_and_is_validated() {
    let conn = open_in_memory().expect("db");
    assert_eq!(
        store::self_care_plan(&conn).expect("empty"),
        SelfCarePlan::default()
    );
    let plan = SelfCarePlan {
        warning_signs: Some(" Snapping at the kids ".into()),
        what_helps: Some("A swim".into()),
        who_to_ask: None,
        what_to_drop: Some("  ".into()),
    }
    .validate()
    .expect("valid");
    assert_eq!(plan.warning_signs.as_deref(), Some("Snapping at the kids"));
    assert_eq!(plan.what_to_drop, None);
    store::save_self_care_plan(&conn, &plan, NOW).expect("save");
    assert_eq!(store::self_care_plan(&conn).expect("read"), plan);
    let long = SelfCarePlan {
        what_helps: Some("x".repeat(PLAN_FIELD_MAX + 1)),
        ..Default::default()
    };
    assert_eq!(field(long.validate().expect_err("long")), "whatHelps");
}
