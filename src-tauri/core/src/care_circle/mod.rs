//! The care circle: relatives on other computers who share the caring of one person. The
//! caregiver chooses which kinds of record the circle shares; those records also live in one
//! Automerge document per circle, which every device merges (from a bundle file today, from a
//! live connection when that is on). The tables the screens read stay what they were: `apply`
//! is the one place that copies between them and the document, by stable ids.
//!
//! What is never shared is left out by construction: there is no [`SharedKind`] for the
//! caregiver's strain, self-checks, self-care plan, their own crisis card or listening moments.

pub mod api;
pub mod apply;
pub mod bundle;
pub mod doc;
pub mod live;
#[cfg(test)]
mod live_tests;
pub mod passphrases;
pub mod store;
pub mod tasks;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Longest "who is doing what" item.
pub const TASK_MAX: usize = 300;

/// The kinds of record a circle can share, in the order they are offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SharedKind {
    /// The safety plan, every version.
    SafetyPlan,
    WarningSigns,
    /// Appointments with their questions and notes.
    Appointments,
    CareContacts,
    Boundaries,
    /// Check-ins: who reached out and when.
    Checkins,
    Wins,
    /// "Who is doing what": I'll drive on Tuesday.
    Tasks,
}

/// How one kind is kept: its table and the columns that travel (never `id` or `person_id`,
/// which are each device's own).
pub struct Shape {
    pub table: &'static str,
    pub columns: &'static [&'static str],
    /// Rows that are never changed once written, only added (safety-plan versions): two
    /// devices adding one each keep both.
    pub versioned: bool,
}

impl SharedKind {
    pub const ALL: [SharedKind; 8] = [
        SharedKind::SafetyPlan,
        SharedKind::WarningSigns,
        SharedKind::Appointments,
        SharedKind::CareContacts,
        SharedKind::Boundaries,
        SharedKind::Checkins,
        SharedKind::Wins,
        SharedKind::Tasks,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SharedKind::SafetyPlan => "safety_plan",
            SharedKind::WarningSigns => "warning_signs",
            SharedKind::Appointments => "appointments",
            SharedKind::CareContacts => "care_contacts",
            SharedKind::Boundaries => "boundaries",
            SharedKind::Checkins => "checkins",
            SharedKind::Wins => "wins",
            SharedKind::Tasks => "tasks",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// What the caregiver sees in the list of choices.
    pub fn label(self) -> &'static str {
        match self {
            SharedKind::SafetyPlan => "Safety plan, with its earlier versions",
            SharedKind::WarningSigns => "Warning signs",
            SharedKind::Appointments => "Appointments, with questions and notes",
            SharedKind::CareContacts => "Care contacts",
            SharedKind::Boundaries => "Boundaries",
            SharedKind::Checkins => "Check-ins (who reached out, and when)",
            SharedKind::Wins => "Small wins",
            SharedKind::Tasks => "Who is doing what",
        }
    }

    pub fn shape(self) -> Shape {
        let (table, columns, versioned): (_, &'static [&'static str], _) = match self {
            SharedKind::SafetyPlan => (
                "safety_plans",
                &[
                    "saved_at",
                    "made_together",
                    "warning_signs",
                    "coping",
                    "distractions",
                    "helpers",
                    "professionals",
                    "safer_environment",
                ],
                true,
            ),
            SharedKind::WarningSigns => (
                "warning_signs",
                &["sign", "action", "contact", "created_at", "removed_at"],
                false,
            ),
            SharedKind::Appointments => (
                "appointments",
                &[
                    "starts_at",
                    "with_whom",
                    "place",
                    "giving_ride",
                    "questions",
                    "notes_after",
                    "created_at",
                    "removed_at",
                ],
                false,
            ),
            SharedKind::CareContacts => (
                "care_contacts",
                &["name", "kind", "phone", "note", "created_at", "removed_at"],
                false,
            ),
            SharedKind::Boundaries => (
                "boundaries",
                &["whose", "text", "created_at", "removed_at"],
                false,
            ),
            SharedKind::Checkins => (
                "checkins",
                &[
                    "happened_on",
                    "how",
                    "went",
                    "note",
                    "created_at",
                    "removed_at",
                ],
                false,
            ),
            SharedKind::Wins => (
                "wins",
                &["happened_on", "text", "note", "created_at", "deleted_at"],
                false,
            ),
            SharedKind::Tasks => (
                "care_tasks",
                &[
                    "what",
                    "who",
                    "on_day",
                    "done_at",
                    "created_at",
                    "removed_at",
                ],
                false,
            ),
        };
        Shape {
            table,
            columns,
            versioned,
        }
    }
}

/// Where the never-shared records live, for the words shown beside them.
pub const NEVER_SHARED: &[&str] = &[
    "your own strain and daily checks",
    "your self-checks",
    "your self-care plan",
    "your own crisis card",
    "your listening reflections",
];
