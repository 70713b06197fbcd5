//! The circle's words, embedded from `content/circle.toml`: the five kinds of support, ideas for
//! widening a circle (for the person supported and for the caregiver), and Today's gentle
//! suggestions.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::SupportKind;
use crate::crisis::Source;

const CIRCLE_TOML: &str = include_str!("../../content/circle.toml");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KindWords {
    pub id: SupportKind,
    /// A plain label: "Someone to talk to".
    pub name: String,
    pub about: String,
    pub example: String,
}

/// Whose circle an idea is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IdeaFor {
    /// The person supported.
    Person,
    /// The caregiver.
    Me,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Idea {
    pub id: String,
    pub kind: SupportKind,
    #[serde(rename(deserialize = "for", serialize = "forWhom"))]
    #[ts(rename = "forWhom")]
    pub for_whom: IdeaFor,
    pub title: String,
    pub why: String,
    pub steps: Vec<String>,
    /// Learn cards that go deeper, by slug.
    #[serde(default)]
    pub cards: Vec<String>,
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SuggestionWords {
    pub id: String,
    /// "not-seen", "thin:<kind>" or "me-thin".
    pub when: String,
    /// With `{name}` (the person) and, for "not-seen", `{who}` (someone in their circle).
    pub text: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Content {
    pub kinds: Vec<KindWords>,
    pub ideas: Vec<Idea>,
    pub suggestions: Vec<SuggestionWords>,
}

pub fn parse(text: &str) -> Result<Content, toml::de::Error> {
    toml::from_str(text)
}

/// The embedded content. The tests guarantee it parses; empty is the safe failure.
pub fn all() -> &'static Content {
    static DATA: OnceLock<Content> = OnceLock::new();
    DATA.get_or_init(|| parse(CIRCLE_TOML).unwrap_or_default())
}

/// The words of the five kinds, in the order they are shown.
pub fn kinds() -> Vec<KindWords> {
    all().kinds.clone()
}

/// The suggestions whose `when` is `when`, in file order.
pub fn suggestions_when(when: &str) -> Vec<&'static SuggestionWords> {
    all()
        .suggestions
        .iter()
        .filter(|s| s.when == when)
        .collect()
}

#[cfg(test)]
pub(super) const TEXT: &str = CIRCLE_TOML;
