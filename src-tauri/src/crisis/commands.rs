//! IPC adapters for Crisis help. None of these touch the database.

use super::{CrisisHelp, RegionChoice};
use crate::ipc::Arg;

#[tauri::command(async)]
pub fn crisis_regions() -> Vec<RegionChoice> {
    super::regions()
}

#[tauri::command(async)]
pub fn crisis_help(region: Arg<String>) -> CrisisHelp {
    let region = region.into_inner();
    super::help_for(&region)
}
