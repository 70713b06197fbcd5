//! Crisis readiness in the real window: Crisis help from three screens by click and by keyboard;
//! a safety plan built, edited (the earlier version still readable) and shown as a print
//! preview; a warning sign and "I'm noticing signs"; the caregiver's own card inside Crisis help;
//! all of it still there after a relaunch. And Crisis help when the data file cannot be opened.

use alongside_e2e::App;
use fantoccini::key::Key;

async fn crisis_help_by_click_and_keyboard(app: &App, screen: &str, heading: &str) {
    app.click(screen).await;
    app.heading(heading).await;
    app.click("Crisis help").await;
    app.dialog_shows("Crisis help", "999").await;
    app.press_key(Key::Escape).await;
    assert!(
        app.no_dialog().await,
        "Escape closes Crisis help on {screen}"
    );
    app.press(&[Key::Control, Key::Shift], 'h').await;
    app.dialog_shows("Crisis help", "Samaritans").await;
    app.press_key(Key::Escape).await;
    assert!(
        app.no_dialog().await,
        "Escape closes Crisis help on {screen}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn safety_plan_signs_and_own_card_survive_a_relaunch() {
    let data = tempfile::tempdir().expect("data dir");
    let app = App::launch(data.path()).await;
    app.onboard("Sam", "Bipolar disorder", "United Kingdom")
        .await;

    for (screen, heading) in [
        ("Learn", "Learn"),
        ("Wins", "Small wins"),
        ("Be ready", "Be ready"),
    ] {
        crisis_help_by_click_and_keyboard(&app, screen, heading).await;
    }

    // A safety plan, step 5 already holding the UK's lines.
    app.click("Sam's crisis plan").await;
    app.heading("Crisis plan for Sam").await;
    app.sees("There is no safety plan for Sam yet").await;
    app.click("Make a safety plan").await;
    // An empty plan is refused, with words, and nothing is saved.
    app.type_into("5. Professionals and crisis services", "")
        .await;
    app.click("Save the safety plan").await;
    app.sees("The plan is empty").await;
    app.type_into(
        "1. My warning signs",
        "Stops answering texts\nSleeps all day",
    )
    .await;
    app.type_into("2. Things I can do on my own", "Walk the dog")
        .await;
    app.type_into(
        "5. Professionals and crisis services",
        "Samaritans: call 116 123",
    )
    .await;
    app.check("We made this plan together").await;
    app.click("Save the safety plan").await;
    app.sees("Saved as version 1.").await;
    app.sees("Sleeps all day").await;

    // Edit: version 2, and version 1 is still there to read.
    app.click("Edit the safety plan").await;
    app.type_into("1. My warning signs", "Gives things away")
        .await;
    app.click("Save the safety plan").await;
    app.sees("Saved as version 2. The earlier version is kept below.")
        .await;
    app.no_longer_sees("Sleeps all day").await;
    app.click_starting("Version 1, saved").await;
    app.dialog_shows("Version 1 of the safety plan", "Sleeps all day")
        .await;
    app.press_key(Key::Escape).await;
    assert!(app.no_dialog().await);

    // Print preview of the current version.
    app.click("Print the safety plan").await;
    app.heading("Safety plan for Sam").await;
    app.sees("Version 2").await;
    app.sees("Gives things away").await;
    app.sees("If someone is in danger right now, call").await;
    app.click("← Back to the crisis plan").await;
    app.heading("Crisis plan for Sam").await;

    // A warning sign: first without words (refused), then properly.
    app.click("Add the sign").await;
    app.sees("Please add the sign you noticed.").await;
    app.type_into("The sign", "Up all night").await;
    app.type_into("What to do (optional)", "Ask gently about sleep")
        .await;
    app.type_into("Who to call (optional)", "Dr Lee, 0161 496 0000")
        .await;
    app.click("Add the sign").await;
    app.heading("Up all night").await;

    // "I'm noticing signs" dates what was seen and leads to the plan.
    app.click("I'm noticing signs").await;
    app.dialog("I'm noticing signs").await;
    app.check("Up all night").await;
    app.type_into("What are you seeing? (optional)", "Three nights now")
        .await;
    app.click("Save and open the plan").await;
    assert!(app.no_dialog().await);
    app.sees("Here is Sam's safety plan.").await;
    app.sees("Three nights now").await;

    // The caregiver's own card.
    app.click("← Back to Be ready").await;
    app.heading("Be ready").await;
    app.click("Edit my card").await;
    app.type_into("Name 1", "My sister Jo").await;
    app.type_into("Number or how to reach them 1", "07700 900123")
        .await;
    app.click("Save my card").await;
    app.sees("Saved. Crisis help shows this card too.").await;
    app.quit().await;

    // Relaunch: everything is still there, and Crisis help carries the plan and the card.
    let app = App::launch(data.path()).await;
    app.heading("Today").await;
    app.press(&[Key::Control, Key::Shift], 'h').await;
    app.dialog_shows("Crisis help", "07700 900123").await;
    app.click("Sam's safety plan").await;
    assert!(app.no_dialog().await);
    app.heading("Crisis plan for Sam").await;
    app.sees("Gives things away").await;
    app.sees("Made together with Sam.").await;
    app.heading("Up all night").await;
    app.sees("Dr Lee, 0161 496 0000").await;
    app.sees("Three nights now").await;
    app.click_starting("Version 1, saved").await;
    app.dialog_shows("Version 1 of the safety plan", "Stops answering texts")
        .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn crisis_help_opens_when_the_data_file_cannot_be_opened() {
    let data = tempfile::tempdir().expect("data dir");
    let app = App::launch(data.path()).await;
    app.onboard("Sam", "Depression", "United Kingdom").await;
    app.quit().await;

    // The data file becomes impossible to open (here: a folder stands where the file was).
    let db = data.path().join("alongside.db");
    let aside = data.path().join("kept-safe");
    std::fs::create_dir(&aside).expect("folder");
    for name in ["alongside.db", "alongside.db-wal", "alongside.db-shm"] {
        let from = data.path().join(name);
        if from.exists() {
            std::fs::rename(&from, aside.join(name)).expect("move");
        }
    }
    std::fs::create_dir(&db).expect("a folder in the way");

    let app = App::launch(data.path()).await;
    app.heading("Your Alongside data could not be opened").await;
    // By keyboard and by click, with the region remembered outside the database.
    app.press(&[Key::Control, Key::Shift], 'h').await;
    app.dialog_shows("Crisis help", "999").await;
    app.dialog_shows("Crisis help", "Samaritans").await;
    app.press_key(Key::Escape).await;
    assert!(app.no_dialog().await);
    app.click("Crisis help").await;
    app.dialog_shows("Crisis help", "116 123").await;
    app.quit().await;

    // Nothing was touched: the folder is still a folder, the real file still where it was put.
    assert!(db.is_dir());
    assert!(aside.join("alongside.db").is_file());
}
