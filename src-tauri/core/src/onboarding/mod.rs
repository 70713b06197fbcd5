//! The first run: the caregiver's own details and the first person they support, saved
//! together, all or nothing.

pub mod api;

use serde::Deserialize;
use ts_rs::TS;

use crate::error::Result;
use crate::people::{PersonInput, ValidPerson};
use crate::settings::{Profile, ProfileInput};

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OnboardingInput {
    pub caregiver_name: Option<String>,
    pub region: String,
    pub person: PersonInput,
}

#[derive(Debug)]
pub struct ValidOnboarding {
    pub profile: Profile,
    pub person: ValidPerson,
}

impl OnboardingInput {
    pub fn validate(&self, region_known: impl Fn(&str) -> bool) -> Result<ValidOnboarding> {
        let profile = ProfileInput {
            caregiver_name: self.caregiver_name.clone(),
            region: self.region.clone(),
        }
        .validate(region_known)?;
        let person = self.person.validate()?;
        Ok(ValidOnboarding { profile, person })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::{PersonInput, Relationship};

    fn known(r: &str) -> bool {
        matches!(r, "US" | "GB" | "OTHER")
    }

    fn onboarding(name: Option<&str>, region: &str, person: &str) -> OnboardingInput {
        OnboardingInput {
            caregiver_name: name.map(Into::into),
            region: region.into(),
            person: PersonInput {
                name: person.into(),
                relationship: Relationship::Partner,
                conditions: vec![],
            },
        }
    }

    #[test]
    fn caregiver_name_is_optional() {
        let v = onboarding(None, "US", "Alex")
            .validate(known)
            .expect("valid");
        assert_eq!(v.profile.caregiver_name, None);
        let v = onboarding(Some("  "), "US", "Alex")
            .validate(known)
            .expect("valid");
        assert_eq!(v.profile.caregiver_name, None);
        let v = onboarding(Some(" Maria "), "GB", "Alex")
            .validate(known)
            .expect("valid");
        assert_eq!(v.profile.caregiver_name.as_deref(), Some("Maria"));
    }

    #[test]
    fn unknown_regions_and_long_names_are_refused() {
        let e = onboarding(None, "Atlantis", "Alex")
            .validate(known)
            .expect_err("region");
        assert!(e.caregiver_message().contains("country or region"));
        let e = onboarding(Some(&"m".repeat(500)), "US", "Alex")
            .validate(known)
            .expect_err("long");
        assert!(e
            .caregiver_message()
            .starts_with("Your name is a little long"));
        assert!(onboarding(None, "US", "").validate(known).is_err());
    }
}
