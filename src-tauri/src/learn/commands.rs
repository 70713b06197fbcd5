//! IPC adapters for the Learn library.

use crate::ipc::Arg;
use std::sync::Mutex;

use tauri::{AppHandle, Manager, Runtime};

use super::store::{self, SearchIndex};
use super::{CardDetail, Library, SearchHit};
use crate::error::{Error, Result};
use crate::{people, DbExt};

/// The search index, built on first search.
#[derive(Default)]
pub struct LearnIndex(Mutex<Option<SearchIndex>>);

fn known(slug: &str) -> Result<&'static super::Card> {
    super::card(slug).ok_or(Error::NotFound("card"))
}

#[tauri::command(async)]
pub fn learn_library<R: Runtime>(app: AppHandle<R>) -> Result<Library> {
    app.db().with(|c| {
        let chosen: Vec<_> = people::store::list(c)?
            .into_iter()
            .flat_map(|p| p.conditions)
            .collect();
        Ok(super::library(super::cards(), &store::states(c)?, &chosen))
    })
}

#[tauri::command(async)]
pub fn learn_card<R: Runtime>(app: AppHandle<R>, slug: Arg<String>) -> Result<CardDetail> {
    let slug = slug.into_inner();
    let card = known(&slug)?;
    app.db()
        .with(|c| Ok(super::detail(card, &store::states(c)?)))
}

#[tauri::command(async)]
pub fn learn_search<R: Runtime>(app: AppHandle<R>, query: Arg<String>) -> Result<Vec<SearchHit>> {
    let query = query.into_inner();
    let query = super::validate_query(&query)?;
    let state = app.state::<LearnIndex>();
    let mut index = state
        .0
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if index.is_none() {
        *index = Some(SearchIndex::build(super::cards())?);
    }
    let Some(index) = index.as_ref() else {
        return Ok(Vec::new());
    };
    Ok(index
        .search(query, 12)?
        .into_iter()
        .filter_map(|m| {
            let card = super::card(&m.slug)?;
            Some(SearchHit {
                slug: m.slug,
                title: m.title,
                snippet: m.snippet,
                topic_title: card.topic.title().to_owned(),
                crisis: card.crisis,
            })
        })
        .collect())
}

#[tauri::command(async)]
pub fn set_card_bookmark<R: Runtime>(
    app: AppHandle<R>,
    slug: Arg<String>,
    bookmarked: Arg<bool>,
) -> Result<()> {
    let slug = slug.into_inner();
    let bookmarked = bookmarked.into_inner();
    known(&slug)?;
    app.db()
        .with(|c| store::set_bookmark(c, &slug, bookmarked, &crate::now_utc()))
}

#[tauri::command(async)]
pub fn set_card_read<R: Runtime>(
    app: AppHandle<R>,
    slug: Arg<String>,
    read: Arg<bool>,
) -> Result<()> {
    let slug = slug.into_inner();
    let read = read.into_inner();
    known(&slug)?;
    app.db()
        .with(|c| store::set_read(c, &slug, read, &crate::now_utc()))
}
