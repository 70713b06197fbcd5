use super::*;
use chrono::TimeZone;

fn day(d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, d, 9, 0, 0)
        .single()
        .expect("time")
}

/// A name long enough that random encrypted bytes never hold it by chance (three letters do,
/// now and then).
const NAME: &str = "Samantha Wrenfield-Okafor";

/// An encrypted data file (its folder kept for the test's life) with one person in it.
fn data() -> Connection {
    let dir = tempfile::tempdir().expect("dir").keep();
    let conn = db::open_in(&dir, &db::test_key(), db::DEFAULT_BUSY_TIMEOUT)
        .expect("db")
        .conn;
    conn.execute(
        "INSERT INTO people (name, relationship, created_at) VALUES (?1, 'child', 'x')",
        [NAME],
    )
    .expect("person");
    conn
}

fn names(folder: &Path) -> Vec<String> {
    let mut n: Vec<String> = std::fs::read_dir(folder)
        .expect("read")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

#[test]
fn a_backup_is_a_checked_copy_under_its_time() {
    let dir = tempfile::tempdir().expect("dir");
    let made = make(&data(), &db::test_key(), dir.path(), day(3)).expect("made");
    assert_eq!(made.name, "alongside-2026-11-03T090000Z.db");
    assert_eq!(names(dir.path()), vec![made.name.clone()]);
    assert_eq!(
        check(&dir.path().join(&made.name), &db::test_key()).expect("ok"),
        db::latest_version()
    );
    let bytes = std::fs::read(dir.path().join(&made.name)).expect("read");
    assert!(
        !bytes.windows(NAME.len()).any(|w| w == NAME.as_bytes()),
        "the backup is encrypted: the name is not in its bytes"
    );
    let copy = Connection::open(dir.path().join(&made.name)).expect("open");
    copy.execute_batch(&format!(
        "PRAGMA key = {}",
        db::test_key().sql_literal().as_str()
    ))
    .expect("key");
    let name: String = copy
        .query_row("SELECT name FROM people", [], |r| r.get(0))
        .expect("person");
    assert_eq!(name, NAME);
}

#[test]
fn two_backups_in_the_same_second_never_overwrite() {
    let dir = tempfile::tempdir().expect("dir");
    let a = make(&data(), &db::test_key(), dir.path(), day(3)).expect("a");
    let b = make(&data(), &db::test_key(), dir.path(), day(3)).expect("b");
    assert_ne!(a.name, b.name);
    assert_eq!(names(dir.path()).len(), 2);
}

#[test]
fn a_backup_that_fails_its_check_is_not_kept_and_the_older_ones_stay() {
    let dir = tempfile::tempdir().expect("dir");
    let conn = data();
    make(&conn, &db::test_key(), dir.path(), day(1)).expect("first");
    make(&conn, &db::test_key(), dir.path(), day(2)).expect("second");
    let before = names(dir.path());

    // The copy is damaged after writing; the real check must catch it.
    let err = make_checked(
        dir.path(),
        day(3),
        |temp| vacuum_into(&conn, temp),
        |temp| {
            std::fs::write(temp, b"not a database any more").expect("damage");
            check(temp, &db::test_key())
        },
    )
    .expect_err("refused");
    assert!(err.caregiver_message().contains("didn't pass its check"));
    assert_eq!(
        names(dir.path()),
        before,
        "older backups stay, no temp file left"
    );
    rotate(dir.path()).expect("rotate");
    assert_eq!(names(dir.path()), before);
}

#[test]
fn a_month_of_backups_on_disk_keeps_seven_daily_and_four_weekly() {
    let dir = tempfile::tempdir().expect("dir");
    let conn = data();
    std::fs::write(dir.path().join("notes.txt"), b"mine").expect("other file");
    for d in 1..=30 {
        make(&conn, &db::test_key(), dir.path(), day(d)).expect("made");
        rotate(dir.path()).expect("rotate");
    }
    assert_eq!(list(dir.path()).expect("list").len(), 11);
    assert!(
        dir.path().join("notes.txt").exists(),
        "other files are never touched"
    );
}

#[test]
fn a_missing_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("dir");
    let gone = dir.path().join("usb");
    let err = ready_folder(&gone, false).expect_err("missing");
    assert!(err.caregiver_message().contains("can't be reached"));
    assert!(!gone.exists(), "a chosen folder is never made up");
    ready_folder(&gone, true).expect("the default one is created");
    assert!(gone.is_dir());
}

#[test]
fn a_newer_backup_fails_the_check_with_words() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("alongside-2026-11-03T090000Z.db");
    Connection::open(&path)
        .expect("open")
        .execute_batch("CREATE TABLE t (x); PRAGMA user_version = 999;")
        .expect("future");
    let err = check(&path, &db::test_key()).expect_err("too new");
    assert!(err
        .caregiver_message()
        .contains("newer version of Alongside"));
}
