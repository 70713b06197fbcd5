//! The practices' own tools, each a small action the caregiver can take and look back on:
//! listening moments (listen), check-ins and message starters (check in), appointments and care
//! contacts (encourage treatment), boundaries and "give space" (respect boundaries). Today's
//! suggestions and the weekly look-back are a pure rule in `suggest.rs`.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::validate::day as parse_day;
use crate::validate::{
    at_most, local_minute, optional_lines, optional_text, required_lines, required_text, NAME_MAX,
};

pub const TEXT_MAX: usize = 1000;
pub const SHORT_MAX: usize = 200;
pub const QUESTIONS_MAX: usize = 20;

fn not_future(field: &'static str, day: NaiveDate, today: NaiveDate) -> Result<NaiveDate> {
    if day > today {
        return Err(Error::invalid(
            field,
            "That day has not come yet. Please choose today or an earlier day.",
        ));
    }
    Ok(day)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Listened {
    Yes,
    Partly,
    No,
}

impl Listened {
    pub fn as_str(self) -> &'static str {
        match self {
            Listened::Yes => "yes",
            Listened::Partly => "partly",
            Listened::No => "no",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [Listened::Yes, Listened::Partly, Listened::No]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ListeningInput {
    pub person_id: i64,
    pub happened_on: String,
    /// What they shared.
    pub shared: Option<String>,
    /// Did I listen without jumping in to fix it?
    pub listened: Option<Listened>,
    pub learned: Option<String>,
    pub felt: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidListening {
    pub person_id: i64,
    pub happened_on: NaiveDate,
    pub shared: Option<String>,
    pub listened: Listened,
    pub learned: Option<String>,
    pub felt: Option<String>,
}

impl ListeningInput {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidListening> {
        let happened_on = not_future(
            "happenedOn",
            parse_day("happenedOn", &self.happened_on)?,
            today,
        )?;
        let Some(listened) = self.listened else {
            return Err(Error::invalid(
                "listened",
                "Please choose yes, partly or no: did you listen without jumping in to fix it?",
            ));
        };
        Ok(ValidListening {
            person_id: self.person_id,
            happened_on,
            shared: optional_lines(
                "shared",
                self.shared.as_deref(),
                TEXT_MAX,
                "what they shared",
            )?,
            listened,
            learned: optional_lines(
                "learned",
                self.learned.as_deref(),
                TEXT_MAX,
                "what you learned",
            )?,
            felt: optional_lines("felt", self.felt.as_deref(), TEXT_MAX, "how you felt")?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ListeningMoment {
    pub id: i64,
    pub person_id: i64,
    pub happened_on: String,
    pub shared: Option<String>,
    pub listened: Listened,
    pub learned: Option<String>,
    pub felt: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CheckinWay {
    Message,
    Call,
    InPerson,
    Other,
}

impl CheckinWay {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckinWay::Message => "message",
            CheckinWay::Call => "call",
            CheckinWay::InPerson => "in_person",
            CheckinWay::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [
            CheckinWay::Message,
            CheckinWay::Call,
            CheckinWay::InPerson,
            CheckinWay::Other,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckinInput {
    pub person_id: i64,
    pub happened_on: String,
    pub how: Option<CheckinWay>,
    /// How did it go, 1 to 5 (optional).
    pub went: Option<i64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCheckin {
    pub person_id: i64,
    pub happened_on: NaiveDate,
    pub how: CheckinWay,
    pub went: Option<u8>,
    pub note: Option<String>,
}

impl CheckinInput {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidCheckin> {
        let happened_on = not_future(
            "happenedOn",
            parse_day("happenedOn", &self.happened_on)?,
            today,
        )?;
        let Some(how) = self.how else {
            return Err(Error::invalid(
                "how",
                "Please choose how you checked in: a message, a call, in person or another way.",
            ));
        };
        let went =
            match self.went {
                None => None,
                Some(w) if (1..=5).contains(&w) => Some(w as u8),
                Some(_) => return Err(Error::invalid(
                    "went",
                    "How it went is a number from 1 to 5. Please choose one, or leave it blank.",
                )),
            };
        Ok(ValidCheckin {
            person_id: self.person_id,
            happened_on,
            how,
            went,
            note: optional_lines("note", self.note.as_deref(), TEXT_MAX, "the note")?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Checkin {
    pub id: i64,
    pub person_id: i64,
    pub happened_on: String,
    pub how: CheckinWay,
    pub went: Option<u8>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Starter {
    pub id: i64,
    pub text: String,
    /// One Alongside offered, rather than one the caregiver wrote.
    pub builtin: bool,
}

pub fn validate_starter(text: &str) -> Result<String> {
    required_lines("text", text, SHORT_MAX, "the message")
}

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
        let starts_at = local_minute("startsAt", &self.starts_at)?;
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
