//! Export → import → export gives the same file; broken files are refused with words and
//! change nothing; an import over data makes a safety copy first; erase removes only its own
//! files.

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::{json, Value};

use super::api::{data_summary, erase_everything, export_text, import_everything};
use super::{File, Kind, FORMAT, MAX_BYTES, NOT_EXPORTED, SCHEMA, TABLES};
use crate::db::{open_in_memory, Database, DEFAULT_BUSY_TIMEOUT};
use crate::error::Error;

const AT: &str = "2026-12-03T10:00:00Z";

/// A small deterministic random source, so proptest drives whole data sets from a seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "Sam",
    "Zoë",
    "漢字のテスト",
    "Ama 😀 walked",
    "a",
    "O'Neil – café",
    "👨‍👩‍👧 family",
];

fn one_line(r: &mut Rng, max: usize) -> String {
    match r.below(5) {
        0 => "é".repeat(max),
        1 => "😀".repeat(max),
        _ => r.pick(WORDS).chars().take(max).collect(),
    }
}

fn lines(r: &mut Rng, max: usize) -> String {
    match r.below(4) {
        0 => "ü".repeat(max),
        1 => one_line(r, max),
        _ => format!("{}\n{}", one_line(r, 20), one_line(r, 20)),
    }
}

fn day(r: &mut Rng) -> String {
    format!(
        "{}-{:02}-{:02}",
        1900 + r.below(301),
        1 + r.below(12),
        1 + r.below(28)
    )
}

fn stamp(r: &mut Rng) -> String {
    format!("{}T{:02}:{:02}:00Z", day(r), r.below(24), r.below(60))
}

fn words_for(kind_table: &str, col: &str) -> &'static [&'static str] {
    match (kind_table, col) {
        ("profile", "region") => &["US", "GB", "CA"],
        ("people", "relationship") => &["child", "partner", "other_family"],
        ("person_conditions", "condition") => &["depression", "bipolar", "not_sure", "ptsd"],
        ("daily_checks", "sleep") => &["poor", "okay", "good"],
        ("listening_moments", "listened") => &["yes", "partly", "no"],
        ("checkins", "how") => &["message", "call", "in_person", "other"],
        ("care_contacts", "kind") => &["clinician", "service", "pharmacy", "other"],
        ("boundaries", "whose") => &["theirs", "mine"],
        ("suggestion_marks", "state") => &["done", "not_today"],
        ("reminders", "purpose") => &[
            "check_in",
            "appointment",
            "self_care",
            "self_check",
            "custom",
        ],
        ("due_items", "state") => &["due", "missed", "snoozed", "done", "skipped"],
        ("circle_members", "tie") => &["family", "friend", "peer", "care_team"],
        ("circle_members", "feels") => &["helps", "mixed", "hard"],
        ("circle_member_kinds", "kind") => &["emotional", "practical", "peer"],
        ("circle_connections", "what") => &["met_up", "talked", "group", "activity"],
        ("shared_records", "kind") => &["wins", "checkins", "safety_plan", "tasks"],
        ("shared_records", "share_id" | "origin") => &["0a1b", "ff00", "abcdef"],
        _ => &["phq-9", "gad-7", "idea:walk", "mild", "a-card"],
    }
}

