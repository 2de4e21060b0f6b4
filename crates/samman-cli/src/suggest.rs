//! `samman suggest`: a seeker's best feasible providers for a coordinator to approve.

use std::path::Path;
use std::process::ExitCode;

use crate::eval::read_plan;
use crate::{Failure, read_session};

/// Prints the `k` best feasible providers for `seeker` (JSON: a list of suggestions).
pub fn run(
    file: &Path,
    plan: Option<&Path>,
    seeker: &str,
    k: usize,
    json: bool,
) -> Result<ExitCode, Failure> {
    let session = read_session(file)?;
    let plan = plan.map(read_plan).transpose()?;
    let suggestions = session.suggest(plan.as_ref(), &seeker.into(), k)?;
    if json {
        let text = serde_json::to_string_pretty(&suggestions)
            .map_err(|e| Failure::Other(e.to_string()))?;
        println!("{text}");
    } else {
        print!(
            "{}",
            samman::reports::suggestions(&crate::messages(), seeker, &suggestions, plan.is_some())
        );
    }
    Ok(ExitCode::SUCCESS)
}
