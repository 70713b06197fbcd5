//! The appointment report in the real window: opened from the encourage-treatment page, its
//! preview shows a win, an unticked part leaves the preview, and "Save as PDF" puts a real PDF
//! in Downloads that holds the ticked parts only (and never the caregiver's strain); saving
//! again adds a second file beside the first, and the report about the caregiver, opened from
//! For you, saves as a third.

use std::path::Path;

use alongside_e2e::{files_ending, App};

/// The text of a PDF, read back by poppler's pdftotext.
fn pdf_text(file: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext read {}", file.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_report_for_the_care_team_is_previewed_and_saved_as_a_pdf_in_downloads() {
    let root = tempfile::tempdir().expect("dir");
    let data = root.path().join("data");
    let downloads = root.path().join("downloads");
    let app = App::launch_with_downloads(&data, &downloads).await;
    app.onboard("Sam", "Depression", "United Kingdom").await;

    app.click("Add a win").await;
    app.dialog("Add a win").await;
    app.type_into("What happened?", "Went for a walk together")
        .await;
    app.click("Save this win").await;
    assert!(app.no_dialog().await);

    app.click("Encourage treatment").await;
    app.heading("Encourage treatment").await;
    app.click("Make a report for their care team").await;
    app.heading("A report for an appointment").await;
    app.sees("It is best shared with their agreement").await;

    // The preview is the report: Sam's name, the win, and a part for check-ins.
    app.heading("About Sam").await;
    app.sees("Went for a walk together").await;
    app.heading("Check-ins").await;
    app.sees("No check-ins were written down").await;

    // Unticking a part takes it out of the preview.
    app.check("Check-ins").await;
    app.no_longer_sees("No check-ins were written down").await;
    assert!(
        files_ending(&downloads, "pdf").is_empty(),
        "nothing saved before asked"
    );

    app.click("Save as PDF").await;
    app.sees("as “Alongside report about Sam").await;
    let saved = files_ending(&downloads, "pdf");
    assert_eq!(saved.len(), 1, "one report: {saved:?}");
    let name = saved[0].file_name().expect("name").to_string_lossy();
    assert!(
        name.starts_with("Alongside report about Sam "),
        "named for Sam: {name}"
    );
    let bytes = std::fs::read(&saved[0]).expect("read the report");
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    let text = pdf_text(&saved[0]);
    assert!(text.contains("About Sam"), "{text}");
    assert!(text.contains("Went for a walk together"), "{text}");
    assert!(text.contains("Warning signs noticed"), "{text}");
    assert!(
        !text.contains("No check-ins were written down"),
        "unticked part left out: {text}"
    );
    assert!(!text.contains("stretched"), "no caregiver strain: {text}");

    // Saving again never replaces the first file.
    app.click("Save as PDF").await;
    app.sees("-2.pdf").await;
    assert_eq!(files_ending(&downloads, "pdf").len(), 2);
    assert_eq!(std::fs::read(&saved[0]).expect("first kept"), bytes);

    // The report about the caregiver, for their own doctor.
    app.click("For you").await;
    app.click("Make a report for your doctor").await;
    app.heading("A report for an appointment").await;
    app.heading("About me").await;
    app.click("Save as PDF").await;
    app.sees("as “Alongside report about me").await;
    let all = files_ending(&downloads, "pdf");
    assert_eq!(all.len(), 3, "{all:?}");
    let mine = all
        .iter()
        .find(|p| p.to_string_lossy().contains("about me"))
        .expect("the report about me");
    let text = pdf_text(mine);
    assert!(text.contains("How stretched I have felt"), "{text}");
    assert!(
        !text.contains("Went for a walk together"),
        "nothing about Sam's wins: {text}"
    );
    app.quit().await;
}
