//! Crisis readiness: a safety plan for each person (six steps, after the Stanley–Brown
//! structure), the early warning signs the family has learned, a dated "I'm noticing signs"
//! entry, and the caregiver's own card. Made while things are calm; one click away when not.
//!
//! A safety plan is never overwritten: every save that changes something is a new version,
//! and earlier versions stay readable.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::crisis::{ContactKind, Region};
use crate::error::{Error, Result};
use crate::validate::{at_most, optional_lines, optional_text, required_text, NAME_MAX};

pub mod api;
pub mod store;

#[cfg(test)]
mod tests;

/// Longest single item of a plan step.
pub const ITEM_MAX: usize = 300;
/// Most items in one step. A plan is meant to fit on one page.
pub const ITEMS_PER_STEP_MAX: usize = 20;
pub const SIGN_MAX: usize = 200;
pub const ACTION_MAX: usize = 500;
pub const CONTACT_MAX: usize = 200;
pub const NOTE_MAX: usize = 2000;
pub const CARD_CONTACTS_MAX: usize = 10;
pub const REACH_MAX: usize = 100;
/// How many warning signs one "I am noticing signs" entry can tick.
pub const SIGNS_PICKED_MAX: usize = 200;

/// The six steps of a safety plan, each a list of short items.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanSteps {
    /// 1. The signs that a crisis may be building.
    pub warning_signs: Vec<String>,
    /// 2. Things they can do on their own to cope.
    pub coping: Vec<String>,
    /// 3. People and places that help take their mind off things.
    pub distractions: Vec<String>,
    /// 4. People they can ask for help.
    pub helpers: Vec<String>,
    /// 5. Professionals and crisis services.
    pub professionals: Vec<String>,
    /// 6. Making the surroundings safer.
    pub safer_environment: Vec<String>,
}

impl PlanSteps {
    pub fn item_count(&self) -> usize {
        self.steps().iter().map(|(_, s)| s.len()).sum()
    }

