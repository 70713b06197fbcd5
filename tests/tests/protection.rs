//! Keeping the notes private, in the real window: a first run that locks with a passphrase, a
//! win written, nothing of it readable on disk, a relaunch to the lock screen (Crisis help still
//! there), a wrong try, and the unlock; and a plain data file from an earlier version upgraded
//! with everything still in it.

use alongside_e2e::{file_containing, write_plain_data, App};

const NOTE: &str = "Sam talked about the lighthouse trip all evening";
const PASSPHRASE: &str = "tea on the back step";

#[tokio::test(flavor = "multi_thread")]
async fn a_passphrase_locks_alongside_and_the_notes_never_reach_the_disk_in_plain() {
    let data = tempfile::tempdir().expect("data dir");
    let app = App::launch(data.path()).await;
    app.onboard("Sam", "Depression", "United Kingdom").await;

    // Settings: a passphrase, then the app lock.
    app.click("Settings").await;
    app.heading("Keeping your notes private").await;
    app.sees("encrypted").await;
    app.type_into("New passphrase", PASSPHRASE).await;
    app.type_into("Type the new passphrase again", PASSPHRASE)
        .await;
    app.click("Set passphrase").await;
    app.sees("Your passphrase is set").await;
    app.check("Lock Alongside with my passphrase").await;
    app.sees("Alongside locks with your passphrase when it starts")
        .await;

    app.click("Add a win").await;
    app.dialog("Add a win").await;
    app.type_into("What happened?", "A long talk after dinner")
        .await;
    app.type_into("Note (optional)", NOTE).await;
    app.click("Save this win").await;
    app.no_dialog().await;
    app.quit().await;

    // Not a word of it on disk: not in the data file, its WAL, or the key file.
    assert_eq!(file_containing(data.path(), NOTE), None);
    assert_eq!(file_containing(data.path(), PASSPHRASE), None);
    assert_eq!(
        file_containing(data.path(), "A long talk after dinner"),
        None
    );

    let app = App::launch(data.path()).await;
    app.heading("Alongside is locked").await;
    // Crisis lines are never behind the lock.
    app.click("Crisis help").await;
    app.dialog_shows("Crisis help", "116 123").await;
    app.press_key(fantoccini::key::Key::Escape).await;
    app.no_dialog().await;

    app.type_into("Passphrase or recovery code", "not my passphrase")
        .await;
    app.click("Unlock").await;
    app.alert("doesn't open Alongside").await;
    app.heading("Alongside is locked").await;

    app.type_into("Passphrase or recovery code", PASSPHRASE)
        .await;
    app.click("Unlock").await;
    app.heading("Today").await;
    app.click("Wins").await;
    app.sees(NOTE).await;

    // A PIN for the lock on this computer (the key store keeps the key).
    app.click("Settings").await;
    app.heading("Use a PIN to unlock").await;
    app.type_into("Your passphrase", PASSPHRASE).await;
    app.type_into("PIN", "4821").await;
    app.click("Set PIN").await;
    app.sees("Your PIN is set").await;

    // Locked again: the data is behind the lock screen at once, and the PIN opens it.
    app.click("Lock now").await;
    app.heading("Alongside is locked").await;
    app.no_longer_sees("A long talk after dinner").await;
    app.type_into("PIN, passphrase or recovery code", "4821")
        .await;
    app.click("Unlock").await;
    app.heading("Today").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plain_file_from_an_earlier_version_is_encrypted_and_keeps_everything() {
    let data = tempfile::tempdir().expect("data dir");
    write_plain_data(data.path(), "Robin", "Went to the allotment", NOTE);
    assert!(file_containing(data.path(), NOTE).is_some(), "plain before");

    let app = App::launch(data.path()).await;
    // A new key: the recovery code is shown once, then Today as before.
    app.keep_recovery_code().await;
    app.heading("Today").await;
    app.sees("Robin").await;
    app.click("Wins").await;
    app.sees("Went to the allotment").await;
    app.sees(NOTE).await;
    app.quit().await;

    assert_eq!(file_containing(data.path(), NOTE), None, "encrypted after");
    assert!(data.path().join("alongside-keys.json").is_file());
}
