//! The scheduler rule with an injected clock: quiet hours, pauses, give-space, "already done",
//! missed while asleep, and a simulated year of mixed schedules in which no occurrence is lost
//! and none is delivered twice.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rusqlite::Connection;

use super::*;
use crate::db::open_in_memory;
use crate::reminders::schedule::{Day, Repeat, ScheduleInput};
use crate::reminders::{rfc3339, store, DueState, Purpose, ReminderInput};

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("time")
        .with_timezone(&Utc)
}

fn spec(id: i64, time: &str, repeat: Repeat, tz: &str, purpose: Purpose, cursor: &str) -> Spec {
    Spec {
        id,
        schedule: ScheduleInput {
            start_date: "2026-01-01".into(),
            time: time.into(),
            repeat,
            end_date: None,
            time_zone: tz.into(),
        }
        .validate()
        .expect("schedule"),
        purpose,
        person_id: (purpose == Purpose::CheckIn).then_some(1),
        cursor: utc(cursor),
    }
}

fn london() -> chrono_tz::Tz {
    "Europe/London".parse().expect("tz")
}

fn hm(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").expect("time")
}

#[test]
fn fires_on_time_and_says_when_to_wake() {
    let s = [spec(
        1,
        "18:00",
        Repeat::Daily,
        "Europe/London",
        Purpose::SelfCare,
        "2026-11-22T10:00:00Z",
    )];
    let p = plan(&s, &[], &World::default(), utc("2026-11-22T17:59:59Z"));
    assert!(p.outcomes.is_empty());
    assert_eq!(p.wake, Some(utc("2026-11-22T18:00:00Z")));
    let p = plan(&s, &[], &World::default(), utc("2026-11-22T18:00:00Z"));
    assert_eq!(
        p.outcomes,
        vec![Outcome::Fire {
            id: 1,
            key: "2026-11-22T18:00".into(),
            at: utc("2026-11-22T18:00:00Z")
        }]
    );
    assert_eq!(p.wake, Some(utc("2026-11-23T18:00:00Z")));
}

#[test]
fn quiet_hours_hold_a_reminder_until_they_end() {
    let w = World {
        quiet: Some((hm("22:00"), hm("07:00"))),
        tz: Some(london()),
        ..Default::default()
    };
    let s = [spec(
        1,
        "23:30",
        Repeat::Daily,
        "Europe/London",
        Purpose::SelfCare,
        "2026-11-22T10:00:00Z",
    )];
    let p = plan(&s, &[], &w, utc("2026-11-22T23:30:00Z"));
    assert!(p.outcomes.is_empty(), "nothing fires inside quiet hours");
    assert_eq!(p.wake, Some(utc("2026-11-23T07:00:00Z")));
    let p = plan(&s, &[], &w, utc("2026-11-23T07:00:00Z"));
    assert!(
        matches!(p.outcomes.as_slice(), [Outcome::Fire { key, .. }] if key == "2026-11-22T23:30")
    );
    // A window that does not cross midnight.
    let w = World {
        quiet: Some((hm("13:00"), hm("14:00"))),
        tz: Some(london()),
        ..Default::default()
    };
    assert_eq!(
        after_quiet(utc("2026-11-22T13:15:00Z"), &w),
        utc("2026-11-22T14:00:00Z")
    );
    assert_eq!(
        after_quiet(utc("2026-11-22T14:00:00Z"), &w),
        utc("2026-11-22T14:00:00Z")
    );
}

#[test]
fn pausing_all_reminders_defers_them() {
    let w = World {
        paused_until: Some(utc("2026-11-22T19:00:00Z")),
        ..Default::default()
    };
    let s = [spec(
        1,
        "18:00",
        Repeat::Daily,
        "Europe/London",
        Purpose::SelfCare,
        "2026-11-22T10:00:00Z",
    )];
    let p = plan(&s, &[], &w, utc("2026-11-22T18:00:00Z"));
    assert!(p.outcomes.is_empty());
    assert_eq!(p.wake, Some(utc("2026-11-22T19:00:00Z")));
}

