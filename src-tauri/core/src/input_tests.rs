//! What a caregiver types and what any caller sends: one test for each thing a run of
//! generated calls found, built from JSON the way the IPC builds the inputs.

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde_json::json;

use crate::db::open_in_memory;
use crate::error::{Error, ErrorCode};
use crate::practices::{
    AppointmentInput, CheckinInput, GiveSpaceInput, ListeningInput, ValidAppointment,
};
use crate::readiness::{CaregiverCard, NoticedInput};
use crate::reminders::{DueAction, ReminderInput};
use crate::strain::{DailyCheckInput, SelfCarePlan};
use crate::today::{self as suggest, Context};
use crate::wins::WinInput;

const THREE_LINES: &str = "First line\nSecond line\r\nThird line";
const KEPT: &str = "First line\nSecond line\nThird line";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).expect("date")
}

fn input<T: DeserializeOwned>(v: serde_json::Value) -> T {
    serde_json::from_value(v).expect("input shape")
}

fn refused_on(e: Error) -> (&'static str, String) {
    assert_eq!(e.code(), ErrorCode::InvalidInput, "{e:?}");
    let message = e.caregiver_message();
    match e {
        Error::Invalid { field, .. } => (field.expect("a field"), message),
        _ => unreachable!(),
    }
}

/// Finding 1: every multi-line box keeps the caregiver's line breaks.
#[test]
fn pressing_enter_in_a_note_is_kept_in_every_text_box() {
    let win: WinInput = input(json!({
        "personId": 1, "text": "Went out", "happenedOn": "2026-12-01", "tags": [], "note": THREE_LINES
    }));
    assert_eq!(
        win.validate(today()).expect("win").note.as_deref(),
        Some(KEPT)
    );

    let plan: SelfCarePlan = input(json!({
        "warningSigns": THREE_LINES, "whatHelps": THREE_LINES,
        "whoToAsk": THREE_LINES, "whatToDrop": THREE_LINES
    }));
    let plan = plan.validate().expect("self-care plan");
    for field in [
        &plan.warning_signs,
        &plan.what_helps,
        &plan.who_to_ask,
        &plan.what_to_drop,
    ] {
        assert_eq!(field.as_deref(), Some(KEPT));
    }

    let card: CaregiverCard = input(json!({"contacts": [], "whatHelps": THREE_LINES}));
    assert_eq!(
        card.validate().expect("card").what_helps.as_deref(),
        Some(KEPT)
    );

    let moment: ListeningInput = input(json!({
        "personId": 1, "happenedOn": "2026-12-02", "shared": THREE_LINES, "listened": "yes",
        "learned": THREE_LINES, "felt": THREE_LINES
    }));
    let m = moment.validate(today()).expect("moment");
    assert_eq!(
        [m.shared.as_deref(), m.learned.as_deref(), m.felt.as_deref()],
        [Some(KEPT); 3]
    );

    let checkin: CheckinInput = input(json!({
        "personId": 1, "happenedOn": "2026-12-02", "how": "call", "went": 4, "note": THREE_LINES
    }));
    assert_eq!(
        checkin.validate(today()).expect("check-in").note.as_deref(),
        Some(KEPT)
    );

    let daily: DailyCheckInput = input(json!({
        "day": "2026-12-03", "strain": 4, "sleep": null, "sleepHours": null,
        "forMyself": true, "note": THREE_LINES
    }));
    assert_eq!(
        daily.validate(today()).expect("daily").note.as_deref(),
        Some(KEPT)
    );

    let noticed: NoticedInput = input(json!({
        "personId": 1, "noticedOn": "2026-12-02", "signIds": [], "note": THREE_LINES
    }));
    assert_eq!(
        noticed.validate(today()).expect("noticed").note.as_deref(),
        Some(KEPT)
    );

    let appt: AppointmentInput = input(json!({
        "personId": 1, "startsAt": "2026-12-10T09:30", "withWhom": "Dr Lee", "place": null,
        "givingRide": false, "questions": [], "notesAfter": THREE_LINES
    }));
    let ValidAppointment { notes_after, .. } = appt.validate().expect("appointment");
    assert_eq!(notes_after.as_deref(), Some(KEPT));

    let space: GiveSpaceInput = input(json!({
        "personId": 1, "until": "2026-12-05", "note": THREE_LINES
    }));
    assert_eq!(
        space.validate(today()).expect("space").1.as_deref(),
        Some(KEPT)
    );

    assert_eq!(
        crate::practices::validate_starter(THREE_LINES).expect("starter"),
        KEPT
    );

    // Names and one-line fields still say, in words, that they hold one line.
    let win: WinInput = input(json!({
        "personId": 1, "text": "Went\nout", "happenedOn": "2026-12-01", "tags": []
    }));
    let (field, message) = refused_on(win.validate(today()).expect_err("one line"));
    assert_eq!(field, "text");
    assert!(message.contains("one line"), "{message}");
}

