//! The care circle: what travels and what never does, bundles (round trip, twice, refusals),
//! merging concurrent edits with nothing lost, removed devices, and convergence of random
//! concurrent edits on two or three devices.

use proptest::prelude::*;
use rusqlite::Connection;

use super::api::{self, JoinAs, NewCareCircle};
use super::doc::CircleDoc;
use super::store;
use super::SharedKind;
use crate::db::open_in_memory;

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
    store::save_doc(&a, &circle, &mut doc).expect("save");
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
