//! One use-case function per command: it validates, opens the transaction, and calls the
//! rules and the store. The shell's command of the same name delegates here.

use super::{
    store, CaregiverCard, CrisisPlan, Noticed, NoticedInput, SafetyPlan, SafetyPlanInput,
    SavedPlan, WarningSign, WarningSignInput,
};
use crate::db::Database;
use crate::error::Result;

/// The crisis plan page for one person. `region` fills in step 5 of a plan not yet made.
pub fn get_crisis_plan(db: &Database, person_id: i64, region: String) -> Result<CrisisPlan> {
    db.with(|c| {
        let person_name = store::person_name(c, person_id)?;
        let plan = store::current_plan(c, person_id)?;
        let draft = match &plan {
            Some(p) => p.steps.clone(),
            None => super::PlanSteps {
                professionals: super::professionals_from(&crate::crisis::help_for(&region).region),
                ..Default::default()
            },
        };
        Ok(CrisisPlan {
            person_id,
            person_name,
            plan,
            draft,
            versions: store::versions(c, person_id)?,
            signs: store::signs(c, person_id)?,
            noticed: store::noticed(c, person_id)?,
        })
    })
}

pub fn save_safety_plan(db: &Database, plan: SafetyPlanInput) -> Result<SavedPlan> {
    let valid = plan.validate()?;
    db.with(|c| {
        let tx = c.transaction()?;
        let (plan, changed) = store::save_plan(&tx, &valid, &crate::now_utc())?;
        tx.commit()?;
        Ok(SavedPlan { plan, changed })
    })
}

pub fn get_safety_plan_version(db: &Database, person_id: i64, version: i64) -> Result<SafetyPlan> {
    db.with(|c| store::plan_version(c, person_id, version))
}

pub fn add_warning_sign(db: &Database, sign: WarningSignInput) -> Result<WarningSign> {
    let valid = sign.validate()?;
    db.with(|c| {
        let id = store::add_sign(c, &valid, &crate::now_utc())?;
        store::sign(c, id)
    })
}

pub fn update_warning_sign(db: &Database, id: i64, sign: WarningSignInput) -> Result<WarningSign> {
    let valid = sign.validate()?;
    db.with(|c| {
        store::update_sign(c, id, &valid)?;
        store::sign(c, id)
    })
}

pub fn remove_warning_sign(db: &Database, id: i64) -> Result<()> {
    db.with(|c| store::remove_sign(c, id, &crate::now_utc()))
}

pub fn restore_warning_sign(db: &Database, id: i64) -> Result<WarningSign> {
    db.with(|c| {
        store::restore_sign(c, id)?;
        store::sign(c, id)
    })
}

pub fn record_signs_noticed(db: &Database, noticed: NoticedInput) -> Result<Noticed> {
    let valid = noticed.validate(chrono::Local::now().date_naive())?;
    db.with(|c| {
        let tx = c.transaction()?;
        let id = store::add_noticed(&tx, &valid, &crate::now_utc())?;
        tx.commit()?;
        store::noticed_one(c, id)
    })
}

pub fn get_caregiver_card(db: &Database) -> Result<CaregiverCard> {
    db.with(|c| store::caregiver_card(c))
}

pub fn save_caregiver_card(db: &Database, card: CaregiverCard) -> Result<CaregiverCard> {
    let valid = card.validate()?;
    db.with(|c| {
        let tx = c.transaction()?;
        store::save_caregiver_card(&tx, &valid, &crate::now_utc())?;
        tx.commit()?;
        store::caregiver_card(c)
    })
}
