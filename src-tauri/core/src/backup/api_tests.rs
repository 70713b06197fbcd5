use super::*;
use crate::db::{self, DB_FILE};
use chrono::TimeZone;
use rusqlite::Connection;

fn day(d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, d, 9, 0, 0)
        .single()
        .expect("time")
}

fn open(dir: &Path) -> Database {
    Database::open(
        dir.to_path_buf(),
        db::DEFAULT_BUSY_TIMEOUT,
        crate::protection::keystore::for_tests(),
    )
}

fn add_person(db: &Database, name: &str) {
    db.with(|c| {
        c.execute(
            "INSERT INTO people (name, relationship, created_at) VALUES (?1, 'child', 'x')",
            [name],
        )?;
        Ok(())
    })
    .expect("person");
}

fn people(db: &Database) -> Vec<String> {
    db.with(|c| {
        let mut s = c.prepare("SELECT name FROM people ORDER BY id")?;
        let names = s.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(names)
    })
    .expect("people")
}

#[test]
fn at_launch_a_backup_is_made_when_none_is_a_day_old() {
    let dir = tempfile::tempdir().expect("dir");
    let db = open(dir.path());
    let b = Backups::default();
    assert!(run_if_due(&db, &b, day(1)).expect("run"));
    assert!(!run_if_due(&db, &b, day(1) + chrono::Duration::hours(23)).expect("run"));
    assert!(run_if_due(&db, &b, day(2)).expect("run"));
    let status = backup_status(&db, &b).expect("status");
    assert_eq!(status.backups.len(), 2);
    assert_eq!(
        status.backup_folder,
        dir.path().join("backups").display().to_string()
    );
    assert!(!status.chosen_folder);
    assert!(status.problem.is_none());
}

#[test]
fn a_chosen_folder_that_disappears_is_reported_loses_nothing_and_works_again() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let usb = dir.path().join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    let db = open(&data);
    let b = Backups::default();
    set_backup_folder(&db, &b, Some(usb.display().to_string())).expect("chosen");
    back_up_at(&db, &b, day(1)).expect("first");

    // The drive is unplugged.
    let unplugged = dir.path().join("drawer");
    std::fs::rename(&usb, &unplugged).expect("unplug");
    let err = back_up_at(&db, &b, day(2)).expect_err("unreachable");
    assert!(err.caregiver_message().contains("can't be reached"));
    assert!(!usb.exists(), "no stand-in folder is made");
    let status = backup_status(&db, &b).expect("status still works");
    assert!(status
        .problem
        .expect("problem")
        .contains("can't be reached"));
    assert_eq!(files::list(&unplugged).expect("kept").len(), 1);
    assert!(
        unplugged.join(crate::protection::files::KEY_FILE).is_file(),
        "the wrapped key sits beside the backups"
    );
    assert!(
        run_if_due(&db, &b, day(3)).is_err(),
        "the scheduled run fails gently too"
    );

    // Plugged back in: the next run works and the first backup is still there.
    std::fs::rename(&unplugged, &usb).expect("plug in");
    assert!(run_if_due(&db, &b, day(4)).expect("run"));
    let status = backup_status(&db, &b).expect("status");
    assert_eq!(status.backups.len(), 2);
    assert!(status.problem.is_none());
}

#[test]
fn a_folder_that_is_not_there_cannot_be_chosen() {
    let dir = tempfile::tempdir().expect("dir");
    let db = open(dir.path());
    let b = Backups::default();
    let err = set_backup_folder(&db, &b, Some(dir.path().join("nope").display().to_string()))
        .expect_err("missing");
    assert_eq!(err.code(), crate::error::ErrorCode::InvalidInput);
    let err = set_backup_folder(&db, &b, Some("relative/path".into())).expect_err("relative");
    assert!(err.caregiver_message().contains("whole path"));
    assert!(!backup_status(&db, &b).expect("status").chosen_folder);
}

