//! IPC adapters for the practices' tools and Today's suggestions.

use crate::ipc::Arg;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use tauri::{AppHandle, Runtime};

use super::suggest::{self, Context, MarkState, TodayPlan};
use super::{
    store, validate_starter, Appointment, AppointmentInput, Boundary, BoundaryInput, CareContact,
    CareContactInput, Checkin, CheckinInput, EntryKind, GiveSpace, GiveSpaceInput, ListeningInput,
    ListeningMoment, PracticeLog, Starter, LOCAL_MINUTE,
};
use crate::error::{Error, Result};
use crate::DbExt;

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command(async)]
pub fn practice_log<R: Runtime>(app: AppHandle<R>) -> Result<PracticeLog> {
    app.db().with(|c| {
        store::seed_starters(c, &crate::practices::builtin_starters(), &crate::now_utc())?;
        Ok(PracticeLog {
            moments: store::moments(c)?,
            checkins: store::checkins(c)?,
            starters: store::starters(c)?,
            appointments: store::appointments(c)?,
            contacts: store::contacts(c)?,
            boundaries: store::boundaries(c)?,
            spaces: store::spaces(c, today())?,
        })
    })
}

#[tauri::command(async)]
pub fn add_listening_moment<R: Runtime>(
    app: AppHandle<R>,
    moment: Arg<ListeningInput>,
) -> Result<ListeningMoment> {
    let moment = moment.into_inner();
    let valid = moment.validate(today())?;
    app.db()
        .with(|c| store::add_moment(c, &valid, &crate::now_utc()))
}

#[tauri::command(async)]
pub fn add_checkin<R: Runtime>(app: AppHandle<R>, checkin: Arg<CheckinInput>) -> Result<Checkin> {
    let checkin = checkin.into_inner();
    let valid = checkin.validate(today())?;
    app.db()
        .with(|c| store::add_checkin(c, &valid, &crate::now_utc()))
}

#[tauri::command(async)]
pub fn save_starter<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<Option<i64>>,
    text: Arg<String>,
) -> Result<Starter> {
    let id = id.into_inner();
    let text = text.into_inner();
    let text = validate_starter(&text)?;
    app.db()
        .with(|c| store::save_starter(c, id, &text, &crate::now_utc()))
}

#[tauri::command(async)]
pub fn save_appointment<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<Option<i64>>,
    appointment: Arg<AppointmentInput>,
) -> Result<Appointment> {
    let id = id.into_inner();
    let appointment = appointment.into_inner();
    let valid = appointment.validate()?;
    app.db()
        .with(|c| store::save_appointment(c, id, &valid, &crate::now_utc()))
}

#[tauri::command(async)]
pub fn save_care_contact<R: Runtime>(
    app: AppHandle<R>,
    id: Arg<Option<i64>>,
    contact: Arg<CareContactInput>,
) -> Result<CareContact> {
    let id = id.into_inner();
    let contact = contact.into_inner();
    let valid = contact.validate()?;
    app.db()
        .with(|c| store::save_contact(c, id, &valid, &crate::now_utc()))
}

#[tauri::command(async)]
pub fn add_boundary<R: Runtime>(
    app: AppHandle<R>,
    boundary: Arg<BoundaryInput>,
) -> Result<Boundary> {
    let boundary = boundary.into_inner();
    let valid = boundary.validate()?;
    app.db()
        .with(|c| store::add_boundary(c, &valid, &crate::now_utc()))
}

#[tauri::command(async)]
pub fn give_space<R: Runtime>(app: AppHandle<R>, space: Arg<GiveSpaceInput>) -> Result<GiveSpace> {
    let space = space.into_inner();
    let (until, note) = space.validate(today())?;
    app.db().with(|c| {
        store::set_space(
            c,
            space.person_id,
            until,
            note.as_deref(),
            &crate::now_utc(),
        )
    })
}

#[tauri::command(async)]
pub fn end_give_space<R: Runtime>(app: AppHandle<R>, person_id: Arg<i64>) -> Result<()> {
    let person_id = person_id.into_inner();
    app.db().with(|c| store::end_space(c, person_id))
}

