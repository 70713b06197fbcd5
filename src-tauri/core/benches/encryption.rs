//! What encryption costs: the same 100,000 wins in a plain SQLite file and in an encrypted one
//! (SQLCipher, as the app keeps it). Times opening the data as the app does at start (key file,
//! key store, key check, open, migrations check), a search on the wins, and the passphrase and
//! recovery-code unlocks (Argon2id). Run: `cargo bench -p alongside-core --bench encryption`.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use alongside_core::db::{self, Database, DB_FILE};
use alongside_core::protection;
use alongside_core::protection::keystore::MemoryKeyStore;
use alongside_core::wins::{store, ValidWin, WinFilter};
use chrono::{Duration as Days, NaiveDate};
use rusqlite::Connection;

const WINS: usize = 100_000;
const OPENS: usize = 40;
const SEARCHES: usize = 300;

/// A wider vocabulary than the wins benchmark's, so a word matches a realistic share of wins.
const WORDS: &[&str] = &[
    "walked",
    "dog",
    "called",
    "friend",
    "cooked",
    "dinner",
    "therapy",
    "medicine",
    "laughed",
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
    "breakfast",
    "together",
    "talked",
    "feelings",
    "bus",
    "shop",
    "music",
    "guitar",
    "river",
    "walk",
    "library",
    "bread",
    "baked",
    "cousin",
    "swimming",
    "pool",
    "cycled",
    "park",
    "sister",
    "brother",
    "neighbour",
    "volunteered",
    "choir",
    "sang",
    "wrote",
    "journal",
    "appointment",
    "doctor",
    "nurse",
    "group",
    "meeting",
    "lunch",
    "cafe",
    "beach",
    "train",
    "visited",
    "grandma",
    "phoned",
    "email",
    "reply",
    "laundry",
    "dishes",
    "cat",
    "fed",
    "plants",
    "watered",
    "stretch",
    "yoga",
    "jog",
    "football",
    "match",
    "chess",
    "puzzle",
    "book",
    "chapter",
    "read",
    "poem",
    "drew",
    "sketch",
    "photo",
    "sunset",
    "morning",
    "evening",
    "smiled",
    "joke",
];

