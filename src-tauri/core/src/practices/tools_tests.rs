//! Rules and storage for the practices' tools, and the Today suggestion rule.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use super::*;
use crate::db::open_in_memory;
use crate::error::Error;
use crate::error::ErrorCode;
use crate::today::{self as suggest, Context, MarkState, WeekCounts};

const NOW: &str = "2026-11-22T10:00:00Z";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, LOCAL_MINUTE).expect("time")
}

fn field(e: Error) -> &'static str {
    assert_eq!(e.code(), ErrorCode::InvalidInput, "{e:?}");
    match e {
        Error::Invalid { field, .. } => field.expect("field"),
        _ => unreachable!(),
    }
}

fn setup() -> Connection {
    let conn = open_in_memory().expect("db");
    conn.execute_batch(
        "INSERT INTO people (id, name, relationship, created_at) VALUES
           (1, 'Sam', 'child', 'x'), (2, 'Alex', 'partner', 'x');",
    )
    .expect("people");
    conn
}

fn moment(listened: Option<Listened>, on: &str) -> ListeningInput {
    ListeningInput {
        person_id: 1,
        happened_on: on.into(),
        shared: Some("Work has been hard".into()),
        listened,
        learned: Some("They feel stuck".into()),
        felt: None,
    }
}

#[test]
fn a_listening_moment_needs_an_answer_and_a_past_day() {
    let today = day("2026-11-22");
    assert_eq!(
        field(
            moment(None, "2026-11-22")
                .validate(today)
                .expect_err("no answer")
        ),
        "listened"
    );
    assert_eq!(
        field(
            moment(Some(Listened::Yes), "2026-11-23")
                .validate(today)
                .expect_err("future")
        ),
        "happenedOn"
    );
    let v = moment(Some(Listened::Partly), "2026-11-21")
        .validate(today)
        .expect("valid");
    let conn = setup();
    let saved = store::add_moment(&conn, &v, NOW).expect("add");
    assert_eq!(saved.listened, Listened::Partly);
    assert_eq!(store::moments(&conn).expect("list"), vec![saved]);
}

fn checkin(how: Option<CheckinWay>, went: Option<i64>) -> CheckinInput {
    CheckinInput {
        person_id: 1,
        happened_on: "2026-11-22".into(),
        how,
        went,
        note: Some("Quick call".into()),
    }
}

#[test]
fn check_ins_are_validated_and_remember_the_last_one_per_person() {
    let today = day("2026-11-22");
    assert_eq!(
        field(checkin(None, None).validate(today).expect_err("how")),
        "how"
    );
    assert_eq!(
        field(
            checkin(Some(CheckinWay::Call), Some(6))
                .validate(today)
                .expect_err("6")
        ),
        "went"
    );
    assert_eq!(
        field(
            checkin(Some(CheckinWay::Call), Some(0))
                .validate(today)
                .expect_err("0")
        ),
        "went"
    );
    let conn = setup();
    let a = store::add_checkin(
        &conn,
        &checkin(Some(CheckinWay::Call), Some(4))
            .validate(today)
            .expect("v"),
        NOW,
    )
    .expect("add");
    assert_eq!((a.how, a.went), (CheckinWay::Call, Some(4)));
    let mut older = checkin(Some(CheckinWay::Message), None);
    older.happened_on = "2026-11-10".into();
    store::add_checkin(&conn, &older.validate(today).expect("v"), NOW).expect("add");
    assert_eq!(store::last_checkins(&conn).expect("last"), vec![(1, today)]);
    // Someone not supported any more cannot be checked in with.
    let mut nobody = checkin(Some(CheckinWay::Call), None);
    nobody.person_id = 99;
    assert_eq!(
        store::add_checkin(&conn, &nobody.validate(today).expect("v"), NOW)
            .expect_err("nobody")
            .code(),
        ErrorCode::NotFound
    );
}

#[test]
fn starters_are_offered_once_then_belong_to_the_caregiver() {
    let conn = setup();
    let builtin = vec!["Thinking of you.".to_owned(), "Fancy a walk?".to_owned()];
    store::seed_starters(&conn, &builtin, NOW).expect("seed");
    let list = store::starters(&conn).expect("list");
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|s| s.builtin));
    // Edit one, add one, remove one: the seed never comes back over the caregiver's changes.
    let edited =
        store::save_starter(&conn, Some(list[0].id), "Thinking of you today.", NOW).expect("edit");
    assert_eq!(edited.text, "Thinking of you today.");
    let mine = store::save_starter(&conn, None, "Saw this and smiled", NOW).expect("add");
    assert!(!mine.builtin);
    store::remove(&conn, EntryKind::Starter, list[1].id, NOW).expect("remove");
    store::seed_starters(&conn, &builtin, NOW).expect("seed again");
    let texts: Vec<String> = store::starters(&conn)
        .expect("list")
        .into_iter()
        .map(|s| s.text)
        .collect();
    // The caregiver's own come first.
    assert_eq!(texts, ["Saw this and smiled", "Thinking of you today."]);
    assert_eq!(field(validate_starter("  ").expect_err("blank")), "text");
    // Undo brings the removed one back.
    store::restore(&conn, EntryKind::Starter, list[1].id).expect("restore");
    assert_eq!(store::starters(&conn).expect("list").len(), 3);
}

