//! Which rows fall in a report's dates, the summary's sentences, empty parts, refused requests,
//! and that the report about the person can never hold the caregiver's own records.

use chrono::NaiveDate;

use super::api::build_report_on;
use super::*;
use crate::db::{open_in_memory, Database};
use crate::error::ErrorCode;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

const TODAY: &str = "2026-12-03";

/// Sam (person 1) and Alex (person 2), in the UK; records around November 2026.
fn seeded() -> Database {
    let conn = open_in_memory().expect("db");
    conn.execute_batch(
        "INSERT INTO profile (id, caregiver_name, region, onboarded_at) VALUES (1, 'Jo', 'GB', 'x');
         INSERT INTO people (id, name, relationship, created_at) VALUES (1, 'Sam', 'child', 'x'), (2, 'Alex', 'partner', 'x');
         INSERT INTO checkins (person_id, happened_on, how, went, created_at) VALUES
           (1, '2026-10-31', 'call', 3, 'x'),
           (1, '2026-11-01', 'call', 4, 'x'),
           (1, '2026-11-10', 'message', 2, 'x'),
           (1, '2026-11-30', 'in_person', NULL, 'x'),
           (2, '2026-11-12', 'call', 5, 'x');
         INSERT INTO checkins (person_id, happened_on, how, went, created_at, removed_at) VALUES
           (1, '2026-11-15', 'call', 5, 'x', 'y');
         INSERT INTO signs_noticed (person_id, noticed_on, signs, note, created_at) VALUES
           (1, '2026-11-05', 'Not sleeping' || char(10) || 'Pacing at night', 'Worse after the weekend', 'x'),
           (1, '2026-10-02', 'Skipping meals', NULL, 'x'),
           (2, '2026-11-06', 'Alex sign', NULL, 'x');
         INSERT INTO appointments (person_id, starts_at, with_whom, giving_ride, questions, notes_after, created_at) VALUES
           (1, '2026-11-30T23:30', 'Dr Lee', 0, 'Is the new dose right?', 'Keep the dose', 'x'),
           (1, '2026-12-01T09:00', 'Dr Out', 0, '', NULL, 'x'),
           (1, '2026-12-10T10:00', 'Nurse Kim', 1, 'Can we talk about sleep?' || char(10) || 'Side effects?', NULL, 'x');
         INSERT INTO wins (person_id, happened_on, text, created_at) VALUES
           (1, '2026-11-01', 'Cooked dinner', 'x'),
           (1, '2026-11-30', 'Went for a walk', 'x'),
           (1, '2026-10-31', 'Before the dates', 'x');
         INSERT INTO daily_checks (day, strain, for_myself, note, updated_at) VALUES
           ('2026-11-02', 7, 0, 'STRAIN-NOTE', 'x'), ('2026-11-03', 9, 0, NULL, 'x'), ('2026-10-20', 3, 1, NULL, 'x');
         INSERT INTO self_care_plan (id, warning_signs, what_helps, updated_at) VALUES (1, 'SELF-CARE-PLAN', 'a bath', 'x');
         INSERT INTO listening_moments (person_id, happened_on, listened, learned, created_at) VALUES (1, '2026-11-04', 'yes', 'LISTENING-NOTE', 'x');",
    )
    .expect("rows");
    Database::from_connection(conn)
}

fn november() -> ReportPeriod {
    ReportPeriod::Custom {
        from: "2026-11-01".into(),
        to: "2026-11-30".into(),
    }
}

fn person(sections: Vec<PersonSection>) -> ReportRequest {
    ReportRequest::Person(PersonReportRequest {
        person_id: 1,
        period: november(),
        sections,
    })
}

fn me(sections: Vec<MySection>) -> ReportRequest {
    ReportRequest::Me(MyReportRequest {
        period: november(),
        sections,
    })
}

fn build(db: &Database, r: &ReportRequest) -> Report {
    build_report_on(db, r, day(TODAY)).expect("report")
}

fn table_rows(s: &ReportSection) -> Vec<Vec<String>> {
    s.body
        .iter()
        .find_map(|b| match b {
            ReportBlock::Table { rows, .. } => Some(rows.clone()),
            _ => None,
        })
        .expect("a table")
}

/// How many rows each table a report reads holds.
fn rows(db: &Database) -> Vec<i64> {
    let tables = [
        "people",
        "checkins",
        "signs_noticed",
        "appointments",
        "wins",
        "daily_checks",
        "self_checks",
        "profile",
    ];
    db.with(|c| {
        let mut out = Vec::new();
        for t in tables {
            out.push(c.query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0))?);
        }
        Ok(out)
    })
    .expect("counts")
}

fn every_word(r: &Report) -> String {
    serde_json::to_string(r).expect("json")
}