#[test]
fn give_space_and_a_check_in_already_made_keep_a_reminder_quiet() {
    let s = [spec(
        1,
        "18:00",
        Repeat::Daily,
        "Europe/London",
        Purpose::CheckIn,
        "2026-11-22T10:00:00Z",
    )];
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("day");
    let w = World {
        spaces: vec![(1, d("2026-11-22"))],
        ..Default::default()
    };
    let p = plan(&s, &[], &w, utc("2026-11-22T18:00:10Z"));
    assert!(matches!(
        p.outcomes.as_slice(),
        [Outcome::Skip {
            reason: SkipReason::Space,
            ..
        }]
    ));
    let w = World {
        checkins: vec![(1, d("2026-11-22"))],
        ..Default::default()
    };
    let p = plan(&s, &[], &w, utc("2026-11-22T18:00:10Z"));
    assert!(matches!(
        p.outcomes.as_slice(),
        [Outcome::Skip {
            reason: SkipReason::AlreadyDone,
            ..
        }]
    ));
    // A self-care reminder is not affected by someone's space.
    let s = [spec(
        2,
        "18:00",
        Repeat::Daily,
        "Europe/London",
        Purpose::SelfCare,
        "2026-11-22T10:00:00Z",
    )];
    let w = World {
        spaces: vec![(1, d("2026-11-22"))],
        ..Default::default()
    };
    assert!(matches!(
        plan(&s, &[], &w, utc("2026-11-22T18:00:10Z"))
            .outcomes
            .as_slice(),
        [Outcome::Fire { .. }]
    ));
}

#[test]
fn a_week_asleep_lists_each_reminder_once_as_missed() {
    let s = [
        spec(
            1,
            "09:00",
            Repeat::Daily,
            "Europe/London",
            Purpose::SelfCare,
            "2026-11-15T10:00:00Z",
        ),
        spec(
            2,
            "12:00",
            Repeat::Weekly {
                days: vec![Day::We],
            },
            "Europe/London",
            Purpose::Custom,
            "2026-11-15T10:00:00Z",
        ),
    ];
    let p = plan(&s, &[], &World::default(), utc("2026-11-22T10:00:00Z"));
    let missed: Vec<_> = p
        .outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Missed { .. }))
        .collect();
    assert_eq!(missed.len(), 2, "one per reminder: {missed:?}");
    assert!(missed
        .iter()
        .any(|o| matches!(o, Outcome::Missed { id: 1, key, .. } if key == "2026-11-22T09:00")));
    let superseded = p
        .outcomes
        .iter()
        .filter(|o| {
            matches!(
                o,
                Outcome::Skip {
                    reason: SkipReason::Superseded,
                    ..
                }
            )
        })
        .count();
    assert_eq!(superseded, 6, "the other six daily ones are set aside");
    assert!(
        !p.outcomes.iter().any(|o| matches!(o, Outcome::Fire { .. })),
        "no burst of notifications"
    );
}

#[test]
fn snoozes_come_back_when_their_time_comes() {
    let p = plan(
        &[],
        &[(7, utc("2026-11-22T18:10:00Z"))],
        &World::default(),
        utc("2026-11-22T18:05:00Z"),
    );
    assert!(p.refire.is_empty());
    assert_eq!(p.wake, Some(utc("2026-11-22T18:10:00Z")));
    let p = plan(
        &[],
        &[(7, utc("2026-11-22T18:10:00Z"))],
        &World::default(),
        utc("2026-11-22T18:10:00Z"),
    );
    assert_eq!(p.refire, vec![7]);
}

#[test]
fn the_loop_sleeps_until_the_next_wake_but_never_more_than_a_minute() {
    let now = utc("2026-11-22T18:00:00Z");
    assert_eq!(
        sleep_for(Some(now + Duration::seconds(5)), now),
        StdDuration::from_secs(5)
    );
    assert_eq!(sleep_for(Some(now + Duration::hours(5)), now), RECHECK);
    assert_eq!(sleep_for(None, now), RECHECK);
    assert_eq!(
        sleep_for(Some(now - Duration::seconds(5)), now),
        StdDuration::ZERO
    );
}

