//! The five practices (listen, check in, encourage treatment, celebrate progress, respect
//! boundaries): guidance content embedded from `content/practices.toml`.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::crisis::Source;

pub mod api;
mod care;
pub mod store;
mod tools;
#[cfg(test)]
mod tools_tests;

pub use care::*;
pub use tools::*;

const PRACTICES_TOML: &str = include_str!("../../content/practices.toml");

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
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
    #[serde(default, alias = "try_saying")]
    pub try_saying: Vec<String>,
    #[serde(default, alias = "avoid_saying")]
    pub avoid_saying: Vec<Avoid>,
    /// Small actions for Today's suggestions.
    #[serde(default)]
    pub ideas: Vec<String>,
    #[serde(default)]
    pub exercise: Option<Exercise>,
    /// Encourage treatment: when the person does not want help (LEAP and CRAFT).
    #[serde(default, alias = "not_ready_title")]
    pub not_ready_title: Option<String>,
    #[serde(default, alias = "not_ready")]
    pub not_ready: Vec<String>,
    /// Respect boundaries: reflection prompts, and the reminder that supporters need limits too.
    #[serde(default)]
    pub prompts: Vec<String>,
    #[serde(default, alias = "limits_note")]
    pub limits_note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Avoid {
    pub say: String,
    pub why: String,
}

/// One interactive exercise: write your own answer, then compare with examples.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Exercise {
    pub title: String,
    pub intro: String,
    pub items: Vec<ExerciseItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ExerciseItem {
    pub prompt: String,
    pub examples: Vec<String>,
}

const STARTERS_TOML: &str = include_str!("../../content/starters.toml");

#[derive(Deserialize)]
struct StarterFile {
    starters: Vec<String>,
}

/// The check-in message starters Alongside offers before the caregiver adds their own.
pub fn builtin_starters() -> Vec<String> {
    toml::from_str::<StarterFile>(STARTERS_TOML)
        .map(|f| f.starters)
        .unwrap_or_default()
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
            let id = &practice.id;
            assert!(practice.try_saying.len() >= 3, "{id}: phrases to try");
            assert!(practice.avoid_saying.len() >= 3, "{id}: phrases to avoid");
            assert!(
                practice
                    .avoid_saying
                    .iter()
                    .all(|a| !a.say.is_empty() && !a.why.is_empty()),
                "{id}: each phrase to avoid says why"
            );
            assert!(practice.ideas.len() >= 3, "{id}: ideas for Today");
            let ex = practice
                .exercise
                .as_ref()
                .unwrap_or_else(|| panic!("{id}: an exercise"));
            assert!(ex.items.len() >= 3, "{id}: exercise items");
            assert!(
                ex.items.iter().all(|i| !i.examples.is_empty()),
                "{id}: examples to compare with"
            );
        }
        let by_id = |id: &str| p.iter().find(|x| x.id == id).expect("practice");
        assert!(
            by_id("treatment").not_ready.len() >= 4,
            "guidance for when they do not want help"
        );
        assert!(
            by_id("boundaries").prompts.len() >= 3 && by_id("boundaries").limits_note.is_some()
        );
        // No medication dosing advice, ever.
        let all_text = PRACTICES_TOML.to_lowercase();
        for word in [" mg", "milligram", "dose", "dosage"] {
            assert!(!all_text.contains(word), "practices mention {word:?}");
        }
        let starters = builtin_starters();
        assert!(starters.len() >= 10, "check-in starters ship");
        assert!(starters
            .iter()
            .all(|s| !s.trim().is_empty() && s.chars().count() <= 200));
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
