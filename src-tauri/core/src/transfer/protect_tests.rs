//! A file protected with a passphrase: it reads back whole with the passphrase, shows none of
//! its words without it, and every refusal (no passphrase, the wrong one, a damaged file)
//! changes nothing.

use std::path::{Path, PathBuf};

use super::api::{export_everything, export_text, import_everything};
use super::protect::{self, ARMOR_BEGIN, PASSPHRASE_MAX};
use super::{MAX_BYTES, SCHEMA};
use crate::db::{Database, DEFAULT_BUSY_TIMEOUT};
use crate::error::Error;
use crate::people::{self, Condition, PersonInput, Relationship};
use crate::wins::{self, WinInput};

const AT: &str = "2026-12-03T10:00:00Z";
const WIN: &str = "Ama walked to the bakery on her own and chatted with the baker";
const NOTE: &str = "She laughed at the dog in the park for the first time since spring";
const PASSPHRASE: &str = "blue kettle on a quiet morning";

fn on_disk() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().expect("dir");
    let db = Database::open(
        dir.path().to_path_buf(),
        DEFAULT_BUSY_TIMEOUT,
        crate::protection::keystore::for_tests(),
    );
    (dir, db)
}

/// A caregiver's records: one person and a win with a note.
fn with_a_win() -> (tempfile::TempDir, Database) {
    let (dir, db) = on_disk();
    let person = people::api::add_person(
        &db,
        PersonInput {
            name: "Ama".into(),
            relationship: Relationship::Child,
            conditions: vec![Condition::Depression],
        },
    )
    .expect("person");
    wins::api::add_win(
        &db,
        WinInput {
            person_id: person.id,
            text: WIN.into(),
            happened_on: "2026-11-20".into(),
            tags: vec!["social".into()],
            note: Some(NOTE.into()),
        },
    )
    .expect("win");
    (dir, db)
}

fn files_in(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
}

fn field_and_message(err: &Error) -> (Option<&'static str>, String) {
    match err {
        Error::Invalid { field, message } => (*field, message.clone()),
        other => panic!("expected words for the caregiver, got {other:?}"),
    }
}

/// An export of `db` into a new folder, with the text of the one file saved.
fn exported(db: &Database, passphrase: Option<&str>) -> (tempfile::TempDir, PathBuf, String) {
    let downloads = tempfile::tempdir().expect("downloads");
    let done = export_everything(db, downloads.path(), passphrase).expect("exported");
    assert_eq!(done.protected, passphrase.is_some());
    let path = PathBuf::from(done.path);
    let text = std::fs::read_to_string(&path).expect("saved");
    (downloads, path, text)
}

#[test]
fn a_protected_file_reads_back_whole_with_its_passphrase() {
    let (_dir, db) = with_a_win();
    let (_downloads, path, text) = exported(&db, Some(PASSPHRASE));
    let name = path.file_name().and_then(|n| n.to_str()).expect("name");
    assert!(name.starts_with("alongside-everything-") && name.ends_with(".age"));
    assert!(text.starts_with(ARMOR_BEGIN));
    assert!(text
        .trim_end()
        .ends_with("-----END AGE ENCRYPTED FILE-----"));

    let (_other, b) = on_disk();
    let done = import_everything(&b, &text, Some(PASSPHRASE), false).expect("opens");
    assert_eq!(done.counts.wins, 1);
    assert_eq!(
        export_text(&b, AT).expect("export"),
        export_text(&db, AT).expect("export"),
        "every record came back as written"
    );
}

#[test]
fn a_protected_file_shows_none_of_its_words() {
    let (_dir, db) = with_a_win();
    let (_downloads, path, _) = exported(&db, Some(PASSPHRASE));
    let bytes = std::fs::read(&path).expect("saved");
    let contains = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
    for secret in [
        WIN,
        NOTE,
        "bakery",
        "Ama",
        "alongside-everything",
        "depression",
    ] {
        assert!(!contains(secret), "the file must not show {secret:?}");
    }
    let (_plain_downloads, _, plain) = exported(&db, None);
    assert!(
        plain.contains(WIN) && plain.contains(NOTE),
        "the same words are in the data"
    );
}

