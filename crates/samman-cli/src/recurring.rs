//! `samman history add`, `samman rounds` and `samman running-dinner`: programmes that recur.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use samman::rounds::{RoundProviders, RoundsOptions};
use samman::running_dinner::{self, DinnerPlan, RunningDinner};

use crate::{Failure, read_session, write_json};

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
            let session = read_session(instance)?;
            let plan = crate::eval::read_plan(plan)?;
            let next = session.add_history(&plan, date)?;
            write_json(&next, output.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A date written as `YYYY-MM-DD`.
fn parse_date(text: &str) -> Result<NaiveDate, Failure> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        Failure::input(
            "cli-not-a-date",
            &[("option", "--date".into()), ("text", text.into())],
        )
    })
}

/// Where each round's tables come from, on the command line.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ProvidersArg {
    /// Every provider in every round.
    Same,
    /// Round k uses the providers dated on the k-th date.
    ByDate,
}

/// The options of `samman rounds`.
#[derive(clap::Args)]
pub struct RoundsArgs {
    /// The people: an instance JSON file (seekers are the participants, providers the
    /// tables), or --seekers and --providers spreadsheets.
    #[command(flatten)]
    input: crate::input::Input,
    /// How many rounds.
    #[arg(long)]
    rounds: u32,
    /// Nobody meets anyone twice, the history included, whatever `policy.novelty` says.
    #[arg(long)]
    never_again: bool,
    /// Seed of the search.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Stop searching after this many seconds with the best plan found.
    #[arg(long, default_value_t = 10.0)]
    time_limit: f64,
    /// Stop after this many search steps (a plan that does not depend on the machine's speed).
    #[arg(long)]
    max_iterations: Option<u64>,
    /// The same providers every round, or each date's own.
    #[arg(long, value_enum, default_value_t = ProvidersArg::Same)]
    round_providers: ProvidersArg,
}

/// `samman rounds FILE --rounds R`: plan rounds where everyone meets someone new.
pub fn rounds(args: &RoundsArgs, json: bool) -> Result<ExitCode, Failure> {
    let (session, _) = args.input.session()?;
    let options = RoundsOptions {
        rounds: args.rounds,
        providers: match args.round_providers {
            ProvidersArg::Same => RoundProviders::Same,
            ProvidersArg::ByDate => RoundProviders::ByDate,
        },
        never_again: args.never_again,
        seed: args.seed,
        time_limit_seconds: args.time_limit,
        max_iterations: args.max_iterations,
    };
    let plan = crate::progress::with_spinner("progress-rounds", || session.rounds(&options))?;
    if json {
        write_json(&plan, None)?;
    } else {
        print!("{}", samman::reports::rounds(&crate::messages(), &plan));
    }
    Ok(ExitCode::SUCCESS)
}

/// `samman generate` for the programmes that recur; `None` for any other programme.
pub fn generate(
    programme: &str,
    size: usize,
    teams: Option<usize>,
    seed: u64,
) -> Option<Result<ExitCode, Failure>> {
    let written = match programme {
        "roulette" => write_json(&samman::generate::roulette(size, seed), None),
        "dinner-year" => write_json(&samman::generate::dinner_year(size, seed), None),
        "running-dinner" => write_json(&running_dinner::generate(teams.unwrap_or(30), seed), None),
        _ => return None,
    };
    Some(written.map(|()| ExitCode::SUCCESS))
}

/// The options of `samman running-dinner`.
#[derive(clap::Args)]
pub struct DinnerArgs {
    /// Running-dinner JSON file (`samman generate running-dinner` writes one; docs/rounds.md
    /// describes the format).
    file: PathBuf,
    /// Courses of the evening, instead of the file's.
    #[arg(long)]
    courses: Option<u32>,
    /// Seed of the search.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// A team that cancelled (repeat the flag for several); needs --previous.
    #[arg(long)]
    cancel: Vec<String>,
    /// The plan made before the cancellations (JSON as written by this command).
    #[arg(long)]
    previous: Option<PathBuf>,
}

/// `samman running-dinner FILE`: every team's route through the evening.
pub fn running_dinner(args: &DinnerArgs, json: bool) -> Result<ExitCode, Failure> {
    let text =
        std::fs::read_to_string(&args.file).map_err(|e| Failure::cannot_open(&args.file, &e))?;
    let mut dinner: RunningDinner = serde_json::from_str(&text).map_err(|e| {
        Failure::input(
            "cli-cannot-read-dinner",
            &[
                ("file", args.file.display().to_string()),
                ("reason", e.to_string()),
            ],
        )
    })?;
    if let Some(courses) = args.courses {
        dinner.courses = courses;
    }
    let plan = match (&args.previous, args.cancel.is_empty()) {
        (None, true) => running_dinner::plan(&dinner, args.seed),
        (Some(previous), _) => {
            let previous: DinnerPlan = crate::read_json(previous)?;
            running_dinner::cancel(&dinner, &previous, &args.cancel, args.seed)
        }
        (None, false) => {
            return Err(Failure::input("cli-cancel-needs-previous", &[]));
        }
    }?;
    if json {
        write_json(&plan, None)?;
    } else {
        print!(
            "{}",
            samman::reports::running_dinner(&crate::messages(), &plan)
        );
    }
    Ok(ExitCode::SUCCESS)
}
