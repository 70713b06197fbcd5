//! The app's handle on its data: open (with its key in memory), locked (key dropped, waiting for
//! a passphrase or recovery code), waiting for a first passphrase (no key store on this
//! computer), or failed (locked by another program, too new, disk trouble). In every state the
//! app runs and Crisis help works.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::Connection;
use zeroize::Zeroizing;

use crate::db::{self, DEFAULT_BUSY_TIMEOUT};
use crate::error::{Error, Result};
use crate::protection::keystore::KeyStore;
use crate::protection::{DataKey, LockReason};

pub(crate) enum State {
    Open {
        conn: Connection,
        key: DataKey,
    },
    Locked(LockReason),
    /// No key yet and no key store to keep one: a first passphrase is needed.
    NeedsSetup,
    Failed(Error),
}

pub struct Database {
    dir: PathBuf,
    busy_timeout: Duration,
    keystore: Arc<dyn KeyStore>,
    state: Mutex<State>,
    /// Where an unreadable earlier file was moved during this run, if that happened.
    moved_aside: Mutex<Option<PathBuf>>,
    /// A new recovery code, shown until the caregiver says it is written down.
    recovery_to_show: Mutex<Option<Zeroizing<String>>>,
}

impl Database {
    /// Finds the key (key store, or asks), then opens the data in `dir`.
    pub fn open(dir: PathBuf, busy_timeout: Duration, keystore: Arc<dyn KeyStore>) -> Self {
        let db = Database {
            dir,
            busy_timeout,
            keystore,
            state: Mutex::new(State::Failed(Error::DatabaseUnavailable)),
            moved_aside: Mutex::new(None),
            recovery_to_show: Mutex::new(None),
        };
        crate::protection::api::start(&db);
        db
    }

