use chrono::NaiveDate;
use rusqlite::Connection;

use super::*;
use crate::db::open_in_memory;
use crate::wins::WinFilter;

const NOW: &str = "2026-11-22T10:00:00Z";

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

fn add(
    conn: &mut Connection,
    person: i64,
    on: &str,
    text: &str,
    tags: &[&str],
    note: Option<&str>,
) -> i64 {
    let tx = conn.transaction().expect("tx");
    let id = insert(
        &tx,
        &ValidWin {
            person_id: person,
            text: text.into(),
            happened_on: day(on),
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            note: note.map(Into::into),
        },
        NOW,
    )
    .expect("insert");
    tx.commit().expect("commit");
    id
}

fn search(conn: &Connection, q: &str) -> Vec<i64> {
    let f = WinFilter {
        search: Some(q.into()),
        ..Default::default()
    }
    .validate()
    .expect("filter");
    page(conn, &f, None, 50)
        .expect("page")
        .wins
        .iter()
        .map(|w| w.id)
        .collect()
}

#[test]
fn a_win_keeps_its_tags_person_and_note() {
    let mut conn = setup();
    let id = add(
        &mut conn,
        1,
        "2026-11-20",
        "Cooked dinner",
        &["daily living", "Self-care"],
        Some("We ate together"),
    );
    let w = get(&conn, id).expect("get");
    assert_eq!(w.person_name, "Sam");
    assert_eq!(w.happened_on, "2026-11-20");
    assert_eq!(
        w.tags,
        vec!["daily living", "self-care"],
        "stored tag names, sorted"
    );
    assert_eq!(w.note.as_deref(), Some("We ate together"));
    assert_eq!(total(&conn).expect("total"), 1);
}

#[test]
fn unknown_people_and_tags_save_nothing() {
    let mut conn = setup();
    let tx = conn.transaction().expect("tx");
    let w = ValidWin {
        person_id: 99,
        text: "x".into(),
        happened_on: day("2026-11-20"),
        tags: vec![],
        note: None,
    };
    assert!(matches!(
        insert(&tx, &w, NOW),
        Err(Error::NotFound("person"))
    ));
    let w = ValidWin {
        person_id: 1,
        tags: vec!["no such tag".into()],
        ..w
    };
    let e = insert(&tx, &w, NOW).expect_err("tag");
    assert!(e.caregiver_message().contains("no such tag"));
    drop(tx);
    assert_eq!(total(&conn).expect("total"), 0);
}

#[test]
fn the_search_index_follows_edits_deletes_and_undo() {
    let mut conn = setup();
    let walk = add(
        &mut conn,
        1,
        "2026-11-20",
        "Went for a walk",
        &[],
        Some("Sunny by the river"),
    );
    let call = add(&mut conn, 2, "2026-11-21", "Called grandma", &[], None);
    assert_eq!(search(&conn, "walk"), vec![walk]);
    assert_eq!(search(&conn, "river"), vec![walk], "notes are searched too");
    assert_eq!(search(&conn, "walking"), vec![walk], "word forms match");
    assert_eq!(
        search(&conn, "walk river"),
        vec![walk],
        "every word must match"
    );
    assert!(search(&conn, "walk grandma").is_empty());

    let tx = conn.transaction().expect("tx");
    update(
        &tx,
        walk,
        &ValidWin {
            person_id: 1,
            text: "Went swimming".into(),
            happened_on: day("2026-11-20"),
            tags: vec![],
            note: None,
        },
    )
    .expect("update");
    tx.commit().expect("commit");
    assert!(
        search(&conn, "walk").is_empty(),
        "old words leave the index"
    );
    assert!(search(&conn, "river").is_empty());
    assert_eq!(search(&conn, "swimming"), vec![walk]);

    soft_delete(&conn, call, NOW).expect("delete");
    assert!(search(&conn, "grandma").is_empty());
    assert!(matches!(get(&conn, call), Err(Error::NotFound("win"))));
    restore(&conn, call).expect("undo");
    assert_eq!(search(&conn, "grandma"), vec![call]);

    // A hard delete (a person's data removed for good) leaves nothing behind in the index.
    conn.execute("DELETE FROM wins WHERE id = ?1", [call])
        .expect("hard delete");
    let left: i64 = conn
        .query_row(
            "SELECT count(*) FROM wins_fts WHERE wins_fts MATCH 'grandma'",
            [],
            |r| r.get(0),
        )
        .expect("fts");
    assert_eq!(left, 0);
}

#[test]
fn search_marks_the_matched_words() {
    let mut conn = setup();
    add(&mut conn, 1, "2026-11-20", "Went for a walk", &[], None);
    let f = WinFilter {
        search: Some("walk".into()),
        ..Default::default()
    }
    .validate()
    .expect("filter");
    let w = &page(&conn, &f, None, 10).expect("page").wins[0];
    let marked = w.text_marked.as_ref().expect("marked");
    assert!(
        marked.iter().any(|s| s.hit && s.text == "walk"),
        "{marked:?}"
    );
}

