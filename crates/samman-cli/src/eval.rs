//! `samman generate`, `evaluate`, `compare` and `explain`: scenarios for researchers, metrics
//! of plans, solvers side by side, and why a seeker was not placed.

use std::path::Path;
use std::process::ExitCode;

use samman::generate::{self, Params, Programme};
use samman::metrics::{MetricsOptions, Report};
use samman::plan::Pairs;
use samman::solve::{Options, SolverKind};

use crate::progress::with_spinner;
use crate::{Failure, read_session};

/// The optional shape of a generated programme: how many providers, over how large an area,
/// and how far seekers travel. Left out, each takes the generator's default.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct Shape {
    /// Number of providers (default: what the programme's ratio of providers to seekers gives).
    #[arg(long)]
    providers: Option<usize>,
    /// Side of the square area the people are scattered over, in km (default 20).
    #[arg(long)]
    area_km: Option<f64>,
    /// Mean travel limit of a seeker, in km (default 5).
    #[arg(long)]
    travel_km: Option<f64>,
}

/// `samman generate PROGRAMME --size N --seed S [--providers P --area-km A --travel-km T]`:
/// the instance as JSON on standard output.
pub fn generate(
    programme: &str,
    size: usize,
    seed: u64,
    shape: &Shape,
) -> Result<ExitCode, Failure> {
    let programme: Programme = programme.parse().map_err(Failure::Input)?;
    let defaults = Params::default();
    let positive = |name: &str, value: Option<f64>, default: f64| match value {
        Some(v) if !(v.is_finite() && v > 0.0) => Err(Failure::input(
            "cli-positive-km",
            &[("option", format!("--{name}")), ("value", v.to_string())],
        )),
        Some(v) => Ok(v),
        None => Ok(default),
    };
    if shape.providers == Some(0) {
        return Err(Failure::input(
            "cli-at-least-one",
            &[("option", "--providers".into())],
        ));
    }
    let params = Params {
        size,
        seed,
        providers: shape.providers,
        area_km: positive("area-km", shape.area_km, defaults.area_km)?,
        travel_km: positive("travel-km", shape.travel_km, defaults.travel_km)?,
        ..defaults
    };
    let instance = generate::generate(programme, &params);
    let json =
        serde_json::to_string_pretty(&instance).map_err(|e| Failure::Other(e.to_string()))?;
    println!("{json}");
    Ok(ExitCode::SUCCESS)
}

/// Read a plan: CSV when the file name ends in `.csv`, else JSON (a samman plan or a list of
/// `{"seeker", "provider"}`).
pub(crate) fn read_plan(path: &Path) -> Result<Pairs, Failure> {
    // The system's reason in the report language where samman knows it; English as before.
    let unreadable = |e: &std::io::Error| match Failure::cannot_open(path, e) {
        Failure::Said { text, .. } => Failure::Said {
            english: format!("{}: {e}", path.display()),
            text,
            input: true,
        },
        other => other,
    };
    if path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("csv"))
    {
        let file = std::fs::File::open(path).map_err(|e| unreadable(&e))?;
        samman::csv_io::read_plan(file).map_err(|e| Failure::Said {
            english: format!("{}: {e}", path.display()),
            text: format!("{}: {}", path.display(), e.text(&crate::messages())),
            input: true,
        })
    } else {
        let text = std::fs::read_to_string(path).map_err(|e| unreadable(&e))?;
        Pairs::from_json(&text).map_err(|e| Failure::Said {
            english: format!("{}: {e}", path.display()),
            text: format!(
                "{}: {}",
                path.display(),
                samman::Error::from(e).text(&crate::messages())
            ),
            input: true,
        })
    }
}

fn options(k: usize, list_blocking: bool) -> MetricsOptions {
    MetricsOptions {
        min_group_size: k,
        list_blocking_pairs: list_blocking,
        ..MetricsOptions::default()
    }
}

/// `samman evaluate INSTANCE PLAN`: every metric of the plan.
pub fn evaluate(
    input: &crate::input::Input,
    plan: &Path,
    k: usize,
    list_blocking: bool,
    json: bool,
) -> Result<ExitCode, Failure> {
    let (session, _) = input.session()?;
    let plan = read_plan(plan)?;
    let report = with_spinner("progress-evaluating", || {
        session.evaluate(&plan, &options(k, list_blocking))
    })?;
    if json {
        let text =
            serde_json::to_string_pretty(&report).map_err(|e| Failure::Other(e.to_string()))?;
        println!("{text}");
    } else {
        print!(
            "{}",
            samman::reports::metrics(&crate::messages(), session.instance(), &report)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `samman compare INSTANCE --solvers a,b,...`: metrics of each solver's plan side by side.
pub fn compare(instance: &Path, solvers: &str, k: usize, json: bool) -> Result<ExitCode, Failure> {
    let session = read_session(instance)?;
    let kinds: Vec<SolverKind> = solvers
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|name| name.parse().map_err(Failure::Input))
        .collect::<Result<_, _>>()?;
    with_spinner("progress-graph", || session.candidates())?;
    let mut results: Vec<(SolverKind, Report, f64)> = Vec::new();
    for kind in kinds {
        let plan = with_spinner("progress-solving", || {
            session.solve(&Options {
                solver: kind,
                ..Options::default()
            })
        })?;
        let report = session.evaluate(&Pairs::from(&plan), &options(k, false))?;
        results.push((kind, report, plan.stats.seconds));
    }
    if json {
        let list: Vec<serde_json::Value> = results
            .iter()
            .map(|(kind, report, seconds)| serde_json::json!({"solver": kind.name(), "seconds": seconds, "metrics": report}))
            .collect();
        println!("{:#}", serde_json::Value::Array(list));
        return Ok(ExitCode::SUCCESS);
    }
    print!(
        "{}",
        samman::reports::comparison(&crate::messages(), session.instance(), &results)
    );
    Ok(ExitCode::SUCCESS)
}

/// `samman explain FILE [--plan PLAN] --seeker ID`.
pub fn explain(
    input: &crate::input::Input,
    plan: Option<&Path>,
    seeker: &str,
    json: bool,
) -> Result<ExitCode, Failure> {
    let (session, roster) = input.session()?;
    let plan = plan.map(read_plan).transpose()?;
    let e = session.explain_one(plan.as_ref(), &seeker.into())?;
    if json {
        let text = serde_json::to_string_pretty(&e).map_err(|e| Failure::Other(e.to_string()))?;
        println!("{text}");
    } else {
        let messages = crate::messages();
        let label = |id: &str| roster.providers.label(id);
        print!(
            "{}",
            samman::advice::explanation(&messages, &label, &e, plan.is_some())
        );
    }
    Ok(ExitCode::SUCCESS)
}
