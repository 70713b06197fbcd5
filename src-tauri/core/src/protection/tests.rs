//! The key and its slots: wrapping, recovery codes, every way the key store can fail, the app
//! lock, the upgrade of a plain file, and proof that nothing written reaches the disk in plain.

use std::path::Path;
use std::sync::Arc;

use super::api::{self, ProtectionState};
use super::keystore::{KeyStore, MemoryKeyStore};
use super::*;
use crate::database::Database;
use crate::db::{DB_FILE, DEFAULT_BUSY_TIMEOUT};

const SENTENCE: &str = "Sam walked to the lighthouse with Grandad";

fn open(dir: &Path, ks: &Arc<MemoryKeyStore>) -> Database {
    let ks: Arc<dyn KeyStore> = ks.clone();
    Database::open(dir.to_path_buf(), DEFAULT_BUSY_TIMEOUT, ks)
}

fn state(db: &Database) -> ProtectionState {
    api::status(db).state
}

fn add_sentence(db: &Database) {
    db.with(|c| {
        c.execute(
            "INSERT INTO people (name, relationship, created_at) VALUES ('Sam', 'child', '2026-11-01T09:00:00Z')",
            [],
        )?;
        Ok(())
    })
    .expect("person");
    let person = db
        .with(|c| Ok(c.query_row("SELECT max(id) FROM people", [], |r| r.get(0))?))
        .expect("id");
    crate::wins::api::add_win(
        db,
        crate::wins::WinInput {
            person_id: person,
            text: "A good afternoon".into(),
            happened_on: crate::dates::today().format("%Y-%m-%d").to_string(),
            tags: vec![],
            note: Some(SENTENCE.into()),
        },
    )
    .expect("win");
}

fn has_sentence(db: &Database) -> bool {
    db.with(|c| {
        Ok(c.query_row(
            "SELECT count(*) FROM wins WHERE note = ?1",
            [SENTENCE],
            |r| r.get::<_, i64>(0),
        )?)
    })
    .expect("count")
        == 1
}

fn contains(path: &Path, needle: &[u8]) -> bool {
    std::fs::read(path).is_ok_and(|b| b.windows(needle.len()).any(|w| w == needle))
}

