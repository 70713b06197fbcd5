//! IPC adapters for Crisis help. None of these touch the database.

use super::{CrisisHelp, RegionChoice};

#[tauri::command]
pub fn crisis_regions() -> Vec<RegionChoice> {
    super::regions()
}

#[tauri::command]
pub fn crisis_help(region: String) -> CrisisHelp {
    super::help_for(&region)
}
