//! The circle of support: its words, its rules (what counts as thin, which ideas and suggestions
//! come, and how they rotate), and its store (nothing lost, a refused request changes nothing).

use chrono::{Duration, NaiveDate};

use super::content::{self, IdeaFor};
use super::rules::{self, PersonCircle};
use super::*;
use crate::database::Database;
use crate::db::open_in_memory;
use crate::learn::readability::{reading_grade, terms_to_avoid_in};

fn day(s: &str) -> NaiveDate {
    s.parse().expect("day")
}

const TODAY: &str = "2026-12-03";

fn member(id: i64, name: &str, tie: Tie, kinds: &[SupportKind], feels: Option<Feels>) -> Member {
    Member {
        id,
        person_id: Some(1),
        name: name.into(),
        tie,
        closeness: Closeness::Close,
        kinds: kinds.to_vec(),
        feels,
        last_seen: None,
        note: None,
    }
}

fn db() -> Database {
    let conn = open_in_memory().expect("db");
    conn.execute_batch(
        "INSERT INTO profile (id, caregiver_name, region, onboarded_at) VALUES (1, 'Jo', 'GB', 'x');
         INSERT INTO people (id, name, relationship, created_at) VALUES (1, 'Sam', 'child', 'x'), (2, 'Alex', 'partner', 'x');",
    )
    .expect("rows");
    Database::from_connection(conn)
}

fn input(person: Option<i64>, name: &str, kinds: &[SupportKind]) -> MemberInput {
    MemberInput {
        person_id: person,
        name: name.into(),
        tie: Tie::Friend,
        closeness: Closeness::Close,
        kinds: kinds.to_vec(),
        feels: Some(Feels::Helps),
        last_seen: None,
        note: None,
    }
}

fn count(db: &Database, table: &str) -> i64 {
    db.with(|c| Ok(c.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?))
        .expect("count")
}

// ---- The words ----

#[test]
fn the_words_parse_with_five_kinds_in_order_and_ideas_for_each() {
    let c = content::parse(content::TEXT).expect("circle.toml parses");
    let kinds: Vec<SupportKind> = c.kinds.iter().map(|k| k.id).collect();
    assert_eq!(kinds, SupportKind::ALL);
    for kind in SupportKind::ALL {
        let for_person = c
            .ideas
            .iter()
            .filter(|i| i.kind == kind && i.for_whom == IdeaFor::Person)
            .count();
        assert!(
            for_person >= 3,
            "{kind:?}: {for_person} ideas for the person"
        );
    }
    let for_me = c.ideas.iter().filter(|i| i.for_whom == IdeaFor::Me).count();
    assert!(for_me >= 5, "{for_me} ideas for the caregiver");
    let mut ids: Vec<&str> = c.ideas.iter().map(|i| i.id.as_str()).collect();
    ids.extend(c.suggestions.iter().map(|s| s.id.as_str()));
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "ids are unique");
}

#[test]
fn every_idea_has_steps_sources_and_real_cards() {
    for i in &content::all().ideas {
        assert!((2..=4).contains(&i.steps.len()), "{}: 2 to 4 steps", i.id);
        assert!(!i.sources.is_empty(), "{}: a source", i.id);
        for s in &i.sources {
            assert!(s.url.starts_with("https://"), "{}: {}", i.id, s.url);
            assert!(!s.title.trim().is_empty(), "{}", i.id);
        }
        for card in &i.cards {
            assert!(
                crate::learn::card(card).is_some(),
                "{}: no card {card}",
                i.id
            );
        }
    }
}

#[test]
fn the_words_read_at_grade_eight_or_lower_in_person_first_language() {
    let c = content::all();
    let mut texts: Vec<(String, String)> = Vec::new();
    for k in &c.kinds {
        texts.push((
            k.name.clone(),
            format!("{} {} {}", k.name, k.about, k.example),
        ));
    }
    for i in &c.ideas {
        texts.push((
            i.id.clone(),
            format!("{}. {} {}", i.title, i.why, i.steps.join(" ")),
        ));
    }
    for s in &c.suggestions {
        texts.push((s.id.clone(), s.text.clone()));
    }
    let mut too_hard = Vec::new();
    let mut terms = Vec::new();
    for (id, text) in &texts {
        let g = reading_grade(text);
        if g > 8.0 {
            too_hard.push(format!("{id} (grade {g:.1})"));
        }
        let found = terms_to_avoid_in(text);
        if !found.is_empty() {
            terms.push(format!("{id}: {found:?}"));
        }
    }
    assert!(too_hard.is_empty(), "above grade 8: {too_hard:?}");
    assert!(terms.is_empty(), "{terms:?}");
}