/// Every file under `dir`, at any depth.
fn every_file(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).expect("read").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(every_file(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_slot_opens_with_its_secret_only() {
    let key = DataKey::random().expect("key");
    let slot = wrap_passphrase(&key, "correct horse battery").expect("wrap");
    let back = unwrap_passphrase(&slot, "correct horse battery")
        .expect("unwrap")
        .expect("opens");
    assert_eq!(back.bytes(), key.bytes());
    assert!(unwrap_passphrase(&slot, "Correct horse battery")
        .expect("runs")
        .is_none());
    // A passphrase slot's box does not pass for a recovery slot's.
    let code = new_recovery_code().expect("code");
    let rec = wrap_recovery(&key, &code).expect("wrap");
    assert!(unwrap_passphrase(&rec, &code).expect("runs").is_none());
}

#[test]
fn a_recovery_code_reads_back_however_it_is_typed() {
    let code = new_recovery_code().expect("code");
    assert_eq!(
        code.len(),
        29,
        "five groups of five with dashes: {}",
        code.as_str()
    );
    let key = DataKey::random().expect("key");
    let slot = wrap_recovery(&key, &code).expect("wrap");
    let typed = code
        .to_lowercase()
        .replace('-', " ")
        .replace('0', "o")
        .replace('1', "l");
    let back = unwrap_recovery(&slot, &typed)
        .expect("unwrap")
        .expect("opens");
    assert_eq!(back.bytes(), key.bytes());
    assert!(normalize_recovery_code("not a code").is_none());
    assert!(normalize_recovery_code(&code[..20]).is_none());
    assert_ne!(
        new_recovery_code().expect("another").as_str(),
        code.as_str()
    );
}

#[test]
fn wrong_tries_meet_a_growing_delay_that_stops_growing() {
    assert_eq!(retry_delay_seconds(0), 0);
    assert_eq!(retry_delay_seconds(2), 0);
    assert_eq!(retry_delay_seconds(3), 5);
    assert_eq!(retry_delay_seconds(4), 10);
    assert!(retry_delay_seconds(8) > retry_delay_seconds(7));
    assert_eq!(retry_delay_seconds(100), 300);
}

#[test]
fn a_first_start_keeps_the_key_in_the_key_store_and_offers_a_recovery_code() {
    let dir = tempfile::tempdir().expect("dir");
    let ks = MemoryKeyStore::new();
    let db = open(dir.path(), &ks);
    let s = api::status(&db);
    assert_eq!(s.state, ProtectionState::Open);
    assert!(s.key_store && s.recovery_code && !s.passphrase && !s.app_lock);
    let code = s.recovery_code_to_show.expect("a code to write down");
    assert_eq!(ks.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(files::path(dir.path()))
            .expect("key file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the key file is the caregiver's alone");
    }
    add_sentence(&db);
    drop(db);

    // The code was not confirmed: a new one replaces it at the next start.
    let db = open(dir.path(), &ks);
    let again = api::status(&db).recovery_code_to_show.expect("shown again");
    assert_ne!(again, code);
    api::recovery_code_saved(&db).expect("saved");
    assert!(api::status(&db).recovery_code_to_show.is_none());
    drop(db);
    let db = open(dir.path(), &ks);
    assert!(api::status(&db).recovery_code_to_show.is_none());
    assert!(has_sentence(&db));

    // The old code opens nothing; the current one does (see the missing-store test).
    let kf = files::read(dir.path()).expect("read").expect("key file");
    assert!(unwrap_recovery(kf.recovery.as_ref().expect("slot"), &code)
        .expect("runs")
        .is_none());
    assert!(unwrap_recovery(kf.recovery.as_ref().expect("slot"), &again)
        .expect("runs")
        .is_some());
}

#[test]
fn without_a_key_store_a_first_passphrase_is_asked_for_and_nothing_is_written_before() {
    let dir = tempfile::tempdir().expect("dir");
    let ks = MemoryKeyStore::unavailable();
    let db = open(dir.path(), &ks);
    assert_eq!(state(&db), ProtectionState::Setup);
    assert!(!dir.path().join(DB_FILE).exists());
    assert!(!files::path(dir.path()).exists());
    assert!(matches!(db.with(|_| Ok(())), Err(crate::Error::Locked)));

    let short = api::set_up(&db, "short").expect_err("too short");
    assert!(short.caregiver_message().contains("at least 8"));
    assert_eq!(state(&db), ProtectionState::Setup);

    let s = api::set_up(&db, "a quiet morning by the sea").expect("set up");
    assert_eq!(s.state, ProtectionState::Open);
    assert!(s.passphrase && !s.key_store && s.recovery_code_to_show.is_some());
    add_sentence(&db);
    drop(db);

    let db = open(dir.path(), &ks);
    assert_eq!(
        api::status(&db).locked_because,
        Some(LockReason::NoKeyStore)
    );
    api::unlock(&db, "a quiet morning by the sea").expect("unlocks");
    assert!(has_sentence(&db));
}

#[test]
fn a_missing_key_store_entry_asks_for_the_recovery_code_and_rebuilds_the_slot() {
    let dir = tempfile::tempdir().expect("dir");
    let ks = MemoryKeyStore::new();
    let db = open(dir.path(), &ks);
    let code = api::status(&db).recovery_code_to_show.expect("code");
    api::recovery_code_saved(&db).expect("saved");
    add_sentence(&db);
    drop(db);

    ks.forget_all();
    let db = open(dir.path(), &ks);
    let s = api::status(&db);
    assert_eq!(s.state, ProtectionState::Locked);
    assert_eq!(s.locked_because, Some(LockReason::KeyStoreMissing));
    let wrong = api::unlock(&db, "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA").expect_err("wrong");
    assert_eq!(wrong.code(), crate::error::ErrorCode::InvalidInput);
    assert!(wrong.caregiver_message().contains("doesn't open Alongside"));
    api::unlock(&db, &code.to_lowercase()).expect("the recovery code opens");
    assert!(has_sentence(&db));
    assert_eq!(ks.len(), 1, "the key store's slot is back");
    drop(db);
    let db = open(dir.path(), &ks);
    assert_eq!(
        state(&db),
        ProtectionState::Open,
        "opens without asking again"
    );
}

#[test]
fn an_unavailable_or_changed_key_store_asks_and_never_replaces_the_key() {
    let dir = tempfile::tempdir().expect("dir");
    let ks = MemoryKeyStore::new();
    let db = open(dir.path(), &ks);
    api::set_passphrase(&db, None, "a long walk home").expect("passphrase");
    add_sentence(&db);
    drop(db);
    let data_before = std::fs::read(dir.path().join(DB_FILE)).expect("data");

    ks.set_available(false);
    let db = open(dir.path(), &ks);
    assert_eq!(
        api::status(&db).locked_because,
        Some(LockReason::KeyStoreUnavailable)
    );
    drop(db);

    ks.set_available(true);
    ks.replace_all(&[9; 32]);
    let db = open(dir.path(), &ks);
    assert_eq!(
        api::status(&db).locked_because,
        Some(LockReason::KeyStoreChanged)
    );
    assert_eq!(
        std::fs::read(dir.path().join(DB_FILE)).expect("data"),
        data_before,
        "nothing touched the data file while locked"
    );
    api::unlock(&db, "a long walk home").expect("the passphrase opens");
    assert!(has_sentence(&db));
    drop(db);
    assert_eq!(
        state(&open(dir.path(), &ks)),
        ProtectionState::Open,
        "the slot was rebuilt"
    );
}

#[test]
fn a_damaged_key_file_or_slot_is_a_clear_message_and_the_data_stays() {
    let dir = tempfile::tempdir().expect("dir");
    let ks = MemoryKeyStore::new();
    let db = open(dir.path(), &ks);
    let code = api::status(&db).recovery_code_to_show.expect("code");
    api::recovery_code_saved(&db).expect("saved");
    api::set_passphrase(&db, None, "a long walk home").expect("passphrase");
    add_sentence(&db);
    drop(db);

    // A damaged passphrase slot: the recovery code still opens.
    let mut kf = files::read(dir.path()).expect("read").expect("file");
    let slot = kf.passphrase.as_mut().expect("slot");
    slot.sealed = slot.sealed.chars().rev().collect();
    files::write(dir.path(), &kf).expect("write");
    ks.forget_all();
    let db = open(dir.path(), &ks);
    assert!(api::unlock(&db, "a long walk home").is_err());
    api::unlock(&db, &code).expect("the recovery code still opens");
    assert!(has_sentence(&db));
    drop(db);

    // A key file that is not a key file: nothing is opened, made or deleted.
    let data_before = std::fs::read(dir.path().join(DB_FILE)).expect("data");
    std::fs::write(files::path(dir.path()), b"{ not json").expect("damage");
    let db = open(dir.path(), &ks);
    let problem = db.problem().expect("a problem");
    assert_eq!(problem.code, crate::error::ErrorCode::KeyFileUnreadable);
    assert!(problem.message.contains("Nothing was changed or deleted"));
    assert_eq!(
        std::fs::read(dir.path().join(DB_FILE)).expect("data"),
        data_before
    );
    assert_eq!(
        std::fs::read(files::path(dir.path())).expect("kept"),
        b"{ not json"
    );

    // No key file at all beside encrypted data: a message, never a new key.
    std::fs::remove_file(files::path(dir.path())).expect("remove");
    let db = open(dir.path(), &ks);
    assert_eq!(
        db.problem().expect("problem").code,
        crate::error::ErrorCode::KeyFileMissing
    );
    assert!(
        !files::path(dir.path()).exists(),
        "no new key was made for old data"
    );
    assert_eq!(
        std::fs::read(dir.path().join(DB_FILE)).expect("data"),
        data_before
    );
}

#[test]
fn wrong_tries_wait_longer_and_never_wipe() {
    let dir = tempfile::tempdir().expect("dir");
    let ks = MemoryKeyStore::new();
    let db = open(dir.path(), &ks);
    api::set_passphrase(&db, None, "a long walk home").expect("passphrase");
    api::set_app_lock(&db, true, Some(5)).expect("lock on");
    add_sentence(&db);
    api::lock_now(&db).expect("locked");
    for _ in 0..3 {
        api::unlock(&db, "not it at all").expect_err("wrong");
    }
    assert!(api::status(&db).retry_in_seconds > 0);
    let waiting = api::unlock(&db, "a long walk home").expect_err("must wait first");
    assert!(waiting.caregiver_message().contains("Please wait"));
    // Waiting over (moved into the past here), the right passphrase opens everything.
    let mut kf = files::read(dir.path()).expect("read").expect("file");
    kf.retry_after = Some("2000-01-01T00:00:00Z".into());
    files::write(dir.path(), &kf).expect("write");
    api::unlock(&db, "a long walk home").expect("opens");
    assert!(has_sentence(&db));
    assert_eq!(
        files::read(dir.path())
            .expect("read")
            .expect("file")
            .failed_tries,
        0
    );
}

#[test]
fn the_app_lock_drops_the_key_and_asks_again_after_a_restart() {
    let dir = tempfile::tempdir().expect("dir");
    let ks = MemoryKeyStore::new();
    let db = open(dir.path(), &ks);
    assert!(api::lock_now(&db).is_err(), "no lock without a passphrase");
    assert!(api::set_app_lock(&db, true, Some(5)).is_err());
    api::set_passphrase(&db, None, "a long walk home").expect("passphrase");
    assert!(
        api::set_app_lock(&db, true, Some(7)).is_err(),
        "only the offered idle times"
    );
    api::set_app_lock(&db, true, Some(5)).expect("on");
    add_sentence(&db);

    let s = api::lock_now(&db).expect("locks");
    assert_eq!(s.state, ProtectionState::Locked);
    assert!(
        matches!(db.key(), Err(crate::Error::Locked)),
        "the key is gone"
    );
    assert!(matches!(db.with(|_| Ok(())), Err(crate::Error::Locked)));
    api::unlock(&db, "a long walk home").expect("unlocks");
    assert!(has_sentence(&db));
    drop(db);

    let db = open(dir.path(), &ks);
    assert_eq!(
        api::status(&db).locked_because,
        Some(LockReason::AppLock),
        "the key store alone does not open it"
    );
    let recovery = api::unlock(&db, "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA");
    assert!(recovery.is_err());
    api::unlock(&db, "a long walk home").expect("unlocks");
    let changed = api::set_passphrase(&db, Some("wrong one"), "another long one");
    assert!(changed.is_err(), "changing needs the current passphrase");
    api::set_passphrase(&db, Some("a long walk home"), "another long one").expect("changed");
    api::set_app_lock(&db, false, None).expect("off");
    drop(db);
    assert_eq!(state(&open(dir.path(), &ks)), ProtectionState::Open);
}

#[test]
fn a_plain_file_from_before_is_encrypted_and_keeps_everything() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join(DB_FILE);
    {
        let mut c = rusqlite::Connection::open(&path).expect("plain");
        c.pragma_update(None, "journal_mode", "WAL").expect("wal");
        crate::db::migrations().to_latest(&mut c).expect("schema");
        c.execute(
            "INSERT INTO people (name, relationship, created_at) VALUES ('Sam', 'child', 'x')",
            [],
        )
        .expect("person");
        c.execute(
            "INSERT INTO wins (person_id, text, happened_on, note, created_at) VALUES (1, 'A good afternoon', '2026-11-01', ?1, 'x')",
            [SENTENCE],
        )
        .expect("win");
        // Left with its WAL, as a running app leaves it.
        std::mem::forget(c);
    }
    assert!(
        contains(&path, SENTENCE.as_bytes())
            || contains(
                &dir.path().join(format!("{DB_FILE}-wal")),
                SENTENCE.as_bytes()
            )
    );

    let ks = MemoryKeyStore::new();
    let db = open(dir.path(), &ks);
    assert_eq!(state(&db), ProtectionState::Open);
    assert!(has_sentence(&db));
    let page = crate::wins::api::list_wins(
        &db,
        crate::wins::WinFilter {
            search: Some("lighthouse".into()),
            ..Default::default()
        },
        None,
    )
    .expect("search");
    assert_eq!(page.wins.len(), 1, "the search index answers");
    drop(db);
    for f in every_file(dir.path()) {
        assert!(
            !contains(&f, SENTENCE.as_bytes()),
            "plain text left in {}",
            f.display()
        );
    }
    assert!(!upgrade::is_plain(&path));
}

#[test]
fn plain_backups_from_before_are_encrypted_and_still_restore() {
    let dir = tempfile::tempdir().expect("dir");
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).expect("folder");
    let old = backups.join("alongside-2026-11-01T090000Z.db");
    let safety = backups.join("before-import-20261101T090000Z.db");
    for p in [&old, &safety] {
        let mut c = rusqlite::Connection::open(p).expect("plain");
        crate::db::migrations().to_latest(&mut c).expect("schema");
        c.execute(
            "INSERT INTO people (name, relationship, created_at) VALUES (?1, 'child', '2026-11-01T09:00:00Z')",
            [SENTENCE],
        )
        .expect("person");
    }
    let mine = backups.join("notes.db");
    std::fs::write(&mine, b"SQLite format 3\0 not ours").expect("other file");
    let db = open(dir.path(), &MemoryKeyStore::new());
    for p in [&old, &safety] {
        assert!(
            !contains(p, SENTENCE.as_bytes()),
            "{} is encrypted",
            p.display()
        );
    }
    assert_eq!(
        std::fs::read(&mine).expect("kept"),
        b"SQLite format 3\0 not ours",
        "other files are left alone"
    );
    let b = crate::backup::api::Backups::default();
    crate::backup::api::restore_backup(&db, &b, "alongside-2026-11-01T090000Z.db")
        .expect("restores");
    let name: String = db
        .with(|c| Ok(c.query_row("SELECT name FROM people", [], |r| r.get(0))?))
        .expect("person");
    assert_eq!(name, SENTENCE);
}