fn appointment(when: &str, questions: &[&str]) -> AppointmentInput {
    AppointmentInput {
        person_id: 1,
        starts_at: when.into(),
        with_whom: "Dr Lee".into(),
        place: Some("Riverside clinic".into()),
        giving_ride: true,
        questions: questions.iter().map(|q| (*q).to_owned()).collect(),
        notes_after: None,
    }
}

#[test]
fn appointments_keep_local_time_questions_and_notes() {
    assert_eq!(
        field(appointment("soon", &[]).validate().expect_err("time")),
        "startsAt"
    );
    let mut nobody = appointment("2026-11-25T10:00", &[]);
    nobody.with_whom = " ".into();
    assert_eq!(field(nobody.validate().expect_err("with")), "withWhom");
    let too_many: Vec<String> = (0..=QUESTIONS_MAX).map(|i| format!("Q{i}")).collect();
    let refs: Vec<&str> = too_many.iter().map(String::as_str).collect();
    assert_eq!(
        field(
            appointment("2026-11-25T10:00", &refs)
                .validate()
                .expect_err("many")
        ),
        "questions"
    );

    let conn = setup();
    let v = appointment("2026-11-25T10:00", &["Side effects?", "", "Next review?"])
        .validate()
        .expect("valid");
    let a = store::save_appointment(&conn, None, &v, NOW).expect("add");
    assert_eq!(a.starts_at, "2026-11-25T10:00");
    assert_eq!(a.questions, ["Side effects?", "Next review?"]);
    assert!(a.giving_ride);
    let mut after = appointment("2026-11-25T10:00", &["Side effects?"]);
    after.notes_after = Some("New plan in two weeks".into());
    let edited = store::save_appointment(&conn, Some(a.id), &after.validate().expect("v"), NOW)
        .expect("edit");
    assert_eq!(edited.notes_after.as_deref(), Some("New plan in two weeks"));
    assert_eq!(
        store::appointments(&conn, day("2026-11-20")).expect("list"),
        vec![edited]
    );
    assert_eq!(
        store::save_appointment(&conn, Some(999), &after.validate().expect("v"), NOW)
            .expect_err("missing")
            .code(),
        ErrorCode::NotFound
    );
}

#[test]
fn years_of_past_appointments_never_hide_the_coming_ones() {
    let conn = setup();
    let save = |when: &str| {
        let v = appointment(when, &[]).validate().expect("valid");
        store::save_appointment(&conn, None, &v, NOW).expect("add")
    };
    // Twenty years of monthly appointments, then one today and one next week.
    let mut past = Vec::new();
    for m in 0..(store::LIST_LIMIT + 50) {
        let (y, mo) = (2005 + m / 12, 1 + m % 12);
        past.push(save(&format!("{y}-{mo:02}-10T09:30")));
    }
    let later = save("2026-11-27T11:00");
    let today = save("2026-11-20T16:00");
    let list = store::appointments(&conn, day("2026-11-20")).expect("list");
    assert_eq!(list.len(), store::LIST_LIMIT as usize + 2);
    // In time order: the newest earlier ones (the oldest fifty left out), then today's and
    // the coming one.
    assert_eq!(list[0], past[50]);
    assert_eq!(list[list.len() - 3], past[past.len() - 1]);
    assert_eq!(list[list.len() - 2..], [today, later]);
}

