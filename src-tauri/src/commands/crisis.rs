//! IPC adapters for Crisis help. None of these touch the database.

use crate::ipc::Arg;
use alongside_core::crisis::{api, *};

#[tauri::command(async)]
pub fn crisis_regions() -> Vec<RegionChoice> {
    api::crisis_regions()
}

#[tauri::command(async)]
pub fn crisis_help(region: Arg<String>) -> CrisisHelp {
    api::crisis_help(region.into_inner())
}