#[test]
fn every_suggestion_fits_its_place_and_every_thin_kind_has_one() {
    let c = content::all();
    for s in &c.suggestions {
        let filled = s
            .text
            .replace("{name}", "Alexandra")
            .replace("{who}", "Christopher");
        assert!(
            filled.chars().count() <= 120,
            "{}: too long for Today",
            s.id
        );
        assert!(s.text.contains("{name}"), "{}", s.id);
        assert_eq!(s.text.contains("{who}"), s.when == "not-seen", "{}", s.id);
        let known = s.when == "not-seen"
            || s.when == "me-thin"
            || s.when
                .strip_prefix("thin:")
                .is_some_and(|k| SupportKind::parse(k).is_some());
        assert!(known, "{}: when = {}", s.id, s.when);
    }
    for kind in SupportKind::ALL {
        assert!(
            !content::suggestions_when(&format!("thin:{}", kind.as_str())).is_empty(),
            "{kind:?}"
        );
    }
    assert!(content::suggestions_when("not-seen").len() >= 2);
    assert!(!content::suggestions_when("me-thin").is_empty());
}

// ---- The rules ----

#[test]
fn a_kind_is_thin_when_no_one_gives_it_and_a_hard_relationship_does_not_count() {
    use SupportKind::*;
    let members = [
        member(
            1,
            "Jo",
            Tie::Friend,
            &[Emotional, Encouragement],
            Some(Feels::Helps),
        ),
        member(2, "Dad", Tie::Family, &[Practical], Some(Feels::Hard)),
        member(3, "Ana", Tie::Peer, &[Peer, Emotional], None),
        member(
            4,
            "Uncle Tom",
            Tie::Family,
            &[Informational],
            Some(Feels::Mixed),
        ),
    ];
    let s = rules::standings(&members);
    let get = |k: SupportKind| s.iter().find(|x| x.kind == k).expect("kind");
    assert_eq!(get(Emotional).givers, ["Jo", "Ana"]);
    assert!(!get(Emotional).thin);
    assert!(
        get(Practical).thin,
        "only Dad gives it, and that is hard right now"
    );
    assert!(get(Practical).givers.is_empty());
    assert!(!get(Informational).thin, "mixed still counts");
    assert!(!get(Peer).thin, "a relationship not described counts");
    assert_eq!(rules::thin_kinds(&members), [Practical]);
    assert_eq!(
        rules::thin_kinds(&[]),
        SupportKind::ALL,
        "an empty circle is thin everywhere"
    );
}

#[test]
fn ideas_are_for_the_thin_kinds_and_whose_circle_it_is_and_move_on_each_week() {
    use SupportKind::*;
    let all = &content::all().ideas;
    let monday = day("2026-11-30");
    let a = rules::ideas_for(all, &[Peer, Practical], IdeaFor::Person, monday, 2);
    assert_eq!(a.len(), 4);
    assert!(a[..2]
        .iter()
        .all(|i| i.kind == Peer && i.for_whom == IdeaFor::Person));
    assert!(a[2..].iter().all(|i| i.kind == Practical));
    assert_ne!(a[0].id, a[1].id);
    // The same all week, different the next.
    let later = rules::ideas_for(
        all,
        &[Peer, Practical],
        IdeaFor::Person,
        monday + Duration::days(6),
        2,
    );
    assert_eq!(a, later);
    let next = rules::ideas_for(
        all,
        &[Peer, Practical],
        IdeaFor::Person,
        monday + Duration::days(7),
        2,
    );
    assert_ne!(a, next);
    let mine = rules::ideas_for(all, &[Peer], IdeaFor::Me, monday, 2);
    assert!(!mine.is_empty() && mine.iter().all(|i| i.for_whom == IdeaFor::Me));
    assert!(rules::ideas_for(all, &[], IdeaFor::Person, monday, 2).is_empty());
}

fn seen(mut m: Member, days_ago: i64) -> Member {
    m.last_seen = Some(crate::dates::day_text(
        day(TODAY) - Duration::days(days_ago),
    ));
    m
}

