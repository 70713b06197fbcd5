//! The care circle: what travels and what never does, bundles (round trip, twice, refusals),
//! merging concurrent edits with nothing lost, removed devices, and convergence of random
//! concurrent edits on two or three devices.

use proptest::prelude::*;
use rusqlite::Connection;

use super::api::{self, JoinAs, NewCareCircle};
use super::doc::CircleDoc;
use super::SharedKind;
use super::{passphrases, store};
use crate::db::open_in_memory;
use crate::error::Error;

const PASS: &str = "our family words";

/// A device's database with one person (id 1, named `person`).
fn device(person: &str) -> Connection {
    let conn = open_in_memory().expect("db");
    conn.execute(
        "INSERT INTO people (id, name, relationship, created_at) VALUES (1, ?1, 'child', '2026-01-01T00:00:00Z')",
        [person],
    )
    .expect("person");
    conn
}

fn add_win(c: &Connection, text: &str) -> i64 {
    c.execute(
        "INSERT INTO wins (person_id, happened_on, text, created_at) VALUES (1, '2026-11-30', ?1, '2026-11-30T10:00:00Z')",
        [text],
    )
    .expect("win");
    c.last_insert_rowid()
}

fn wins(c: &Connection) -> Vec<String> {
    let mut stmt = c
        .prepare("SELECT text FROM wins WHERE deleted_at IS NULL ORDER BY text")
        .expect("q");
    stmt.query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("wins")
}

fn save_plan(c: &Connection, coping: &str, at: &str) {
    c.execute(
        "INSERT INTO safety_plans (person_id, version, saved_at, made_together, warning_signs, coping, distractions, helpers, professionals, safer_environment)
         VALUES (1, (SELECT COALESCE(MAX(version), 0) + 1 FROM safety_plans WHERE person_id = 1), ?2, 1, 'Not sleeping', ?1, '', '', '', '')",
        [coping, at],
    )
    .expect("plan");
}

fn plans(c: &Connection) -> Vec<(i64, String)> {
    let mut stmt = c
        .prepare("SELECT version, coping FROM safety_plans ORDER BY version")
        .expect("q");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("plans")
}

fn start(c: &mut Connection, shares: &[SharedKind]) -> i64 {
    api::create_on(
        c,
        NewCareCircle {
            person_id: 1,
            your_name: "Maria".into(),
            shares: shares.to_vec(),
        },
    )
    .expect("circle")
    .id
}

fn bundle(c: &mut Connection, id: i64) -> String {
    api::bundle_on(c, id, PASS).expect("bundle")
}

fn join(c: &mut Connection, text: &str, name: &str) -> api::BundleImported {
    api::import_bundle_on(
        c,
        text,
        PASS,
        Some(JoinAs {
            person_id: 1,
            your_name: name.into(),
        }),
    )
    .expect("join")
}

fn import(c: &mut Connection, text: &str) -> api::BundleImported {
    api::import_bundle_on(c, text, PASS, None).expect("import")
}

#[test]
fn a_win_travels_in_a_bundle_and_importing_it_twice_changes_nothing() {
    let (mut a, mut b) = (device("Sam"), device("Sam"));
    add_win(&a, "Went for a walk");
    let id = start(&mut a, &[SharedKind::Wins]);
    let text = bundle(&mut a, id);
    assert!(text.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"));
    assert!(!text.contains("Went for a walk"), "the bundle is encrypted");

    let first = join(&mut b, &text, "Tom");
    assert_eq!((first.added, first.changed, first.refused), (1, 0, 0));
    assert_eq!(wins(&b), ["Went for a walk"]);
    let names: Vec<_> = first
        .circle
        .devices
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"Maria") && names.contains(&"Tom"));

    let again = import(&mut b, &text);
    assert_eq!((again.added, again.changed, again.refused), (0, 0, 0));
    assert_eq!(
        wins(&b),
        ["Went for a walk"],
        "the same bundle twice adds nothing"
    );
}