#[test]
fn a_plain_export_is_still_the_json_file() {
    let (_dir, db) = with_a_win();
    let (_downloads, path, text) = exported(&db, None);
    assert_eq!(path.extension().and_then(|e| e.to_str()), Some("json"));
    assert!(text.contains(WIN));
    let (_other, b) = on_disk();
    import_everything(&b, &text, None, false).expect("imports");
    assert_eq!(
        export_text(&b, AT).expect("export"),
        export_text(&db, AT).expect("export")
    );
    let (_again, c) = on_disk();
    import_everything(&c, &text, Some("a passphrase it does not need"), false)
        .expect("a passphrase is not needed for a plain file");
}

#[test]
fn exports_never_overwrite_each_other() {
    let (_dir, db) = with_a_win();
    let downloads = tempfile::tempdir().expect("downloads");
    let first = export_everything(&db, downloads.path(), Some(PASSPHRASE)).expect("first");
    let second = export_everything(&db, downloads.path(), Some(PASSPHRASE)).expect("second");
    assert_ne!(first.path, second.path);
    assert!(second.path.ends_with("-2.age"));
    assert_eq!(files_in(downloads.path()).len(), 2);
}

#[test]
fn a_passphrase_is_used_without_spaces_at_its_ends() {
    let (_dir, db) = with_a_win();
    let (_downloads, _, text) = exported(&db, Some("  blue kettle  "));
    let (_other, b) = on_disk();
    import_everything(&b, &text, Some("blue kettle"), false).expect("opens without the spaces");
}

#[test]
fn a_passphrase_that_is_too_short_long_or_hidden_saves_nothing() {
    let (_dir, db) = with_a_win();
    let downloads = tempfile::tempdir().expect("downloads");
    let too_long = "a".repeat(PASSPHRASE_MAX + 1);
    for (typed, words) in [
        ("", "Please add a passphrase"),
        ("        ", "Please add a passphrase"),
        ("kettle", "at least 8 characters (this one has 6)"),
        ("  kettle  ", "at least 8 characters (this one has 6)"),
        (too_long.as_str(), "1000 characters or fewer"),
        ("blue\nkettle on", "one line"),
        ("blue\u{202E}kettle on", "hidden character"),
    ] {
        let err = export_everything(&db, downloads.path(), Some(typed)).expect_err(typed);
        let (field, message) = field_and_message(&err);
        assert_eq!(field, Some("passphrase"), "{typed:?}");
        assert!(message.contains(words), "{typed:?}: {message}");
    }
    assert!(files_in(downloads.path()).is_empty(), "nothing was saved");
    assert!(
        protect::new_passphrase("ünïcödé").is_err(),
        "7 characters, more bytes"
    );
    assert_eq!(
        protect::new_passphrase("ünïcödé!").expect("8 characters"),
        "ünïcödé!"
    );
}

/// Imports `text` over `db`'s records (asked to replace them) and checks it is refused with
/// `field` and words containing `words`, and that nothing changed.
fn refused(
    db: &Database,
    dir: &Path,
    text: &str,
    passphrase: Option<&str>,
    field: &str,
    words: &str,
) {
    let before = export_text(db, AT).expect("export");
    let err = import_everything(db, text, passphrase, true).expect_err("refused");
    let (f, message) = field_and_message(&err);
    assert_eq!(f, Some(field), "{message}");
    assert!(message.contains(words), "{message}");
    assert!(message.ends_with("Nothing was changed."), "{message}");
    assert_eq!(
        export_text(db, AT).expect("export"),
        before,
        "nothing changed"
    );
    assert!(!dir.join("backups").exists(), "not even a safety copy");
}

