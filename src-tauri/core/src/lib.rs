//! Alongside's core: every feature's types and rules, its SQL, its content and one use-case
//! function per command. No Tauri here: the compiler keeps the layering, and the shell in
//! `src-tauri/src` only wires these functions to the window.
//!
//! A request flows one way: UI page → `ui/src/lib/api` → IPC → shell command (one delegation) →
//! `<feature>::api` (validation, transaction) → rules in `<feature>/mod.rs` → `<feature>/store.rs`
//! → SQLite, and back as typed results or one typed [`Error`].

pub mod crisis;
pub mod dates;
pub mod db;
pub mod error;
pub mod export;
pub mod learn;
pub mod onboarding;
pub mod people;
pub mod practices;
pub mod readiness;
pub mod reminders;
pub mod search;
pub mod settings;
pub mod startup;
pub mod strain;
pub mod today;
pub mod validate;
pub mod wins;

pub use error::{Error, Result};

/// Now, as an RFC 3339 UTC timestamp for `created_at` columns.
pub fn now_utc() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod bindings;
#[cfg(test)]
mod input_tests;
