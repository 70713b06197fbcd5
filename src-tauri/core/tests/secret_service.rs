//! The key kept in a real Secret Service (GNOME Keyring), as on a Linux desktop. Run inside a
//! session that has one: `dbus-run-session -- bash tests/keyring-session.sh cargo test -p
//! alongside-core --features secret-service-tests --test secret_service`. Without a reachable Secret Service these tests fail.
#![cfg(target_os = "linux")]

use std::sync::Arc;

use alongside_core::db::{Database, DEFAULT_BUSY_TIMEOUT};
use alongside_core::people::{api::add_person, Condition, PersonInput, Relationship};
use alongside_core::protection::api::{self, ProtectionState};
use alongside_core::protection::files;
use alongside_core::protection::keystore::{KeyStore, KeyStoreError, SystemKeyStore};
use alongside_core::protection::LockReason;

fn open(dir: &std::path::Path) -> Database {
    Database::open(
        dir.to_path_buf(),
        DEFAULT_BUSY_TIMEOUT,
        Arc::new(SystemKeyStore),
    )
}

#[test]
fn the_secret_service_keeps_gives_back_and_forgets_a_secret() {
    let id = format!("test-{}", std::process::id());
    let store = SystemKeyStore;
    store
        .set(&id, &[1, 2, 3, 4])
        .expect("a Secret Service is running and unlocked");
    assert_eq!(store.get(&id).expect("get").as_slice(), &[1, 2, 3, 4]);
    store.delete(&id).expect("delete");
    assert_eq!(store.get(&id).map(|_| ()), Err(KeyStoreError::Missing));
}

#[test]
fn the_data_opens_from_the_key_store_and_a_reset_store_is_rebuilt_from_the_recovery_code() {
    let dir = tempfile::tempdir().expect("dir");
    let db = open(dir.path());
    let status = api::status(&db);
    assert_eq!(status.state, ProtectionState::Open);
    assert!(status.key_store, "the key went into the Secret Service");
    let code = status.recovery_code_to_show.expect("a recovery code");
    api::recovery_code_saved(&db).expect("saved");
    add_person(
        &db,
        PersonInput {
            name: "Sam".into(),
            relationship: Relationship::Child,
            conditions: vec![Condition::Depression],
        },
    )
    .expect("person");
    drop(db);

    let db = open(dir.path());
    assert_eq!(
        api::status(&db).state,
        ProtectionState::Open,
        "no passphrase asked"
    );
    drop(db);

    // The key store is reset (a new login keyring, say): the recovery code opens and the key
    // goes back into the Secret Service.
    let id = files::read(dir.path()).expect("read").expect("key file").id;
    SystemKeyStore.delete(&id).expect("delete");
    let db = open(dir.path());
    assert_eq!(
        api::status(&db).locked_because,
        Some(LockReason::KeyStoreMissing)
    );
    api::unlock(&db, &code).expect("the recovery code opens");
    let people = alongside_core::people::api::list_people(&db).expect("people");
    assert_eq!(people.len(), 1);
    drop(db);
    assert!(SystemKeyStore.get(&id).is_ok(), "the slot was rebuilt");
    assert_eq!(api::status(&open(dir.path())).state, ProtectionState::Open);
    let _ = SystemKeyStore.delete(&id);
}
