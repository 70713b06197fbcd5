//! Alongside's core: every feature's types and rules, its SQL, its content and one use-case
//! function per command. No Tauri here: the compiler keeps the layering, and the shell in
//! `src-tauri/src` only wires these functions to the window.
//!
//! A request flows one way: UI page → `ui/src/lib/api` → IPC → shell command (one delegation) →
//! `<feature>::api` (validation, transaction) → rules in `<feature>/mod.rs` → `<feature>/store.rs`
//! → SQLite, and back as typed results or one typed [`Error`].

pub mod backup;
pub mod care_circle;
pub mod circle;
pub mod crisis;
pub mod database;
pub mod dates;
pub mod db;
pub mod error;
pub mod export;
pub mod learn;
pub mod onboarding;
pub mod people;
pub mod practices;
pub mod protection;
pub mod readiness;
pub mod reminders;
pub mod report;
pub mod search;
pub mod settings;
pub mod startup;
pub mod strain;
pub mod today;
pub mod transfer;
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
mod crash_tests;
#[cfg(test)]
mod input_tests;

#[cfg(test)]
mod layering {
    /// The core never depends on Tauri or the webview, directly or through another crate:
    /// walks Cargo.lock from alongside-core.
    #[test]
    fn the_core_has_no_tauri_in_it() {
        let lock =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../Cargo.lock"))
                .expect("Cargo.lock");
        let lock: toml::Table = toml::from_str(&lock).expect("lock file");
        let packages = lock["package"].as_array().expect("packages");
        let deps_of = |name: &str| -> Vec<String> {
            packages
                .iter()
                .filter(|p| p["name"].as_str() == Some(name))
                .flat_map(|p| {
                    p.get("dependencies")
                        .and_then(|d| d.as_array())
                        .cloned()
                        .unwrap_or_default()
                })
                .filter_map(|d| {
                    d.as_str()
                        .map(|s| s.split(' ').next().unwrap_or(s).to_owned())
                })
                .collect()
        };
        let mut seen = std::collections::BTreeSet::new();
        let mut todo = vec!["alongside-core".to_owned()];
        while let Some(n) = todo.pop() {
            if seen.insert(n.clone()) {
                todo.extend(deps_of(&n));
            }
        }
        assert!(seen.len() > 20, "the walk found the core's dependencies");
        let shell: Vec<_> = seen
            .iter()
            .filter(|n| {
                n.contains("tauri")
                    || n.contains("wry")
                    || n.contains("webkit")
                    || n.contains("gtk")
            })
            .collect();
        assert!(shell.is_empty(), "the core depends on {shell:?}");
    }
}
