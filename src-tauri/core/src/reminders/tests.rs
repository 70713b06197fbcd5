//! Recurrence and daylight saving across five zones, every preset, monthly edge days, input
//! validation, and storage of reminders and their due items.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::schedule::{Day, Repeat, ScheduleInput};
use super::*;
use crate::db::open_in_memory;
use crate::error::ErrorCode;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("time")
        .with_timezone(&Utc)
}

fn sched(start: &str, time: &str, repeat: Repeat, tz: &str) -> Schedule {
    ScheduleInput {
        start_date: start.into(),
        time: time.into(),
        repeat,
        end_date: None,
        time_zone: tz.into(),
    }
    .validate()
    .expect("valid schedule")
}

/// The next `n` occurrences after `from`, as (local key, UTC instant).
fn next_n(s: &Schedule, from: &str, n: usize) -> Vec<(String, String)> {
    let mut at = utc(from);
    let mut out = Vec::new();
    for _ in 0..n {
        let o = s.next_after(at).expect("an occurrence");
        out.push((o.key(), rfc3339(o.at)));
        at = o.at;
    }
    out
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn six_pm_stays_six_pm_across_new_york_changes() {
    let s = sched("2026-03-01", "18:00", Repeat::Daily, "America/New_York");
    assert_eq!(
        next_n(&s, "2026-03-07T00:00:00Z", 2),
        pairs(&[
            ("2026-03-07T18:00", "2026-03-07T23:00:00Z"),
            ("2026-03-08T18:00", "2026-03-08T22:00:00Z"),
        ])
    );
    assert_eq!(
        next_n(&s, "2026-10-31T00:00:00Z", 2),
        pairs(&[
            ("2026-10-31T18:00", "2026-10-31T22:00:00Z"),
            ("2026-11-01T18:00", "2026-11-01T23:00:00Z"),
        ])
    );
}

#[test]
fn a_time_that_does_not_exist_fires_at_the_first_valid_minute_after() {
    // New York, 8 March 2026: 02:00 jumps to 03:00.
    let s = sched("2026-03-01", "02:30", Repeat::Daily, "America/New_York");
    assert_eq!(
        next_n(&s, "2026-03-07T12:00:00Z", 2),
        pairs(&[
            ("2026-03-08T02:30", "2026-03-08T07:00:00Z"),
            ("2026-03-09T02:30", "2026-03-09T06:30:00Z"),
        ])
    );
    // London, 29 March 2026: 01:00 jumps to 02:00.
    let s = sched("2026-03-01", "01:30", Repeat::Daily, "Europe/London");
    assert_eq!(
        next_n(&s, "2026-03-28T12:00:00Z", 1),
        pairs(&[("2026-03-29T01:30", "2026-03-29T01:00:00Z")])
    );
    // Lord Howe, 4 October 2026: 02:00 jumps to 02:30 (a 30-minute shift).
    let s = sched("2026-10-01", "02:15", Repeat::Daily, "Australia/Lord_Howe");
    assert_eq!(
        next_n(&s, "2026-10-03T12:00:00Z", 1),
        pairs(&[("2026-10-04T02:15", "2026-10-03T15:30:00Z")])
    );
    // Auckland, 27 September 2026: 02:00 jumps to 03:00.
    let s = sched("2026-09-01", "02:30", Repeat::Daily, "Pacific/Auckland");
    assert_eq!(
        next_n(&s, "2026-09-26T06:00:00Z", 1),
        pairs(&[("2026-09-27T02:30", "2026-09-26T14:00:00Z")])
    );
}

#[test]
fn a_time_that_happens_twice_fires_once_at_the_first() {
    // New York, 1 November 2026: 01:00–02:00 happens twice.
    let s = sched("2026-10-01", "01:30", Repeat::Daily, "America/New_York");
    assert_eq!(
        next_n(&s, "2026-10-31T12:00:00Z", 2),
        pairs(&[
            ("2026-11-01T01:30", "2026-11-01T05:30:00Z"),
            // Not the second 01:30 (06:30Z) on the same night: the next day.
            ("2026-11-02T01:30", "2026-11-02T06:30:00Z"),
        ])
    );
    // London, 25 October 2026.
    let s = sched("2026-10-01", "01:30", Repeat::Daily, "Europe/London");
    assert_eq!(
        next_n(&s, "2026-10-24T12:00:00Z", 2),
        pairs(&[
            ("2026-10-25T01:30", "2026-10-25T00:30:00Z"),
            ("2026-10-26T01:30", "2026-10-26T01:30:00Z")
        ])
    );
    // Lord Howe, 5 April 2026: 01:30–02:00 happens twice.
    let s = sched("2026-04-01", "01:45", Repeat::Daily, "Australia/Lord_Howe");
    assert_eq!(
        next_n(&s, "2026-04-04T00:00:00Z", 2),
        pairs(&[
            ("2026-04-05T01:45", "2026-04-04T14:45:00Z"),
            ("2026-04-06T01:45", "2026-04-05T15:15:00Z")
        ])
    );
    // Auckland, 5 April 2026: 02:00–03:00 happens twice.
    let s = sched("2026-04-01", "02:30", Repeat::Daily, "Pacific/Auckland");
    assert_eq!(
        next_n(&s, "2026-04-04T00:00:00Z", 2),
        pairs(&[
            ("2026-04-05T02:30", "2026-04-04T13:30:00Z"),
            ("2026-04-06T02:30", "2026-04-05T14:30:00Z")
        ])
    );
}

#[test]
fn kolkata_has_no_daylight_saving() {
    let s = sched("2026-01-01", "09:00", Repeat::Daily, "Asia/Kolkata");
    for from in [
        "2026-03-07T12:00:00Z",
        "2026-06-30T12:00:00Z",
        "2026-10-31T12:00:00Z",
    ] {
        let o = s.next_after(utc(from)).expect("next");
        assert_eq!(o.at.format("%H:%M").to_string(), "03:30", "{from}");
    }
}

#[test]
fn every_preset_repeats_as_it_says() {
    let tz = "Europe/London";
    // Sunday 22 November 2026.
    let from = "2026-11-22T00:00:00Z";
    let keys = |s: &Schedule, n| {
        next_n(s, from, n)
            .into_iter()
            .map(|(k, _)| k)
            .collect::<Vec<_>>()
    };

    let once = sched("2026-11-23", "10:00", Repeat::Once, tz);
    assert_eq!(keys(&once, 1), ["2026-11-23T10:00"]);
    assert!(
        once.next_after(utc("2026-11-23T10:00:00Z")).is_none(),
        "once is once"
    );

    assert_eq!(
        keys(&sched("2026-11-22", "08:00", Repeat::Weekdays, tz), 6),
        [
            "2026-11-23T08:00",
            "2026-11-24T08:00",
            "2026-11-25T08:00",
            "2026-11-26T08:00",
            "2026-11-27T08:00",
            "2026-11-30T08:00"
        ]
    );
    assert_eq!(
        keys(
            &sched(
                "2026-11-22",
                "19:30",
                Repeat::Weekly {
                    days: vec![Day::Th, Day::Mo]
                },
                tz
            ),
            4
        ),
        [
            "2026-11-23T19:30",
            "2026-11-26T19:30",
            "2026-11-30T19:30",
            "2026-12-03T19:30"
        ]
    );
    assert_eq!(
        keys(
            &sched("2026-11-22", "07:00", Repeat::EveryNDays { n: 3 }, tz),
            3
        ),
        ["2026-11-22T07:00", "2026-11-25T07:00", "2026-11-28T07:00"]
    );
    assert_eq!(
        keys(
            &sched("2026-11-22", "12:00", Repeat::MonthlyOnDay { day: 15 }, tz),
            2
        ),
        ["2026-12-15T12:00", "2027-01-15T12:00"]
    );
    // The second Tuesday, and the last Friday.
    assert_eq!(
        keys(
            &sched(
                "2026-11-22",
                "10:00",
                Repeat::MonthlyOnWeekday {
                    nth: 2,
                    weekday: Day::Tu
                },
                tz
            ),
            3
        ),
        ["2026-12-08T10:00", "2027-01-12T10:00", "2027-02-09T10:00"]
    );
    assert_eq!(
        keys(
            &sched(
                "2026-11-22",
                "10:00",
                Repeat::MonthlyOnWeekday {
                    nth: -1,
                    weekday: Day::Fr
                },
                tz
            ),
            2
        ),
        ["2026-11-27T10:00", "2026-12-25T10:00"]
    );
    // With an end, nothing after the last day.
    let mut ended = ScheduleInput {
        start_date: "2026-11-22".into(),
        time: "09:00".into(),
        repeat: Repeat::Daily,
        end_date: Some("2026-11-24".into()),
        time_zone: tz.into(),
    };
    let s = ended.validate().expect("valid");
    assert_eq!(
        keys(&s, 3),
        ["2026-11-22T09:00", "2026-11-23T09:00", "2026-11-24T09:00"]
    );
    assert!(s.next_after(utc("2026-11-24T09:00:00Z")).is_none());
    ended.end_date = Some("2026-11-21".into());
    assert_eq!(
        field(ended.validate().expect_err("end before start")),
        "endDate"
    );
}

#[test]
fn monthly_edge_days_fall_back_to_the_last_day_of_shorter_months() {
    let s = sched(
        "2027-01-01",
        "10:00",
        Repeat::MonthlyOnDay { day: 31 },
        "Asia/Kolkata",
    );
    let keys: Vec<String> = next_n(&s, "2027-01-01T00:00:00Z", 5)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(
        keys,
        [
            "2027-01-31T10:00",
            "2027-02-28T10:00",
            "2027-03-31T10:00",
            "2027-04-30T10:00",
            "2027-05-31T10:00"
        ]
    );
    let s = sched(
        "2027-01-01",
        "10:00",
        Repeat::MonthlyOnDay { day: 29 },
        "Asia/Kolkata",
    );
    let keys: Vec<String> = next_n(&s, "2027-02-01T00:00:00Z", 2)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(keys, ["2027-02-28T10:00", "2027-03-29T10:00"]);
    let keys: Vec<String> = next_n(&s, "2028-02-01T00:00:00Z", 1)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(keys, ["2028-02-29T10:00"], "a leap year has the 29th");
    let s = sched(
        "2027-01-01",
        "10:00",
        Repeat::MonthlyOnDay { day: 30 },
        "Asia/Kolkata",
    );
    let keys: Vec<String> = next_n(&s, "2028-02-01T00:00:00Z", 2)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(keys, ["2028-02-29T10:00", "2028-03-30T10:00"]);
}

#[test]
fn schedules_are_stored_as_rfc_5545_text() {
    let s = sched(
        "2026-11-22",
        "18:00",
        Repeat::Weekly {
            days: vec![Day::We, Day::Mo, Day::We],
        },
        "America/New_York",
    );
    assert_eq!(
        s.to_rfc5545(),
        "DTSTART;TZID=America/New_York:20261122T180000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE"
    );
    let mut input = ScheduleInput {
        start_date: "2026-11-22".into(),
        time: "09:00".into(),
        repeat: Repeat::MonthlyOnDay { day: 31 },
        end_date: Some("2026-12-31".into()),
        time_zone: "Europe/London".into(),
    };
    assert_eq!(
        input.validate().expect("valid").to_rfc5545(),
        "DTSTART;TZID=Europe/London:20261122T090000\nRRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1;UNTIL=20261231T235959Z"
    );
    input.repeat = Repeat::Once;
    assert_eq!(
        input.validate().expect("valid").to_rfc5545(),
        "DTSTART;TZID=Europe/London:20261122T090000\nRRULE:FREQ=DAILY;COUNT=1"
    );
}

fn field(e: Error) -> &'static str {
    assert_eq!(e.code(), ErrorCode::InvalidInput, "{e:?}");
    match e {
        Error::Invalid { field, .. } => field.expect("field"),
        _ => unreachable!(),
    }
}

