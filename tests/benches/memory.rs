//! Memory against the floor: the summed resident memory of Alongside and its WebKit processes,
//! idle on Today and after visiting every screen, against the floor's idle figure in the same
//! run; then, with `ALONGSIDE_SOAK_MINUTES`, every screen visited in a loop for that long, its
//! memory sampled each minute.
//!
//! Run by `tests/bench-desktop.sh` (Xvfb, a D-Bus session, an unlocked key store). Needs
//! `ALONGSIDE_E2E_APP` (Alongside, release), `ALONGSIDE_FLOOR_APP` (the floor, release),
//! `ALONGSIDE_BENCH_TEN_YEARS` and `ALONGSIDE_BENCH_PASSPHRASE` (a ten-year data folder and its
//! passphrase); optional `ALONGSIDE_BENCH_IDLE_SECONDS` (default 20) and
//! `ALONGSIDE_SOAK_MINUTES` (default 0: no soak). `ALONGSIDE_SCREENS_ONLY=1` runs only the
//! screens probe (each screen opened from Today and left again, with ten years), and
//! `ALONGSIDE_FIELDS_ONLY=1` only the
//! fields probe: paragraphs, buttons and text fields added to the page and removed again, with
//! none of Alongside's scripts involved, to show which kind of element WebKit's memory keeps.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use alongside_e2e::measure::{
    binary, find_below, idle_mib, machine, median, setting, tree_rss_mib,
};
use alongside_e2e::{lit, App, SCREENS};

async fn visit_every_screen(app: &App) {
    for (nav, heading) in SCREENS {
        // Scoped to the main navigation: "Reminders" may carry a count of what is due.
        let button = app
            .first(
                &format!("the {nav} screen"),
                &format!(
                    "//nav[@aria-label='Main']//*[self::button or self::a][starts-with(normalize-space(.), {})]",
                    lit(nav)
                ),
            )
            .await;
        button.click().await.expect("open a screen");
        app.heading(heading).await;
    }
    app.click("Crisis help").await;
    app.dialog("Crisis help").await;
    app.press_key(fantoccini::key::Key::Escape).await;
    assert!(app.no_dialog().await, "Crisis help closes with Escape");
}

/// Alongside's own process, below the driver that started it.
fn app_pid(app: &App, exe: &Path) -> u32 {
    let driver = app.driver_pid().expect("the driver is running");
    find_below(driver, exe).expect("Alongside's process below the driver")
}

/// How a data folder is opened: onboarded from new, unlocked with a passphrase if it asks, or
/// already set up with its key in this session's key store.
enum Setup<'a> {
    Onboard,
    Unlock(&'a str),
    Ready,
}

async fn open(dir: &Path, setup: Setup<'_>) -> App {
    let app = App::launch(dir).await;
    match setup {
        Setup::Onboard => app.onboard("Sam", "Depression", "United Kingdom").await,
        Setup::Unlock(p) => {
            // The first start in this session asks for the passphrase; later ones do not.
            app.heading("Alongside is locked").await;
            app.type_into("Passphrase or recovery code", p).await;
            app.click("Unlock").await;
            app.heading("Today").await;
        }
        Setup::Ready => {
            app.heading("Today").await;
        }
    }
    app
}

/// Alongside started straight (no driver), as the floor is, with `dir` as its data folder.
fn alongside(exe: &Path, dir: &Path) -> Command {
    let mut cmd = Command::new(exe);
    cmd.env("ALONGSIDE_DATA_DIR", dir)
        .env("ALONGSIDE_CLOSE_QUITS", "1");
    cmd
}

