//! One use-case function per command: the report as a model (the in-app preview) and as a PDF.
//! Both only read.

use chrono::{NaiveDate, NaiveTime};

use super::{
    me, person, store, MyData, MyReportRequest, PersonData, PersonReportRequest, PersonSection,
    Report, ReportRequest,
};
use crate::dates::today;
use crate::db::Database;
use crate::error::Result;

/// How many upcoming appointments are read for the summary's questions.
const UPCOMING: i64 = 3;

/// The report's model, for the preview.
pub fn build_report(db: &Database, request: ReportRequest) -> Result<Report> {
    build_report_on(db, &request, today())
}

/// The same report, drawn as a PDF.
pub fn report_pdf(db: &Database, request: ReportRequest) -> Result<Vec<u8>> {
    super::pdf::render(&build_report(db, request)?)
}

/// The report as it would be made on `today` (the presets end on that day).
pub fn build_report_on(db: &Database, request: &ReportRequest, today: NaiveDate) -> Result<Report> {
    match request {
        ReportRequest::Person(r) => person_on(db, r, today),
        ReportRequest::Me(r) => mine_on(db, r, today),
    }
}

fn person_on(db: &Database, r: &PersonReportRequest, today: NaiveDate) -> Result<Report> {
    let v = r.validate(today)?;
    let d = v.dates;
    db.with(|c| {
        let mut data = PersonData {
            name: crate::readiness::store::person_name(c, r.person_id)?,
            ..PersonData::default()
        };
        for s in &v.sections {
            match s {
                PersonSection::WarningSigns => data.noticed = store::noticed(c, r.person_id, d)?,
                PersonSection::Checkins => {
                    let both = super::Dates {
                        from: d.before().from,
                        to: d.to,
                    };
                    data.checkins = store::checkins(c, r.person_id, both)?;
                }
                PersonSection::Appointments => {
                    data.appointments = store::appointments(c, r.person_id, d)?;
                    let now = today.and_time(NaiveTime::MIN);
                    data.upcoming = store::upcoming(c, r.person_id, now, UPCOMING)?;
                }
                PersonSection::Wins => data.wins = store::wins(c, r.person_id, d)?,
            }
        }
        let region = crate::settings::store::get(c)?.map(|p| p.region);
        Ok(person::person_report(&v, &data, region.as_deref()))
    })
}

fn mine_on(db: &Database, r: &MyReportRequest, today: NaiveDate) -> Result<Report> {
    let v = r.validate(today)?;
    let d = v.dates;
    db.with(|c| {
        let profile = crate::settings::store::get(c)?;
        let mut data = MyData {
            caregiver_name: profile.as_ref().and_then(|p| p.caregiver_name.clone()),
            ..MyData::default()
        };
        for s in &v.sections {
            match s {
                super::MySection::Strain => {
                    let both = super::Dates {
                        from: d.before().from,
                        to: d.to,
                    };
                    data.strain = store::strain(c, both)?;
                }
                super::MySection::SelfChecks => data.self_checks = store::self_checks(c, d)?,
                super::MySection::Load => {
                    (data.checkins, data.appointments) = store::load(c, d)?;
                }
            }
        }
        let region = profile.map(|p| p.region);
        Ok(me::my_report(&v, &data, region.as_deref()))
    })
}