#[test]
fn a_file_that_the_key_does_not_open_is_set_aside_never_deleted() {
    let dir = tempfile::tempdir().expect("dir");
    drop(
        crate::db::open_in(
            dir.path(),
            &DataKey::random().expect("a"),
            DEFAULT_BUSY_TIMEOUT,
        )
        .expect("made"),
    );
    let path = dir.path().join(DB_FILE);
    let before = std::fs::read(&path).expect("bytes");
    let other = DataKey::random().expect("b");
    let opened = crate::db::open_in(dir.path(), &other, DEFAULT_BUSY_TIMEOUT).expect("opens fresh");
    let aside = opened.moved_aside.expect("set aside");
    assert_eq!(std::fs::read(aside).expect("kept"), before, "byte for byte");
}

#[test]
fn a_failed_upgrade_leaves_the_plain_file_as_it_was() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join(DB_FILE);
    {
        let mut c = rusqlite::Connection::open(&path).expect("plain");
        crate::db::migrations().to_latest(&mut c).expect("schema");
        c.execute(
            "INSERT INTO people (name, relationship, created_at) VALUES ('Sam', 'child', 'x')",
            [],
        )
        .expect("person");
    }
    let before = std::fs::read(&path).expect("bytes");
    // Something in the way of the encrypted copy: the export cannot write it.
    std::fs::create_dir(dir.path().join(format!("{DB_FILE}.encrypting"))).expect("blocker");
    std::fs::write(
        dir.path().join(format!("{DB_FILE}.encrypting")).join("x"),
        b"x",
    )
    .expect("x");
    let key = DataKey::random().expect("key");
    let err = upgrade::encrypt_in_place(&path, &key).expect_err("fails");
    assert_eq!(err.code(), crate::error::ErrorCode::EncryptionFailed);
    assert!(err
        .caregiver_message()
        .contains("still here exactly as it was"));
    assert_eq!(std::fs::read(&path).expect("bytes"), before);

    let db = open(dir.path(), &MemoryKeyStore::new());
    assert_eq!(
        db.problem().expect("problem").code,
        crate::error::ErrorCode::EncryptionFailed
    );
    assert_eq!(
        std::fs::read(&path).expect("bytes"),
        before,
        "still untouched"
    );
}