#[tokio::main]
async fn main() {
    let exe = binary("ALONGSIDE_E2E_APP", "a release build of Alongside");
    let floor = binary("ALONGSIDE_FLOOR_APP", "the floor's release build");
    let ten_years = binary("ALONGSIDE_BENCH_TEN_YEARS", "a ten-year data folder");
    let passphrase = std::env::var("ALONGSIDE_BENCH_PASSPHRASE")
        .expect("set ALONGSIDE_BENCH_PASSPHRASE to the ten-year folder's passphrase");
    let idle = Duration::from_secs(setting("ALONGSIDE_BENCH_IDLE_SECONDS", 20));
    let soak = setting("ALONGSIDE_SOAK_MINUTES", 0);
    println!("memory: summed resident memory of the app and its WebKit processes");
    println!("machine: {}", machine());

    let empty = tempfile::tempdir().expect("a data folder");
    if setting("ALONGSIDE_SCREENS_ONLY", 0) == 1 {
        let app = open(&ten_years, Setup::Unlock(&passphrase)).await;
        screens_probe(&app, &exe).await;
        app.quit().await;
        return;
    }
    if setting("ALONGSIDE_FIELDS_ONLY", 0) == 1 {
        let app = open(empty.path(), Setup::Onboard).await;
        fields_probe(&app, &exe).await;
        app.quit().await;
        return;
    }
    open(empty.path(), Setup::Onboard).await.quit().await;
    open(&ten_years, Setup::Unlock(&passphrase))
        .await
        .quit()
        .await;

    // Idle on Today against the floor's idle, alternating, three of each.
    let (mut f, mut e, mut t) = (vec![], vec![], vec![]);
    for _ in 0..3 {
        f.push(idle_mib(Command::new(&floor), "the floor", idle));
        e.push(idle_mib(alongside(&exe, empty.path()), "Alongside", idle));
        t.push(idle_mib(alongside(&exe, &ten_years), "Alongside", idle));
    }
    let floor_mib = median(&f);
    println!("floor, idle {idle:?}: median {floor_mib:.0} MiB ({f:.0?})");
    let (e, t) = (median(&e), median(&t));
    println!(
        "Alongside idle on Today, empty: {e:.0} MiB = {:.2}×; ten years: {t:.0} MiB = {:.2}×",
        e / floor_mib,
        t / floor_mib
    );

    // After visiting every screen, through the driver, then the same idle time.
    for (name, dir) in [("empty", empty.path()), ("ten years", ten_years.as_path())] {
        let app = open(dir, Setup::Ready).await;
        visit_every_screen(&app).await;
        tokio::time::sleep(idle).await;
        let (mib, names) = tree_rss_mib(app_pid(&app, &exe));
        println!(
            "Alongside after visiting every screen, {name}: {mib:.0} MiB = {:.2}× the floor (goal ≤ 1.15×; counted {})",
            mib / floor_mib,
            names.join(", ")
        );
        if name == "ten years" && soak > 0 {
            soak_for(&app, &exe, soak).await;
        }
        app.quit().await;
    }
}

/// Every screen in a loop for `minutes` (clicked by the page itself), sampling the memory each minute.
async fn soak_for(app: &App, exe: &Path, minutes: u64) {
    let pid = app_pid(app, exe);
    let start = Instant::now();
    let mut samples = vec![tree_rss_mib(pid).0];
    let mut loops = 0u64;
    while start.elapsed() < Duration::from_secs(minutes * 60) {
        visit_every_screen_in_page(app).await;
        loops += 1;
        if start.elapsed() >= Duration::from_secs(60 * samples.len() as u64) {
            samples.push(tree_rss_mib(pid).0);
        }
    }
    samples.push(tree_rss_mib(pid).0);
    println!(
        "soak: {minutes} minutes, every screen {loops} times; MiB each minute: {:.0?}",
        samples
    );
    let k = (samples.len() / 6).max(1);
    let first = median(&samples[1..=k.min(samples.len() - 1)]);
    let last = median(&samples[samples.len() - k..]);
    println!(
        "soak: median of the first {k} minutes (after the first) {first:.0} MiB, of the last {k} {last:.0} MiB: {:+.1} %",
        (last / first - 1.0) * 100.0
    );
}

/// Every screen and Crisis help, clicked by a script inside the page: for the soak, so the
/// driver keeps no reference to any element (WebKit's driver holds every element it has handed
/// out until its session ends, which would grow the page's memory by itself).
async fn visit_every_screen_in_page(app: &App) {
    const VISIT: &str = r#"
        const [screens, done] = [arguments[0], arguments[arguments.length - 1]];
        const until = (test) => new Promise((ok, no) => {
            const t0 = performance.now();
            (function look() {
                if (test()) ok();
                else if (performance.now() - t0 > 15000) no(new Error('waited too long'));
                else setTimeout(look, 20);
            })();
        });
        // A screen kept alive while another is shown is hidden: only a heading on screen counts.
        const headed = (text) => [...document.querySelectorAll('h1, h2')]
            .some((h) => h.textContent.trim() === text && h.getClientRects().length > 0);
        const button = (within, text) => [...within.querySelectorAll('button, a')]
            .find((b) => b.textContent.trim().startsWith(text));
        (async () => {
            const nav = document.querySelector("nav[aria-label='Main']");
            for (const [name, heading] of screens) {
                button(nav, name).click();
                await until(() => headed(heading));
            }
            button(document.querySelector('header') ?? document, 'Crisis help').click();
            const dialog = () => document.querySelector('[role=dialog]');
            await until(dialog);
            button(dialog(), 'Close').click();
            await until(() => !dialog());
        })().then(() => done(null), (e) => done(String(e)));
    "#;
    let screens = serde_json::to_value(SCREENS).expect("the screens as JSON");
    let outcome = app
        .client
        .execute_async(VISIT, vec![screens])
        .await
        .expect("the page visits every screen");
    assert_eq!(
        outcome,
        serde_json::Value::Null,
        "every screen opened in the page"
    );
}

