//! Today: the use cases behind the Today screen's suggestions and marks. The rule itself is
//! pure (`super`); this reads what it looks at from every feature's store.

use chrono::{Datelike, Duration, NaiveDate};

use super::{self as suggest, Context, MarkState, TodayPlan};
use crate::dates;
use crate::db::Database;
use crate::error::{Error, Result};
use crate::practices::{store, Whose};

pub fn today_plan(db: &Database) -> Result<TodayPlan> {
    let today = dates::today();
    db.with(|c| {
        let ctx = context(c, today)?;
        let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
        Ok(TodayPlan {
            suggestions: suggest::suggestions(&ctx, today),
            look_back: suggest::look_back(monday, &super::store::week_counts(c, monday, today)?),
        })
    })
}

/// Everything Today's rule looks at, read from the store.
fn context(c: &rusqlite::Connection, today: NaiveDate) -> Result<Context> {
    let people: Vec<(i64, String)> = crate::people::store::list(c)?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let appointments = store::appointments(c, today)?
        .into_iter()
        .map(|a| {
            let when = dates::stored_minute(&a.starts_at, "an appointment's time")?;
            Ok((
                a.id,
                a.person_id,
                when,
                a.with_whom,
                !a.questions.is_empty(),
            ))
        })
        .collect::<rusqlite::Result<_>>()?;
    let wins = crate::wins::store::recent(c, today - Duration::days(suggest::WIN_WITHIN_DAYS))?;
    let spaces: Vec<(i64, NaiveDate)> = store::spaces(c, today)?
        .into_iter()
        .map(|s| {
            Ok((
                s.person_id,
                dates::stored_day(&s.until, "a pause's last day")?,
            ))
        })
        .collect::<rusqlite::Result<_>>()?;
    Ok(Context {
        circle: circle_suggestions(c, &people, &spaces, today)?,
        spaces,
        last_checkins: store::last_checkins(c)?,
        appointments,
        wins,
        boundaries: store::boundaries(c)?
            .into_iter()
            .filter(|b| b.whose == Whose::Theirs)
            .map(|b| (b.id, b.person_id, b.text))
            .collect(),
        ideas: crate::practices::all()
            .iter()
            .map(|p| (p.id.clone(), p.ideas.clone()))
            .collect(),
        marks: super::store::marks(c, today)?
            .into_iter()
            .map(|(k, s)| {
                let m = match s.as_str() {
                    "done" => MarkState::Done,
                    "not_today" => MarkState::NotToday,
                    _ => return Err(crate::db::unreadable("a suggestion's mark")),
                };
                Ok((k, m))
            })
            .collect::<rusqlite::Result<_>>()?,
        people,
    })
}

/// The circle of support's suggestions (none about anyone who asked for space).
fn circle_suggestions(
    c: &rusqlite::Connection,
    people: &[(i64, String)],
    spaces: &[(i64, NaiveDate)],
    today: NaiveDate,
) -> Result<Vec<crate::circle::rules::CircleSuggestion>> {
    use crate::circle::{rules, store as circle};
    let mut circles = Vec::new();
    for (id, name) in people {
        circles.push(rules::PersonCircle {
            person_id: *id,
            name: name.clone(),
            members: circle::members(c, Some(*id))?,
            resting: spaces.iter().any(|(p, until)| p == id && today <= *until),
        });
    }
    let mine = circle::members(c, None)?;
    Ok(rules::suggestions(&circles, &mine, today))
}

/// Marks a suggestion done or "not today"; `state` none clears the mark.
pub fn mark_suggestion(db: &Database, key: String, state: Option<MarkState>) -> Result<()> {
    let key = key.trim();
    let unknown = || Error::invalid("key", "That suggestion could not be found.");
    if key.is_empty() || key.len() > 100 {
        return Err(unknown());
    }
    let state = state.map(|s| match s {
        MarkState::Done => "done",
        MarkState::NotToday => "not_today",
    });
    let today = dates::today();
    db.with(|c| {
        let ctx = context(c, today)?;
        // Clearing a mark set earlier today still works after its suggestion has gone.
        let marked = ctx.marks.iter().any(|(k, _)| k == key);
        if !(suggest::is_known_key(&ctx, today, key) || (state.is_none() && marked)) {
            return Err(unknown());
        }
        super::store::mark(c, today, key, state)
    })
}
