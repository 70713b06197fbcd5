//! Everything the caregiver wrote, as one versioned JSON file they can keep or move to another
//! computer, protected with a passphrase if they like (see `FORMAT.md`). This module holds the
//! format: which tables go in the file, what each column may hold, and the checks every record
//! passes before anything is written. Derived data (the search index) is left out and rebuilt
//! on import.

pub mod api;
mod check;
pub mod protect;
#[cfg(test)]
mod protect_tests;
pub mod store;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::validate;

pub(crate) use check::value as check_value;
pub use check::{check, read, too_big, Checked};
pub use rusqlite::types::Value as SqlValue;

/// What the `format` field of every file says.
pub const FORMAT: &str = "alongside-everything";
/// The version of the file format this build writes and reads.
pub const SCHEMA: u32 = 3;

/// Tables added to the format after its first version, with the version that added them. A file
/// from before that version has no such table, and imports as if it were empty.
pub const ADDED_IN: &[(&str, u32)] = &[
    ("circle_members", 2),
    ("circle_member_kinds", 2),
    ("circle_connections", 2),
    ("care_tasks", 3),
    ("shared_records", 3),
];

/// The format version that first had `table`.
pub fn added_in(table: &str) -> u32 {
    ADDED_IN
        .iter()
        .find(|(t, _)| *t == table)
        .map_or(1, |(_, v)| *v)
}
/// Files above this size are refused before they are read (far above any real diary).
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// What the caregiver types to erase everything.
pub const ERASE_WORD: &str = "ERASE";

/// One file: the format's name and version, when it was made, and every table's rows in the
/// order of their first column. Each row is an object of column name to value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub format: String,
    pub schema: u32,
    pub exported_at: String,
    pub tables: BTreeMap<String, Vec<BTreeMap<String, Value>>>,
}

/// How many of the main records a file or a database holds, for plain words on screen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordCounts {
    pub people: u32,
    pub wins: u32,
    pub safety_plans: u32,
    pub reminders: u32,
    /// Every row of every table, the ones above included.
    pub records: u32,
}

#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// The row's own number (1 or more).
    Id,
    /// The number of a row of that table in the same file.
    Ref(&'static str),
    OptRef(&'static str),
    Text(usize),
    OptText(usize),
    Lines(usize),
    OptLines(usize),
    Day,
    OptDay,
    /// A moment, RFC 3339.
    Stamp,
    OptStamp,
    /// A local wall-clock time, YYYY-MM-DDTHH:MM.
    Minute,
    /// A time of day, HH:MM.
    OptClock,
    Word(fn(&str) -> bool),
    OptWord(fn(&str) -> bool),
    /// Text of several lines that may be empty (a list joined one item a line).
    AnyLines(usize),
    Int(i64, i64),
    OptInt(i64, i64),
    OptReal(f64, f64),
}

impl Kind {
    /// A column that only ever holds 1: the table has at most one row.
    pub fn is_singleton(self) -> bool {
        matches!(self, Kind::Int(1, 1))
    }
}

pub struct Table {
    pub name: &'static str,
    /// What one row is, in the caregiver's words.
    pub noun: &'static str,
    pub columns: &'static [(&'static str, Kind)],
    /// The columns that must be unique together; the first is the sort order of the file.
    pub unique: &'static [&'static [&'static str]],
}

use Kind::*;

const BOOL: Kind = Int(0, 1);
const LONG: usize = 2000;
/// A safety-plan step: up to 20 items of 300 characters, one a line.
const STEP: usize = 20 * 301;

fn relationship(s: &str) -> bool {
    crate::people::Relationship::parse(s).is_some()
}
fn condition(s: &str) -> bool {
    serde_json::from_value::<crate::people::Condition>(Value::from(s)).is_ok()
}
fn region(s: &str) -> bool {
    crate::crisis::is_known_region(s)
}
fn purpose(s: &str) -> bool {
    crate::reminders::Purpose::parse(s).is_some()
}
fn tie(s: &str) -> bool {
    crate::circle::Tie::parse(s).is_some()
}
fn support_kind(s: &str) -> bool {
    crate::circle::SupportKind::parse(s).is_some()
}
fn connection_kind(s: &str) -> bool {
    crate::circle::ConnectionKind::parse(s).is_some()
}
fn shared_kind(s: &str) -> bool {
    crate::care_circle::SharedKind::parse(s).is_some()
}
fn share_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}
fn any_word(s: &str) -> bool {
    !s.is_empty() && s.len() <= 200 && !s.chars().any(char::is_control)
}
macro_rules! one_of {
    ($($w:literal),*) => {{
        fn f(s: &str) -> bool { [$($w),*].contains(&s) }
        f
    }};
}