/// Opens one screen and goes back to Today, `times` times, inside the page.
const THERE_AND_BACK: &str = r#"
    const [name, heading, times, done] = arguments;
    const until = (test) => new Promise((ok, no) => {
        const t0 = performance.now();
        (function look() {
            if (test()) ok();
            else if (performance.now() - t0 > 15000) no(new Error('waited too long for ' + name));
            else setTimeout(look, 20);
        })();
    });
    const headed = (text) => [...document.querySelectorAll('h1, h2')]
        .some((h) => h.textContent.trim() === text && h.getClientRects().length > 0);
    const button = (text) => [...document.querySelectorAll("nav[aria-label='Main'] button, nav[aria-label='Main'] a")]
        .find((b) => b.textContent.trim().startsWith(text));
    (async () => {
        for (let i = 0; i < times; i++) {
            button(name).click();
            await until(() => headed(heading));
            button('Today').click();
            await until(() => headed('Today'));
        }
    })().then(() => done(null), (e) => done(String(e)));
"#;

/// The web process's growth while each screen is opened from Today and left again 300 times
/// (3 × 100), with ten years of data: which screens' visits WebKit keeps memory for.
async fn screens_probe(app: &App, exe: &Path) {
    let pid = app_pid(app, exe);
    let web = || web_mib(pid);
    for _ in 0..2 {
        visit_every_screen_in_page(app).await;
    }
    for (nav, heading) in SCREENS.iter().filter(|(nav, _)| *nav != "Today") {
        let mut samples = vec![web()];
        for _ in 0..3 {
            let out = app
                .client
                .execute_async(
                    THERE_AND_BACK,
                    vec![(*nav).into(), (*heading).into(), 100.into()],
                )
                .await
                .expect("the page opens the screen and goes back");
            assert_eq!(out, serde_json::Value::Null, "the page visited {nav}");
            samples.push(web());
        }
        println!(
            "screens: {nav} and back to Today 300 times (3 × 100): web process MiB {samples:.0?} ({:+.0} MiB, {:.1} KiB a visit)",
            samples[3] - samples[0],
            (samples[3] - samples[0]) * 1024.0 / 300.0
        );
    }
}

/// The resident memory of the web process below Alongside's process `pid`, in MiB.
fn web_mib(pid: u32) -> f64 {
    let (_, names) = tree_rss_mib(pid);
    names
        .iter()
        .find_map(|n| {
            n.strip_prefix("WebKitWebProces ")
                .and_then(|m| m.parse::<f64>().ok())
        })
        .expect("the web process is running")
}

/// Adds `html` to the page and removes it again, `times` times, inside the page.
const ADD_AND_REMOVE: &str = r#"
    const [html, times, done] = arguments;
    (async () => {
        const main = document.querySelector('main') ?? document.body;
        for (let i = 0; i < times; i++) {
            const d = document.createElement('div');
            d.innerHTML = html;
            main.appendChild(d);
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
            d.remove();
            await new Promise((r) => setTimeout(r, 0));
        }
    })().then(() => done(null), (e) => done(String(e)));
"#;

/// The web process's growth while ten elements of one kind are added and removed 900 times
/// (3 × 300), for paragraphs, buttons and text fields: which kind WebKit keeps memory for.
async fn fields_probe(app: &App, exe: &Path) {
    let pid = app_pid(app, exe);
    let web = || web_mib(pid);
    for (kind, one) in [
        ("paragraphs (warming up)", "<p>A small win today</p>"),
        ("paragraphs", "<p>A small win today</p>"),
        ("buttons", "<button type=button>Save</button>"),
        ("text fields", "<label>Title <input type=text></label>"),
        (
            "text fields, hidden",
            "<label hidden>Title <input type=text></label>",
        ),
        ("paragraphs again", "<p>A small win today</p>"),
    ] {
        let html = one.repeat(10);
        let mut samples = vec![web()];
        for _ in 0..3 {
            let out = app
                .client
                .execute_async(ADD_AND_REMOVE, vec![html.clone().into(), 300.into()])
                .await
                .expect("the page adds and removes the elements");
            assert_eq!(
                out,
                serde_json::Value::Null,
                "the page added and removed {kind}"
            );
            samples.push(web());
        }
        println!(
            "fields: {kind}, 10 added and removed 300 times, three times: web process MiB {samples:.0?} ({:+.0} MiB)",
            samples[3] - samples[0]
        );
    }
}