fn text(i: usize, len: usize) -> String {
    (0..len)
        .map(|k| WORDS[(i * 31 + k * 17 + i / 5) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn seed(conn: &mut Connection) -> Result<(), Box<dyn std::error::Error>> {
    let tx = conn.transaction()?;
    for p in 1..=3 {
        tx.execute(
            "INSERT INTO people (id, name, relationship, created_at) VALUES (?1, ?2, 'child', '2016-01-01T00:00:00Z')",
            rusqlite::params![p, format!("Person {p}")],
        )?;
    }
    let start = NaiveDate::from_ymd_opt(2016, 1, 1).ok_or("date")?;
    for i in 0..WINS {
        let w = ValidWin {
            person_id: 1 + (i as i64 % 3),
            text: text(i, 4 + i % 6),
            happened_on: start + Days::days((i / 27) as i64),
            tags: vec![],
            note: (i % 3 == 0).then(|| text(i + 1, 8)),
        };
        store::insert(&tx, &w, "2026-11-22T00:00:00Z")?;
    }
    tx.commit()?;
    Ok(())
}

/// A plain file opened with the app's pragmas and migrations check, as before encryption.
fn open_plain(path: &Path) -> Result<Connection, Box<dyn std::error::Error>> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(db::DEFAULT_BUSY_TIMEOUT)?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    db::migrations().to_latest(&mut conn)?;
    Ok(conn)
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

fn report(name: &str, mut samples: Vec<Duration>) -> f64 {
    let p50 = percentile(&mut samples, 0.50);
    let p99 = percentile(&mut samples, 0.99);
    println!(
        "{name:<44} p50 {:>8.2} ms   p99 {:>8.2} ms   ({} runs)",
        p50.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3,
        samples.len()
    );
    p50.as_secs_f64() * 1e3
}

fn search(conn: &Connection) -> Result<Vec<Duration>, Box<dyn std::error::Error>> {
    let queries = ["guitar", "river", "therapy", "painted", "grandma"];
    let mut out = Vec::with_capacity(SEARCHES);
    for i in 0..SEARCHES {
        let f = WinFilter {
            search: Some(queries[i % queries.len()].into()),
            ..Default::default()
        }
        .validate()?;
        let t = Instant::now();
        let page = store::page(conn, &f, None, alongside_core::wins::PAGE_SIZE)?;
        out.push(t.elapsed());
        assert!(
            !page.wins.is_empty(),
            "{}: {} in the index",
            queries[i % queries.len()],
            conn.query_row(
                "SELECT count(*) FROM wins_fts WHERE wins_fts MATCH ?1",
                [queries[i % queries.len()]],
                |r| r.get::<_, i64>(0)
            )?
        );
    }
    Ok(out)
}

fn search_once(conn: &Connection) -> Result<Option<Duration>, Box<dyn std::error::Error>> {
    let f = WinFilter {
        search: Some("guitar".into()),
        ..Default::default()
    }
    .validate()?;
    let t = Instant::now();
    let page = store::page(conn, &f, None, alongside_core::wins::PAGE_SIZE)?;
    let took = t.elapsed();
    assert!(!page.wins.is_empty());
    Ok(Some(took))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let plain_dir = tempfile::tempdir()?;
    let plain_path = plain_dir.path().join(DB_FILE);
    seed(&mut open_plain(&plain_path)?)?;

    // The encrypted copy is made the way an existing caregiver's file is upgraded.
    let enc_dir = tempfile::tempdir()?;
    std::fs::copy(&plain_path, enc_dir.path().join(DB_FILE))?;
    let keystore = MemoryKeyStore::new();
    let t = Instant::now();
    let first = Database::open(
        enc_dir.path().to_path_buf(),
        db::DEFAULT_BUSY_TIMEOUT,
        keystore.clone(),
    );
    println!(
        "upgrading the plain file with {WINS} wins to an encrypted one: {:.2} s",
        t.elapsed().as_secs_f64()
    );
    assert!(first.is_open(), "the upgrade worked");
    // As after the first start: the recovery code was written down, so no new one is made.
    protection::api::recovery_code_saved(&first)?;
    let key = first.key()?;
    drop(first);

    let mut plain_opens = Vec::with_capacity(OPENS);
    let mut enc_opens = Vec::with_capacity(OPENS);
    let mut app_opens = Vec::with_capacity(OPENS);
    for _ in 0..OPENS {
        let t = Instant::now();
        drop(open_plain(&plain_path)?);
        plain_opens.push(t.elapsed());
        let t = Instant::now();
        drop(db::open_in(enc_dir.path(), &key, db::DEFAULT_BUSY_TIMEOUT)?);
        enc_opens.push(t.elapsed());
        let t = Instant::now();
        let app = Database::open(
            enc_dir.path().to_path_buf(),
            db::DEFAULT_BUSY_TIMEOUT,
            keystore.clone() as Arc<_>,
        );
        app_opens.push(t.elapsed());
        assert!(app.is_open());
    }
    let a = report("open, plain (before)", plain_opens);
    let b = report("open, encrypted", enc_opens);
    report("open as at start (key file + key store + open)", app_opens);
    println!("  encryption adds {:.2} ms to opening the data", b - a);

    let a = report(
        "search 100,000 wins, plain (before)",
        search(&open_plain(&plain_path)?)?,
    );
    let conn = db::open_in(enc_dir.path(), &key, db::DEFAULT_BUSY_TIMEOUT)?.conn;
    let b = report("search 100,000 wins, encrypted", search(&conn)?);
    println!(
        "  encryption adds {:.2} ms to a search ({:.0} %)",
        b - a,
        (b / a - 1.0) * 100.0
    );

    // A fresh connection each time: its page cache starts empty, so every page the search reads
    // is read from the file and, when encrypted, decrypted and checked.
    let mut plain_cold = Vec::new();
    let mut enc_cold = Vec::new();
    for _ in 0..OPENS {
        let c = open_plain(&plain_path)?;
        plain_cold.extend(search_once(&c)?);
        let c = db::open_in(enc_dir.path(), &key, db::DEFAULT_BUSY_TIMEOUT)?.conn;
        enc_cold.extend(search_once(&c)?);
    }
    let a = report("search, fresh connection, plain (before)", plain_cold);
    let b = report("search, fresh connection, encrypted", enc_cold);
    println!(
        "  encryption adds {:.2} ms to a first search ({:.0} %)",
        b - a,
        (b / a - 1.0) * 100.0
    );

    let slot = protection::wrap_passphrase(&key, "a long walk home")?;
    let mut unlocks = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let k = protection::unwrap_passphrase(&slot, "a long walk home")?;
        unlocks.push(t.elapsed());
        assert!(k.is_some());
    }
    report("unlock with the passphrase (Argon2id)", unlocks);
    let code = protection::new_recovery_code()?;
    let slot = protection::wrap_recovery(&key, &code)?;
    let mut unlocks = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        assert!(protection::unwrap_recovery(&slot, &code)?.is_some());
        unlocks.push(t.elapsed());
    }
    report("unlock with the recovery code (Argon2id)", unlocks);

    // The real key store, when there is one (run inside `tests/keyring-session.sh`).
    use alongside_core::protection::keystore::{KeyStore, SystemKeyStore};
    let id = format!("bench-{}", std::process::id());
    if SystemKeyStore.set(&id, key.bytes()).is_ok() {
        let mut gets = Vec::new();
        for _ in 0..OPENS {
            let t = Instant::now();
            assert!(SystemKeyStore.get(&id).is_ok());
            gets.push(t.elapsed());
        }
        report("key from the Secret Service (GNOME Keyring)", gets);
        let _ = SystemKeyStore.delete(&id);
    } else {
        println!("key from the Secret Service: skipped (no Secret Service here)");
    }
    Ok(())
}
