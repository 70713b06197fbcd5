//! The data folder from outside the app: a plain file as an earlier Alongside wrote it, a lock
//! held by another program, and a look at the bytes on disk.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;

use alongside_core::db::{Database, DB_FILE, DEFAULT_BUSY_TIMEOUT};
use alongside_core::protection::keystore::SystemKeyStore;

/// Writes `alongside.db` as a version before encryption did: plain SQLite at the current
/// schema, onboarded, with one person and one win whose note is `note`.
pub fn write_plain_data(dir: &Path, person: &str, win: &str, note: &str) {
    let mut conn = rusqlite::Connection::open(dir.join(DB_FILE)).expect("plain file");
    conn.pragma_update(None, "journal_mode", "WAL")
        .expect("wal");
    alongside_core::db::migrations()
        .to_latest(&mut conn)
        .expect("schema");
    conn.execute_batch(&format!(
        "INSERT INTO profile (id, caregiver_name, region, onboarded_at) VALUES (1, 'Maria', 'GB', '2026-11-01T09:00:00Z');
         INSERT INTO people (id, name, relationship, created_at) VALUES (1, '{person}', 'child', '2026-11-01T09:00:00Z');
         INSERT INTO person_conditions (person_id, condition) VALUES (1, 'depression');
         INSERT INTO wins (person_id, happened_on, text, note, created_at) VALUES (1, '2026-11-20', '{win}', '{note}', '2026-11-20T18:00:00Z');"
    ))
    .expect("records");
}

/// True when the bytes of `needle` appear in any file under `dir`; names the file.
pub fn file_containing(dir: &Path, needle: &str) -> Option<PathBuf> {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if std::fs::read(&p)
                .is_ok_and(|b| b.windows(needle.len()).any(|w| w == needle.as_bytes()))
            {
                return Some(p);
            }
        }
    }
    None
}

/// Another program holding the data file's write lock until released.
pub struct LockHolder {
    release: mpsc::Sender<()>,
    thread: std::thread::JoinHandle<()>,
}

impl LockHolder {
    pub fn release(self) {
        let _ = self.release.send(());
        self.thread.join().expect("the holder lets go");
    }
}

/// Opens the encrypted data file with the key from the key store (as only a program given the
/// key could) and takes the write lock.
pub fn hold_write_lock(dir: &Path) -> LockHolder {
    let key = Database::open(
        dir.to_path_buf(),
        DEFAULT_BUSY_TIMEOUT,
        Arc::new(SystemKeyStore),
    )
    .key()
    .expect("the key store gives the key");
    let path = dir.join(DB_FILE);
    let (taken_tx, taken_rx) = mpsc::channel();
    let (release, release_rx) = mpsc::channel::<()>();
    let thread = std::thread::spawn(move || {
        let c = rusqlite::Connection::open(path).expect("open");
        c.execute_batch(&format!("PRAGMA key = {}", key.sql_literal().as_str()))
            .expect("key");
        c.execute_batch("BEGIN EXCLUSIVE").expect("lock");
        taken_tx.send(()).expect("say taken");
        let _ = release_rx.recv();
        c.execute_batch("ROLLBACK").expect("let go");
    });
    taken_rx.recv().expect("lock taken");
    LockHolder { release, thread }
}

/// The first recovery code in `text`: five groups of five letters and digits, with dashes.
pub fn recovery_code_in(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(28)).find_map(|i| {
        let cand: String = chars[i..i + 29].iter().collect();
        let ok = cand.char_indices().all(|(j, c)| {
            if j % 6 == 5 {
                c == '-'
            } else {
                c.is_ascii_digit() || c.is_ascii_uppercase()
            }
        });
        ok.then_some(cand)
    })
}

/// The data key, as the app gets it from the key store.
pub fn data_key(dir: &Path) -> alongside_core::protection::DataKey {
    use alongside_core::protection::keystore::KeyStore;
    let kf = alongside_core::protection::files::read(dir)
        .expect("key file readable")
        .expect("a key file");
    let bytes = SystemKeyStore
        .get(&kf.id)
        .expect("the key store holds the key");
    alongside_core::protection::DataKey::from_bytes(&bytes).expect("32 bytes")
}

/// The texts of the wins in a backup (or any copy of the data), opened with the data's key.
pub fn wins_in_copy(data_dir: &Path, copy: &Path) -> Vec<String> {
    let c = rusqlite::Connection::open_with_flags(copy, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open copy");
    c.execute_batch(&format!(
        "PRAGMA key = {}",
        data_key(data_dir).sql_literal().as_str()
    ))
    .expect("key");
    let mut stmt = c.prepare("SELECT text FROM wins").expect("wins");
    stmt.query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}