/// Every part of the person report, written so that a new part must be added here.
fn all_person_sections() -> Vec<PersonSection> {
    let all = [
        PersonSection::WarningSigns,
        PersonSection::Checkins,
        PersonSection::Appointments,
        PersonSection::Wins,
    ];
    for s in all {
        match s {
            PersonSection::WarningSigns
            | PersonSection::Checkins
            | PersonSection::Appointments
            | PersonSection::Wins => {}
        }
    }
    all.to_vec()
}

#[test]
fn presets_end_today_and_include_both_ends() {
    let today = day(TODAY);
    let two = ReportPeriod::LastTwoWeeks.resolve(today).expect("dates");
    assert_eq!(
        (two.from, two.to, two.days()),
        (day("2026-11-20"), today, 14)
    );
    let month = ReportPeriod::LastMonth.resolve(today).expect("dates");
    assert_eq!(month.from, day("2026-11-04"));
    let three = ReportPeriod::LastThreeMonths.resolve(today).expect("dates");
    assert_eq!(three.from, day("2026-09-04"));
    assert_eq!(two.before().to, day("2026-11-19"));
    assert_eq!(two.before().days(), 14);
}

#[test]
fn bad_periods_and_no_sections_are_refused_in_caregiver_words() {
    let today = day(TODAY);
    let custom = |from: &str, to: &str| ReportPeriod::Custom {
        from: from.into(),
        to: to.into(),
    };
    let cases = [
        (
            custom("2026-11-10", "2026-11-01"),
            "to",
            "before the first day",
        ),
        (
            custom("2026-11-10", "2026-12-04"),
            "to",
            "can't be in the future",
        ),
        (
            custom("2024-12-01", "2026-12-02"),
            "from",
            "up to two years",
        ),
        (custom("someday", "2026-12-02"), "from", "calendar"),
    ];
    for (p, want_field, words) in cases {
        let e = p.resolve(today).expect_err("refused");
        assert_eq!(e.code(), ErrorCode::InvalidInput);
        match &e {
            Error::Invalid { field, message } => {
                assert_eq!(*field, Some(want_field), "{message}");
                assert!(message.contains(words), "{message}");
            }
            _ => panic!("{e:?}"),
        }
    }
    // Exactly two years, and a single day, are fine.
    assert!(custom("2024-12-02", "2026-12-02").resolve(today).is_ok());
    assert!(custom(TODAY, TODAY).resolve(today).is_ok());

    let db = seeded();
    let before = rows(&db);
    let e = build_report_on(&db, &person(Vec::new()), today).expect_err("no parts");
    assert!(e.caregiver_message().contains("at least one part"), "{e}");
    let e = build_report_on(&db, &me(Vec::new()), today).expect_err("no parts");
    assert!(e.caregiver_message().contains("at least one part"), "{e}");
    let future = ReportRequest::Me(MyReportRequest {
        period: custom("2026-11-01", "2027-01-01"),
        sections: vec![MySection::Strain],
    });
    assert!(build_report_on(&db, &future, today).is_err());
    let nobody = ReportRequest::Person(PersonReportRequest {
        person_id: 99,
        period: november(),
        sections: vec![PersonSection::Wins],
    });
    assert_eq!(
        build_report_on(&db, &nobody, today)
            .expect_err("nobody")
            .code(),
        ErrorCode::NotFound
    );
    let after = rows(&db);
    assert_eq!(before, after, "a refused report changes nothing");
}

#[test]
fn rows_in_the_dates_both_ends_included_and_only_this_persons() {
    let db = seeded();
    let r = build(&db, &person(all_person_sections()));
    let heads: Vec<&str> = r.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        heads,
        [
            "Warning signs noticed",
            "Check-ins",
            "Appointments",
            "Small wins"
        ]
    );
    assert_eq!(r.title, "About Sam");
    assert_eq!(r.period, "1 November 2026 to 30 November 2026");

    let signs = table_rows(&r.sections[0]);
    assert_eq!(
        signs,
        [vec![
            "5 November 2026".to_owned(),
            "Not sleeping, Pacing at night".into(),
            "Worse after the weekend".into()
        ]]
    );
    // 1, 10 and 30 November (not the removed one, not Alex's, not 31 October), by week.
    let weeks = table_rows(&r.sections[1]);
    let counted: usize = weeks
        .iter()
        .map(|w| w[1].parse::<usize>().expect("n"))
        .sum();
    assert_eq!(counted, 3, "{weeks:?}");
    assert_eq!(weeks[0][0], "Week of 26 October 2026");
    assert_eq!(weeks[0][2], "Mostly well");
    assert_eq!(weeks.last().expect("week")[2], "Not noted");
    // The appointment at 23:30 on the last day is in; the one on 1 December is not.
    let appts = table_rows(&r.sections[2]);
    assert_eq!(appts.len(), 1);
    assert_eq!(appts[0][0], "30 November 2026, 23:30");
    assert_eq!(appts[0][3], "Keep the dose");
    let wins = table_rows(&r.sections[3]);
    let texts: Vec<&str> = wins.iter().map(|w| w[1].as_str()).collect();
    assert_eq!(texts, ["Cooked dinner", "Went for a walk"]);
    assert_eq!(r.footer, "In an emergency, call 999. 112 also works.");
}