#[tauri::command(async)]
pub fn remove_entry<R: Runtime>(
    app: AppHandle<R>,
    kind: Arg<EntryKind>,
    id: Arg<i64>,
) -> Result<()> {
    let kind = kind.into_inner();
    let id = id.into_inner();
    app.db()
        .with(|c| store::remove(c, kind, id, &crate::now_utc()))
}

#[tauri::command(async)]
pub fn restore_entry<R: Runtime>(
    app: AppHandle<R>,
    kind: Arg<EntryKind>,
    id: Arg<i64>,
) -> Result<()> {
    let kind = kind.into_inner();
    let id = id.into_inner();
    app.db().with(|c| store::restore(c, kind, id))
}

#[tauri::command(async)]
pub fn today_plan<R: Runtime>(app: AppHandle<R>) -> Result<TodayPlan> {
    let today = today();
    app.db().with(|c| {
        let ctx = context(c, today)?;
        let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
        Ok(TodayPlan {
            suggestions: suggest::suggestions(&ctx, today),
            look_back: suggest::look_back(monday, &store::week_counts(c, monday, today)?),
        })
    })
}

/// Everything Today's rule looks at, read from the store.
fn context(c: &rusqlite::Connection, today: NaiveDate) -> Result<Context> {
    let people: Vec<(i64, String)> = crate::people::store::list(c)?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let appointments = store::appointments(c)?
        .into_iter()
        .filter_map(|a| {
            let when = NaiveDateTime::parse_from_str(&a.starts_at, LOCAL_MINUTE).ok()?;
            Some((
                a.id,
                a.person_id,
                when,
                a.with_whom,
                !a.questions.is_empty(),
            ))
        })
        .collect();
    let wins = crate::wins::store::recent(c, today - Duration::days(suggest::WIN_WITHIN_DAYS))?;
    Ok(Context {
        spaces: store::spaces(c, today)?
            .into_iter()
            .filter_map(|s| {
                Some((
                    s.person_id,
                    NaiveDate::parse_from_str(&s.until, "%Y-%m-%d").ok()?,
                ))
            })
            .collect(),
        last_checkins: store::last_checkins(c)?,
        appointments,
        wins,
        boundaries: store::boundaries(c)?
            .into_iter()
            .filter(|b| b.whose == super::Whose::Theirs)
            .map(|b| (b.id, b.person_id, b.text))
            .collect(),
        ideas: crate::practices::all()
            .iter()
            .map(|p| (p.id.clone(), p.ideas.clone()))
            .collect(),
        marks: store::marks(c, today)?
            .into_iter()
            .filter_map(|(k, s)| {
                let m = match s.as_str() {
                    "done" => MarkState::Done,
                    "not_today" => MarkState::NotToday,
                    _ => return None,
                };
                Some((k, m))
            })
            .collect(),
        people,
    })
}

/// Marks a suggestion done or "not today"; `state` none clears the mark.
#[tauri::command(async)]
pub fn mark_suggestion<R: Runtime>(
    app: AppHandle<R>,
    key: Arg<String>,
    state: Arg<Option<MarkState>>,
) -> Result<()> {
    let key = key.into_inner();
    let state = state.into_inner();
    let key = key.trim();
    let unknown = || Error::invalid("key", "That suggestion could not be found.");
    if key.is_empty() || key.len() > 100 {
        return Err(unknown());
    }
    let state = state.map(|s| match s {
        MarkState::Done => "done",
        MarkState::NotToday => "not_today",
    });
    let today = today();
    app.db().with(|c| {
        let ctx = context(c, today)?;
        // Clearing a mark set earlier today still works after its suggestion has gone.
        let marked = ctx.marks.iter().any(|(k, _)| k == key);
        if !(suggest::is_known_key(&ctx, today, key) || (state.is_none() && marked)) {
            return Err(unknown());
        }
        store::mark(c, today, key, state)
    })
}