    /// Wraps an already open connection (tests).
    pub fn from_connection(conn: Connection) -> Self {
        Database {
            dir: PathBuf::new(),
            busy_timeout: DEFAULT_BUSY_TIMEOUT,
            keystore: crate::protection::keystore::MemoryKeyStore::new(),
            state: Mutex::new(State::Open {
                conn,
                key: DataKey::from_bytes(&[7; 32]).unwrap_or_else(|| unreachable!()),
            }),
            moved_aside: Mutex::new(None),
            recovery_to_show: Mutex::new(None),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn keystore(&self) -> &dyn KeyStore {
        self.keystore.as_ref()
    }

    pub fn moved_aside(&self) -> Option<PathBuf> {
        lock(&self.moved_aside).clone()
    }

    /// The reason the data is not open because something went wrong (not a lock).
    pub fn problem(&self) -> Option<crate::error::AppError> {
        match &*self.lock() {
            State::Failed(e) => Some(e.into()),
            _ => None,
        }
    }

    /// Tries again to open data that failed to open (for example after another program let go).
    pub fn retry(&self) {
        if matches!(*self.lock(), State::Failed(_)) {
            crate::protection::api::start(self);
        }
    }

    /// The data key, while the data is open.
    pub fn key(&self) -> Result<DataKey> {
        match &*self.lock() {
            State::Open { key, .. } => Ok(key.clone()),
            other => Err(unavailable(other)),
        }
    }

    /// Opens the data with `key` (encrypting a plain file first) and keeps the key in memory.
    pub(crate) fn open_with(&self, key: DataKey) -> Result<()> {
        let mut state = self.lock();
        if let State::Open { .. } = &*state {
            return Ok(());
        }
        match db::open_in(&self.dir, &key, self.busy_timeout) {
            Ok(o) => {
                if let Some(aside) = o.moved_aside {
                    *lock(&self.moved_aside) = Some(aside);
                }
                *state = State::Open { conn: o.conn, key };
                Ok(())
            }
            Err(e) => {
                let shown = match &e {
                    Error::DatabaseTooNew { found, supported } => Error::DatabaseTooNew {
                        found: *found,
                        supported: *supported,
                    },
                    Error::EncryptionFailed => Error::EncryptionFailed,
                    Error::DataBusy => Error::DataBusy,
                    _ => Error::DatabaseUnavailable,
                };
                *state = State::Failed(e);
                Err(shown)
            }
        }
    }

    /// Closes the data and forgets the key, until a passphrase or recovery code opens it again.
    pub(crate) fn set_locked(&self, reason: LockReason) {
        let mut state = self.lock();
        if let State::Open { conn, .. } = std::mem::replace(&mut *state, State::Locked(reason)) {
            if let Err((conn, e)) = conn.close() {
                // Closing failed (a statement still running): drop it anyway; SQLite rolls back.
                eprintln!("alongside: closing the data for the lock: {e}");
                drop(conn);
            }
        }
    }

    pub(crate) fn set_state(&self, s: State) {
        *self.lock() = s;
    }

    pub(crate) fn lock_reason(&self) -> Option<LockReason> {
        match &*self.lock() {
            State::Locked(r) => Some(*r),
            _ => None,
        }
    }

    pub(crate) fn needs_setup(&self) -> bool {
        matches!(*self.lock(), State::NeedsSetup)
    }

    pub fn is_open(&self) -> bool {
        matches!(*self.lock(), State::Open { .. })
    }

    pub(crate) fn show_recovery_code(&self, code: Option<Zeroizing<String>>) {
        *lock(&self.recovery_to_show) = code;
    }

    pub(crate) fn recovery_code_to_show(&self) -> Option<String> {
        lock(&self.recovery_to_show).as_ref().map(|c| c.to_string())
    }

    /// Closes the open file, runs `f` on its folder, then opens it again with the same key (a
    /// fresh file if `f` removed it). Refused when nothing is open: a file Alongside cannot read
    /// is never touched.
    pub fn reopen_after<T>(&self, f: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
        self.reopen_or_reset(f, true)
    }

    fn reopen_or_reset<T>(&self, f: impl FnOnce(&Path) -> Result<T>, reopen: bool) -> Result<T> {
        let mut state = self.lock();
        if self.dir.as_os_str().is_empty() {
            return Err(Error::DatabaseUnavailable);
        }
        let key = match std::mem::replace(&mut *state, State::Failed(Error::DatabaseUnavailable)) {
            State::Open { conn, key } => match conn.close() {
                Ok(()) => key,
                Err((conn, e)) => {
                    *state = State::Open { conn, key };
                    return Err(e.into());
                }
            },
            other => {
                let e = unavailable(&other);
                *state = other;
                return Err(e);
            }
        };
        let out = f(&self.dir);
        *state = if reopen {
            db::open_in(&self.dir, &key, self.busy_timeout)
                .map_or_else(State::Failed, |o| State::Open { conn: o.conn, key })
        } else {
            State::Failed(Error::DatabaseUnavailable)
        };
        out
    }

    /// Closes the open file, runs `f` on its folder (which removes the data and its key), then
    /// starts afresh with a new key. Refused when nothing is open.
    pub fn reset_after<T>(&self, f: impl FnOnce(&Path, &dyn KeyStore) -> Result<T>) -> Result<T> {
        let out = self.reopen_or_reset(|dir| f(dir, self.keystore.as_ref()), false);
        if matches!(*self.lock(), State::Failed(_)) {
            crate::protection::api::start(self);
        }
        out
    }

    /// Runs `f` with the connection, or reports why there is none.
    pub fn with<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        match &mut *self.lock() {
            State::Open { conn, .. } => f(conn),
            other => Err(unavailable(other)),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves the connection usable: SQLite rolls back an
        // unfinished transaction when the next one begins.
        lock(&self.state)
    }
}

fn unavailable(state: &State) -> Error {
    match state {
        State::Locked(_) | State::NeedsSetup => Error::Locked,
        _ => Error::DatabaseUnavailable,
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
