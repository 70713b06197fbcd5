//! The two reports over their last three months, on ten years of one family's records (see
//! `support/ten_years.rs`) in an encrypted data folder opened as the app opens it: building the
//! model (the preview) and drawing the PDF, timed apart, 30 runs each after a warm-up.
//! Run: `cargo bench -p alongside-core --bench report` (`ALONGSIDE_SEED=<n>` for another family).

#[path = "support/ten_years.rs"]
mod ten_years;

use std::time::{Duration, Instant};

use alongside_core::db::{self, Database};
use alongside_core::protection::keystore::MemoryKeyStore;
use alongside_core::report::api::build_report_on;
use alongside_core::report::{
    pdf, MyReportRequest, MySection, PersonReportRequest, PersonSection, ReportPeriod,
    ReportRequest,
};

const RUNS: usize = 30;
const WARM_UP: usize = 3;

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1e3
}

fn time<T>(name: &str, mut f: impl FnMut() -> alongside_core::Result<T>) -> ten_years::Res<T> {
    for _ in 0..WARM_UP {
        f()?;
    }
    let mut samples = Vec::with_capacity(RUNS);
    let mut last = None;
    for _ in 0..RUNS {
        let t = Instant::now();
        let out = f()?;
        samples.push(t.elapsed());
        last = Some(out);
    }
    samples.sort();
    println!(
        "{name:<40} p50 {:>7.2} ms   p99 {:>7.2} ms",
        percentile(&samples, 0.5),
        percentile(&samples, 0.99)
    );
    last.ok_or_else(|| "no runs".into())
}

fn main() -> ten_years::Res<()> {
    let seed = std::env::var("ALONGSIDE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(ten_years::DEFAULT_SEED);
    let until = ten_years::default_until();
    let dir = tempfile::tempdir()?;
    let store = MemoryKeyStore::new();
    let t = Instant::now();
    let report = ten_years::make_folder(
        dir.path(),
        seed,
        until,
        &ten_years::Sizes::ten_years(),
        ten_years::Protection::Memory(store.clone()),
    )?;
    println!(
        "wrote ten years in {:.1} s\n{report}",
        t.elapsed().as_secs_f64()
    );
    let db = Database::open(dir.path().to_path_buf(), db::DEFAULT_BUSY_TIMEOUT, store);
    assert!(db.is_open(), "the ten-year folder opens with its key");
    let person = alongside_core::people::api::list_people(&db)?
        .first()
        .map(|p| p.id)
        .ok_or("no person")?;

    let about_person = ReportRequest::Person(PersonReportRequest {
        person_id: person,
        period: ReportPeriod::LastThreeMonths,
        sections: vec![
            PersonSection::WarningSigns,
            PersonSection::Checkins,
            PersonSection::Appointments,
            PersonSection::Wins,
        ],
    });
    let about_me = ReportRequest::Me(MyReportRequest {
        period: ReportPeriod::LastThreeMonths,
        sections: vec![MySection::Strain, MySection::SelfChecks, MySection::Load],
    });
    println!("\nThe last three months, every part ticked, {RUNS} runs each (warm):");
    for (name, request) in [("about the person", &about_person), ("about me", &about_me)] {
        let model = time(&format!("{name}: model"), || {
            build_report_on(&db, request, until)
        })?;
        let bytes = time(&format!("{name}: PDF from the model"), || {
            pdf::render(&model)
        })?;
        let rows: usize = model
            .sections
            .iter()
            .flat_map(|s| &s.body)
            .map(|b| match b {
                alongside_core::report::ReportBlock::Table { rows, .. } => rows.len(),
                _ => 0,
            })
            .sum();
        println!(
            "  ({} parts, {rows} table rows, {} KiB PDF)",
            model.sections.len(),
            bytes.len() / 1024
        );
    }
    Ok(())
}