#[test]
fn nothing_written_reaches_the_disk_in_plain() {
    let dir = tempfile::tempdir().expect("dir");
    let ks = MemoryKeyStore::new();
    let db = open(dir.path(), &ks);
    api::set_passphrase(&db, None, "a long walk home").expect("passphrase");
    let code = api::status(&db).recovery_code_to_show.expect("code");
    add_sentence(&db);
    let b = crate::backup::api::Backups::default();
    crate::backup::api::back_up_now(&db, &b).expect("backup");
    crate::transfer::api::import_everything(
        &db,
        &crate::transfer::api::export_text(&db, "2026-12-03T10:00:00Z").expect("export"),
        None,
        true,
    )
    .expect("import makes a safety copy");
    assert!(has_sentence(&db));
    // Checked while the app is running (the -wal holds the newest pages) and after closing.
    let check = || {
        let files = every_file(dir.path());
        assert!(files.iter().any(|f| f.ends_with(format!("{DB_FILE}-wal"))) || files.len() > 3);
        for f in &files {
            for secret in [SENTENCE.as_bytes(), b"a long walk home", code.as_bytes()] {
                assert!(
                    !contains(f, secret),
                    "{} holds a secret in plain",
                    f.display()
                );
            }
        }
        files.len()
    };
    let running = check();
    drop(db);
    assert!(
        check() >= 4,
        "data, key file, a backup with its key copy, a safety copy"
    );
    assert!(running >= 4);
}