fn input(title: &str, repeat: Repeat) -> ReminderInput {
    ReminderInput {
        title: title.into(),
        message: None,
        purpose: Purpose::SelfCare,
        person_id: None,
        schedule: ScheduleInput {
            start_date: "2026-11-22".into(),
            time: "18:00".into(),
            repeat,
            end_date: None,
            time_zone: "Europe/London".into(),
        },
    }
}

const NOW: &str = "2026-11-22T10:00:00Z";

#[test]
fn bad_input_gets_a_clear_message() {
    let now = utc(NOW);
    assert_eq!(
        field(
            input(&"x".repeat(10_000), Repeat::Daily)
                .validate(now)
                .expect_err("long")
        ),
        "title"
    );
    assert_eq!(
        field(input("  ", Repeat::Daily).validate(now).expect_err("blank")),
        "title"
    );
    let mut bad_time = input("Walk", Repeat::Daily);
    bad_time.schedule.time = "25:00".into();
    assert_eq!(field(bad_time.validate(now).expect_err("time")), "time");
    let mut bad_tz = input("Walk", Repeat::Daily);
    bad_tz.schedule.time_zone = "Mars/Olympus_Mons".into();
    assert_eq!(field(bad_tz.validate(now).expect_err("tz")), "timeZone");
    for n in [0, 366, 100_000] {
        assert_eq!(
            field(
                input("Walk", Repeat::EveryNDays { n })
                    .validate(now)
                    .expect_err("n")
            ),
            "repeat",
            "{n}"
        );
    }
    assert_eq!(
        field(
            input("Walk", Repeat::Weekly { days: vec![] })
                .validate(now)
                .expect_err("days")
        ),
        "repeat"
    );
    assert_eq!(
        field(
            input("Walk", Repeat::MonthlyOnDay { day: 32 })
                .validate(now)
                .expect_err("32")
        ),
        "repeat"
    );
    assert_eq!(
        field(
            input(
                "Walk",
                Repeat::MonthlyOnWeekday {
                    nth: 5,
                    weekday: Day::Mo
                }
            )
            .validate(now)
            .expect_err("5th")
        ),
        "repeat"
    );
    let mut past = input("Walk", Repeat::Once);
    past.schedule.time = "09:00".into();
    assert_eq!(field(past.validate(now).expect_err("past")), "time");
    let mut check_in = input("Text Sam", Repeat::Daily);
    check_in.purpose = Purpose::CheckIn;
    assert_eq!(field(check_in.validate(now).expect_err("who")), "personId");
}