/// Finding 2: the tag limit is checked before any work that grows with the list.
#[test]
fn a_hundred_thousand_tags_are_refused_with_words() {
    let tags: Vec<String> = (0..100_000).map(|i| format!("tag {i}")).collect();
    let win: WinInput = input(json!({
        "personId": 1, "text": "Went out", "happenedOn": "2026-12-01", "tags": tags
    }));
    let (field, message) = refused_on(win.validate(today()).expect_err("too many"));
    assert_eq!(field, "tags");
    assert_eq!(message, "Please choose at most 10 tags for one win.");

    // Eleven is one too many; ten distinct tags (with a repeat in another case) are fine.
    let eleven: Vec<String> = (0..11).map(|i| format!("tag {i}")).collect();
    let win: WinInput = input(json!({
        "personId": 1, "text": "Went out", "happenedOn": "2026-12-01", "tags": eleven
    }));
    assert_eq!(refused_on(win.validate(today()).expect_err("11")).0, "tags");
    let mut ten: Vec<String> = (0..9).map(|i| format!("tag {i}")).collect();
    ten.push("TAG 0".into());
    let win: WinInput = input(json!({
        "personId": 1, "text": "Went out", "happenedOn": "2026-12-01", "tags": ten
    }));
    assert_eq!(win.validate(today()).expect("ten").tags.len(), 9);
}

/// Finding 3: one rule for days, so no feature stores year 0 or year 26.
#[test]
fn impossible_dates_are_refused_in_every_feature() {
    for bad in ["0000-01-01", "-0001-01-01", "26-01-05", "2026-02-30"] {
        let noticed: NoticedInput = input(json!({
            "personId": 1, "noticedOn": bad, "signIds": [], "note": "Up all night"
        }));
        assert_eq!(
            refused_on(noticed.validate(today()).expect_err(bad)).0,
            "noticedOn"
        );

        let daily: DailyCheckInput = input(json!({
            "day": bad, "strain": 4, "sleep": null, "sleepHours": null, "forMyself": true
        }));
        assert_eq!(refused_on(daily.validate(today()).expect_err(bad)).0, "day");

        let moment: ListeningInput = input(json!({
            "personId": 1, "happenedOn": bad, "listened": "yes"
        }));
        assert_eq!(
            refused_on(moment.validate(today()).expect_err(bad)).0,
            "happenedOn"
        );

        let checkin: CheckinInput = input(json!({
            "personId": 1, "happenedOn": bad, "how": "call"
        }));
        assert_eq!(
            refused_on(checkin.validate(today()).expect_err(bad)).0,
            "happenedOn"
        );

        let win: WinInput = input(json!({
            "personId": 1, "text": "Went out", "happenedOn": bad, "tags": []
        }));
        assert_eq!(
            refused_on(win.validate(today()).expect_err(bad)).0,
            "happenedOn"
        );

        let space: GiveSpaceInput = input(json!({"personId": 1, "until": bad}));
        assert_eq!(
            refused_on(space.validate(today()).expect_err(bad)).0,
            "until"
        );

        let reminder: ReminderInput = input(json!({
            "title": "Call", "purpose": "custom", "personId": null,
            "schedule": {"startDate": bad, "time": "18:00", "timeZone": "Europe/London",
                         "repeat": {"kind": "daily"}, "endDate": null}
        }));
        let now = chrono::Utc::now();
        assert_eq!(
            refused_on(reminder.validate(now).expect_err(bad)).0,
            "startDate"
        );
    }
    for bad in ["0000-01-01T00:00", "-0001-01-01T09:00", "26-01-05T09:00"] {
        let appt: AppointmentInput = input(json!({
            "personId": 1, "startsAt": bad, "withWhom": "Dr Lee", "questions": []
        }));
        assert_eq!(refused_on(appt.validate().expect_err(bad)).0, "startsAt");
    }
}

