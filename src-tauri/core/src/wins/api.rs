//! One use-case function per command: it validates, opens the transaction, and calls the
//! rules and the store. The shell's command of the same name delegates here.

use super::{store, Added, Cursor, Exported, OnThisDay, Tag, Win, WinFilter, WinInput, WinPage};
use crate::db::Database;
use crate::error::Result;
use crate::validate::required_text;

use crate::dates::today;

pub fn add_win(db: &Database, win: WinInput) -> Result<Added> {
    let valid = win.validate(today())?;
    db.with(|c| {
        let tx = c.transaction()?;
        let id = store::insert(&tx, &valid, &crate::now_utc())?;
        tx.commit()?;
        let total = store::total(c)?;
        Ok(Added {
            win: store::get(c, id)?,
            total,
            milestone: super::milestone_reached(total),
        })
    })
}

pub fn update_win(db: &Database, id: i64, win: WinInput) -> Result<Win> {
    let valid = win.validate(today())?;
    db.with(|c| {
        let tx = c.transaction()?;
        store::update(&tx, id, &valid)?;
        tx.commit()?;
        store::get(c, id)
    })
}

pub fn delete_win(db: &Database, id: i64) -> Result<()> {
    db.with(|c| store::soft_delete(c, id, &crate::now_utc()))
}

pub fn restore_win(db: &Database, id: i64) -> Result<Win> {
    db.with(|c| {
        store::restore(c, id)?;
        store::get(c, id)
    })
}

pub fn list_wins(db: &Database, filter: WinFilter, after: Option<Cursor>) -> Result<WinPage> {
    let valid = filter.validate()?;
    db.with(|c| store::page(c, &valid, after.as_ref(), super::PAGE_SIZE))
}

pub fn wins_on_this_day(db: &Database) -> Result<OnThisDay> {
    let (month, year) = super::on_this_day(today());
    db.with(|c| {
        Ok(OnThisDay {
            month_ago: month
                .map(|d| store::on_day(c, d))
                .transpose()?
                .unwrap_or_default(),
            year_ago: year
                .map(|d| store::on_day(c, d))
                .transpose()?
                .unwrap_or_default(),
        })
    })
}

pub fn list_tags(db: &Database) -> Result<Vec<Tag>> {
    db.with(|c| store::tags(c))
}

pub fn add_tag(db: &Database, name: String) -> Result<Tag> {
    let name = required_text("tag", &name, super::TAG_MAX, "a tag name")?;
    db.with(|c| store::add_tag(c, &name, &crate::now_utc()))
}

pub fn rename_tag(db: &Database, id: i64, name: String) -> Result<Tag> {
    let name = required_text("tag", &name, super::TAG_MAX, "a tag name")?;
    db.with(|c| store::rename_tag(c, id, &name))
}

/// Saves the wins matching `filter` as a CSV file in the Downloads folder (never overwriting).
/// Saves the wins the filter shows as CSV in `folder` (the shell passes Downloads).
pub fn export_wins_csv(
    db: &Database,
    folder: &std::path::Path,
    filter: WinFilter,
) -> Result<Exported> {
    let valid = filter.validate()?;
    let wins = db.with(|c| store::all(c, &valid))?;
    let csv = super::to_csv(&wins)?;
    let stem = format!("alongside-wins-{}", crate::dates::day_text(today()));
    let path = crate::export::save(folder, &stem, "csv", csv.as_bytes())?;
    Ok(Exported {
        path: path.display().to_string(),
        count: wins.len() as u32,
    })
}