    /// Each step with its field name, in order.
    pub fn steps(&self) -> [(&'static str, &Vec<String>); 6] {
        [
            ("warningSigns", &self.warning_signs),
            ("coping", &self.coping),
            ("distractions", &self.distractions),
            ("helpers", &self.helpers),
            ("professionals", &self.professionals),
            ("saferEnvironment", &self.safer_environment),
        ]
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SafetyPlanInput {
    pub person_id: i64,
    pub steps: PlanSteps,
    /// Whether the plan was made together with the person.
    pub made_together: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPlan {
    pub person_id: i64,
    pub steps: PlanSteps,
    pub made_together: bool,
}

fn clean_items(field: &'static str, items: &[String]) -> Result<Vec<String>> {
    // Blank lines are skipped below, so allow some before refusing the list unread.
    if items.len() > ITEMS_PER_STEP_MAX * 4 {
        return Err(too_many_items(field));
    }
    let mut out = Vec::new();
    for item in items {
        if item.trim().is_empty() {
            continue;
        }
        out.push(required_text(
            field,
            item,
            ITEM_MAX,
            "each line of the plan",
        )?);
    }
    if out.len() > ITEMS_PER_STEP_MAX {
        return Err(too_many_items(field));
    }
    Ok(out)
}

fn too_many_items(field: &'static str) -> Error {
    Error::invalid(
        field,
        format!(
            "A step can hold up to {ITEMS_PER_STEP_MAX} lines, so the plan stays easy to read in a hard moment. Please keep the most useful ones."
        ),
    )
}

impl SafetyPlanInput {
    pub fn validate(&self) -> Result<ValidPlan> {
        let s = &self.steps;
        let steps = PlanSteps {
            warning_signs: clean_items("warningSigns", &s.warning_signs)?,
            coping: clean_items("coping", &s.coping)?,
            distractions: clean_items("distractions", &s.distractions)?,
            helpers: clean_items("helpers", &s.helpers)?,
            professionals: clean_items("professionals", &s.professionals)?,
            safer_environment: clean_items("saferEnvironment", &s.safer_environment)?,
        };
        if steps.item_count() == 0 {
            return Err(Error::invalid(
                "warningSigns",
                "The plan is empty. Please write at least one line in any step before saving.",
            ));
        }
        Ok(ValidPlan {
            person_id: self.person_id,
            steps,
            made_together: self.made_together,
        })
    }
}

/// One saved version of a safety plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SafetyPlan {
    pub person_id: i64,
    pub version: i64,
    /// RFC 3339 UTC.
    pub saved_at: String,
    pub made_together: bool,
    pub steps: PlanSteps,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanVersion {
    pub version: i64,
    pub saved_at: String,
    pub item_count: u32,
}

/// The result of saving: `changed` is false when the plan was saved exactly as it already was,
/// so no new version was made.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedPlan {
    pub plan: SafetyPlan,
    pub changed: bool,
}

/// A new version is only worth keeping when something differs from the current one.
pub fn differs(current: Option<&SafetyPlan>, new: &ValidPlan) -> bool {
    match current {
        None => true,
        Some(c) => c.steps != new.steps || c.made_together != new.made_together,
    }
}

/// Step 5 of a fresh plan, filled in from the crisis lines of the caregiver's region so the
/// numbers are there from the start. The caregiver can edit or add their own professionals.
pub fn professionals_from(region: &Region) -> Vec<String> {
    let mut items = vec![format!("Emergency: call {}", region.emergency)];
    for line in &region.lines {
        let how: Vec<String> = line
            .contacts
            .iter()
            .map(|c| match (&c.detail, c.kind) {
                (Some(d), _) => d.clone(),
                (None, ContactKind::Call) => format!("call {}", c.value),
                (None, ContactKind::Text) => format!("text {}", c.value),
                (None, ContactKind::Chat) => format!("chat at {}", c.value),
                (None, ContactKind::Web) => c.value.clone(),
            })
            .collect();
        items.push(format!("{}: {}", line.name, how.join(", ")));
    }
    items
        .into_iter()
        .map(|i| i.chars().take(ITEM_MAX).collect())
        .take(ITEMS_PER_STEP_MAX)
        .collect()
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WarningSignInput {
    pub person_id: i64,
    pub sign: String,
    /// What to do when it shows.
    pub action: Option<String>,
    /// Whom to call.
    pub contact: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSign {
    pub person_id: i64,
    pub sign: String,
    pub action: Option<String>,
    pub contact: Option<String>,
}

impl WarningSignInput {
    pub fn validate(&self) -> Result<ValidSign> {
        Ok(ValidSign {
            person_id: self.person_id,
            sign: required_text("sign", &self.sign, SIGN_MAX, "the sign you noticed")?,
            action: optional_text("action", self.action.as_deref(), ACTION_MAX, "what to do")?,
            contact: optional_text(
                "contact",
                self.contact.as_deref(),
                CONTACT_MAX,
                "who to call",
            )?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WarningSign {
    pub id: i64,
    pub person_id: i64,
    pub sign: String,
    pub action: Option<String>,
    pub contact: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoticedInput {
    pub person_id: i64,
    /// The local day the signs were noticed, YYYY-MM-DD.
    pub noticed_on: String,
    #[serde(default)]
    pub sign_ids: Vec<i64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidNoticed {
    pub person_id: i64,
    pub noticed_on: NaiveDate,
    pub sign_ids: Vec<i64>,
    pub note: Option<String>,
}

impl NoticedInput {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidNoticed> {
        let noticed_on = crate::validate::day("noticedOn", &self.noticed_on)?;
        if noticed_on > today {
            return Err(Error::invalid(
                "noticedOn",
                "That date is in the future. Please choose today or an earlier day.",
            ));
        }
        let note = optional_lines("note", self.note.as_deref(), NOTE_MAX, "the note")?;
        at_most("signIds", &self.sign_ids, SIGNS_PICKED_MAX, "signs")?;
        let mut sign_ids = self.sign_ids.clone();
        sign_ids.sort_unstable();
        sign_ids.dedup();
        if sign_ids.is_empty() && note.is_none() {
            return Err(Error::invalid(
                "signIds",
                "Please tick the signs you are noticing, or write a few words about what you see.",
            ));
        }
        Ok(ValidNoticed {
            person_id: self.person_id,
            noticed_on,
            sign_ids,
            note,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Noticed {
    pub id: i64,
    pub person_id: i64,
    pub noticed_on: String,
    /// The signs' words as they were when noticed.
    pub signs: Vec<String>,
    pub note: Option<String>,
}

/// Everything the crisis plan page shows for one person, in one call.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CrisisPlan {
    pub person_id: i64,
    pub person_name: String,
    /// The newest version, if a plan has been saved.
    pub plan: Option<SafetyPlan>,
    /// What the editor starts from: the current plan, or a fresh one with step 5 filled in.
    pub draft: PlanSteps,
    /// Every saved version, newest first.
    pub versions: Vec<PlanVersion>,
    pub signs: Vec<WarningSign>,
    /// Newest first.
    pub noticed: Vec<Noticed>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardContact {
    pub name: String,
    /// A phone number or how to reach them.
    pub reach: Option<String>,
}

/// The caregiver's own card: whom they call when they are overwhelmed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaregiverCard {
    pub contacts: Vec<CardContact>,
    pub what_helps: Option<String>,
}

impl CaregiverCard {
    pub fn validate(&self) -> Result<CaregiverCard> {
        at_most("contacts", &self.contacts, CARD_CONTACTS_MAX * 2, "people")?;
        let mut contacts = Vec::new();
        for c in &self.contacts {
            let reach = optional_text(
                "contacts",
                c.reach.as_deref(),
                REACH_MAX,
                "how to reach them",
            )?;
            if c.name.trim().is_empty() {
                if reach.is_some() {
                    return Err(Error::invalid(
                        "contacts",
                        "Please add a name for each number, so you know whom you are calling.",
                    ));
                }
                continue;
            }
            let name = required_text("contacts", &c.name, NAME_MAX, "a name")?;
            contacts.push(CardContact { name, reach });
        }
        if contacts.len() > CARD_CONTACTS_MAX {
            return Err(Error::invalid(
                "contacts",
                format!("Please keep it to {CARD_CONTACTS_MAX} people or fewer."),
            ));
        }
        Ok(CaregiverCard {
            contacts,
            what_helps: optional_lines(
                "whatHelps",
                self.what_helps.as_deref(),
                NOTE_MAX,
                "what helps you",
            )?,
        })
    }
}
