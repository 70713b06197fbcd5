//! The header in the real window: at the default size the screens share one row beside Add a
//! win and Crisis help; at the smallest window allowed it stays short, the screens move into a
//! Menu that opens and closes by keyboard, and every screen can still be reached from it. Each
//! screen, fetched when first opened, gets the focus on its heading as it appears.

use std::time::{Duration, Instant};

use alongside_e2e::{App, SCREENS, WAIT};
use fantoccini::key::Key;
use serde_json::Value;

/// The main screens in header order, with the heading each one opens on.
async fn run(app: &App, script: &str) -> Value {
    app.client
        .execute(script, vec![])
        .await
        .expect("script in the window")
}

/// The window's inner size, once it has settled near `width` × `height` (the window manager and
/// the app's smallest size have the last word, so allow a little either way).
async fn settle(app: &App, width: f64, height: f64) -> (f64, f64) {
    let started = Instant::now();
    loop {
        let v = run(app, "return [window.innerWidth, window.innerHeight];").await;
        let (w, h) = (v[0].as_f64().unwrap_or(0.0), v[1].as_f64().unwrap_or(0.0));
        if (w - width).abs() <= 40.0 && (h - height).abs() <= 60.0 {
            return (w, h);
        }
        assert!(
            started.elapsed() < WAIT,
            "the window did not settle near {width}×{height}: it is {w}×{h}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the focused element is the heading `text`: where a screen reader starts reading.
async fn focus_on_heading(app: &App, text: &str) {
    let started = Instant::now();
    loop {
        let v = run(
            app,
            "const a = document.activeElement; return a && /^H[1-4]$/.test(a.tagName) ? a.textContent.trim() : (a ? a.outerHTML.slice(0, 120) : null);",
        )
        .await;
        if v.as_str() == Some(text) {
            return;
        }
        assert!(
            started.elapsed() < WAIT,
            "focus did not move to the heading {text:?}; it is on {v}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Asserts the seven screens sit on one row of the header, none pushed onto a second row or
/// out past the navigation's edge (over Add a win), and returns how much of the window it takes.
async fn screens_on_one_row(app: &App, width: f64) {
    let nav = app
        .first("the Main navigation", "//nav[@aria-label='Main']")
        .await;
    let arg = serde_json::to_value(&nav).expect("element reference");
    let v = app
        .client
        .execute(
            "const n = arguments[0];
             const tops = [...n.querySelectorAll('button')].map(b => b.getBoundingClientRect().top);
             return { tops, needs: n.scrollWidth, has: n.clientWidth };",
            vec![arg],
        )
        .await
        .expect("button positions");
    let tops: Vec<f64> = v["tops"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|t| t.as_f64().expect("a number"))
        .collect();
    let (needs, has) = (
        v["needs"].as_f64().expect("a number"),
        v["has"].as_f64().expect("a number"),
    );
    println!("layout: at {width}px the screens need {needs} of {has} px");
    assert_eq!(
        tops.len(),
        7,
        "seven screens in the header at {width}px: {tops:?}"
    );
    assert!(
        tops.iter().all(|t| (t - tops[0]).abs() < 1.0),
        "the screens share one row at {width}px wide: tops {tops:?}"
    );
    assert!(
        needs <= has,
        "the screens fit beside Add a win at {width}px: they need {needs} px of {has}"
    );
}

/// How much of the window's height the header takes.
async fn header_share(app: &App) -> f64 {
    let header = app.first("the header", "//header").await;
    let arg = serde_json::to_value(&header).expect("element reference");
    let v = app
        .client
        .execute(
            "return arguments[0].getBoundingClientRect().height / window.innerHeight;",
            vec![arg],
        )
        .await
        .expect("header height");
    v.as_f64().expect("a number")
}

async fn menu_expanded(app: &App) -> Option<String> {
    let menu = app.button("Menu").await;
    menu.attr("aria-expanded").await.expect("aria-expanded")
}

#[tokio::test(flavor = "multi_thread")]
async fn header_fits_at_the_default_size_and_folds_into_a_menu_when_small() {
    let data = tempfile::tempdir().expect("data dir");
    let app = App::launch(data.path()).await;
    app.onboard("Sam", "Depression", "United Kingdom").await;

    // The default window (1100 × 780): every screen on one row, no Menu.
    let (w, _) = settle(&app, 1100.0, 780.0).await;
    screens_on_one_row(&app, w).await;
    let share = header_share(&app).await;
    println!(
        "layout: the header takes {:.1} % of the {w}px wide window",
        share * 100.0
    );
    assert!(
        share <= 0.15,
        "the header takes {:.0} % of the default window",
        share * 100.0
    );

    // Each screen opens from the row, its heading focused as it appears.
    for (label, heading) in SCREENS {
        app.click(label).await;
        app.heading(heading).await;
        focus_on_heading(&app, heading).await;
    }

    // Just above where the Menu takes over (62em): still one row, nothing pushed aside.
    app.client
        .set_window_size(1000, 700)
        .await
        .expect("resize the window");
    let (w, _) = settle(&app, 1000.0, 700.0).await;
    screens_on_one_row(&app, w).await;

    // The smallest window allowed: a short header, the screens behind a Menu.
    app.client
        .set_window_size(600, 520)
        .await
        .expect("resize the window");
    let (w, h) = settle(&app, 600.0, 520.0).await;
    let share = header_share(&app).await;
    println!(
        "layout: the header takes {:.1} % of the {w}×{h} window",
        share * 100.0
    );
    assert!(
        share <= 0.25,
        "the header takes {:.0} % of a {w}×{h} window",
        share * 100.0
    );
    assert_eq!(menu_expanded(&app).await.as_deref(), Some("false"));
    app.button("Add a win").await;
    app.button("Crisis help").await;

    // Escape closes the open Menu and puts focus back on it.
    app.click("Menu").await;
    assert_eq!(menu_expanded(&app).await.as_deref(), Some("true"));
    app.button("Settings").await;
    app.press_key(Key::Escape).await;
    assert_eq!(menu_expanded(&app).await.as_deref(), Some("false"));
    let focused = run(&app, "return document.activeElement.textContent.trim();").await;
    assert_eq!(
        focused.as_str(),
        Some("Menu"),
        "focus returns to the Menu button"
    );

    // Every screen is still reachable, and the Menu folds away after each choice.
    for (label, heading) in SCREENS {
        app.click("Menu").await;
        app.click(label).await;
        app.heading(heading).await;
        focus_on_heading(&app, heading).await;
        assert_eq!(menu_expanded(&app).await.as_deref(), Some("false"));
        let share = header_share(&app).await;
        assert!(share <= 0.25, "the header stays short on {heading}");
    }

    // Crisis help stays one press away on the small window.
    app.click("Crisis help").await;
    app.dialog("Crisis help").await;
    app.press_key(Key::Escape).await;
    assert!(app.no_dialog().await, "Escape closes Crisis help");

    app.quit().await;
}
