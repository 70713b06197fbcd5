//! Reminders in the real window, with a real notification service on the session bus: a
//! check-in reminder made through the form comes due about a minute later, produces exactly one
//! notification with private words, waits in "Due now", and Done records the check-in, which is
//! still in the check-in history after a relaunch.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use alongside_e2e::App;

/// A local date-time `minutes` from now: (YYYY-MM-DD, HH:MM).
fn local_in(minutes: i64) -> (String, String) {
    let out = std::process::Command::new("date")
        .args(["-d", &format!("+{minutes} min"), "+%Y-%m-%d %H:%M"])
        .output()
        .expect("date");
    let text = String::from_utf8(out.stdout).expect("utf8");
    let (d, t) = text.trim().split_once(' ').expect("date and time");
    (d.to_owned(), t.to_owned())
}

fn notify_lines(log: &Path) -> Vec<String> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains(" Notify "))
        .map(str::to_owned)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_check_in_reminder_notifies_once_and_done_records_the_check_in() {
    let data = tempfile::tempdir().expect("data dir");
    let log = data.path().join("notifications.log");
    // A notification service on this session bus that writes down every Notify call.
    let mut service = tokio::process::Command::new("/usr/bin/python3")
        .args(["-m", "dbusmock", "--template", "notification_daemon", "-l"])
        .arg(&log)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("python3-dbusmock is installed");
    tokio::time::sleep(Duration::from_secs(2)).await;

    let app = App::launch(data.path()).await;
    app.onboard("Sam", "Depression", "New Zealand").await;

    // Quiet hours would hold the reminder back at night; this test must not depend on the hour.
    app.click("Settings").await;
    // Wait for the stored quiet hours to arrive, so they cannot replace what is set here.
    let started = std::time::Instant::now();
    while app
        .field("From")
        .await
        .prop("value")
        .await
        .ok()
        .flatten()
        .unwrap_or_default()
        .is_empty()
    {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the quiet hours arrive"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.set_value("From", "").await;
    app.set_value("Until", "").await;
    app.click("Save reminder settings").await;
    app.sees("Reminder settings saved.").await;

    app.click("Reminders").await;
    app.heading("Reminders").await;
    app.sees("No reminders yet.").await;
    // A mistake first: no title.
    app.click("Add the reminder").await;
    app.sees("Please add a title.").await;
    app.type_into("Title", "Text Sam").await;
    app.choose("How often?", "Once").await;
    let (day, time) = local_in(2);
    app.set_value("Day", &day).await;
    app.type_into("Time", &time).await;
    app.click("Add the reminder").await;
    app.sees("Added: Text Sam.").await;
    assert!(notify_lines(&log).is_empty(), "nothing before it is due");

    // It comes due within about two minutes: one notification, with private words.
    let started = Instant::now();
    while notify_lines(&log).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(200),
            "no notification arrived"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    let lines = notify_lines(&log);
    assert_eq!(lines.len(), 1, "exactly one notification: {lines:?}");
    assert!(
        lines[0].contains("\"Alongside\" \"Time for a check-in.\""),
        "{}",
        lines[0]
    );
    assert!(
        !lines[0].contains("Sam"),
        "no name in a private notification: {}",
        lines[0]
    );

    // Due now, then Done with how it went.
    app.click("Today").await;
    app.heading("Due now").await;
    app.click("Done: Text Sam").await;
    app.choose("How did it go? (optional)", "4").await;
    app.type_into("A note (optional)", "Quick hello before work")
        .await;
    app.click("Record the check-in").await;
    app.sees("The check-in is recorded.").await;
    app.quit().await;

    // Relaunch: the check-in is in the history, and nothing fires again.
    let app = App::launch(data.path()).await;
    app.heading("Today").await;
    app.click("Check in regularly").await;
    app.sees("A message · went 4 of 5").await;
    app.sees("Quick hello before work").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(notify_lines(&log).len(), 1, "a relaunch repeats nothing");

    // A time typed as a person says it, "1930", is saved as 19:30 (not the hour WebKitGTK's own
    // time control used to make of those digits).
    app.click("Reminders").await;
    app.heading("Reminders").await;
    app.type_into("Title", "Evening walk").await;
    app.choose("What is it for?", "Looking after myself").await;
    app.choose("How often?", "Once").await;
    let (next_week, _) = local_in(7 * 24 * 60);
    app.set_value("Day", &next_week).await;
    app.type_into("Time", "1930").await;
    app.click("Add the reminder").await;
    let added = app
        .sees("Added: Evening walk.")
        .await
        .text()
        .await
        .expect("text");
    // In the system's clock: 19:30, or 7:30 PM where the locale keeps a 12-hour one.
    assert!(
        ["at 19:30", "at 7:30 PM", "at 7:30\u{202f}PM"]
            .iter()
            .any(|t| added.contains(t)),
        "{added}"
    );
    app.click("Edit Evening walk").await;
    let typed = app.field("Time").await.prop("value").await.expect("value");
    assert_eq!(typed.as_deref(), Some("19:30"));
    app.quit().await;
    let _ = service.kill().await;
}
