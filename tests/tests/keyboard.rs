//! The main flows with the keyboard alone, in the real window: onboarding, adding a win, adding
//! a reminder, taking a self-check and opening Crisis help (by Tab and Enter, and by its
//! shortcut). Nothing is clicked. After every key, focus is on an element, inside the window,
//! not under the header, and shows its focus indicator.

use alongside_e2e::{focus_problem, App};
use fantoccini::key::Key;

/// The option chosen in the focused list.
async fn selected(app: &App) -> String {
    app.client
        .execute(
            "return document.activeElement.selectedOptions[0].text;",
            vec![],
        )
        .await
        .expect("the chosen option")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Onboarding from the first Tab to Today.
async fn onboard_by_keyboard(app: &App) {
    app.heading("Welcome to Alongside").await;
    app.tab_to("Your first name (optional)").await;
    app.type_keys("Alex").await;
    app.tab_to("Continue").await;
    app.key(Key::Enter).await;
    app.heading("Who are you supporting?").await;

    // Continue without a name: the error takes focus to the field that needs it.
    app.tab_to("Continue").await;
    app.key(Key::Enter).await;
    app.sees("Please add a name or nickname").await;
    assert_eq!(
        app.focused_name().await,
        "Their name or nickname",
        "focus goes to the field with the error"
    );
    app.type_keys("Sam").await;
    app.tab_to("Depression").await;
    app.key(Key::Space).await;
    app.tab_to("Continue").await;
    app.key(Key::Enter).await;
    app.heading("Where are you?").await;

    app.tab_to("Your country or region").await;
    // Type-ahead jumps to the first "U"; the arrow keys go on from there.
    app.type_keys("U").await;
    let mut chosen = selected(app).await;
    for _ in 0..10 {
        if chosen == "United Kingdom" {
            break;
        }
        app.key(Key::Down).await;
        chosen = selected(app).await;
    }
    assert_eq!(chosen, "United Kingdom");
    app.tab_to("Start using Alongside").await;
    app.key(Key::Enter).await;

    app.heading("Write down your recovery code").await;
    app.tab_to("I have written it down or printed it").await;
    app.key(Key::Space).await;
    app.tab_to("Done").await;
    app.key(Key::Enter).await;
    app.heading("Today").await;
    app.assert_focus_visible("arriving on Today").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn onboarding_a_win_a_reminder_a_self_check_and_crisis_help_by_keyboard_alone() {
    let data = tempfile::tempdir().expect("data dir");
    let app = App::launch(data.path()).await;
    app.heading("Welcome to Alongside").await;

    // The focus check can fail: on the page itself, and on a button whose ring is taken away.
    app.client
        .execute("document.activeElement.blur();", vec![])
        .await
        .expect("let go of focus");
    let on_page = focus_problem(&app).await.unwrap_or_default();
    assert!(on_page.contains("on the page itself"), "{on_page:?}");
    app.client
        .execute(
            "const b = document.createElement('button'); b.id = 'planted'; b.textContent = 'No ring';
             b.style.outline = 'none';
             document.querySelector('main').prepend(b); b.focus();",
            vec![],
        )
        .await
        .expect("plant a button without a ring");
    let no_ring = focus_problem(&app).await.unwrap_or_default();
    assert!(no_ring.contains("shows no focus indicator"), "{no_ring:?}");
    app.client
        .execute(
            "const b = document.getElementById('planted'); b.blur(); b.remove();",
            vec![],
        )
        .await
        .expect("remove it");
    onboard_by_keyboard(&app).await;

    // Add a win: back up to the header's button, type, save; focus comes back to the button.
    app.shift_tab_to("Add a win").await;
    app.key(Key::Enter).await;
    app.dialog("Add a win").await;
    assert_eq!(app.focused_name().await, "What happened?");
    app.type_keys("Sam made us tea").await;
    app.tab_to("Save this win").await;
    app.key(Key::Enter).await;
    assert!(
        app.no_dialog().await,
        "the win is saved and the dialog closes"
    );
    assert_eq!(app.focused_name().await, "Add a win");
    app.shift_tab_to("Wins").await;
    app.key(Key::Enter).await;
    app.heading("Small wins").await;
    app.sees("Sam made us tea").await;

    // A reminder: the header's Reminders, its form from the top.
    app.shift_tab_to("Reminders").await;
    app.key(Key::Enter).await;
    app.heading("Reminders").await;
    app.tab_to("Title").await;
    app.type_keys("Text Sam").await;
    app.tab_to("Add the reminder").await;
    app.key(Key::Enter).await;
    app.sees("Added: Text Sam.").await;
    // The list above the form has grown; the button is still in sight.
    app.assert_focus_visible("the reminder added").await;
    assert_eq!(app.focused_name().await, "Add the reminder");

    // A self-check: arrows choose within each question, Tab goes to the next one.
    app.shift_tab_to("For you").await;
    app.key(Key::Enter).await;
    app.heading("Looking after you").await;
    app.tab_to("PHQ-4: anxiety and low mood").await;
    app.key(Key::Enter).await;
    app.heading("PHQ-4: anxiety and low mood").await;
    for _ in 0..4 {
        app.tab_to("Not at all").await;
        app.key(Key::Space).await;
        app.key(Key::Right).await;
        assert_eq!(app.focused_name().await, "Several days");
    }
    app.tab_to("See my result").await;
    app.key(Key::Enter).await;
    app.heading("Your result: mild range — a screening, not a diagnosis")
        .await;
    app.sees("4 out of 12").await;

    // Crisis help: by Tab and Enter, through its links, closed with Escape; then its shortcut.
    app.shift_tab_to("Crisis help").await;
    app.key(Key::Enter).await;
    app.dialog_shows("Crisis help", "Samaritans").await;
    app.tab_to("Close").await;
    app.key(Key::Tab).await;
    app.key(Key::Tab).await;
    app.key(Key::Escape).await;
    assert!(app.no_dialog().await, "Escape closes Crisis help");
    assert_eq!(app.focused_name().await, "Crisis help");
    app.press(&[Key::Control, Key::Shift], 'h').await;
    app.dialog_shows("Crisis help", "116 123").await;
    app.assert_focus_visible("Ctrl+Shift+H").await;
    app.key(Key::Escape).await;
    assert!(app.no_dialog().await, "Escape closes Crisis help");
    app.quit().await;
}
