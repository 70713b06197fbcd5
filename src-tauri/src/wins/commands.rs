//! IPC adapters for small wins.

use tauri::{AppHandle, Runtime};

use super::{store, Added, Cursor, Exported, OnThisDay, Tag, Win, WinFilter, WinInput, WinPage};
use crate::error::Result;
use crate::validate::required_text;
use crate::DbExt;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command]
pub fn add_win<R: Runtime>(app: AppHandle<R>, win: WinInput) -> Result<Added> {
    let valid = win.validate(today())?;
    app.db().with(|c| {
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

#[tauri::command]
pub fn update_win<R: Runtime>(app: AppHandle<R>, id: i64, win: WinInput) -> Result<Win> {
    let valid = win.validate(today())?;
    app.db().with(|c| {
        let tx = c.transaction()?;
        store::update(&tx, id, &valid)?;
        tx.commit()?;
        store::get(c, id)
    })
}

#[tauri::command]
pub fn delete_win<R: Runtime>(app: AppHandle<R>, id: i64) -> Result<()> {
    app.db()
        .with(|c| store::soft_delete(c, id, &crate::now_utc()))
}

#[tauri::command]
pub fn restore_win<R: Runtime>(app: AppHandle<R>, id: i64) -> Result<Win> {
    app.db().with(|c| {
        store::restore(c, id)?;
        store::get(c, id)
    })
}

#[tauri::command]
pub fn list_wins<R: Runtime>(
    app: AppHandle<R>,
    filter: WinFilter,
    after: Option<Cursor>,
) -> Result<WinPage> {
    let valid = filter.validate()?;
    app.db()
        .with(|c| store::page(c, &valid, after.as_ref(), super::PAGE_SIZE))
}

#[tauri::command]
pub fn wins_on_this_day<R: Runtime>(app: AppHandle<R>) -> Result<OnThisDay> {
    let (month, year) = super::on_this_day(today());
    app.db().with(|c| {
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

#[tauri::command]
pub fn list_tags<R: Runtime>(app: AppHandle<R>) -> Result<Vec<Tag>> {
    app.db().with(|c| store::tags(c))
}

#[tauri::command]
pub fn add_tag<R: Runtime>(app: AppHandle<R>, name: String) -> Result<Tag> {
    let name = required_text("tag", &name, super::TAG_MAX, "a tag name")?;
    app.db()
        .with(|c| store::add_tag(c, &name, &crate::now_utc()))
}

#[tauri::command]
pub fn rename_tag<R: Runtime>(app: AppHandle<R>, id: i64, name: String) -> Result<Tag> {
    let name = required_text("tag", &name, super::TAG_MAX, "a tag name")?;
    app.db().with(|c| store::rename_tag(c, id, &name))
}

/// Saves the wins matching `filter` as a CSV file in the Downloads folder (never overwriting).
#[tauri::command]
pub fn export_wins_csv<R: Runtime>(app: AppHandle<R>, filter: WinFilter) -> Result<Exported> {
    let valid = filter.validate()?;
    let wins = app.db().with(|c| store::all(c, &valid))?;
    let csv = super::to_csv(&wins)?;
    let stem = format!("alongside-wins-{}", today().format("%Y-%m-%d"));
    let path = crate::write_export(&app, &stem, "csv", csv.as_bytes())?;
    Ok(Exported {
        path: path.display().to_string(),
        count: wins.len() as u32,
    })
}