#[test]
fn an_edit_and_a_removal_travel_back_and_forth() {
    let (mut a, mut b) = (device("Sam"), device("Sam"));
    let win = add_win(&a, "Cooked dinner");
    let id = start(&mut a, &[SharedKind::Wins]);
    let text = bundle(&mut a, id);
    let bid = join(&mut b, &text, "Tom").circle.id;

    b.execute("UPDATE wins SET text = 'Cooked dinner for all of us'", [])
        .expect("edit");
    let back = bundle(&mut b, bid);
    let got = import(&mut a, &back);
    assert_eq!((got.added, got.changed), (0, 1));
    assert_eq!(wins(&a), ["Cooked dinner for all of us"]);

    a.execute(
        "UPDATE wins SET deleted_at = '2026-12-01T09:00:00Z' WHERE id = ?1",
        [win],
    )
    .expect("remove");
    let text = bundle(&mut a, id);
    import(&mut b, &text);
    assert!(wins(&b).is_empty(), "a removal travels too");
}

#[test]
fn what_is_not_shared_never_travels() {
    let (mut a, mut b) = (device("Sam"), device("Sam"));
    add_win(&a, "Laughed at dinner");
    a.execute_batch(
        "INSERT INTO daily_checks (day, strain, for_myself, note, updated_at) VALUES ('2026-11-30', 8, 0, 'I am worn out and cried in the car', '2026-11-30T20:00:00Z');
         INSERT INTO listening_moments (person_id, happened_on, shared, listened, created_at) VALUES (1, '2026-11-30', 'They said they felt alone', 'yes', '2026-11-30T20:00:00Z');
         INSERT INTO checkins (person_id, happened_on, how, created_at) VALUES (1, '2026-11-30', 'call', '2026-11-30T20:00:00Z');",
    )
    .expect("private rows");
    // Everything a circle can share, except check-ins.
    let shares: Vec<_> = SharedKind::ALL
        .into_iter()
        .filter(|k| *k != SharedKind::Checkins)
        .collect();
    let id = start(&mut a, &shares);
    let device = store::device(&a).expect("device");
    let circle = store::circle(&a, id).expect("q").expect("circle");
    let mut doc = store::load_doc(&a, &circle, &device).expect("doc");
    let bytes = String::from_utf8_lossy(&doc.save()).into_owned();
    assert!(
        bytes.contains("Laughed at dinner"),
        "the document holds the win"
    );
    assert!(!bytes.contains("worn out"), "strain never goes in");
    assert!(
        !bytes.contains("felt alone"),
        "listening moments never go in"
    );

    join(&mut b, &bundle(&mut a, id), "Tom");
    let strain: i64 = b
        .query_row("SELECT count(*) FROM daily_checks", [], |r| r.get(0))
        .expect("q");
    let checkins: i64 = b
        .query_row("SELECT count(*) FROM checkins", [], |r| r.get(0))
        .expect("q");
    assert_eq!((strain, checkins), (0, 0));
}

#[test]
fn a_safety_plan_edited_on_both_sides_apart_keeps_both_versions() {
    let (mut a, mut b) = (device("Sam"), device("Sam"));
    save_plan(&a, "Walk together", "2026-11-01T10:00:00Z");
    let id = start(&mut a, &[SharedKind::SafetyPlan]);
    let bid = join(&mut b, &bundle(&mut a, id), "Tom").circle.id;
    assert_eq!(plans(&b), [(1, "Walk together".to_owned())]);

    // Both change the plan while apart.
    save_plan(&a, "Walk together\nCall Gran", "2026-12-01T10:00:00Z");
    save_plan(&b, "Walk together\nPlay music", "2026-12-01T11:00:00Z");
    let from_a = bundle(&mut a, id);
    let from_b = bundle(&mut b, bid);
    import(&mut a, &from_b);
    import(&mut b, &from_a);

    // Both kept, numbered in the order they were saved: the same latest version on each side.
    let expected = vec![
        (1, "Walk together".to_owned()),
        (2, "Walk together\nCall Gran".to_owned()),
        (3, "Walk together\nPlay music".to_owned()),
    ];
    assert_eq!(plans(&a), expected);
    assert_eq!(plans(&b), expected);
}

#[test]
fn a_removed_device_gets_nothing_new_and_its_changes_are_not_taken() {
    let (mut a, mut b) = (device("Sam"), device("Sam"));
    let id = start(&mut a, &[SharedKind::Wins]);
    let bid = join(&mut b, &bundle(&mut a, id), "Tom").circle.id;
    // A learns of Tom's device, then removes it.
    import(&mut a, &bundle(&mut b, bid));
    let tom = store::device(&b).expect("device").id();
    let circle = api::remove_device_on(&mut a, id, &tom).expect("removed");
    assert!(circle
        .devices
        .iter()
        .any(|d| d.device == tom && d.removed_at.is_some()));

    add_win(&b, "Written after Tom was removed");
    let got = import(&mut a, &bundle(&mut b, bid));
    assert_eq!(got.added, 0);
    assert!(
        wins(&a).is_empty(),
        "the removed device's new win is not taken"
    );
}

