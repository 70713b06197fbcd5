//! The care circle on one machine: two Alongsides with their own data folders, connected over
//! loopback only (no relay, no discovery service). Maria starts a circle and invites Tom's
//! computer by its code; a win added on one appears on the other within seconds; a safety plan
//! edited on both while apart keeps both versions once they reconnect; Maria's own strain never
//! reaches Tom; and once Tom's computer is removed it gets nothing new.

use std::time::{Duration, Instant};

use alongside_e2e::App;

/// Opens Wins again and again until `text` shows, for up to `within`.
async fn wins_show(app: &App, text: &str, within: Duration) -> bool {
    let started = Instant::now();
    while started.elapsed() < within {
        app.click("Today").await;
        app.heading("Today").await;
        app.click("Wins").await;
        app.heading("Small wins").await;
        if app.page_text().await.contains(text) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    false
}

async fn add_win(app: &App, text: &str) {
    app.click("Add a win").await;
    app.dialog("Add a win").await;
    app.type_into("What happened?", text).await;
    app.click("Save this win").await;
    app.sees("Added. Every small step counts.").await;
}

async fn open_care_circle(app: &App) {
    app.click("Settings").await;
    app.heading("Settings").await;
    app.click("Open the care circle").await;
    app.heading("Care circle").await;
}

async fn edit_plan(app: &App, coping: &str, first: bool) {
    app.click("Be ready").await;
    app.heading("Be ready").await;
    app.click("Sam's crisis plan").await;
    app.heading("Crisis plan for Sam").await;
    app.click(if first {
        "Make a safety plan"
    } else {
        "Edit the safety plan"
    })
    .await;
    app.type_into("1. My warning signs", "Stops answering texts")
        .await;
    app.type_into("2. Things I can do on my own", coping).await;
    app.click("Save the safety plan").await;
    app.sees("Saved as version").await;
}

/// Opens the crisis plan again and again until it shows `text`, for up to `within`.
async fn plan_shows(app: &App, text: &str, within: Duration) -> bool {
    let started = Instant::now();
    while started.elapsed() < within {
        app.click("Be ready").await;
        app.heading("Be ready").await;
        app.click("Sam's crisis plan").await;
        app.heading("Crisis plan for Sam").await;
        if app.page_text().await.contains(text) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    false
}

/// The crisis plan page, once it shows `a` and `b` (one current, one among the earlier
/// versions), within `within`.
async fn plan_has_both(app: &App, a: &str, b: &str, within: Duration) -> bool {
    let started = Instant::now();
    while started.elapsed() < within {
        app.click("Be ready").await;
        app.heading("Be ready").await;
        app.click("Sam's crisis plan").await;
        app.heading("Crisis plan for Sam").await;
        let text = app.page_text().await;
        if text.contains("Version 3") || text.contains("version 3") {
            let current_a = text.contains(a);
            let current_b = text.contains(b);
            if current_a || current_b {
                // The other one is kept as an earlier version: open it.
                let other = if current_a { b } else { a };
                app.click_starting("Version 2, saved").await;
                let shown = app.page_text().await.contains(other);
                app.press_key(fantoccini::key::Key::Escape).await;
                return shown;
            }
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    false
}

#[tokio::test(flavor = "multi_thread")]
async fn two_computers_share_a_circle_over_loopback_and_a_removed_one_gets_nothing_new() {
    // Loopback only: nothing in this scenario may leave the machine.
    std::env::set_var("ALONGSIDE_SYNC_BIND", "127.0.0.1:0");
    let (a_dir, b_dir) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );

    let maria = App::launch(a_dir.path()).await;
    maria.onboard("Sam", "Depression", "United Kingdom").await;
    // Maria's own strain, which must never reach Tom.
    maria.click("For you").await;
    maria.heading("Looking after you").await;
    maria.sees("Only for you").await;
    maria.pick("8").await;
    maria.pick("Poor").await;
    maria.pick("Yes").await;
    maria
        .type_into("A note (optional)", "Cried in the car after work")
        .await;
    maria.click("Save today's check").await;
    maria
        .sees("Saved. Thank you for checking in with yourself.")
        .await;

    open_care_circle(&maria).await;
    maria
        .type_into("Your name, as your family will see it", "Maria")
        .await;
    maria.check("Safety plan, with its earlier versions").await;
    maria.click("Start the care circle").await;
    maria.heading("Who is in the circle about Sam").await;
    maria.sees("Live sync is off").await;
    maria.click("Invite a computer").await;
    maria.sees("Live sync is on").await;
    let code = maria
        .field("Invite code")
        .await
        .prop("value")
        .await
        .expect("the code")
        .expect("a code");
    assert!(code.len() > 40, "an invite code: {code}");

    let tom = App::launch(b_dir.path()).await;
    tom.onboard("Sam", "Depression", "United Kingdom").await;
    open_care_circle(&tom).await;
    tom.type_into_in_group("Join with an invite code", "Invite code", &code)
        .await;
    tom.type_into_in_group(
        "Join with an invite code",
        "Your name, as your family will see it",
        "Tom",
    )
    .await;
    tom.click("Join with this code").await;
    tom.heading("Who is in the circle about Sam").await;
    tom.sees("Maria").await;
    tom.sees("Live sync is on").await;

    // A win on Maria's computer shows on Tom's within seconds, and one of Tom's on Maria's.
    add_win(&maria, "First walk in weeks").await;
    assert!(
        wins_show(&tom, "First walk in weeks", Duration::from_secs(20)).await,
        "Maria's win reached Tom"
    );
    add_win(&tom, "Cooked dinner together").await;
    assert!(
        wins_show(&maria, "Cooked dinner together", Duration::from_secs(20)).await,
        "Tom's win reached Maria"
    );

    // The safety plan: Maria makes it and Tom gets it; then both edit it while Tom's live
    // sync is off, and both edits are kept once it is on again.
    edit_plan(&maria, "Walk the dog", true).await;
    assert!(
        plan_shows(&tom, "Walk the dog", Duration::from_secs(20)).await,
        "Maria's plan reached Tom"
    );
    open_care_circle(&tom).await;
    tom.click("Turn live sync off").await;
    tom.sees("Live sync is off").await;
    edit_plan(&maria, "Call Gran", false).await;
    edit_plan(&tom, "Play music", false).await;
    open_care_circle(&tom).await;
    tom.click("Turn live sync on").await;
    tom.sees("Live sync is on").await;
    for (who, app) in [("Maria", &maria), ("Tom", &tom)] {
        assert!(
            plan_has_both(app, "Call Gran", "Play music", Duration::from_secs(30)).await,
            "{who} keeps both edits as versions"
        );
    }

    // Maria's strain never reached Tom.
    tom.click("For you").await;
    tom.heading("Looking after you").await;
    tom.sees("Only for you").await;
    assert!(
        !tom.page_text().await.contains("Cried in the car"),
        "Tom sees no strain of Maria's"
    );

    // Maria removes Tom's computer: it gets nothing new.
    open_care_circle(&maria).await;
    maria.click("Remove Tom from the circle").await;
    maria.dialog("Remove Tom from the circle?").await;
    maria.click("Remove").await;
    maria.sees("removed").await;
    add_win(&maria, "Written after Tom left").await;
    assert!(
        !wins_show(&tom, "Written after Tom left", Duration::from_secs(10)).await,
        "a removed computer gets nothing new"
    );

    tom.quit().await;
    maria.quit().await;
}
