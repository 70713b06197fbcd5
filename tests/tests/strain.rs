//! Looking after the caregiver in the real window: a daily check (first refused half-answered),
//! a PHQ-4 whose band shows and whose history and chart are still there after a relaunch, a
//! PHQ-9 whose item 9 above 0 opens Crisis help the moment it is answered (nothing saved, still
//! offered after Back) and whose result gives crisis guidance instead of the band's reassurance,
//! and the burnout reflection offering help and standing apart from the screenings.

use alongside_e2e::{lit, App};
use fantoccini::key::Key;

const PHQ4: [&str; 4] = [
    "Feeling nervous, anxious or on edge",
    "Not being able to stop or control worrying",
    "Little interest or pleasure in doing things",
    "Feeling down, depressed or hopeless",
];

/// How many pixels of the chart's canvas were painted: Chart.js really drew in the webview.
async fn painted(app: &App, chart_label_contains: &str) -> u64 {
    let script = format!(
        "const box = [...document.querySelectorAll('[role=img]')].find(e => e.getAttribute('aria-label').includes({}));
         const c = box && box.querySelector('canvas');
         if (!c) return -1;
         const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
         let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
         return n;",
        serde_json::to_string(chart_label_contains).expect("json")
    );
    let v = app.client.execute(&script, vec![]).await.expect("script");
    v.as_i64().unwrap_or(-1).max(0) as u64
}

