//! The live steps without a network: invite codes, admitting and joining, and two devices
//! trading sync messages until they hold the same records.

use automerge::sync;
use rusqlite::Connection;

use super::api::{self, NewCareCircle};
use super::live::{self, Invite};
use super::store;
use super::SharedKind;
use crate::db::open_in_memory;

fn device() -> Connection {
    let conn = open_in_memory().expect("db");
    conn.execute(
        "INSERT INTO people (id, name, relationship, created_at) VALUES (1, 'Sam', 'child', '2026-01-01T00:00:00Z')",
        [],
    )
    .expect("person");
    conn
}

fn add_win(c: &Connection, text: &str) {
    c.execute(
        "INSERT INTO wins (person_id, happened_on, text, created_at) VALUES (1, '2026-11-30', ?1, '2026-11-30T10:00:00Z')",
        [text],
    )
    .expect("win");
}

fn wins(c: &Connection) -> Vec<String> {
    let mut stmt = c.prepare("SELECT text FROM wins ORDER BY text").expect("q");
    stmt.query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("wins")
}

#[test]
fn an_invite_code_reads_back_as_typed_and_a_broken_one_is_refused() {
    let invite = Invite::new([7; 32], vec!["127.0.0.1:4242".parse().expect("addr")], None);
    let code = invite.code();
    assert!(code.len() <= 100, "short enough to type: {code}");
    assert_eq!(Invite::parse(&code).expect("parse"), invite);
    let typed = code.to_uppercase().replace('-', " ");
    assert_eq!(Invite::parse(&typed).expect("parse"), invite);
    let cut = &code[..code.len() - 6];
    let err = Invite::parse(cut).expect_err("refused");
    assert!(err.to_string().contains("not complete"), "{err}");
    assert!(Invite::parse("").is_err());
    let qr = live::qr(&code);
    assert!(qr.len() >= 21 && qr.iter().all(|row| row.len() == qr.len()));
}

/// Trades messages both ways until neither has anything to say.
fn sync_pair(a: &mut Connection, ca: &store::CircleRow, b: &mut Connection, cb: &store::CircleRow) {
    let (a_id, b_id) = (
        store::device(a).expect("a").id(),
        store::device(b).expect("b").id(),
    );
    let (mut sa, mut sb) = (sync::State::new(), sync::State::new());
    for _ in 0..20 {
        let m1 = live::next_message(a, ca, &mut sa).expect("a says");
        if let Some(m) = &m1 {
            live::take_message(b, cb, &mut sb, m, &a_id).expect("b takes");
        }
        let m2 = live::next_message(b, cb, &mut sb).expect("b says");
        if let Some(m) = &m2 {
            live::take_message(a, ca, &mut sa, m, &b_id).expect("a takes");
        }
        if m1.is_none() && m2.is_none() {
            return;
        }
    }
    panic!("the two devices did not settle");
}

#[test]
fn a_device_joins_by_invite_and_records_flow_both_ways_by_messages() {
    let (mut a, mut b) = (device(), device());
    add_win(&a, "Walked to the shop");
    let circle = api::create_on(
        &mut a,
        NewCareCircle {
            person_id: 1,
            your_name: "Maria".into(),
            shares: vec![SharedKind::Wins],
        },
    )
    .expect("circle");
    let ca = store::circle(&a, circle.id).expect("q").expect("circle");
    let b_id = store::device(&b).expect("device").id();
    let a_id = store::device(&a).expect("device").id();

    let doc = live::admit(&mut a, &ca, &b_id, "Tom", &[]).expect("admitted");
    let cb = live::joined(&mut b, &doc, 1, "Tom", &a_id).expect("joined");
    assert_eq!(wins(&b), ["Walked to the shop"]);
    assert!(live::is_member(&a, &ca, &b_id).expect("q"));
    assert!(live::is_member(&b, &cb, &a_id).expect("q"));

    add_win(&b, "Made a phone call");
    add_win(&a, "Watered the plants");
    sync_pair(&mut a, &ca, &mut b, &cb);
    let expected = [
        "Made a phone call",
        "Walked to the shop",
        "Watered the plants",
    ];
    assert_eq!(wins(&a), expected);
    assert_eq!(wins(&b), expected);
    let synced = store::last_synced(&a, &ca, &b_id).expect("q");
    assert!(synced.is_some(), "A notes when B last synced");

    // Joining twice is refused, and a removed device is not let back in.
    let again = live::admit(&mut a, &ca, &b_id, "Tom", &[]).expect("admitted");
    assert!(live::joined(&mut b, &again, 1, "Tom", &a_id).is_err());
    api::remove_device_on(&mut a, ca.id, &b_id).expect("removed");
    assert!(!live::is_member(&a, &ca, &b_id).expect("q"));
    assert!(live::admit(&mut a, &ca, &b_id, "Tom", &[]).is_err());
}

