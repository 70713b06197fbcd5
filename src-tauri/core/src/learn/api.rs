//! One use-case function per command: it validates, opens the transaction, and calls the
//! rules and the store. The shell's command of the same name delegates here.

use super::store::{self, SearchIndex};
use super::{CardDetail, Library, SearchHit};
use crate::db::Database;
use crate::error::{Error, Result};
use crate::people;
use std::sync::Mutex;

/// The search index, built on first search.
#[derive(Default)]
pub struct LearnIndex(Mutex<Option<SearchIndex>>);

fn known(slug: &str) -> Result<&'static super::Card> {
    super::card(slug).ok_or(Error::NotFound("card"))
}

pub fn learn_library(db: &Database) -> Result<Library> {
    db.with(|c| {
        let chosen: Vec<_> = people::store::list(c)?
            .into_iter()
            .flat_map(|p| p.conditions)
            .collect();
        Ok(super::library(super::cards(), &store::states(c)?, &chosen))
    })
}

pub fn learn_card(db: &Database, slug: String) -> Result<CardDetail> {
    let card = known(&slug)?;
    db.with(|c| Ok(super::detail(card, &store::states(c)?)))
}

pub fn learn_search(index: &LearnIndex, query: String) -> Result<Vec<SearchHit>> {
    let query = super::validate_query(&query)?;
    let mut index = index
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

pub fn set_card_bookmark(db: &Database, slug: String, bookmarked: bool) -> Result<()> {
    known(&slug)?;
    db.with(|c| store::set_bookmark(c, &slug, bookmarked, &crate::now_utc()))
}

pub fn set_card_read(db: &Database, slug: String, read: bool) -> Result<()> {
    known(&slug)?;
    db.with(|c| store::set_read(c, &slug, read, &crate::now_utc()))
}
