//! Rules and storage for crisis readiness.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::*;
use crate::db::open_in_memory;
use crate::error::ErrorCode;

const NOW: &str = "2026-11-22T10:00:00Z";
const LATER: &str = "2026-11-23T09:30:00Z";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
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

fn lines(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn input(person: i64, signs: &[&str], coping: &[&str]) -> SafetyPlanInput {
    SafetyPlanInput {
        person_id: person,
        steps: PlanSteps {
            warning_signs: lines(signs),
            coping: lines(coping),
            ..Default::default()
        },
        made_together: true,
    }
}

fn save(conn: &mut Connection, p: &SafetyPlanInput, now: &str) -> (SafetyPlan, bool) {
    let valid = p.validate().expect("valid");
    let tx = conn.transaction().expect("tx");
    let out = store::save_plan(&tx, &valid, now).expect("save");
    tx.commit().expect("commit");
    out
}

fn invalid_field(e: Error) -> &'static str {
    assert_eq!(e.code(), ErrorCode::InvalidInput, "{e:?}");
    match e {
        Error::Invalid { field, .. } => field.expect("field"),
        _ => unreachable!(),
    }
}

#[test]
fn plan_lines_are_trimmed_and_blank_lines_dropped() {
    let v = input(
        1,
        &["  Stops answering texts ", "", "   "],
        &["Walk the dog"],
    )
    .validate()
    .expect("valid");
    assert_eq!(v.steps.warning_signs, lines(&["Stops answering texts"]));
    assert_eq!(v.steps.coping, lines(&["Walk the dog"]));
    assert_eq!(v.steps.item_count(), 2);
}

#[test]
fn an_empty_plan_is_refused() {
    let e = input(1, &["", " "], &[]).validate().expect_err("refused");
    assert_eq!(invalid_field(e), "warningSigns");
}

#[test]
fn a_too_long_line_names_its_step() {
    let long = "x".repeat(ITEM_MAX + 1);
    let e = input(1, &["ok"], &[&long]).validate().expect_err("refused");
    assert_eq!(invalid_field(e), "coping");
    let many: Vec<&str> = vec!["a"; ITEMS_PER_STEP_MAX + 1];
    let e = input(1, &many, &[]).validate().expect_err("refused");
    assert_eq!(invalid_field(e), "warningSigns");
    // A line with a newline or other control character cannot sneak past the one-per-line store.
    let e = input(1, &["two\nlines"], &[])
        .validate()
        .expect_err("refused");
    assert_eq!(invalid_field(e), "warningSigns");
}

#[test]
fn each_change_is_a_new_version_and_earlier_ones_are_kept() {
    let mut conn = setup();
    let (v1, changed) = save(&mut conn, &input(1, &["Sleeps all day"], &["Music"]), NOW);
    assert!(changed);
    assert_eq!(v1.version, 1);
    assert_eq!(v1.saved_at, NOW);

    let (v2, changed) = save(
        &mut conn,
        &input(1, &["Sleeps all day", "Gives things away"], &["Music"]),
        LATER,
    );
    assert!(changed);
    assert_eq!(v2.version, 2);

    // Version 1 reads back exactly as it was saved.
    let old = store::plan_version(&conn, 1, 1).expect("v1");
    assert_eq!(old, v1);
    assert_eq!(old.steps.warning_signs, lines(&["Sleeps all day"]));
    assert_eq!(
        store::current_plan(&conn, 1).expect("current"),
        Some(v2.clone())
    );

    let versions = store::versions(&conn, 1).expect("versions");
    assert_eq!(
        versions,
        vec![
            PlanVersion {
                version: 2,
                saved_at: LATER.into(),
                item_count: 3
            },
            PlanVersion {
                version: 1,
                saved_at: NOW.into(),
                item_count: 2
            },
        ]
    );
}

#[test]
fn saving_the_same_plan_again_adds_no_version() {
    let mut conn = setup();
    let p = input(1, &["Sleeps all day"], &[]);
    save(&mut conn, &p, NOW);
    let (again, changed) = save(&mut conn, &p, LATER);
    assert!(!changed);
    assert_eq!(again.version, 1);
    assert_eq!(again.saved_at, NOW);
    // Only "made together" changing is still a change worth keeping.
    let mut apart = p.clone();
    apart.made_together = false;
    let (v2, changed) = save(&mut conn, &apart, LATER);
    assert!(changed);
    assert_eq!(v2.version, 2);
    assert!(!v2.made_together);
}

