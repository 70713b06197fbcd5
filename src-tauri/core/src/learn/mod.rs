//! Education cards: plain-language explainers about conditions, treatment, support and safety.
//! Cards are Markdown files with TOML front matter in `content/learn/`, embedded in the app and
//! turned into structured blocks (never HTML), so content can only ever show as text.

use std::collections::HashMap;
use std::sync::OnceLock;

use include_dir::{include_dir, Dir};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::crisis::Source;
use crate::people::Condition;

pub mod api;
mod markdown;
#[cfg(test)]
pub(crate) mod readability;
pub mod store;

pub use markdown::{blocks, plain_text};

static CARDS_DIR: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/content/learn");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Depression,
    Anxiety,
    Bipolar,
    Psychosis,
    Ptsd,
    Ocd,
    EatingDisorders,
    SubstanceUse,
    Borderline,
    Understanding,
    Support,
    Treatment,
    Safety,
    Caregiver,
}

impl Topic {
    /// Library order when nothing is chosen first: conditions, then topics for everyone.
    pub const ALL: [Topic; 14] = [
        Topic::Depression,
        Topic::Anxiety,
        Topic::Bipolar,
        Topic::Psychosis,
        Topic::Ptsd,
        Topic::Ocd,
        Topic::EatingDisorders,
        Topic::SubstanceUse,
        Topic::Borderline,
        Topic::Understanding,
        Topic::Support,
        Topic::Treatment,
        Topic::Safety,
        Topic::Caregiver,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Topic::Depression => "Depression",
            Topic::Anxiety => "Anxiety disorders",
            Topic::Bipolar => "Bipolar disorder",
            Topic::Psychosis => "Schizophrenia and psychosis",
            Topic::Ptsd => "PTSD and trauma",
            Topic::Ocd => "Obsessive-compulsive disorder",
            Topic::EatingDisorders => "Eating disorders",
            Topic::SubstanceUse => "Alcohol and drug use",
            Topic::Borderline => "Borderline personality disorder",
            Topic::Understanding => "Understanding mental illness",
            Topic::Support => "Support and connection",
            Topic::Treatment => "Treatment and care",
            Topic::Safety => "Safety and crisis",
            Topic::Caregiver => "Looking after yourself",
        }
    }

    /// The topic that covers a condition chosen at onboarding.
    pub fn for_condition(c: Condition) -> Option<Topic> {
        Some(match c {
            Condition::Depression => Topic::Depression,
            Condition::Anxiety => Topic::Anxiety,
            Condition::Bipolar => Topic::Bipolar,
            Condition::Psychosis => Topic::Psychosis,
            Condition::Ptsd => Topic::Ptsd,
            Condition::Ocd => Topic::Ocd,
            Condition::EatingDisorder => Topic::EatingDisorders,
            Condition::SubstanceUse => Topic::SubstanceUse,
            Condition::BorderlinePersonality => Topic::Borderline,
            Condition::Other | Condition::NotSure | Condition::PreferNotToSay => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    WhatItIs,
    DayToDay,
    Treatment,
    HowToHelp,
    WarningSigns,
    InACrisis,
    Topic,
}

/// Inline text with emphasis; the UI renders it as text, never as HTML.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Span {
    pub text: String,
    pub strong: bool,
    pub em: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Block {
    Heading {
        text: String,
    },
    Paragraph {
        spans: Vec<Span>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Span>>,
    },
}

#[derive(Debug, Clone, Deserialize)]
struct FrontMatter {
    title: String,
    summary: String,
    topic: Topic,
    kind: Kind,
    #[serde(default)]
    conditions: Vec<Condition>,
    #[serde(default)]
    keywords: Vec<String>,
    try_this: String,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    crisis: bool,
    last_reviewed: String,
    sources: Vec<Source>,
}

#[derive(Debug, Clone)]
pub struct Card {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub topic: Topic,
    pub kind: Kind,
    pub conditions: Vec<Condition>,
    pub keywords: Vec<String>,
    pub try_this: String,
    pub related: Vec<String>,
    pub crisis: bool,
    pub last_reviewed: String,
    pub sources: Vec<Source>,
    /// The Markdown body as written.
    pub body: String,
}

/// A card in a list: enough to choose it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardSummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub topic: Topic,
    pub crisis: bool,
    pub bookmarked: bool,
    pub read: bool,
}

/// A card to read.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardDetail {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub topic: Topic,
    pub topic_title: String,
    pub body: Vec<Block>,
    pub try_this: String,
    pub crisis: bool,
    pub last_reviewed: String,
    pub sources: Vec<Source>,
    pub related: Vec<CardSummary>,
    pub bookmarked: bool,
    pub read: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TopicGroup {
    pub topic: Topic,
    pub title: String,
    pub read_count: u32,
    pub total: u32,
    pub cards: Vec<CardSummary>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Library {
    pub bookmarked: Vec<CardSummary>,
    pub topics: Vec<TopicGroup>,
}

pub use crate::search::Segment;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub slug: String,
    pub title: Vec<Segment>,
    pub snippet: Vec<Segment>,
    pub topic_title: String,
    pub crisis: bool,
}

/// Whether the caregiver bookmarked or read a card.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CardState {
    pub bookmarked: bool,
    pub read: bool,
}

