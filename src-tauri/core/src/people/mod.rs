//! The people a caregiver supports: who they are to the caregiver and, if the caregiver wants
//! to say, what they live with. The conditions choose which education comes first; nothing else.

pub mod api;
pub mod store;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::validate::{required_text, NAME_MAX};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    Child,
    Partner,
    Parent,
    Sibling,
    Friend,
    OtherFamily,
    Other,
}

impl Relationship {
    pub fn as_str(self) -> &'static str {
        match self {
            Relationship::Child => "child",
            Relationship::Partner => "partner",
            Relationship::Parent => "parent",
            Relationship::Sibling => "sibling",
            Relationship::Friend => "friend",
            Relationship::OtherFamily => "other_family",
            Relationship::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub const ALL: [Relationship; 7] = [
        Relationship::Child,
        Relationship::Partner,
        Relationship::Parent,
        Relationship::Sibling,
        Relationship::Friend,
        Relationship::OtherFamily,
        Relationship::Other,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    Depression,
    Anxiety,
    Bipolar,
    Psychosis,
    Ptsd,
    Ocd,
    EatingDisorder,
    SubstanceUse,
    BorderlinePersonality,
    Other,
    NotSure,
    PreferNotToSay,
}

impl Condition {
    pub const ALL: [Condition; 12] = [
        Condition::Depression,
        Condition::Anxiety,
        Condition::Bipolar,
        Condition::Psychosis,
        Condition::Ptsd,
        Condition::Ocd,
        Condition::EatingDisorder,
        Condition::SubstanceUse,
        Condition::BorderlinePersonality,
        Condition::Other,
        Condition::NotSure,
        Condition::PreferNotToSay,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Condition::Depression => "depression",
            Condition::Anxiety => "anxiety",
            Condition::Bipolar => "bipolar",
            Condition::Psychosis => "psychosis",
            Condition::Ptsd => "ptsd",
            Condition::Ocd => "ocd",
            Condition::EatingDisorder => "eating_disorder",
            Condition::SubstanceUse => "substance_use",
            Condition::BorderlinePersonality => "borderline_personality",
            Condition::Other => "other",
            Condition::NotSure => "not_sure",
            Condition::PreferNotToSay => "prefer_not_to_say",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub relationship: Relationship,
    pub conditions: Vec<Condition>,
}

/// What the caregiver types when adding or editing a person.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonInput {
    pub name: String,
    pub relationship: Relationship,
    pub conditions: Vec<Condition>,
}

/// A person's details after validation: safe to store.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidPerson {
    pub name: String,
    pub relationship: Relationship,
    pub conditions: Vec<Condition>,
}

impl PersonInput {
    pub fn validate(&self) -> Result<ValidPerson> {
        let name = required_text(
            "personName",
            &self.name,
            NAME_MAX,
            "a name or nickname for the person you support",
        )?;
        crate::validate::at_most("conditions", &self.conditions, 32, "answers")?;
        let mut conditions = self.conditions.clone();
        conditions.sort();
        conditions.dedup();
        if conditions.contains(&Condition::PreferNotToSay) && conditions.len() > 1 {
            return Err(Error::invalid(
                "conditions",
                "You chose \u{201c}Prefer not to say\u{201d} along with other answers. Please choose one or the other.",
            ));
        }
        Ok(ValidPerson {
            name,
            relationship: self.relationship,
            conditions,
        })
    }
}

/// The caregiver always keeps at least one person: everything else in Alongside is about someone.
pub fn check_can_remove(people_count: i64) -> Result<()> {
    if people_count <= 1 {
        return Err(Error::invalid(
            "person",
            "Alongside needs at least one person to support. Add someone else first, or change this person's details instead.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_person_cannot_be_removed() {
        let e = check_can_remove(1).expect_err("last one");
        assert!(e.caregiver_message().contains("at least one person"));
        assert!(check_can_remove(2).is_ok());
    }

    fn input(name: &str, conditions: Vec<Condition>) -> PersonInput {
        PersonInput {
            name: name.into(),
            relationship: Relationship::Child,
            conditions,
        }
    }

    #[test]
    fn a_person_needs_a_name() {
        let e = input("  ", vec![]).validate().expect_err("empty");
        assert_eq!(
            e.caregiver_message(),
            "Please add a name or nickname for the person you support."
        );
        assert!(input(&"x".repeat(500), vec![]).validate().is_err());
    }

    #[test]
    fn conditions_are_optional_sorted_and_deduplicated() {
        let v = input(
            " Sam ",
            vec![
                Condition::Bipolar,
                Condition::Depression,
                Condition::Bipolar,
            ],
        )
        .validate()
        .expect("valid");
        assert_eq!(v.name, "Sam");
        assert_eq!(
            v.conditions,
            vec![Condition::Depression, Condition::Bipolar]
        );
        assert!(input("Sam", vec![])
            .validate()
            .expect("valid")
            .conditions
            .is_empty());
        assert!(input("Sam", vec![Condition::NotSure, Condition::Anxiety])
            .validate()
            .is_ok());
    }

    #[test]
    fn prefer_not_to_say_stands_alone() {
        assert!(input("Sam", vec![Condition::PreferNotToSay])
            .validate()
            .is_ok());
        let e = input("Sam", vec![Condition::PreferNotToSay, Condition::Anxiety])
            .validate()
            .expect_err("contradiction");
        assert!(e.caregiver_message().contains("Prefer not to say"));
    }

    #[test]
    fn codes_round_trip() {
        for c in Condition::ALL {
            assert_eq!(Condition::parse(c.as_str()), Some(c));
        }
        for r in Relationship::ALL {
            assert_eq!(Relationship::parse(r.as_str()), Some(r));
        }
        assert_eq!(Condition::parse("unknown"), None);
    }
}
