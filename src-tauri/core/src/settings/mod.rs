//! The caregiver's own details: an optional first name and the region whose crisis lines they
//! see. Onboarding (`crate::onboarding`) first writes them with the first person supported.

pub mod api;
pub mod store;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::validate::{optional_text, NAME_MAX};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub caregiver_name: Option<String>,
    /// A region code from the crisis data, e.g. "US" or "OTHER".
    pub region: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileInput {
    pub caregiver_name: Option<String>,
    pub region: String,
}

impl ProfileInput {
    /// `region_known` says whether a region code exists in the crisis data.
    pub fn validate(&self, region_known: impl Fn(&str) -> bool) -> Result<Profile> {
        let caregiver_name = optional_text(
            "caregiverName",
            self.caregiver_name.as_deref(),
            NAME_MAX,
            "your name",
        )?;
        let region = self.region.trim();
        if !region_known(region) {
            return Err(Error::invalid(
                "region",
                "Please choose your country or region from the list, or \u{201c}Somewhere else\u{201d}.",
            ));
        }
        Ok(Profile {
            caregiver_name,
            region: region.to_owned(),
        })
    }
}