#[test]
fn a_bad_bundle_is_refused_in_plain_words_and_changes_nothing() {
    let (mut a, mut b) = (device("Sam"), device("Sam"));
    add_win(&a, "Slept well");
    let id = start(&mut a, &[SharedKind::Wins]);
    let text = bundle(&mut a, id);

    let wrong = api::import_bundle_on(&mut b, &text, "not our words", None).expect_err("refused");
    assert!(wrong.to_string().contains("Nothing was changed"), "{wrong}");
    let not_a_bundle = api::import_bundle_on(&mut b, "hello", PASS, None).expect_err("refused");
    assert!(
        not_a_bundle
            .to_string()
            .contains("not a care circle bundle"),
        "{not_a_bundle}"
    );
    let unjoined = api::import_bundle_on(&mut b, &text, PASS, None).expect_err("refused");
    assert!(unjoined.to_string().contains("about Sam"), "{unjoined}");
    let export =
        crate::transfer::protect::seal(r#"{"format":"alongside-everything","schema":1}"#, PASS)
            .expect("sealed");
    let other = api::import_bundle_on(&mut b, &export, PASS, None).expect_err("refused");
    assert!(
        other.to_string().contains("not a care circle bundle"),
        "{other}"
    );

    assert!(wins(&b).is_empty());
    assert!(store::circles(&b).expect("circles").is_empty());
}

#[test]
fn a_record_that_arrives_wrong_is_left_out_and_counted() {
    let (mut a, mut b) = (device("Sam"), device("Sam"));
    add_win(&a, "Good day");
    let id = start(&mut a, &[SharedKind::Wins]);
    let device = store::device(&a).expect("device");
    let circle = store::circle(&a, id).expect("q").expect("circle");
    let mut doc = store::load_doc(&a, &circle, &device).expect("doc");
    use crate::transfer::SqlValue;
    doc.put_record(
        SharedKind::Wins,
        "00ff",
        &device.id(),
        &[
            ("happened_on", SqlValue::Text("not a day".into())),
            ("text", SqlValue::Text("Broken".into())),
            ("note", SqlValue::Null),
            ("created_at", SqlValue::Text("2026-11-30T10:00:00Z".into())),
            ("deleted_at", SqlValue::Null),
        ],
    )
    .expect("put");
    store::save_doc(&a, &circle, doc).expect("save");
    let text = api::bundle_on(&mut a, id, PASS).expect("bundle");
    let got = join(&mut b, &text, "Tom");
    assert_eq!((got.added, got.refused), (1, 1));
    assert_eq!(wins(&b), ["Good day"]);
}

#[test]
fn names_and_choices_are_checked_before_anything_is_written() {
    let mut a = device("Sam");
    let empty = api::create_on(
        &mut a,
        NewCareCircle {
            person_id: 1,
            your_name: "  ".into(),
            shares: vec![SharedKind::Wins],
        },
    )
    .expect_err("refused");
    assert!(empty.to_string().contains("your name"), "{empty}");
    let nobody = api::create_on(
        &mut a,
        NewCareCircle {
            person_id: 9,
            your_name: "Maria".into(),
            shares: vec![],
        },
    );
    assert!(nobody.is_err());
    assert!(store::circles(&a).expect("circles").is_empty());
    start(&mut a, &[SharedKind::Wins]);
    let twice = api::create_on(
        &mut a,
        NewCareCircle {
            person_id: 1,
            your_name: "Maria".into(),
            shares: vec![],
        },
    )
    .expect_err("refused");
    assert!(
        twice.to_string().contains("already a care circle"),
        "{twice}"
    );
}

/// One step of a random history: a device adds, edits or removes a win, or two devices sync.
#[derive(Debug, Clone)]
enum Step {
    Add(usize, u8),
    Edit(usize, u8, u8),
    Remove(usize, u8),
    Sync(usize, usize),
}

fn step(n: usize) -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..n, any::<u8>()).prop_map(|(d, t)| Step::Add(d, t)),
        (0..n, any::<u8>(), any::<u8>()).prop_map(|(d, w, t)| Step::Edit(d, w, t)),
        (0..n, any::<u8>()).prop_map(|(d, w)| Step::Remove(d, w)),
        (0..n, 0..n).prop_map(|(a, b)| Step::Sync(a, b)),
    ]
}

