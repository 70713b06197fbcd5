//! The foundation scenarios, in the real Alongside window: first-run onboarding, the Today
//! screen, Crisis help by click and keyboard, and everything still there after a relaunch. Also
//! what a caregiver sees when the data file is unreadable, too new, or input is wrong.

use alongside_e2e::App;
use fantoccini::key::Key;

const PRACTICES: [&str; 5] = [
    "Listen without judgment",
    "Check in regularly",
    "Encourage treatment",
    "Celebrate progress",
    "Respect boundaries",
];

/// Onboarding as a caregiver would do it, including the mistakes they might make on the way.
async fn onboard(app: &App, caregiver: &str, person: &str, region: &str) {
    app.heading("Welcome to Alongside").await;
    app.type_into("Your first name (optional)", caregiver).await;
    app.click("Continue").await;

    app.heading("Who are you supporting?").await;
    // Forgetting the name gets a clear message and stays on this step.
    app.click("Continue").await;
    app.sees("Please add a name or nickname for the person you support.")
        .await;
    app.heading("Who are you supporting?").await;
    app.type_into("Their name or nickname", person).await;
    app.choose("Who are they to you?", "My child").await;
    app.check("Depression").await;
    app.click("Continue").await;

    app.heading("Where are you?").await;
    app.choose("Your country or region", region).await;
    app.click("Start using Alongside").await;
    app.keep_recovery_code().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn onboarding_today_crisis_help_and_relaunch() {
    let data = tempfile::tempdir().expect("data dir");
    let app = App::launch(data.path()).await;

    onboard(&app, "Maria", "Sam", "United Kingdom").await;

    app.heading("Today").await;
    app.sees("Maria").await;
    app.sees("You are supporting").await;
    app.sees("Sam").await;
    for p in PRACTICES {
        app.button(p).await;
    }

    // Crisis help by click: the UK's lines.
    app.click("Crisis help").await;
    app.dialog("Crisis help").await;
    app.dialog_shows("Crisis help", "999").await;
    app.dialog_shows("Crisis help", "Samaritans").await;
    app.dialog_shows("Crisis help", "116 123").await;
    // The region can be changed right there.
    app.choose("Show crisis lines for", "United States").await;
    app.sees("988 Suicide & Crisis Lifeline").await;
    app.press_key(Key::Escape).await;
    assert!(app.no_dialog().await, "Escape closes Crisis help");

    // A practice page, and Crisis help from there by keyboard.
    app.click("Listen without judgment").await;
    app.heading("Listen without judgment").await;
    app.heading("Why it matters").await;
    app.press(&[Key::Control, Key::Shift], 'h').await;
    app.dialog_shows("Crisis help", "999").await;
    app.click("Close").await;
    assert!(app.no_dialog().await);
    app.click("← Back to Today").await;
    app.heading("Today").await;

    app.quit().await;

    // Relaunch: still onboarded, same data.
    let app = App::launch(data.path()).await;
    app.heading("Today").await;
    app.sees("Maria").await;
    app.sees("Sam").await;
    app.click("Settings").await;
    app.heading("Settings").await;
    app.sees("Depression").await;
    let region = app.field("Your country or region").await;
    assert_eq!(
        region.prop("value").await.expect("value").as_deref(),
        Some("GB")
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_too_long_name_gets_a_clear_message_and_nothing_is_saved() {
    let data = tempfile::tempdir().expect("data dir");
    let app = App::launch(data.path()).await;
    app.heading("Welcome to Alongside").await;
    app.click("Continue").await;
    app.type_into("Their name or nickname", &"x".repeat(500))
        .await;
    app.click("Continue").await;
    app.choose("Your country or region", "Canada").await;
    app.click("Start using Alongside").await;
    // The backend refuses it; the caregiver is taken back to the field with the reason.
    app.heading("Who are you supporting?").await;
    app.sees("please keep it to 80 characters or fewer").await;
    app.quit().await;

    // Nothing was saved: a relaunch starts onboarding again.
    let app = App::launch(data.path()).await;
    app.heading("Welcome to Alongside").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unreadable_data_file_is_set_aside_and_explained() {
    let data = tempfile::tempdir().expect("data dir");
    // A first start makes the data file and its key; then the file is damaged.
    let app = App::launch(data.path()).await;
    app.heading("Welcome to Alongside").await;
    app.quit().await;
    let garbage = b"not a database at all".repeat(200);
    std::fs::write(data.path().join("alongside.db"), &garbage).expect("write");
    for wal in ["alongside.db-wal", "alongside.db-shm"] {
        let _ = std::fs::remove_file(data.path().join(wal));
    }

    let app = App::launch(data.path()).await;
    app.sees("could not be read, so it was set aside safely")
        .await;
    app.sees("alongside.db.unreadable-").await;
    app.heading("Welcome to Alongside").await;
    app.quit().await;

    let kept: Vec<_> = std::fs::read_dir(data.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            // Its -wal and -shm, when it had them, are set aside beside it.
            name.starts_with("alongside.db.unreadable-")
                && !name.ends_with("-wal")
                && !name.ends_with("-shm")
        })
        .collect();
    assert_eq!(kept.len(), 1, "the old file is kept");
    assert_eq!(
        std::fs::read(kept[0].path()).expect("read"),
        garbage,
        "byte for byte"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_newer_data_file_is_refused_and_crisis_help_still_works() {
    let data = tempfile::tempdir().expect("data dir");
    // A database written by a future Alongside (schema version far ahead).
    let path = data.path().join("alongside.db");
    let status = std::process::Command::new("python3")
        .args([
            "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table future(x)'); c.execute('pragma user_version=999'); c.commit()",
        ])
        .arg(&path)
        .status()
        .expect("python3 writes a sqlite file");
    assert!(status.success());
    let before = std::fs::read(&path).expect("read");

    let app = App::launch(data.path()).await;
    app.heading("Your Alongside data could not be opened").await;
    app.alert("saved by a newer version of Alongside").await;
    app.press(&[Key::Control, Key::Shift], 'h').await;
    // A fresh data folder has no region yet: the fallback for anywhere.
    app.dialog_shows("Crisis help", "Find A Helpline").await;
    app.quit().await;

    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the newer file is untouched"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_data_file_held_by_another_program_gets_a_clear_message_and_nothing_half_saved() {
    let data = tempfile::tempdir().expect("data dir");
    // First start creates the data file.
    let app = App::launch(data.path()).await;
    app.heading("Welcome to Alongside").await;
    app.quit().await;

    // Another program (a backup tool, say) takes the write lock and keeps it. It opens the
    // encrypted file with the key from the key store, as only a program given the key could.
    let holder = alongside_e2e::hold_write_lock(data.path());

    let app = App::launch(data.path()).await;
    app.heading("Welcome to Alongside").await;
    app.click("Continue").await;
    app.type_into("Their name or nickname", "Sam").await;
    app.click("Continue").await;
    app.choose("Your country or region", "Ireland").await;
    app.click("Start using Alongside").await;
    app.alert("being used by another program").await;
    app.heading("Where are you?").await;

    // Once the other program lets go, the same click works.
    holder.release();
    app.click("Start using Alongside").await;
    app.keep_recovery_code().await;
    app.heading("Today").await;
    app.sees("Sam").await;
    app.quit().await;
}