pub fn parse_card(slug: &str, text: &str) -> Result<Card, String> {
    let rest = text
        .strip_prefix("+++\n")
        .ok_or("front matter must start with +++")?;
    let end = rest
        .find("\n+++\n")
        .ok_or("front matter must end with +++")?;
    let fm: FrontMatter = toml::from_str(&rest[..end]).map_err(|e| e.to_string())?;
    let body = rest[end + 5..].trim().to_owned();
    Ok(Card {
        slug: slug.to_owned(),
        title: fm.title,
        summary: fm.summary,
        topic: fm.topic,
        kind: fm.kind,
        conditions: fm.conditions,
        keywords: fm.keywords,
        try_this: fm.try_this,
        related: fm.related,
        crisis: fm.crisis,
        last_reviewed: fm.last_reviewed,
        sources: fm.sources,
        body,
    })
}

/// Every embedded card, parsed once, in library order. Files that fail to parse are left out
/// (the content tests make sure none do).
pub fn cards() -> &'static [Card] {
    static CARDS: OnceLock<Vec<Card>> = OnceLock::new();
    CARDS.get_or_init(|| {
        let mut cards: Vec<Card> = embedded_files()
            .filter_map(|(slug, text)| parse_card(slug, text).ok())
            .collect();
        cards.sort_by_key(|c| (topic_rank(c.topic), c.kind, c.slug.clone()));
        cards
    })
}

/// (slug, text) of every embedded Markdown file.
pub fn embedded_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    CARDS_DIR.files().filter_map(|f| {
        let name = f.path().file_name()?.to_str()?;
        let slug = name.strip_suffix(".md")?;
        Some((slug, f.contents_utf8()?))
    })
}

fn topic_rank(t: Topic) -> usize {
    Topic::ALL
        .iter()
        .position(|x| *x == t)
        .unwrap_or(usize::MAX)
}

pub fn card(slug: &str) -> Option<&'static Card> {
    cards().iter().find(|c| c.slug == slug)
}

pub fn summary(c: &Card, state: CardState) -> CardSummary {
    CardSummary {
        slug: c.slug.clone(),
        title: c.title.clone(),
        summary: c.summary.clone(),
        topic: c.topic,
        crisis: c.crisis,
        bookmarked: state.bookmarked,
        read: state.read,
    }
}

pub fn detail(c: &Card, states: &HashMap<String, CardState>) -> CardDetail {
    let state = |slug: &str| states.get(slug).copied().unwrap_or_default();
    let me = state(&c.slug);
    CardDetail {
        slug: c.slug.clone(),
        title: c.title.clone(),
        summary: c.summary.clone(),
        topic: c.topic,
        topic_title: c.topic.title().to_owned(),
        body: blocks(&c.body),
        try_this: c.try_this.clone(),
        crisis: c.crisis,
        last_reviewed: c.last_reviewed.clone(),
        sources: c.sources.clone(),
        related: c
            .related
            .iter()
            .filter_map(|s| card(s))
            .map(|r| summary(r, state(&r.slug)))
            .collect(),
        bookmarked: me.bookmarked,
        read: me.read,
    }
}

/// The library: bookmarks first, then topics, with the topics of the conditions the caregiver
/// chose at onboarding ahead of the rest.
pub fn library(
    cards: &[Card],
    states: &HashMap<String, CardState>,
    chosen: &[Condition],
) -> Library {
    let state = |slug: &str| states.get(slug).copied().unwrap_or_default();
    let first: Vec<Topic> = chosen
        .iter()
        .filter_map(|c| Topic::for_condition(*c))
        .collect();
    let mut order: Vec<Topic> = Topic::ALL.to_vec();
    order.sort_by_key(|t| first.iter().position(|f| f == t).unwrap_or(usize::MAX));
    let topics = order
        .into_iter()
        .filter_map(|topic| {
            let cards: Vec<CardSummary> = cards
                .iter()
                .filter(|c| c.topic == topic)
                .map(|c| summary(c, state(&c.slug)))
                .collect();
            if cards.is_empty() {
                return None;
            }
            Some(TopicGroup {
                topic,
                title: topic.title().to_owned(),
                read_count: cards.iter().filter(|c| c.read).count() as u32,
                total: cards.len() as u32,
                cards,
            })
        })
        .collect();
    let bookmarked = cards
        .iter()
        .filter(|c| state(&c.slug).bookmarked)
        .map(|c| summary(c, state(&c.slug)))
        .collect();
    Library { bookmarked, topics }
}

/// Longest search we accept; real questions are far shorter.
pub const QUERY_MAX: usize = 200;

pub fn validate_query(query: &str) -> crate::error::Result<&str> {
    let q = query.trim();
    if q.chars().count() > QUERY_MAX {
        return Err(crate::error::Error::invalid(
            "query",
            format!("Please keep your search to {QUERY_MAX} characters or fewer."),
        ));
    }
    Ok(q)
}

#[cfg(test)]
mod tests;
