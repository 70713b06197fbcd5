//! The ten-year generator behind the `reads` benchmark and the `ten-years` example stays
//! honest: the same seed writes the same records, another seed other ones, every table it
//! claims to fill gets rows, and the folder it writes opens as the app opens it.

#[path = "../benches/support/ten_years.rs"]
mod ten_years;

use alongside_core::db::{Database, DEFAULT_BUSY_TIMEOUT};
use alongside_core::protection::keystore::MemoryKeyStore;
use ten_years::{Protection, Sizes};

fn write(seed: u64) -> (tempfile::TempDir, ten_years::Report, u64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = MemoryKeyStore::new();
    let report = ten_years::make_folder(
        dir.path(),
        seed,
        ten_years::default_until(),
        &Sizes::small(),
        Protection::Memory(store.clone()),
    )
    .expect("the generator writes a folder");
    let db = Database::open(dir.path().to_path_buf(), DEFAULT_BUSY_TIMEOUT, store);
    assert!(
        db.is_open(),
        "the folder opens with the key from the key store"
    );
    let digest = db
        .with(|c| Ok(ten_years::digest(c)?))
        .expect("every table read");
    (dir, report, digest)
}

#[test]
fn the_same_seed_writes_the_same_records_and_fills_every_table() {
    let (_a, first, first_digest) = write(7);
    let (_b, again, again_digest) = write(7);
    let (_c, other, other_digest) = write(8);
    assert_eq!(first.rows, again.rows);
    assert_eq!(
        first_digest, again_digest,
        "seed 7 wrote the same records twice"
    );
    assert_ne!(first_digest, other_digest, "seed 8 wrote other records");
    assert_eq!(other.rows.len(), ten_years::TABLES.len());

    let small = Sizes::small();
    let rows = |t: &str| {
        first
            .rows
            .iter()
            .find(|(name, _)| *name == t)
            .map(|(_, n)| *n)
            .expect("counted")
    };
    for (table, n) in &first.rows {
        assert!(*n > 0, "{table} has no rows");
    }
    assert_eq!(rows("people"), 3);
    assert_eq!(rows("wins"), small.wins as i64);
    assert_eq!(rows("daily_checks"), small.days);
    assert_eq!(rows("self_checks"), small.self_checks as i64);
    assert_eq!(rows("checkins"), small.checkins as i64);
    assert_eq!(rows("reminders"), small.reminders as i64);
    assert_eq!(rows("safety_plans"), small.plan_versions as i64);
    assert_eq!(rows("appointments"), small.appointments as i64);
    assert!(
        first.vocabulary > 2_000,
        "a realistic vocabulary, not {} words",
        first.vocabulary
    );
    assert!(first.file_bytes > 0);
}

#[test]
fn a_passphrase_folder_waits_for_its_passphrase_and_opens_with_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    ten_years::make_folder(
        dir.path(),
        1,
        ten_years::default_until(),
        &Sizes::small(),
        Protection::Passphrase("a long walk home"),
    )
    .expect("written");
    // As on a computer whose key store never held the key: the app asks for the passphrase.
    let db = Database::open(
        dir.path().to_path_buf(),
        DEFAULT_BUSY_TIMEOUT,
        MemoryKeyStore::new(),
    );
    assert!(!db.is_open());
    let status = alongside_core::protection::api::unlock(&db, "a long walk home").expect("unlocks");
    assert!(db.is_open(), "{status:?}");
    assert!(
        status.recovery_code_to_show.is_none(),
        "no recovery code to write down again"
    );
    let people = alongside_core::people::api::list_people(&db).expect("people");
    assert_eq!(people.len(), 3);
}
