/// Every app command the UI may call. The capability in `capabilities/main.json` allows each by
/// name (`allow-<command>`), and a test checks this list matches the handler in `lib.rs`.
pub const COMMANDS: &[&str] = &[
    "app_status",
    "retry_database",
    "get_profile",
    "update_profile",
    "complete_onboarding",
    "list_people",
    "add_person",
    "update_person",
    "remove_person",
    "restore_person",
    "crisis_regions",
    "crisis_help",
    "list_practices",
    "learn_library",
    "learn_card",
    "learn_search",
    "set_card_bookmark",
    "set_card_read",
    "add_win",
    "update_win",
    "delete_win",
    "restore_win",
    "list_wins",
    "wins_on_this_day",
    "list_tags",
    "add_tag",
    "rename_tag",
    "export_wins_csv",
    "get_crisis_plan",
    "save_safety_plan",
    "get_safety_plan_version",
    "add_warning_sign",
    "update_warning_sign",
    "remove_warning_sign",
    "restore_warning_sign",
    "record_signs_noticed",
    "get_caregiver_card",
    "save_caregiver_card",
    "list_self_checks",
    "strain_overview",
    "save_daily_check",
    "take_self_check",
    "save_self_care_plan",
    "practice_log",
    "add_listening_moment",
    "add_checkin",
    "save_starter",
    "save_appointment",
    "save_care_contact",
    "add_boundary",
    "give_space",
    "end_give_space",
    "remove_entry",
    "restore_entry",
    "today_plan",
    "mark_suggestion",
];

fn main() {
    // Cards, crisis lines and practices are embedded at compile time; a new or edited file must
    // rebuild the app (include_dir! alone does not tell cargo about new files).
    println!("cargo:rerun-if-changed=content");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
