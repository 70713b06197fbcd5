//! Crisis help: the crisis lines and emergency number for the caregiver's region. The data is a
//! dated file embedded in the app, so it works offline and never depends on the database.

use std::sync::OnceLock;

pub mod api;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

const CRISIS_TOML: &str = include_str!("../../content/crisis.toml");

/// The region shown when the caregiver's region is unknown or not chosen yet.
pub const FALLBACK_REGION: &str = "OTHER";

#[derive(Debug, Clone, Deserialize)]
pub struct CrisisData {
    pub guidance: Guidance,
    /// The same guidance for a caregiver calling about themselves.
    #[serde(alias = "for_self")]
    pub for_self: Guidance,
    pub regions: Vec<Region>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Guidance {
    #[serde(alias = "danger_now")]
    pub danger_now: String,
    #[serde(alias = "what_to_say")]
    pub what_to_say: String,
    #[serde(alias = "while_waiting")]
    pub while_waiting: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub code: String,
    pub name: String,
    pub emergency: String,
    #[serde(default, alias = "emergency_note")]
    pub emergency_note: Option<String>,
    /// ISO date (YYYY-MM-DD) the entry was last checked against its sources.
    #[serde(alias = "last_checked")]
    pub last_checked: String,
    pub sources: Vec<Source>,
    pub lines: Vec<CrisisLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Source {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct CrisisLine {
    pub name: String,
    pub about: String,
    pub hours: String,
    #[serde(default)]
    pub note: Option<String>,
    pub contacts: Vec<Contact>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    Call,
    Text,
    Chat,
    Web,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Contact {
    pub kind: ContactKind,
    pub value: String,
    /// Extra words, e.g. "Text HOME to 741741".
    #[serde(default)]
    pub detail: Option<String>,
}

/// Everything Crisis help shows for one region.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CrisisHelp {
    pub region: Region,
    /// For a call about someone else.
    pub guidance: Guidance,
    /// For a call about oneself: from the caregiver's own self-check or "When I need help myself".
    pub for_self: Guidance,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct RegionChoice {
    pub code: String,
    pub name: String,
}

pub fn parse(text: &str) -> Result<CrisisData, toml::de::Error> {
    toml::from_str(text)
}

/// The embedded data. If it ever failed to parse (the tests make sure it cannot), Crisis help
/// still shows a minimal fallback rather than nothing.
pub fn data() -> &'static CrisisData {
    static DATA: OnceLock<CrisisData> = OnceLock::new();
    DATA.get_or_init(|| parse(CRISIS_TOML).unwrap_or_else(|_| minimal()))
}

fn minimal() -> CrisisData {
    CrisisData {
        guidance: Guidance {
            danger_now: "If someone is in danger right now, call your local emergency number."
                .into(),
            what_to_say: "Say that you are worried about someone and need help, and where you are."
                .into(),
            while_waiting: "Stay with them if it is safe, and keep your voice calm.".into(),
        },
        for_self: Guidance {
            danger_now: "If you might act on thoughts of suicide, call your local emergency number now."
                .into(),
            what_to_say: "Say that you are having a very hard time and need to talk to someone."
                .into(),
            while_waiting: "Stay near other people if you can, and put distance between you and anything you could use to hurt yourself.".into(),
        },
        regions: vec![Region {
            code: FALLBACK_REGION.into(),
            name: "Somewhere else".into(),
            emergency: "your local emergency number".into(),
            emergency_note: None,
            last_checked: "2026-11-01".into(),
            sources: vec![Source {
                title: "Find A Helpline".into(),
                url: "https://findahelpline.com/".into(),
            }],
            lines: vec![CrisisLine {
                name: "Find A Helpline".into(),
                about: "A free directory of crisis lines in more than 130 countries.".into(),
                hours: "Any time".into(),
                note: None,
                contacts: vec![Contact {
                    kind: ContactKind::Web,
                    value: "findahelpline.com".into(),
                    detail: None,
                }],
            }],
        }],
    }
}

pub fn is_known_region(code: &str) -> bool {
    data().regions.iter().any(|r| r.code == code)
}

pub fn regions() -> Vec<RegionChoice> {
    data()
        .regions
        .iter()
        .map(|r| RegionChoice {
            code: r.code.clone(),
            name: r.name.clone(),
        })
        .collect()
}

/// Crisis help for `code`, or the fallback region when the code is unknown: Crisis help never fails.
pub fn help_for(code: &str) -> CrisisHelp {
    let d = data();
    let region = d
        .regions
        .iter()
        .find(|r| r.code == code)
        .or_else(|| d.regions.iter().find(|r| r.code == FALLBACK_REGION))
        .or_else(|| d.regions.first())
        .cloned()
        .unwrap_or_else(|| minimal().regions.remove(0));
    CrisisHelp {
        region,
        guidance: d.guidance.clone(),
        for_self: d.for_self.clone(),
    }
}

#[cfg(test)]
mod tests;