#[test]
fn care_contacts_and_boundaries_are_kept_and_can_be_undone() {
    let conn = setup();
    let c = CareContactInput {
        person_id: None,
        name: " Main Street Pharmacy ".into(),
        kind: CareKind::Pharmacy,
        phone: Some("555 0100".into()),
        note: None,
    };
    let saved = store::save_contact(&conn, None, &c.validate().expect("v"), NOW).expect("add");
    assert_eq!(saved.name, "Main Street Pharmacy");
    let bad = CareContactInput {
        name: "".into(),
        ..c
    };
    assert_eq!(field(bad.validate().expect_err("name")), "name");

    let b = BoundaryInput {
        person_id: 1,
        whose: Whose::Theirs,
        text: "No questions about work at dinner".into(),
    };
    let added = store::add_boundary(&conn, &b.validate().expect("v"), NOW).expect("add");
    assert_eq!(added.whose, Whose::Theirs);
    let empty = BoundaryInput {
        person_id: 1,
        whose: Whose::Mine,
        text: "  ".into(),
    };
    assert_eq!(field(empty.validate().expect_err("blank")), "text");
    store::remove(&conn, EntryKind::Boundary, added.id, NOW).expect("remove");
    assert!(store::boundaries(&conn).expect("list").is_empty());
    assert_eq!(
        store::remove(&conn, EntryKind::Boundary, added.id, NOW)
            .expect_err("twice")
            .code(),
        ErrorCode::NotFound
    );
    store::restore(&conn, EntryKind::Boundary, added.id).expect("undo");
    assert_eq!(store::boundaries(&conn).expect("list"), vec![added]);
}

#[test]
fn giving_space_pauses_until_a_day_and_can_end_early() {
    let today = day("2026-11-22");
    let input = |until: &str| GiveSpaceInput {
        person_id: 1,
        until: until.into(),
        note: Some("Exams".into()),
    };
    assert_eq!(
        field(input("2026-11-21").validate(today).expect_err("past")),
        "until"
    );
    assert_eq!(
        field(input("2028-01-01").validate(today).expect_err("far")),
        "until"
    );
    let (until, note) = input("2026-12-01").validate(today).expect("valid");
    let conn = setup();
    let s = store::set_space(&conn, 1, until, note.as_deref(), NOW).expect("set");
    assert!(giving_space(Some(&s), day("2026-12-01")));
    assert!(!giving_space(Some(&s), day("2026-12-02")));
    assert_eq!(store::spaces(&conn, today).expect("list"), vec![s.clone()]);
    assert!(store::spaces(&conn, day("2026-12-02"))
        .expect("later")
        .is_empty());
    store::end_space(&conn, 1).expect("end");
    assert!(store::spaces(&conn, today).expect("list").is_empty());
}

fn ideas() -> Vec<(String, Vec<String>)> {
    ["listen", "check_in", "treatment", "celebrate", "boundaries"]
        .iter()
        .map(|p| {
            (
                (*p).to_owned(),
                (0..4).map(|i| format!("{p} idea {i}")).collect(),
            )
        })
        .collect()
}

fn context() -> Context {
    Context {
        people: vec![(1, "Sam".into()), (2, "Alex".into())],
        ideas: ideas(),
        ..Default::default()
    }
}

#[test]
fn suggestions_fit_what_is_set_up_one_per_practice() {
    let today = day("2026-11-22");
    let mut ctx = context();
    ctx.appointments = vec![(7, 1, at("2026-11-24T10:00"), "Dr Lee".into(), false)];
    ctx.last_checkins = vec![(1, day("2026-11-18")), (2, day("2026-11-21"))];
    ctx.wins = vec![(3, 2, day("2026-11-20"), "Went to the shop".into())];
    let s = suggest::suggestions(&ctx, today);
    assert_eq!(s.len(), suggest::SHOWN);
    assert_eq!(s[0].key, "appointment:7");
    assert!(
        s[0].text
            .contains("Sam's appointment with Dr Lee is on Tuesday at 10:00"),
        "{}",
        s[0].text
    );
    assert!(s[0].text.contains("Write down a question"), "{}", s[0].text);
    assert_eq!(s[1].key, "checkin:1", "Sam, four days; Alex was yesterday");
    assert_eq!(s[2].key, "win:3");
    assert!(s[2].text.contains("Tell Alex you noticed"));
    let practices: std::collections::HashSet<_> = s.iter().map(|x| x.practice.as_str()).collect();
    assert_eq!(practices.len(), s.len(), "one per practice");
}

#[test]
fn give_space_replaces_the_check_in_suggestion() {
    let today = day("2026-11-22");
    let mut ctx = context();
    ctx.people = vec![(1, "Sam".into())];
    ctx.spaces = vec![(1, day("2026-12-01"))];
    let s = suggest::suggestions(&ctx, today);
    assert!(s.iter().all(|x| !x.key.starts_with("checkin:")), "{s:?}");
    let space = s
        .iter()
        .find(|x| x.key == "space:1")
        .expect("a space suggestion");
    assert!(space.text.contains("until 1 December"), "{}", space.text);
    // After the pause ends, check-ins come back.
    let later = suggest::suggestions(&ctx, day("2026-12-02"));
    assert!(later.iter().any(|x| x.key == "checkin:1"));
}

