//! Content validation for every card, and search ranking for real caregiver questions.

use std::collections::{HashMap, HashSet};

use super::readability::{reading_grade, terms_to_avoid_in};
use super::store::SearchIndex;
use super::*;

fn all() -> Vec<Card> {
    let mut out = Vec::new();
    for (slug, text) in embedded_files() {
        match parse_card(slug, text) {
            Ok(c) => out.push(c),
            Err(e) => panic!("{slug}.md does not parse: {e}"),
        }
    }
    out
}

fn is_https_url(u: &str) -> bool {
    let Some(rest) = u.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split('/').next().unwrap_or("");
    host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && !u.chars().any(char::is_whitespace)
}

#[test]
fn there_are_at_least_sixty_cards_and_all_parse() {
    let cards = all();
    assert!(cards.len() >= 60, "{} cards", cards.len());
    assert_eq!(
        cards.len(),
        super::cards().len(),
        "every file is in the library"
    );
}

#[test]
fn every_card_is_complete_and_cites_two_sources() {
    let cards = all();
    let slugs: HashSet<&str> = cards.iter().map(|c| c.slug.as_str()).collect();
    for c in &cards {
        let s = &c.slug;
        assert!(!c.title.trim().is_empty(), "{s}: title");
        assert!(
            !c.summary.trim().is_empty() && c.summary.chars().count() <= 140,
            "{s}: summary"
        );
        assert!(!c.try_this.trim().is_empty(), "{s}: try this");
        assert!(c.body.len() >= 400, "{s}: body too short");
        assert!(c.sources.len() >= 2, "{s}: at least two sources");
        for src in &c.sources {
            assert!(!src.title.trim().is_empty(), "{s}: source title");
            assert!(is_https_url(&src.url), "{s}: source link {:?}", src.url);
        }
        assert!(!c.related.is_empty(), "{s}: related cards");
        for r in &c.related {
            assert!(
                slugs.contains(r.as_str()),
                "{s}: related {r:?} is not a card"
            );
            assert_ne!(r, s, "{s}: related to itself");
        }
        assert!(
            chrono::NaiveDate::parse_from_str(&c.last_reviewed, "%Y-%m-%d").is_ok(),
            "{s}: last_reviewed"
        );
        assert!(c.keywords.len() >= 3, "{s}: keywords for search");
    }
}

#[test]
fn no_raw_html_reaches_the_screen() {
    for c in all() {
        assert!(
            !c.body.contains('<') && !c.body.contains('>'),
            "{}: no HTML in card bodies",
            c.slug
        );
    }
    // And the renderer drops it anyway.
    let b = blocks("Hello <script>alert(1)</script> there\n\n<div>x</div>\n");
    let text = format!("{b:?}");
    assert!(!text.contains("script") && !text.contains("div"), "{text}");
}

#[test]
fn every_card_reads_at_grade_eight_or_lower() {
    let mut too_hard = Vec::new();
    for c in all() {
        let text = plain_text(&format!("{}\n{}\n{}", c.body, c.summary, c.try_this));
        let g = reading_grade(&text);
        if g > 8.0 {
            too_hard.push(format!("{} (grade {g:.1})", c.slug));
        }
    }
    assert!(too_hard.is_empty(), "above grade 8: {too_hard:?}");
}

