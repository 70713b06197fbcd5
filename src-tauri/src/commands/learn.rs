//! IPC adapters for the Learn library.

use tauri::{AppHandle, Manager, Runtime};

use crate::ipc::Arg;
use crate::DbExt;
use alongside_core::learn::{api, *};
use alongside_core::Result;

#[tauri::command(async)]
pub fn learn_library<R: Runtime>(app: AppHandle<R>) -> Result<Library> {
    api::learn_library(&app.db())
}

#[tauri::command(async)]
pub fn learn_card<R: Runtime>(app: AppHandle<R>, slug: Arg<String>) -> Result<CardDetail> {
    api::learn_card(&app.db(), slug.into_inner())
}

#[tauri::command(async)]
pub fn learn_search<R: Runtime>(app: AppHandle<R>, query: Arg<String>) -> Result<Vec<SearchHit>> {
    api::learn_search(&app.state::<api::LearnIndex>(), query.into_inner())
}

#[tauri::command(async)]
pub fn set_card_bookmark<R: Runtime>(
    app: AppHandle<R>,
    slug: Arg<String>,
    bookmarked: Arg<bool>,
) -> Result<()> {
    api::set_card_bookmark(&app.db(), slug.into_inner(), bookmarked.into_inner())
}

#[tauri::command(async)]
pub fn set_card_read<R: Runtime>(
    app: AppHandle<R>,
    slug: Arg<String>,
    read: Arg<bool>,
) -> Result<()> {
    api::set_card_read(&app.db(), slug.into_inner(), read.into_inner())
}
