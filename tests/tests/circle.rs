//! The circle of support in the real window: three people with the kinds of support they give
//! are added to Sam's circle; the picture and the table show them; a thin kind offers ideas;
//! Today suggests something about the circle (a friend not seen for a month); noting a
//! connection shows in the circle and, kept as a win, in the wins with its "connection" tag.

use alongside_e2e::{day_from_now, App};

async fn add(app: &App, name: &str, kinds: &[&str], last_seen: Option<&str>) {
    app.click("Add someone").await;
    app.dialog("Add someone to the circle").await;
    app.type_into("Name", name).await;
    for k in kinds {
        app.check(k).await;
    }
    if let Some(day) = last_seen {
        app.set_value("Last saw each other (optional)", day).await;
    }
    app.click("Add to the circle").await;
    assert!(
        app.no_dialog().await,
        "the dialog closes once {name} is added"
    );
    app.sees(&format!("Added {name} to the circle.")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_circle_shows_who_helps_offers_ideas_and_notes_a_connection_as_a_win() {
    let data = tempfile::tempdir().expect("data dir");
    let app = App::launch(data.path()).await;
    app.onboard("Sam", "Depression", "United Kingdom").await;

    app.click("Sam's circle of support").await;
    app.heading("Sam's circle of support").await;
    app.sees("No one here yet.").await;

    let month_ago = day_from_now(-30);
    add(
        &app,
        "Jo",
        &["Someone to talk to", "Someone on their side"],
        Some(&month_ago),
    )
    .await;
    add(&app, "Dad", &["Hands-on help"], None).await;
    add(
        &app,
        "Tuesday walking group",
        &["Someone who has been there"],
        None,
    )
    .await;

    // The picture names all three, and the table has a row for each.
    let picture = app
        .first(
            "the ring picture",
            "//*[name()='svg' and @role='img' and contains(@aria-label, 'A picture of 3 people')]",
        )
        .await;
    let said = picture
        .attr("aria-label")
        .await
        .expect("label")
        .unwrap_or_default();
    for name in ["Jo", "Dad", "Tuesday walking group"] {
        assert!(said.contains(name), "{name} in {said:?}");
        app.first(
            &format!("{name}'s row"),
            &format!("//table[caption='Everyone in the circle']//th[@scope='row' and normalize-space(.)='{name}']"),
        )
        .await;
    }

    // Facts and know-how is the one kind no one gives: it could grow, with ideas.
    app.first(
        "a thin kind",
        "//li[h3[normalize-space(.)='Facts and know-how']][contains(., 'Could grow')]",
    )
    .await;
    app.heading("Where it could grow").await;
    app.first(
        "an idea for facts and know-how",
        "//section[.//h2[normalize-space(.)='Where it could grow']]//article[contains(., 'Facts and know-how')]//h3",
    )
    .await;

    // Today: Jo has not been seen for a month, so Today asks gently about Jo.
    app.click("Today").await;
    app.heading("Today").await;
    app.first(
        "a suggestion about Jo",
        "//section[.//h2[normalize-space(.)='For today']]//li[contains(., 'Jo') and contains(., 'Sam') and .//button[@aria-label=\"Open Sam's circle of support\"]]",
    )
    .await;
    app.click("Open Sam's circle of support").await;
    app.heading("Sam's circle of support").await;

    // A connection in two clicks (open, then who), kept as a win.
    app.click("Note a connection").await;
    app.dialog("Note a connection").await;
    app.click("Jo").await;
    assert!(app.no_dialog().await);
    app.sees("Noted: Met up with Jo.").await;
    app.first(
        "the connection in the circle",
        "//section[.//h2[normalize-space(.)='Connections']]//li[contains(., 'Met up with Jo') and contains(., 'also a small win')]",
    )
    .await;

    // Jo was seen today, so Today's circle suggestion is no longer about Jo (the new win may
    // still be offered for celebrating).
    app.click("Today").await;
    app.heading("Today").await;
    app.sees("For today").await;
    let about_jo = app
        .client
        .find_all(fantoccini::Locator::XPath(
            "//section[.//h2[normalize-space(.)='For today']]//li[contains(., 'Jo') and .//button[starts-with(@aria-label, 'Open') and contains(@aria-label, 'circle of support')]]",
        ))
        .await
        .expect("find");
    assert!(
        about_jo.is_empty(),
        "no suggestion about Jo now: {}",
        app.page_text().await
    );

    app.click("Wins").await;
    app.heading("Small wins").await;
    app.first(
        "the win with its tag",
        "//li[contains(., 'Met up with Jo') and contains(., 'connection')]",
    )
    .await;
    app.quit().await;
}