#[test]
fn snoozes_end_when_chosen() {
    let now = utc(NOW);
    let tz: chrono_tz::Tz = "Europe/London".parse().expect("tz");
    assert_eq!(
        snooze_until(now, tz, Some(SnoozeFor::TenMinutes), None).expect("10"),
        now + Duration::minutes(10)
    );
    assert_eq!(
        snooze_until(now, tz, Some(SnoozeFor::OneHour), None).expect("1h"),
        now + Duration::hours(1)
    );
    assert_eq!(
        rfc3339(snooze_until(now, tz, Some(SnoozeFor::TomorrowMorning), None).expect("morning")),
        "2026-11-23T09:00:00Z"
    );
    assert_eq!(
        rfc3339(snooze_until(now, tz, None, Some("2026-11-22T15:45")).expect("chosen")),
        "2026-11-22T15:45:00Z"
    );
    assert_eq!(
        field(snooze_until(now, tz, None, Some("2026-11-22T09:00")).expect_err("past")),
        "until"
    );
    assert_eq!(
        field(snooze_until(now, tz, None, Some("soon")).expect_err("bad")),
        "until"
    );
    assert_eq!(
        field(snooze_until(now, tz, None, None).expect_err("none")),
        "until"
    );
}

#[test]
fn quiet_hours_settings_are_checked() {
    let s = ReminderSettings {
        quiet_start: Some("22:00".into()),
        quiet_end: None,
        show_details: false,
        paused_until: None,
    };
    assert_eq!(field(s.validate().expect_err("half")), "quietEnd");
    let s = ReminderSettings {
        quiet_start: Some("22:00".into()),
        quiet_end: Some("22:00".into()),
        ..ReminderSettings::default()
    };
    assert_eq!(field(s.validate().expect_err("same")), "quietEnd");
    let s = ReminderSettings {
        quiet_start: Some("9pm".into()),
        ..ReminderSettings::default()
    };
    assert_eq!(field(s.validate().expect_err("words")), "quietStart");
    let ok = ReminderSettings {
        quiet_start: Some(" 21:30 ".into()),
        quiet_end: Some("06:45".into()),
        ..ReminderSettings::default()
    };
    assert_eq!(
        ok.validate().expect("valid").quiet_start.as_deref(),
        Some("21:30")
    );
}

