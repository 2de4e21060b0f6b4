//! `samman history add`, `samman rounds` and `samman running-dinner`: programmes that recur.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use samman::history;

use crate::{Failure, read_instance};

/// What `samman history` does.
#[derive(clap::Subcommand)]
pub enum HistoryCommand {
    /// Append a plan's meetings to an instance's history: everyone at a table met everyone
    /// else there and the host (ids only).
    Add {
        /// Instance JSON file.
        instance: PathBuf,
        /// The plan: JSON as written by `samman solve`, or CSV with seeker and provider columns.
        plan: PathBuf,
        /// The date of the plan's meetings, such as 2026-10-04.
        #[arg(long)]
        date: Option<String>,
        /// Write the next instance here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

/// Run a `samman history` command.
pub fn history(command: &HistoryCommand) -> Result<ExitCode, Failure> {
    match command {
        HistoryCommand::Add {
            instance,
            plan,
            date,
            output,
        } => {
            let date = date.as_deref().map(parse_date).transpose()?;
            let instance = read_instance(instance)?;
            let plan = crate::eval::read_plan(plan)?;
            let tables = history::tables_of_entries(&instance, &plan.matches)
                .map_err(|e| Failure::Input(e.to_string()))?;
            let next = history::add_tables(&instance, &tables, date);
            write_json(&next, output.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A date written as `YYYY-MM-DD`.
fn parse_date(text: &str) -> Result<NaiveDate, Failure> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        Failure::Input(format!(
            "--date: `{text}` is not a date; expected YYYY-MM-DD, such as 2026-10-04"
        ))
    })
}

/// Pretty JSON to a file, or to standard output.
pub(crate) fn write_json<T: serde::Serialize>(
    value: &T,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let json =
        serde_json::to_string_pretty(value).map_err(|e| Failure::Other(e.to_string()))? + "\n";
    match output {
        Some(path) => std::fs::write(path, json)
            .map_err(|e| Failure::Other(format!("cannot write {}: {e}", path.display()))),
        None => {
            print!("{json}");
            Ok(())
        }
    }
}
