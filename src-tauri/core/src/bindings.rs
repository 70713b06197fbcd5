//! TypeScript types for every command's arguments and results, generated from the Rust types.
//! `ui/src/lib/bindings/index.ts` is committed; this test fails when it is stale.
//! Regenerate with: `UPDATE_BINDINGS=1 cargo test -p alongside-core bindings`.

use ts_rs::{Config, TS};

use crate::{
    backup, care_circle, circle, crisis, error, learn, onboarding, people, practices, readiness,
    reminders, report, settings, startup, strain, today, transfer, wins,
};

fn render() -> String {
    // SQLite ids fit well inside a JavaScript number.
    let cfg = Config::new().with_large_int("number");
    let decls = [
        error::ErrorCode::decl(&cfg),
        error::AppError::decl(&cfg),
        startup::AppStatus::decl(&cfg),
        crate::protection::api::ProtectionStatus::decl(&cfg),
        crate::protection::api::ProtectionState::decl(&cfg),
        crate::protection::LockReason::decl(&cfg),
        people::Relationship::decl(&cfg),
        people::Condition::decl(&cfg),
        people::Person::decl(&cfg),
        people::PersonInput::decl(&cfg),
        settings::Profile::decl(&cfg),
        settings::ProfileInput::decl(&cfg),
        onboarding::OnboardingInput::decl(&cfg),
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
        practices::Listened::decl(&cfg),
        practices::ListeningInput::decl(&cfg),
        practices::ListeningMoment::decl(&cfg),
        practices::CheckinWay::decl(&cfg),
        practices::CheckinInput::decl(&cfg),
        practices::Checkin::decl(&cfg),
        practices::Starter::decl(&cfg),
        practices::AppointmentInput::decl(&cfg),
        practices::Appointment::decl(&cfg),
        practices::CareKind::decl(&cfg),
        practices::CareContactInput::decl(&cfg),
        practices::CareContact::decl(&cfg),
        practices::Whose::decl(&cfg),
        practices::BoundaryInput::decl(&cfg),
        practices::Boundary::decl(&cfg),
        practices::GiveSpaceInput::decl(&cfg),
        practices::GiveSpace::decl(&cfg),
        practices::EntryKind::decl(&cfg),
        practices::PracticeLog::decl(&cfg),
        today::MarkState::decl(&cfg),
        today::Suggestion::decl(&cfg),
        today::LookBack::decl(&cfg),
        today::TodayPlan::decl(&cfg),
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
        startup::BackgroundStatus::decl(&cfg),
        backup::BackupInfo::decl(&cfg),
        backup::BackupStatus::decl(&cfg),
        transfer::RecordCounts::decl(&cfg),
        transfer::api::ExportedEverything::decl(&cfg),
        transfer::api::DataSummary::decl(&cfg),
        transfer::api::ImportedEverything::decl(&cfg),
        transfer::api::Erased::decl(&cfg),
        report::ReportPeriod::decl(&cfg),
        report::PersonSection::decl(&cfg),
        report::MySection::decl(&cfg),
        report::PersonReportRequest::decl(&cfg),
        report::MyReportRequest::decl(&cfg),
        report::ReportRequest::decl(&cfg),
        report::ReportBar::decl(&cfg),
        report::ReportBlock::decl(&cfg),
        report::ReportSection::decl(&cfg),
        report::Report::decl(&cfg),
        report::SavedReport::decl(&cfg),
        circle::SupportKind::decl(&cfg),
        circle::Tie::decl(&cfg),
        circle::Closeness::decl(&cfg),
        circle::Feels::decl(&cfg),
        circle::MemberInput::decl(&cfg),
        circle::Member::decl(&cfg),
        circle::KindStanding::decl(&cfg),
        circle::ConnectionKind::decl(&cfg),
        circle::ConnectionInput::decl(&cfg),
        circle::Connection::decl(&cfg),
        care_circle::SharedKind::decl(&cfg),
        care_circle::api::ShareChoice::decl(&cfg),
        care_circle::api::CircleDevice::decl(&cfg),
        care_circle::api::CareCircle::decl(&cfg),
        care_circle::api::NewCareCircle::decl(&cfg),
        care_circle::api::JoinAs::decl(&cfg),
        care_circle::api::BundleImported::decl(&cfg),
        care_circle::live::InviteView::decl(&cfg),
        care_circle::tasks::CareTask::decl(&cfg),
        care_circle::tasks::CareTaskInput::decl(&cfg),
        circle::content::KindWords::decl(&cfg),
        circle::content::IdeaFor::decl(&cfg),
        circle::content::Idea::decl(&cfg),
        circle::Circle::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by src-tauri/core/src/bindings.rs. Do not edit by hand.\n\
         // Regenerate: UPDATE_BINDINGS=1 cargo test -p alongside-core bindings\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.push_str(&limits());
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The core's length limits for free text, in characters, so a form's counter shows the very
/// maximum the core keeps to.
fn limits() -> String {
    let limits = [
        ("name", crate::validate::NAME_MAX),
        ("winText", wins::TEXT_MAX),
        ("winNote", wins::NOTE_MAX),
        ("reminderTitle", reminders::TITLE_MAX),
        ("reminderMessage", reminders::MESSAGE_MAX),
        ("warningSign", readiness::SIGN_MAX),
        ("warningAction", readiness::ACTION_MAX),
        ("warningContact", readiness::CONTACT_MAX),
        ("noticedNote", readiness::NOTE_MAX),
        ("dailyNote", strain::NOTE_MAX),
        ("selfCarePlanField", strain::PLAN_FIELD_MAX),
        ("practiceText", practices::TEXT_MAX),
        ("practiceShort", practices::SHORT_MAX),
        ("circleNote", circle::NOTE_MAX),
        ("careTask", care_circle::TASK_MAX),
    ];
    let mut out = String::from(
        "/** The core's length limits for free text, in characters (as the core counts them). */\n\
         export const LIMITS = {\n",
    );
    for (name, max) in limits {
        out.push_str(&format!("  {name}: {max},\n"));
    }
    out.push_str("} as const;\n");
    out
}

const BINDINGS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../ui/src/lib/bindings/index.ts"
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
        "ui/src/lib/bindings/index.ts is stale. Regenerate: UPDATE_BINDINGS=1 cargo test -p alongside-core bindings"
    );
}
