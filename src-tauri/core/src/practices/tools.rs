//! The practices' own tools, each a small action the caregiver can take and look back on:
//! listening moments (listen), check-ins and message starters (check in), appointments and care
//! contacts (encourage treatment), boundaries and "give space" (respect boundaries). Today's
//! suggestions and the weekly look-back are a pure rule in `suggest.rs`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::validate::day as parse_day;
use crate::validate::{optional_lines, required_lines};

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