/// The shape of a year: mixed schedules across zones, a laptop that sleeps, snoozes and skips,
/// quiet hours and a give-space pause, driven through the real store.
#[test]
fn a_simulated_year_loses_nothing_and_repeats_nothing() {
    let mut conn = open_in_memory().expect("db");
    conn.execute(
        "INSERT INTO people (id, name, relationship, created_at) VALUES (1, 'Sam', 'child', 'x')",
        [],
    )
    .expect("person");
    let start = utc("2026-01-01T00:00:00Z");
    let end = utc("2027-01-01T00:00:00Z");
    let add =
        |conn: &Connection, title: &str, time: &str, repeat: Repeat, tz: &str, purpose: Purpose| {
            let r = ReminderInput {
                title: title.into(),
                message: None,
                purpose,
                person_id: (purpose == Purpose::CheckIn).then_some(1),
                schedule: ScheduleInput {
                    start_date: "2026-01-01".into(),
                    time: time.into(),
                    repeat,
                    end_date: None,
                    time_zone: tz.into(),
                },
            };
            store::save(conn, None, &r.validate(start).expect("valid"), start).expect("save")
        };
    let ids = [
        add(
            &conn,
            "Text Sam",
            "18:00",
            Repeat::Daily,
            "America/New_York",
            Purpose::CheckIn,
        ),
        add(
            &conn,
            "Walk",
            "02:30",
            Repeat::Weekly {
                days: vec![Day::Su, Day::We],
            },
            "Europe/London",
            Purpose::SelfCare,
        ),
        add(
            &conn,
            "Pharmacy",
            "10:00",
            Repeat::MonthlyOnDay { day: 31 },
            "Pacific/Auckland",
            Purpose::Appointment,
        ),
        add(
            &conn,
            "Stretch",
            "02:15",
            Repeat::EveryNDays { n: 3 },
            "Australia/Lord_Howe",
            Purpose::SelfCare,
        ),
        add(
            &conn,
            "Self-check",
            "09:00",
            Repeat::MonthlyOnWeekday {
                nth: 2,
                weekday: Day::Tu,
            },
            "Asia/Kolkata",
            Purpose::SelfCheck,
        ),
        add(
            &conn,
            "Bills",
            "01:30",
            Repeat::Weekdays,
            "America/New_York",
            Purpose::Custom,
        ),
    ];
    // Every occurrence there should be, from the rules alone.
    let mut expected: HashSet<(i64, String)> = HashSet::new();
    for s in store::specs(&conn).expect("specs") {
        let mut at = s.cursor;
        while let Some(o) = s.schedule.next_after(at) {
            if o.at >= end {
                break;
            }
            expected.insert((s.id, o.key()));
            at = o.at;
        }
    }
    // 365 daily + 104 twice-weekly + 12 monthly + 122 every-three-days + 12 + 261 weekdays.
    assert!(expected.len() > 850, "{}", expected.len());

    let world_for = |conn: &Connection, now: DateTime<Utc>| {
        let (checkins, _) = store::world_facts(conn, store::facts_since(now)).expect("facts");
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("day");
        World {
            quiet: Some((hm("22:00"), hm("07:00"))),
            tz: Some(london()),
            paused_until: None,
            // Sam asked for space for the first half of May.
            spaces: vec![(1, d("2026-05-15"))]
                .into_iter()
                .filter(|_| now >= utc("2026-05-01T00:00:00Z"))
                .collect(),
            checkins,
        }
    };
    // The laptop sleeps for these stretches: nothing runs, the clock jumps.
    let asleep = [
        (utc("2026-02-10T20:00:00Z"), utc("2026-02-13T08:30:00Z")),
        (utc("2026-08-01T00:00:00Z"), utc("2026-08-15T12:00:00Z")),
        (utc("2026-10-31T22:00:00Z"), utc("2026-11-02T09:00:00Z")),
    ];
    let mut now = start;
    let mut notifications: HashMap<i64, u32> = HashMap::new();
    let mut snoozes: HashMap<i64, u32> = HashMap::new();
    let mut missed_total = 0usize;
    let mut first_missed: HashSet<i64> = HashSet::new();
    let mut steps = 0u32;
    let mut n = 0u64;
    // Run a little past the end, so what quiet hours held back on the last night comes too.
    while now < end + Duration::days(2) {
        steps += 1;
        assert!(steps < 200_000, "the loop makes progress");
        let specs = store::specs(&conn).expect("specs");
        let snoozed = store::snoozed(&conn).expect("snoozed");
        let w = world_for(&conn, now);
        let p = plan(&specs, &snoozed, &w, now);
        // Nothing fires inside quiet hours.
        for o in &p.outcomes {
            if let Outcome::Fire { .. } = o {
                let t = now.with_timezone(&london()).time();
                assert!(
                    !(t >= hm("22:00") || t < hm("07:00")),
                    "fired at {now} in quiet hours"
                );
            }
        }
        let tx = conn.transaction().expect("tx");
        let applied = store::apply(&tx, &p, now).expect("apply");
        tx.commit().expect("commit");
        // A restart right after: planning again at the same moment delivers nothing new.
        if steps.is_multiple_of(97) {
            let again = plan(
                &store::specs(&conn).expect("specs"),
                &store::snoozed(&conn).expect("s"),
                &w,
                now,
            );
            let tx = conn.transaction().expect("tx");
            let twice = store::apply(&tx, &again, now).expect("apply");
            tx.commit().expect("commit");
            assert!(
                twice.fired.is_empty() && twice.missed.is_empty(),
                "a restart repeats nothing at {now}"
            );
        }
        for due in &applied.fired {
            *notifications.entry(*due).or_default() += 1;
        }
        missed_total += applied.missed.len();
        first_missed.extend(applied.missed.iter().copied());
        // The caregiver acts on what is due: mostly done, sometimes a snooze or a skip.
        for item in store::due_now(&conn).expect("due") {
            if item.state == DueState::Snoozed {
                continue;
            }
            n += 1;
            let tx = conn.transaction().expect("tx");
            match n % 5 {
                0 => {
                    *snoozes.entry(item.id).or_default() += 1;
                    store::resolve(
                        &tx,
                        item.id,
                        DueState::Snoozed,
                        Some(now + Duration::minutes(10)),
                        None,
                        now,
                    )
                }
                1 => store::resolve(&tx, item.id, DueState::Skipped, None, None, now),
                _ => store::resolve(&tx, item.id, DueState::Done, None, None, now),
            }
            .expect("resolve");
            tx.commit().expect("commit");
        }
        // Advance the clock to the next wake, or through a stretch of sleep.
        // (Between wakes the real loop only re-reads the clock, which changes nothing here.)
        let next = p
            .wake
            .unwrap_or(end + Duration::days(2))
            .max(now + Duration::seconds(1));
        let next = match store::snoozed(&conn)
            .expect("snoozed")
            .iter()
            .map(|(_, t)| *t)
            .min()
        {
            Some(t) if t > now && t < next => t,
            _ => next,
        };
        now = asleep
            .iter()
            .find(|(a, b)| next > *a && now < *b)
            .map_or(next, |(_, b)| *b);
    }

    // Every occurrence before the end was handled exactly once: fired, missed or skipped.
    let mut stmt = conn
        .prepare("SELECT reminder_id, occurrence FROM due_items WHERE due_at < ?1")
        .expect("query");
    let recorded: Vec<(i64, String)> = stmt
        .query_map([rfc3339(end)], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("collect");
    let unique: HashSet<(i64, String)> = recorded.iter().cloned().collect();
    assert_eq!(unique.len(), recorded.len(), "no occurrence recorded twice");
    let missing: Vec<_> = expected.difference(&unique).take(5).collect();
    assert!(missing.is_empty(), "never handled: {missing:?}");
    assert!(unique.is_subset(&expected), "nothing invented");
    // One notification when an occurrence fires, and one more each time a snooze ends.
    assert!(!notifications.is_empty() && !snoozes.is_empty());
    let still_snoozed: HashSet<i64> = store::snoozed(&conn)
        .expect("snoozed")
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    for (due, times) in &notifications {
        let s = snoozes.get(due).copied().unwrap_or(0);
        // Missed ones are summed up in one notification, not one each.
        let first = u32::from(!first_missed.contains(due));
        let expected = if still_snoozed.contains(due) {
            first + s - 1
        } else {
            first + s
        };
        assert_eq!(*times, expected, "due item {due}");
    }
    // The sleeping stretches produced missed items, listed once per reminder each time.
    assert!(missed_total >= 3, "{missed_total}");
    assert!(missed_total <= 3 * ids.len(), "{missed_total}");
    let may_checkins: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM due_items WHERE reminder_id = ?1 AND occurrence BETWEEN '2026-05-01' AND '2026-05-15T99' AND state != 'skipped'",
            [ids[0]],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(
        may_checkins, 0,
        "while Sam asked for space, no check-in reminder came"
    );
}