#[test]
fn someone_who_helps_and_has_not_been_seen_for_three_weeks_comes_first() {
    use SupportKind::*;
    let all_kinds = SupportKind::ALL;
    let sam = PersonCircle {
        person_id: 1,
        name: "Sam".into(),
        members: vec![
            seen(
                member(1, "Jo", Tie::Friend, &all_kinds, Some(Feels::Helps)),
                22,
            ),
            seen(member(2, "Ana", Tie::Peer, &[Peer], None), 40),
            seen(
                member(6, "Lee", Tie::Friend, &[Emotional], Some(Feels::Mixed)),
                50,
            ),
            seen(
                member(3, "Dad", Tie::Family, &[Practical], Some(Feels::Hard)),
                60,
            ),
            seen(
                member(4, "Dr Lee", Tie::CareTeam, &[Informational], None),
                90,
            ),
            seen(member(5, "Kim", Tie::Friend, &[Emotional], None), 20),
        ],
        resting: false,
    };
    let s = rules::suggestions(&[sam], &[], day(TODAY));
    let keys: Vec<&str> = s.iter().map(|x| x.key.as_str()).collect();
    // Ana (40 days) then Jo (22); not Dad (hard), not Lee (mixed: theirs to judge), not the
    // care team, not Kim (20 days).
    assert_eq!(keys, ["circle:seen:2", "circle:seen:1"], "{s:?}");
    assert!(
        s[0].text.contains("Sam") && s[0].text.contains("Ana"),
        "{}",
        s[0].text
    );
    assert!(!s[0].text.contains('{'), "{}", s[0].text);
}

#[test]
fn a_thin_kind_is_suggested_only_in_a_started_circle_and_rotates_with_the_day() {
    use SupportKind::*;
    let empty = PersonCircle {
        person_id: 1,
        name: "Sam".into(),
        members: Vec::new(),
        resting: false,
    };
    assert!(rules::suggestions(&[empty], &[], day(TODAY)).is_empty());

    let started = PersonCircle {
        person_id: 1,
        name: "Sam".into(),
        members: vec![member(
            1,
            "Jo",
            Tie::Friend,
            &[Emotional, Practical, Informational],
            None,
        )],
        resting: false,
    };
    let today = rules::suggestions(std::slice::from_ref(&started), &[], day(TODAY));
    let mut keys: Vec<String> = today.iter().map(|s| s.key.clone()).collect();
    assert_eq!(keys.len(), 2);
    keys.sort();
    assert_eq!(keys, ["circle:thin:1:encouragement", "circle:thin:1:peer"]);
    let tomorrow = rules::suggestions(&[started], &[], day(TODAY) + Duration::days(1));
    assert_ne!(
        today[0].key, tomorrow[0].key,
        "a different one leads each day"
    );
    assert!(today.iter().all(|s| s.text.contains("Sam")));
}

#[test]
fn the_caregivers_own_thin_circle_gets_a_word_once_started() {
    use SupportKind::*;
    let sam = PersonCircle {
        person_id: 1,
        name: "Sam".into(),
        members: Vec::new(),
        resting: false,
    };
    let one = [member(9, "Pat", Tie::Friend, &[Emotional], None)];
    let s = rules::suggestions(std::slice::from_ref(&sam), &one, day(TODAY));
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].key, "circle:me");
    assert!(s[0].text.contains("Sam"), "{}", s[0].text);
    let wide = [member(
        9,
        "Pat",
        Tie::Friend,
        &[Emotional, Practical, Peer],
        None,
    )];
    assert!(rules::suggestions(std::slice::from_ref(&sam), &wide, day(TODAY)).is_empty());
    assert!(
        rules::suggestions(std::slice::from_ref(&sam), &[], day(TODAY)).is_empty(),
        "not started"
    );
    // Sam asked for space: nothing about Sam's circle, but the caregiver's own still counts.
    let resting = PersonCircle {
        members: vec![seen(member(1, "Jo", Tie::Friend, &[Emotional], None), 40)],
        resting: true,
        ..sam
    };
    let s = rules::suggestions(&[resting], &one, day(TODAY));
    let keys: Vec<&str> = s.iter().map(|x| x.key.as_str()).collect();
    assert_eq!(keys, ["circle:me"]);
}

// ---- Input ----

