//! Reminders while Alongside is locked: the data key is gone, so the scheduler keeps, in memory
//! only, what the plan needs (times and rules, no words) from the last pass before the lock, and
//! fires from it with private wording. Nothing is recorded until Alongside is unlocked; then the
//! usual pass lists what came due in Due now.

use chrono::{DateTime, Utc};

use super::planning::{plan, Outcome, Spec, World};
use super::store;
use crate::db::Database;
use crate::error::Result;

/// The plan's inputs as they were at the last pass with the data open.
#[derive(Debug, Clone)]
pub struct Snapshot {
    specs: Vec<Spec>,
    snoozed: Vec<(i64, DateTime<Utc>)>,
    world: World,
}

/// Reads the plan's inputs while the data is open.
pub fn snapshot(db: &Database, now: DateTime<Utc>, tz: chrono_tz::Tz) -> Result<Snapshot> {
    db.with(|c| {
        let settings = store::settings(c)?;
        let (checkins, spaces) = store::world_facts(c, store::facts_since(now))?;
        Ok(Snapshot {
            specs: store::specs(c)?,
            snoozed: store::snoozed(c)?,
            world: World {
                quiet: settings.quiet(),
                tz: Some(tz),
                paused_until: settings.paused_until(),
                spaces,
                checkins,
            },
        })
    })
}

impl Snapshot {
    /// What comes due at `now` while locked: how many reminders to announce privately, and
    /// when to look again. Each occurrence is announced once.
    pub fn step(&mut self, now: DateTime<Utc>) -> (usize, Option<DateTime<Utc>>) {
        let p = plan(&self.specs, &self.snoozed, &self.world, now);
        let mut due = p.refire.len();
        for o in &p.outcomes {
            if let Outcome::Fire { .. } = o {
                due += 1;
            }
            // Every occurrence the plan dealt with is behind us now, fired or not.
            if let Some(spec) = self.specs.iter_mut().find(|s| s.id == o.reminder()) {
                spec.cursor = spec.cursor.max(o.at());
            }
        }
        self.snoozed.retain(|(id, _)| !p.refire.contains(id));
        (due, p.wake)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reminders::schedule::{Repeat, Schedule};
    use crate::reminders::Purpose;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 3, h, m, 0)
            .single()
            .expect("time")
    }

    #[test]
    fn a_daily_reminder_is_announced_once_each_day_while_locked() {
        let spec = Spec {
            id: 1,
            schedule: Schedule {
                start: at(9, 0).naive_utc(),
                repeat: Repeat::Daily,
                until: None,
                tz: chrono_tz::UTC,
            },
            purpose: Purpose::CheckIn,
            person_id: None,
            cursor: at(8, 0),
        };
        let mut s = Snapshot {
            specs: vec![spec],
            snoozed: vec![],
            world: World {
                tz: Some(chrono_tz::UTC),
                ..Default::default()
            },
        };
        let (due, wake) = s.step(at(8, 30));
        assert_eq!(due, 0);
        assert_eq!(wake, Some(at(9, 0)));
        assert_eq!(s.step(at(9, 0)).0, 1, "announced when due");
        let (again, wake) = s.step(at(9, 1));
        assert_eq!(again, 0, "never twice");
        assert_eq!(wake, Some(at(9, 0) + chrono::Duration::days(1)));
    }
}