#[test]
fn not_today_sets_a_suggestion_aside_and_done_keeps_it_ticked() {
    let today = day("2026-11-22");
    let mut ctx = context();
    ctx.people = vec![(1, "Sam".into())];
    let first = suggest::suggestions(&ctx, today);
    assert_eq!(first[0].key, "checkin:1");
    ctx.marks = vec![
        ("checkin:1".into(), MarkState::NotToday),
        (first[1].key.clone(), MarkState::Done),
    ];
    let next = suggest::suggestions(&ctx, today);
    assert!(next.iter().all(|x| x.key != "checkin:1"));
    let done = next
        .iter()
        .find(|x| x.key == first[1].key)
        .expect("still shown");
    assert!(done.done);
    assert_eq!(next.len(), suggest::SHOWN, "something else fills the gap");
}

#[test]
fn ideas_vary_from_day_to_day() {
    let ctx = Context {
        ideas: ideas(),
        ..Default::default()
    };
    let days: Vec<Vec<String>> = (0..5)
        .map(|i| {
            suggest::suggestions(&ctx, day("2026-11-22") + chrono::Duration::days(i))
                .into_iter()
                .map(|s| s.key)
                .collect()
        })
        .collect();
    for w in days.windows(2) {
        assert_ne!(w[0], w[1], "two days in a row differ");
    }
    assert!(days.iter().all(|d| d.len() == suggest::SHOWN));
}

#[test]
fn the_weekly_look_back_says_what_happened_and_never_what_was_missed() {
    let lb = suggest::look_back(
        day("2026-11-16"),
        &WeekCounts {
            checkins: 3,
            listening: 1,
            wins: 2,
            for_myself: 1,
            daily_checks: 4,
            ..Default::default()
        },
    );
    assert_eq!(lb.week_of, "2026-11-16");
    assert_eq!(
        lb.for_them,
        [
            "You checked in 3 times.",
            "You wrote down a listening moment.",
            "You noticed 2 small wins worth celebrating."
        ]
    );
    assert_eq!(
        lb.for_you,
        [
            "You did something for yourself on one day.",
            "You checked in with yourself 4 times."
        ]
    );
    let quiet = suggest::look_back(day("2026-11-16"), &WeekCounts::default());
    let all = format!("{:?}{:?}", quiet.for_them, quiet.for_you).to_lowercase();
    for word in ["missed", "streak", "only", "failed", "should"] {
        assert!(!all.contains(word), "{word}");
    }
}

#[test]
fn week_counts_come_from_every_feature() {
    let conn = setup();
    let today = day("2026-11-22");
    store::add_checkin(
        &conn,
        &checkin(Some(CheckinWay::Call), None)
            .validate(today)
            .expect("v"),
        NOW,
    )
    .expect("add");
    store::add_moment(
        &conn,
        &moment(Some(Listened::Yes), "2026-11-20")
            .validate(today)
            .expect("v"),
        NOW,
    )
    .expect("add");
    crate::today::store::mark(&conn, today, "idea:listen:1", Some("done")).expect("mark");
    crate::today::store::mark(&conn, today, "idea:listen:2", Some("not_today")).expect("mark");
    let c = crate::today::store::week_counts(&conn, day("2026-11-16"), today).expect("counts");
    assert_eq!(
        (c.checkins, c.listening, c.suggestions_done, c.wins),
        (1, 1, 1, 0)
    );
    // Times count on their own day, from the first day's start to the last day's end.
    for (taken, when) in [
        ("2026-11-15T23:59:59Z", "2026-11-15T23:59"),
        ("2026-11-16T00:00:00Z", "2026-11-16T00:00"),
        ("2026-11-22T23:59:59Z", "2026-11-22T23:59"),
        ("2026-11-23T00:00:00Z", "2026-11-23T00:00"),
    ] {
        crate::strain::store::add_result(&conn, "phq4", &[0, 0, 0, 0], 0, "none", taken)
            .expect("self-check");
        let a = appointment(when, &[]).validate().expect("valid");
        store::save_appointment(&conn, None, &a, NOW).expect("appointment");
    }
    let c = crate::today::store::week_counts(&conn, day("2026-11-16"), today).expect("counts");
    assert_eq!((c.self_checks, c.appointments), (2, 2));
    crate::today::store::mark(&conn, today, "idea:listen:1", None).expect("clear");
    assert_eq!(
        crate::today::store::week_counts(&conn, day("2026-11-16"), today)
            .expect("counts")
            .suggestions_done,
        0
    );
}
