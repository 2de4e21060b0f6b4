//! `samman generate`, `evaluate`, `compare` and `explain`: scenarios for researchers, metrics
//! of plans, solvers side by side, and why a seeker was not placed.

use std::path::Path;
use std::process::ExitCode;

use samman::generate::{self, Params, Programme};
use samman::metrics::{MetricsOptions, Plan, Report};
use samman::model::Instance;
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
        Some(v) if !(v.is_finite() && v > 0.0) => Err(Failure::Input(format!(
            "--{name} must be a positive number of km, not {v}"
        ))),
        Some(v) => Ok(v),
        None => Ok(default),
    };
    if shape.providers == Some(0) {
        return Err(Failure::Input("--providers must be at least 1".into()));
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
pub(crate) fn read_plan(path: &Path) -> Result<Plan, Failure> {
    let cannot = |e: &dyn std::fmt::Display| Failure::Input(format!("{}: {e}", path.display()));
    if path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("csv"))
    {
        let file = std::fs::File::open(path).map_err(|e| cannot(&e))?;
        samman::csv_io::read_plan(file).map_err(|e| cannot(&e))
    } else {
        let text = std::fs::read_to_string(path).map_err(|e| cannot(&e))?;
        Plan::from_json(&text).map_err(|e| cannot(&e))
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
        print!("{}", readable(&report));
    }
    Ok(ExitCode::SUCCESS)
}

fn num(x: Option<f64>, decimals: usize) -> String {
    x.map_or_else(|| "-".to_owned(), |x| format!("{x:.decimals$}"))
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_owned(), |x| format!("{:.1}%", 100.0 * x))
}

/// The rows of a report, as (label, value): the table `compare` prints and `evaluate` lists.
fn rows(r: &Report) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = vec![
        (
            "valid".into(),
            if r.validity.valid {
                "yes".into()
            } else {
                format!("no ({} violations)", r.validity.violations.len())
            },
        ),
        (
            "parties placed".into(),
            format!(
                "{} of {} ({})",
                r.placement.parties_placed,
                r.placement.parties,
                pct(r.placement.party_rate)
            ),
        ),
        (
            "people placed".into(),
            format!(
                "{} of {} ({})",
                r.placement.people_placed,
                r.placement.people,
                pct(r.placement.people_rate)
            ),
        ),
        (
            "providers taking place".into(),
            format!(
                "{} of {}",
                r.placement.providers_taking_place, r.placement.providers
            ),
        ),
        (
            "seats used".into(),
            format!(
                "{} of {} ({})",
                r.placement.seats_used,
                r.placement.seats,
                pct(r.placement.seat_rate)
            ),
        ),
        ("total score".into(), format!("{:.2}", r.score.total)),
        ("mean score".into(), num(r.score.mean, 3)),
    ];
    for (criterion, c) in &r.score.criteria {
        if c.weight != 0.0 {
            let name = criterion.name();
            rows.push((
                format!("  {name} (mean, weight {})", c.weight),
                format!("{:.3}", c.mean),
            ));
        }
    }
    let p = &r.preferences;
    rows.extend([
        (
            "seekers with preferences".into(),
            p.seekers_with_list.to_string(),
        ),
        ("  first choice".into(), pct(p.first_choice)),
        ("  top 3".into(), pct(p.top3)),
        ("  mean rank".into(), num(p.mean_rank, 2)),
        (
            "blocking pairs".into(),
            r.stability.blocking_pairs.to_string(),
        ),
        (
            "justified envy".into(),
            format!(
                "{} ({} seekers)",
                r.stability.justified_envy, r.stability.seekers_with_justified_envy
            ),
        ),
        ("gini of seeker scores".into(), num(r.fairness.gini, 3)),
    ]);
    for a in &r.fairness.attributes {
        rows.push((
            format!("{} placement rate min/max", a.attribute),
            num(a.placement_rate_ratio, 3),
        ));
        rows.push((
            format!("{} worst-off group", a.attribute),
            match (&a.worst_off_group, a.worst_off_score) {
                (Some(g), Some(x)) => format!("{g} ({x:.3})"),
                _ => "-".into(),
            },
        ));
    }
    let c = &r.composition;
    rows.push((
        "newcomer share per provider (mean)".into(),
        pct(c.newcomer_share.as_ref().map(|x| x.mean)),
    ));
    rows.push((
        "single-origin providers".into(),
        c.single_origin_providers.to_string(),
    ));
    for (attribute, n) in &c.lone_member_providers {
        rows.push((format!("providers with a lone {attribute}"), n.to_string()));
    }
    for (attribute, x) in &c.mixing_index {
        rows.push((format!("mixing index ({attribute})"), num(*x, 3)));
    }
    let t = &r.travel;
    rows.extend([
        (
            "travel km mean/median/p90/max".into(),
            format!(
                "{} / {} / {} / {}",
                num(t.mean_km, 2),
                num(t.median_km, 2),
                num(t.p90_km, 2),
                num(t.max_km, 2)
            ),
        ),
        (
            "shared language (conversational+)".into(),
            pct(r.language.shared_conversational),
        ),
        (
            "repeated pairs".into(),
            r.history.repeated_pairs.to_string(),
        ),
        (
            "kept pairs".into(),
            format!(
                "{} of {} ({})",
                r.history.kept_pairs,
                r.history.seekers_with_history,
                pct(r.history.continuity_rate)
            ),
        ),
        (
            "expected provider no-shows".into(),
            format!("{:.2}", r.reliability.expected_no_shows),
        ),
        (
            "expected people affected".into(),
            format!("{:.2}", r.reliability.expected_people_affected),
        ),
    ]);
    rows
}

