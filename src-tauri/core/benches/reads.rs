//! Every read a screen makes when it opens, on ten years of one family's records (see
//! `support/ten_years.rs`), in an encrypted data folder opened as the app opens it (key file,
//! key from the key store, SQLCipher). Each read is called through the same core function its
//! app command calls, 300 times after a warm-up; the goal is a p99 of 10 ms or less.
//! Run: `cargo bench -p alongside-core --bench reads` (`ALONGSIDE_SEED=<n>` for another family).

#[path = "support/ten_years.rs"]
mod ten_years;

use std::time::{Duration, Instant};

use alongside_core::db::{self, Database};
use alongside_core::protection::keystore::MemoryKeyStore;
use alongside_core::wins::{Cursor, WinFilter};
use alongside_core::{
    backup, crisis, learn, people, practices, protection, readiness, reminders, settings, startup,
    strain, today, wins,
};

const RUNS: usize = 300;
const WARM_UP: usize = 10;
const GOAL_MS: f64 = 10.0;

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1e3
}

struct Bench {
    rows: Vec<(String, f64, f64)>,
}

impl Bench {
    /// Times `f` (`RUNS` calls after a warm-up); `i` is the call's number, to vary its input.
    fn time<T>(
        &mut self,
        name: &str,
        mut f: impl FnMut(usize) -> alongside_core::Result<T>,
    ) -> ten_years::Res<()> {
        for i in 0..WARM_UP {
            f(i)?;
        }
        let mut samples = Vec::with_capacity(RUNS);
        for i in 0..RUNS {
            let t = Instant::now();
            let out = f(i)?;
            samples.push(t.elapsed());
            drop(out);
        }
        samples.sort();
        let (p50, p99) = (percentile(&samples, 0.5), percentile(&samples, 0.99));
        let flag = if p99 > GOAL_MS { "  over the goal" } else { "" };
        println!("{name:<44} p50 {p50:>7.2} ms   p99 {p99:>7.2} ms{flag}");
        self.rows.push((name.to_owned(), p50, p99));
        Ok(())
    }
}

