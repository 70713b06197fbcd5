//! The one error type of the backend. Every failure a caregiver can meet carries a message
//! written for them; technical detail goes to the log (never health data), not to the screen.

use serde::Serialize;
use ts_rs::TS;

/// Stable machine-readable codes the UI can branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidInput,
    NotFound,
    AlreadySetUp,
    DataBusy,
    DatabaseTooNew,
    DatabaseUnavailable,
    /// Alongside is locked: the data key is not in memory until it is unlocked.
    Locked,
    KeyFileMissing,
    KeyFileUnreadable,
    EncryptionFailed,
    Storage,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that failed validation. `message` is already written for a caregiver.
    #[error("{message}")]
    Invalid {
        field: Option<&'static str>,
        message: String,
    },
    #[error("{0} was not found")]
    NotFound(&'static str),
    #[error("Alongside is already set up")]
    AlreadySetUp,
    /// Another program holds the database lock for longer than the busy timeout.
    #[error("the database is locked by another process")]
    DataBusy,
    /// The file was written by a newer Alongside; it is left untouched.
    #[error("database schema version {found} is newer than this app supports ({supported})")]
    DatabaseTooNew { found: i64, supported: i64 },
    /// The database could not be opened at start, so data features are unavailable.
    #[error("the database is not open")]
    DatabaseUnavailable,
    #[error("Alongside is locked")]
    Locked,
    #[error("the data file is here but its key file is not")]
    KeyFileMissing,
    #[error("the key file cannot be read")]
    KeyFileUnreadable,
    #[error("the plain data file could not be encrypted")]
    EncryptionFailed,
    #[error("storage error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migration error: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid {
            field: Some(field),
            message: message.into(),
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Invalid { .. } => ErrorCode::InvalidInput,
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::AlreadySetUp => ErrorCode::AlreadySetUp,
            Error::DataBusy => ErrorCode::DataBusy,
            Error::DatabaseTooNew { .. } => ErrorCode::DatabaseTooNew,
            Error::DatabaseUnavailable => ErrorCode::DatabaseUnavailable,
            Error::Locked => ErrorCode::Locked,
            Error::KeyFileMissing => ErrorCode::KeyFileMissing,
            Error::KeyFileUnreadable => ErrorCode::KeyFileUnreadable,
            Error::EncryptionFailed => ErrorCode::EncryptionFailed,
            Error::Sqlite(e) if is_busy(e) => ErrorCode::DataBusy,
            Error::Sqlite(_) | Error::Migration(_) | Error::Io(_) => ErrorCode::Storage,
        }
    }

    /// Words for the caregiver. Never includes a Rust or SQLite error string.
    pub fn caregiver_message(&self) -> String {
        match self {
            Error::Invalid { message, .. } => message.clone(),
            Error::NotFound(what) => {
                format!("That {what} could not be found. It may have been removed already.")
            }
            Error::AlreadySetUp => {
                "Alongside is already set up. You can change these details in Settings.".into()
            }
            Error::DatabaseTooNew { .. } => "Your Alongside data was saved by a newer version of \
                Alongside. To keep it safe, this version will not change it. Please install the \
                latest version of Alongside to open it."
                .into(),
            Error::DatabaseUnavailable => "Your Alongside data could not be opened, so this \
                can't be saved right now. Crisis help still works."
                .into(),
            Error::Locked => "Alongside is locked. Please unlock it with your passphrase or \
                recovery code; nothing you saved is lost. Crisis help still works."
                .into(),
            Error::KeyFileMissing => format!(
                "Your Alongside data is here, but the file that holds its key ({}) is missing, \
                so it can't be opened. Nothing was changed or deleted. If you have a backup \
                folder, copy {} from there into the data folder, then try again.",
                crate::protection::files::KEY_FILE,
                crate::protection::files::KEY_FILE
            ),
            Error::KeyFileUnreadable => format!(
                "The file that holds your data's key ({}) is damaged, so Alongside can't open \
                your data. Nothing was changed or deleted. If you have a backup folder, copy \
                {} from there into the data folder, then try again.",
                crate::protection::files::KEY_FILE,
                crate::protection::files::KEY_FILE
            ),
            Error::EncryptionFailed => "Alongside could not finish encrypting your data this \
                time. Your data is still here exactly as it was, not yet encrypted, and nothing \
                was deleted. Please make sure the disk has free space, then try again."
                .into(),
            _ => match self.code() {
                ErrorCode::DataBusy => "Your Alongside data is being used by another program \
                    (perhaps a second copy of Alongside or a backup tool). Nothing was changed. \
                    Close the other program and try again."
                    .into(),
                _ => "Alongside couldn't save or read that just now. Nothing was changed. \
                    Please try again; if it keeps happening, restart Alongside."
                    .into(),
            },
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// What the UI receives for any failed command.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    /// The input field the message is about, when there is one.
    pub field: Option<String>,
}

impl From<&Error> for AppError {
    fn from(e: &Error) -> Self {
        AppError {
            code: e.code(),
            message: e.caregiver_message(),
            field: match e {
                Error::Invalid { field, .. } => field.map(str::to_owned),
                _ => None,
            },
        }
    }
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Technical detail is logged for troubleshooting; it never names health data because
        // no SQL value is interpolated into an error message.
        if matches!(self.code(), ErrorCode::Storage | ErrorCode::DataBusy) {
            eprintln!("alongside: {self}");
        }
        AppError::from(self).serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_errors_reach_the_ui_without_technical_words() {
        let e = Error::Sqlite(rusqlite::Error::InvalidQuery);
        let json = serde_json::to_value(&e).expect("serializes");
        assert_eq!(json["code"], "storage");
        let msg = json["message"].as_str().expect("message");
        assert!(msg.contains("Nothing was changed"));
        assert!(!msg.to_lowercase().contains("query"));
        assert!(json["field"].is_null());
    }

    #[test]
    fn invalid_input_keeps_its_field_and_message() {
        let e = Error::invalid("name", "Please add a name.");
        let json = serde_json::to_value(&e).expect("serializes");
        assert_eq!(json["code"], "invalid_input");
        assert_eq!(json["field"], "name");
        assert_eq!(json["message"], "Please add a name.");
    }

    #[test]
    fn busy_sqlite_errors_are_reported_as_busy() {
        let e = Error::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        ));
        assert_eq!(e.code(), ErrorCode::DataBusy);
        assert!(e.caregiver_message().contains("another program"));
    }
}
