//! `samman suggest`: a seeker's best feasible providers for a coordinator to approve.

use std::path::Path;
use std::process::ExitCode;

use samman::suggest::Suggestion;

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
        print!("{}", text(seeker, &suggestions, plan.is_some()));
    }
    Ok(ExitCode::SUCCESS)
}

fn text(seeker: &str, suggestions: &[Suggestion], with_plan: bool) -> String {
    if suggestions.is_empty() {
        return format!("no feasible provider for {seeker}\n");
    }
    let mut out = String::new();
    for (rank, s) in suggestions.iter().enumerate() {
        out += &format!("{}. {}  score {:.3}", rank + 1, s.provider, s.score);
        if with_plan {
            out += &format!(", {} free seats", s.free_seats);
            if s.current {
                out += ", placed here now";
            }
            if !s.displaced.is_empty() {
                let ids: Vec<&str> = s.displaced.iter().map(|id| id.as_str()).collect();
                out += &format!(", would move {}", ids.join(" "));
            }
        }
        out.push('\n');
    }
    out
}