#[test]
fn a_relay_address_is_checked_and_written_one_way() {
    assert_eq!(live::relay_url("  ").expect("empty"), None);
    for (typed, stored) in [
        ("https://relay.example.org", "https://relay.example.org/"),
        (
            "HTTPS://Relay.Example.org:8443/",
            "https://relay.example.org:8443/",
        ),
        ("http://localhost:3340", "http://localhost:3340/"),
        ("http://127.0.0.1:3340", "http://127.0.0.1:3340/"),
    ] {
        assert_eq!(
            live::relay_url(typed).expect(typed).as_deref(),
            Some(stored)
        );
    }
    for refused in [
        "relay.example.org",
        "ftp://relay.example.org",
        "https://",
        "https://relay .example.org",
        "https://relay.example.org/path",
        "https://-relay.example.org",
        "https://relay.example.org:0",
        "https://relay.example.org:99999",
        "https://user@relay.example.org",
        &format!("https://{}.org", "a".repeat(200)),
    ] {
        let err = live::relay_url(refused).expect_err(refused);
        assert!(err.to_string().contains("full address"), "{refused}: {err}");
    }
    // Plain http over a network is refused: the way to the relay must be protected too.
    let err = live::relay_url("http://relay.example.org").expect_err("plain http");
    assert!(err.to_string().contains("https://"), "{err}");
}

#[test]
fn an_invite_carries_the_circles_relay_and_one_with_only_a_relay_works() {
    let relay = Some("https://relay.example.org/".to_string());
    let both = Invite::new(
        [7; 32],
        vec!["127.0.0.1:4242".parse().expect("addr")],
        relay.clone(),
    );
    assert_eq!(Invite::parse(&both.code()).expect("parse"), both);
    let only_relay = Invite::new([8; 32], vec![], relay);
    assert_eq!(
        Invite::parse(&only_relay.code()).expect("parse"),
        only_relay
    );
    // Neither an address nor a relay: nowhere to go.
    let nowhere = Invite::new([9; 32], vec![], None);
    assert!(Invite::parse(&nowhere.code()).is_err());
}

#[test]
fn a_circles_relay_travels_to_the_other_devices_and_can_be_cleared() {
    let (mut a, mut b) = (device(), device());
    let view = api::create_on(
        &mut a,
        api::NewCareCircle {
            person_id: 1,
            your_name: "Maria".into(),
            shares: vec![SharedKind::Wins],
        },
    )
    .expect("circle");
    assert_eq!(view.relay, None);
    let refused = api::set_relay_on(&mut a, view.id, "relay.example.org").expect_err("refused");
    assert!(
        refused.to_string().contains("Nothing was changed"),
        "{refused}"
    );
    let set = api::set_relay_on(&mut a, view.id, "https://relay.example.org").expect("set");
    assert_eq!(set.relay.as_deref(), Some("https://relay.example.org/"));

    let text = api::bundle_on(&mut a, view.id, "our family words").expect("bundle");
    let joined = api::import_bundle_on(
        &mut b,
        &text,
        "our family words",
        Some(api::JoinAs {
            person_id: 1,
            your_name: "Tom".into(),
        }),
    )
    .expect("join");
    assert_eq!(
        joined.circle.relay.as_deref(),
        Some("https://relay.example.org/")
    );
    let b_circle = store::circle(&b, joined.circle.id)
        .expect("read")
        .expect("circle");
    store::set_live(&b, joined.circle.id, true).expect("live");
    assert_eq!(
        live::live_relays(&b).expect("relays"),
        ["https://relay.example.org/"]
    );
    assert_eq!(
        live::relay_of(&b, &b_circle).expect("relay").as_deref(),
        Some("https://relay.example.org/")
    );

    let cleared = api::set_relay_on(&mut a, view.id, "").expect("cleared");
    assert_eq!(cleared.relay, None);
}