#[test]
fn the_summary_says_what_changed_in_plain_sentences() {
    let db = seeded();
    let r = build(&db, &person(all_person_sections()));
    let s = r.summary.join("\n");
    assert!(s.contains("Warning signs were noticed on 1 day."), "{s}");
    assert!(
        s.contains("On 5 November 2026: Not sleeping, Pacing at night."),
        "{s}"
    );
    // 3 in November against 1 in the 30 days before (31 October).
    assert!(
        s.contains("3 check-ins in these dates, up from 1 in the 30 days before."),
        "{s}"
    );
    assert!(s.contains("1 appointment in these dates."), "{s}");
    assert!(
        s.contains(
            "Questions to ask Nurse Kim on 10 December 2026: Can we talk about sleep?; Side effects?"
        ),
        "{s}"
    );
    // 1 December is before today: not coming up, and not in November either.
    assert!(!s.contains("Dr Out"), "{s}");
    // Seen from 30 November, it is coming up (with no questions written yet), and so is that
    // day's own appointment.
    let earlier = build_report_on(
        &db,
        &person(vec![PersonSection::Appointments]),
        day("2026-11-30"),
    )
    .expect("report");
    assert_eq!(
        earlier.summary[1..],
        [
            "Questions to ask Dr Lee on 30 November 2026: Is the new dose right?".to_owned(),
            "Coming up: Dr Out on 1 December 2026.".into(),
            "Questions to ask Nurse Kim on 10 December 2026: Can we talk about sleep?; Side effects?".into(),
        ]
    );
    assert!(
        s.contains("2 small wins written down in these dates."),
        "{s}"
    );

    let mine = build(&db, &me(vec![MySection::Strain, MySection::Load]));
    let s = mine.summary.join("\n");
    assert!(
        s.contains("I did my daily check on 2 of the 30 days."),
        "{s}"
    );
    assert!(
        s.contains(
            "On average I felt 8.0 out of 10 stretched, higher than the 30 days before (3.0)."
        ),
        "{s}"
    );
    // Sam's three and Alex's one; the removed one is not counted.
    assert!(
        s.contains("I wrote down 4 check-ins and kept track of 1 appointment."),
        "{s}"
    );
}

#[test]
fn an_empty_part_says_so_kindly_and_has_no_table() {
    let db = seeded();
    let r = build_report_on(
        &db,
        &ReportRequest::Person(PersonReportRequest {
            person_id: 2,
            period: ReportPeriod::LastTwoWeeks,
            sections: all_person_sections(),
        }),
        day(TODAY),
    )
    .expect("report");
    for s in &r.sections {
        assert_eq!(s.body.len(), 1, "{}", s.heading);
        assert!(
            matches!(&s.body[0], ReportBlock::Empty { text } if text.starts_with("No ")),
            "{:?}",
            s.body
        );
    }
    assert!(r.sections.iter().any(|s| s.body
        == [ReportBlock::Empty {
            text: "No check-ins were written down in these dates.".into()
        }]));
    let mine = build_report_on(
        &db,
        &ReportRequest::Me(MyReportRequest {
            period: ReportPeriod::LastTwoWeeks,
            sections: vec![MySection::SelfChecks, MySection::Strain],
        }),
        day(TODAY),
    )
    .expect("report");
    assert!(mine
        .sections
        .iter()
        .all(|s| matches!(&s.body[..], [ReportBlock::Empty { .. }])));
}

#[test]
fn the_person_report_never_holds_the_caregivers_own_records() {
    let db = seeded();
    // Every part ticked, twice, in every order.
    let mut all = all_person_sections();
    all.extend(all_person_sections().into_iter().rev());
    let r = build(&db, &person(all));
    assert_eq!(r.sections.len(), 4, "each part once");
    let words = every_word(&r).to_lowercase();
    for mine in [
        "strain-note",
        "self-care-plan",
        "listening-note",
        "stretched",
        "self-check",
        "daily check",
        "screening",
    ] {
        assert!(!words.contains(mine), "{mine} in {words}");
    }
    // A request naming one of the caregiver's own parts is not a person report at all.
    for part in ["strain", "selfChecks", "load", "selfCarePlan", "listening"] {
        let json = format!(
            r#"{{"about":"person","personId":1,"period":{{"kind":"lastMonth"}},"sections":["{part}"]}}"#
        );
        assert!(
            serde_json::from_str::<ReportRequest>(&json).is_err(),
            "{part} was accepted"
        );
    }
    let ok = r#"{"about":"person","personId":1,"period":{"kind":"custom","from":"2026-11-01","to":"2026-11-30"},"sections":["wins"]}"#;
    assert_eq!(
        serde_json::from_str::<ReportRequest>(ok).expect("json"),
        person(vec![PersonSection::Wins])
    );
}

