//! One use-case function per command: it validates, opens the transaction, and calls the
//! rules and the store. The shell's command of the same name delegates here.

use super::{
    store, validate_starter, Appointment, AppointmentInput, Boundary, BoundaryInput, CareContact,
    CareContactInput, Checkin, CheckinInput, EntryKind, GiveSpace, GiveSpaceInput, ListeningInput,
    ListeningMoment, PracticeLog, Starter,
};
use crate::db::Database;
use crate::error::Result;

use crate::dates::today;

pub fn practice_log(db: &Database) -> Result<PracticeLog> {
    db.with(|c| {
        store::seed_starters(c, &crate::practices::builtin_starters(), &crate::now_utc())?;
        Ok(PracticeLog {
            moments: store::moments(c)?,
            checkins: store::checkins(c)?,
            starters: store::starters(c)?,
            appointments: store::appointments(c, today())?,
            contacts: store::contacts(c)?,
            boundaries: store::boundaries(c)?,
            spaces: store::spaces(c, today())?,
        })
    })
}

pub fn add_listening_moment(db: &Database, moment: ListeningInput) -> Result<ListeningMoment> {
    let valid = moment.validate(today())?;
    db.with(|c| store::add_moment(c, &valid, &crate::now_utc()))
}

pub fn add_checkin(db: &Database, checkin: CheckinInput) -> Result<Checkin> {
    let valid = checkin.validate(today())?;
    db.with(|c| store::add_checkin(c, &valid, &crate::now_utc()))
}

pub fn save_starter(db: &Database, id: Option<i64>, text: String) -> Result<Starter> {
    let text = validate_starter(&text)?;
    db.with(|c| store::save_starter(c, id, &text, &crate::now_utc()))
}

pub fn save_appointment(
    db: &Database,
    id: Option<i64>,
    appointment: AppointmentInput,
) -> Result<Appointment> {
    let valid = appointment.validate()?;
    db.with(|c| store::save_appointment(c, id, &valid, &crate::now_utc()))
}

pub fn save_care_contact(
    db: &Database,
    id: Option<i64>,
    contact: CareContactInput,
) -> Result<CareContact> {
    let valid = contact.validate()?;
    db.with(|c| store::save_contact(c, id, &valid, &crate::now_utc()))
}

pub fn add_boundary(db: &Database, boundary: BoundaryInput) -> Result<Boundary> {
    let valid = boundary.validate()?;
    db.with(|c| store::add_boundary(c, &valid, &crate::now_utc()))
}

pub fn give_space(db: &Database, space: GiveSpaceInput) -> Result<GiveSpace> {
    let (until, note) = space.validate(today())?;
    db.with(|c| {
        store::set_space(
            c,
            space.person_id,
            until,
            note.as_deref(),
            &crate::now_utc(),
        )
    })
}

pub fn end_give_space(db: &Database, person_id: i64) -> Result<()> {
    db.with(|c| store::end_space(c, person_id))
}

pub fn remove_entry(db: &Database, kind: EntryKind, id: i64) -> Result<()> {
    db.with(|c| store::remove(c, kind, id, &crate::now_utc()))
}

pub fn restore_entry(db: &Database, kind: EntryKind, id: i64) -> Result<()> {
    db.with(|c| store::restore(c, kind, id))
}

pub fn list_practices() -> Vec<super::Practice> {
    super::all().to_vec()
}