/// A whole valid data set with every kind of record (some tables empty now and then).
fn data_set(seed: u64) -> File {
    let mut r = Rng(seed | 1);
    let mut tables: BTreeMap<String, Vec<BTreeMap<String, Value>>> = BTreeMap::new();
    let mut ids: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    for t in TABLES {
        let singleton = t.columns[0].1.is_singleton();
        let n = if singleton { r.below(2) } else { r.below(4) };
        let mut rows = Vec::new();
        for i in 0..n as i64 {
            let mut row = BTreeMap::new();
            let mut ok = true;
            for (col, kind) in t.columns {
                let unique_part = t.unique.iter().any(|u| u.contains(col));
                let v = match *kind {
                    Kind::Id => json!(i * 3 + 1),
                    Kind::Ref(p) | Kind::OptRef(p) => {
                        let parents = ids.get(p).cloned().unwrap_or_default();
                        if parents.is_empty() {
                            if matches!(kind, Kind::Ref(_)) {
                                ok = false;
                            }
                            Value::Null
                        } else if unique_part {
                            // Keys made of references stay unique: one row per parent.
                            match parents.get(i as usize) {
                                Some(id) => json!(id),
                                None => {
                                    ok = false;
                                    Value::Null
                                }
                            }
                        } else if matches!(kind, Kind::OptRef(_)) && r.below(3) == 0 {
                            Value::Null
                        } else {
                            json!(r.pick(&parents))
                        }
                    }
                    Kind::Text(max) => json!(if unique_part {
                        format!("{}{i}", one_line(&mut r, 5))
                    } else {
                        one_line(&mut r, max)
                    }),
                    Kind::Lines(max) | Kind::AnyLines(max) => json!(lines(&mut r, max)),
                    Kind::OptText(max) => {
                        if r.below(3) == 0 {
                            Value::Null
                        } else {
                            json!(one_line(&mut r, max))
                        }
                    }
                    Kind::OptLines(max) => {
                        if r.below(3) == 0 {
                            Value::Null
                        } else {
                            json!(lines(&mut r, max))
                        }
                    }
                    Kind::Day | Kind::OptDay => json!(if unique_part {
                        format!("2026-01-{:02}", i + 1)
                    } else {
                        day(&mut r)
                    }),
                    Kind::Stamp => json!(if unique_part {
                        format!("2026-01-{:02}T09:00:00Z", i + 1)
                    } else {
                        stamp(&mut r)
                    }),
                    Kind::OptStamp => {
                        if r.below(2) == 0 {
                            Value::Null
                        } else {
                            json!(stamp(&mut r))
                        }
                    }
                    Kind::Minute => json!(format!("{}T{:02}:30", day(&mut r), r.below(24))),
                    Kind::OptClock => {
                        if r.below(3) == 0 {
                            Value::Null
                        } else {
                            json!(format!("{:02}:{:02}", r.below(24), r.below(60)))
                        }
                    }
                    Kind::Word(_) | Kind::OptWord(_) => {
                        let w = words_for(t.name, col);
                        if matches!(kind, Kind::OptWord(_)) && r.below(3) == 0 {
                            Value::Null
                        } else if unique_part {
                            json!(format!("{}{i}", r.pick(w)))
                        } else {
                            json!(r.pick(w))
                        }
                    }
                    Kind::Int(lo, hi) | Kind::OptInt(lo, hi) => {
                        if matches!(kind, Kind::OptInt(..)) && r.below(3) == 0 {
                            Value::Null
                        } else if unique_part && lo != hi {
                            json!(lo.saturating_add(i))
                        } else {
                            json!(lo.saturating_add(
                                r.below(hi.saturating_sub(lo).min(100) as u64 + 1) as i64
                            ))
                        }
                    }
                    Kind::OptReal(lo, hi) => {
                        if r.below(3) == 0 {
                            Value::Null
                        } else {
                            json!(lo + (r.below(((hi - lo) * 2.0) as u64 + 1) as f64) / 2.0)
                        }
                    }
                };
                row.insert((*col).to_owned(), v);
            }
            // Conditions and the like are words from a list: a suffix would not be one.
            for (col, kind) in t.columns {
                if matches!(kind, Kind::Word(_)) && t.unique.iter().any(|u| u.contains(col)) {
                    let w = words_for(t.name, col);
                    if w.len() > i as usize && !matches!(t.name, "card_state" | "suggestion_marks")
                    {
                        row.insert((*col).to_owned(), json!(w[i as usize]));
                    }
                }
            }
            if ok {
                rows.push(row);
            }
        }
        if let Some(col) = t.columns.iter().find(|c| c.0 == "id") {
            let _ = col;
            ids.insert(
                t.name,
                rows.iter().filter_map(|x| x["id"].as_i64()).collect(),
            );
        }
        sort_like_sqlite(&mut rows, t.unique[0]);
        tables.insert(t.name.to_owned(), rows);
    }
    File {
        format: FORMAT.into(),
        schema: SCHEMA,
        exported_at: AT.into(),
        tables,
    }
}

