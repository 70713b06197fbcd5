//! IPC adapters for the appointment report: its preview and its PDF.

use tauri::{AppHandle, Runtime};

use crate::ipc::Arg;
use crate::DbExt;
use alongside_core::report::{api, Report, ReportRequest, SavedReport};
use alongside_core::Result;

#[tauri::command(async)]
pub fn report_preview<R: Runtime>(
    app: AppHandle<R>,
    request: Arg<ReportRequest>,
) -> Result<Report> {
    api::build_report(&app.db(), request.into_inner())
}

/// Saves the report as a PDF in the Downloads folder (never overwriting).
#[tauri::command(async)]
pub fn save_report<R: Runtime>(
    app: AppHandle<R>,
    request: Arg<ReportRequest>,
) -> Result<SavedReport> {
    api::save_report(&app.db(), &crate::downloads(&app)?, request.into_inner())
}
