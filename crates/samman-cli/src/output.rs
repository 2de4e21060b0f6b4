//! Where `samman solve -o FILE` writes, by the extension: `.xlsx` the coordinator's workbook,
//! `.csv` one row per placement in the input's delimiter and encoding, anything else JSON.
//! Everything written is computed by the core (`samman::sheets::report`, `::write`).

use std::path::Path;

use samman::Session;
use samman::i18n::Messages;
use samman::plan::Plan;
use samman::sheets::report::{self, ReportInput};
use samman::sheets::{Roster, write};

use crate::Failure;

/// Write `plan` to `path` in the form its extension names.
pub fn write_plan(
    path: &Path,
    session: &Session,
    roster: &Roster,
    plan: &Plan,
    changes: bool,
    messages: &Messages,
) -> Result<(), Failure> {
    let extension = path
        .extension()
        .and_then(|x| x.to_str())
        .map(str::to_ascii_lowercase);
    let bytes = match extension.as_deref() {
        Some("xlsx") => {
            let explanations = report::explain_unplaced(session, plan)?;
            let input = ReportInput {
                session,
                roster,
                plan,
                explanations: &explanations,
                changes,
            };
            write::xlsx(&report::workbook(&input, messages))
                .map_err(|e| Failure::Other(e.to_string()))?
        }
        Some("csv") => write::placements_csv(roster, plan, roster.format)
            .map_err(|e| Failure::Other(e.to_string()))?,
        _ => {
            let json =
                serde_json::to_string_pretty(plan).map_err(|e| Failure::Other(e.to_string()))?;
            (json + "\n").into_bytes()
        }
    };
    std::fs::write(path, bytes).map_err(|e| Failure::cannot_write(path, &e))
}
