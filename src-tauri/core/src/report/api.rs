//! One use-case function per command: the report as a model (the in-app preview) and as a PDF.
//! Both only read the data; saving writes one new file and never replaces one.

use std::path::Path;

use chrono::{NaiveDate, NaiveTime};

use super::{
    me, person, store, MyData, MyReportRequest, PersonData, PersonReportRequest, PersonSection,
    Report, ReportRequest, SavedReport,
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

/// Draws the report as a PDF and saves it in `folder` (Downloads), beside any earlier one.
pub fn save_report(db: &Database, folder: &Path, request: ReportRequest) -> Result<SavedReport> {
    save_report_on(db, folder, &request, today())
}

/// The report of `today` saved as "Alongside report about Sam 2026-12-03.pdf" (or "… about me …").
pub fn save_report_on(
    db: &Database,
    folder: &Path,
    request: &ReportRequest,
    today: NaiveDate,
) -> Result<SavedReport> {
    let report = build_report_on(db, request, today)?;
    let about = match request {
        ReportRequest::Person(r) => {
            db.with(|c| crate::readiness::store::person_name(c, r.person_id))?
        }
        ReportRequest::Me(_) => "me".to_owned(),
    };
    let pdf = super::pdf::render(&report)?;
    let stem = format!(
        "Alongside report about {} {}",
        file_safe(&about),
        crate::dates::day_text(today)
    );
    let path = crate::export::save(folder, &stem, "pdf", &pdf)?;
    Ok(SavedReport {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        folder: folder.display().to_string(),
    })
}

/// A name as it can sit in a file name on every system: no slashes or other reserved marks, no
/// leading dots, not too long. A name with nothing left becomes "them".
pub fn file_safe(name: &str) -> String {
    let kept: String = name
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = kept.split_whitespace().collect();
    let joined: String = words.join(" ").chars().take(60).collect();
    let trimmed = joined.trim().trim_start_matches('.').trim();
    if trimmed.is_empty() {
        "them".to_owned()
    } else {
        trimmed.to_owned()
    }
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