#[test]
fn only_a_name_is_needed_and_bad_input_gets_plain_words() {
    let today = day(TODAY);
    let v = input(
        Some(1),
        "  Jo  ",
        &[SupportKind::Peer, SupportKind::Emotional, SupportKind::Peer],
    )
    .validate(today)
    .expect("valid");
    assert_eq!(v.name, "Jo");
    assert_eq!(
        v.kinds,
        [SupportKind::Emotional, SupportKind::Peer],
        "sorted, once each"
    );

    let field = |e: crate::error::Error| match e {
        crate::error::Error::Invalid { field, message } => (field, message),
        other => panic!("{other}"),
    };
    let (f, m) = field(
        input(Some(1), "  ", &[])
            .validate(today)
            .expect_err("blank"),
    );
    assert_eq!(f, Some("name"));
    assert!(m.starts_with("Please"), "{m}");
    let mut later = input(Some(1), "Jo", &[]);
    later.last_seen = Some("2026-12-04".into());
    assert_eq!(
        field(later.validate(today).expect_err("future")).0,
        Some("lastSeen")
    );
    let mut long = input(Some(1), "Jo", &[]);
    long.note = Some("a".repeat(NOTE_MAX + 1));
    assert_eq!(
        field(long.validate(today).expect_err("long")).0,
        Some("note")
    );
    let mut bad_day = input(Some(1), "Jo", &[]);
    bad_day.last_seen = Some("26-1-1".into());
    assert_eq!(
        field(bad_day.validate(today).expect_err("day")).0,
        Some("lastSeen")
    );
}

// ---- Storing ----

#[test]
fn a_circle_is_kept_with_its_kinds_and_removing_someone_can_be_undone() {
    use SupportKind::*;
    let db = db();
    let jo = api::add_member(&db, input(Some(1), "Jo", &[Emotional, Practical])).expect("Jo");
    let mut ana = input(Some(1), "Ana", &[Peer]);
    ana.closeness = Closeness::Closest;
    ana.tie = Tie::Peer;
    let ana = api::add_member(&db, ana).expect("Ana");
    api::add_member(&db, input(None, "Pat", &[Emotional])).expect("my own circle");

    let c = db
        .with(|c| api::circle_on(c, Some(1), day(TODAY)))
        .expect("circle");
    let names: Vec<&str> = c.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Ana", "Jo"], "closest first");
    assert_eq!(c.members[1].kinds, [Emotional, Practical]);
    let thin: Vec<SupportKind> = c.kinds.iter().filter(|k| k.thin).map(|k| k.kind).collect();
    assert_eq!(thin, [Informational, Encouragement]);
    assert!(c
        .ideas
        .iter()
        .all(|i| thin.contains(&i.kind) && i.for_whom == IdeaFor::Person));
    assert_eq!(c.ideas.len(), 2 * rules::IDEAS_PER_KIND);

    let mine = db
        .with(|c| api::circle_on(c, None, day(TODAY)))
        .expect("mine");
    assert_eq!(mine.members.len(), 1);
    assert!(mine.ideas.iter().all(|i| i.for_whom == IdeaFor::Me));

    // Edit: new kinds replace the old.
    let mut edit = input(Some(1), "Jo B", &[Encouragement]);
    edit.feels = Some(Feels::Mixed);
    let jo2 = api::update_member(&db, jo.id, edit).expect("edit");
    assert_eq!(
        (jo2.name.as_str(), jo2.kinds.as_slice()),
        ("Jo B", &[Encouragement][..])
    );

    api::remove_member(&db, ana.id).expect("remove");
    let c = db
        .with(|c| api::circle_on(c, Some(1), day(TODAY)))
        .expect("circle");
    assert_eq!(c.members.len(), 1);
    let back = api::restore_member(&db, ana.id).expect("undo");
    assert_eq!(back, ana);
    assert!(api::restore_member(&db, ana.id).is_err(), "only once");
    assert!(api::remove_member(&db, 999).is_err());
}

