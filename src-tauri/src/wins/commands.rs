//! IPC adapters for small wins.

use crate::ipc::Arg;
use tauri::{AppHandle, Runtime};

use super::{store, Added, Cursor, Exported, OnThisDay, Tag, Win, WinFilter, WinInput, WinPage};
use crate::error::Result;
use crate::validate::required_text;
use crate::DbExt;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command(async)]
pub fn add_win<R: Runtime>(app: AppHandle<R>, win: Arg<WinInput>) -> Result<Added> {
    let win = win.into_inner();
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

#[tauri::command(async)]
pub fn update_win<R: Runtime>(app: AppHandle<R>, id: Arg<i64>, win: Arg<WinInput>) -> Result<Win> {
    let id = id.into_inner();
    let win = win.into_inner();
    let valid = win.validate(today())?;
    app.db().with(|c| {
        let tx = c.transaction()?;
        store::update(&tx, id, &valid)?;
        tx.commit()?;
        store::get(c, id)
    })
}

#[tauri::command(async)]
pub fn delete_win<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<()> {
    let id = id.into_inner();
    app.db()
        .with(|c| store::soft_delete(c, id, &crate::now_utc()))
}

#[tauri::command(async)]
pub fn restore_win<R: Runtime>(app: AppHandle<R>, id: Arg<i64>) -> Result<Win> {
    let id = id.into_inner();
    app.db().with(|c| {
        store::restore(c, id)?;
        store::get(c, id)
    })
}

#[tauri::command(async)]
pub fn list_wins<R: Runtime>(
    app: AppHandle<R>,
    filter: Arg<WinFilter>,
    after: Arg<Option<Cursor>>,
) -> Result<WinPage> {
    let filter = filter.into_inner();
    let after = after.into_inner();
    let valid = filter.validate()?;
    app.db()
        .with(|c| store::page(c, &valid, after.as_ref(), super::PAGE_SIZE))
}

#[tauri::command(async)]
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

#[tauri::command(async)]
pub fn list_tags<R: Runtime>(app: AppHandle<R>) -> Result<Vec<Tag>> {
    app.db().with(|c| store::tags(c))
}

#[tauri::command(async)]
pub fn add_tag<R: Runtime>(app: AppHandle<R>, name: Arg<String>) -> Result<Tag> {
    let name = name.into_inner();
    let name = required_text("tag", &name, super::TAG_MAX, "a tag name")?;
    app.db()
        .with(|c| store::add_tag(c, &name, &crate::now_utc()))
}

#[tauri::command(async)]
pub fn rename_tag<R: Runtime>(app: AppHandle<R>, id: Arg<i64>, name: Arg<String>) -> Result<Tag> {
    let id = id.into_inner();
    let name = name.into_inner();
    let name = required_text("tag", &name, super::TAG_MAX, "a tag name")?;
    app.db().with(|c| store::rename_tag(c, id, &name))
}

/// Saves the wins matching `filter` as a CSV file in the Downloads folder (never overwriting).
#[tauri::command(async)]
pub fn export_wins_csv<R: Runtime>(app: AppHandle<R>, filter: Arg<WinFilter>) -> Result<Exported> {
    let filter = filter.into_inner();
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
