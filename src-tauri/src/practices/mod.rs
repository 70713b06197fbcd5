//! The five practices (listen, check in, encourage treatment, celebrate progress, respect
//! boundaries): guidance content embedded from `content/practices.toml`.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::crisis::Source;

pub mod commands;

const PRACTICES_TOML: &str = include_str!("../../content/practices.toml");

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Practice {
    pub id: String,
    pub title: String,
    /// A one-word label for navigation.
    pub short: String,
    /// One line for the Today card.
    pub summary: String,
    pub why: String,
    pub steps: Vec<String>,
    pub sources: Vec<Source>,
    /// Education cards that go deeper, by slug.
    #[serde(default)]
    pub cards: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    practices: Vec<Practice>,
}

pub fn parse(text: &str) -> Result<Vec<Practice>, toml::de::Error> {
    toml::from_str::<File>(text).map(|f| f.practices)
}

pub fn all() -> &'static [Practice] {
    static DATA: OnceLock<Vec<Practice>> = OnceLock::new();
    // The tests guarantee the embedded file parses; an empty list is the safe failure.
    DATA.get_or_init(|| parse(PRACTICES_TOML).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_practices_are_complete_and_in_order() {
        let p = parse(PRACTICES_TOML).expect("practices.toml parses");
        let ids: Vec<_> = p.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            ["listen", "check_in", "treatment", "celebrate", "boundaries"]
        );
        for practice in &p {
            assert!(!practice.title.is_empty() && !practice.short.is_empty());
            assert!(
                practice.summary.chars().count() <= 80,
                "{}: the Today summary fits on one line",
                practice.id
            );
            assert!(
                practice.steps.len() >= 3,
                "{}: a few concrete steps",
                practice.id
            );
            assert!(
                practice.sources.len() >= 2,
                "{}: cites two sources",
                practice.id
            );
            for s in &practice.sources {
                assert!(s.url.starts_with("https://"), "{}: {}", practice.id, s.url);
            }
        }
        assert_eq!(all().len(), 5);
        for practice in &p {
            assert!(
                !practice.cards.is_empty(),
                "{}: links to education cards",
                practice.id
            );
            for slug in &practice.cards {
                assert!(
                    crate::learn::card(slug).is_some(),
                    "{}: card {slug} exists",
                    practice.id
                );
            }
        }
    }
}
