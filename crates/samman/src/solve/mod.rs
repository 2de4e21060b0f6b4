//! Solvers that turn a candidate graph into a plan.
//!
//! Every solver returns a [`Plan`]; [`finalize`] checks the rules about whole groups
//! (minimum seats, composition, gender of parties, keep-together and keep-apart) on what a
//! solver chose, so that no plan breaks a hard rule, and says why each unplaced seeker is
//! unplaced.

mod auto;
mod context;
mod describe;
mod finalize;
mod greedy;
mod groups;
mod hosts;
mod ix;
mod optimal;
mod stable;
pub(crate) mod wants;

use std::collections::BTreeMap;
use web_time::Instant;

use crate::parallel::prelude::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::algo::bmatching;
use crate::graph::{CandidateGraph, GraphError};
use crate::model::{Instance, ProviderId, SeekerId};
use crate::plan::{Move, Pair, Plan};
use crate::progress::{Hook, Step, Tracker};
use crate::rules::{GroupRule, Rule, Rules};
use context::{Component, Context};
use ix::{EdgeIx, SeekerIx};
use wants::Copies;

pub use auto::{SolverChoice, binding_group_rules};
pub use finalize::finalize;
use finalize::{finalize_in, score_of};
pub use greedy::greedy;
pub use stable::blocking_pairs;

/// Which solver to run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SolverKind {
    /// Highest-scoring pairs first: a fast baseline with no guarantee.
    Greedy,
    /// Maximum-score (or most-people) capacitated assignment as a min-cost flow: exact when
    /// every party has one person, otherwise a flow relaxation repaired, with bound and gap.
    Optimal,
    /// Deferred acceptance (Gale-Shapley, hospitals/residents): no pair would rather be
    /// together than with whom they are placed.
    Stable,
    /// Group-aware placement: the flow solution improved by a large-neighbourhood search that
    /// opens and closes providers so that minimums and composition rules hold.
    Groups,
    /// `groups` when a rule about whole groups can bind (a minimum above one, composition,
    /// gender of parties, keep-together or keep-apart), `optimal` otherwise; the plan records
    /// the choice ([`Plan::solver_choice`]). The default.
    #[default]
    Auto,
}

impl SolverKind {
    /// Every solver, `auto` first.
    pub const ALL: [SolverKind; 5] = [
        SolverKind::Auto,
        SolverKind::Optimal,
        SolverKind::Stable,
        SolverKind::Groups,
        SolverKind::Greedy,
    ];

    /// The solver's name in JSON and on the command line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            SolverKind::Greedy => "greedy",
            SolverKind::Optimal => "optimal",
            SolverKind::Stable => "stable",
            SolverKind::Groups => "groups",
            SolverKind::Auto => "auto",
        }
    }
}

impl std::str::FromStr for SolverKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        one_of(&SolverKind::ALL, SolverKind::name, "solver", s)
    }
}

impl std::str::FromStr for Objective {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        one_of(&Objective::ALL, Objective::name, "objective", s)
    }
}

/// The value of `values` named `name`, or a message listing the names.
fn one_of<T: Copy>(
    values: &[T],
    name_of: fn(T) -> &'static str,
    what: &str,
    name: &str,
) -> Result<T, String> {
    values
        .iter()
        .copied()
        .find(|&v| name_of(v) == name)
        .ok_or_else(|| {
            let names: Vec<&str> = values.iter().map(|&v| name_of(v)).collect();
            format!("`{name}` is not a {what}: one of {}", names.join(", "))
        })
}

/// Which side proposes in deferred acceptance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Proposing {
    /// Seekers propose: the stable plan every seeker likes best.
    #[default]
    Seekers,
    /// Providers propose: the stable plan every provider likes best.
    Providers,
}

/// What a solver maximises.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Objective {
    /// The total score of the matches.
    #[default]
    MaxScore,
    /// The most people placed, then the total score.
    MaxPlaced,
}

impl Objective {
    /// Every objective.
    pub const ALL: [Objective; 2] = [Objective::MaxScore, Objective::MaxPlaced];

    /// The objective's name in JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Objective::MaxScore => "max_score",
            Objective::MaxPlaced => "max_placed",
        }
    }
}

