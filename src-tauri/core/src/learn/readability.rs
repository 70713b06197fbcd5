//! Checks the content tests run on every card: words to avoid (person-first language) and a
//! reading grade. Only tests use these.

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
