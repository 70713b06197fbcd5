//! Text search helpers shared by features that use SQLite FTS5: turning what a caregiver types
//! into a query that can never be an FTS5 syntax error, and marking the words that matched.

use serde::Serialize;
use ts_rs::TS;

/// A piece of text, marked where it matched the words searched for.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// Marks around matched words in FTS5 output; control characters never appear in card text.
pub const HIT_START: char = '\u{1}';
pub const HIT_END: char = '\u{2}';

/// Short words that carry no meaning for search ("what do I do when my son won't…").
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "can", "do", "does", "for", "from", "has",
    "have", "he", "her", "him", "his", "how", "i", "if", "in", "is", "it", "its", "me", "my", "of",
    "on", "or", "our", "she", "so", "that", "the", "their", "them", "they", "this", "to", "was",
    "we", "what", "when", "who", "why", "will", "with", "you", "your",
];

/// The searchable words of what a caregiver typed: lower case, no stop words, no single letters.
pub fn query_words(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() > 1 && !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

/// A word without the common English endings, so "walking" marks "walked" and "walks".
fn root(word: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s", "ly"] {
        if let Some(r) = word.strip_suffix(suffix) {
            if r.chars().count() >= 3 {
                return r;
            }
        }
    }
    word
}

/// Marks the words of `text` that match the searched words, the way the index matched them
/// (word forms, and the last word as a prefix). Done here rather than by FTS5's highlight(),
/// which would re-run the whole search for every row shown.
pub fn mark_words(text: &str, query: &str) -> Vec<Segment> {
    let roots: Vec<String> = query_words(query)
        .iter()
        .map(|w| root(w).to_owned())
        .collect();
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |s: &str, hit: bool| match out.last_mut() {
        Some(last) if last.hit == hit => last.text.push_str(s),
        _ => out.push(Segment {
            text: s.to_owned(),
            hit,
        }),
    };
    let mut start = 0;
    let mut in_word = false;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(pos, c)) in chars.iter().enumerate() {
        let is_word = c.is_alphanumeric();
        if i == 0 {
            in_word = is_word;
        } else if is_word != in_word {
            let piece = &text[start..pos];
            let hit = in_word && {
                let lower = piece.to_lowercase();
                roots.iter().any(|r| lower.starts_with(r.as_str()))
            };
            push(piece, hit);
            start = pos;
            in_word = is_word;
        }
    }
    if start < text.len() {
        let piece = &text[start..];
        let lower = piece.to_lowercase();
        push(
            piece,
            in_word && roots.iter().any(|r| lower.starts_with(r.as_str())),
        );
    }
    out
}

/// Caregiver words to an FTS5 query. Only letters and digits reach FTS5, each word quoted, so no
/// input can be a syntax error. `None` when nothing searchable is left.
pub fn fts_query(query: &str) -> Option<String> {
    let words = query_words(query);
    if words.is_empty() {
        return None;
    }
    let mut terms = Vec::new();
    if words.len() > 1 {
        terms.push(format!("\"{}\"", words.join(" ")));
    }
    // The last word may be half typed.
    let last = words.len() - 1;
    for (i, w) in words.iter().enumerate() {
        terms.push(if i == last {
            format!("\"{w}\"*")
        } else {
            format!("\"{w}\"")
        });
    }
    Some(terms.join(" OR "))
}

/// Caregiver words to an FTS5 query that needs every word (the last may be half typed): for
/// narrowing a list, where more words should mean fewer results.
pub fn fts_all_words(query: &str) -> Option<String> {
    let words = query_words(query);
    let last = words.len().checked_sub(1)?;
    Some(
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if i == last {
                    format!("\"{w}\"*")
                } else {
                    format!("\"{w}\"")
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// FTS5 highlight output to segments.
pub fn segments(marked: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut hit = false;
    for c in marked.chars() {
        if c == HIT_START || c == HIT_END {
            if !current.is_empty() {
                out.push(Segment {
                    text: std::mem::take(&mut current),
                    hit,
                });
            }
            hit = c == HIT_START;
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push(Segment { text: current, hit });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_sanitised_words() {
        assert_eq!(fts_query("  "), None);
        assert_eq!(fts_query("what do I do"), None);
        assert_eq!(fts_query("mania").as_deref(), Some("\"mania\"*"));
        assert_eq!(
            fts_query("Hearing VOICES!").as_deref(),
            Some("\"hearing voices\" OR \"hearing\" OR \"voices\"*")
        );
        // Quotes, operators and brackets never reach FTS5 as syntax.
        assert_eq!(
            fts_query("\"panic\" AND (NEAR sleep)*").as_deref(),
            Some("\"panic near sleep\" OR \"panic\" OR \"near\" OR \"sleep\"*")
        );
    }

    #[test]
    fn all_words_queries_need_every_word() {
        assert_eq!(fts_all_words("the"), None);
        assert_eq!(
            fts_all_words("River WALK").as_deref(),
            Some("\"river\" \"walk\"*")
        );
        assert_eq!(
            fts_all_words("\"a\" OR (b*) guitar").as_deref(),
            Some("\"guitar\"*")
        );
    }

    #[test]
    fn matched_words_are_marked_in_their_forms() {
        let marked = mark_words("We walked by the river, then a walk-in.", "walking river");
        let hits: Vec<&str> = marked
            .iter()
            .filter(|s| s.hit)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(hits, vec!["walked", "river", "walk"]);
        let joined: String = marked.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            joined, "We walked by the river, then a walk-in.",
            "no text lost"
        );
        assert!(mark_words("Played guitar", "gui")
            .iter()
            .any(|s| s.hit && s.text == "guitar"));
        assert!(mark_words("A guide", "guitar").iter().all(|s| !s.hit));
        assert!(mark_words("", "walk").is_empty());
    }

    #[test]
    fn highlight_marks_become_segments() {
        assert_eq!(
            segments("a \u{1}voice\u{2} heard"),
            vec![
                Segment {
                    text: "a ".into(),
                    hit: false
                },
                Segment {
                    text: "voice".into(),
                    hit: true
                },
                Segment {
                    text: " heard".into(),
                    hit: false
                },
            ]
        );
    }
}