fn sort_like_sqlite(rows: &mut [BTreeMap<String, Value>], key: &[&str]) {
    rows.sort_by(|a, b| {
        key.iter()
            .map(|k| match (&a[*k], &b[*k]) {
                (Value::Number(x), Value::Number(y)) => x.as_i64().cmp(&y.as_i64()),
                (Value::String(x), Value::String(y)) => x.as_bytes().cmp(y.as_bytes()),
                _ => std::cmp::Ordering::Equal,
            })
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
}

fn text_of(file: &File) -> String {
    serde_json::to_string_pretty(file).expect("json") + "\n"
}

fn fresh() -> Database {
    Database::from_connection(open_in_memory().expect("db"))
}

fn on_disk() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().expect("dir");
    let db = Database::open(
        dir.path().to_path_buf(),
        DEFAULT_BUSY_TIMEOUT,
        crate::protection::keystore::for_tests(),
    );
    (dir, db)
}

fn cases() -> u32 {
    std::env::var("ALONGSIDE_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn export_import_export_gives_the_same_file(seed in any::<u64>()) {
        let file = data_set(seed);
        let text = text_of(&file);
        let a = fresh();
        let imported = import_everything(&a, &text, None, false).expect("a valid file imports into an empty Alongside");
        prop_assert!(imported.safety_copy.is_none());
        let first = export_text(&a, AT).expect("export");
        prop_assert_eq!(&first, &text, "the import kept every record as written");
        let b = fresh();
        import_everything(&b, &first, None, false).expect("re-import");
        prop_assert_eq!(export_text(&b, AT).expect("export"), first);
        prop_assert_eq!(imported.counts.people as usize, file.tables["people"].len());
    }

    #[test]
    fn a_broken_file_is_refused_with_words_and_changes_nothing(seed in any::<u64>(), how in 0u8..12, at in any::<prop::sample::Index>()) {
        let db = fresh();
        import_everything(&db, &text_of(&data_set(seed)), None, false).expect("data to protect");
        let before = export_text(&db, AT).expect("export");
        let mut file = data_set(seed.wrapping_add(1));
        let good = text_of(&file);
        let broken = match how {
            0 => {
                let mut i = at.index(good.len() - 2);
                while !good.is_char_boundary(i) {
                    i -= 1;
                }
                good[..i].to_owned()
            }
            1 => {
                // Only characters that hold the structure: a colon inside a text is just text.
                let spots = structural(&good);
                let i = *at.get(&spots);
                format!("{}#{}", &good[..i], &good[i + 1..])
            }
            2 => r#"{"people": [{"name": "Sam"}]}"#.to_owned(),
            3 => good.replace(&format!("\"schema\": {SCHEMA}"), &format!("\"schema\": {}", SCHEMA + 1)),
            4 => { file.tables.get_mut("wins").expect("wins").push(row(&[("id", json!(9999)), ("person_id", json!(4242)), ("happened_on", json!("2026-01-01")), ("text", json!("ran")), ("note", Value::Null), ("created_at", json!(AT)), ("deleted_at", Value::Null)])); text_of(&file) }
            5 => { let p = person(7); file.tables.get_mut("people").expect("people").extend([p.clone(), p]); text_of(&file) }
            6 => { let mut p = person(1_000); p.insert("created_at".into(), json!("2026-02-30T10:00:00Z")); file.tables.get_mut("people").expect("people").push(p); text_of(&file) }
            7 => { let mut p = person(1_000); p.insert("name".into(), json!("x".repeat(81))); file.tables.get_mut("people").expect("people").push(p); text_of(&file) }
            8 => { let mut p = person(1_000); p.insert("nickname".into(), json!("S")); file.tables.get_mut("people").expect("people").push(p); text_of(&file) }
            9 => { file.tables.insert("secrets".into(), vec![]); text_of(&file) }
            10 => { file.tables.insert("signs_noticed".into(), vec![row(&[("id", json!(1)), ("person_id", json!(1)), ("noticed_on", json!("2026-13-01")), ("signs", json!("")), ("note", Value::Null), ("created_at", json!(AT))])]); file.tables.insert("people".into(), vec![person(1)]); text_of(&file) }
            _ => { let mut p = person(1_000); p.insert("name".into(), json!("Sam\u{202E}")); file.tables.get_mut("people").expect("people").push(p); text_of(&file) }
        };
        let err = import_everything(&db, &broken, None, true).expect_err("refused");
        prop_assert!(matches!(err, Error::Invalid { .. }), "a refusal in words, not {:?}", err);
        let words = err.caregiver_message();
        prop_assert!(words.contains("Nothing was changed"), "{}", words);
        prop_assert_eq!(export_text(&db, AT).expect("export"), before);
    }
}

/// Where the JSON's structure is: every quote, and braces, brackets and colons outside strings.
fn structural(json: &str) -> Vec<usize> {
    let (mut inside, mut escaped, mut out) = (false, false, Vec::new());
    for (i, c) in json.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if inside => escaped = true,
            '"' => {
                inside = !inside;
                out.push(i);
            }
            '{' | '}' | '[' | ']' | ':' if !inside => out.push(i),
            _ => {}
        }
    }
    out
}

