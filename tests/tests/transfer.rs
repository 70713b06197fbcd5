//! Moving everything in the real window: a person, a win, a safety plan and a reminder are
//! exported to one file, everything is erased (back to the welcome screen), and importing the
//! file on the welcome screen brings every one of them back. The same records exported with a
//! passphrase are unreadable in the file and come back in a fresh data folder with it.

use alongside_e2e::{day_from_now, files_ending, App};

const PASSPHRASE: &str = "blue kettle on a quiet morning";

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
    app.set_value("Day", &day_from_now(7)).await;
    app.set_value("Time", "10:00").await;
    app.click("Add the reminder").await;
    app.sees("Added: Ring the clinic.").await;

    // Export everything into Downloads, protected with a passphrase (the screen's first choice).
    app.click("Settings").await;
    app.heading("Settings").await;
    app.sees("Alongside cannot recover a forgotten export passphrase")
        .await;
    app.type_into("Passphrase", PASSPHRASE).await;
    app.type_into("Type it again", "blue kettle on a quiet evening")
        .await;
    app.click("Export everything").await;
    app.sees("The two passphrases are not the same.").await;
    assert!(files_ending(&downloads, "age").is_empty(), "nothing saved");
    app.type_into("Type it again", PASSPHRASE).await;
    app.click("Export everything").await;
    app.sees("It opens only with your passphrase.").await;
    app.sees("Saved 1 person, 1 win, 1 safety plan version, 1 reminder")
        .await;
    let protected = files_ending(&downloads, "age");
    assert_eq!(protected.len(), 1, "one protected file: {protected:?}");
    let protected = protected[0].clone();
    let bytes = std::fs::read(&protected).expect("protected file reads");
    let text = String::from_utf8(bytes.clone()).expect("armored text");
    assert!(text.starts_with("-----BEGIN AGE ENCRYPTED FILE-----\n"));
    assert!(text
        .trim_end()
        .ends_with("-----END AGE ENCRYPTED FILE-----"));
    for typed in [
        "Went for a walk together",
        "Walk the dog",
        "Ring the clinic",
        "alongside-everything",
    ] {
        assert!(
            !bytes.windows(typed.len()).any(|w| w == typed.as_bytes()),
            "the protected file shows {typed:?}"
        );
    }

    // And without one: the screen says plainly that anyone with the file can read it.
    app.check("Protect the file with a passphrase").await;
    app.sees("The file has no password: anyone who has it can read everything in it.")
        .await;
    app.click("Export everything").await;
    app.sees("Keep this file somewhere safe").await;
    let exported = files_ending(&downloads, "json");
    assert_eq!(exported.len(), 1, "one export file: {exported:?}");
    let file = exported[0].clone();
    let text = std::fs::read_to_string(&file).expect("export reads");
    assert!(text.contains("\"schema\": 3") && text.contains("Went for a walk together"));

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
    // A fresh start has a new key: its recovery code is shown first.
    app.keep_recovery_code().await;
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

    // The protected file, in a fresh data folder: it asks for the passphrase, refuses a wrong
    // one in words, and opens with the right one.
    let fresh = root.path().join("fresh");
    let app = App::launch(&fresh).await;
    app.heading("Welcome to Alongside").await;
    app.field("Import a file saved with “Export everything”")
        .await
        .send_keys(&protected.display().to_string())
        .await
        .expect("choose the file");
    app.sees("This file is protected with a passphrase.").await;
    app.type_into("Passphrase for this file", "blue kettle on a quiet evening")
        .await;
    app.click("Open and import").await;
    app.sees("That passphrase does not open this file.").await;
    app.type_into("Passphrase for this file", PASSPHRASE).await;
    app.click("Open and import").await;
    app.sees("Imported 1 person, 1 win, 1 safety plan version, 1 reminder")
        .await;
    app.click("Continue to Alongside").await;
    // A fresh start has a new key: its recovery code is shown first.
    app.keep_recovery_code().await;
    app.heading("Today").await;
    app.click("Wins").await;
    app.heading("Small wins").await;
    app.sees("Went for a walk together").await;
    app.quit().await;
}
