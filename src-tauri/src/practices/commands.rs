//! IPC adapters for the practices.

use super::Practice;

#[tauri::command(async)]
pub fn list_practices() -> Vec<Practice> {
    super::all().to_vec()
}
