//! IPC adapters for crisis readiness.

use crate::ipc::Arg;
use tauri::{AppHandle, Runtime};

use super::{
    store, CaregiverCard, CrisisPlan, Noticed, NoticedInput, SafetyPlan, SafetyPlanInput,
    SavedPlan, WarningSign, WarningSignInput,
};
use crate::error::Result;
use crate::DbExt;

/// The crisis plan page for one person. `region` fills in step 5 of a plan not yet made.
#[tauri::command(async)]
pub fn get_crisis_plan<R: Runtime>(
    app: AppHandle<R>,
    person_id: Arg<i64>,
    region: Arg<String>,
) -> Result<CrisisPlan> {
    let person_id = person_id.into_inner();
    let region = region.into_inner();
    app.db().with(|c| {
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

#[tauri::command(async)]
pub fn save_safety_plan<R: Runtime>(
    app: AppHandle<R>,
    plan: Arg<SafetyPlanInput>,
) -> Result<SavedPlan> {
    let plan = plan.into_inner();
    let valid = plan.validate()?;
    app.db().with(|c| {
        let tx = c.transaction()?;
        let (plan, changed) = store::save_plan(&tx, &valid, &crate::now_utc())?;
        tx.commit()?;
        Ok(SavedPlan { plan, changed })
    })
}

#[tauri::command(async)]
pub fn get_safety_plan_version<R: Runtime>(
    app: AppHandle<R>,
    person_id: Arg<i64>,
    version: Arg<i64>,
) -> Result<SafetyPlan> {
    let person_id = person_id.into_inner();
    let version = version.into_inner();
    app.db()
        .with(|c| store::plan_version(c, person_id, version))
}

#[tauri::command(async)]
pub fn add_warning_sign<R: Runtime>(
    app: AppHandle<R>,
    sign: Arg<WarningSignInput>,
) -> Result<WarningSign> {
    let sign = sign.into_inner();
    let valid = sign.validate()?;
    app.db().with(|c| {
        let id = store::add_sign(c, &valid, &crate::now_utc())?;
        store::sign(c, id)
    })
}

#[tauri::command(async)]
pub fn update_warning_sign<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<i64>,
    sign: Arg<WarningSignInput>,
) -> Result<WarningSign> {
    let id = id.into_inner();
    let sign = sign.into_inner();
    let valid = sign.validate()?;
    app.db().with(|c| {
        store::update_sign(c, id, &valid)?;
        store::sign(c, id)
    })
}

#[tauri::command(async)]
pub fn remove_warning_sign<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<()> {
    let id = id.into_inner();
    app.db()
        .with(|c| store::remove_sign(c, id, &crate::now_utc()))
}

#[tauri::command(async)]
pub fn restore_warning_sign<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<WarningSign> {
    let id = id.into_inner();
    app.db().with(|c| {
        store::restore_sign(c, id)?;
        store::sign(c, id)
    })
}

#[tauri::command(async)]
pub fn record_signs_noticed<R: Runtime>(
    app: AppHandle<R>,
    noticed: Arg<NoticedInput>,
) -> Result<Noticed> {
    let noticed = noticed.into_inner();
    let valid = noticed.validate(chrono::Local::now().date_naive())?;
    app.db().with(|c| {
        let tx = c.transaction()?;
        let id = store::add_noticed(&tx, &valid, &crate::now_utc())?;
        tx.commit()?;
        store::noticed_one(c, id)
    })
}

#[tauri::command(async)]
pub fn get_caregiver_card<R: Runtime>(app: AppHandle<R>) -> Result<CaregiverCard> {
    app.db().with(|c| store::caregiver_card(c))
}

#[tauri::command(async)]
pub fn save_caregiver_card<R: Runtime>(
    app: AppHandle<R>,
    card: Arg<CaregiverCard>,
) -> Result<CaregiverCard> {
    let card = card.into_inner();
    let valid = card.validate()?;
    app.db().with(|c| {
        let tx = c.transaction()?;
        store::save_caregiver_card(&tx, &valid, &crate::now_utc())?;
        tx.commit()?;
        store::caregiver_card(c)
    })
}
