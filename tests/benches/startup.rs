//! Startup against the floor: spawn → Today's data on screen for a release build of Alongside,
//! with an onboarded but otherwise empty data folder and with ten years of data, alternating
//! with the floor (an empty Tauri 2 app ending at its first call) in one run.
//!
//! Run by `tests/bench-desktop.sh`, which builds what it needs and provides Xvfb, a D-Bus session
//! and an unlocked key store. Needs:
//! - `ALONGSIDE_E2E_APP`: Alongside built with `tauri build` (release: the exit point exists only
//!   there, see `ALONGSIDE_EXIT_WHEN_TODAY_SHOWN`);
//! - `ALONGSIDE_FLOOR_APP`: the floor, built in release;
//! - `ALONGSIDE_BENCH_TEN_YEARS`: a data folder from the `ten-years` generator, and
//!   `ALONGSIDE_BENCH_PASSPHRASE`, its passphrase, to put its key in this session's key store;
//! - optional `ALONGSIDE_BENCH_ROUNDS` (default 30).

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use alongside_e2e::measure::{binary, machine, median, setting, time_to_exit};
use alongside_e2e::App;

const LIMIT: Duration = Duration::from_secs(60);

/// Opens `dir` once through the window, so its key is in this session's key store and any
/// first-start work (the first backup, encrypting) is done before anything is timed.
async fn ready(dir: &Path, passphrase: Option<&str>) {
    let app = App::launch(dir).await;
    match passphrase {
        None => app.onboard("Sam", "Depression", "United Kingdom").await,
        Some(p) => {
            app.heading("Alongside is locked").await;
            app.type_into("Passphrase or recovery code", p).await;
            app.click("Unlock").await;
            app.heading("Today").await;
        }
    }
    // Let the first backup and anything else started with the window finish.
    tokio::time::sleep(Duration::from_secs(5)).await;
    app.quit().await;
}

fn alongside(app: &Path, dir: &Path) -> Command {
    let mut cmd = Command::new(app);
    cmd.env("ALONGSIDE_DATA_DIR", dir)
        .env("ALONGSIDE_EXIT_WHEN_TODAY_SHOWN", "1")
        .env("ALONGSIDE_CLOSE_QUITS", "1");
    cmd
}

fn floor(floor: &Path) -> Command {
    let mut cmd = Command::new(floor);
    cmd.env("FLOOR_EXIT_AFTER_READY", "1");
    cmd
}

#[tokio::main]
async fn main() {
    let app = binary("ALONGSIDE_E2E_APP", "a release build of Alongside");
    let floor_app = binary("ALONGSIDE_FLOOR_APP", "the floor's release build");
    let ten_years = binary("ALONGSIDE_BENCH_TEN_YEARS", "a ten-year data folder");
    let passphrase = std::env::var("ALONGSIDE_BENCH_PASSPHRASE")
        .expect("set ALONGSIDE_BENCH_PASSPHRASE to the ten-year folder's passphrase");
    let rounds = setting("ALONGSIDE_BENCH_ROUNDS", 30) as usize;

    let empty = tempfile::tempdir().expect("a data folder");
    ready(empty.path(), None).await;
    ready(&ten_years, Some(&passphrase)).await;

    // One of each first, not counted: files come into the page cache for all three alike.
    time_to_exit(floor(&floor_app), "the floor", LIMIT);
    time_to_exit(alongside(&app, empty.path()), "Alongside (empty)", LIMIT);
    time_to_exit(alongside(&app, &ten_years), "Alongside (ten years)", LIMIT);

    let (mut f, mut e, mut t) = (vec![], vec![], vec![]);
    for round in 0..rounds {
        // The order turns each round, so no one of them always follows the same other.
        for k in 0..3 {
            match (round + k) % 3 {
                0 => f.push(time_to_exit(floor(&floor_app), "the floor", LIMIT)),
                1 => e.push(time_to_exit(
                    alongside(&app, empty.path()),
                    "Alongside (empty)",
                    LIMIT,
                )),
                _ => t.push(time_to_exit(
                    alongside(&app, &ten_years),
                    "Alongside (ten years)",
                    LIMIT,
                )),
            }
        }
    }
    let ms = |v: &[Duration]| {
        v.iter()
            .map(|d| d.as_secs_f64() * 1000.0)
            .collect::<Vec<_>>()
    };
    let (f, e, t) = (ms(&f), ms(&e), ms(&t));
    println!("each round, ms: floor {f:.0?}\nempty {e:.0?}\nten years {t:.0?}");
    let (f, e, t) = (median(&f), median(&e), median(&t));
    println!("startup, spawn → Today's data on screen, {rounds} alternating rounds");
    println!("machine: {}", machine());
    println!("floor (empty Tauri app, to its first call): median {f:.0} ms");
    println!(
        "Alongside, empty data folder: median {e:.0} ms = {:.2}× the floor (goal ≤ 1.25×)",
        e / f
    );
    println!(
        "Alongside, ten years of data: median {t:.0} ms = {:.2}× the floor, {:+.1} % against empty (goal within 5 %)",
        t / f,
        (t / e - 1.0) * 100.0
    );
}