#[test]
fn without_its_passphrase_a_protected_file_changes_nothing() {
    let (_dir, db) = with_a_win();
    let (_downloads, _, text) = exported(&db, Some(PASSPHRASE));
    let (dir, other) = on_disk();
    people::api::add_person(
        &other,
        PersonInput {
            name: "Kofi".into(),
            relationship: Relationship::Partner,
            conditions: vec![],
        },
    )
    .expect("records already here");
    let missing = "This file is protected with a passphrase. Please type it to open the file. Nothing was changed.";
    for none in [None, Some(""), Some("   ")] {
        refused(&other, dir.path(), &text, none, "passphrase", missing);
    }
    for wrong in [
        "blue kettle on a quiet evening",
        "Blue kettle on a quiet morning",
        "x",
    ] {
        refused(
            &other,
            dir.path(),
            &text,
            Some(wrong),
            "passphrase",
            "That passphrase does not open this file.",
        );
    }
    let too_long = "a".repeat(PASSPHRASE_MAX + 1);
    refused(
        &other,
        dir.path(),
        &text,
        Some(&too_long),
        "passphrase",
        "1000 characters or fewer",
    );
}

#[test]
fn a_damaged_protected_file_is_refused_and_changes_nothing() {
    let (_dir, db) = with_a_win();
    let (_downloads, _, text) = exported(&db, Some(PASSPHRASE));
    let (dir, other) = with_a_win();
    let damaged = "This protected file could not be opened: it may be cut short or damaged.";

    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() > 6, "a file of several lines");
    let cut_short = lines[..lines.len() / 2].join("\n") + "\n";
    refused(
        &other,
        dir.path(),
        &cut_short,
        Some(PASSPHRASE),
        "import",
        damaged,
    );

    let without_end = lines[..lines.len() - 1].join("\n") + "\n";
    refused(
        &other,
        dir.path(),
        &without_end,
        Some(PASSPHRASE),
        "import",
        damaged,
    );

    // One character changed in the encrypted body (the header stays readable).
    let mut changed: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    let at = lines.len() - 3;
    let flipped: String = changed[at]
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i == 10 {
                if c == 'A' {
                    'B'
                } else {
                    'A'
                }
            } else {
                c
            }
        })
        .collect();
    changed[at] = flipped;
    let changed = changed.join("\n") + "\n";
    assert_ne!(changed, text);
    refused(
        &other,
        dir.path(),
        &changed,
        Some(PASSPHRASE),
        "import",
        damaged,
    );

    let not_armor =
        format!("{ARMOR_BEGIN}\nthis is not what age writes\n-----END AGE ENCRYPTED FILE-----\n");
    refused(
        &other,
        dir.path(),
        &not_armor,
        Some(PASSPHRASE),
        "import",
        damaged,
    );
}

#[test]
fn age_files_alongside_cannot_open_are_refused_with_what_to_do() {
    let (dir, db) = with_a_win();
    let json = export_text(&db, AT).expect("export");
    let key = age::x25519::Identity::generate();
    let to_a_key = age::encrypt_and_armor(&key.to_public(), json.as_bytes()).expect("sealed");
    refused(
        &db,
        dir.path(),
        &to_a_key,
        Some(PASSPHRASE),
        "import",
        "an age key rather than a passphrase",
    );

    let binary = "age-encryption.org/v1\n-> scrypt abc 10\nxyz\n--- mac\n\u{FFFD}\u{FFFD}";
    refused(
        &db,
        dir.path(),
        binary,
        Some(PASSPHRASE),
        "import",
        "binary form",
    );
}

