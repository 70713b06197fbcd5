//! Today's suggestions: two or three small things to do, across the practices, fitted to what
//! the caregiver has set up and varied from day to day. A pure rule: everything it needs comes
//! in as plain values. No streaks and no counting of missed days.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub mod api;
pub mod store;

/// How many suggestions Today shows.
pub const SHOWN: usize = 3;
/// A check-in is suggested when the last one is this many days old (or there is none).
pub const CHECKIN_AFTER_DAYS: i64 = 3;
/// Appointments this close get a "prepare" suggestion.
pub const APPOINTMENT_WITHIN_DAYS: i64 = 3;
/// Wins this recent are worth celebrating out loud.
pub const WIN_WITHIN_DAYS: i64 = 7;
/// The `practice` of a suggestion about the circle of support: it opens the circle.
pub const CIRCLE: &str = "circle";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MarkState {
    Done,
    NotToday,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// Stable for the day, so marks stick: e.g. "checkin:3" or "idea:listen:2".
    pub key: String,
    /// Which practice page it belongs to.
    pub practice: String,
    pub text: String,
    pub done: bool,
    /// For a suggestion about a circle of support: whose circle it opens (none: the
    /// caregiver's own). None for every other suggestion.
    pub circle_of: Option<i64>,
}

/// What the rule looks at.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// (id, name) of the people supported.
    pub people: Vec<(i64, String)>,
    /// (person id, last day of the pause).
    pub spaces: Vec<(i64, NaiveDate)>,
    /// (person id, newest check-in day).
    pub last_checkins: Vec<(i64, NaiveDate)>,
    /// (id, person id, when, with whom, has questions).
    pub appointments: Vec<(i64, i64, NaiveDateTime, String, bool)>,
    /// (id, person id, day, text) of recent wins, newest first.
    pub wins: Vec<(i64, i64, NaiveDate, String)>,
    /// (id, person id, text) of boundaries the person asked for.
    pub boundaries: Vec<(i64, i64, String)>,
    /// (practice id, ideas) in practice order.
    pub ideas: Vec<(String, Vec<String>)>,
    /// (key, state) marked today.
    pub marks: Vec<(String, MarkState)>,
    /// The circle of support's suggestions that fit today, the timeliest first.
    pub circle: Vec<crate::circle::rules::CircleSuggestion>,
}

fn name_of(ctx: &Context, id: i64) -> &str {
    ctx.people
        .iter()
        .find(|(p, _)| *p == id)
        .map_or("them", |(_, n)| n.as_str())
}

fn weekday(d: NaiveDate) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ][d.weekday().num_days_from_monday() as usize]
}

/// Whether `key` names something the rule can suggest today (any idea of any practice, or a
/// suggestion fitted to what is set up), so a mark is only ever stored for a real suggestion.
pub fn is_known_key(ctx: &Context, today: NaiveDate, key: &str) -> bool {
    if key.starts_with("idea:") {
        return ctx.ideas.iter().any(|(practice, ideas)| {
            (0..ideas.len()).any(|i| key == format!("idea:{practice}:{i}"))
        });
    }
    candidates(ctx, today).iter().any(|(_, s)| s.key == key)
}

/// Every fitting suggestion, most timely first.
fn candidates(ctx: &Context, today: NaiveDate) -> Vec<(u8, Suggestion)> {
    let mut out = Vec::new();
    let s = |key: String, practice: &str, text: String| Suggestion {
        key,
        practice: practice.into(),
        text,
        done: false,
        circle_of: None,
    };

    for (id, person, when, with, has_questions) in &ctx.appointments {
        let days = (when.date() - today).num_days();
        if (0..=APPOINTMENT_WITHIN_DAYS).contains(&days) {
            let day = match days {
                0 => "today".to_owned(),
                1 => "tomorrow".to_owned(),
                _ => format!("on {}", weekday(when.date())),
            };
            let text = if *has_questions {
                format!(
                    "{}'s appointment with {with} is {day} at {}. Look over your questions together, if they would like that.",
                    name_of(ctx, *person),
                    when.format("%H:%M")
                )
            } else {
                format!(
                    "{}'s appointment with {with} is {day} at {}. Write down a question or two to ask.",
                    name_of(ctx, *person),
                    when.format("%H:%M")
                )
            };
            out.push((0, s(format!("appointment:{id}"), "treatment", text)));
        }
    }

    for (id, name) in &ctx.people {
        if let Some((_, until)) = ctx.spaces.iter().find(|(p, u)| p == id && today <= *u) {
            out.push((
                1,
                s(
                    format!("space:{id}"),
                    "boundaries",
                    format!(
                        "{name} asked for some space until {} {}. Honoring it is a way of caring. Maybe do something kind for yourself instead.",
                        until.day(),
                        until.format("%B")
                    ),
                ),
            ));
            continue;
        }
        let last = ctx
            .last_checkins
            .iter()
            .find(|(p, _)| p == id)
            .map(|(_, d)| *d);
        match last {
            None => out.push((
                1,
                s(
                    format!("checkin:{id}"),
                    "check_in",
                    format!("Send {name} a short message that asks nothing back."),
                ),
            )),
            Some(d) if (today - d).num_days() >= CHECKIN_AFTER_DAYS => out.push((
                1,
                s(
                    format!("checkin:{id}"),
                    "check_in",
                    format!(
                        "It has been a few days since you last checked in with {name}. A short \u{201c}thinking of you\u{201d} is enough."
                    ),
                ),
            )),
            Some(_) => {}
        }
    }

    if let Some((id, person, _, text)) = ctx
        .wins
        .iter()
        .find(|(_, _, d, _)| (today - *d).num_days() <= WIN_WITHIN_DAYS)
    {
        out.push((
            2,
            s(
                format!("win:{id}"),
                "celebrate",
                format!(
                    "Tell {} you noticed: \u{201c}{text}\u{201d}",
                    name_of(ctx, *person)
                ),
            ),
        ));
    }

    // The circle of support: Today shows at most one, as it does for every practice.
    for c in &ctx.circle {
        let mut one = s(c.key.clone(), CIRCLE, c.text.clone());
        one.circle_of = c.person_id;
        out.push((2, one));
    }

    if !ctx.boundaries.is_empty() {
        // A different boundary each day.
        let i = today.num_days_from_ce() as usize % ctx.boundaries.len();
        let (id, person, text) = &ctx.boundaries[i];
        out.push((
            3,
            s(
                format!("boundary:{id}"),
                "boundaries",
                format!(
                    "Honor a boundary {} asked for: {text}",
                    name_of(ctx, *person)
                ),
            ),
        ));
    }
    out
}