fn readable(r: &Report) -> String {
    let rows = rows(r);
    let width = rows.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (label, value) in &rows {
        out += &format!("{label:<width$}  {value}\n");
    }
    for v in &r.validity.violations {
        out += &format!(
            "violation: {}\n",
            serde_json::to_string(v).unwrap_or_default()
        );
    }
    for a in &r.fairness.attributes {
        let groups: Vec<String> = a
            .groups
            .iter()
            .map(|g| match (g.suppressed, g.seekers) {
                (false, Some(n)) => format!(
                    "{} n={n} placed {} score {}",
                    g.value,
                    pct(g.placement_rate),
                    num(g.mean_score, 3)
                ),
                _ => format!(
                    "smaller groups suppressed (fewer than {})",
                    r.fairness.min_group_size
                ),
            })
            .collect();
        out += &format!("{}: {}\n", a.attribute, groups.join("; "));
    }
    if let Some(list) = &r.stability.blocking_pair_list {
        for pair in list {
            out += &format!("blocking pair: {} {}\n", pair.seeker, pair.provider);
        }
    }
    out
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
        let report = session.evaluate(&Plan::from(&plan), &options(k, false))?;
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
    print!("{}", side_by_side(session.instance(), &results));
    Ok(ExitCode::SUCCESS)
}

fn side_by_side(instance: &Instance, results: &[(SolverKind, Report, f64)]) -> String {
    let columns: Vec<Vec<(String, String)>> = results.iter().map(|(_, r, _)| rows(r)).collect();
    let mut labels: Vec<String> = vec!["solver".into(), "solve seconds".into()];
    labels.extend(
        columns
            .first()
            .map(|c| c.iter().map(|(l, _)| l.clone()).collect::<Vec<_>>())
            .unwrap_or_default(),
    );
    let mut table: Vec<Vec<String>> = labels.iter().map(|l| vec![l.clone()]).collect();
    for ((kind, _, seconds), column) in results.iter().zip(&columns) {
        table[0].push(kind.name().to_owned());
        table[1].push(format!("{seconds:.3}"));
        for (i, (_, value)) in column.iter().enumerate() {
            table[i + 2].push(value.clone());
        }
    }
    let widths: Vec<usize> = (0..=results.len())
        .map(|j| {
            table
                .iter()
                .map(|row| row.get(j).map_or(0, String::len))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = format!(
        "{} seekers, {} providers\n",
        instance.seekers.len(),
        instance.providers.len()
    );
    for row in &table {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(j, cell)| format!("{cell:<w$}", w = widths[j]))
            .collect();
        out += cells.join("  ").trim_end();
        out.push('\n');
    }
    out
}

/// `samman explain FILE [--plan PLAN] --seeker ID`.
pub fn explain(
    input: &crate::input::Input,
    plan: Option<&Path>,
    seeker: &str,
    json: bool,
    lang: samman::i18n::Lang,
) -> Result<ExitCode, Failure> {
    let (session, roster) = input.session()?;
    let plan = plan.map(read_plan).transpose()?;
    let e = session.explain_one(plan.as_ref(), &seeker.into())?;
    if json {
        let text = serde_json::to_string_pretty(&e).map_err(|e| Failure::Other(e.to_string()))?;
        println!("{text}");
    } else {
        let messages = samman::i18n::Messages::new(lang);
        let label = |id: &str| roster.providers.label(id);
        print!(
            "{}",
            samman::advice::explanation(&messages, &label, &e, plan.is_some())
        );
    }
    Ok(ExitCode::SUCCESS)
}
