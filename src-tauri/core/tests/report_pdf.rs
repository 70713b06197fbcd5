//! Both reports drawn as PDFs from generated records, then read back with poppler (`pdfinfo`,
//! `pdftotext`, `pdftoppm`): the pages, the chosen parts and only those, the emergency line and
//! "Page X of Y" on every page, and a first page that is not blank.
//! Needs poppler-utils (`.ci/setup` installs it).

use std::path::Path;
use std::process::Command;

use alongside_core::db::{open_in_memory, Database};
use alongside_core::report::api::build_report_on;
use alongside_core::report::{
    pdf, MyReportRequest, MySection, PersonReportRequest, PersonSection, Report, ReportPeriod,
    ReportRequest,
};
use chrono::{Duration, NaiveDate};

const EMERGENCY: &str = "In an emergency, call 999.";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).expect("date")
}

fn tool(name: &str, args: &[&str]) -> Vec<u8> {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} could not run ({e}): please install poppler-utils (apt-get install poppler-utils)")
    });
    assert!(
        out.status.success(),
        "{name} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Ninety days of one family's records, with a win in Japanese and one with an emoji.
fn family() -> Database {
    let conn = open_in_memory().expect("db");
    conn.execute_batch(
        "INSERT INTO profile (id, caregiver_name, region, onboarded_at) VALUES (1, 'Jo', 'GB', 'x');
         INSERT INTO people (id, name, relationship, created_at) VALUES (1, 'Sam', 'child', 'x');",
    )
    .expect("people");
    for i in 0..90 {
        let d = (today() - Duration::days(i)).format("%Y-%m-%d").to_string();
        conn.execute(
            "INSERT INTO daily_checks (day, strain, for_myself, updated_at) VALUES (?1, ?2, 0, 'x')",
            (&d, i % 11),
        )
        .expect("check");
        if i % 2 == 0 {
            conn.execute(
                "INSERT INTO checkins (person_id, happened_on, how, went, note, created_at)
                 VALUES (1, ?1, 'call', ?2, 'We talked about the week', 'x')",
                (&d, 1 + (i % 5)),
            )
            .expect("checkin");
        }
        if i % 3 == 0 {
            conn.execute(
                "INSERT INTO wins (person_id, happened_on, text, created_at) VALUES (1, ?1, ?2, 'x')",
                (&d, format!("Small win number {i}: got out for a walk and came back smiling")),
            )
            .expect("win");
        }
        if i % 15 == 0 {
            conn.execute(
                "INSERT INTO appointments (person_id, starts_at, with_whom, giving_ride, questions, notes_after, created_at)
                 VALUES (1, ?1, 'Dr Lee', 0, 'Is the dose right?', 'Keep going as we are', 'x')",
                [format!("{d}T10:00")],
            )
            .expect("appointment");
        }
    }
    let d = today().format("%Y-%m-%d").to_string();
    conn.execute_batch(&format!(
        "INSERT INTO wins (person_id, happened_on, text, created_at) VALUES
           (1, '{d}', '今日は散歩に行きました', 'x'), (1, '{d}', 'Laughed at dinner 🎉😊', 'x');
         INSERT INTO signs_noticed (person_id, noticed_on, signs, note, created_at) VALUES
           (1, '{d}', 'Not sleeping', NULL, 'x');"
    ))
    .expect("more");
    Database::from_connection(conn)
}

struct Read {
    pages: usize,
    text_by_page: Vec<String>,
}

fn read_back(bytes: &[u8], name: &str) -> Read {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join(format!("{name}.pdf"));
    std::fs::write(&file, bytes).expect("write");
    let f = file.to_str().expect("path");
    let info = String::from_utf8(tool("pdfinfo", &[f])).expect("utf-8");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {info}"));
    let text_by_page = (1..=pages)
        .map(|p| {
            let p = p.to_string();
            let out = tool("pdftotext", &["-f", &p, "-l", &p, "-layout", f, "-"]);
            String::from_utf8(out).expect("utf-8")
        })
        .collect();
    assert_first_page_is_drawn(&file, dir.path());
    Read {
        pages,
        text_by_page,
    }
}

/// Renders page 1 at 40 dpi in grey and counts the pixels that are not white.
fn assert_first_page_is_drawn(file: &Path, dir: &Path) {
    let prefix = dir.join("page");
    tool(
        "pdftoppm",
        &[
            "-r",
            "40",
            "-gray",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            file.to_str().expect("path"),
            prefix.to_str().expect("path"),
        ],
    );
    let pgm = std::fs::read(dir.join("page.pgm")).expect("pgm");
    // P5 header: magic, width, height, maxval, each followed by whitespace, then the pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    at += 1;
    assert_eq!(fields[0], "P5");
    let (w, h): (usize, usize) = (
        fields[1].parse().expect("width"),
        fields[2].parse().expect("height"),
    );
    let pixels = &pgm[at..];
    assert_eq!(pixels.len(), w * h, "an 8-bit grey image");
    let inked = pixels.iter().filter(|p| **p < 200).count();
    assert!(
        inked > w * h / 200,
        "page 1 is nearly blank: {inked} of {} pixels inked",
        w * h
    );
}

fn render(r: &ReportRequest) -> (Report, Read) {
    let model = build_report_on(&family(), r, today()).expect("report");
    let bytes = pdf::render(&model).expect("pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    let read = read_back(&bytes, &model.title.replace(' ', "-"));
    (model, read)
}

fn footers_on_every_page(read: &Read, footer: &str) {
    for (i, text) in read.text_by_page.iter().enumerate() {
        assert!(
            text.contains(footer),
            "page {} has no footer:\n{text}",
            i + 1
        );
        let page = format!("Page {} of {}", i + 1, read.pages);
        assert!(text.contains(&page), "page {} lacks {page}:\n{text}", i + 1);
    }
}

fn flat(read: &Read) -> String {
    // pdftotext may break a heading across lines; compare with single spaces.
    read.text_by_page
        .join("\n")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_person_report_has_the_chosen_parts_and_a_footer_on_every_page() {
    let request = ReportRequest::Person(PersonReportRequest {
        person_id: 1,
        period: ReportPeriod::LastThreeMonths,
        sections: vec![PersonSection::Checkins, PersonSection::Wins],
    });
    let (model, read) = render(&request);
    assert_eq!(model.footer, "In an emergency, call 999. 112 also works.");
    // The summary page, then check-ins (chart and 14 weeks) and 32 wins over three more.
    assert_eq!(read.pages, 4);
    footers_on_every_page(&read, EMERGENCY);
    let text = flat(&read);
    for want in [
        "About Sam",
        "Summary",
        "Check-ins each week",
        "Small wins",
        "How they went",
    ] {
        assert!(text.contains(want), "{want} missing");
    }
    assert!(text.contains("Page 1 of"), "{text}");
    for unchosen in [
        "Warning signs noticed",
        "Appointments",
        "Not sleeping",
        "Dr Lee",
    ] {
        assert!(!text.contains(unchosen), "{unchosen} was not chosen");
    }
    for caregivers_own in ["stretched", "self-check", "Self-check", "daily check"] {
        assert!(!text.contains(caregivers_own), "{caregivers_own} in {text}");
    }
    // The summary is the first page, alone.
    assert!(read.text_by_page[0].contains("Summary"));
    assert!(!read.text_by_page[0].contains("What went well"));
    // A Japanese word the font lacks and an emoji did not stop the PDF; the Latin text around
    // them is still there.
    assert!(text.contains("Laughed at dinner"), "{text}");
}

#[test]
fn the_about_me_report_has_the_strain_and_self_checks_and_no_unchosen_part() {
    let request = ReportRequest::Me(MyReportRequest {
        period: ReportPeriod::LastThreeMonths,
        sections: vec![MySection::Strain, MySection::SelfChecks],
    });
    let (_, read) = render(&request);
    // The summary, then the chart, 14 weeks and the empty self-checks on one page.
    assert_eq!(read.pages, 2);
    footers_on_every_page(&read, EMERGENCY);
    let text = flat(&read);
    for want in [
        "About me",
        "How stretched I have felt",
        "Average strain each week",
        "My self-checks",
        "screening, not a diagnosis",
        "No self-checks were taken in these dates.",
    ] {
        assert!(text.contains(want), "{want} missing from {text}");
    }
    assert!(!text.contains("What I have been handling"));
}

#[test]
fn a_report_of_every_part_on_a_quiet_fortnight_is_still_a_whole_pdf() {
    let request = ReportRequest::Person(PersonReportRequest {
        person_id: 1,
        period: ReportPeriod::Custom {
            from: "2025-01-01".into(),
            to: "2025-01-14".into(),
        },
        sections: vec![
            PersonSection::WarningSigns,
            PersonSection::Checkins,
            PersonSection::Appointments,
            PersonSection::Wins,
        ],
    });
    let (_, read) = render(&request);
    assert_eq!(
        read.pages, 2,
        "the summary, then the four empty parts on one page"
    );
    footers_on_every_page(&read, EMERGENCY);
    let text = flat(&read);
    assert!(text.contains("No check-ins were written down in these dates."));
    assert!(!text.contains("How they went"), "no empty table");
}
