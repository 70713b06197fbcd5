//! One use-case function per command: it validates, opens the transaction, and calls the rules
//! and the store.

use chrono::NaiveDate;

use super::content::{self, IdeaFor, KindWords};
use super::{
    rules, store, Circle, Connection, ConnectionInput, Member, MemberInput, CONNECTION_TAG,
};
use crate::dates::today;
use crate::db::Database;
use crate::error::{Error, Result};
use crate::validate::optional_day;

/// The circle of `person_id` (`None`: the caregiver's own), with how each kind of support
/// stands, ideas for the thin ones, and the latest connections.
pub fn circle(db: &Database, person_id: Option<i64>) -> Result<Circle> {
    db.with(|c| circle_on(c, person_id, today()))
}

pub fn circle_on(
    c: &rusqlite::Connection,
    person_id: Option<i64>,
    today: NaiveDate,
) -> Result<Circle> {
    if let Some(p) = person_id {
        crate::people::store::ensure_active(c, p)?;
    }
    let members = store::members(c, person_id)?;
    let kinds = rules::standings(&members);
    let thin: Vec<_> = kinds.iter().filter(|k| k.thin).map(|k| k.kind).collect();
    let whom = if person_id.is_some() {
        IdeaFor::Person
    } else {
        IdeaFor::Me
    };
    let ideas = rules::ideas_for(
        &content::all().ideas,
        &thin,
        whom,
        today,
        rules::IDEAS_PER_KIND,
    );
    let connections = match person_id {
        Some(p) => store::connections(c, p, store::CONNECTIONS_SHOWN)?,
        None => Vec::new(),
    };
    Ok(Circle {
        person_id,
        members,
        kinds,
        ideas,
        connections,
    })
}

/// The words of the five kinds of support.
pub fn support_kinds() -> Vec<KindWords> {
    content::kinds()
}

pub fn add_member(db: &Database, member: MemberInput) -> Result<Member> {
    let valid = member.validate(today())?;
    db.with(|c| {
        let tx = c.transaction()?;
        let id = store::insert(&tx, &valid, &crate::now_utc())?;
        tx.commit()?;
        store::get(c, id)
    })
}

pub fn update_member(db: &Database, id: i64, member: MemberInput) -> Result<Member> {
    let valid = member.validate(today())?;
    db.with(|c| {
        let tx = c.transaction()?;
        store::update(&tx, id, &valid)?;
        tx.commit()?;
        store::get(c, id)
    })
}

pub fn remove_member(db: &Database, id: i64) -> Result<()> {
    db.with(|c| store::remove(c, id, &crate::now_utc()))
}

pub fn restore_member(db: &Database, id: i64) -> Result<Member> {
    db.with(|c| {
        let tx = c.transaction()?;
        store::restore(&tx, id)?;
        tx.commit()?;
        store::get(c, id)
    })
}

/// Notes a social contact the person had; with `as_win`, it is also kept as a small win
/// tagged "connection". Both are written together or not at all.
pub fn note_connection(db: &Database, input: ConnectionInput) -> Result<Connection> {
    note_connection_on(db, input, today())
}

pub fn note_connection_on(
    db: &Database,
    input: ConnectionInput,
    today: NaiveDate,
) -> Result<Connection> {
    let day = optional_day("happenedOn", input.happened_on.as_deref())?.unwrap_or(today);
    if day > today {
        return Err(Error::invalid(
            "happenedOn",
            "That day is still to come. Please choose today or an earlier day.",
        ));
    }
    db.with(|c| {
        let tx = c.transaction()?;
        crate::people::store::ensure_active(&tx, input.person_id)?;
        let who = match input.member_id {
            Some(m) => Some(store::member_of(&tx, m, input.person_id)?),
            None => None,
        };
        let now = crate::now_utc();
        let text = store::connection_text(
            input.what,
            who.as_ref().map(|m| m.name.as_str()),
            who.as_ref().map(|m| m.tie),
        );
        let win_id = if input.as_win {
            tx.execute(
                "INSERT INTO tags (name, created_at) VALUES (?1, ?2) ON CONFLICT(name) DO NOTHING",
                rusqlite::params![CONNECTION_TAG, now],
            )?;
            let win = crate::wins::ValidWin {
                person_id: input.person_id,
                text: text.clone(),
                happened_on: day,
                tags: vec![CONNECTION_TAG.to_owned()],
                note: None,
            };
            Some(crate::wins::store::insert(&tx, &win, &now)?)
        } else {
            None
        };
        let id = store::insert_connection(
            &tx,
            input.person_id,
            input.member_id,
            input.what,
            day,
            win_id,
            &now,
        )?;
        tx.commit()?;
        store::connection(c, id)
    })
}