#[test]
fn notifications_are_private_unless_the_caregiver_opts_in() {
    let (t, b) = notification_text(
        false,
        Purpose::Appointment,
        "Sam: psychiatrist, lithium review",
        Some("Bring the blood results"),
    );
    assert_eq!(t, "Alongside");
    assert!(
        !b.contains("Sam") && !b.contains("lithium") && !b.contains("psychiatrist"),
        "{b}"
    );
    let (t, b) = notification_text(
        true,
        Purpose::Appointment,
        "Sam: review",
        Some("Bring the results"),
    );
    assert_eq!(
        (t.as_str(), b.as_str()),
        ("Sam: review", "Bring the results")
    );
    assert!(missed_text(3).1.starts_with("3 reminders"));
}

#[test]
fn reminders_are_saved_edited_removed_and_restored() {
    let conn = open_in_memory().expect("db");
    conn.execute(
        "INSERT INTO people (id, name, relationship, created_at) VALUES (1, 'Sam', 'child', 'x')",
        [],
    )
    .expect("person");
    let now = utc(NOW);
    let mut r = input("Text Sam", Repeat::Daily);
    r.purpose = Purpose::CheckIn;
    r.person_id = Some(1);
    let id = store::save(&conn, None, &r.validate(now).expect("valid"), now).expect("save");
    let got = store::get(&conn, id).expect("get");
    assert_eq!(got.next_due.as_deref(), Some("2026-11-22T18:00:00Z"));
    assert!(got
        .rule
        .starts_with("DTSTART;TZID=Europe/London:20261122T180000"));

    r.title = "Message Sam".into();
    r.schedule.time = "19:00".into();
    store::save(&conn, Some(id), &r.validate(now).expect("valid"), now).expect("edit");
    assert_eq!(store::get(&conn, id).expect("get").title, "Message Sam");
    store::remove(&conn, id, now).expect("remove");
    assert!(store::list(&conn).expect("list").is_empty());
    store::restore(&conn, id, now).expect("undo");
    assert_eq!(store::list(&conn).expect("list").len(), 1);
    // Someone unknown cannot be reminded about.
    r.person_id = Some(42);
    assert_eq!(
        store::save(&conn, None, &r.validate(now).expect("valid"), now)
            .expect_err("who")
            .code(),
        ErrorCode::NotFound
    );
}