#[test]
fn a_refused_request_changes_nothing() {
    let db = db();
    assert!(api::add_member(&db, input(Some(1), "", &[])).is_err());
    assert!(
        api::add_member(&db, input(Some(42), "Jo", &[])).is_err(),
        "no such person"
    );
    let jo = api::add_member(&db, input(Some(1), "Jo", &[SupportKind::Peer])).expect("Jo");
    // Moving someone to another circle is not an edit: refused, and Jo is unchanged.
    assert!(api::update_member(&db, jo.id, input(Some(2), "Jo", &[])).is_err());
    assert!(api::update_member(&db, jo.id, input(Some(1), " ", &[])).is_err());
    let c = db
        .with(|c| api::circle_on(c, Some(1), day(TODAY)))
        .expect("circle");
    assert_eq!(c.members, std::slice::from_ref(&jo));
    assert_eq!(count(&db, "circle_members"), 1);
    assert_eq!(count(&db, "circle_member_kinds"), 1);

    // A connection with someone from another person's circle writes nothing, not even the win.
    let alex_friend = api::add_member(&db, input(Some(2), "Rui", &[])).expect("Rui");
    let wrong = ConnectionInput {
        person_id: 1,
        member_id: Some(alex_friend.id),
        what: ConnectionKind::MetUp,
        happened_on: None,
        as_win: true,
    };
    assert!(api::note_connection_on(&db, wrong, day(TODAY)).is_err());
    let later = ConnectionInput {
        person_id: 1,
        member_id: None,
        what: ConnectionKind::Group,
        happened_on: Some("2026-12-04".into()),
        as_win: true,
    };
    assert!(api::note_connection_on(&db, later, day(TODAY)).is_err());
    assert_eq!(count(&db, "circle_connections"), 0);
    assert_eq!(count(&db, "wins"), 0);
}

#[test]
fn a_circle_holds_at_most_its_limit() {
    let db = db();
    db.with(|c| {
        for i in 0..MEMBERS_MAX {
            c.execute(
                "INSERT INTO circle_members (person_id, name, tie, closeness, created_at) VALUES (1, ?1, 'friend', 2, 'x')",
                [format!("P{i}")],
            )?;
        }
        Ok(())
    })
    .expect("fill");
    let e = api::add_member(&db, input(Some(1), "One more", &[])).expect_err("full");
    assert!(e.caregiver_message().contains("up to 200"), "{e}");
    api::add_member(&db, input(Some(2), "Alex's friend", &[])).expect("another circle has room");
}

#[test]
fn a_noted_connection_shows_in_the_circle_marks_them_seen_and_can_be_a_win() {
    let db = db();
    let mut jo = input(Some(1), "Jo", &[SupportKind::Emotional]);
    jo.last_seen = Some("2026-10-01".into());
    let jo = api::add_member(&db, jo).expect("Jo");

    let noted = api::note_connection_on(
        &db,
        ConnectionInput {
            person_id: 1,
            member_id: Some(jo.id),
            what: ConnectionKind::MetUp,
            happened_on: Some("2026-12-01".into()),
            as_win: true,
        },
        day(TODAY),
    )
    .expect("noted");
    assert_eq!(noted.text, "Met up with Jo");
    assert_eq!(noted.happened_on, "2026-12-01");
    let win_id = noted.win_id.expect("a win");
    let win = db
        .with(|c| crate::wins::store::get(c, win_id))
        .expect("win");
    assert_eq!(win.text, "Met up with Jo");
    assert_eq!(win.tags, [CONNECTION_TAG]);
    assert_eq!(win.happened_on, "2026-12-01");

    // An earlier connection does not move "last seen" back.
    let plain = api::note_connection_on(
        &db,
        ConnectionInput {
            person_id: 1,
            member_id: Some(jo.id),
            what: ConnectionKind::Talked,
            happened_on: Some("2026-11-20".into()),
            as_win: false,
        },
        day(TODAY),
    )
    .expect("noted");
    assert_eq!(plain.win_id, None);
    let group = api::note_connection_on(
        &db,
        ConnectionInput {
            person_id: 1,
            member_id: None,
            what: ConnectionKind::Group,
            happened_on: None,
            as_win: true,
        },
        day(TODAY),
    )
    .expect("noted");
    assert_eq!(
        (group.text.as_str(), group.happened_on.as_str()),
        ("Went to a group", TODAY)
    );

    let c = db
        .with(|c| api::circle_on(c, Some(1), day(TODAY)))
        .expect("circle");
    let texts: Vec<&str> = c.connections.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Went to a group", "Met up with Jo", "Talked with Jo"]
    );
    assert_eq!(c.members[0].last_seen.as_deref(), Some("2026-12-01"));
    assert_eq!(count(&db, "wins"), 2);
}