/// Waits for the chart to be painted: Chart.js is fetched when a chart is first shown.
async fn drawn(app: &App, chart_label_contains: &str) -> bool {
    let started = std::time::Instant::now();
    loop {
        if painted(app, chart_label_contains).await > 100 {
            return true;
        }
        if started.elapsed() > alongside_e2e::WAIT {
            return false;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Rows in the self-check history table: what has been saved.
async fn history_rows(app: &App) -> usize {
    app.client
        .find_all(fantoccini::Locator::XPath(
            "//table[caption[normalize-space(.)='Self-check history, newest first']]/tbody/tr",
        ))
        .await
        .map(|v| v.len())
        .unwrap_or(0)
}

async fn close_dialog(app: &App) {
    app.press_key(Key::Escape).await;
    assert!(app.no_dialog().await, "Escape closes Crisis help");
}

const PHQ9: [&str; 9] = [
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
];

#[tokio::test(flavor = "multi_thread")]
async fn daily_check_phq4_history_chart_after_relaunch_and_phq9_item_nine() {
    let data = tempfile::tempdir().expect("data dir");
    let app = App::launch(data.path()).await;
    app.onboard("Sam", "Schizophrenia or psychosis", "Canada")
        .await;

    app.click("For you").await;
    app.heading("Looking after you").await;

    // The daily check: half-answered is refused with words, then saved.
    app.click("Save today's check").await;
    app.sees("Please choose how much strain you feel, from 0 to 10.")
        .await;
    app.pick("6").await;
    app.pick("Poor").await;
    app.click("Save today's check").await;
    app.sees("Please answer yes or no: did you do one thing for yourself today?")
        .await;
    app.pick("Yes").await;
    app.click("Save today's check").await;
    app.sees("Saved. Thank you for checking in with yourself.")
        .await;
    app.button("Update today's check").await;

    // A PHQ-4: a missing answer is named, then the band.
    app.click("PHQ-4: anxiety and low mood").await;
    app.heading("PHQ-4: anxiety and low mood").await;
    app.sees("This is a screening, not a diagnosis.").await;
    for (q, a) in PHQ4
        .iter()
        .zip(["Not at all", "Several days", "Nearly every day"])
    {
        app.answer(q, a).await;
    }
    app.click("See my result").await;
    app.alert("Please answer question 4.").await;
    app.answer(PHQ4[3], "Several days").await;
    app.click("See my result").await;
    app.heading("Your result: mild range — a screening, not a diagnosis")
        .await;
    app.sees("5 out of 12").await;
    app.button("Take the PHQ-9").await;
    assert!(app.no_dialog().await, "no crisis prompt for this PHQ-4");
    app.quit().await;

    // Relaunch: today's check, the history table and the chart are all there.
    let app = App::launch(data.path()).await;
    app.click("For you").await;
    app.heading("Looking after you").await;
    app.button("Update today's check").await;
    let chart = "Latest: PHQ-4: anxiety and low mood, 5 out of 12, mild range — a screening, not a diagnosis";
    let xpath = format!("//*[@role='img'][contains(@aria-label, {})]", lit(chart));
    let shown = app
        .client
        .find(fantoccini::Locator::XPath(&xpath))
        .await
        .expect("the results chart is there, named by its latest result");
    assert_eq!(
        shown.attr("data-points").await.expect("attr").as_deref(),
        Some("1")
    );
    app.into_view(&shown).await;
    assert!(drawn(&app, chart).await, "the chart is drawn");
    assert!(
        drawn(&app, "daily strain").await,
        "the strain chart is drawn"
    );
    app.sees("Self-check history, newest first").await;
    // The band never stands bare: the row says what it is.
    app.sees("PHQ-4: mild range — a screening, not a diagnosis")
        .await;
    assert_eq!(history_rows(&app).await, 1);

    // PHQ-9 question 9 answered "Several days", every other question blank: Crisis help opens
    // at once, for the caregiver, with the region's lines, and nothing is saved.
    app.click("PHQ-9: low mood").await;
    app.heading("PHQ-9: low mood").await;
    app.answer(PHQ9[8], "Several days").await;
    app.dialog_shows("Crisis help", "That matters, and so do you.")
        .await;
    app.dialog_shows("Crisis help", "9-8-8").await;
    app.dialog_shows("Crisis help", "1-800-668-6868").await;
    app.dialog_shows("Crisis help", "https://988.ca/").await;
    app.dialog_shows(
        "Crisis help",
        "I\u{2019}m having a really hard time and I need to talk to someone.",
    )
    .await;
    close_dialog(&app).await;
    // Back does not take the help away.
    app.click("← Back to Looking after you").await;
    app.heading("Looking after you").await;
    app.sees("That matters, and so do you.").await;
    assert_eq!(history_rows(&app).await, 1, "nothing was saved");
    app.click("Open Crisis help").await;
    app.dialog_shows("Crisis help", "Who is the call about?")
        .await;
    close_dialog(&app).await;

    // A complete PHQ-9 with only question 9 above 0: crisis guidance, no reassuring band words.
    app.click("PHQ-9: low mood").await;
    app.heading("PHQ-9: low mood").await;
    for q in &PHQ9[..8] {
        app.answer(q, "Not at all").await;
    }
    app.answer(PHQ9[8], "Several days").await;
    app.dialog_shows("Crisis help", "That matters, and so do you.")
        .await;
    close_dialog(&app).await;
    app.click("See my result").await;
    app.dialog_shows("Crisis help", "That matters, and so do you.")
        .await;
    close_dialog(&app).await;
    app.heading("Your result: please talk to someone today")
        .await;
    app.sees("Whatever your total, your answer to the last question comes first.")
        .await;
    app.sees("Call your own doctor today").await;
    let text = app.page_text().await;
    for reassuring in [
        "That is good to hear",
        "Take this check again in a few weeks",
        "Your result: minimal range",
    ] {
        assert!(
            !text.contains(reassuring),
            "{reassuring:?} beside a crisis flag"
        );
    }

    // The burnout reflection: feeling hopeless "Often" offers help, and its row stands apart.
    app.click("See your history and self-care plan").await;
    app.heading("Looking after you").await;
    app.click("Caregiver burnout check").await;
    app.heading("Caregiver burnout check").await;
    for (n, q) in [
        "I feel worn out, even after a night's sleep.",
        "I sleep badly, or much more than I used to.",
        "I have pulled away from friends and family.",
        "I get irritable or snap at people more than I used to.",
        "I put off looking after my own health, like meals, exercise or seeing a doctor.",
        "I feel hopeless, as if things will never get better.",
        "I feel resentful about how much falls on me.",
        "I have lost interest in things I used to enjoy.",
        "I feel trapped in my caring role, with no room for my own life.",
        "I get sick more often than I used to.",
    ]
    .iter()
    .enumerate()
    {
        app.answer(q, if n == 5 { "Often" } else { "Never" }).await;
    }
    app.click("See my result").await;
    app.heading("Your result: few signs — our reflection, not a validated questionnaire")
        .await;
    app.heading("Support for you").await;
    app.button("Write my card: When I need help myself").await;
    app.click("See your history and self-care plan").await;
    app.heading("Looking after you").await;
    app.sees("Caregiver burnout check: few signs — our reflection, not a validated questionnaire")
        .await;
    app.sees("The dashed line with triangles is the caregiver burnout check")
        .await;
    assert_eq!(history_rows(&app).await, 3);
    app.quit().await;
}
