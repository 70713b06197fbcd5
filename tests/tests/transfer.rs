//! Moving everything in the real window: a person, a win, a safety plan and a reminder are
//! exported to one file, everything is erased (back to the welcome screen), and importing the
//! file on the welcome screen brings every one of them back.

use alongside_e2e::App;

/// A local day a week from now, YYYY-MM-DD.
fn next_week() -> String {
    let out = std::process::Command::new("date")
        .args(["-d", "+7 days", "+%Y-%m-%d"])
        .output()
        .expect("date");
    String::from_utf8(out.stdout)
        .expect("utf8")
        .trim()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn export_erase_and_import_bring_everything_back() {
    let root = tempfile::tempdir().expect("dir");
    let data = root.path().join("data");
    let downloads = root.path().join("downloads");
    let app = App::launch_with_downloads(&data, &downloads).await;
    app.onboard("Sam", "Depression", "United Kingdom").await;

    // A win, a safety plan line and a reminder.
    app.click("Add a win").await;
    app.dialog("Add a win").await;
    app.type_into("What happened?", "Went for a walk together")
        .await;
    app.click("Save this win").await;
    assert!(app.no_dialog().await);

    app.click("Be ready").await;
    app.heading("Be ready").await;
    app.click("Sam's crisis plan").await;
    app.heading("Crisis plan for Sam").await;
    app.click("Make a safety plan").await;
    app.type_into("2. Things I can do on my own", "Walk the dog")
        .await;
    app.click("Save the safety plan").await;
    app.sees("Saved as version 1.").await;

    app.click("Reminders").await;
    app.heading("Reminders").await;
    app.type_into("Title", "Ring the clinic").await;
    app.choose("How often?", "Once").await;
    app.set_value("Day", &next_week()).await;
    app.set_value("Time", "10:00").await;
    app.click("Add the reminder").await;
    app.sees("Added: Ring the clinic.").await;

    // Export everything into Downloads.
    app.click("Settings").await;
    app.heading("Settings").await;
    app.click("Export everything").await;
    app.sees("Saved 1 person, 1 win, 1 safety plan version, 1 reminder")
        .await;
    let exported: Vec<_> = std::fs::read_dir(&downloads)
        .expect("downloads")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(exported.len(), 1, "one export file: {exported:?}");
    let file = exported[0].clone();
    let text = std::fs::read_to_string(&file).expect("export reads");
    assert!(text.contains("\"schema\": 1") && text.contains("Went for a walk together"));

    // Erase needs the typed word, then the welcome screen comes back.
    app.click("Erase everything…").await;
    app.dialog("Erase everything?").await;
    app.type_into("Type ERASE to confirm", "ERASE").await;
    app.click("Erase everything").await;
    app.heading("Welcome to Alongside").await;
    assert!(file.exists(), "the export is not touched by erasing");

    // Import on the welcome screen.
    let input = app
        .field("Import a file saved with “Export everything”")
        .await;
    input
        .send_keys(&file.display().to_string())
        .await
        .expect("choose the file");
    app.sees("Imported 1 person, 1 win, 1 safety plan version, 1 reminder")
        .await;
    app.click("Continue to Alongside").await;
    app.heading("Today").await;

    // Everything is back.
    app.click("Wins").await;
    app.heading("Small wins").await;
    app.sees("Went for a walk together").await;
    app.click("Be ready").await;
    app.heading("Be ready").await;
    app.click("Sam's crisis plan").await;
    app.heading("Crisis plan for Sam").await;
    app.sees("Walk the dog").await;
    app.click("Reminders").await;
    app.heading("Reminders").await;
    app.sees("Ring the clinic").await;
    app.click("Settings").await;
    app.heading("Settings").await;
    app.sees("Sam").await;
    app.quit().await;
}
