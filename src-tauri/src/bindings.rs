//! TypeScript types for every command's arguments and results, generated from the Rust types.
//! `ui/src/lib/bindings/index.ts` is committed; this test fails when it is stale.
//! Regenerate with: `UPDATE_BINDINGS=1 cargo test -p alongside bindings`.

use ts_rs::{Config, TS};

use crate::{
    app, background, crisis, error, learn, people, practice_tools, practices, readiness, reminders,
    settings, strain, wins,
};

fn render() -> String {
    // SQLite ids fit well inside a JavaScript number.
    let cfg = Config::new().with_large_int("number");
    let decls = [
        error::ErrorCode::decl(&cfg),
        error::AppError::decl(&cfg),
        app::AppStatus::decl(&cfg),
        people::Relationship::decl(&cfg),
        people::Condition::decl(&cfg),
        people::Person::decl(&cfg),
        people::PersonInput::decl(&cfg),
        settings::Profile::decl(&cfg),
        settings::ProfileInput::decl(&cfg),
        settings::OnboardingInput::decl(&cfg),
        crisis::Source::decl(&cfg),
        crisis::ContactKind::decl(&cfg),
        crisis::Contact::decl(&cfg),
        crisis::CrisisLine::decl(&cfg),
        crisis::Region::decl(&cfg),
        crisis::Guidance::decl(&cfg),
        crisis::CrisisHelp::decl(&cfg),
        crisis::RegionChoice::decl(&cfg),
        practices::Avoid::decl(&cfg),
        practices::ExerciseItem::decl(&cfg),
        practices::Exercise::decl(&cfg),
        practices::Practice::decl(&cfg),
        learn::Topic::decl(&cfg),
        learn::Span::decl(&cfg),
        learn::Block::decl(&cfg),
        learn::CardSummary::decl(&cfg),
        learn::CardDetail::decl(&cfg),
        learn::TopicGroup::decl(&cfg),
        learn::Library::decl(&cfg),
        crate::search::Segment::decl(&cfg),
        learn::SearchHit::decl(&cfg),
        wins::WinInput::decl(&cfg),
        wins::Win::decl(&cfg),
        wins::WinFilter::decl(&cfg),
        wins::Cursor::decl(&cfg),
        wins::PeriodCount::decl(&cfg),
        wins::WinPage::decl(&cfg),
        wins::Added::decl(&cfg),
        wins::OnThisDay::decl(&cfg),
        wins::Tag::decl(&cfg),
        wins::Exported::decl(&cfg),
        readiness::PlanSteps::decl(&cfg),
        readiness::SafetyPlanInput::decl(&cfg),
        readiness::SafetyPlan::decl(&cfg),
        readiness::PlanVersion::decl(&cfg),
        readiness::SavedPlan::decl(&cfg),
        readiness::WarningSignInput::decl(&cfg),
        readiness::WarningSign::decl(&cfg),
        readiness::NoticedInput::decl(&cfg),
        readiness::Noticed::decl(&cfg),
        readiness::CrisisPlan::decl(&cfg),
        readiness::CardContact::decl(&cfg),
        readiness::CaregiverCard::decl(&cfg),
        strain::instruments::AnswerChoice::decl(&cfg),
        strain::instruments::Item::decl(&cfg),
        strain::instruments::Subscale::decl(&cfg),
        strain::instruments::Band::decl(&cfg),
        strain::instruments::CrisisGuidance::decl(&cfg),
        strain::instruments::Instrument::decl(&cfg),
        strain::instruments::Score::decl(&cfg),
        strain::Sleep::decl(&cfg),
        strain::DailyCheckInput::decl(&cfg),
        strain::DailyCheck::decl(&cfg),
        strain::SelfCheckInput::decl(&cfg),
        strain::SelfCheckResult::decl(&cfg),
        strain::SelfCarePlan::decl(&cfg),
        strain::StrainPoint::decl(&cfg),
        strain::PromptKind::decl(&cfg),
        strain::TrendPrompt::decl(&cfg),
        strain::StrainOverview::decl(&cfg),
        practice_tools::Listened::decl(&cfg),
        practice_tools::ListeningInput::decl(&cfg),
        practice_tools::ListeningMoment::decl(&cfg),
        practice_tools::CheckinWay::decl(&cfg),
        practice_tools::CheckinInput::decl(&cfg),
        practice_tools::Checkin::decl(&cfg),
        practice_tools::Starter::decl(&cfg),
        practice_tools::AppointmentInput::decl(&cfg),
        practice_tools::Appointment::decl(&cfg),
        practice_tools::CareKind::decl(&cfg),
        practice_tools::CareContactInput::decl(&cfg),
        practice_tools::CareContact::decl(&cfg),
        practice_tools::Whose::decl(&cfg),
        practice_tools::BoundaryInput::decl(&cfg),
        practice_tools::Boundary::decl(&cfg),
        practice_tools::GiveSpaceInput::decl(&cfg),
        practice_tools::GiveSpace::decl(&cfg),
        practice_tools::EntryKind::decl(&cfg),
        practice_tools::PracticeLog::decl(&cfg),
        practice_tools::suggest::MarkState::decl(&cfg),
        practice_tools::suggest::Suggestion::decl(&cfg),
        practice_tools::suggest::LookBack::decl(&cfg),
        practice_tools::suggest::TodayPlan::decl(&cfg),
        reminders::schedule::Day::decl(&cfg),
        reminders::schedule::Repeat::decl(&cfg),
        reminders::schedule::ScheduleInput::decl(&cfg),
        reminders::Purpose::decl(&cfg),
        reminders::ReminderInput::decl(&cfg),
        reminders::Reminder::decl(&cfg),
        reminders::DueState::decl(&cfg),
        reminders::DueItem::decl(&cfg),
        reminders::SnoozeFor::decl(&cfg),
        reminders::DueAction::decl(&cfg),
        reminders::ReminderSettings::decl(&cfg),
        background::BackgroundStatus::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit by hand.\n\
         // Regenerate: UPDATE_BINDINGS=1 cargo test -p alongside bindings\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

const BINDINGS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../ui/src/lib/bindings/index.ts"
);

#[test]
fn bindings_are_current() {
    let fresh = render();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(
            std::path::Path::new(BINDINGS)
                .parent()
                .expect("bindings folder"),
        )
        .expect("create folder");
        std::fs::write(BINDINGS, &fresh).expect("write bindings");
    }
    let committed = std::fs::read_to_string(BINDINGS).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/bindings/index.ts is stale. Regenerate: UPDATE_BINDINGS=1 cargo test -p alongside bindings"
    );
}