fn main() -> ten_years::Res<()> {
    let seed = std::env::var("ALONGSIDE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(ten_years::DEFAULT_SEED);
    let dir = tempfile::tempdir()?;
    let store = MemoryKeyStore::new();
    let t = Instant::now();
    let report = ten_years::make_folder(
        dir.path(),
        seed,
        ten_years::default_until(),
        &ten_years::Sizes::ten_years(),
        ten_years::Protection::Memory(store.clone()),
    )?;
    println!(
        "wrote ten years in {:.1} s\n{report}",
        t.elapsed().as_secs_f64()
    );

    // Opened as the app opens it at start: key file, key from the key store, key check.
    let db = Database::open(dir.path().to_path_buf(), db::DEFAULT_BUSY_TIMEOUT, store);
    assert!(db.is_open(), "the ten-year folder opens with its key");
    let learn_index = learn::api::LearnIndex::default();
    let backups = backup::api::Backups::default();
    let people = people::api::list_people(&db)?;
    assert_eq!(people.len(), 3);
    let words = ten_years::Vocabulary::new();

    let mut b = Bench { rows: Vec::new() };
    println!("\nEvery read on screen open, {RUNS} runs each (warm), goal p99 ≤ {GOAL_MS} ms:");
    // Start and the header.
    b.time("app status (start)", |_| Ok(startup::status(&db)))?;
    b.time("protection status (start)", |_| {
        Ok(protection::api::status(&db))
    })?;
    b.time("profile (start, Settings)", |_| {
        settings::api::get_profile(&db)
    })?;
    b.time("people (start, every screen)", |_| {
        people::api::list_people(&db)
    })?;
    b.time("reminders due now (start, header)", |_| {
        reminders::api::due_now(&db)
    })?;
    // Today.
    b.time("Today: the today plan", |_| today::api::today_plan(&db))?;
    b.time("Today: wins on this day", |_| {
        wins::api::wins_on_this_day(&db)
    })?;
    b.time("Today: practices", |_| Ok(practices::api::list_practices()))?;
    // Learn.
    b.time("Learn: library", |_| learn::api::learn_library(&db))?;
    let learn_queries = [
        "sleep",
        "medication",
        "hearing voices",
        "boundaries",
        "crisis plan",
    ];
    b.time("Learn: search", |i| {
        learn::api::learn_search(
            &learn_index,
            learn_queries[i % learn_queries.len()].to_owned(),
        )
    })?;
    let slugs: Vec<String> = learn::cards().iter().map(|c| c.slug.clone()).collect();
    b.time("Learn: a card", |i| {
        learn::api::learn_card(&db, slugs[i % slugs.len()].clone())
    })?;
    // Wins.
    let all = WinFilter::default();
    b.time("Wins: timeline, first page", |_| {
        wins::api::list_wins(&db, all.clone(), None)
    })?;
    let first = wins::api::list_wins(&db, all.clone(), None)?;
    let next: Option<Cursor> = first.next.clone();
    b.time("Wins: timeline, next page", |_| {
        wins::api::list_wins(&db, all.clone(), next.clone())
    })?;
    // Searches across the vocabulary: very common, common, uncommon and rare words, a word
    // from a win's opening, and two words together.
    let queries: Vec<String> = vec![
        words_at(&words, 20),
        words_at(&words, 200),
        words_at(&words, 1_000),
        words_at(&words, 2_500),
        "guitar".into(),
        "river walk".into(),
        "therapy".into(),
        format!("{} {}", words_at(&words, 60), words_at(&words, 400)),
    ];
    println!("  (searches: {})", queries.join(", "));
    b.time("Wins: search, first page", |i| {
        let f = WinFilter {
            search: Some(queries[i % queries.len()].clone()),
            ..Default::default()
        };
        wins::api::list_wins(&db, f, None)
    })?;
    b.time("Wins: one person's, first page", |i| {
        let f = WinFilter {
            person_id: Some(people[i % people.len()].id),
            ..Default::default()
        };
        wins::api::list_wins(&db, f, None)
    })?;
    b.time("Wins: one tag's, first page", |i| {
        let f = WinFilter {
            tag: Some(["social", "music", "family"][i % 3].into()),
            ..Default::default()
        };
        wins::api::list_wins(&db, f, None)
    })?;
    b.time("Wins: tags", |_| wins::api::list_tags(&db))?;
    // Be ready.
    b.time("Be ready: crisis and safety plan", |i| {
        readiness::api::get_crisis_plan(&db, people[i % people.len()].id, "GB".into())
    })?;
    b.time("Be ready: an earlier plan version", |i| {
        readiness::api::get_safety_plan_version(
            &db,
            people[i % people.len()].id,
            1 + (i % 5) as i64,
        )
    })?;
    b.time("Be ready / For you: caregiver card", |_| {
        readiness::api::get_caregiver_card(&db)
    })?;
    b.time("Crisis help", |_| Ok(crisis::api::crisis_help("GB".into())))?;
    // For you.
    b.time("For you: strain overview", |_| {
        strain::api::strain_overview(&db)
    })?;
    b.time("For you: self-checks", |_| {
        Ok(strain::api::list_self_checks())
    })?;
    // Practices.
    b.time("Practices: practice log", |_| {
        practices::api::practice_log(&db)
    })?;
    // Reminders.
    b.time("Reminders: list", |_| reminders::api::list_reminders(&db))?;
    b.time("Reminders: settings", |_| {
        reminders::api::get_reminder_settings(&db)
    })?;
    // Settings.
    b.time("Settings: backups", |_| {
        backup::api::backup_status(&db, &backups)
    })?;
    b.time("Settings: regions", |_| Ok(crisis::api::crisis_regions()))?;

    let over: Vec<_> = b.rows.iter().filter(|r| r.2 > GOAL_MS).collect();
    println!(
        "\n{} reads, {} over the goal{}",
        b.rows.len(),
        over.len(),
        over.iter()
            .map(|r| format!("\n  {} (p99 {:.2} ms)", r.0, r.2))
            .collect::<String>()
    );
    Ok(())
}

/// The word at `rank` in the vocabulary (0 is the most used).
fn words_at(words: &ten_years::Vocabulary, rank: usize) -> String {
    words.at(rank.min(words.len() - 1)).to_owned()
}