/// Finding 4: garbage is refused, never acted on.
#[test]
fn unknown_suggestions_people_and_values_are_refused() {
    let ctx = Context {
        people: vec![(1, "Sam".into())],
        ideas: vec![("listen".into(), vec!["Ask one open question.".into()])],
        ..Context::default()
    };
    // No check-in yet, so "checkin:1" is a real suggestion today.
    assert!(suggest::is_known_key(&ctx, today(), "checkin:1"));
    assert!(suggest::is_known_key(&ctx, today(), "idea:listen:0"));
    for key in [
        "idea:listen:1",
        "idea:listen:00",
        "idea:nope:0",
        "checkin:2",
        "win:1",
        "anything at all",
        "",
    ] {
        assert!(!suggest::is_known_key(&ctx, today(), key), "{key:?}");
    }

    let conn = open_in_memory().expect("db");
    conn.execute(
        "INSERT INTO people (id, name, relationship, created_at) VALUES (1, 'Sam', 'child', 'x')",
        [],
    )
    .expect("person");
    for id in [0, -1, 999_999_999] {
        let e = crate::practices::store::end_space(&conn, id).expect_err("no one");
        assert_eq!(e.code(), ErrorCode::NotFound, "{id}");
    }
    crate::practices::store::end_space(&conn, 1).expect("a real person");

    let done = |went: Option<i64>, note: Option<&str>| DueAction::Done {
        went,
        note: note.map(str::to_owned),
        how: None,
    };
    assert_eq!(
        refused_on(done(Some(-5), None).validate().expect_err("-5")).0,
        "went"
    );
    assert_eq!(
        refused_on(done(Some(6), None).validate().expect_err("6")).0,
        "went"
    );
    assert_eq!(
        refused_on(done(None, Some("a\u{0}b")).validate().expect_err("NUL")).0,
        "note"
    );
    done(Some(3), Some("Good talk\nabout work"))
        .validate()
        .expect("fine");
    DueAction::Skip.validate().expect("skip");
}

/// Finding 5: nothing that would show text backwards or hide it.
#[test]
fn names_that_would_display_backwards_are_refused() {
    let person: crate::people::PersonInput = input(json!({
        "name": "\u{202E}maS", "relationship": "child", "conditions": []
    }));
    let (field, message) = refused_on(person.validate().expect_err("override"));
    assert_eq!(field, "personName");
    assert!(message.contains("hidden character"));

    let win: WinInput = input(json!({
        "personId": 1, "text": "Went out", "happenedOn": "2026-12-01", "tags": ["\u{200B}"]
    }));
    assert_eq!(
        refused_on(win.validate(today()).expect_err("zero width")).0,
        "tags"
    );
    let win: WinInput = input(json!({
        "personId": 1, "text": "\u{FEFF}Went out", "happenedOn": "2026-12-01", "tags": []
    }));
    assert_eq!(
        refused_on(win.validate(today()).expect_err("bom")).0,
        "text"
    );
}
