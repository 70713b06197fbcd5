//! Opening the data file: migrations, the newer-file refusal, the corrupt-file set-aside,
//! and closing and reopening it.

use super::*;

const QUICK: Duration = Duration::from_millis(200);

fn user_version(conn: &Connection) -> i64 {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version")
}

#[test]
fn migrations_are_valid() {
    migrations().validate().expect("migrations validate");
}

#[test]
fn fresh_database_gets_the_latest_schema_and_durable_pragmas() {
    let dir = tempfile::tempdir().expect("tempdir");
    let opened = open_in(dir.path(), &test_key(), QUICK).expect("opens");
    assert!(opened.moved_aside.is_none());
    let conn = opened.conn;
    assert_eq!(user_version(&conn), latest_version());
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("journal_mode");
    assert_eq!(mode, "wal");
    let sync: i64 = conn
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .expect("synchronous");
    assert_eq!(sync, 2, "synchronous=FULL");
    let fk: i64 = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .expect("foreign_keys");
    assert_eq!(fk, 1);
    let cache: i64 = conn
        .pragma_query_value(None, "cache_size", |r| r.get(0))
        .expect("cache_size");
    assert_eq!(cache, -8192, "8 MiB of decrypted pages");
}

#[test]
fn every_version_upgrades_to_the_latest_keeping_data() {
    for from in 0..latest_version() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(DB_FILE);
        {
            let mut conn = Connection::open(&path).expect("open");
            migrations()
                .to_version(&mut conn, from as usize)
                .expect("to previous version");
            if from >= 1 {
                conn.execute(
                    "INSERT INTO people (name, relationship, created_at) VALUES ('Sam', 'child', '2026-01-01T00:00:00Z')",
                    [],
                )
                .expect("insert");
            }
        }
        let conn = open_in(dir.path(), &test_key(), QUICK)
            .expect("upgrade")
            .conn;
        assert_eq!(user_version(&conn), latest_version());
        if from >= 1 {
            let name: String = conn
                .query_row("SELECT name FROM people", [], |r| r.get(0))
                .expect("kept");
            assert_eq!(name, "Sam");
        }
    }
}

#[test]
fn newer_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE);
    {
        let conn = Connection::open(&path).expect("open");
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 999;")
            .expect("future db");
    }
    let before = std::fs::read(&path).expect("read");
    let err = open_in(dir.path(), &test_key(), QUICK).expect_err("refused");
    assert!(matches!(err, Error::DatabaseTooNew { found: 999, .. }));
    assert!(err.caregiver_message().contains("newer version"));
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "file untouched"
    );
    assert!(!dir.path().join(format!("{DB_FILE}-wal")).exists());
}

#[test]
fn corrupt_file_is_moved_aside_not_deleted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE);
    let garbage = b"this is not a database, just some words that were here before".repeat(100);
    std::fs::write(&path, &garbage).expect("write");
    let opened = open_in(dir.path(), &test_key(), QUICK).expect("opens fresh");
    let aside = opened.moved_aside.expect("moved aside");
    assert_eq!(std::fs::read(&aside).expect("old file kept"), garbage);
    assert!(aside
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("alongside.db.unreadable-")));
    assert_eq!(user_version(&opened.conn), latest_version());
}

#[test]
fn a_lock_held_by_another_program_is_reported_as_busy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = Database::open(
        dir.path().to_path_buf(),
        QUICK,
        crate::protection::keystore::for_tests(),
    );
    let other = Connection::open(dir.path().join(DB_FILE)).expect("other");
    other
        .execute_batch(&format!(
            "PRAGMA key = {}",
            db.key().expect("key").sql_literal().as_str()
        ))
        .expect("key");
    other.execute_batch("BEGIN EXCLUSIVE").expect("lock");

    // WAL lets the app open and read while another program writes; writes wait, then fail.
    let err = db
        .with(|c| {
            c.execute(
                "INSERT INTO people (name, relationship, created_at) VALUES ('A','child','x')",
                [],
            )?;
            Ok(())
        })
        .expect_err("busy");
    assert_eq!(err.code(), crate::error::ErrorCode::DataBusy);

    other.execute_batch("ROLLBACK").expect("unlock");
    db.with(|c| {
        c.execute(
            "INSERT INTO people (name, relationship, created_at) VALUES ('A','child','x')",
            [],
        )?;
        Ok(())
    })
    .expect("works once the other program lets go");
}

#[test]
fn a_database_that_cannot_open_reports_a_problem_and_can_be_retried() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE);
    {
        let conn = Connection::open(&path).expect("open");
        conn.execute_batch("PRAGMA user_version = 999;")
            .expect("future");
    }
    let db = Database::open(
        dir.path().to_path_buf(),
        QUICK,
        crate::protection::keystore::for_tests(),
    );
    assert!(db.moved_aside().is_none());
    let problem = db.problem().expect("problem");
    assert_eq!(problem.code, crate::error::ErrorCode::DatabaseTooNew);
    assert!(matches!(
        db.with(|_| Ok(())),
        Err(Error::DatabaseUnavailable)
    ));
    // Once the newer file is gone (e.g. restored elsewhere), retry opens a fresh one.
    std::fs::remove_file(&path).expect("remove");
    db.retry();
    assert!(db.problem().is_none());
}

#[test]
fn an_encrypted_file_from_a_newer_alongside_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = test_key();
    {
        let conn = open_in(dir.path(), &key, QUICK).expect("made").conn;
        conn.execute_batch("PRAGMA user_version = 999;")
            .expect("future");
    }
    let path = dir.path().join(DB_FILE);
    let before = std::fs::read(&path).expect("bytes");
    let err = open_in(dir.path(), &key, QUICK).expect_err("refused");
    assert!(matches!(err, Error::DatabaseTooNew { found: 999, .. }));
    assert_eq!(std::fs::read(&path).expect("bytes"), before);
}