#[test]
fn a_pin_opens_the_app_lock_with_the_key_store_and_never_without_it() {
    let dir = tempfile::tempdir().expect("dir");
    let ks = MemoryKeyStore::new();
    let db = open(dir.path(), &ks);
    assert!(
        api::set_pin(&db, "anything", Some("4821")).is_err(),
        "a passphrase comes first"
    );
    api::set_passphrase(&db, None, "a long walk home").expect("passphrase");
    let wrong = api::set_pin(&db, "not it", Some("4821")).expect_err("needs the passphrase");
    assert!(wrong.caregiver_message().contains("Nothing was changed"));
    let short = api::set_pin(&db, "a long walk home", Some("12")).expect_err("too short");
    assert!(short.caregiver_message().contains("4 to 12 digits"));
    let s = api::set_pin(&db, "a long walk home", Some("4821")).expect("pin");
    assert!(s.pin);
    api::set_app_lock(&db, true, Some(1)).expect("on");
    add_sentence(&db);
    let kf = std::fs::read_to_string(files::path(dir.path())).expect("key file");
    assert!(!kf.contains("4821"), "the PIN is never stored");

    api::lock_now(&db).expect("locked");
    assert!(api::unlock(&db, "4822").is_err());
    api::unlock(&db, "4821").expect("the PIN opens");
    assert!(has_sentence(&db));

    // The key store gone: the PIN cannot open, the passphrase can (and puts the key back).
    api::lock_now(&db).expect("locked");
    ks.forget_all();
    let refused = api::unlock(&db, "4821").expect_err("no key store");
    assert!(refused
        .caregiver_message()
        .contains("passphrase or recovery code instead"));
    api::unlock(&db, "a long walk home").expect("the passphrase opens");
    assert!(has_sentence(&db));
    assert_eq!(ks.len(), 1, "the key is back in the key store");
    api::lock_now(&db).expect("locked");
    api::unlock(&db, "4821").expect("so the PIN opens again");
    api::set_pin(&db, "a long walk home", None).expect("removed");
    assert!(!api::status(&db).pin);
}
