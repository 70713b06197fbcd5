//! Small wins in the real window: three wins (one from yesterday, one with tags, one after a
//! mistake), search, a tag filter, an edit, a delete with Undo, and everything still right after
//! a relaunch.

use alongside_e2e::App;
use fantoccini::key::Key;

#[tokio::test(flavor = "multi_thread")]
async fn add_search_filter_edit_delete_undo_and_relaunch() {
    let data = tempfile::tempdir().expect("data dir");
    let app = App::launch(data.path()).await;
    app.onboard("Sam", "Depression", "Australia").await;

    // 1. From the header button on Today.
    app.click("Add a win").await;
    app.dialog("Add a win").await;
    app.type_into("What happened?", "Went for a walk").await;
    app.click("Save this win").await;
    app.sees("Added. Every small step counts.").await;
    assert!(app.no_dialog().await);

    // 2. By keyboard, from yesterday, with a tag and a note.
    app.press(&[Key::Control, Key::Shift], 'w').await;
    app.dialog("Add a win").await;
    app.type_into("What happened?", "Called grandma").await;
    app.choose("When?", "Yesterday").await;
    app.check("social").await;
    app.type_into("Note (optional)", "She was so happy").await;
    app.click("Save this win").await;
    assert!(app.no_dialog().await);

    // 3. A mistake first: nothing written gets a clear message and nothing is saved.
    app.click("Add a win").await;
    app.click("Save this win").await;
    app.sees("Please add what happened.").await;
    app.type_into("What happened?", "Cooked dinner").await;
    app.check("daily living").await;
    app.click("Save this win").await;
    assert!(app.no_dialog().await);

    app.click("Wins").await;
    app.heading("Small wins").await;
    for w in [
        "Went for a walk",
        "Called grandma",
        "Cooked dinner",
        "She was so happy",
    ] {
        app.sees(w).await;
    }

    // Search, then a tag filter.
    app.type_into("Search wins", "grandma").await;
    app.no_longer_sees("Went for a walk").await;
    app.sees("Called grandma").await;
    app.click("Clear filters").await;
    app.choose("Tag", "daily living").await;
    app.no_longer_sees("Called grandma").await;
    app.sees("Cooked dinner").await;
    app.click("Clear filters").await;
    app.sees("Went for a walk").await;

    // Edit.
    app.click("Edit: Went for a walk").await;
    app.dialog("Edit this win").await;
    app.type_into("What happened?", "Went for a long walk")
        .await;
    app.click("Save changes").await;
    app.sees("Went for a long walk").await;

    // Delete, then Undo.
    app.click("Delete: Cooked dinner").await;
    app.sees("The win was deleted.").await;
    app.no_longer_sees("Cooked dinner").await;
    app.click("Undo").await;
    app.sees("Cooked dinner").await;
    app.quit().await;

    // Relaunch: all three, as edited, with their tags.
    let app = App::launch(data.path()).await;
    app.heading("Today").await;
    app.click("Wins").await;
    app.heading("Small wins").await;
    app.sees("Went for a long walk").await;
    app.sees("Cooked dinner").await;
    app.sees("Called grandma").await;
    app.choose("Tag", "social").await;
    app.no_longer_sees("Cooked dinner").await;
    app.sees("Called grandma").await;
    app.quit().await;
}

/// Today's day, month name and year in English, from the system clock: ("3", "December", "2026").
fn today_parts() -> (String, String, String) {
    let out = std::process::Command::new("date")
        .env("LC_ALL", "C")
        .arg("+%-d %B %Y")
        .output()
        .expect("date");
    let text = String::from_utf8(out.stdout).expect("utf8");
    let mut parts = text.split_whitespace().map(str::to_owned);
    let mut next = || parts.next().expect("a date part");
    (next(), next(), next())
}

#[tokio::test(flavor = "multi_thread")]
async fn dates_are_written_in_the_systems_locale() {
    let (day, month, year) = today_parts();
    // A system with no locale set (C, as on many test machines) reports "C" to the window, which
    // is no language tag: dates still show, in the default American order.
    let data = tempfile::tempdir().expect("data dir");
    let app = App::launch_in_locale(data.path(), "C").await;
    app.onboard("Sam", "Depression", "Australia").await;
    app.click("Add a win").await;
    app.type_into("What happened?", "Went for a walk").await;
    app.click("Save this win").await;
    app.click("Wins").await;
    app.heading("Small wins").await;
    app.sees(&format!("{month} {day}, {year}")).await;
    app.quit().await;

    for (locale, language, written) in [
        ("en_GB", "en-GB", format!("{day} {month} {year}")),
        ("en_US", "en-US", format!("{month} {day}, {year}")),
    ] {
        let data = tempfile::tempdir().expect("data dir");
        let app = App::launch_in_locale(data.path(), locale).await;
        let seen = app
            .client
            .execute("return navigator.language;", vec![])
            .await
            .expect("language");
        assert_eq!(
            seen.as_str().map(str::to_ascii_lowercase),
            Some(language.to_ascii_lowercase()),
            "the window follows the system's locale {locale}"
        );
        app.onboard("Sam", "Depression", "Australia").await;
        app.click("Add a win").await;
        app.type_into("What happened?", "Went for a walk").await;
        app.click("Save this win").await;
        app.click("Wins").await;
        app.heading("Small wins").await;
        app.sees(&written).await;
        app.quit().await;
    }
}
