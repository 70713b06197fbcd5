//! Self-check instruments are data (`content/selfchecks/*.toml`): items, answers and their
//! values, reverse-scored items, subscales, bands with guidance, the recall period, the licence,
//! and test vectors. Adding one is a new file, not new code. Scoring follows each instrument's
//! published rules exactly: a plain sum (reverse-scored items counted from the top), banded by
//! inclusive ranges.

use std::sync::OnceLock;

use include_dir::{include_dir, Dir};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

static SELFCHECKS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/content/selfchecks");

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Instrument {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// False for checks written by Alongside: they are never presented as validated.
    pub validated: bool,
    pub recall: String,
    pub stem: String,
    pub attribution: String,
    pub licence: String,
    pub note: String,
    /// Words shown with Crisis help when a crisis item is answered above its lowest value.
    #[serde(default, alias = "crisis_message")]
    pub crisis_message: Option<String>,
    /// Replaces the band's guidance and steps whenever the crisis flag is set: a low total must
    /// never read as reassurance beside an answer about thoughts of death or self-harm.
    #[serde(default, alias = "crisis_guidance")]
    pub crisis_guidance: Option<CrisisGuidance>,
    pub answers: Vec<AnswerChoice>,
    pub items: Vec<Item>,
    #[serde(default)]
    pub subscales: Vec<Subscale>,
    pub bands: Vec<Band>,
    /// Checked by the tests; not sent to the UI.
    #[serde(default, skip_serializing)]
    #[ts(skip)]
    pub vectors: Vec<Vector>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AnswerChoice {
    pub value: u8,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub text: String,
    #[serde(default)]
    pub reverse: bool,
    /// Any answer above the lowest opens Crisis help at once (PHQ-9 item 9).
    #[serde(default)]
    pub crisis: bool,
    /// A short phrase naming the sign, for results that say what drove them.
    #[serde(default)]
    pub driver: Option<String>,
    /// An answer at or above this value offers Crisis help and the caregiver's own card, gently
    /// (not at once, as a crisis item does): for example feeling hopeless "Often".
    #[serde(default, alias = "offer_help_at")]
    pub offer_help_at: Option<u8>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Subscale {
    pub id: String,
    pub title: String,
    /// 1-based item numbers.
    pub items: Vec<usize>,
    #[serde(alias = "positive_at")]
    pub positive_at: u32,
    /// The instrument offered when this subscale is positive.
    #[serde(default)]
    pub offer: Option<String>,
    #[serde(alias = "positive_text")]
    pub positive_text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Band {
    pub min: u32,
    pub max: u32,
    pub label: String,
    /// Higher is more severe; used to notice a worse band than last time.
    pub level: u32,
    pub guidance: String,
    pub steps: Vec<String>,
    /// A result in this band offers Crisis help and the caregiver's own card.
    #[serde(default, alias = "offer_help")]
    pub offer_help: bool,
}

/// Words for a case that outranks the band, held as data next to the bands.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct CrisisGuidance {
    pub guidance: String,
    pub steps: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Vector {
    pub answers: Vec<u8>,
    pub total: u32,
    pub band: String,
    #[serde(default)]
    pub positive: Vec<String>,
    #[serde(default)]
    pub crisis: bool,
    #[serde(default, alias = "offer_help")]
    pub offer_help: bool,
}

/// What a set of answers means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Score {
    pub total: u32,
    pub max: u32,
    pub band: String,
    pub level: u32,
    /// Ids of subscales at or above their threshold.
    pub positive: Vec<String>,
    /// True when a crisis item was answered above its lowest value.
    pub crisis: bool,
    /// True when an answer or the band calls for offering Crisis help and the caregiver's own
    /// card (also true whenever `crisis` is).
    pub offer_help: bool,
    /// The signs answered at the top of the scale (or, if none, the next value down), in item
    /// order: what drove the result.
    pub drivers: Vec<String>,
}

impl Instrument {
    fn lowest(&self) -> u8 {
        self.answers.iter().map(|a| a.value).min().unwrap_or(0)
    }

    fn highest(&self) -> u8 {
        self.answers.iter().map(|a| a.value).max().unwrap_or(0)
    }

    /// The most the total can be.
    pub fn max_total(&self) -> u32 {
        self.items.len() as u32 * u32::from(self.highest() - self.lowest())
    }

    fn points(&self, item: &Item, value: u8) -> u32 {
        if item.reverse {
            u32::from(self.highest() - value)
        } else {
            u32::from(value - self.lowest())
        }
    }

    /// Checks the answers: one per item, each one of the instrument's values.
    pub fn check_answers(&self, answers: &[Option<u8>]) -> Result<Vec<u8>> {
        if answers.len() != self.items.len() {
            return Err(Error::invalid(
                "answers",
                format!(
                    "This check has {} questions. Please answer each one.",
                    self.items.len()
                ),
            ));
        }
        let mut out = Vec::with_capacity(answers.len());
        let mut missing = Vec::new();
        for (i, a) in answers.iter().enumerate() {
            match a {
                None => missing.push((i + 1).to_string()),
                Some(v) if self.answers.iter().any(|c| c.value == *v) => out.push(*v),
                Some(_) => {
                    return Err(Error::invalid(
                        "answers",
                        format!(
                        "The answer to question {} is not one of the choices. Please choose again.",
                        i + 1
                    ),
                    ))
                }
            }
        }
        if !missing.is_empty() {
            let which = if missing.len() == 1 {
                format!("question {}", missing[0])
            } else {
                format!("questions {}", missing.join(", "))
            };
            return Err(Error::invalid(
                "answers",
                format!("Please answer {which}. Every question counts towards the result."),
            ));
        }
        Ok(out)
    }

    /// Scores checked answers by the published rules.
    pub fn score(&self, answers: &[u8]) -> Score {
        let total: u32 = self
            .items
            .iter()
            .zip(answers)
            .map(|(item, v)| self.points(item, *v))
            .sum();
        let band = self
            .bands
            .iter()
            .find(|b| b.min <= total && total <= b.max)
            .or_else(|| self.bands.last());
        let positive = self
            .subscales
            .iter()
            .filter(|s| {
                let sum: u32 = s
                    .items
                    .iter()
                    .filter_map(|n| {
                        let i = n.checked_sub(1)?;
                        Some(self.points(self.items.get(i)?, *answers.get(i)?))
                    })
                    .sum();
                sum >= s.positive_at
            })
            .map(|s| s.id.clone())
            .collect();
        let crisis = self
            .items
            .iter()
            .zip(answers)
            .any(|(item, v)| item.crisis && *v > self.lowest());
        let offer_help = crisis
            || band.is_some_and(|b| b.offer_help)
            || self
                .items
                .iter()
                .zip(answers)
                .any(|(item, v)| item.offer_help_at.is_some_and(|at| *v >= at));
        let top = self.highest();
        let drivers_at = if answers.contains(&top) {
            top
        } else {
            top.saturating_sub(1).max(self.lowest() + 1)
        };
        let drivers = self
            .items
            .iter()
            .zip(answers)
            .filter(|(item, v)| item.driver.is_some() && **v >= drivers_at)
            .filter_map(|(item, _)| item.driver.clone())
            .collect();
        Score {
            total,
            max: self.max_total(),
            band: band.map(|b| b.label.clone()).unwrap_or_default(),
            level: band.map_or(0, |b| b.level),
            positive,
            crisis,
            offer_help,
            drivers,
        }
    }

    pub fn band(&self, label: &str) -> Option<&Band> {
        self.bands.iter().find(|b| b.label == label)
    }

    /// Whether any question opens Crisis help when answered above its lowest value.
    pub fn has_crisis_item(&self) -> bool {
        self.items.iter().any(|i| i.crisis)
    }
}

pub fn parse(text: &str) -> Result<Instrument, toml::de::Error> {
    toml::from_str(text)
}

/// Every instrument shipped with the app, in a stable order (PHQ-4 first).
pub fn all() -> &'static [Instrument] {
    static ALL: OnceLock<Vec<Instrument>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut list: Vec<Instrument> = SELFCHECKS
            .files()
            .filter(|f| f.path().extension().is_some_and(|e| e == "toml"))
            .filter_map(|f| f.contents_utf8())
            // The tests make sure every file parses; a broken file is left out, never a crash.
            .filter_map(|t| parse(t).ok())
            .collect();
        let order = ["phq4", "phq9", "gad7", "burnout"];
        list.sort_by_key(|i| order.iter().position(|o| *o == i.id).unwrap_or(order.len()));
        list
    })
}

pub fn get(id: &str) -> Result<&'static Instrument> {
    all()
        .iter()
        .find(|i| i.id == id)
        .ok_or(Error::NotFound("self-check"))
}

#[cfg(test)]
pub(crate) fn files() -> Vec<(String, String)> {
    SELFCHECKS
        .files()
        .filter_map(|f| {
            Some((
                f.path().display().to_string(),
                f.contents_utf8()?.to_owned(),
            ))
        })
        .collect()
}
