//! One file per feature, the same names as `alongside_core`'s features and `ui/src/features/`:
//! each command reads its arguments (`crate::ipc::Arg`) and makes one call into the core.

pub mod background;
pub mod backup;
pub mod care_circle;
pub mod circle;
pub mod crisis;
pub mod learn;
pub mod onboarding;
pub mod people;
pub mod practices;
pub mod protection;
pub mod readiness;
pub mod reminders;
pub mod report;
pub mod settings;
pub mod startup;
pub mod strain;
pub mod today;
pub mod transfer;
pub mod wins;
