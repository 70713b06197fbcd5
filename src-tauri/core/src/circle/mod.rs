//! The circle of support: the people, groups and services around a person supported (and
//! around the caregiver), the kinds of support each gives, how each relationship tends to feel,
//! and where the circle could grow. Nothing here is required and nothing is ever counted as
//! missed: a thin kind of support leads to a few plain ideas, never to a score.

pub mod api;
pub mod content;
pub mod rules;
pub mod store;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::validate::{at_most, optional_day, optional_lines, required_text, NAME_MAX};

/// Longest note about someone in the circle.
pub const NOTE_MAX: usize = 500;
/// The most people, groups and services one circle holds: more than any real circle.
pub const MEMBERS_MAX: usize = 200;

/// The five kinds of support, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SupportKind {
    Emotional,
    Practical,
    Informational,
    Encouragement,
    Peer,
}

impl SupportKind {
    pub const ALL: [SupportKind; 5] = [
        SupportKind::Emotional,
        SupportKind::Practical,
        SupportKind::Informational,
        SupportKind::Encouragement,
        SupportKind::Peer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SupportKind::Emotional => "emotional",
            SupportKind::Practical => "practical",
            SupportKind::Informational => "informational",
            SupportKind::Encouragement => "encouragement",
            SupportKind::Peer => "peer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Who someone in the circle is to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Tie {
    Family,
    Friend,
    /// A peer supporter or a peer group: someone with lived experience.
    Peer,
    /// A club, a faith group, a class or another group.
    Group,
    WorkOrStudy,
    CareTeam,
    Other,
}

impl Tie {
    pub const ALL: [Tie; 7] = [
        Tie::Family,
        Tie::Friend,
        Tie::Peer,
        Tie::Group,
        Tie::WorkOrStudy,
        Tie::CareTeam,
        Tie::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Tie::Family => "family",
            Tie::Friend => "friend",
            Tie::Peer => "peer",
            Tie::Group => "group",
            Tie::WorkOrStudy => "work_or_study",
            Tie::CareTeam => "care_team",
            Tie::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// Whether not seeing them for a while is worth a gentle word: people the person meets
    /// socially, not their care team or work.
    pub fn is_social(self) -> bool {
        matches!(self, Tie::Family | Tie::Friend | Tie::Peer | Tie::Group)
    }
}

/// How close they are: the rings of the picture, closest in the middle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Closeness {
    Closest,
    Close,
    Wider,
}

impl Closeness {
    pub const ALL: [Closeness; 3] = [Closeness::Closest, Closeness::Close, Closeness::Wider];

    pub fn ring(self) -> i64 {
        match self {
            Closeness::Closest => 1,
            Closeness::Close => 2,
            Closeness::Wider => 3,
        }
    }

    pub fn from_ring(n: i64) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.ring() == n)
    }
}

/// How the relationship tends to feel for the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Feels {
    Helps,
    Mixed,
    /// Hard right now: shown in the circle, not counted as support.
    Hard,
}

impl Feels {
    pub fn as_str(self) -> &'static str {
        match self {
            Feels::Helps => "helps",
            Feels::Mixed => "mixed",
            Feels::Hard => "hard",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Feels::Helps, Feels::Mixed, Feels::Hard]
            .into_iter()
            .find(|f| f.as_str() == s)
    }
}

/// Someone to add to a circle, or the new details of someone in it. Only the name is needed.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MemberInput {
    /// The person supported whose circle this is; `None` for the caregiver's own circle.
    pub person_id: Option<i64>,
    pub name: String,
    pub tie: Tie,
    pub closeness: Closeness,
    #[serde(default)]
    pub kinds: Vec<SupportKind>,
    pub feels: Option<Feels>,
    /// When they last saw each other, YYYY-MM-DD.
    pub last_seen: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidMember {
    pub person_id: Option<i64>,
    pub name: String,
    pub tie: Tie,
    pub closeness: Closeness,
    pub kinds: Vec<SupportKind>,
    pub feels: Option<Feels>,
    pub last_seen: Option<NaiveDate>,
    pub note: Option<String>,
}

impl MemberInput {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidMember> {
        let name = required_text("name", &self.name, NAME_MAX, "a name")?;
        let kinds = at_most("kinds", &self.kinds, SupportKind::ALL.len(), "kinds")?;
        let mut kinds = kinds.to_vec();
        kinds.sort();
        kinds.dedup();
        let last_seen = optional_day("lastSeen", self.last_seen.as_deref())?;
        if last_seen.is_some_and(|d| d > today) {
            return Err(Error::invalid(
                "lastSeen",
                "That day is still to come. Please choose today or an earlier day.",
            ));
        }
        let note = optional_lines("note", self.note.as_deref(), NOTE_MAX, "the note")?;
        Ok(ValidMember {
            person_id: self.person_id,
            name,
            tie: self.tie,
            closeness: self.closeness,
            kinds,
            feels: self.feels,
            last_seen,
            note,
        })
    }
}

/// Someone in a circle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    pub id: i64,
    pub person_id: Option<i64>,
    pub name: String,
    pub tie: Tie,
    pub closeness: Closeness,
    pub kinds: Vec<SupportKind>,
    pub feels: Option<Feels>,
    pub last_seen: Option<String>,
    pub note: Option<String>,
}

/// How one kind of support stands in a circle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KindStanding {
    pub kind: SupportKind,
    /// Everyone who gives it and whose relationship is not hard right now, by name.
    pub givers: Vec<String>,
    /// No one gives it (relationships that are hard right now do not count).
    pub thin: bool,
}

/// A social contact the person had, as the caregiver noted it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConnectionKind {
    /// Met up with someone, or spent time together.
    MetUp,
    /// Talked on the phone, by video or by message.
    Talked,
    /// Went to a group, a club or a class.
    Group,
    /// Did something they enjoy with others.
    Activity,
}

impl ConnectionKind {
    pub const ALL: [ConnectionKind; 4] = [
        ConnectionKind::MetUp,
        ConnectionKind::Talked,
        ConnectionKind::Group,
        ConnectionKind::Activity,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConnectionKind::MetUp => "met_up",
            ConnectionKind::Talked => "talked",
            ConnectionKind::Group => "group",
            ConnectionKind::Activity => "activity",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A connection to note: who the person supported connected with (someone in their circle, or
/// no one in particular), how, and whether it also goes in the wins.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionInput {
    pub person_id: i64,
    pub member_id: Option<i64>,
    pub what: ConnectionKind,
    /// YYYY-MM-DD; today when not given.
    pub happened_on: Option<String>,
    /// Also keep it as a small win, tagged "connection".
    #[serde(default)]
    pub as_win: bool,
}

/// A noted connection, with the words the circle and the wins show for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Connection {
    pub id: i64,
    pub person_id: i64,
    pub member_id: Option<i64>,
    pub what: ConnectionKind,
    pub happened_on: String,
    /// "Met up with Jo", "Went to a group".
    pub text: String,
    pub win_id: Option<i64>,
}

/// One circle as its screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Circle {
    /// The person supported, or `None` for the caregiver's own circle.
    pub person_id: Option<i64>,
    pub members: Vec<Member>,
    pub kinds: Vec<KindStanding>,
    /// A few ideas for each thin kind, rotating week by week.
    pub ideas: Vec<content::Idea>,
    /// The latest noted connections, newest first (person circles only).
    pub connections: Vec<Connection>,
}

/// The tag a connection kept as a win carries.
pub const CONNECTION_TAG: &str = "connection";
