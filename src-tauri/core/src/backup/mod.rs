//! Automatic backups: when one is due, what a backup is called, and which ones to keep.
//! Pure rules here; the file work is in `files.rs`, the use cases in `api.rs`.

pub mod api;
pub mod files;
mod store;

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

/// How many daily and weekly backups are kept.
pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 4;

const PREFIX: &str = "alongside-";
const STAMP: &str = "%Y-%m-%dT%H%M%SZ";

/// `alongside-2026-12-03T101500Z.db`: UTC, so names sort by time.
pub fn file_name(at: DateTime<Utc>) -> String {
    format!("{PREFIX}{}.db", at.format(STAMP))
}

/// The time in a backup's name, or `None` for any other file (which is never touched).
pub fn parse_name(name: &str) -> Option<DateTime<Utc>> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(".db")?;
    NaiveDateTime::parse_from_str(stamp, STAMP)
        .ok()
        .map(|t| t.and_utc())
}

/// A backup is due when there is none, or the newest is 24 hours old (or from the future,
/// after a clock change).
pub fn is_due(newest: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    newest.is_none_or(|t| now - t >= Duration::hours(24) || t > now + Duration::hours(1))
}

/// Which backups to keep: the newest of each of the last 7 days that have one, then the
/// newest of each of the 4 weeks before those. Everything else may go.
pub fn to_keep(times: &[DateTime<Utc>]) -> BTreeSet<DateTime<Utc>> {
    let mut newest_first: Vec<_> = times.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    newest_first.dedup();
    let mut keep = BTreeSet::new();
    let mut days = Vec::new();
    let mut rest = newest_first.iter();
    for t in rest.by_ref() {
        let day = t.date_naive();
        if days.last() != Some(&day) {
            if days.len() == KEEP_DAILY {
                break;
            }
            days.push(day);
            keep.insert(*t);
        }
    }
    let oldest_daily = days.last().copied();
    let mut weeks = Vec::new();
    for t in newest_first
        .iter()
        .filter(|t| Some(t.date_naive()) < oldest_daily)
    {
        let week = t.iso_week();
        if weeks.last() != Some(&week) {
            if weeks.len() == KEEP_WEEKLY {
                break;
            }
            weeks.push(week);
            keep.insert(*t);
        }
    }
    keep
}

/// One kept backup, as the Settings screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    /// The file name; what Restore asks for.
    pub name: String,
    /// When it was made, RFC 3339 UTC.
    pub made_at: String,
    pub size_bytes: u64,
}

/// Where the data and the backups are, and how backing up is going.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    pub data_folder: String,
    pub backup_folder: String,
    /// True when the caregiver chose the folder (false: the default beside the data).
    pub chosen_folder: bool,
    /// Newest first.
    pub backups: Vec<BackupInfo>,
    /// Why the last backup did not work, in caregiver words, when it did not.
    pub problem: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, h, 15, 0)
            .single()
            .expect("time")
    }

    #[test]
    fn names_are_utc_sortable_and_read_back() {
        let t = Utc
            .with_ymd_and_hms(2026, 12, 3, 10, 15, 0)
            .single()
            .expect("t");
        assert_eq!(file_name(t), "alongside-2026-12-03T101500Z.db");
        assert_eq!(parse_name(&file_name(t)), Some(t));
        assert_eq!(parse_name("alongside.db"), None);
        assert_eq!(parse_name("alongside-2026-12-03T101500Z.db.part"), None);
        assert_eq!(parse_name("notes.txt"), None);
    }

    #[test]
    fn a_backup_is_due_after_a_day() {
        assert!(is_due(None, at(2, 9)));
        assert!(!is_due(Some(at(1, 10)), at(2, 9)));
        assert!(is_due(Some(at(1, 9)), at(2, 9)));
        assert!(is_due(Some(at(5, 9)), at(2, 9)), "a backup from the future");
    }

    #[test]
    fn a_month_of_daily_backups_keeps_seven_daily_and_four_weekly() {
        let mut kept: Vec<DateTime<Utc>> = Vec::new();
        for day in 1..=30 {
            kept.push(at(day, 9));
            let keep = to_keep(&kept);
            kept.retain(|t| keep.contains(t));
            assert!(kept.contains(&at(day, 9)), "the newest is always kept");
        }
        assert_eq!(kept.len(), KEEP_DAILY + KEEP_WEEKLY);
        let days: Vec<u32> = kept.iter().map(|t| t.day()).collect();
        // Nov 24–30 daily; before those, the newest of each of four ISO weeks (Monday to
        // Sunday): Monday the 23rd, then Sundays the 22nd, 15th and 8th.
        assert_eq!(days, vec![8, 15, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
    }

    #[test]
    fn several_backups_on_one_day_keep_the_newest_of_it() {
        let times = [at(3, 9), at(3, 12), at(3, 18), at(4, 9)];
        let keep = to_keep(&times);
        assert_eq!(keep, BTreeSet::from([at(3, 18), at(4, 9)]));
    }
}