#[test]
fn plans_belong_to_one_person() {
    let mut conn = setup();
    save(&mut conn, &input(1, &["Sam's sign"], &[]), NOW);
    let (alex, _) = save(&mut conn, &input(2, &["Alex's sign"], &[]), NOW);
    assert_eq!(alex.version, 1, "versions count per person");
    assert_eq!(
        store::current_plan(&conn, 1)
            .expect("sam")
            .expect("plan")
            .steps
            .warning_signs,
        lines(&["Sam's sign"])
    );
    assert_eq!(
        store::plan_version(&conn, 2, 2)
            .expect_err("refused")
            .code(),
        ErrorCode::NotFound
    );
}

#[test]
fn a_plan_for_someone_unknown_or_removed_is_refused_and_nothing_saved() {
    let mut conn = setup();
    let valid = input(99, &["x"], &[]).validate().expect("valid");
    let tx = conn.transaction().expect("tx");
    assert_eq!(
        store::save_plan(&tx, &valid, NOW)
            .expect_err("refused")
            .code(),
        ErrorCode::NotFound
    );
    drop(tx);
    conn.execute("UPDATE people SET removed_at = 'x' WHERE id = 2", [])
        .expect("remove");
    let valid = input(2, &["x"], &[]).validate().expect("valid");
    let tx = conn.transaction().expect("tx");
    assert!(store::save_plan(&tx, &valid, NOW).is_err());
    drop(tx);
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM safety_plans", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 0);
}

#[test]
fn step_five_of_a_fresh_plan_comes_from_the_regions_crisis_lines() {
    let uk = crate::crisis::help_for("GB").region;
    let items = professionals_from(&uk);
    assert_eq!(items[0], "Emergency: call 999");
    assert!(
        items.iter().any(|i| i == "Samaritans: call 116 123"),
        "{items:?}"
    );
    // A contact with its own words keeps them.
    let us = crate::crisis::help_for("US").region;
    let items = professionals_from(&us);
    assert!(
        items
            .iter()
            .any(|i| i == "Crisis Text Line: Text HOME to 741741"),
        "{items:?}"
    );
    // The prefilled lines always pass the plan's own validation, for every region.
    for r in crate::crisis::regions() {
        let steps = PlanSteps {
            professionals: professionals_from(&crate::crisis::help_for(&r.code).region),
            ..Default::default()
        };
        let p = SafetyPlanInput {
            person_id: 1,
            steps,
            made_together: false,
        };
        assert!(p.validate().is_ok(), "{}", r.code);
    }
}

fn sign_input(person: i64, sign: &str) -> WarningSignInput {
    WarningSignInput {
        person_id: person,
        sign: sign.into(),
        action: Some("Ask gently how they are sleeping".into()),
        contact: Some("Dr Lee, 555 0100".into()),
    }
}

#[test]
fn warning_signs_are_validated() {
    let e = sign_input(1, "   ").validate().expect_err("refused");
    assert_eq!(invalid_field(e), "sign");
    let mut s = sign_input(1, "Up all night");
    s.action = Some("a".repeat(ACTION_MAX + 1));
    assert_eq!(invalid_field(s.validate().expect_err("refused")), "action");
    let mut s = sign_input(1, "Up all night");
    s.contact = Some("  ".into());
    assert_eq!(s.validate().expect("valid").contact, None);
}

#[test]
fn warning_signs_can_be_added_edited_removed_and_restored() {
    let conn = setup();
    let a = store::add_sign(
        &conn,
        &sign_input(1, "Up all night").validate().expect("v"),
        NOW,
    )
    .expect("add");
    let b = store::add_sign(
        &conn,
        &sign_input(1, "Stops eating").validate().expect("v"),
        NOW,
    )
    .expect("add");
    store::add_sign(&conn, &sign_input(2, "Alex's").validate().expect("v"), NOW).expect("add");
    let sam = store::signs(&conn, 1).expect("list");
    assert_eq!(
        sam.iter().map(|s| s.sign.as_str()).collect::<Vec<_>>(),
        ["Up all night", "Stops eating"]
    );
    assert_eq!(sam[0].contact.as_deref(), Some("Dr Lee, 555 0100"));

    let mut edit = sign_input(1, "Awake all night");
    edit.action = None;
    store::update_sign(&conn, a, &edit.validate().expect("v")).expect("update");
    let s = store::sign(&conn, a).expect("get");
    assert_eq!(s.sign, "Awake all night");
    assert_eq!(s.action, None);
    // Editing through another person's id changes nothing.
    assert!(store::update_sign(&conn, a, &sign_input(2, "hijack").validate().expect("v")).is_err());
    assert_eq!(store::sign(&conn, a).expect("get").sign, "Awake all night");

    store::remove_sign(&conn, b, NOW).expect("remove");
    assert_eq!(store::signs(&conn, 1).expect("list").len(), 1);
    assert_eq!(
        store::remove_sign(&conn, b, NOW)
            .expect_err("refused")
            .code(),
        ErrorCode::NotFound
    );
    store::restore_sign(&conn, b).expect("restore");
    assert_eq!(store::signs(&conn, 1).expect("list").len(), 2);
    assert_eq!(store::sign(&conn, b).expect("back").sign, "Stops eating");
}

