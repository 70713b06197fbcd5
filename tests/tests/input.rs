//! What a caregiver types, in the real window: a note of three lines is saved and shown with its
//! line breaks (a win's note, and "What helps me" after a relaunch), and a win with eleven tags
//! is refused with words while ten are saved.

use alongside_e2e::App;
use fantoccini::key::Key;

/// Lines joined by the Enter key, as a person types them.
fn typed(lines: &[&str]) -> String {
    lines.join(&char::from(Key::Enter).to_string())
}

const STARTER_TAGS: [&str; 6] = [
    "self-care",
    "social",
    "treatment",
    "daily living",
    "work or school",
    "creative",
];

#[tokio::test(flavor = "multi_thread")]
async fn notes_keep_their_line_breaks_and_eleven_tags_are_refused_with_words() {
    let data = tempfile::tempdir().expect("data dir");
    let app = App::launch(data.path()).await;
    app.onboard("Sam", "Depression", "Australia").await;

    // A win whose note has three lines (Enter pressed twice in the box).
    app.click("Add a win").await;
    app.dialog("Add a win").await;
    app.type_into("What happened?", "Made a plan for the weekend")
        .await;
    app.type_into(
        "Note (optional)",
        &typed(&["Friday: the cinema", "Saturday: the market", "Sunday: rest"]),
    )
    .await;
    app.click("Save this win").await;
    assert!(app.no_dialog().await);

    app.click("Wins").await;
    app.heading("Small wins").await;
    let note = app.sees("Friday: the cinema").await;
    assert_eq!(
        note.text().await.expect("note text"),
        "Friday: the cinema\nSaturday: the market\nSunday: rest",
        "the note is shown on three lines"
    );

    // Eleven tags: the six to start with and five new ones.
    app.click("Add a win").await;
    app.dialog("Add a win").await;
    app.type_into("What happened?", "Tried a bit of everything")
        .await;
    for t in STARTER_TAGS {
        app.check(t).await;
    }
    for t in ["music", "cooking", "garden", "reading", "walks"] {
        app.type_into("New tag", t).await;
        app.click("Add tag").await;
        // A new tag appears in the list, already ticked.
        app.sees(t).await;
    }
    app.click("Save this win").await;
    app.sees("Please choose at most 10 tags for one win.").await;
    assert!(!app.no_dialog().await, "the form stays open to fix");

    // Untick one and the win is saved with ten.
    app.check("creative").await;
    app.click("Save this win").await;
    assert!(app.no_dialog().await);
    app.sees("Tried a bit of everything").await;

    // "What helps me" keeps its lines too, after a relaunch.
    app.click("For you").await;
    app.heading("Looking after you").await;
    app.type_into(
        "What helps me",
        &typed(&["A walk", "A bath", "Ten minutes alone"]),
    )
    .await;
    app.click("Save my plan").await;
    app.sees("Your self-care plan is saved.").await;
    app.quit().await;

    let app = App::launch(data.path()).await;
    app.heading("Today").await;
    app.click("For you").await;
    app.heading("Looking after you").await;
    let box_value = app
        .field("What helps me")
        .await
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default();
    assert_eq!(box_value, "A walk\nA bath\nTen minutes alone");
    app.quit().await;
}
