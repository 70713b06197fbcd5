//! Encourage treatment and respect boundaries: appointments with their questions, care
//! contacts, boundaries, and "give space"; and Undo for every kind of entry.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::tools::{Checkin, ListeningMoment, Starter, QUESTIONS_MAX, SHORT_MAX, TEXT_MAX};
use crate::error::{Error, Result};
use crate::validate::{
    at_most, day as parse_day, local_minute, optional_lines, optional_text, required_text, NAME_MAX,
};

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppointmentInput {
    pub person_id: i64,
    /// Local date and time, YYYY-MM-DDTHH:MM (what a date-time field gives).
    pub starts_at: String,
    pub with_whom: String,
    pub place: Option<String>,
    #[serde(default)]
    pub giving_ride: bool,
    #[serde(default)]
    pub questions: Vec<String>,
    pub notes_after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAppointment {
    pub person_id: i64,
    pub starts_at: NaiveDateTime,
    pub with_whom: String,
    pub place: Option<String>,
    pub giving_ride: bool,
    pub questions: Vec<String>,
    pub notes_after: Option<String>,
}

pub use crate::dates::LOCAL_MINUTE;

impl AppointmentInput {
    pub fn validate(&self) -> Result<ValidAppointment> {
        let starts_at = local_minute(
            "startsAt",
            &self.starts_at,
            "Please choose the day and time of the appointment.",
        )?;
        at_most("questions", &self.questions, QUESTIONS_MAX * 2, "questions")?;
        let mut questions = Vec::new();
        for q in &self.questions {
            if q.trim().is_empty() {
                continue;
            }
            questions.push(required_text("questions", q, SHORT_MAX, "each question")?);
        }
        if questions.len() > QUESTIONS_MAX {
            return Err(Error::invalid(
                "questions",
                format!("Please keep it to {QUESTIONS_MAX} questions: the most important first."),
            ));
        }
        Ok(ValidAppointment {
            person_id: self.person_id,
            starts_at,
            with_whom: required_text(
                "withWhom",
                &self.with_whom,
                NAME_MAX,
                "who the appointment is with",
            )?,
            place: optional_text("place", self.place.as_deref(), SHORT_MAX, "the place")?,
            giving_ride: self.giving_ride,
            questions,
            notes_after: optional_lines(
                "notesAfter",
                self.notes_after.as_deref(),
                TEXT_MAX * 2,
                "the notes",
            )?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Appointment {
    pub id: i64,
    pub person_id: i64,
    pub starts_at: String,
    pub with_whom: String,
    pub place: Option<String>,
    pub giving_ride: bool,
    pub questions: Vec<String>,
    pub notes_after: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CareKind {
    Clinician,
    Service,
    Pharmacy,
    Other,
}

impl CareKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CareKind::Clinician => "clinician",
            CareKind::Service => "service",
            CareKind::Pharmacy => "pharmacy",
            CareKind::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [
            CareKind::Clinician,
            CareKind::Service,
            CareKind::Pharmacy,
            CareKind::Other,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CareContactInput {
    /// The person this contact is for; none for contacts that serve everyone.
    pub person_id: Option<i64>,
    pub name: String,
    pub kind: CareKind,
    pub phone: Option<String>,
    pub note: Option<String>,
}

impl CareContactInput {
    pub fn validate(&self) -> Result<CareContactInput> {
        Ok(CareContactInput {
            person_id: self.person_id,
            name: required_text("name", &self.name, NAME_MAX, "a name")?,
            kind: self.kind,
            phone: optional_text("phone", self.phone.as_deref(), 40, "the phone number")?,
            note: optional_text("note", self.note.as_deref(), SHORT_MAX, "the note")?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CareContact {
    pub id: i64,
    pub person_id: Option<i64>,
    pub name: String,
    pub kind: CareKind,
    pub phone: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Whose {
    /// A boundary the person asked for.
    Theirs,
    /// A boundary the caregiver needs for themselves.
    Mine,
}

impl Whose {
    pub fn as_str(self) -> &'static str {
        match self {
            Whose::Theirs => "theirs",
            Whose::Mine => "mine",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [Whose::Theirs, Whose::Mine]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoundaryInput {
    pub person_id: i64,
    pub whose: Whose,
    pub text: String,
}

impl BoundaryInput {
    pub fn validate(&self) -> Result<BoundaryInput> {
        Ok(BoundaryInput {
            person_id: self.person_id,
            whose: self.whose,
            text: required_text("text", &self.text, SHORT_MAX, "the boundary")?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Boundary {
    pub id: i64,
    pub person_id: i64,
    pub whose: Whose,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GiveSpaceInput {
    pub person_id: i64,
    /// The last day of the pause (inclusive), YYYY-MM-DD.
    pub until: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GiveSpace {
    pub person_id: i64,
    pub until: String,
    pub note: Option<String>,
}

impl GiveSpaceInput {
    pub fn validate(&self, today: NaiveDate) -> Result<(NaiveDate, Option<String>)> {
        let until = parse_day("until", &self.until)?;
        if until < today {
            return Err(Error::invalid(
                "until",
                "That day has already passed. Please choose today or a later day.",
            ));
        }
        if (until - today).num_days() > 366 {
            return Err(Error::invalid(
                "until",
                "Please choose a day within the next year. You can always give more space later.",
            ));
        }
        Ok((
            until,
            optional_lines("note", self.note.as_deref(), TEXT_MAX, "the note")?,
        ))
    }
}

/// Whether a person's check-ins are paused on `day`.
pub fn giving_space(space: Option<&GiveSpace>, day: NaiveDate) -> bool {
    space
        .and_then(|s| crate::dates::stored_day(&s.until, "a pause's last day").ok())
        .is_some_and(|until| day <= until)
}

/// The kinds of entry that can be removed and brought back with Undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    ListeningMoment,
    Checkin,
    Starter,
    Appointment,
    CareContact,
    Boundary,
}

impl EntryKind {
    /// The table behind each kind: a fixed name, never built from input.
    pub fn table(self) -> &'static str {
        match self {
            EntryKind::ListeningMoment => "listening_moments",
            EntryKind::Checkin => "checkins",
            EntryKind::Starter => "starters",
            EntryKind::Appointment => "appointments",
            EntryKind::CareContact => "care_contacts",
            EntryKind::Boundary => "boundaries",
        }
    }
    pub fn noun(self) -> &'static str {
        match self {
            EntryKind::ListeningMoment => "listening moment",
            EntryKind::Checkin => "check-in",
            EntryKind::Starter => "message",
            EntryKind::Appointment => "appointment",
            EntryKind::CareContact => "contact",
            EntryKind::Boundary => "boundary",
        }
    }
}

/// Everything the practice pages show, in one call.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PracticeLog {
    /// Newest first.
    pub moments: Vec<ListeningMoment>,
    pub checkins: Vec<Checkin>,
    pub starters: Vec<Starter>,
    /// Soonest first.
    pub appointments: Vec<Appointment>,
    pub contacts: Vec<CareContact>,
    pub boundaries: Vec<Boundary>,
    pub spaces: Vec<GiveSpace>,
}