#[test]
fn noticing_needs_a_sign_or_a_note_and_a_day_not_in_the_future() {
    let today = day("2026-11-22");
    let n = NoticedInput {
        person_id: 1,
        noticed_on: "2026-11-22".into(),
        sign_ids: vec![],
        note: Some("  ".into()),
    };
    assert_eq!(
        invalid_field(n.validate(today).expect_err("refused")),
        "signIds"
    );
    let n = NoticedInput {
        noticed_on: "2026-11-23".into(),
        sign_ids: vec![1],
        ..n
    };
    assert_eq!(
        invalid_field(n.validate(today).expect_err("refused")),
        "noticedOn"
    );
    let n = NoticedInput {
        noticed_on: "22/11/2026".into(),
        ..n
    };
    assert_eq!(
        invalid_field(n.validate(today).expect_err("refused")),
        "noticedOn"
    );
    let n = NoticedInput {
        noticed_on: "2026-11-21".into(),
        sign_ids: vec![3, 1, 3],
        note: None,
        ..n
    };
    assert_eq!(n.validate(today).expect("valid").sign_ids, vec![1, 3]);
}

#[test]
fn what_was_noticed_keeps_the_words_of_the_day() {
    let mut conn = setup();
    let a = store::add_sign(
        &conn,
        &sign_input(1, "Up all night").validate().expect("v"),
        NOW,
    )
    .expect("add");
    let alex =
        store::add_sign(&conn, &sign_input(2, "Alex's").validate().expect("v"), NOW).expect("add");
    let n = NoticedInput {
        person_id: 1,
        noticed_on: "2026-11-20".into(),
        sign_ids: vec![a],
        note: Some("Three nights now".into()),
    }
    .validate(day("2026-11-22"))
    .expect("valid");
    let tx = conn.transaction().expect("tx");
    let id = store::add_noticed(&tx, &n, NOW).expect("add");
    tx.commit().expect("commit");

    // Renaming the sign later does not rewrite what was noticed.
    store::update_sign(&conn, a, &sign_input(1, "Sleepless").validate().expect("v")).expect("edit");
    let got = store::noticed_one(&conn, id).expect("get");
    assert_eq!(got.signs, lines(&["Up all night"]));
    assert_eq!(got.noticed_on, "2026-11-20");
    assert_eq!(got.note.as_deref(), Some("Three nights now"));
    assert_eq!(store::noticed(&conn, 1).expect("list"), vec![got]);

    // Another person's sign is refused, and nothing is saved.
    let wrong = ValidNoticed {
        sign_ids: vec![alex],
        ..n
    };
    let tx = conn.transaction().expect("tx");
    assert_eq!(
        store::add_noticed(&tx, &wrong, NOW)
            .expect_err("refused")
            .code(),
        ErrorCode::NotFound
    );
    drop(tx);
    assert_eq!(store::noticed(&conn, 1).expect("list").len(), 1);
}

#[test]
fn the_caregivers_card_is_validated_and_replaced_as_a_whole() {
    let mut conn = setup();
    assert_eq!(
        store::caregiver_card(&conn).expect("empty"),
        CaregiverCard::default()
    );

    let card = CaregiverCard {
        contacts: vec![
            CardContact {
                name: " My sister Jo ".into(),
                reach: Some("07700 900123".into()),
            },
            CardContact {
                name: "".into(),
                reach: None,
            },
            CardContact {
                name: "Carers' group".into(),
                reach: None,
            },
        ],
        what_helps: Some("A walk, then tea".into()),
    };
    let valid = card.validate().expect("valid");
    assert_eq!(valid.contacts.len(), 2, "a blank row is dropped");
    assert_eq!(valid.contacts[0].name, "My sister Jo");
    let tx = conn.transaction().expect("tx");
    store::save_caregiver_card(&tx, &valid, NOW).expect("save");
    tx.commit().expect("commit");
    assert_eq!(store::caregiver_card(&conn).expect("read"), valid);

    let smaller = CaregiverCard {
        contacts: vec![CardContact {
            name: "Jo".into(),
            reach: None,
        }],
        what_helps: None,
    };
    let tx = conn.transaction().expect("tx");
    store::save_caregiver_card(&tx, &smaller, LATER).expect("save");
    tx.commit().expect("commit");
    assert_eq!(store::caregiver_card(&conn).expect("read"), smaller);

    // A number without a name is refused.
    let bad = CaregiverCard {
        contacts: vec![CardContact {
            name: " ".into(),
            reach: Some("0800 123".into()),
        }],
        what_helps: None,
    };
    assert_eq!(
        invalid_field(bad.validate().expect_err("refused")),
        "contacts"
    );
}
