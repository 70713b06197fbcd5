//! Reminders as an iCalendar (.ics) file, written with the `icalendar` crate: each reminder an
//! event with its DTSTART (in its time zone) and RRULE, so a calendar app repeats it the same way.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, Property};

use super::Reminder;

pub fn to_ics(reminders: &[Reminder], now: DateTime<Utc>) -> String {
    let mut cal = Calendar::new();
    cal.name("Alongside reminders");
    for r in reminders {
        let mut e = Event::new();
        e.uid(&format!("reminder-{}@alongside.local", r.id));
        e.timestamp(now);
        e.summary(&r.title);
        if let Some(m) = &r.message {
            e.description(m);
        }
        for line in r.rule.lines() {
            if let Some(rule) = line.strip_prefix("RRULE:") {
                e.add_property("RRULE", rule);
            } else if let Some((tz, at)) = line
                .strip_prefix("DTSTART;TZID=")
                .and_then(|rest| rest.split_once(':'))
            {
                e.append_property(
                    Property::new("DTSTART", at)
                        .add_parameter("TZID", tz)
                        .done(),
                );
            }
        }
        cal.push(e.done());
    }
    cal.done().to_string()
}
