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
    "crisis_regions",
    "crisis_help",
    "list_practices",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
