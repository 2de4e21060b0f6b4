//! `samman history add`, `samman rounds` and `samman running-dinner`: programmes that recur.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use samman::rounds::{Absence, RoundProviders, RoundsOptions, RoundsPlan};
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
        Failure::Input(format!(
            "--date: `{text}` is not a date; expected YYYY-MM-DD, such as 2026-10-04"
        ))
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
        print!("{}", rounds_report(&plan));
    }
    Ok(ExitCode::SUCCESS)
}

/// The readable report of a plan of rounds.
fn rounds_report(plan: &RoundsPlan) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let m = &plan.metrics;
    let _ = writeln!(
        out,
        "{} rounds: {} repeat pair(s){}; {} search steps in {:.2} s",
        plan.rounds.len(),
        plan.repeat_pairs,
        if plan.stats.complete {
            ", none left"
        } else {
            ", best found in the time limit"
        },
        plan.stats.iterations,
        plan.stats.seconds
    );
    let _ = writeln!(
        out,
        "new acquaintances per person: min {} mean {:.1} max {}; sitting out: min {} max {}; \
         hosting: min {} max {}",
        m.new_acquaintances.min,
        m.new_acquaintances.mean,
        m.new_acquaintances.max,
        m.sitting_out.min,
        m.sitting_out.max,
        m.hosting.min,
        m.hosting.max
    );
    for round in &plan.rounds {
        let date = round.date.map(|d| format!(" ({d})")).unwrap_or_default();
        let _ = writeln!(out, "round {}{date}:", round.round);
        for group in &round.groups {
            let host = group
                .host
                .as_ref()
                .map(|h| format!(" hosted by {h}"))
                .unwrap_or_default();
            let members: Vec<&str> = group.members.iter().map(|m| m.as_str()).collect();
            let _ = writeln!(out, "  {}{host}: {}", group.provider, members.join(", "));
        }
        if !round.sitting_out.is_empty() {
            let ids: Vec<&str> = round.sitting_out.iter().map(|m| m.as_str()).collect();
            let _ = writeln!(out, "  sitting out: {}", ids.join(", "));
        }
        for u in &round.unseated {
            let _ = writeln!(out, "  no seat: {} ({})", u.seeker, absence(&u.reason));
        }
    }
    for repeat in &plan.repeats {
        let rounds: Vec<String> = repeat.rounds.iter().map(ToString::to_string).collect();
        let _ = writeln!(
            out,
            "repeat: {} and {} in rounds {}{}",
            repeat.people[0],
            repeat.people[1],
            rounds.join(", "),
            if repeat.in_history {
                " (and before)"
            } else {
                ""
            }
        );
    }
    out
}

fn absence(reason: &Absence) -> String {
    match reason {
        Absence::NoFeasibleTable => "no table passes the pair rules".into(),
        Absence::NoSeat => "every table they may sit at is full".into(),
        Absence::Group { rules } => format!(
            "their table broke {}",
            rules
                .iter()
                .map(|r| r.name())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
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
    let text = std::fs::read_to_string(&args.file)
        .map_err(|e| Failure::Input(format!("cannot read {}: {e}", args.file.display())))?;
    let mut dinner: RunningDinner = serde_json::from_str(&text).map_err(|e| {
        Failure::Input(format!(
            "cannot read the running dinner {}: {e}",
            args.file.display()
        ))
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
            return Err(Failure::Input(
                "--cancel needs --previous PLAN.json, the plan the cancellation changes".into(),
            ));
        }
    }?;
    if json {
        write_json(&plan, None)?;
    } else {
        print!("{}", dinner_report(&plan));
    }
    Ok(ExitCode::SUCCESS)
}

/// The readable report of a running dinner.
fn dinner_report(plan: &DinnerPlan) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} teams, {} courses: {} repeat meeting(s), {} uncatered guest team(s), {:.1} km in all \
         (lower bound {:.1} km)",
        plan.teams.len(),
        plan.courses,
        plan.repeat_meetings,
        plan.uncatered,
        plan.total_km,
        plan.lower_bound_km
    );
    for note in &plan.notes {
        let _ = writeln!(out, "note: {note}");
    }
    for team in &plan.teams {
        let _ = writeln!(
            out,
            "  {} hosts course {}: {} ({:.1} km)",
            team.id,
            team.hosts,
            team.route.join(" -> "),
            team.km
        );
    }
    for change in &plan.changes {
        let _ = writeln!(
            out,
            "changed: {} eats course {} at {} instead of {}",
            change.team, change.course, change.to, change.from
        );
    }
    out
}