#[test]
fn today_offers_a_circle_suggestion_but_not_for_someone_who_asked_for_space() {
    let db = db();
    let mut jo = input(Some(1), "Jo", &SupportKind::ALL);
    jo.last_seen = Some(crate::dates::day_text(
        crate::dates::today() - Duration::days(30),
    ));
    let jo = api::add_member(&db, jo).expect("Jo");
    let plan = crate::today::api::today_plan(&db).expect("today");
    let circle: Vec<_> = plan
        .suggestions
        .iter()
        .filter(|s| s.practice == crate::today::CIRCLE)
        .collect();
    assert_eq!(circle.len(), 1, "{:?}", plan.suggestions);
    assert_eq!(circle[0].key, format!("circle:seen:{}", jo.id));
    assert!(circle[0].text.contains("Jo"));
    assert_eq!(circle[0].circle_of, Some(1), "it opens Sam's circle");
    crate::today::api::mark_suggestion(
        &db,
        circle[0].key.clone(),
        Some(crate::today::MarkState::NotToday),
    )
    .expect("a real suggestion can be marked");
    crate::today::api::mark_suggestion(&db, circle[0].key.clone(), None).expect("and unmarked");
    let plan = crate::today::api::today_plan(&db).expect("today");
    assert!(
        plan.suggestions.iter().any(|s| s.key == circle[0].key),
        "back once unmarked"
    );

    db.with(|c| {
        c.execute(
            "INSERT INTO give_space (person_id, until, created_at) VALUES (1, ?1, 'x')",
            [crate::dates::day_text(
                crate::dates::today() + Duration::days(3),
            )],
        )?;
        Ok(())
    })
    .expect("space");
    let plan = crate::today::api::today_plan(&db).expect("today");
    assert!(
        plan.suggestions
            .iter()
            .all(|s| !s.key.starts_with("circle:")),
        "{:?}",
        plan.suggestions
    );
}

#[test]
fn undo_keeps_to_the_limit_and_needs_the_person_still_there() {
    let db = db();
    let jo = api::add_member(&db, input(Some(1), "Jo", &[])).expect("Jo");
    api::remove_member(&db, jo.id).expect("remove");
    db.with(|c| {
        for i in 0..MEMBERS_MAX {
            c.execute(
                "INSERT INTO circle_members (person_id, name, tie, closeness, created_at) VALUES (1, ?1, 'friend', 2, 'x')",
                [format!("P{i}")],
            )?;
        }
        Ok(())
    })
    .expect("fill");
    let e = api::restore_member(&db, jo.id).expect_err("full");
    assert!(e.caregiver_message().contains("up to 200"), "{e}");

    let rui = api::add_member(&db, input(Some(2), "Rui", &[])).expect("Rui");
    api::remove_member(&db, rui.id).expect("remove");
    db.with(|c| {
        c.execute("UPDATE people SET removed_at = 'x' WHERE id = 2", [])?;
        Ok(())
    })
    .expect("Alex removed");
    assert!(
        api::restore_member(&db, rui.id).is_err(),
        "Alex is no longer supported"
    );
    assert_eq!(
        count(
            &db,
            "circle_members WHERE removed_at IS NULL AND person_id = 2"
        ),
        0
    );
}

#[test]
fn an_older_connection_than_the_ten_shown_is_still_returned_and_a_group_reads_right() {
    let db = db();
    let mut dad = input(Some(1), "Dad", &[]);
    dad.tie = Tie::Family;
    let dad = api::add_member(&db, dad).expect("Dad");
    let mut walkers = input(Some(1), "the walking group", &[]);
    walkers.tie = Tie::Group;
    let walkers = api::add_member(&db, walkers).expect("group");
    let note = |member: Option<i64>, what, on: &str| {
        api::note_connection_on(
            &db,
            ConnectionInput {
                person_id: 1,
                member_id: member,
                what,
                happened_on: Some(on.into()),
                as_win: false,
            },
            day(TODAY),
        )
    };
    for _ in 0..store::CONNECTIONS_SHOWN {
        note(None, ConnectionKind::Talked, "2026-12-02").expect("recent");
    }
    let old = note(Some(dad.id), ConnectionKind::Group, "2026-01-05").expect("an old one");
    assert_eq!(old.text, "Went to a group with Dad");
    assert_eq!(old.happened_on, "2026-01-05");
    let walk = note(Some(walkers.id), ConnectionKind::Group, "2026-12-01").expect("group");
    assert_eq!(walk.text, "Went to the walking group");
}