/// How to solve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Options {
    /// The solver.
    pub solver: SolverKind,
    /// The objective.
    pub objective: Objective,
    /// Seed for tie-breaking and for the group search; the same seed gives the same plan.
    pub seed: u64,
    /// Which side proposes (stable solver).
    pub proposing: Proposing,
    /// Assignments to keep, on top of `constraints.locked` in the instance.
    pub locked: Vec<Pair>,
    /// The previous plan, when re-planning: every solver then prefers to keep its placements.
    pub previous: Vec<Pair>,
    /// What moving one person away from their previous provider costs, in score units (a
    /// party of three moved costs three times this).
    pub move_cost: f64,
    /// Iterations of the group search (groups solver); none: 300 per provider, at most
    /// 200 000 per component.
    pub iterations: Option<u64>,
    /// Solve connected components on several threads; the plan is the same either way.
    pub parallel: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            solver: SolverKind::default(),
            objective: Objective::default(),
            seed: 0,
            proposing: Proposing::default(),
            locked: Vec::new(),
            previous: Vec::new(),
            move_cost: 1.0,
            iterations: None,
            parallel: true,
        }
    }
}

/// Why solving failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SolveError {
    /// A lock names a seeker or provider the instance does not have.
    #[error("{path}: no {what} has the id `{id}`")]
    UnknownId {
        /// Where the id is: `constraints.locked[2].seeker`.
        path: String,
        /// `seeker` or `provider`.
        what: &'static str,
        /// The id.
        id: String,
    },
    /// The graph could not be built.
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// A lock cannot be kept: it breaks a hard rule or another lock.
    #[error("{path}: {message}")]
    Lock {
        /// Where the lock is: `constraints.locked[2]` or `options.locked[0]`.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The seekers locked to a provider form a group that breaks a rule, and no other seeker
    /// can be added to mend it.
    #[error(
        "the seekers locked to provider {provider} form a group that breaks {rules:?}, and no \
         other seeker can mend it"
    )]
    LockedGroup {
        /// The provider.
        provider: ProviderId,
        /// The group rules broken.
        rules: Vec<GroupRule>,
    },
    /// A pair's score is NaN or infinite (weights so large that the sum overflows).
    #[error("the score of seeker {seeker} with provider {provider} is not a finite number")]
    NonFiniteScore {
        /// The seeker.
        seeker: SeekerId,
        /// The provider.
        provider: ProviderId,
    },
    /// An option is out of range.
    #[error("{path}: {message}")]
    InvalidOption {
        /// The option, such as `options.move_cost`.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The flow solver rejected the problem it was given (too large for its indices).
    #[error("the flow solver rejected the problem: {0}")]
    Flow(#[from] bmatching::Error),
    /// Deferred acceptance rejected the market it was given (an internal error: the stable
    /// solver builds valid markets).
    #[error("deferred acceptance rejected the market: {0}")]
    Stable(#[from] crate::algo::stable::Error),
}

/// What a solver returns for one component.
#[derive(Debug, Default)]
pub(crate) struct Part {
    /// (seeker, edge) pairs chosen, locked seekers included.
    pub chosen: Vec<(SeekerIx, EdgeIx)>,
    /// Iterations of the main loop.
    pub iterations: u64,
    /// An upper bound on the objective of this component, where known.
    pub bound: Option<f64>,
}

/// Build the candidate graph of `instance` and solve it.
///
/// # Errors
/// [`SolveError::Graph`] when the instance is invalid or over its limits.
pub fn solve(instance: &Instance, options: &Options) -> Result<Plan, SolveError> {
    let graph = CandidateGraph::build(instance)?;
    solve_graph(instance, &graph, options)
}

/// Solve an already built candidate graph of `instance`.
///
/// The connected components of the graph (keep-together sets joined) are solved
/// independently, on several threads when `options.parallel`; each component's work depends
/// only on its own seekers, providers and the seed, so the plan is the same either way.
/// Every solver's choice then goes through [`finalize`].
///
/// # Errors
/// [`SolveError::Lock`] for a lock naming an unknown id or breaking a hard rule;
/// [`SolveError::LockedGroup`] when locked seekers make a group no other seeker can mend;
/// [`SolveError::NonFiniteScore`] for a score that is NaN or infinite;
/// [`SolveError::InvalidOption`] for an option out of range.
pub fn solve_graph(
    instance: &Instance,
    graph: &CandidateGraph,
    options: &Options,
) -> Result<Plan, SolveError> {
    solve_observed(instance, graph, options, None)
}

/// [`solve_graph`], reporting the group search's iterations to `progress`.
pub(crate) fn solve_observed(
    instance: &Instance,
    graph: &CandidateGraph,
    options: &Options,
    progress: Option<Hook<'_>>,
) -> Result<Plan, SolveError> {
    let started = Instant::now();
    let (solver, choice) = auto::resolve(instance, options.solver);
    let resolved;
    let options = if choice.is_some() {
        resolved = Options {
            solver,
            ..options.clone()
        };
        &resolved
    } else {
        options
    };
    let mut assignment = match Copies::of(instance, options, graph.time_zone()) {
        None => solve_in(instance, graph, options, progress, None)?,
        Some((copies, copied_options)) => {
            let graph = graph.repeated(copies.original());
            let plan = solve_in(
                &copies.instance,
                &graph,
                &copied_options,
                progress,
                Some(&copies),
            )
            .map_err(|e| copies.restore(instance, e))?;
            let mut plan = copies.fold(instance, plan);
            plan.moves = moves(instance, options, &plan);
            plan
        }
    };
    assignment.solver_choice = choice;
    assignment.stats.seconds = started.elapsed().as_secs_f64();
    Ok(assignment)
}

/// Solve `instance` (the copies of `copies`, where seekers want several providers).
fn solve_in(
    instance: &Instance,
    graph: &CandidateGraph,
    options: &Options,
    progress: Option<Hook<'_>>,
    copies: Option<&Copies>,
) -> Result<Plan, SolveError> {
    let mut context = Context::new(instance, graph, options)?;
    context.copies = copies;
    let components = context.components();
    let searching = matches!(options.solver, SolverKind::Groups | SolverKind::Auto);
    if searching && progress.is_some() {
        let total = components
            .iter()
            .map(|c| groups::iterations(&context, c))
            .sum();
        context.search = Tracker::new(progress, Step::Search, total, groups::PROGRESS_ITERATIONS);
        context.search.report();
    }
    let context = context;
    let run_once = |component: &Component| -> Result<Part, SolveError> {
        match options.solver {
            SolverKind::Greedy => Ok(greedy::solve_component(&context, component)),
            SolverKind::Optimal => optimal::solve_component(&context, component),
            SolverKind::Stable => stable::solve_component(&context, component),
            SolverKind::Groups | SolverKind::Auto => groups::solve_component(&context, component),
        }
    };
    // A host over its limit on events: its least valuable providers closed, solved again
    // (each round closes one at least, so this ends). The first bound stays a bound: closing
    // providers only removes plans.
    let run = |component: &Component| -> Result<Part, SolveError> {
        let mut part = run_once(component)?;
        let mut close = hosts::to_close(&context, component, &part.chosen);
        if close.is_empty() {
            return Ok(part);
        }
        let mut component = component.clone();
        while !close.is_empty() {
            component.closed.extend(close);
            if searching {
                context
                    .search
                    .extend(groups::iterations(&context, &component));
            }
            let again = run_once(&component)?;
            part.iterations += again.iterations;
            part.chosen = again.chosen;
            close = hosts::to_close(&context, &component, &part.chosen);
        }
        Ok(part)
    };
    let parts: Vec<Part> = if options.parallel {
        components.par_iter().map(run).collect::<Result<_, _>>()?
    } else {
        components.iter().map(run).collect::<Result<_, _>>()?
    };
    let mut chosen: Vec<Option<EdgeIx>> = vec![None; instance.seekers.len()];
    let mut iterations = 0;
    let mut bound = Some(0.0);
    for part in parts {
        for (s, e) in part.chosen {
            chosen[s] = Some(e);
        }
        iterations += part.iterations;
        bound = match (bound, part.bound) {
            (Some(a), Some(b)) => Some(a + b),
            _ => None,
        };
    }
    if let Some(copies) = copies {
        wants::separate(&context, copies, &mut chosen);
    }
    let mut assignment = finalize_in(&context, &chosen)?;
    assignment.stats.iterations = iterations;
    if matches!(options.solver, SolverKind::Optimal | SolverKind::Groups) {
        let achieved = objective_value(&context, &assignment);
        assignment.stats.bound = bound;
        assignment.stats.gap = bound.map(|b| relative_gap(b, achieved));
    }
    assignment.moves = moves(instance, options, &assignment);
    Ok(assignment)
}

/// The objective a solver maximised, for a plan: the score plus the move cost kept (most
/// score), or the people placed (most people).
fn objective_value(context: &Context<'_>, plan: &Plan) -> f64 {
    match context.options.objective {
        Objective::MaxPlaced => plan.people_placed as f64,
        Objective::MaxScore => {
            let previous: std::collections::HashSet<(&SeekerId, &ProviderId)> = context
                .options
                .previous
                .iter()
                .map(|p| (&p.seeker, &p.provider))
                .collect();
            let kept: f64 = plan
                .matches
                .iter()
                .filter(|m| previous.contains(&(&m.seeker, &m.provider)))
                .filter_map(|m| context.seeker_ix.get(m.seeker.as_str()))
                .map(|&s| context.options.move_cost * f64::from(context.people(s)))
                .sum();
            plan.total_score + kept
        }
    }
}

/// `(bound - achieved) / |bound|`, 0 when both are 0; never negative (the bound may fall
/// short of the achieved value by the solver's rounding tolerance).
fn relative_gap(bound: f64, achieved: f64) -> f64 {
    if bound.abs() < 1e-12 {
        return 0.0;
    }
    ((bound - achieved) / bound.abs()).max(0.0)
}

/// Seekers of the previous plan who are no longer with the same provider. A seeker with
/// several providers moves from each previous one it lost to a provider it did not have
/// before (in plan order), or to none.
fn moves(instance: &Instance, options: &Options, plan: &Plan) -> Vec<Move> {
    let mut now: BTreeMap<&SeekerId, Vec<&ProviderId>> = BTreeMap::new();
    for m in &plan.matches {
        now.entry(&m.seeker).or_default().push(&m.provider);
    }
    let mut before: BTreeMap<&SeekerId, Vec<&ProviderId>> = BTreeMap::new();
    for placement in &options.previous {
        before
            .entry(&placement.seeker)
            .or_default()
            .push(&placement.provider);
    }
    let mut moves: Vec<(usize, usize, Move)> = Vec::new();
    let order: BTreeMap<&SeekerId, (usize, u32)> = instance
        .seekers
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, (i, s.wants.max(1))))
        .collect();
    for (seeker, previous) in &before {
        let Some(&(at, wants)) = order.get(seeker) else {
            continue;
        };
        let placed = now.get(seeker).map_or(&[][..], Vec::as_slice);
        // Only a seeker's first `wants` previous placements count.
        let previous = &previous[..previous.len().min(wants as usize)];
        let mut new = placed.iter().filter(|p| !previous.contains(p));
        let mut seen: Vec<&ProviderId> = Vec::new();
        for (k, from) in previous.iter().enumerate() {
            if placed.contains(from) || seen.contains(from) {
                continue;
            }
            seen.push(from);
            moves.push((
                at,
                k,
                Move {
                    seeker: (*seeker).clone(),
                    from: (*from).clone(),
                    to: new.next().map(|p| (*p).clone()),
                    people: instance.seekers[at].party_size,
                },
            ));
        }
    }
    moves.sort_by_key(|(at, k, _)| (*at, *k));
    moves.into_iter().map(|(_, _, m)| m).collect()
}

/// Providers excluded by each hard rule, and those excluded by that rule alone.
pub type Exclusions = (BTreeMap<Rule, usize>, BTreeMap<Rule, usize>);

/// For each of `seekers`, how many providers each hard rule excludes, and how many it
/// excludes on its own (no other rule fails for them): in the order of `seekers`.
///
/// # Complexity
/// Not one rule check per seeker and provider: seekers that agree on what a rule reads of
/// them share its verdicts, kept as bit sets over the providers, and the distance rule is
/// checked only for providers within a seeker's latitude band. About `O(P)` checks per distinct
/// trait value and `O(P / 64)` word operations per seeker, in parallel.
#[must_use]
pub fn excluded_by_rule(rules: &Rules<'_>, seekers: &[usize]) -> Vec<Exclusions> {
    let to_map = |counts: [usize; Rule::ALL.len()]| -> BTreeMap<Rule, usize> {
        Rule::ALL
            .into_iter()
            .zip(counts)
            .filter(|&(_, n)| n > 0)
            .collect()
    };
    crate::rules::exclusions(rules, seekers)
        .into_iter()
        .map(|(excluded, only)| (to_map(excluded), to_map(only)))
        .collect()
}