#[test]
fn what_a_protected_file_holds_passes_every_check_of_a_plain_one() {
    let (dir, db) = with_a_win();
    let sealed = |plain: &str| protect::seal(plain, PASSPHRASE).expect("sealed");

    let not_ours = sealed("{\"format\": \"something else\", \"schema\": 1}");
    refused(
        &db,
        dir.path(),
        &not_ours,
        Some(PASSPHRASE),
        "import",
        "not a file Alongside made",
    );

    let newer = export_text(&db, AT).expect("export").replace(
        &format!("\"schema\": {SCHEMA}"),
        &format!("\"schema\": {}", SCHEMA + 1),
    );
    refused(
        &db,
        dir.path(),
        &sealed(&newer),
        Some(PASSPHRASE),
        "import",
        "newer version",
    );

    let hidden = export_text(&db, AT)
        .expect("export")
        .replace(WIN, "Ama\u{202E} walked");
    refused(
        &db,
        dir.path(),
        &sealed(&hidden),
        Some(PASSPHRASE),
        "import",
        "hidden character",
    );

    let other = on_disk();
    let err = import_everything(
        &other.1,
        &sealed("not json at all"),
        Some(PASSPHRASE),
        false,
    )
    .expect_err("refused");
    assert!(err.caregiver_message().contains("cut short or damaged"));
}

#[test]
fn what_a_protected_file_holds_is_held_to_the_size_limit() {
    let (dir, db) = with_a_win();
    let huge = " ".repeat(MAX_BYTES + 1);
    let sealed = protect::seal(&huge, PASSPHRASE).expect("sealed");
    refused(
        &db,
        dir.path(),
        &sealed,
        Some(PASSPHRASE),
        "import",
        "too large",
    );
}

/// The armored file's bytes, unarmored.
fn unarmored(armored: &str) -> Vec<u8> {
    let mut raw = Vec::new();
    std::io::Read::read_to_end(
        &mut age::armor::ArmoredReader::new(armored.as_bytes()),
        &mut raw,
    )
    .expect("armor reads");
    raw
}

/// The armored file with `from` changed to `to` in its header (the text up to and with its
/// MAC line), armored again.
fn with_header_changed(armored: &str, from: &str, to: &str) -> String {
    let raw = unarmored(armored);
    let mac = raw.windows(4).position(|w| w == b"--- ").expect("MAC line");
    let end = mac
        + raw[mac..]
            .iter()
            .position(|b| *b == b'\n')
            .expect("header end");
    let header = std::str::from_utf8(&raw[..end]).expect("header text");
    assert!(header.contains(from), "{header}");
    let mut changed = header.replacen(from, to, 1).into_bytes();
    changed.extend_from_slice(&raw[end..]);
    let mut out = Vec::new();
    let mut w = age::armor::ArmoredWriter::wrap_output(&mut out, age::armor::Format::AsciiArmor)
        .expect("armor writer");
    std::io::Write::write_all(&mut w, &changed).expect("write");
    w.finish().expect("finish");
    String::from_utf8(out).expect("armored text")
}

#[test]
fn a_file_that_would_take_too_long_to_open_is_refused_before_the_work() {
    let (dir, db) = with_a_win();
    let (_downloads, _, text) = exported(&db, Some(PASSPHRASE));
    // Work factor 10 (the tests' own) becomes 40: a billion times the work, refused at once.
    let heavy = with_header_changed(&text, " 10\n", " 40\n");
    let started = std::time::Instant::now();
    refused(
        &db,
        dir.path(),
        &heavy,
        Some(PASSPHRASE),
        "import",
        "much faster computer",
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

#[test]
fn a_file_whose_header_was_changed_is_refused_as_damaged_even_with_its_passphrase() {
    let (dir, db) = with_a_win();
    let (_downloads, _, text) = exported(&db, Some(PASSPHRASE));
    let raw = unarmored(&text);
    let at = raw.windows(4).position(|w| w == b"--- ").expect("MAC line") + 4;
    let was = char::from(raw[at]);
    let now = if was == 'A' { 'B' } else { 'A' };
    let changed = with_header_changed(&text, &format!("--- {was}"), &format!("--- {now}"));
    refused(
        &db,
        dir.path(),
        &changed,
        Some(PASSPHRASE),
        "import",
        "cut short or damaged",
    );
    assert!(
        import_everything(&db, &text, Some(PASSPHRASE), true).is_ok(),
        "the unchanged file opens"
    );
}