#[test]
fn cards_use_person_first_language() {
    let mut found = Vec::new();
    for c in all() {
        let text = format!(
            "{} {} {} {} {}",
            c.title,
            c.summary,
            c.try_this,
            c.body,
            c.keywords.join(" ")
        );
        let terms = terms_to_avoid_in(&text);
        if !terms.is_empty() {
            found.push(format!("{}: {terms:?}", c.slug));
        }
    }
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn cards_about_risk_or_crisis_lead_to_crisis_help() {
    for c in all() {
        let about_risk = c.kind == Kind::InACrisis
            || c.topic == Topic::Safety
            || c.slug.contains("suicide")
            || c.slug.contains("crisis");
        if about_risk {
            assert!(
                c.crisis,
                "{}: a risk or crisis card must link to Crisis help",
                c.slug
            );
        }
        if c.crisis {
            assert!(
                c.body.contains("Crisis help"),
                "{}: tells the reader where Crisis help is",
                c.slug
            );
        }
    }
}

#[test]
fn every_condition_has_the_six_cards() {
    let cards = all();
    let want = [
        Kind::WhatItIs,
        Kind::DayToDay,
        Kind::Treatment,
        Kind::HowToHelp,
        Kind::WarningSigns,
        Kind::InACrisis,
    ];
    for topic in &Topic::ALL[..9] {
        let kinds: HashSet<Kind> = cards
            .iter()
            .filter(|c| c.topic == *topic)
            .map(|c| c.kind)
            .collect();
        for k in want {
            assert!(kinds.contains(&k), "{topic:?} lacks a {k:?} card");
        }
    }
    let topics: HashSet<Topic> = cards.iter().map(|c| c.topic).collect();
    for t in Topic::ALL {
        assert!(topics.contains(&t), "{t:?} has cards");
    }
}

#[test]
fn the_avoided_terms_check_matches_whole_words_only() {
    assert_eq!(
        terms_to_avoid_in("He committed suicide."),
        vec!["committed suicide"]
    );
    assert_eq!(
        terms_to_avoid_in("A person with schizophrenia"),
        Vec::<&str>::new()
    );
    assert_eq!(
        terms_to_avoid_in("They made it"),
        Vec::<&str>::new(),
        "'made' is not 'mad'"
    );
    assert_eq!(terms_to_avoid_in("she felt mad"), vec!["mad"]);
}

#[test]
fn reading_grade_tells_easy_from_hard() {
    let easy = "You can help. Sit with them. Ask how they feel. Listen.";
    let hard = "Pharmacological interventions necessitate comprehensive individualized consideration of contraindications and idiosyncratic physiological responsiveness.";
    assert!(reading_grade(easy) < 3.0, "{}", reading_grade(easy));
    assert!(reading_grade(hard) > 14.0, "{}", reading_grade(hard));
}

#[test]
fn markdown_becomes_safe_blocks() {
    let b = blocks("## What helps\n\nTalk **calmly** and *slowly*.\n\n- Sit with them\n- Listen\n\n1. One\n2. Two\n");
    assert_eq!(
        b[0],
        Block::Heading {
            text: "What helps".into()
        }
    );
    assert_eq!(
        b[1],
        Block::Paragraph {
            spans: vec![
                Span {
                    text: "Talk ".into(),
                    strong: false,
                    em: false
                },
                Span {
                    text: "calmly".into(),
                    strong: true,
                    em: false
                },
                Span {
                    text: " and ".into(),
                    strong: false,
                    em: false
                },
                Span {
                    text: "slowly".into(),
                    strong: false,
                    em: true
                },
                Span {
                    text: ".".into(),
                    strong: false,
                    em: false
                },
            ]
        }
    );
    assert!(matches!(&b[2], Block::List { ordered: false, items } if items.len() == 2));
    assert!(matches!(&b[3], Block::List { ordered: true, items } if items.len() == 2));
}

#[test]
fn the_library_puts_chosen_conditions_first_and_counts_progress() {
    let cards = all();
    let mut states = HashMap::new();
    let first_psychosis = cards
        .iter()
        .find(|c| c.topic == Topic::Psychosis)
        .expect("card");
    states.insert(
        first_psychosis.slug.clone(),
        CardState {
            bookmarked: true,
            read: true,
        },
    );
    let lib = library(&cards, &states, &[Condition::Psychosis, Condition::Ocd]);
    assert_eq!(lib.topics[0].topic, Topic::Psychosis);
    assert_eq!(lib.topics[1].topic, Topic::Ocd);
    assert_eq!(lib.topics[0].read_count, 1);
    assert_eq!(lib.topics[0].total, 6);
    assert_eq!(lib.bookmarked.len(), 1);
    assert_eq!(lib.bookmarked[0].slug, first_psychosis.slug);
    // Nothing chosen: the usual order.
    let lib = library(&cards, &HashMap::new(), &[Condition::NotSure]);
    assert_eq!(lib.topics[0].topic, Topic::Depression);
}

/// Real questions a caregiver types, and what should come first.
#[test]
fn search_finds_what_caregivers_mean() {
    enum Want {
        InTopic(Topic),
        Is(&'static str),
    }
    use Want::{InTopic, Is};
    let cases: &[(&str, Want)] = &[
        ("mania", InTopic(Topic::Bipolar)),
        ("hearing voices", InTopic(Topic::Psychosis)),
        ("won't take medication", Is("when-they-dont-want-help")),
        ("refuses treatment", Is("when-they-dont-want-help")),
        ("panic attack", InTopic(Topic::Anxiety)),
        ("flashbacks", InTopic(Topic::Ptsd)),
        ("washing hands over and over", InTopic(Topic::Ocd)),
        ("skipping meals", InTopic(Topic::EatingDisorders)),
        ("overdose", Is("substance-use-crisis")),
        ("drinking too much", InTopic(Topic::SubstanceUse)),
        ("thoughts of suicide", Is("suicide-warning-signs")),
        ("safety plan", Is("safety-plan")),
        ("caregiver burnout", Is("caregiver-burnout")),
        (
            "doctor won't tell me anything",
            Is("privacy-and-clinicians"),
        ),
        ("can't get out of bed", InTopic(Topic::Depression)),
        ("fear of abandonment", InTopic(Topic::Borderline)),
        ("support group", Is("peer-support")),
        ("stigma", Is("myths-and-facts")),
        ("what does recovery mean", Is("what-recovery-means")),
        ("they asked for space", Is("boundaries")),
    ];
    let index = SearchIndex::build(&all()).expect("index");
    let mut wrong = Vec::new();
    for (q, want) in cases {
        let hits = index.search(q, 5).expect("search");
        let first = hits.first().map(|h| h.slug.clone()).unwrap_or_default();
        let ok = match want {
            InTopic(t) => card(&first).is_some_and(|c| c.topic == *t),
            Is(slug) => first == *slug,
        };
        if !ok {
            wrong.push(format!(
                "{q:?} -> {:?}",
                hits.iter().map(|h| &h.slug).collect::<Vec<_>>()
            ));
        }
    }
    assert!(wrong.is_empty(), "search ranking: {wrong:#?}");
}

#[test]
fn search_highlights_the_words_it_matched() {
    let index = SearchIndex::build(&all()).expect("index");
    let hits = index.search("hearing voices", 3).expect("search");
    let top = &hits[0];
    assert!(
        top.title.iter().chain(top.snippet.iter()).any(|s| s.hit),
        "a highlighted match in {:?} / {:?}",
        top.title,
        top.snippet
    );
    assert!(index.search("", 5).expect("empty").is_empty());
    assert!(index.search("\"(*", 5).expect("symbols only").is_empty());
}

#[test]
fn long_searches_are_refused_kindly() {
    let e = validate_query(&"a".repeat(201)).expect_err("long");
    assert!(e.caregiver_message().contains("200 characters"));
    assert_eq!(validate_query("  mania ").expect("ok"), "mania");
}

#[test]
fn cards_describe_reactions_in_plain_words_not_clinical_labels() {
    // "Denial" is a clinical label for what a caregiver will simply hear as "there is no
    // problem". It stays a search keyword (people type it), but the words shown say what happens.
    let mut found = Vec::new();
    for c in all() {
        let shown = format!("{} {} {} {}", c.title, c.summary, c.try_this, c.body).to_lowercase();
        for label in ["denial", "in denial"] {
            if shown.contains(label) {
                found.push(format!("{}: {label}", c.slug));
            }
        }
    }
    assert!(found.is_empty(), "{found:?}");
}
