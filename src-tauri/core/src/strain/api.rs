//! One use-case function per command: it validates, opens the transaction, and calls the
//! rules and the store. The shell's command of the same name delegates here.

use super::{
    instruments, store, DailyCheck, DailyCheckInput, Instrument, SelfCarePlan, SelfCheckInput,
    SelfCheckResult, StrainOverview,
};
use crate::db::Database;
use crate::error::Result;
use chrono::Duration;

use crate::dates::today;

/// Days of daily checks the overview charts.
const CHART_DAYS: i64 = 90;

/// Self-check results the overview lists and charts.
const RESULTS_SHOWN: u32 = 200;

pub fn list_self_checks() -> Vec<Instrument> {
    instruments::all().to_vec()
}

pub fn strain_overview(db: &Database) -> Result<StrainOverview> {
    let today = today();
    db.with(|c| {
        let checks = store::strain_since(c, today - Duration::days(CHART_DAYS))?;
        let results = store::results(c, RESULTS_SHOWN)?;
        // The newest two results of each instrument, for the "worse band" rule.
        let mut changes = Vec::new();
        for inst in instruments::all() {
            let mut mine = results.iter().filter(|r| r.instrument == inst.id);
            if let (Some(latest), Some(previous)) = (mine.next(), mine.next()) {
                changes.push((inst.title.clone(), latest.score.level, previous.score.level));
            }
        }
        let local_day = |at: &str| {
            chrono::DateTime::parse_from_rfc3339(at)
                .ok()
                .map(|t| t.with_timezone(&chrono::Local).date_naive())
        };
        let last_taken = results.first().and_then(|r| local_day(&r.taken_at));
        let onboarded_on = crate::settings::store::onboarded_at(c)?.and_then(|at| local_day(&at));
        Ok(StrainOverview {
            today: store::daily_check(c, today)?,
            prompt: super::trend_prompt(&checks, today, &changes),
            series: super::strain_series(&checks),
            self_check_due: super::self_check_due(last_taken, onboarded_on, today),
            results,
            plan: store::self_care_plan(c)?,
        })
    })
}

pub fn save_daily_check(db: &Database, check: DailyCheckInput) -> Result<DailyCheck> {
    let valid = check.validate(today())?;
    db.with(|c| {
        store::save_daily_check(c, &valid, &crate::now_utc())?;
        store::daily_check(c, valid.day)?.ok_or(crate::Error::NotFound("daily check"))
    })
}

pub fn take_self_check(db: &Database, check: SelfCheckInput) -> Result<SelfCheckResult> {
    let inst = instruments::get(&check.instrument)?;
    let answers = inst.check_answers(&check.answers)?;
    let score = inst.score(&answers);
    db.with(|c| {
        let id = store::add_result(
            c,
            &inst.id,
            &answers,
            score.total,
            &score.band,
            &crate::now_utc(),
        )?;
        store::result(c, id)
    })
}

pub fn save_self_care_plan(db: &Database, plan: SelfCarePlan) -> Result<SelfCarePlan> {
    let valid = plan.validate()?;
    db.with(|c| {
        store::save_self_care_plan(c, &valid, &crate::now_utc())?;
        store::self_care_plan(c)
    })
}
