//! The reminder loop: the only part of Alongside that acts on its own. Its rule (`plan`) is pure:
//! given the reminders, where each one has got to, the snoozes, quiet hours, pauses and the
//! clock, it says what to fire, what was missed, what to skip and when to wake next. The loop
//! (`run`) sleeps until then, wakes at once when something changes, and re-checks the wall clock
//! at least once a minute, because monotonic timers stop while a computer sleeps.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use crate::reminders::{schedule, Purpose, Schedule};

#[cfg(test)]
#[path = "planning_tests.rs"]
mod tests;

/// Something due this long ago was not fired on time: Alongside was closed or asleep.
pub const GRACE: Duration = Duration::seconds(120);
/// The loop looks at the wall clock at least this often.
pub const RECHECK: StdDuration = StdDuration::from_secs(60);

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

pub trait Notifier: Send + Sync {
    /// Shows one notification. Failures are reported, never retried in a burst.
    fn notify(&self, title: &str, body: &str) -> Result<(), String>;
}

/// One reminder as the rule sees it.
#[derive(Debug, Clone)]
pub struct Spec {
    pub id: i64,
    pub schedule: Schedule,
    pub purpose: Purpose,
    pub person_id: Option<i64>,
    /// Occurrences at or before this instant are handled (or predate the reminder).
    pub cursor: DateTime<Utc>,
}

/// Everything else the rule looks at.
#[derive(Debug, Clone, Default)]
pub struct World {
    /// Quiet hours as local times, and the caregiver's zone for them.
    pub quiet: Option<(NaiveTime, NaiveTime)>,
    pub tz: Option<Tz>,
    /// Everything waits until then.
    pub paused_until: Option<DateTime<Utc>>,
    /// (person id, last day of their "give space" pause).
    pub spaces: Vec<(i64, NaiveDate)>,
    /// (person id, local day) of check-ins already recorded.
    pub checkins: Vec<(i64, NaiveDate)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// The person asked for space.
    Space,
    /// The check-in was already recorded that day.
    AlreadyDone,
    /// An older missed occurrence; only the newest of a reminder's missed ones is listed.
    Superseded,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Fire {
        id: i64,
        key: String,
        at: DateTime<Utc>,
    },
    Missed {
        id: i64,
        key: String,
        at: DateTime<Utc>,
    },
    Skip {
        id: i64,
        key: String,
        at: DateTime<Utc>,
        reason: SkipReason,
    },
}

