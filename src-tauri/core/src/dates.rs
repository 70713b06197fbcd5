//! The one door for dates: how a day and a local time are written in the database and to the
//! UI, how a stored one is read back (an unreadable one is reported, never dropped), the
//! caregiver's time zone and today's date. What a caller sends is checked by
//! [`crate::validate::day`] and [`crate::validate::local_minute`].

use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;

/// A calendar day as stored and sent: `2026-12-03`.
pub const DAY: &str = "%Y-%m-%d";
/// A local date and time to the minute, as a date-time field sends it: `2026-12-03T18:30`.
pub const LOCAL_MINUTE: &str = "%Y-%m-%dT%H:%M";

pub fn day_text(d: NaiveDate) -> String {
    d.format(DAY).to_string()
}

pub fn minute_text(t: NaiveDateTime) -> String {
    t.format(LOCAL_MINUTE).to_string()
}

/// A day read back from the database. A value this build cannot read is an error that names
/// what it was, so the caller reports it the same way everywhere.
pub fn stored_day(s: &str, what: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(s, DAY).map_err(|_| crate::db::unreadable(what))
}

/// A local date and time read back from the database.
pub fn stored_minute(s: &str, what: &str) -> rusqlite::Result<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, LOCAL_MINUTE).map_err(|_| crate::db::unreadable(what))
}

/// The caregiver's time zone, from the system (quiet hours, "tomorrow morning" and days use it).
pub fn local_tz() -> Tz {
    iana_time_zone::get_timezone()
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(Tz::UTC)
}

/// The caregiver's local date today.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_minutes_round_trip_and_bad_ones_are_named() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 3).expect("date");
        assert_eq!(day_text(d), "2026-12-03");
        assert_eq!(stored_day("2026-12-03", "a day").expect("read"), d);
        let t = d.and_hms_opt(18, 30, 0).expect("time");
        assert_eq!(minute_text(t), "2026-12-03T18:30");
        assert_eq!(
            stored_minute("2026-12-03T18:30", "a time").expect("read"),
            t
        );
        let e = stored_day("someday", "a win's day").expect_err("unreadable");
        assert!(e.to_string().contains("unreadable a win's day"), "{e}");
        assert!(stored_minute("2026-12-03", "a time").is_err());
    }

    #[test]
    fn an_unreadable_stored_day_is_reported_by_every_reader_never_dropped() {
        let conn = crate::db::open_in_memory().expect("db");
        conn.execute_batch(
            "INSERT INTO people (id, name, relationship, created_at) VALUES (1, 'Sam', 'child', 'x');
             INSERT INTO wins (person_id, happened_on, text, created_at) VALUES (1, 'someday', 'Out', 'x');
             INSERT INTO checkins (person_id, happened_on, how, created_at) VALUES (1, 'someday', 'call', 'x');
             INSERT INTO daily_checks (day, strain, for_myself, updated_at) VALUES ('someday', 3, 1, 'x');",
        )
        .expect("rows");
        let early = NaiveDate::from_ymd_opt(2000, 1, 1).expect("date");
        assert!(crate::wins::store::recent(&conn, early).is_err());
        assert!(crate::practices::store::last_checkins(&conn).is_err());
        assert!(crate::strain::store::strain_since(&conn, early).is_err());
        assert!(crate::reminders::store::world_facts(&conn, early).is_err());
    }
}
