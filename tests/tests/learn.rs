//! The Learn library in the real window: cards for the chosen condition come first, search finds
//! what a caregiver means, a card opens, a bookmark survives a relaunch, and a safety card leads
//! to Crisis help.

use alongside_e2e::App;

#[tokio::test(flavor = "multi_thread")]
async fn search_open_bookmark_and_relaunch() {
    let data = tempfile::tempdir().expect("data dir");
    let app = App::launch(data.path()).await;
    app.onboard("Jordan", "Schizophrenia or psychosis", "New Zealand")
        .await;

    app.click("Learn").await;
    app.heading("Learn").await;
    // The condition chosen at onboarding comes first in the library.
    // The library loads after the heading shows: wait for it, as a person would.
    let first_topic = app
        .first(
            "the first topic",
            "(//main//section/h2[not(ancestor::*[@hidden])])[1]",
        )
        .await
        .text()
        .await
        .expect("text");
    assert!(
        first_topic.starts_with("Schizophrenia and psychosis"),
        "{first_topic}"
    );

    app.type_into("Search the library", "hearing voices").await;
    app.heading("Best matches").await;
    let first = app
        .client
        .find(fantoccini::Locator::XPath(
            "(//main//ol//h3//button[not(ancestor::*[@hidden])])[1]",
        ))
        .await
        .expect("first result");
    let title = first
        .attr("aria-label")
        .await
        .expect("name")
        .expect("has a name");
    first.click().await.expect("open");
    app.heading(&title).await;
    app.heading("Try this").await;
    app.heading("Sources").await;
    app.click("Bookmark").await;
    app.button("Bookmarked").await;
    app.click("Mark as read").await;
    app.button("Read").await;
    app.quit().await;

    let app = App::launch(data.path()).await;
    app.heading("Today").await;
    app.click("Learn").await;
    app.heading("Your bookmarks").await;
    app.button(&title).await;
    app.sees("1 of 6 read").await;
    app.click(&title).await;
    app.button("Bookmarked").await;

    // A card about safety leads straight to Crisis help for New Zealand.
    app.click("← Back to Learn").await;
    app.type_into("Search the library", "safety plan").await;
    app.click("Making a safety plan together").await;
    app.click("Open Crisis help").await;
    app.dialog_shows("Crisis help", "1737").await;
    app.quit().await;
}