impl Outcome {
    pub fn reminder(&self) -> i64 {
        match self {
            Outcome::Fire { id, .. } | Outcome::Missed { id, .. } | Outcome::Skip { id, .. } => *id,
        }
    }
    pub fn at(&self) -> DateTime<Utc> {
        match self {
            Outcome::Fire { at, .. } | Outcome::Missed { at, .. } | Outcome::Skip { at, .. } => *at,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub outcomes: Vec<Outcome>,
    /// Snoozed items whose time has come: (due item id).
    pub refire: Vec<i64>,
    /// When to look again, if anything is still to come.
    pub wake: Option<DateTime<Utc>>,
}

/// The moment quiet hours that contain `at` end, or `at` itself when outside them.
pub fn after_quiet(at: DateTime<Utc>, w: &World) -> DateTime<Utc> {
    let (Some((start, end)), Some(tz)) = (w.quiet, w.tz) else {
        return at;
    };
    let local = at.with_timezone(&tz).naive_local();
    let t = local.time();
    let day = local.date();
    let end_day = if start < end {
        if t >= start && t < end {
            Some(day)
        } else {
            None
        }
    } else if t >= start {
        Some(day + Duration::days(1))
    } else if t < end {
        Some(day)
    } else {
        None
    };
    match end_day {
        Some(d) => schedule::resolve(tz, d.and_time(end)).max(at),
        None => at,
    }
}

/// When something due at `at` may actually be delivered: after quiet hours and any pause.
pub fn deliverable(at: DateTime<Utc>, w: &World) -> DateTime<Utc> {
    let mut t = after_quiet(at, w);
    if let Some(p) = w.paused_until {
        if t < p {
            t = after_quiet(p, w);
        }
    }
    t
}

/// Most occurrences one reminder may work through in one plan (a year of closed laptop with a
/// daily reminder is 365).
const MAX_STEPS: usize = 5000;

/// The rule. `snoozed` is (due item id, until).
pub fn plan(
    specs: &[Spec],
    snoozed: &[(i64, DateTime<Utc>)],
    w: &World,
    now: DateTime<Utc>,
) -> Plan {
    let mut out = Plan::default();
    let wake = |t: DateTime<Utc>, out: &mut Plan| {
        out.wake = Some(out.wake.map_or(t, |w| w.min(t)));
    };
    for spec in specs {
        let mut cursor = spec.cursor;
        let mut missed: Vec<Outcome> = Vec::new();
        for _ in 0..MAX_STEPS {
            let Some(occ) = spec.schedule.next_after(cursor) else {
                break;
            };
            let when = deliverable(occ.at, w);
            let day = occ.local.date();
            let person = spec.person_id;
            let is_check_in = spec.purpose == Purpose::CheckIn;
            if when > now {
                wake(when, &mut out);
                break;
            }
            // While the person has asked for space, their check-ins pass quietly. (Only once
            // due: ending the pause early brings the next ones back.)
            if is_check_in
                && person
                    .is_some_and(|p| w.spaces.iter().any(|(sp, until)| *sp == p && day <= *until))
            {
                out.outcomes.push(Outcome::Skip {
                    id: spec.id,
                    key: occ.key(),
                    at: occ.at,
                    reason: SkipReason::Space,
                });
            } else if is_check_in && person.is_some_and(|p| w.checkins.contains(&(p, day))) {
                out.outcomes.push(Outcome::Skip {
                    id: spec.id,
                    key: occ.key(),
                    at: occ.at,
                    reason: SkipReason::AlreadyDone,
                });
            } else if now - when > GRACE {
                missed.push(Outcome::Missed {
                    id: spec.id,
                    key: occ.key(),
                    at: occ.at,
                });
            } else {
                out.outcomes.push(Outcome::Fire {
                    id: spec.id,
                    key: occ.key(),
                    at: occ.at,
                });
            }
            cursor = occ.at;
        }
        // Only the newest missed occurrence of a reminder is listed; the others are set aside.
        if let Some(last) = missed.pop() {
            for m in missed {
                if let Outcome::Missed { id, key, at } = m {
                    out.outcomes.push(Outcome::Skip {
                        id,
                        key,
                        at,
                        reason: SkipReason::Superseded,
                    });
                }
            }
            out.outcomes.push(last);
        }
    }
    for (due_id, until) in snoozed {
        let when = deliverable(*until, w);
        if when <= now {
            out.refire.push(*due_id);
        } else {
            wake(when, &mut out);
        }
    }
    out
}

/// A message to the loop.
pub enum Signal {
    /// Reminders, settings or snoozes changed: plan again now.
    Replan,
}

/// How long to sleep before looking again: until the next wake, at most [`RECHECK`].
pub fn sleep_for(wake: Option<DateTime<Utc>>, now: DateTime<Utc>) -> StdDuration {
    match wake {
        Some(w) if w > now => (w - now).to_std().unwrap_or(RECHECK).min(RECHECK),
        Some(_) => StdDuration::ZERO,
        None => RECHECK,
    }
}

/// The loop. `step` plans and acts once and returns the next wake; it runs until every sender
/// of `signals` is gone.
pub fn run(
    clock: &dyn Clock,
    signals: &Receiver<Signal>,
    mut step: impl FnMut(DateTime<Utc>) -> Option<DateTime<Utc>>,
) {
    loop {
        let now = clock.now();
        let wake = step(now);
        match signals.recv_timeout(sleep_for(wake, clock.now())) {
            Ok(Signal::Replan) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}