/// The handler in lib.rs, the list in build.rs and the capability must name the same commands.
#[test]
fn every_command_is_registered_and_allowed() {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).expect(p);
    let lib = read("src/lib.rs");
    let handler = lib
        .split("generate_handler![")
        .nth(1)
        .and_then(|s| s.split(']').next())
        .expect("handler list");
    let mut registered: Vec<String> = handler
        .split(',')
        .filter_map(|s| s.trim().rsplit("::").next().map(str::to_owned))
        .filter(|s| !s.is_empty())
        .collect();
    let build = read("build.rs");
    let list = build
        .split("COMMANDS: &[&str] = &[")
        .nth(1)
        .and_then(|s| s.split("];").next())
        .expect("COMMANDS list");
    let mut manifest: Vec<String> = list
        .split(',')
        .map(|s| s.trim().trim_matches('"').to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    registered.sort();
    manifest.sort();
    assert_eq!(
        registered, manifest,
        "lib.rs handler and build.rs COMMANDS differ"
    );

    let cap: serde_json::Value =
        serde_json::from_str(&read("capabilities/main.json")).expect("capability JSON");
    let mut allowed: Vec<String> = cap["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    allowed.sort();
    assert_eq!(
        allowed, manifest,
        "capabilities/main.json must allow exactly the app commands"
    );
    // Beyond Alongside's own commands, only hearing the scheduler's "something is due" event.
    let others: Vec<&str> = cap["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| !p.starts_with("allow-"))
        .collect();
    assert_eq!(
        others,
        ["core:event:allow-listen", "core:event:allow-unlisten"]
    );
}