fn row(cells: &[(&str, Value)]) -> BTreeMap<String, Value> {
    cells
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

fn person(id: i64) -> BTreeMap<String, Value> {
    row(&[
        ("id", json!(id)),
        ("name", json!("Sam")),
        ("relationship", json!("child")),
        ("created_at", json!(AT)),
        ("removed_at", Value::Null),
    ])
}

fn with_people(ids: &[i64]) -> String {
    let mut file = data_set(7);
    for t in file.tables.values_mut() {
        t.clear();
    }
    file.tables
        .insert("people".into(), ids.iter().map(|i| person(*i)).collect());
    text_of(&file)
}

#[test]
fn a_file_above_the_limit_is_refused_by_its_size() {
    let huge = " ".repeat(MAX_BYTES + 1);
    let db = fresh();
    let err = import_everything(&db, &huge, None, false).expect_err("too big");
    assert!(err.caregiver_message().contains("too large"));
}

#[test]
fn importing_over_data_asks_first_and_makes_a_safety_copy_before_changing_anything() {
    let (dir, db) = on_disk();
    import_everything(&db, &with_people(&[1, 2]), None, false).expect("first");
    assert!(data_summary(&db).expect("summary").has_data);
    let before = export_text(&db, AT).expect("export");

    let err = import_everything(&db, &with_people(&[5]), None, false).expect_err("asks first");
    assert!(err.caregiver_message().contains("confirm"));
    assert_eq!(export_text(&db, AT).expect("export"), before);
    assert!(
        !dir.path().join("backups").exists(),
        "no copy when nothing changed"
    );

    let done = import_everything(&db, &with_people(&[5]), None, true).expect("replaces");
    let copy = std::path::PathBuf::from(done.safety_copy.expect("a safety copy"));
    assert_eq!(copy.parent(), Some(dir.path().join("backups").as_path()));
    assert!(copy
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("before-import-")));
    let kept = rusqlite::Connection::open(&copy).expect("copy opens");
    let key = db.key().expect("key");
    kept.execute_batch(&format!("PRAGMA key = {}", key.sql_literal().as_str()))
        .expect("the safety copy opens with the data's key");
    let kept = Database::from_connection(kept);
    assert_eq!(
        export_text(&kept, AT).expect("copy reads"),
        before,
        "the copy holds what was there"
    );
    assert_eq!(data_summary(&db).expect("summary").counts.people, 1);
}

#[test]
fn erase_needs_the_word_then_removes_the_data_and_only_its_own_files() {
    let (dir, db) = on_disk();
    import_everything(&db, &with_people(&[1]), None, false).expect("data");
    import_everything(&db, &with_people(&[2]), None, true).expect("a safety copy");
    let d = dir.path();
    std::fs::write(d.join("notes.txt"), "mine").expect("w");
    std::fs::write(d.join("alongside.db.unreadable-20260101"), "old").expect("w");
    std::fs::write(d.join("backups/readme.txt"), "keep").expect("w");

    let err = erase_everything(&db, "erase please", true).expect_err("needs the word");
    assert!(err.caregiver_message().contains("ERASE"));
    assert_eq!(data_summary(&db).expect("summary").counts.people, 1);

    let erased = erase_everything(&db, "ERASE", false).expect("erased");
    assert_eq!(erased.backups_removed, 0);
    let after = data_summary(&db).expect("a fresh Alongside is open");
    assert!(!after.has_data, "back to the first run");
    let copies = std::fs::read_dir(d.join("backups")).expect("kept").count();
    assert_eq!(
        copies, 2,
        "the safety copy and the readme stay unless asked"
    );

    let erased = erase_everything(&db, " ERASE ", true).expect("erased with backups");
    assert_eq!(erased.backups_removed, 1);
    assert!(
        d.join("backups/readme.txt").exists(),
        "a file it does not own stays"
    );
    assert!(d.join("notes.txt").exists());
    assert_eq!(
        std::fs::read_to_string(d.join("alongside.db.unreadable-20260101")).expect("r"),
        "old"
    );
}