/// Today's suggestions: up to [`SHOWN`], at most one per practice, the timeliest first, the
/// rest filled from each practice's ideas, which rotate with the date. Anything marked "not
/// today" is left out; anything marked done stays, shown as done.
pub fn suggestions(ctx: &Context, today: NaiveDate) -> Vec<Suggestion> {
    let marked = |key: &str| ctx.marks.iter().find(|(k, _)| k == key).map(|(_, m)| *m);
    let mut picked: Vec<Suggestion> = Vec::new();
    let mut all = candidates(ctx, today);
    all.sort_by_key(|(priority, _)| *priority);
    for (_, mut c) in all {
        if picked.len() >= SHOWN || picked.iter().any(|p| p.practice == c.practice) {
            continue;
        }
        match marked(&c.key) {
            Some(MarkState::NotToday) => continue,
            Some(MarkState::Done) => c.done = true,
            None => {}
        }
        picked.push(c);
    }
    // Fill with ideas from practices not yet represented, starting at a practice that moves
    // with the date, so each day looks a little different.
    let day = today.num_days_from_ce() as usize;
    let n = ctx.ideas.len().max(1);
    for k in 0..ctx.ideas.len() {
        if picked.len() >= SHOWN {
            break;
        }
        let (practice, ideas) = &ctx.ideas[(day + k) % n];
        if ideas.is_empty() || picked.iter().any(|p| &p.practice == practice) {
            continue;
        }
        // The first idea not set aside today, starting from today's.
        for j in 0..ideas.len() {
            let i = (day + j) % ideas.len();
            let key = format!("idea:{practice}:{i}");
            match marked(&key) {
                Some(MarkState::NotToday) => continue,
                m => {
                    picked.push(Suggestion {
                        key,
                        practice: practice.clone(),
                        text: ideas[i].clone(),
                        done: m == Some(MarkState::Done),
                        circle_of: None,
                    });
                    break;
                }
            }
        }
    }
    picked
}

/// What happened this week, for the look-back. Counts only: nothing here can be "missed".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekCounts {
    pub checkins: u32,
    pub listening: u32,
    pub appointments: u32,
    pub wins: u32,
    pub suggestions_done: u32,
    pub daily_checks: u32,
    pub for_myself: u32,
    pub self_checks: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LookBack {
    /// Monday of this week, YYYY-MM-DD.
    pub week_of: String,
    /// Sentences about what the caregiver did for the person.
    pub for_them: Vec<String>,
    /// Sentences about what they did for themselves.
    pub for_you: Vec<String>,
}

fn times(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        one.to_owned()
    } else {
        format!("{n} {many}")
    }
}

/// Turns the week's counts into warm sentences. Nothing is said about what did not happen,
/// except one kind line when the week is empty.
pub fn look_back(week_of: NaiveDate, c: &WeekCounts) -> LookBack {
    let mut for_them = Vec::new();
    if c.checkins > 0 {
        for_them.push(format!(
            "You checked in {}.",
            times(c.checkins, "once", "times")
        ));
    }
    if c.listening > 0 {
        for_them.push(format!(
            "You wrote down {}.",
            times(c.listening, "a listening moment", "listening moments")
        ));
    }
    if c.appointments > 0 {
        for_them.push(format!(
            "{} on the calendar this week.",
            times(c.appointments, "One appointment", "appointments")
        ));
    }
    if c.wins > 0 {
        for_them.push(format!(
            "You noticed {} worth celebrating.",
            times(c.wins, "a small win", "small wins")
        ));
    }
    if c.suggestions_done > 0 {
        for_them.push(format!(
            "You did {} from Today.",
            times(c.suggestions_done, "one suggestion", "suggestions")
        ));
    }
    if for_them.is_empty() {
        for_them
            .push("A quiet week in the app. Being there in ways no app can see counts too.".into());
    }
    let mut for_you = Vec::new();
    if c.for_myself > 0 {
        for_you.push(format!(
            "You did something for yourself on {}.",
            times(c.for_myself, "one day", "days")
        ));
    }
    if c.daily_checks > 0 {
        for_you.push(format!(
            "You checked in with yourself {}.",
            times(c.daily_checks, "once", "times")
        ));
    }
    if c.self_checks > 0 {
        for_you.push(format!(
            "You took {}.",
            times(c.self_checks, "a self-check", "self-checks")
        ));
    }
    if for_you.is_empty() {
        for_you.push("This week, try one small thing that is just for you.".into());
    }
    LookBack {
        week_of: crate::dates::day_text(week_of),
        for_them,
        for_you,
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TodayPlan {
    pub suggestions: Vec<Suggestion>,
    pub look_back: LookBack,
}