/// Syncs `from` into `to` through their documents (as a live connection or a bundle does).
fn sync(devices: &mut [(Connection, i64)], from: usize, to: usize) {
    if from == to {
        return;
    }
    let (conn, id) = &mut devices[from];
    api::publish_on(conn, *id).expect("publish");
    let device = store::device(conn).expect("device");
    let circle = store::circle(conn, *id).expect("q").expect("circle");
    let bytes = store::load_doc(conn, &circle, &device).expect("doc").save();
    let (conn, id) = &mut devices[to];
    let me = store::device(conn).expect("device");
    let mut other = CircleDoc::load(&bytes, &me.public()).expect("load");
    let circle = store::circle(conn, *id).expect("q").expect("circle");
    api::merge_on(conn, &circle, &mut other, None).expect("merge");
}

fn win_ids(c: &Connection) -> Vec<i64> {
    let mut stmt = c
        .prepare("SELECT id FROM wins WHERE deleted_at IS NULL ORDER BY id")
        .expect("q");
    stmt.query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("ids")
}

fn all_wins(c: &Connection) -> Vec<(String, Option<String>)> {
    let mut stmt = c
        .prepare("SELECT text, deleted_at FROM wins ORDER BY text, deleted_at")
        .expect("q");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("wins")
}

fn converge(n: usize, steps: Vec<Step>) {
    let mut a = device("Sam");
    let id = start(&mut a, &[SharedKind::Wins]);
    let text = bundle(&mut a, id);
    let mut devices = vec![(a, id)];
    for i in 1..n {
        let mut c = device("Sam");
        let cid = join(&mut c, &text, &format!("Relative {i}")).circle.id;
        devices.push((c, cid));
    }
    for s in steps {
        match s {
            Step::Add(d, t) => {
                add_win(&devices[d].0, &format!("win {t}"));
            }
            Step::Edit(d, w, t) => {
                let ids = win_ids(&devices[d].0);
                if !ids.is_empty() {
                    let id = ids[w as usize % ids.len()];
                    devices[d]
                        .0
                        .execute(
                            "UPDATE wins SET text = ?1 WHERE id = ?2",
                            rusqlite::params![format!("edited {t}"), id],
                        )
                        .expect("edit");
                }
            }
            Step::Remove(d, w) => {
                let ids = win_ids(&devices[d].0);
                if !ids.is_empty() {
                    let id = ids[w as usize % ids.len()];
                    devices[d]
                        .0
                        .execute(
                            "UPDATE wins SET deleted_at = '2026-12-01T00:00:00Z' WHERE id = ?1",
                            [id],
                        )
                        .expect("remove");
                }
            }
            Step::Sync(from, to) => sync(&mut devices, from, to),
        }
    }
    // Everyone syncs with everyone, twice round.
    for _ in 0..2 {
        for from in 0..n {
            for to in 0..n {
                sync(&mut devices, from, to);
            }
        }
    }
    let first = all_wins(&devices[0].0);
    let mut heads = vec![];
    for (conn, id) in &devices {
        assert_eq!(all_wins(conn), first, "every device holds the same wins");
        let device = store::device(conn).expect("device");
        let circle = store::circle(conn, *id).expect("q").expect("circle");
        heads.push(
            store::load_doc(conn, &circle, &device)
                .expect("doc")
                .heads(),
        );
    }
    assert!(
        heads.windows(2).all(|w| w[0] == w[1]),
        "the same history everywhere"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn two_devices_editing_apart_converge(steps in proptest::collection::vec(step(2), 0..25)) {
        converge(2, steps);
    }

    #[test]
    fn three_devices_editing_apart_converge(steps in proptest::collection::vec(step(3), 0..25)) {
        converge(3, steps);
    }
}

#[test]
fn who_is_doing_what_is_checked_listed_and_travels() {
    use super::tasks::{self, CareTaskInput};
    let db = crate::database::Database::from_connection(device("Sam"));
    let input = |what: &str, who: &str, day: Option<&str>| CareTaskInput {
        person_id: 1,
        what: what.into(),
        who: who.into(),
        on_day: day.map(str::to_owned),
    };
    let empty = tasks::add_care_task(&db, input(" ", "Tom", None)).expect_err("refused");
    assert!(empty.to_string().contains("what needs doing"), "{empty}");
    let bad_day =
        tasks::add_care_task(&db, input("Drive", "Tom", Some("Tuesday"))).expect_err("refused");
    assert!(matches!(
        bad_day,
        crate::Error::Invalid {
            field: Some("onDay"),
            ..
        }
    ));
    let drive = tasks::add_care_task(&db, input("Drive to the clinic", "Tom", Some("2026-12-08")))
        .expect("added");
    tasks::add_care_task(&db, input("Pick up the prescription", "Maria", None)).expect("added");
    tasks::add_care_task(&db, input("Call the GP", "Maria", Some("2026-12-07"))).expect("added");
    let list = tasks::care_tasks(&db, 1).expect("list");
    let order: Vec<_> = list.iter().map(|t| t.what.as_str()).collect();
    assert_eq!(
        order,
        [
            "Call the GP",
            "Drive to the clinic",
            "Pick up the prescription"
        ]
    );

    let done = tasks::set_care_task_done(&db, drive.id, true).expect("done");
    assert!(done.done);
    assert_eq!(
        tasks::care_tasks(&db, 1)
            .expect("list")
            .last()
            .map(|t| t.id),
        Some(drive.id)
    );
    tasks::remove_care_task(&db, drive.id).expect("removed");
    assert_eq!(tasks::care_tasks(&db, 1).expect("list").len(), 2);
    tasks::restore_care_task(&db, drive.id).expect("restored");

    let id = db
        .with(|c| Ok(start(c, &[SharedKind::Tasks])))
        .expect("circle");
    let text = db.with(|c| Ok(bundle(c, id))).expect("bundle");
    let mut b = device("Sam");
    assert_eq!(join(&mut b, &text, "Tom").added, 3);
    let whats: i64 = b
        .query_row(
            "SELECT count(*) FROM care_tasks WHERE done_at IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .expect("q");
    assert_eq!(whats, 1, "the done item arrives done");
}

#[test]
fn after_a_removal_a_bundle_needs_a_passphrase_the_removed_relative_cannot_know() {
    const NEW: &str = "a new one for the three of us";
    let (mut a, mut b, mut c) = (device("Sam"), device("Sam"), device("Sam"));
    let id = start(&mut a, &[SharedKind::Wins]);
    let first = bundle(&mut a, id);
    let bid = join(&mut b, &first, "Tom").circle.id;
    let cid = join(&mut c, &first, "Ann").circle.id;
    import(&mut a, &bundle(&mut b, bid));
    import(&mut a, &bundle(&mut c, cid));
    // Before any removal the same passphrase can be used again.
    bundle(&mut a, id);

    let tom = store::device(&b).expect("device").id();
    api::remove_device_on(&mut a, id, &tom).expect("removed");
    add_win(&a, "Written after Tom was removed");
    let doc_before: Vec<u8> = a
        .query_row("SELECT doc FROM care_circles WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .expect("doc");
    let refused = api::bundle_on(&mut a, id, PASS).expect_err("the old passphrase is refused");
    let Error::Invalid { field, message } = refused else {
        panic!("a plain refusal: {refused:?}");
    };
    assert_eq!(field, Some("passphrase"));
    assert!(message.contains("choose a new passphrase"), "{message}");
    let doc_after: Vec<u8> = a
        .query_row("SELECT doc FROM care_circles WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .expect("doc");
    assert_eq!(doc_before, doc_after, "a refused save changes nothing");

    // With a new passphrase: Tom, who knows only the old one, cannot open it; Ann, told the
    // new one, can.
    let text = api::bundle_on(&mut a, id, NEW).expect("a new passphrase works");
    assert!(api::import_bundle_on(&mut b, &text, PASS, None).is_err());
    assert!(wins(&b).is_empty(), "Tom gets nothing new");
    api::import_bundle_on(&mut c, &text, NEW, None).expect("Ann opens it");
    assert_eq!(wins(&c), vec!["Written after Tom was removed".to_string()]);
    // Ann, who now knows of the removal, cannot save with the old passphrase either.
    assert!(api::bundle_on(&mut c, cid, PASS).is_err());
    api::bundle_on(&mut c, cid, NEW).expect("the new passphrase works for Ann too");
}

#[test]
fn only_the_newest_passphrases_are_remembered() {
    let mut a = device("Sam");
    let id = start(&mut a, &[SharedKind::Wins]);
    for i in 0..passphrases::KEEP + 3 {
        api::bundle_on(&mut a, id, &format!("passphrase number {i}")).expect("bundle");
    }
    let n: i64 = a
        .query_row(
            "SELECT count(*) FROM care_bundle_passphrases WHERE circle = ?1",
            [id],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(n, passphrases::KEEP);
    // Using the same one again adds no row.
    api::bundle_on(&mut a, id, "passphrase number 18").expect("bundle");
    let again: i64 = a
        .query_row("SELECT count(*) FROM care_bundle_passphrases", [], |r| {
            r.get(0)
        })
        .expect("count");
    assert_eq!(again, passphrases::KEEP);
}

/// The document as the row holds it, read afresh (never the one kept in memory).
fn stored_members(c: &Connection, id: i64) -> Vec<String> {
    let bytes: Vec<u8> = c
        .query_row("SELECT doc FROM care_circles WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .expect("doc");
    CircleDoc::load(&bytes, &[9; 32])
        .expect("the saved form loads as one document")
        .members()
        .into_iter()
        .map(|m| m.name)
        .collect()
}

#[test]
fn a_kept_document_is_used_only_while_the_row_still_holds_it() {
    let mut a = device("Sam");
    let id = start(&mut a, &[SharedKind::Wins]);
    let circle = store::circle(&a, id).expect("read").expect("circle");
    let me = store::device(&a).expect("device");

    // A change saved in a transaction that is then rolled back is not seen afterwards, though
    // the document with it was kept in memory.
    {
        let tx = a.transaction().expect("tx");
        let mut doc = store::load_doc(&tx, &circle, &me).expect("doc");
        doc.add_member("device-tom", "Tom", "2026-12-04T10:00:00Z")
            .expect("add");
        store::save_doc(&tx, &circle, doc).expect("save");
        // Dropped without commit: rolled back.
    }
    let doc = store::load_doc(&a, &circle, &me).expect("doc");
    assert_eq!(
        doc.members()
            .iter()
            .map(|m| m.name.as_str())
            .collect::<Vec<_>>(),
        ["Maria"]
    );
    store::keep_doc(&a, &circle, doc).expect("keep");

    // Another database whose circle has the same row id never gets this one's document.
    let mut b = device("Sam");
    let bid = start(&mut b, &[SharedKind::Wins]);
    assert_eq!(bid, id);
    let b_circle = store::circle(&b, bid).expect("read").expect("circle");
    let b_me = store::device(&b).expect("device");
    let mut doc = store::load_doc(&b, &b_circle, &b_me).expect("doc");
    assert_ne!(
        doc.circle_id(),
        store::load_doc(&a, &circle, &me).expect("doc").circle_id()
    );
    doc.add_member("device-jo", "Jo", "2026-12-04T10:00:00Z")
        .expect("add");
    store::save_doc(&b, &b_circle, doc).expect("save");
    assert_eq!(stored_members(&b, bid), ["Jo", "Maria"]);
    assert_eq!(stored_members(&a, id), ["Maria"]);
}

#[test]
fn saves_append_the_changes_and_compact_once_they_are_half_the_whole() {
    let mut a = device("Sam");
    let id = start(&mut a, &[SharedKind::Wins]);
    let circle = store::circle(&a, id).expect("read").expect("circle");
    let me = store::device(&a).expect("device");
    let appended = |c: &Connection| -> (i64, i64) {
        c.query_row(
            "SELECT doc_appended, length(doc) FROM care_circles WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("row")
    };
    let mut compacted = false;
    let mut grew = false;
    for i in 0..60 {
        let before = appended(&a);
        let mut doc = store::load_doc(&a, &circle, &me).expect("doc");
        doc.add_member(
            &format!("device-{i}"),
            &format!("Relative {i}"),
            "2026-12-04T10:00:00Z",
        )
        .expect("add");
        store::save_doc(&a, &circle, doc).expect("save");
        let after = appended(&a);
        if after.0 > before.0 {
            grew = true;
            assert_eq!(
                after.1 - before.1,
                after.0 - before.0,
                "only the change is added"
            );
        }
        if after.0 == 0 && before.0 > 0 {
            compacted = true;
        }
        assert!(
            after.0 * 2 <= after.1 + 4096,
            "never more appended than half: {after:?}"
        );
        assert_eq!(
            stored_members(&a, id).len(),
            i + 2,
            "the saved form holds every change"
        );
    }
    assert!(grew, "changes were appended");
    assert!(compacted, "the whole was saved again");
}