#[test]
fn restore_backs_up_the_current_data_first_then_swaps_in_the_chosen_one() {
    let dir = tempfile::tempdir().expect("dir");
    let db = open(dir.path());
    let b = Backups::default();
    add_person(&db, "Sam");
    let first = back_up_at(&db, &b, day(1)).expect("backup").backups[0]
        .name
        .clone();
    add_person(&db, "Alex");

    let status = restore_at(&db, &b, &first, day(2)).expect("restored");
    assert_eq!(
        people(&db),
        vec!["Sam"],
        "the database reopened on the backup"
    );
    let before = status
        .backups
        .iter()
        .find(|i| i.name == "alongside-2026-11-02T090000Z.db")
        .expect("a backup of the data as it was before the restore");
    let copy = Connection::open(dir.path().join("backups").join(&before.name)).expect("open");
    let key = db.key().expect("key");
    copy.execute_batch(&format!("PRAGMA key = {}", key.sql_literal().as_str()))
        .expect("key");
    let n: i64 = copy
        .query_row("SELECT count(*) FROM people", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 2, "the backup made first holds Alex too");
    assert!(!dir.path().join(format!("{DB_FILE}.restoring")).exists());
    add_person(&db, "Jo");
    assert_eq!(
        people(&db),
        vec!["Sam", "Jo"],
        "writing works after the restore"
    );
}

#[test]
fn a_backup_from_a_newer_alongside_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("dir");
    let db = open(dir.path());
    let b = Backups::default();
    add_person(&db, "Sam");
    back_up_at(&db, &b, day(1)).expect("backup");
    let future = "alongside-2026-11-05T090000Z.db";
    Connection::open(dir.path().join("backups").join(future))
        .expect("open")
        .execute_batch("CREATE TABLE t (x); PRAGMA user_version = 999;")
        .expect("future");
    let before = backup_status(&db, &b).expect("status").backups;

    let err = restore_at(&db, &b, future, day(2)).expect_err("refused");
    assert!(err
        .caregiver_message()
        .contains("newer version of Alongside"));
    assert!(err.caregiver_message().contains("Nothing was changed"));
    assert_eq!(people(&db), vec!["Sam"]);
    assert_eq!(backup_status(&db, &b).expect("status").backups, before);
}

#[test]
fn a_backup_from_an_older_alongside_is_brought_up_to_date() {
    let dir = tempfile::tempdir().expect("dir");
    let db = open(dir.path());
    let b = Backups::default();
    std::fs::create_dir_all(dir.path().join("backups")).expect("folder");
    let old = "alongside-2026-10-01T090000Z.db";
    {
        let mut c = Connection::open(dir.path().join("backups").join(old)).expect("open");
        db::migrations().to_version(&mut c, 3).expect("version 3");
        c.execute(
            "INSERT INTO people (name, relationship, created_at) VALUES ('Old Sam', 'child', 'x')",
            [],
        )
        .expect("person");
    }
    restore_at(&db, &b, old, day(2)).expect("restored");
    assert_eq!(people(&db), vec!["Old Sam"]);
    let version = db
        .with(|c| Ok(c.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))?))
        .expect("version");
    assert_eq!(version, db::latest_version());
    // The restored file is the newest schema: the backup folder setting can be read.
    assert!(!backup_status(&db, &b).expect("status").chosen_folder);
}

#[test]
fn only_a_kept_backup_can_be_restored() {
    let dir = tempfile::tempdir().expect("dir");
    let db = open(dir.path());
    let b = Backups::default();
    for name in [
        "../alongside.db",
        "alongside.db",
        "alongside-2026-11-01T090000Z.db",
    ] {
        let err = restore_at(&db, &b, name, day(2)).expect_err("refused");
        assert_eq!(err.code(), crate::error::ErrorCode::NotFound);
    }
    assert!(backup_status(&db, &b).expect("status").backups.is_empty());
}

#[test]
fn a_swap_that_fails_midway_reopens_the_data_as_it_was() {
    let dir = tempfile::tempdir().expect("dir");
    let db = open(dir.path());
    add_person(&db, "Sam");
    let err = db
        .reopen_after(|data_dir| {
            let data = &data_dir.join(crate::db::DB_FILE);
            assert!(data.exists(), "the data file is closed, not moved");
            files::closed_cleanly(data)?;
            Err::<(), _>(Error::DataBusy)
        })
        .expect_err("failed midway");
    assert_eq!(err.code(), crate::error::ErrorCode::DataBusy);
    assert!(db.problem().is_none());
    assert_eq!(people(&db), vec!["Sam"]);
    add_person(&db, "Alex");
    assert_eq!(people(&db), vec!["Sam", "Alex"]);
}
