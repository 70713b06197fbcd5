//! Small wins at scale: 100,000 wins across 5 people in a real on-disk database opened the way
//! the app opens it (WAL, synchronous=FULL). Measures the first timeline page, a search, adding
//! a win, exporting everything as CSV, and refusing a call with 100,000 tags. Run: `cargo bench -p alongside-core --bench wins`.

use std::time::{Duration, Instant};

use alongside_core::db;
use alongside_core::wins::{store, ValidFilter, ValidWin, WinFilter};
use chrono::{Duration as Days, NaiveDate};

const WINS: usize = 100_000;
const PEOPLE: i64 = 5;
const RUNS: usize = 300;

const WORDS: &[&str] = &[
    "walked",
    "the",
    "dog",
    "called",
    "a",
    "friend",
    "cooked",
    "dinner",
    "went",
    "to",
    "therapy",
    "took",
    "medicine",
    "on",
    "time",
    "laughed",
    "at",
    "film",
    "tidied",
    "room",
    "showered",
    "garden",
    "painted",
    "picture",
    "class",
    "work",
    "shift",
    "slept",
    "well",
    "breakfast",
    "together",
    "talked",
    "about",
    "feelings",
    "bus",
    "shop",
    "music",
    "guitar",
    "river",
    "walk",
];

fn text(i: usize, len: usize) -> String {
    (0..len)
        .map(|k| WORDS[(i * 7 + k * 13 + i / 3) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    let idx = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[idx]
}

fn report(name: &str, mut samples: Vec<Duration>) {
    let p50 = percentile(&mut samples, 0.50);
    let p99 = percentile(&mut samples, 0.99);
    let max = *samples.last().unwrap_or(&Duration::ZERO);
    println!(
        "{name:<36} p50 {:>8.2} ms   p99 {:>8.2} ms   max {:>8.2} ms   ({} runs)",
        p50.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3,
        samples.len()
    );
}

/// A caller sends a win with 100,000 distinct tags: reading the call (JSON to input) and
/// refusing it, the work a command does before it would touch the database.
fn hundred_thousand_tags() -> Result<(), Box<dyn std::error::Error>> {
    let tags: Vec<String> = (0..100_000).map(|i| format!("tag {i}")).collect();
    let call = serde_json::json!({
        "personId": 1, "text": "Went out", "happenedOn": "2026-11-20", "tags": tags, "note": null
    });
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).ok_or("date")?;
    let mut refuse = Vec::with_capacity(30);
    for _ in 0..30 {
        let t = Instant::now();
        let input: alongside_core::wins::WinInput = serde_json::from_value(call.clone())?;
        let refused = input.validate(today).is_err();
        refuse.push(t.elapsed());
        assert!(refused);
    }
    report("refuse a win with 100,000 tags", refuse);
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    hundred_thousand_tags()?;
    let dir = tempfile::tempdir()?;
    let mut conn = db::open_in(
        dir.path(),
        &alongside_core::protection::DataKey::random()?,
        db::DEFAULT_BUSY_TIMEOUT,
    )?
    .conn;

    let seed_start = Instant::now();
    {
        let tx = conn.transaction()?;
        for p in 1..=PEOPLE {
            tx.execute(
                "INSERT INTO people (id, name, relationship, created_at) VALUES (?1, ?2, 'child', 'x')",
                rusqlite::params![p, format!("Person {p}")],
            )?;
        }
        let start = NaiveDate::from_ymd_opt(2016, 1, 1).ok_or("date")?;
        for i in 0..WINS {
            let w = ValidWin {
                person_id: 1 + (i as i64 % PEOPLE),
                text: text(i, 4 + i % 6),
                // About ten years of wins, a few a day.
                happened_on: start + Days::days((i / 27) as i64),
                tags: match i % 4 {
                    0 => vec!["social".into()],
                    1 => vec!["self-care".into(), "daily living".into()],
                    _ => vec![],
                },
                note: (i % 3 == 0).then(|| text(i + 1, 8)),
            };
            store::insert(&tx, &w, "2026-11-22T00:00:00Z")?;
        }
        tx.commit()?;
    }
    println!(
        "seeded {WINS} wins across {PEOPLE} people in {:.1} s",
        seed_start.elapsed().as_secs_f64()
    );

    let all = ValidFilter::default();
    let mut first_page = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let t = Instant::now();
        let page = store::page(&conn, &all, None, alongside_core::wins::PAGE_SIZE)?;
        first_page.push(t.elapsed());
        assert_eq!(page.wins.len(), alongside_core::wins::PAGE_SIZE as usize);
    }
    report("first timeline page (50 wins)", first_page);

    let mut search = Vec::with_capacity(RUNS);
    let queries = [
        "guitar",
        "river walk",
        "therapy",
        "painted picture",
        "breakfast together",
    ];
    for i in 0..RUNS {
        let f = WinFilter {
            search: Some(queries[i % queries.len()].into()),
            ..Default::default()
        }
        .validate()?;
        let t = Instant::now();
        let page = store::page(&conn, &f, None, alongside_core::wins::PAGE_SIZE)?;
        search.push(t.elapsed());
        assert!(!page.wins.is_empty());
    }
    report("search, first page of matches", search);

    let mut add = Vec::with_capacity(RUNS);
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).ok_or("date")?;
    for i in 0..RUNS {
        let w = ValidWin {
            person_id: 1 + (i as i64 % PEOPLE),
            text: "Went for a short walk together".into(),
            happened_on: today,
            tags: vec!["social".into()],
            note: None,
        };
        let t = Instant::now();
        let tx = conn.transaction()?;
        let id = store::insert(&tx, &w, "2026-11-22T12:00:00Z")?;
        tx.commit()?;
        store::get(&conn, id)?;
        add.push(t.elapsed());
    }
    report("add a win (durable commit)", add);

    let mut export = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let wins = store::all(&conn, &all)?;
        let csv = alongside_core::wins::to_csv(&wins)?;
        export.push(t.elapsed());
        assert!(wins.len() >= WINS && csv.len() > WINS * 20);
    }
    report("export all wins as CSV", export);
    Ok(())
}
