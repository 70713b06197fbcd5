//! The circle's rules, pure: which kinds of support are thin, which ideas are shown for them
//! (rotating week by week), and the gentle suggestions Today may offer. Everything comes in as
//! plain values.

use chrono::{Datelike, NaiveDate};

use super::content::{self, Idea, IdeaFor};
use super::{Feels, KindStanding, Member, SupportKind};

/// Someone who helps and has not been seen for this many days may get a gentle word on Today.
pub const NOT_SEEN_DAYS: i64 = 21;
/// Ideas shown for each thin kind.
pub const IDEAS_PER_KIND: usize = 2;
/// The caregiver's own circle is thin, for Today, when this many kinds are.
pub const MY_THIN_KINDS: usize = 3;

/// Whether `m` counts as support: a relationship that is hard right now does not.
fn supports(m: &Member) -> bool {
    m.feels != Some(Feels::Hard)
}

/// How each kind of support stands: who gives it, and whether it is thin (no one does).
pub fn standings(members: &[Member]) -> Vec<KindStanding> {
    SupportKind::ALL
        .into_iter()
        .map(|kind| {
            let givers: Vec<String> = members
                .iter()
                .filter(|m| supports(m) && m.kinds.contains(&kind))
                .map(|m| m.name.clone())
                .collect();
            KindStanding {
                kind,
                thin: givers.is_empty(),
                givers,
            }
        })
        .collect()
}

/// The thin kinds, in the order they are shown.
pub fn thin_kinds(members: &[Member]) -> Vec<SupportKind> {
    standings(members)
        .into_iter()
        .filter(|s| s.thin)
        .map(|s| s.kind)
        .collect()
}

/// Up to `per_kind` ideas for each thin kind, for `whom`. Which ones move on each week, so a
/// circle that stays thin for a while meets new ideas rather than the same two.
pub fn ideas_for(
    all: &[Idea],
    thin: &[SupportKind],
    whom: IdeaFor,
    today: NaiveDate,
    per_kind: usize,
) -> Vec<Idea> {
    // Weeks start on Monday: 1 January of year 1 (day 1 from the common era) was a Monday.
    let week = ((today.num_days_from_ce() - 1) / 7) as usize;
    let mut out = Vec::new();
    for kind in thin {
        let of_kind: Vec<&Idea> = all
            .iter()
            .filter(|i| i.kind == *kind && i.for_whom == whom)
            .collect();
        let n = of_kind.len();
        for k in 0..per_kind.min(n) {
            out.push(of_kind[(week + k) % n].clone());
        }
    }
    out
}

/// One person's circle, as Today sees it.
#[derive(Debug, Clone)]
pub struct PersonCircle {
    pub person_id: i64,
    pub name: String,
    pub members: Vec<Member>,
    /// They asked for space: nothing is suggested about their circle until it ends.
    pub resting: bool,
}

/// A suggestion Today may show: a key stable for the day and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CircleSuggestion {
    pub key: String,
    pub text: String,
    /// Whose circle it is about: a person supported, or none for the caregiver's own.
    pub person_id: Option<i64>,
}

fn fill(template: &str, name: &str, who: &str) -> String {
    template.replace("{name}", name).replace("{who}", who)
}

/// Every circle suggestion that fits today, the timeliest first: someone who helps and has
/// not been seen for [`NOT_SEEN_DAYS`] (the longest first), then a thin kind in a started
/// circle, then the caregiver's own thin circle. The words rotate with the day. A circle with
/// no one in it yet gets nothing: an empty circle is a choice, not a gap to point at. Nothing
/// is suggested about someone who asked for space; the caregiver's own circle still can be.
pub fn suggestions(
    circles: &[PersonCircle],
    mine: &[Member],
    today: NaiveDate,
) -> Vec<CircleSuggestion> {
    let day = today.num_days_from_ce() as usize;
    let pick = |when: &str, salt: usize| {
        let words = content::suggestions_when(when);
        (!words.is_empty()).then(|| words[(day + salt) % words.len()].text.as_str())
    };

    let mut not_seen: Vec<(NaiveDate, CircleSuggestion)> = Vec::new();
    let mut thin: Vec<CircleSuggestion> = Vec::new();
    for c in circles.iter().filter(|c| !c.resting) {
        for m in &c.members {
            let Some(seen) = m
                .last_seen
                .as_deref()
                .and_then(|d| d.parse::<NaiveDate>().ok())
            else {
                continue;
            };
            // Someone who helps (or not described): a mixed relationship is theirs to judge.
            let helps = matches!(m.feels, None | Some(Feels::Helps));
            if m.tie.is_social() && helps && (today - seen).num_days() >= NOT_SEEN_DAYS {
                if let Some(t) = pick("not-seen", m.id as usize) {
                    not_seen.push((
                        seen,
                        CircleSuggestion {
                            key: format!("circle:seen:{}", m.id),
                            text: fill(t, &c.name, &m.name),
                            person_id: Some(c.person_id),
                        },
                    ));
                }
            }
        }
        if c.members.is_empty() {
            continue;
        }
        for kind in thin_kinds(&c.members) {
            if let Some(t) = pick(&format!("thin:{}", kind.as_str()), 0) {
                thin.push(CircleSuggestion {
                    key: format!("circle:thin:{}:{}", c.person_id, kind.as_str()),
                    text: fill(t, &c.name, ""),
                    person_id: Some(c.person_id),
                });
            }
        }
    }
    not_seen.sort_by_key(|(seen, s)| (*seen, s.key.clone()));
    // A different thin kind leads each day.
    if !thin.is_empty() {
        let start = day % thin.len();
        thin.rotate_left(start);
    }

    let mut out: Vec<CircleSuggestion> = not_seen.into_iter().map(|(_, s)| s).collect();
    out.extend(thin);
    if !mine.is_empty() && thin_kinds(mine).len() >= MY_THIN_KINDS {
        if let (Some(t), Some(first)) = (pick("me-thin", 0), circles.first()) {
            out.push(CircleSuggestion {
                key: "circle:me".to_owned(),
                text: fill(t, &first.name, ""),
                person_id: None,
            });
        }
    }
    out
}