#[test]
fn self_checks_show_their_band_and_say_screening_not_a_diagnosis() {
    let db = seeded();
    let inst = crate::strain::instruments::get("phq4").expect("phq4");
    let answers = vec![2u8; inst.items.len()];
    let score = inst.score(&answers);
    db.with(|c| {
        crate::strain::store::add_result(
            c,
            "phq4",
            &answers,
            score.total,
            &score.band,
            "2026-11-15T12:00:00Z",
        )?;
        crate::strain::store::add_result(c, "phq4", &answers, 0, "x", "2026-09-15T12:00:00Z")?;
        Ok(())
    })
    .expect("results");
    let r = build(&db, &me(vec![MySection::SelfChecks]));
    let rows = table_rows(&r.sections[0]);
    assert_eq!(rows.len(), 1, "only the one in the dates: {rows:?}");
    assert_eq!(rows[0][0], "15 November 2026");
    assert_eq!(rows[0][3], score.band);
    assert!(r.summary.iter().any(|l| l.contains(&score.band)));
    assert!(r
        .summary
        .iter()
        .any(|l| l.contains("screening, not a diagnosis")));
    assert!(r.sections[0]
        .intro
        .as_deref()
        .is_some_and(|i| i.contains("screening, not a diagnosis")));
}

#[test]
fn wrapped_lines_fit_their_width_and_a_long_word_is_broken_not_lost() {
    let faces = super::layout::Faces::load().expect("font");
    let text = "Went to the shop on the corner and said hello to everyone there \
                Supercalifragilisticexpialidociousandthensomemoreletters 今日は散歩に行きました今日は散歩に行きました 🎉";
    let lines = faces.wrap(text, 10.0, false, 120.0);
    assert!(lines.len() >= 5, "{lines:?}");
    for l in &lines {
        assert!(faces.width(l, 10.0, false) <= 121.0, "{l:?} is too wide");
    }
    let joined: String = lines.concat().split_whitespace().collect();
    let want: String = text.split_whitespace().collect();
    assert_eq!(joined, want, "every character is kept, in order");
    assert_eq!(faces.wrap("", 10.0, true, 100.0), [String::new()]);
}

#[test]
fn a_saved_report_is_named_for_whom_it_is_about_and_never_replaces_one() {
    use super::api::save_report_on;
    let db = seeded();
    let dir = tempfile::tempdir().expect("dir");
    let today = day(TODAY);
    let sam = person(vec![PersonSection::Wins]);
    let first = save_report_on(&db, dir.path(), &sam, today).expect("first");
    let second = save_report_on(&db, dir.path(), &sam, today).expect("second");
    assert_eq!(first.file_name, "Alongside report about Sam 2026-12-03.pdf");
    assert_eq!(
        second.file_name,
        "Alongside report about Sam 2026-12-03-2.pdf"
    );
    assert_eq!(first.folder, dir.path().display().to_string());
    let mine = save_report_on(&db, dir.path(), &me(vec![MySection::Load]), today).expect("mine");
    assert_eq!(mine.file_name, "Alongside report about me 2026-12-03.pdf");
    for f in [&first, &second, &mine] {
        let bytes = std::fs::read(dir.path().join(&f.file_name)).expect("saved");
        assert!(bytes.starts_with(b"%PDF"), "{}", f.file_name);
    }
}

#[test]
fn a_refused_report_saves_no_file() {
    use super::api::save_report_on;
    let db = seeded();
    let dir = tempfile::tempdir().expect("dir");
    let e = save_report_on(&db, dir.path(), &person(Vec::new()), day(TODAY)).expect_err("no parts");
    assert!(e.caregiver_message().contains("at least one part"), "{e}");
    let nobody = ReportRequest::Person(PersonReportRequest {
        person_id: 99,
        period: november(),
        sections: vec![PersonSection::Wins],
    });
    assert!(save_report_on(&db, dir.path(), &nobody, day(TODAY)).is_err());
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn a_name_is_made_safe_for_a_file_name() {
    use super::api::file_safe;
    assert_eq!(file_safe("Sam"), "Sam");
    assert_eq!(file_safe("Sam / Sammy: \"S\""), "Sam Sammy S");
    assert_eq!(file_safe("..hidden"), "hidden");
    assert_eq!(file_safe(" / "), "them");
    assert_eq!(file_safe(&"a".repeat(200)).chars().count(), 60);
}