#[test]
fn the_ics_export_carries_each_rule() {
    let conn = open_in_memory().expect("db");
    let now = utc(NOW);
    let mut r = input(
        "Evening walk",
        Repeat::Weekly {
            days: vec![Day::Mo, Day::Th],
        },
    );
    r.message = Some("Just round the block".into());
    store::save(&conn, None, &r.validate(now).expect("valid"), now).expect("save");
    let ics = ics::to_ics(&store::list(&conn).expect("list"), now);
    assert!(ics.starts_with("BEGIN:VCALENDAR"), "{ics}");
    assert!(ics.contains("SUMMARY:Evening walk"), "{ics}");
    assert!(
        ics.contains("DTSTART;TZID=Europe/London:20261122T180000"),
        "{ics}"
    );
    assert!(ics.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,TH"), "{ics}");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
}

#[test]
fn a_due_check_in_done_records_the_check_in() {
    let mut conn = open_in_memory().expect("db");
    conn.execute(
        "INSERT INTO people (id, name, relationship, created_at) VALUES (1, 'Sam', 'child', 'x')",
        [],
    )
    .expect("person");
    let now = utc(NOW);
    let mut r = input("Text Sam", Repeat::Daily);
    r.purpose = Purpose::CheckIn;
    r.person_id = Some(1);
    let id = store::save(&conn, None, &r.validate(now).expect("valid"), now).expect("save");
    let at = utc("2026-11-22T18:00:00Z");
    let plan = crate::reminders::planning::Plan {
        outcomes: vec![crate::reminders::planning::Outcome::Fire {
            id,
            key: "2026-11-22T18:00".into(),
            at,
        }],
        ..Default::default()
    };
    let tx = conn.transaction().expect("tx");
    let applied = store::apply(&tx, &plan, at).expect("apply");
    tx.commit().expect("commit");
    assert_eq!(applied.fired.len(), 1);
    // Applying the same plan again (a second window, a restart) fires nothing.
    let tx = conn.transaction().expect("tx");
    assert_eq!(store::apply(&tx, &plan, at).expect("apply").fired.len(), 0);
    tx.commit().expect("commit");

    let due = store::due_now(&conn).expect("due");
    assert_eq!(due.len(), 1);
    let checkin = crate::practices::CheckinInput {
        person_id: 1,
        happened_on: "2026-11-22".into(),
        how: Some(crate::practices::CheckinWay::Message),
        went: Some(4),
        note: Some("Good chat".into()),
    }
    .validate(NaiveDate::from_ymd_opt(2026, 11, 22).expect("day"))
    .expect("valid");
    let tx = conn.transaction().expect("tx");
    store::resolve(&tx, due[0].id, DueState::Done, None, Some(&checkin), at).expect("done");
    tx.commit().expect("commit");
    assert!(store::due_now(&conn).expect("due").is_empty());
    let checkins = crate::practices::store::checkins(&conn).expect("checkins");
    assert_eq!(checkins.len(), 1);
    assert_eq!(checkins[0].went, Some(4));
    // Done twice is refused, and records nothing more.
    let tx = conn.transaction().expect("tx");
    assert!(store::resolve(&tx, due[0].id, DueState::Done, None, Some(&checkin), at).is_err());
    drop(tx);
    assert_eq!(
        crate::practices::store::checkins(&conn)
            .expect("checkins")
            .len(),
        1
    );
}

/// Every kind of schedule started years ago answers "what comes next" exactly as expanding from
/// its first day does, at any moment (month ends, a leap day, near the first day, after the end).
#[test]
fn an_old_schedule_answers_as_if_expanded_from_its_first_day() {
    use chrono::NaiveDateTime;
    let kinds = [
        Repeat::Once,
        Repeat::Daily,
        Repeat::Weekdays,
        Repeat::Weekly {
            days: vec![Day::Mo, Day::Th, Day::Su],
        },
        Repeat::EveryNDays { n: 3 },
        Repeat::EveryNDays { n: 45 },
        Repeat::MonthlyOnDay { day: 31 },
        Repeat::MonthlyOnDay { day: 15 },
        Repeat::MonthlyOnWeekday {
            nth: -1,
            weekday: Day::Fr,
        },
        Repeat::MonthlyOnWeekday {
            nth: 2,
            weekday: Day::Tu,
        },
    ];
    let moments = [
        "2016-01-31T09:29",
        "2016-02-02T12:00",
        "2016-03-01T00:00",
        "2019-12-31T23:59",
        "2020-02-29T09:30",
        "2020-03-01T09:31",
        "2024-10-27T01:30",
        "2026-11-30T18:00",
        "2026-12-03T09:30",
        "2031-06-15T07:00",
    ];
    for (k, repeat) in kinds.iter().enumerate() {
        let mut s = sched("2016-01-31", "09:30", repeat.clone(), "Europe/London");
        if k % 2 == 1 {
            s.until = NaiveDate::from_ymd_opt(2030, 1, 1);
        }
        for m in moments {
            let after = NaiveDateTime::parse_from_str(m, "%Y-%m-%dT%H:%M").expect("moment");
            let moved = s.moved_before(after);
            assert!(
                moved.start >= s.start && moved.start <= after.max(s.start),
                "{repeat:?} moved past {m}"
            );
            assert_eq!(
                s.local_after(after, 20).expect("from near the moment"),
                s.expand_after(after, 20).expect("from the first day"),
                "{repeat:?} after {m}"
            );
        }
    }
    // A daily reminder made ten years ago starts expanding the day before the moment asked.
    let daily = sched("2016-01-31", "09:30", Repeat::Daily, "Europe/London");
    let after = NaiveDateTime::parse_from_str("2026-12-03T10:00", "%Y-%m-%dT%H:%M").expect("t");
    assert_eq!(
        daily.moved_before(after).start.date(),
        NaiveDate::from_ymd_opt(2026, 12, 2).expect("day")
    );
}
