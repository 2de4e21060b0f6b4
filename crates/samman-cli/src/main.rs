//! The `samman` command: plan, validate and inspect matching programmes.

mod eval;
mod input;
mod output;
mod progress;
mod recurring;
mod suggest;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use samman::generate::{self, Params};
use samman::graph::{CandidateGraph, GraphError, GraphEstimate};
use samman::plan::Plan;
use samman::solve::{Objective, Options, Proposing, SolverKind};
use samman::validate::{Problem, Report, check, parse_json};
use samman::{ErrorKind, Session};

use progress::with_spinner;

#[derive(Parser)]
#[command(
    name = "samman",
    version,
    about = "A matching engine for civic programmes that bring people together"
)]
struct Cli {
    /// Print machine-readable JSON instead of a report.
    #[arg(long, global = true)]
    json: bool,
    /// The language of reports and spreadsheets: sv or en (default: from LC_ALL, LC_MESSAGES
    /// or LANG, else English).
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<samman::i18n::Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Plan a built-in dinner programme and print a summary.
    Demo {
        /// Guest parties to generate.
        #[arg(long, default_value_t = 300)]
        size: usize,
        /// Seed of the generated programme.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// The solver; by default `groups` where group rules bind (as at dinners), else
        /// `optimal`.
        #[arg(long, value_enum, default_value_t = SolverArg::Auto)]
        solver: SolverArg,
        /// What to maximise.
        #[arg(long, value_enum, default_value_t = ObjectiveArg::MaxPlaced)]
        objective: ObjectiveArg,
    },
    /// Check an instance and list its errors and its warnings apart: exit code 0 with
    /// warnings only (records with a warning are planned as far as their data allows, or left
    /// out with a reason), 2 with any error.
    Validate {
        #[command(flatten)]
        input: input::Input,
        /// Treat warnings as errors (exit code 2 when there is any).
        #[arg(long)]
        strict: bool,
    },
    /// Print the JSON Schema of the instance format.
    Schema {
        /// Print the schemas of every document instead, by name: Instance, Options, Plan,
        /// Params, MetricsOptions, RoundsOptions, RoundsPlan.
        #[arg(long)]
        documents: bool,
    },
    /// Statistics of the candidate graph: edges, degrees, who has no feasible provider.
    ///
    /// Counts the graph first and prints the estimate (edges and memory); an instance over
    /// `policy.limits.max_edges` stops there, with exit code 2.
    Graph {
        /// Instance JSON file.
        file: PathBuf,
        /// Print the estimate only: count the edges and the memory, build nothing.
        #[arg(long)]
        estimate_only: bool,
    },
    /// Solve an instance and write the plan as JSON.
    Solve {
        #[command(flatten)]
        input: input::Input,
        /// Solve options as JSON (the core's `Options`: solver, objective, seed, proposing,
        /// locked, previous, move_cost, iterations, parallel); the flags below override it.
        #[arg(long)]
        options: Option<PathBuf>,
        /// The solver [default: auto: `groups` where a rule about whole groups can bind, else
        /// `optimal`; the plan's `solver_choice` says which and why].
        #[arg(long, value_enum)]
        solver: Option<SolverArg>,
        /// What to maximise [default: max-score].
        #[arg(long, value_enum)]
        objective: Option<ObjectiveArg>,
        /// Which side proposes (stable solver) [default: seekers].
        #[arg(long, value_enum)]
        proposing: Option<ProposingArg>,
        /// Seed for tie-breaking and the group search [default: 0].
        #[arg(long)]
        seed: Option<u64>,
        /// JSON file of extra locks: `[{"seeker": "...", "provider": "..."}]`.
        #[arg(long)]
        locked: Option<PathBuf>,
        /// A previous plan (JSON as written by this command): re-plan changing as little of
        /// it as possible, and report the moves.
        #[arg(long)]
        previous: Option<PathBuf>,
        /// Cost of moving one person from their previous provider, in score units [default: 1].
        #[arg(long)]
        move_cost: Option<f64>,
        /// Write the plan here instead of standard output, in the form the extension names:
        /// `.xlsx` a workbook with a list per provider, who is not placed and why (and the
        /// changes, with --previous); `.csv` one row per placement with the spreadsheets'
        /// own columns, in their delimiter and encoding; anything else JSON.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Generate a seeded scenario: dinners, visits, workshops, experiences or coaching; or a
    /// programme that recurs: roulette, dinner-year, running-dinner.
    Generate {
        /// The programme.
        programme: String,
        /// Teams of a running dinner (default 30).
        #[arg(long)]
        teams: Option<usize>,
        /// Seekers to generate.
        #[arg(long, default_value_t = 300)]
        size: usize,
        /// Seed of the random stream.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[command(flatten)]
        shape: eval::Shape,
    },
    /// Every metric of a plan (JSON or CSV, from samman or elsewhere) against an instance.
    Evaluate {
        #[command(flatten)]
        input: input::Input,
        /// Plan file: JSON, or CSV with seeker and provider columns (after the instance file;
        /// the only file with --seekers and --providers).
        plan: Option<PathBuf>,
        /// Groups with fewer seekers are suppressed.
        #[arg(long, default_value_t = 5)]
        k: usize,
        /// List the blocking pairs.
        #[arg(long)]
        blocking_pairs: bool,
    },
    /// Solve with several solvers and print their metrics side by side.
    Compare {
        /// Instance JSON file.
        instance: PathBuf,
        /// Solvers, comma-separated.
        #[arg(long, default_value = "greedy")]
        solvers: String,
        /// Groups with fewer seekers are suppressed.
        #[arg(long, default_value_t = 5)]
        k: usize,
    },
    /// Replace every id with a keyed hash (HMAC-SHA-256), so the instance can leave the
    /// organisation that holds the key; the same id always gets the same pseudonym under the
    /// same key (docs/privacy.md).
    Pseudonymize {
        /// Instance JSON file.
        file: PathBuf,
        /// File holding the secret key (its bytes, as they are); keep it to map results back.
        #[arg(long)]
        key_file: PathBuf,
        /// Write the pseudonymised instance here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Why a seeker is or is not placed, and what would help.
    Explain {
        #[command(flatten)]
        input: input::Input,
        /// A plan (JSON or CSV) to explain against.
        #[arg(long)]
        plan: Option<PathBuf>,
        /// The seeker's id.
        #[arg(long)]
        seeker: String,
    },
    /// Who met whom: append a plan's meetings to the history.
    History {
        #[command(subcommand)]
        command: recurring::HistoryCommand,
    },
    /// Plan several rounds at once so that everyone meets someone new each round.
    Rounds(recurring::RoundsArgs),
    /// Plan a running dinner: each team hosts one course and eats the others at other teams'
    /// homes, meeting new teams at every course, with short walks.
    RunningDinner(recurring::DinnerArgs),
    /// The best feasible providers for a seeker: score, free seats in the plan, and who would
    /// have to move.
    Suggest {
        /// Instance JSON file.
        file: PathBuf,
        /// A plan (JSON or CSV): free seats and displacements are counted against it.
        #[arg(long)]
        plan: Option<PathBuf>,
        /// The seeker's id.
        #[arg(long)]
        seeker: String,
        /// How many providers to suggest.
        #[arg(short, long, default_value_t = 5)]
        k: usize,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum SolverArg {
    /// `groups` when a rule about whole groups can bind, `optimal` otherwise.
    Auto,
    Optimal,
    Stable,
    Groups,
    Greedy,
}

impl From<SolverArg> for SolverKind {
    fn from(arg: SolverArg) -> Self {
        match arg {
            SolverArg::Optimal => SolverKind::Optimal,
            SolverArg::Stable => SolverKind::Stable,
            SolverArg::Groups => SolverKind::Groups,
            SolverArg::Greedy => SolverKind::Greedy,
            SolverArg::Auto => SolverKind::Auto,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ObjectiveArg {
    MaxScore,
    MaxPlaced,
}

impl From<ObjectiveArg> for Objective {
    fn from(arg: ObjectiveArg) -> Self {
        match arg {
            ObjectiveArg::MaxScore => Objective::MaxScore,
            ObjectiveArg::MaxPlaced => Objective::MaxPlaced,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ProposingArg {
    Seekers,
    Providers,
}

impl Cli {
    /// The language of reports: `--lang`, else the environment's.
    fn lang(&self) -> samman::i18n::Lang {
        self.lang.unwrap_or_else(samman::i18n::Lang::from_env)
    }
}

/// A failure, with the exit code it maps to.
enum Failure {
    /// Input that could not be read or is invalid: exit code 2.
    Input(String),
    /// Anything else: exit code 1.
    Other(String),
    /// A failure said in the report language, and in English with `--json`: exit code 2 for
    /// input, else 1.
    Said {
        /// The words in English.
        english: String,
        /// The words in the report language.
        text: String,
        /// Whether the input is at fault (exit code 2, `invalid_input`).
        input: bool,
    },
    /// An error of the core, mapped by its kind: exit code 1 for an internal fault, 2 for
    /// anything the input can mend.
    Core(samman::Error),
    /// An invalid instance read from spreadsheets: as `Core`, its problems told by file, row
    /// and column.
    InSheets {
        /// The error.
        error: samman::Error,
        /// The people read, to place the problems in their files.
        roster: Box<samman::sheets::Roster>,
    },
}

impl<E: Into<samman::Error>> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure::Core(e.into())
    }
}

impl Failure {
    fn exit_code(&self) -> u8 {
        match self {
            Failure::Input(_) | Failure::Said { input: true, .. } => 2,
            Failure::Other(_) | Failure::Said { input: false, .. } => 1,
            Failure::Core(e) | Failure::InSheets { error: e, .. } => match e.kind() {
                ErrorKind::InvalidInput | ErrorKind::LimitExceeded | ErrorKind::UnknownId => 2,
                _ => 1,
            },
        }
    }

    /// The failure as `--json` prints it: `{"error": {"kind", "path", "message", "problems"}}`.
    fn to_json(&self) -> serde_json::Value {
        match self {
            Failure::Core(e) | Failure::InSheets { error: e, .. } => serde_json::json!({"error": {
                "kind": e.kind().name(),
                "path": e.path(),
                "message": e.to_string(),
                "problems": e.problems(),
            }}),
            Failure::Input(message) => serde_json::json!({"error": {
                "kind": ErrorKind::InvalidInput.name(), "path": null, "message": message,
            }}),
            Failure::Other(message) => serde_json::json!({"error": {
                "kind": ErrorKind::Internal.name(), "path": null, "message": message,
            }}),
            Failure::Said { english, input, .. } => {
                let kind = if *input {
                    ErrorKind::InvalidInput
                } else {
                    ErrorKind::Internal
                };
                serde_json::json!({"error": {
                    "kind": kind.name(), "path": null, "message": english,
                }})
            }
        }
    }

    /// A failure of the input, in the command's own words (`cli-...` in the Fluent resources).
    pub(crate) fn input(id: &'static str, args: &[(&'static str, String)]) -> Self {
        Self::said(id, args, true)
    }

    fn said(id: &'static str, args: &[(&'static str, String)], input: bool) -> Self {
        let args: Vec<(&str, samman::i18n::Arg)> = args
            .iter()
            .map(|(name, value)| (*name, value.as_str().into()))
            .collect();
        let english = samman::i18n::Messages::new(samman::i18n::Lang::En);
        Failure::Said {
            english: english.text(id, &args),
            text: messages().text(id, &args),
            input,
        }
    }

    /// A failure to read `path`, with the system's reason.
    pub(crate) fn cannot_read(path: &Path, reason: &dyn std::fmt::Display) -> Self {
        Self::input(
            "cli-cannot-read",
            &[
                ("file", path.display().to_string()),
                ("reason", reason.to_string()),
            ],
        )
    }

    /// A file that cannot be read: the system's reason in English, said in the report
    /// language where samman knows it (no such file, permission denied).
    pub(crate) fn cannot_open(path: &Path, error: &std::io::Error) -> Self {
        let id = match error.kind() {
            std::io::ErrorKind::NotFound => "cli-cannot-read-missing",
            std::io::ErrorKind::PermissionDenied => "cli-cannot-read-denied",
            _ => "cli-cannot-read",
        };
        Self::input(
            id,
            &[
                ("file", path.display().to_string()),
                ("reason", error.to_string()),
            ],
        )
    }

    /// A failure to write `path`, with the system's reason.
    pub(crate) fn cannot_write(path: &Path, reason: &dyn std::fmt::Display) -> Self {
        Self::said(
            "cli-cannot-write",
            &[
                ("file", path.display().to_string()),
                ("reason", reason.to_string()),
            ],
            false,
        )
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Input(message) | Failure::Other(message) => f.write_str(message),
            Failure::Said { text, .. } => f.write_str(text),
            // serde's words in English (as before); in plain words in another language.
            Failure::Core(samman::Error::Parse(e)) => match messages() {
                m if m.lang() == samman::i18n::Lang::En => {
                    write!(f, "cannot read the instance: {e}")
                }
                m => f.write_str(&m.text(
                    "cannot-read-instance",
                    &[("message", samman::sheets::json_text_in(&m, e).into())],
                )),
            },
            Failure::InSheets { error, roster } => {
                let m = messages();
                match error.invalid() {
                    Some(invalid) => f.write_str(
                        &invalid.text_at(&m, &|problem| roster.locate_in(&m, &problem.path)),
                    ),
                    None => f.write_str(&error.text(&m)),
                }
            }
            // What the input can mend in the report language (the core's words).
            Failure::Core(e) => f.write_str(&e.text(&messages())),
        }
    }
}

/// The language of every report, set once from `--lang` or the environment.
static LANG: std::sync::OnceLock<samman::i18n::Lang> = std::sync::OnceLock::new();

/// The messages of the report language.
pub(crate) fn messages() -> samman::i18n::Messages {
    samman::i18n::Messages::new(LANG.get().copied().unwrap_or_default())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    progress::configure(cli.json);
    let _ = LANG.set(cli.lang());
    match run(&cli) {
        Ok(code) => code,
        Err(failure) => {
            if cli.json {
                eprintln!("{:#}", failure.to_json());
            } else {
                eprintln!("samman: {failure}");
            }
            ExitCode::from(failure.exit_code())
        }
    }
}

fn run(cli: &Cli) -> Result<ExitCode, Failure> {
    match &cli.command {
        Command::Demo {
            size,
            seed,
            solver,
            objective,
        } => {
            let options = Options {
                solver: (*solver).into(),
                objective: (*objective).into(),
                ..Options::default()
            };
            demo(*size, *seed, &options, cli.json)
        }
        Command::Validate { input, strict } => validate_file(input, cli.json, *strict),
        Command::Schema { documents } => {
            if *documents {
                print!("{}", samman::document_schemas());
            } else {
                print!("{}", samman::instance_schema());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Graph {
            file,
            estimate_only,
        } => {
            let session = read_session(file)?;
            let instance = session.instance();
            let estimate = with_spinner("progress-counting", || session.estimate());
            let limit = instance.policy.limits.max_edges;
            if !cli.json {
                print!(
                    "{}",
                    samman::reports::graph_estimate(&messages(), &estimate, limit)
                );
            }
            if *estimate_only {
                if cli.json {
                    println!("{:#}", serde_json::json!({ "estimate": estimate }));
                }
                return Ok(ExitCode::SUCCESS);
            }
            // The count is exact: an instance over the edge limit is refused without the build
            // that would refuse it anyway.
            if estimate.edges > limit {
                return Err(GraphError::LimitExceeded {
                    what: "candidate edges",
                    count: estimate.edges,
                    limit,
                }
                .into());
            }
            let graph = with_spinner("progress-graph", || session.candidates())?;
            print_graph(&session, &estimate, graph, cli.json)
        }
        Command::Solve {
            input,
            options,
            solver,
            objective,
            proposing,
            seed,
            locked,
            previous,
            move_cost,
            output,
        } => {
            let (session, roster) = input.session()?;
            let mut options: Options = match options {
                Some(path) => read_json(path)?,
                None => Options::default(),
            };
            if let Some(solver) = solver {
                options.solver = (*solver).into();
            }
            if let Some(objective) = objective {
                options.objective = (*objective).into();
            }
            if let Some(proposing) = proposing {
                options.proposing = match proposing {
                    ProposingArg::Seekers => Proposing::Seekers,
                    ProposingArg::Providers => Proposing::Providers,
                };
            }
            if let Some(seed) = seed {
                options.seed = *seed;
            }
            if let Some(path) = locked {
                options.locked = read_json(path)?;
            }
            if let Some(path) = previous {
                options.previous = read_json::<Plan>(path)?.pairs();
            }
            if let Some(move_cost) = move_cost {
                options.move_cost = *move_cost;
            }
            let plan = with_spinner("progress-solving", || session.solve(&options))?;
            let messages = messages();
            if !cli.json {
                eprint!(
                    "{}",
                    samman::reports::plan_summary(&messages, session.instance(), &plan)
                );
            }
            match output {
                Some(path) => output::write_plan(
                    path,
                    &session,
                    &roster,
                    &plan,
                    previous.is_some(),
                    &messages,
                )?,
                None => write_json(&plan, None)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Generate {
            programme,
            teams,
            size,
            seed,
            shape,
        } => match recurring::generate(programme, *size, *teams, *seed) {
            Some(done) => done,
            None => eval::generate(programme, *size, *seed, shape),
        },
        Command::Evaluate {
            input,
            plan,
            k,
            blocking_pairs,
        } => {
            let (input, plan) = input.with_plan(plan.as_ref())?;
            eval::evaluate(&input, &plan, *k, *blocking_pairs, cli.json)
        }
        Command::Compare {
            instance,
            solvers,
            k,
        } => eval::compare(instance, solvers, *k, cli.json),
        Command::Pseudonymize {
            file,
            key_file,
            output,
        } => {
            let text = std::fs::read_to_string(file).map_err(|e| Failure::cannot_open(file, &e))?;
            let instance = parse_json(&text)?;
            let key_name = key_file.display().to_string();
            let key = std::fs::read(key_file).map_err(|e| {
                Failure::input(
                    "cli-cannot-read-key",
                    &[("file", key_name.clone()), ("reason", e.to_string())],
                )
            })?;
            if key.is_empty() {
                return Err(Failure::input("cli-empty-key", &[("file", key_name)]));
            }
            let hidden = samman::privacy::pseudonymize(&instance, &key);
            write_json(&hidden, output.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain {
            input,
            plan,
            seeker,
        } => eval::explain(input, plan.as_deref(), seeker, cli.json),
        Command::History { command } => recurring::history(command),
        Command::Rounds(args) => recurring::rounds(args, cli.json),
        Command::RunningDinner(args) => recurring::running_dinner(args, cli.json),
        Command::Suggest {
            file,
            plan,
            seeker,
            k,
        } => suggest::run(file, plan.as_deref(), seeker, *k, cli.json),
    }
}

/// Write `value` as indented JSON to `output`, or to standard output.
fn write_json<T: serde::Serialize>(value: &T, output: Option<&Path>) -> Result<(), Failure> {
    let json =
        serde_json::to_string_pretty(value).map_err(|e| Failure::Other(e.to_string()))? + "\n";
    match output {
        Some(path) => std::fs::write(path, json).map_err(|e| Failure::cannot_write(path, &e)),
        None => {
            print!("{json}");
            Ok(())
        }
    }
}

/// `--lang`: a language samman speaks.
fn parse_lang(code: &str) -> Result<samman::i18n::Lang, String> {
    samman::i18n::Lang::parse(code)
        .ok_or_else(|| format!("`{code}` is not a language samman speaks: use sv or en"))
}

/// Read a JSON file into `T`; errors name the file and the place in it.
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, Failure> {
    let text = std::fs::read_to_string(path).map_err(|e| Failure::cannot_open(path, &e))?;
    serde_json::from_str(&text).map_err(|e| Failure::cannot_read(path, &e))
}

/// Read and prepare an instance: the one way every command reads its input.
fn read_session(path: &Path) -> Result<Session, Failure> {
    let text = std::fs::read_to_string(path).map_err(|e| Failure::cannot_open(path, &e))?;
    Ok(progress::watch(Session::from_json(&text)?))
}

fn validate_file(input: &input::Input, json: bool, strict: bool) -> Result<ExitCode, Failure> {
    let loaded = match &input.file {
        Some(path) if input.seekers.is_none() && input.providers.is_none() => {
            let text = std::fs::read_to_string(path).map_err(|e| Failure::cannot_open(path, &e))?;
            parse_json(&text).map(|instance| samman::sheets::Roster {
                instance,
                ..samman::sheets::Roster::default()
            })
        }
        _ => Ok(input.load()?),
    };
    let path = input
        .file
        .as_deref()
        .or(input.seekers.as_deref())
        .unwrap_or(Path::new("."));
    // Problems in spreadsheets are told by file, row and column, as the sheet shows them; the
    // JSON path stays in --json output.
    let (report, roster, parse) = match loaded {
        Err(e) => (Report::default(), None, Some(e)),
        Ok(roster) => (check(&roster.instance), Some(roster), None),
    };
    let at = |problem: &Problem| roster.as_ref().and_then(|r| r.locate(&problem.path));
    let m = messages();
    let at_in = |problem: &Problem| roster.as_ref().and_then(|r| r.locate_in(&m, &problem.path));
    // With --strict a warning fails the check as an error does.
    let valid =
        parse.is_none() && report.errors.is_empty() && (!strict || report.warnings.is_empty());
    if json {
        let listed = |problems: &[Problem]| -> Vec<serde_json::Value> {
            problems
                .iter()
                .map(|p| serde_json::json!({"path": p.path, "at": at(p), "message": p.message}))
                .collect()
        };
        let out = match &parse {
            Some(e) => {
                serde_json::json!({"valid": false, "parse_error": {"path": e.path, "line": e.line, "column": e.column, "message": e.message}})
            }
            None => serde_json::json!({
                "valid": valid,
                "problems": listed(&report.errors),
                "warnings": listed(&report.warnings),
            }),
        };
        println!("{out:#}");
    } else if let Some(e) = &parse {
        eprintln!(
            "samman: {}",
            m.text(
                "cannot-read",
                &[
                    ("file", path.display().to_string().into()),
                    ("message", samman::sheets::json_text_in(&m, e).into()),
                ]
            )
        );
    } else {
        print!(
            "{}",
            samman::reports::validation(&m, &path.display().to_string(), &report, &at_in, strict)
        );
    }
    Ok(if valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

fn print_graph(
    session: &Session,
    estimate: &GraphEstimate,
    graph: &CandidateGraph,
    json: bool,
) -> Result<ExitCode, Failure> {
    let stats = graph.stats();
    let isolated = session.isolated_by_rule()?;
    if json {
        let report = serde_json::json!({"estimate": estimate, "stats": stats, "no_feasible_provider": isolated});
        println!("{report:#}");
        return Ok(ExitCode::SUCCESS);
    }
    print!("{}", samman::reports::graph(&messages(), &stats, &isolated));
    Ok(ExitCode::SUCCESS)
}

fn demo(size: usize, seed: u64, options: &Options, json: bool) -> Result<ExitCode, Failure> {
    let instance = generate::dinners(&Params {
        size,
        seed,
        ..Params::default()
    });
    let session = progress::watch(Session::new(instance)?);
    let graph = with_spinner("progress-graph", || session.candidates())?;
    let plan = with_spinner("progress-solving", || session.solve(options))?;
    let instance = session.instance();
    if json {
        let report = serde_json::json!({"summary": plan.summary(instance), "graph": graph.stats()});
        println!("{report:#}");
        return Ok(ExitCode::SUCCESS);
    }
    print!(
        "{}",
        samman::reports::demo(&messages(), instance, &graph.stats(), &plan)
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    /// Every message id the command says its own failures with is in both languages: the ids
    /// in the command's source, found by their `cli-` prefix.
    #[test]
    fn every_failure_id_is_in_both_languages() {
        let sources = [
            include_str!("main.rs"),
            include_str!("eval.rs"),
            include_str!("input.rs"),
            include_str!("output.rs"),
            include_str!("recurring.rs"),
        ];
        // A quoted id: a quote, `cli-`, lowercase letters and dashes, a quote.
        let mut ids: Vec<&str> = Vec::new();
        for source in sources {
            for (at, _) in source.match_indices(concat!('"', "cli-")) {
                let rest = &source[at + 1..];
                let end = rest.find('"').unwrap_or(0);
                let id = &rest[..end];
                if id.len() > 4 && id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
                    ids.push(id);
                }
            }
        }
        ids.sort_unstable();
        ids.dedup();
        assert!(ids.len() >= 10, "{ids:?}");
        for lang in [samman::i18n::Lang::En, samman::i18n::Lang::Sv] {
            let m = samman::i18n::Messages::new(lang);
            for id in &ids {
                assert!(m.has(id), "{lang}.ftl lacks {id}");
            }
        }
    }
}
