//! The operating system's key store (Secret Service on Linux, Keychain on macOS, Credential
//! Manager on Windows), behind a small trait so tests can stand in for it. Each data folder has
//! its own entry, named by the random id in its key file.

use std::collections::HashMap;
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use zeroize::Zeroizing;

/// The name entries are filed under in the key store.
pub const SERVICE: &str = "Alongside";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyStoreError {
    /// No key store, or it did not answer (not running, locked, timed out).
    Unavailable,
    /// The key store answered and holds no entry for this id.
    Missing,
}

pub trait KeyStore: Send + Sync {
    fn get(&self, id: &str) -> Result<Zeroizing<Vec<u8>>, KeyStoreError>;
    fn set(&self, id: &str, secret: &[u8]) -> Result<(), KeyStoreError>;
    fn delete(&self, id: &str) -> Result<(), KeyStoreError>;
}

/// The system key store through `keyring-core`. A call that does not come back within
/// [`SystemKeyStore::TIMEOUT`] counts as unavailable, so a stuck service never freezes startup.
pub struct SystemKeyStore;

impl SystemKeyStore {
    pub const TIMEOUT: Duration = Duration::from_secs(10);

    fn store() -> Result<Arc<keyring_core::CredentialStore>, KeyStoreError> {
        static STORE: std::sync::OnceLock<Option<Arc<keyring_core::CredentialStore>>> =
            std::sync::OnceLock::new();
        STORE
            .get_or_init(platform_store)
            .clone()
            .ok_or(KeyStoreError::Unavailable)
    }

    fn call<T: Send + 'static>(
        f: impl FnOnce(keyring_core::Entry) -> keyring_core::Result<T> + Send + 'static,
        id: &str,
    ) -> Result<T, KeyStoreError> {
        let store = Self::store()?;
        let id = id.to_owned();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let out = keyring_core::Entry::new_in_store(&store, SERVICE, &id).and_then(f);
            let _ = tx.send(out);
        });
        match rx.recv_timeout(Self::TIMEOUT) {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(keyring_core::Error::NoEntry)) => Err(KeyStoreError::Missing),
            Ok(Err(_)) | Err(_) => Err(KeyStoreError::Unavailable),
        }
    }
}

#[cfg(target_os = "linux")]
fn platform_store() -> Option<Arc<keyring_core::CredentialStore>> {
    let s = zbus_secret_service_keyring_store::Store::new().ok()?;
    Some(s)
}

#[cfg(target_os = "macos")]
fn platform_store() -> Option<Arc<keyring_core::CredentialStore>> {
    let s = apple_native_keyring_store::keychain::Store::new().ok()?;
    Some(s)
}

#[cfg(windows)]
fn platform_store() -> Option<Arc<keyring_core::CredentialStore>> {
    let s = windows_native_keyring_store::Store::new().ok()?;
    Some(s)
}

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
fn platform_store() -> Option<Arc<keyring_core::CredentialStore>> {
    None
}

impl KeyStore for SystemKeyStore {
    fn get(&self, id: &str) -> Result<Zeroizing<Vec<u8>>, KeyStoreError> {
        Self::call(|e| e.get_secret(), id).map(Zeroizing::new)
    }

    fn set(&self, id: &str, secret: &[u8]) -> Result<(), KeyStoreError> {
        let secret = Zeroizing::new(secret.to_vec());
        Self::call(move |e| e.set_secret(&secret), id)
    }

    fn delete(&self, id: &str) -> Result<(), KeyStoreError> {
        Self::call(|e| e.delete_credential(), id)
    }
}

/// A key store in memory: for tests, and to stand for a computer whose store is missing,
/// emptied or changed.
#[derive(Default)]
pub struct MemoryKeyStore {
    entries: Mutex<HashMap<String, Vec<u8>>>,
    unavailable: std::sync::atomic::AtomicBool,
}

impl MemoryKeyStore {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// A computer with no key store at all.
    pub fn unavailable() -> Arc<Self> {
        let s = Self::default();
        s.set_available(false);
        Arc::new(s)
    }

    pub fn set_available(&self, available: bool) {
        self.unavailable
            .store(!available, std::sync::atomic::Ordering::SeqCst);
    }

    /// Every entry, forgotten (a reset key store, a new computer).
    pub fn forget_all(&self) {
        self.map().clear();
    }

    /// Every entry's secret replaced with another (a key store that changed under Alongside).
    pub fn replace_all(&self, secret: &[u8]) {
        for v in self.map().values_mut() {
            *v = secret.to_vec();
        }
    }

    pub fn len(&self) -> usize {
        self.map().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<String, Vec<u8>>> {
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn up(&self) -> Result<(), KeyStoreError> {
        if self.unavailable.load(std::sync::atomic::Ordering::SeqCst) {
            Err(KeyStoreError::Unavailable)
        } else {
            Ok(())
        }
    }
}

impl KeyStore for MemoryKeyStore {
    fn get(&self, id: &str) -> Result<Zeroizing<Vec<u8>>, KeyStoreError> {
        self.up()?;
        self.map()
            .get(id)
            .map(|v| Zeroizing::new(v.clone()))
            .ok_or(KeyStoreError::Missing)
    }

    fn set(&self, id: &str, secret: &[u8]) -> Result<(), KeyStoreError> {
        self.up()?;
        self.map().insert(id.to_owned(), secret.to_vec());
        Ok(())
    }

    fn delete(&self, id: &str) -> Result<(), KeyStoreError> {
        self.up()?;
        self.map().remove(id);
        Ok(())
    }
}

/// One key store for every test in this process, as a computer has one.
#[cfg(test)]
pub(crate) fn for_tests() -> Arc<dyn KeyStore> {
    static SHARED: std::sync::OnceLock<Arc<MemoryKeyStore>> = std::sync::OnceLock::new();
    SHARED.get_or_init(MemoryKeyStore::new).clone()
}

/// A key store kept in files in a folder: for tests whose key must outlive a process.
#[cfg(test)]
pub(crate) struct FolderKeyStore(pub std::path::PathBuf);

#[cfg(test)]
impl KeyStore for FolderKeyStore {
    fn get(&self, id: &str) -> Result<Zeroizing<Vec<u8>>, KeyStoreError> {
        std::fs::read(self.0.join(id))
            .map(Zeroizing::new)
            .map_err(|_| KeyStoreError::Missing)
    }

    fn set(&self, id: &str, secret: &[u8]) -> Result<(), KeyStoreError> {
        std::fs::create_dir_all(&self.0).map_err(|_| KeyStoreError::Unavailable)?;
        std::fs::write(self.0.join(id), secret).map_err(|_| KeyStoreError::Unavailable)
    }

    fn delete(&self, id: &str) -> Result<(), KeyStoreError> {
        let _ = std::fs::remove_file(self.0.join(id));
        Ok(())
    }
}