#[test]
fn the_data_file_its_wal_and_shm_are_removed_and_nothing_else() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    for f in [
        "alongside.db",
        "alongside.db-wal",
        "alongside.db-shm",
        "other.db",
        "alongside.db.bak",
    ] {
        std::fs::write(d.join(f), "x").expect("w");
    }
    std::fs::create_dir(d.join("backups")).expect("dir");
    std::fs::write(d.join("backups/a.db"), "x").expect("w");
    std::fs::create_dir(d.join("backups/inner.db")).expect("a folder, not a file");
    assert_eq!(
        super::store::remove_data_files(d, true).expect("removed"),
        1
    );
    for gone in [
        "alongside.db",
        "alongside.db-wal",
        "alongside.db-shm",
        "backups/a.db",
    ] {
        assert!(!d.join(gone).exists(), "{gone}");
    }
    for kept in ["other.db", "alongside.db.bak", "backups/inner.db"] {
        assert!(d.join(kept).exists(), "{kept}");
    }
}

#[test]
fn erase_is_refused_when_the_file_could_not_be_opened() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("alongside.db");
    rusqlite::Connection::open(&path)
        .expect("o")
        .execute_batch("PRAGMA user_version = 999;")
        .expect("newer");
    let before = std::fs::read(&path).expect("r");
    let db = Database::open(
        dir.path().to_path_buf(),
        DEFAULT_BUSY_TIMEOUT,
        crate::protection::keystore::for_tests(),
    );
    assert!(erase_everything(&db, "ERASE", true).is_err());
    assert_eq!(std::fs::read(&path).expect("still there"), before);
}

#[test]
fn every_table_of_the_schema_is_in_the_file_except_the_search_index() {
    let conn = open_in_memory().expect("db");
    let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'wins_fts%' ORDER BY name").expect("q");
    let mut names: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .expect("q")
        .map(|n| n.expect("n"))
        .collect();
    names.retain(|n| n != "wins_fts" && !NOT_EXPORTED.iter().any(|(t, _)| t == n));
    let mut ours: Vec<String> = TABLES.iter().map(|t| t.name.to_owned()).collect();
    ours.sort();
    assert_eq!(names, ours);
    for t in TABLES {
        let cols: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{}')", t.name))
            .expect("q")
            .query_map([], |r| r.get(0))
            .expect("q")
            .map(|c| c.expect("c"))
            .collect();
        let mine: Vec<&str> = t.columns.iter().map(|c| c.0).collect();
        assert_eq!(cols, mine, "every column of {}", t.name);
    }
}

#[test]
fn the_generated_data_sets_hold_every_kind_of_record() {
    for t in TABLES {
        let seen = (1..200u64).any(|seed| !data_set(seed).tables[t.name].is_empty());
        assert!(seen, "some data set has a {}", t.noun);
    }
}

#[test]
fn a_file_from_before_the_circle_of_support_still_imports() {
    let mut file = data_set(7);
    for (table, since) in super::ADDED_IN {
        assert!(*since <= SCHEMA, "{table}");
        file.tables.remove(*table);
    }
    file.schema = 1;
    let db = fresh();
    let imported = import_everything(&db, &text_of(&file), None, false)
        .expect("a version 1 file imports, with no circle in it");
    assert_eq!(imported.counts.people as usize, file.tables["people"].len());
    let now = export_text(&db, AT).expect("export");
    assert!(
        now.contains("\"circle_members\": []"),
        "written as version {SCHEMA}"
    );

    // The same file claiming to be of this version is missing parts: refused, nothing changed.
    file.schema = SCHEMA;
    let err = import_everything(&db, &text_of(&file), None, false).expect_err("refused");
    assert!(
        err.caregiver_message().contains("Nothing was changed"),
        "{err}"
    );
    assert_eq!(export_text(&db, AT).expect("export"), now);
}