#[test]
fn pages_run_newest_first_without_gaps_or_repeats() {
    let mut conn = setup();
    let mut ids = Vec::new();
    for i in 0..25 {
        // Several wins share a day: the id breaks ties.
        ids.push(add(
            &mut conn,
            1 + (i % 2),
            &format!("2026-11-{:02}", 1 + i / 3),
            &format!("win {i}"),
            &[],
            None,
        ));
    }
    let f = ValidFilter::default();
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let p = page(&conn, &f, cursor.as_ref(), 10).expect("page");
        seen.extend(p.wins.iter().map(|w| (w.happened_on.clone(), w.id)));
        match p.next {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    assert_eq!(seen.len(), 25);
    let mut sorted = seen.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(seen, sorted, "newest first, ties by newest id");
}

#[test]
fn filters_by_person_tag_and_dates_with_counts() {
    let mut conn = setup();
    add(&mut conn, 1, "2026-10-30", "October win", &["social"], None);
    add(&mut conn, 1, "2026-11-02", "Monday win", &["social"], None);
    add(&mut conn, 2, "2026-11-03", "Alex win", &["creative"], None);
    add(&mut conn, 1, "2026-11-20", "Later win", &[], None);

    let only = |f: WinFilter| -> Vec<String> {
        let v = f.validate().expect("filter");
        page(&conn, &v, None, 50)
            .expect("page")
            .wins
            .into_iter()
            .map(|w| w.text)
            .collect()
    };
    assert_eq!(
        only(WinFilter {
            person_id: Some(2),
            ..Default::default()
        }),
        vec!["Alex win"]
    );
    assert_eq!(
        only(WinFilter {
            tag: Some("social".into()),
            ..Default::default()
        }),
        vec!["Monday win", "October win"]
    );
    assert_eq!(
        only(WinFilter {
            from: Some("2026-11-01".into()),
            to: Some("2026-11-10".into()),
            ..Default::default()
        }),
        vec!["Alex win", "Monday win"]
    );

    let p = page(&conn, &ValidFilter::default(), None, 50).expect("page");
    let months: Vec<(String, u32)> = p
        .months
        .iter()
        .map(|m| (m.period.clone(), m.count))
        .collect();
    assert_eq!(months, vec![("2026-11".into(), 3), ("2026-10".into(), 1)]);
    // Weeks start on Monday: 2 November 2026 is a Monday; 30 October falls in the week of 26 October.
    let weeks: Vec<(String, u32)> = p
        .weeks
        .iter()
        .map(|w| (w.period.clone(), w.count))
        .collect();
    assert_eq!(
        weeks,
        vec![
            ("2026-11-16".into(), 1),
            ("2026-11-02".into(), 2),
            ("2026-10-26".into(), 1)
        ]
    );
}

#[test]
fn a_removed_person_takes_their_wins_out_of_view_until_undo() {
    let mut conn = setup();
    add(&mut conn, 2, "2026-11-03", "Alex win", &[], None);
    crate::people::store::remove(&conn, 2, NOW).expect("remove");
    assert_eq!(total(&conn).expect("total"), 0);
    assert!(page(&conn, &ValidFilter::default(), None, 10)
        .expect("page")
        .wins
        .is_empty());
    crate::people::store::restore(&conn, 2).expect("restore");
    assert_eq!(total(&conn).expect("total"), 1);
}

#[test]
fn tags_are_listed_and_new_ones_must_be_new() {
    let conn = setup();
    let names: Vec<String> = tags(&conn)
        .expect("tags")
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(
        names,
        vec![
            "creative",
            "daily living",
            "self-care",
            "social",
            "treatment",
            "work or school"
        ]
    );
    add_tag(&conn, "music", NOW).expect("new tag");
    let e = add_tag(&conn, "Music", NOW).expect_err("duplicate");
    assert!(e.caregiver_message().contains("already"));
}

#[test]
fn on_this_day_finds_that_day_only() {
    let mut conn = setup();
    add(&mut conn, 1, "2026-10-22", "A month ago", &[], None);
    add(&mut conn, 1, "2026-10-21", "Not that day", &[], None);
    let wins = on_day(&conn, day("2026-10-22")).expect("day");
    assert_eq!(wins.len(), 1);
    assert_eq!(wins[0].text, "A month ago");
}

#[test]
fn a_search_matching_thousands_of_wins_pages_completely_and_in_order() {
    let mut conn = setup();
    {
        let tx = conn.transaction().expect("tx");
        for i in 0..2_100 {
            let w = ValidWin {
                person_id: 1,
                text: format!("walk number {i}"),
                happened_on: day("2020-01-01") + chrono::Duration::days(i / 4),
                tags: vec![],
                note: None,
            };
            insert(&tx, &w, NOW).expect("insert");
        }
        tx.commit().expect("commit");
    }
    add(&mut conn, 1, "2026-11-20", "Something else", &[], None);
    let f = WinFilter {
        search: Some("walk".into()),
        ..Default::default()
    }
    .validate()
    .expect("filter");
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let p = page(&conn, &f, cursor.as_ref(), 50).expect("page");
        assert!(p.wins.iter().all(|w| w
            .text_marked
            .as_ref()
            .is_some_and(|m| m.iter().any(|s| s.hit))));
        if seen.is_empty() {
            assert_eq!(
                p.months[0].count, 32,
                "June 2021: the 1st to the 8th, four wins a day"
            );
        }
        seen.extend(p.wins.iter().map(|w| (w.happened_on.clone(), w.id)));
        match p.next {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    assert_eq!(seen.len(), 2_100, "every match, once");
    let mut sorted = seen.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(seen, sorted);
}

#[test]
fn renaming_a_tag_changes_it_on_every_win() {
    let mut conn = setup();
    let id = add(&mut conn, 1, "2026-11-20", "Sang", &["creative"], None);
    let creative = tags(&conn)
        .expect("tags")
        .into_iter()
        .find(|t| t.name == "creative")
        .expect("tag");
    rename_tag(&conn, creative.id, "music and art").expect("rename");
    assert_eq!(get(&conn, id).expect("win").tags, vec!["music and art"]);
    let e = rename_tag(&conn, creative.id, "Social").expect_err("taken");
    assert!(e.caregiver_message().contains("already"));
    // Changing only the capitals of its own name is fine.
    rename_tag(&conn, creative.id, "Music and art").expect("same tag");
    assert!(matches!(
        rename_tag(&conn, 999, "x"),
        Err(Error::NotFound("tag"))
    ));
}
