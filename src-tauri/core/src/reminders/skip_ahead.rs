//! Expanding a rule from its first day costs a step for every occurrence since then: ten years
//! of a daily reminder is 3,650 steps for each "what comes next", on every screen that lists
//! reminders and at every scheduler wake-up. A schedule whose first day moves forward by whole
//! periods of its rule has the same occurrences from there on, so expansion starts just before
//! the moment asked about.

use chrono::{Datelike, Duration, NaiveDateTime};

use super::schedule::{Repeat, Schedule};

impl Schedule {
    /// This schedule with its first day moved forward by whole periods of its rule, to a day
    /// before `before`'s (so the first day itself is never an answer); unchanged when it starts
    /// later or fires once.
    pub(crate) fn moved_before(&self, before: NaiveDateTime) -> Schedule {
        let start = self.start.date();
        // Never past the last day: a rule whose first day is after its end is no rule.
        let mut limit = before.date() - Duration::days(1);
        if let Some(until) = self.until {
            limit = limit.min(until);
        }
        if limit <= start {
            return self.clone();
        }
        let days = (limit - start).num_days();
        let moved = match &self.repeat {
            Repeat::Once => return self.clone(),
            Repeat::Daily => limit,
            Repeat::EveryNDays { n } => {
                start + Duration::days(days - days % i64::from((*n).max(1)))
            }
            // Whole weeks keep the weekday; the rule names its days.
            Repeat::Weekdays | Repeat::Weekly { .. } => start + Duration::days(days - days % 7),
            // The rule names its day of the month (or weekday in it), so only the month counts.
            Repeat::MonthlyOnDay { .. } | Repeat::MonthlyOnWeekday { .. } => {
                match limit.with_day(1) {
                    Some(first) if first > start => first,
                    _ => return self.clone(),
                }
            }
        };
        Schedule {
            start: moved.and_time(self.start.time()),
            ..self.clone()
        }
    }
}
