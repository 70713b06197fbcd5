//! Education cards: plain-language explainers about conditions, treatment, support and safety.
//! Cards are Markdown files with TOML front matter in `content/learn/`, embedded in the app and
//! turned into structured blocks (never HTML), so content can only ever show as text.

use std::collections::HashMap;
use std::sync::OnceLock;

use include_dir::{include_dir, Dir};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::crisis::Source;
use crate::people::Condition;

pub mod api;
pub mod store;

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

/// Markdown to blocks. Raw HTML is dropped, links keep only their words, images are ignored.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut items: Vec<Vec<Span>> = Vec::new();
    let mut list: Option<bool> = None;
    let (mut strong, mut em) = (0u32, 0u32);
    let mut heading = false;
    let mut image = 0u32;

    let push_text = |spans: &mut Vec<Span>, text: &str, strong: u32, em: u32| {
        let (s, e) = (strong > 0, em > 0);
        match spans.last_mut() {
            Some(last) if last.strong == s && last.em == e => last.text.push_str(text),
            _ => spans.push(Span {
                text: text.to_owned(),
                strong: s,
                em: e,
            }),
        }
    };

    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = true,
            Event::End(TagEnd::Heading(_)) => {
                heading = false;
                let text: String = spans.drain(..).map(|s| s.text).collect();
                out.push(Block::Heading {
                    text: text.trim().to_owned(),
                });
            }
            Event::Start(Tag::List(first)) => list = Some(first.is_some()),
            Event::End(TagEnd::List(_)) => {
                out.push(Block::List {
                    ordered: list.unwrap_or(false),
                    items: std::mem::take(&mut items),
                });
                list = None;
            }
            Event::End(TagEnd::Item) => items.push(trimmed(std::mem::take(&mut spans))),
            Event::End(TagEnd::Paragraph) if list.is_none() => out.push(Block::Paragraph {
                spans: trimmed(std::mem::take(&mut spans)),
            }),
            Event::End(TagEnd::Paragraph) => push_text(&mut spans, " ", strong, em),
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => em += 1,
            Event::End(TagEnd::Emphasis) => em = em.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => image += 1,
            Event::End(TagEnd::Image) => image = image.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if image == 0 => push_text(&mut spans, &t, strong, em),
            Event::SoftBreak | Event::HardBreak => push_text(&mut spans, " ", strong, em),
            _ => {}
        }
    }
    let _ = heading;
    out
}

fn trimmed(mut spans: Vec<Span>) -> Vec<Span> {
    if let Some(first) = spans.first_mut() {
        first.text = first.text.trim_start().to_owned();
    }
    if let Some(last) = spans.last_mut() {
        last.text = last.text.trim_end().to_owned();
    }
    spans.retain(|s| !s.text.is_empty());
    spans
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

/// Words that stigmatize; cards use person-first language instead.
pub const TERMS_TO_AVOID: &[&str] = &[
    "schizophrenic",
    "schizo",
    "crazy",
    "insane",
    "psycho",
    "lunatic",
    "nuts",
    "deranged",
    "committed suicide",
    "commit suicide",
    "successful suicide",
    "failed suicide",
    "addict",
    "addicts",
    "junkie",
    "alcoholic",
    "alcoholics",
    "anorexic",
    "bulimic",
    "manic depressive",
    "manic-depressive",
    "the mentally ill",
    "mental patient",
    "suffers from",
    "suffering from",
    "suffer from",
    "a borderline",
    "borderlines",
    "crackhead",
    "drunk",
    "retarded",
    "mad",
];

/// The avoided terms that appear in `text` as whole words.
pub fn terms_to_avoid_in(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    TERMS_TO_AVOID
        .iter()
        .copied()
        .filter(|t| {
            lower.match_indices(t).any(|(i, _)| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + t.len()..].chars().next();
                !before.is_some_and(|c| c.is_ascii_alphabetic())
                    && !after.is_some_and(|c| c.is_ascii_alphabetic())
            })
        })
        .collect()
}

/// Markdown to plain prose for the reading-level formula: one sentence per line or item.
pub fn plain_text(markdown: &str) -> String {
    markdown
        .lines()
        .map(|l| {
            let l = l.trim_start();
            let l = l.trim_start_matches('#').trim_start();
            let l = l
                .strip_prefix("- ")
                .or_else(|| l.strip_prefix("* "))
                .unwrap_or(l);
            let l = match l.split_once(". ") {
                Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => rest,
                _ => l,
            };
            l.replace(['*', '_', '`'], "")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn syllables(word: &str) -> usize {
    let w: String = word
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if w.is_empty() {
        return 0;
    }
    let is_vowel = |c: char| "aeiouy".contains(c);
    let mut groups = 0;
    let mut prev = false;
    for c in w.chars() {
        let v = is_vowel(c);
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    if w.ends_with('e') && !w.ends_with("le") && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

/// Flesch–Kincaid grade level of plain prose. Every line ends a sentence too.
pub fn reading_grade(text: &str) -> f64 {
    let mut sentences = 0usize;
    for line in text.lines() {
        let mut current = String::new();
        let chars: Vec<char> = line.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            let ends = matches!(c, '.' | '!' | '?')
                && chars
                    .get(i + 1)
                    .is_none_or(|n| n.is_whitespace() || matches!(n, '.' | '!' | '?'));
            if ends {
                if current.chars().any(|c| c.is_ascii_alphanumeric()) {
                    sentences += 1;
                }
                current.clear();
            } else {
                current.push(*c);
            }
        }
        if current.chars().any(|c| c.is_ascii_alphanumeric()) {
            sentences += 1;
        }
    }
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-'))
        .map(|w| w.trim_start_matches(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || sentences == 0 {
        return 0.0;
    }
    let syl: usize = words.iter().map(|w| syllables(w)).sum();
    0.39 * words.len() as f64 / sentences as f64 + 11.8 * syl as f64 / words.len() as f64 - 15.59
}

#[cfg(test)]
mod tests;
