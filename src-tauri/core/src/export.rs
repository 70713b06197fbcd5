//! Saving a file the caregiver asked for (a CSV of wins, a calendar of reminders) into a folder
//! the shell chooses, under a name that never overwrites an earlier one.

use std::path::{Path, PathBuf};

use crate::error::Result;

/// Writes `contents` to `folder/stem.ext`, or `stem-2.ext`, `stem-3.ext`… if taken.
pub fn save(folder: &Path, stem: &str, ext: &str, contents: &[u8]) -> Result<PathBuf> {
    let mut path = folder.join(format!("{stem}.{ext}"));
    let mut n = 2;
    while path.exists() {
        path = folder.join(format!("{stem}-{n}.{ext}"));
        n += 1;
    }
    std::fs::write(&path, contents)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_export_never_overwrites_an_earlier_one() {
        let dir = tempfile::tempdir().expect("dir");
        let a = super::save(dir.path(), "wins", "csv", b"one").expect("first");
        let b = super::save(dir.path(), "wins", "csv", b"two").expect("second");
        assert_eq!(a.file_name().and_then(|n| n.to_str()), Some("wins.csv"));
        assert_eq!(b.file_name().and_then(|n| n.to_str()), Some("wins-2.csv"));
        assert_eq!(std::fs::read(&a).expect("read"), b"one");
    }
}
