//! Reminders: how long planning takes for 1,000 reminders (every one's next due time), and how
//! the real scheduler loop behaves over a 10-minute run with a reminder due every minute: how
//! late each one fires, and how often the loop wakes while nothing is due.
//! Run: `cargo bench -p alongside-core --bench reminders` (add `-- --quick` for a 2-minute run).

use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use alongside_core::db;
use alongside_core::reminders::planning::{plan, run, Outcome, SystemClock, World};
use alongside_core::reminders::schedule::{Day, Repeat, ScheduleInput};
use alongside_core::reminders::{store, Purpose, ReminderInput};
use chrono::{Duration as ChronoDuration, Timelike, Utc};

const ZONES: [&str; 5] = [
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe",
    "Pacific/Auckland",
    "Asia/Kolkata",
];

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let dir = tempfile::tempdir().expect("temp dir");

    // 1. Next due for 1,000 reminders of every kind, across five zones.
    let opened = db::open_in(dir.path(), &key(), db::DEFAULT_BUSY_TIMEOUT).expect("db");
    let conn = opened.conn;
    let now = Utc::now();
    for i in 0..1000u32 {
        let repeat = match i % 7 {
            0 => Repeat::Daily,
            1 => Repeat::Weekdays,
            2 => Repeat::Weekly {
                days: vec![Day::Mo, Day::Th],
            },
            3 => Repeat::EveryNDays { n: 1 + i % 30 },
            4 => Repeat::MonthlyOnDay { day: 1 + i % 31 },
            5 => Repeat::MonthlyOnWeekday {
                nth: [1, 2, 3, 4, -1][(i % 5) as usize],
                weekday: Day::Tu,
            },
            _ => Repeat::Daily,
        };
        let r = ReminderInput {
            title: format!("Reminder {i}"),
            message: None,
            purpose: Purpose::SelfCare,
            person_id: None,
            schedule: ScheduleInput {
                // Started up to a year ago: the rule has history to work through.
                start_date: (now - ChronoDuration::days(i64::from(i % 365)))
                    .format("%Y-%m-%d")
                    .to_string(),
                time: format!("{:02}:{:02}", i % 24, (i * 7) % 60),
                repeat,
                end_date: None,
                time_zone: ZONES[(i % 5) as usize].into(),
            },
        };
        store::save(&conn, None, &r.validate(now).expect("valid"), now).expect("save");
    }
    let specs = store::specs(&conn).expect("specs");
    assert_eq!(specs.len(), 1000);
    let mut times = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        let p = plan(&specs, &[], &World::default(), now);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(p.wake.is_some());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "next due for 1,000 reminders (one plan): p50 {:.1} ms, p99 {:.1} ms",
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
    drop(conn);

    // 2. The loop for real: a reminder due at each of the next N minute marks.
    let minutes: i64 = if quick { 2 } else { 10 };
    let dir2 = tempfile::tempdir().expect("temp dir");
    let mut conn = db::open_in(dir2.path(), &key(), db::DEFAULT_BUSY_TIMEOUT)
        .expect("db")
        .conn;
    store::save_settings(
        &conn,
        &alongside_core::reminders::ReminderSettings {
            quiet_start: None,
            quiet_end: None,
            show_details: false,
            paused_until: None,
        },
    )
    .expect("no quiet hours");
    let start = Utc::now();
    let first_mark = start
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .expect("minute")
        + ChronoDuration::minutes(1);
    for m in 0..minutes {
        let at = first_mark + ChronoDuration::minutes(m);
        let r = ReminderInput {
            title: format!("Minute {m}"),
            message: None,
            purpose: Purpose::Custom,
            person_id: None,
            schedule: ScheduleInput {
                start_date: at.format("%Y-%m-%d").to_string(),
                time: at.format("%H:%M").to_string(),
                repeat: Repeat::Once,
                end_date: None,
                time_zone: "UTC".into(),
            },
        };
        store::save(&conn, None, &r.validate(start).expect("valid"), start).expect("save");
    }
    let (tx, rx) = channel();
    let run_for = Duration::from_secs((minutes as u64 + 1) * 60);
    std::thread::spawn(move || {
        std::thread::sleep(run_for);
        drop(tx);
    });
    let mut lateness_ms: Vec<f64> = Vec::new();
    let mut wakeups = 0u32;
    let mut idle_wakeups = 0u32;
    println!("running the scheduler loop for {} minutes…", minutes + 1);
    run(&SystemClock, &rx, |now| {
        wakeups += 1;
        let specs = store::specs(&conn).expect("specs");
        let p = plan(
            &specs,
            &store::snoozed(&conn).expect("snoozed"),
            &World::default(),
            now,
        );
        let t = conn.transaction().expect("tx");
        let applied = store::apply(&t, &p, now).expect("apply");
        t.commit().expect("commit");
        let mut fired = 0;
        for o in &p.outcomes {
            if let Outcome::Fire { at, .. } = o {
                // "Delivered" here: the moment the notifier would be called.
                lateness_ms
                    .push((Utc::now() - *at).num_microseconds().unwrap_or(0) as f64 / 1000.0);
                fired += 1;
            }
        }
        assert_eq!(fired, applied.fired.len());
        if fired == 0 {
            idle_wakeups += 1;
        }
        p.wake
    });
    lateness_ms.sort_by(f64::total_cmp);
    assert_eq!(
        lateness_ms.len() as i64,
        minutes,
        "every reminder fired once"
    );
    let elapsed_min = (Utc::now() - start).num_seconds() as f64 / 60.0;
    println!(
        "fire lateness over {} reminders: p50 {:.1} ms, max {:.1} ms",
        lateness_ms.len(),
        percentile(&lateness_ms, 0.5),
        lateness_ms.last().copied().unwrap_or(0.0)
    );
    println!(
        "wakeups: {wakeups} in {elapsed_min:.1} minutes ({idle_wakeups} with nothing due: {:.2} a minute)",
        f64::from(idle_wakeups) / elapsed_min
    );
}

/// The data is encrypted, as in the app.
fn key() -> alongside_core::protection::DataKey {
    alongside_core::protection::DataKey::random().expect("a random key")
}