/// Every table the caregiver writes, parents before children (the order rows are written in).
/// Tables that stay with this computer and are never in the file, with the reason.
pub const NOT_EXPORTED: &[(&str, &str)] = &[
    (
        "backup_settings",
        "where this computer keeps its backups: a folder that means nothing on another computer",
    ),
    (
        "care_device",
        "this computer's own key in a care circle: another computer joins with a key of its own",
    ),
    (
        "care_circles",
        "this computer's place in a care circle: another computer joins the circle by invite",
    ),
    (
        "care_circle_syncs",
        "when other devices last synced with this computer",
    ),
    (
        "care_dirty",
        "which records changed since they were last shared: rebuilt as records change",
    ),
    (
        "care_bundle_passphrases",
        "hashes of the passphrases this computer used for a care circle's bundles: kept with the circle, which does not move",
    ),
];

#[rustfmt::skip]
pub const TABLES: &[Table] = &[
    Table { name: "profile", noun: "your details", unique: &[&["id"]], columns: &[
        ("id", Int(1, 1)), ("caregiver_name", OptText(validate::NAME_MAX)),
        ("region", Word(region)), ("onboarded_at", Stamp)] },
    Table { name: "people", noun: "person", unique: &[&["id"]], columns: &[
        ("id", Id), ("name", Text(validate::NAME_MAX)), ("relationship", Word(relationship)),
        ("created_at", Stamp), ("removed_at", OptStamp)] },
    Table { name: "person_conditions", noun: "person's condition", unique: &[&["person_id", "condition"]], columns: &[
        ("person_id", Ref("people")), ("condition", Word(condition))] },
    Table { name: "card_state", noun: "Learn bookmark", unique: &[&["slug"]], columns: &[
        ("slug", Word(any_word)), ("bookmarked_at", OptStamp), ("read_at", OptStamp)] },
    Table { name: "tags", noun: "tag", unique: &[&["id"], &["name"]], columns: &[
        ("id", Id), ("name", Text(crate::wins::TAG_MAX)), ("created_at", Stamp)] },
    Table { name: "wins", noun: "small win", unique: &[&["id"]], columns: &[
        ("id", Id), ("person_id", Ref("people")), ("happened_on", Day),
        ("text", Text(crate::wins::TEXT_MAX)), ("note", OptLines(crate::wins::NOTE_MAX)),
        ("created_at", Stamp), ("deleted_at", OptStamp)] },
    Table { name: "win_tags", noun: "win's tag", unique: &[&["win_id", "tag_id"]], columns: &[
        ("win_id", Ref("wins")), ("tag_id", Ref("tags"))] },
    Table { name: "safety_plans", noun: "safety plan", unique: &[&["id"], &["person_id", "version"]], columns: &[
        ("id", Id), ("person_id", Ref("people")), ("version", Int(1, i64::MAX)),
        ("saved_at", Stamp), ("made_together", BOOL), ("warning_signs", AnyLines(STEP)),
        ("coping", AnyLines(STEP)), ("distractions", AnyLines(STEP)), ("helpers", AnyLines(STEP)),
        ("professionals", AnyLines(STEP)), ("safer_environment", AnyLines(STEP))] },
    Table { name: "warning_signs", noun: "warning sign", unique: &[&["id"]], columns: &[
        ("id", Id), ("person_id", Ref("people")), ("sign", Text(crate::readiness::SIGN_MAX)),
        ("action", OptLines(crate::readiness::ACTION_MAX)),
        ("contact", OptText(crate::readiness::CONTACT_MAX)), ("created_at", Stamp),
        ("removed_at", OptStamp)] },
    Table { name: "signs_noticed", noun: "noticed sign", unique: &[&["id"]], columns: &[
        ("id", Id), ("person_id", Ref("people")), ("noticed_on", Day),
        ("signs", AnyLines(crate::readiness::SIGNS_PICKED_MAX * (crate::readiness::SIGN_MAX + 1))),
        ("note", OptLines(crate::readiness::NOTE_MAX)), ("created_at", Stamp)] },
    Table { name: "caregiver_card", noun: "your own card", unique: &[&["id"]], columns: &[
        ("id", Int(1, 1)), ("what_helps", OptLines(crate::readiness::NOTE_MAX)), ("updated_at", Stamp)] },
    Table { name: "caregiver_contacts", noun: "contact on your card", unique: &[&["id"]], columns: &[
        ("id", Id), ("position", Int(0, 1000)), ("name", Text(validate::NAME_MAX)),
        ("reach", OptText(crate::readiness::REACH_MAX))] },
    Table { name: "daily_checks", noun: "daily check", unique: &[&["day"]], columns: &[
        ("day", Day), ("strain", Int(0, 10)), ("sleep", OptWord(one_of!("poor", "okay", "good"))), ("sleep_hours", OptReal(0.0, 24.0)),
        ("for_myself", BOOL), ("note", OptLines(crate::strain::NOTE_MAX)), ("updated_at", Stamp)] },
    Table { name: "self_checks", noun: "self-check", unique: &[&["id"]], columns: &[
        ("id", Id), ("instrument", Word(any_word)), ("taken_at", Stamp),
        ("answers", Text(LONG)), ("total", Int(0, 10_000)), ("band", Word(any_word))] },
    Table { name: "self_care_plan", noun: "self-care plan", unique: &[&["id"]], columns: &[
        ("id", Int(1, 1)), ("warning_signs", OptLines(crate::strain::PLAN_FIELD_MAX)),
        ("what_helps", OptLines(crate::strain::PLAN_FIELD_MAX)),
        ("who_to_ask", OptLines(crate::strain::PLAN_FIELD_MAX)),
        ("what_to_drop", OptLines(crate::strain::PLAN_FIELD_MAX)), ("updated_at", Stamp)] },
    Table { name: "listening_moments", noun: "listening moment", unique: &[&["id"]], columns: &[
        ("id", Id), ("person_id", Ref("people")), ("happened_on", Day),
        ("shared", OptLines(TOOL)), ("listened", Word(one_of!("yes", "partly", "no"))),
        ("learned", OptLines(TOOL)), ("felt", OptLines(TOOL)), ("created_at", Stamp),
        ("removed_at", OptStamp)] },
    Table { name: "checkins", noun: "check-in", unique: &[&["id"]], columns: &[
        ("id", Id), ("person_id", Ref("people")), ("happened_on", Day),
        ("how", Word(one_of!("message", "call", "in_person", "other"))), ("went", OptInt(1, 5)),
        ("note", OptLines(TOOL)), ("created_at", Stamp), ("removed_at", OptStamp)] },
    Table { name: "starters", noun: "message starter", unique: &[&["id"]], columns: &[
        ("id", Id), ("text", Lines(TOOL)), ("builtin", BOOL), ("created_at", Stamp),
        ("removed_at", OptStamp)] },
    Table { name: "appointments", noun: "appointment", unique: &[&["id"]], columns: &[
        ("id", Id), ("person_id", Ref("people")), ("starts_at", Minute),
        ("with_whom", Text(SHORT)), ("place", OptText(SHORT)), ("giving_ride", BOOL),
        ("questions", AnyLines(QUESTIONS)), ("notes_after", OptLines(TOOL)), ("created_at", Stamp),
        ("removed_at", OptStamp)] },
    Table { name: "care_contacts", noun: "care contact", unique: &[&["id"]], columns: &[
        ("id", Id), ("person_id", OptRef("people")), ("name", Text(SHORT)),
        ("kind", Word(one_of!("clinician", "service", "pharmacy", "other"))),
        ("phone", OptText(SHORT)), ("note", OptLines(TOOL)), ("created_at", Stamp),
        ("removed_at", OptStamp)] },
    Table { name: "boundaries", noun: "boundary", unique: &[&["id"]], columns: &[
        ("id", Id), ("person_id", Ref("people")), ("whose", Word(one_of!("theirs", "mine"))),
        ("text", Lines(TOOL)), ("created_at", Stamp), ("removed_at", OptStamp)] },
    Table { name: "give_space", noun: "\"give space\" pause", unique: &[&["person_id"]], columns: &[
        ("person_id", Ref("people")), ("until", Day), ("note", OptLines(TOOL)), ("created_at", Stamp)] },
    Table { name: "suggestion_marks", noun: "Today mark", unique: &[&["day", "key"]], columns: &[
        ("day", Day), ("key", Word(any_word)), ("state", Word(one_of!("done", "not_today")))] },
    Table { name: "circle_members", noun: "person in a circle of support", unique: &[&["id"]], columns: &[
        ("id", Id), ("person_id", OptRef("people")), ("name", Text(validate::NAME_MAX)),
        ("tie", Word(tie)), ("closeness", Int(1, 3)),
        ("feels", OptWord(one_of!("helps", "mixed", "hard"))), ("last_seen", OptDay),
        ("note", OptLines(crate::circle::NOTE_MAX)), ("created_at", Stamp), ("removed_at", OptStamp)] },
    Table { name: "circle_member_kinds", noun: "kind of support", unique: &[&["member_id", "kind"]], columns: &[
        ("member_id", Ref("circle_members")), ("kind", Word(support_kind))] },
    Table { name: "circle_connections", noun: "noted connection", unique: &[&["id"]], columns: &[
        ("id", Id), ("person_id", Ref("people")), ("member_id", OptRef("circle_members")),
        ("what", Word(connection_kind)), ("happened_on", Day), ("win_id", OptRef("wins")),
        ("created_at", Stamp), ("removed_at", OptStamp)] },
    Table { name: "reminders", noun: "reminder", unique: &[&["id"]], columns: &[
        ("id", Id), ("title", Text(crate::reminders::TITLE_MAX)),
        ("message", OptLines(crate::reminders::MESSAGE_MAX)), ("purpose", Word(purpose)),
        ("person_id", OptRef("people")), ("rule", Lines(LONG)), ("schedule", Text(LONG)),
        ("cursor", Stamp), ("created_at", Stamp), ("removed_at", OptStamp)] },
    Table { name: "due_items", noun: "reminder occurrence", unique: &[&["id"], &["reminder_id", "occurrence"]], columns: &[
        ("id", Id), ("reminder_id", Ref("reminders")), ("occurrence", Stamp), ("due_at", Stamp),
        ("state", Word(one_of!("due", "missed", "snoozed", "done", "skipped"))),
        ("snoozed_until", OptStamp), ("notified_at", OptStamp), ("resolved_at", OptStamp),
        ("checkin_id", OptRef("checkins"))] },
    Table { name: "care_tasks", noun: "who-is-doing-what item", unique: &[&["id"]], columns: &[
        ("id", Id), ("person_id", Ref("people")), ("what", Text(crate::care_circle::TASK_MAX)),
        ("who", Text(validate::NAME_MAX)), ("on_day", OptDay), ("done_at", OptStamp),
        ("created_at", Stamp), ("removed_at", OptStamp)] },
    Table { name: "shared_records", noun: "shared record's id", unique: &[&["kind", "local_id"], &["kind", "share_id"]], columns: &[
        ("kind", Word(shared_kind)), ("local_id", Int(1, i64::MAX)), ("share_id", Word(share_id)),
        ("origin", OptWord(share_id))] },
    Table { name: "reminder_settings", noun: "reminder settings", unique: &[&["id"]], columns: &[
        ("id", Int(1, 1)), ("quiet_start", OptClock), ("quiet_end", OptClock),
        ("show_details", BOOL), ("paused_until", OptStamp)] },
];

const TOOL: usize = crate::practices::TEXT_MAX;
const SHORT: usize = crate::practices::SHORT_MAX;
const QUESTIONS: usize = crate::practices::QUESTIONS_MAX * (SHORT + 1);
