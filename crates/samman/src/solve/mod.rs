//! Solvers that turn a candidate graph into a plan, and the plan they all return.
//!
//! Every solver returns an [`Assignment`]; [`finalize`] checks the rules about whole groups
//! (minimum seats, composition, gender of parties, keep-together and keep-apart) on what a
//! solver chose, so that no plan breaks a hard rule, and says why each unplaced seeker is
//! unplaced.

mod greedy;

use std::collections::BTreeMap;
use std::time::Instant;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::graph::{CandidateGraph, GraphError};
use crate::model::{Instance, ProviderId, SeekerId};
use crate::rules::{Breakdown, GroupRule, Rule, Rules, group_violations, keep_together_violations};

pub use greedy::greedy;

/// Which solver to run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SolverKind {
    /// Highest-scoring pairs first: a fast baseline with no guarantee.
    #[default]
    Greedy,
}

impl SolverKind {
    /// The solver's name in JSON and on the command line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            SolverKind::Greedy => "greedy",
        }
    }
}

/// What a solver maximises.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// The total score of the matches.
    #[default]
    MaxScore,
    /// The most people placed, then the total score.
    MaxPlaced,
}

/// How to solve.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// The solver.
    pub solver: SolverKind,
    /// The objective.
    pub objective: Objective,
    /// Seed for tie-breaking, where a solver breaks ties at random.
    pub seed: u64,
}

/// A seeker placed with a provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Match {
    /// The seeker.
    pub seeker: SeekerId,
    /// The provider.
    pub provider: ProviderId,
    /// Seats the party takes.
    pub seats: u32,
    /// The pair's score.
    pub score: f64,
    /// The criteria behind the score.
    pub breakdown: Breakdown,
}

/// Why a seeker is not placed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Reason {
    /// No provider passes every hard rule; how many providers each rule excludes (a provider
    /// may be excluded by several rules).
    NoFeasibleProvider {
        /// Providers each rule excludes.
        excluded: BTreeMap<Rule, usize>,
        /// Providers each rule excludes on its own: relaxing that rule alone would open them.
        only: BTreeMap<Rule, usize>,
    },
    /// Feasible providers exist but their seats went to others.
    SeatsTaken {
        /// How many providers were feasible.
        feasible: usize,
    },
    /// Placing them anywhere feasible would break a rule about the whole group.
    Group {
        /// The group rules in the way.
        rules: Vec<GroupRule>,
    },
}

/// A seeker left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Unplaced {
    /// The seeker.
    pub seeker: SeekerId,
    /// Why.
    pub reason: Reason,
}

/// A provider that does not take place although seekers could have been placed with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Cancelled {
    /// The provider.
    pub provider: ProviderId,
    /// The group rules its group would have broken.
    pub rules: Vec<GroupRule>,
}

/// Figures about a solver run. Only deterministic figures are serialised, so that the same
/// input and seed give byte-identical plans; the elapsed time is kept for reports.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SolveStats {
    /// Iterations of the solver's main loop, where meaningful.
    pub iterations: u64,
    /// An upper bound on the objective, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<f64>,
    /// Relative gap between the objective and the bound, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<f64>,
    /// Seconds the solve took (graph excluded); not serialised.
    #[serde(skip)]
    pub seconds: f64,
}

/// A plan: who is placed where, who is not and why, which providers are cancelled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Assignment {
    /// The solver that made it.
    pub solver: SolverKind,
    /// What it maximised.
    pub objective: Objective,
    /// Matches, in seeker order.
    pub matches: Vec<Match>,
    /// Seekers left out, in seeker order.
    pub unplaced: Vec<Unplaced>,
    /// Providers that do not take place because their group would break a rule.
    pub cancelled: Vec<Cancelled>,
    /// Total score of the matches.
    pub total_score: f64,
    /// People placed (party sizes summed).
    pub people_placed: u64,
    /// Solver figures.
    pub stats: SolveStats,
}

/// Why solving failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SolveError {
    /// The graph could not be built.
    #[error(transparent)]
    Graph(#[from] GraphError),
}

/// Build the candidate graph of `instance` and solve it.
///
/// # Errors
/// [`SolveError::Graph`] when the instance is invalid or over its limits.
pub fn solve(instance: &Instance, options: &Options) -> Result<Assignment, SolveError> {
    let graph = CandidateGraph::build(instance)?;
    solve_graph(instance, &graph, options)
}

/// Solve an already built candidate graph of `instance`.
///
/// # Errors
/// None yet for the greedy solver; other solvers report theirs.
pub fn solve_graph(
    instance: &Instance,
    graph: &CandidateGraph,
    options: &Options,
) -> Result<Assignment, SolveError> {
    let started = Instant::now();
    let (chosen, iterations) = match options.solver {
        SolverKind::Greedy => greedy(instance, graph),
    };
    let mut assignment = finalize(instance, graph, &chosen, options);
    assignment.stats.iterations = iterations;
    assignment.stats.seconds = started.elapsed().as_secs_f64();
    Ok(assignment)
}

/// Turn a solver's choice (for each seeker, the graph edge it is placed on) into a plan that
/// breaks no group rule.
///
/// Gender-party and keep-apart conflicts at a provider drop the lower-scoring parties; a
/// provider whose group then misses its minimum or its composition is cancelled; a keep-together
/// set split over providers is unplaced whole. Dropped seekers are then offered, best score
/// first, to providers that take place and stay within every rule with them. Unplaced seekers
/// get their reason.
#[must_use]
pub fn finalize(
    instance: &Instance,
    graph: &CandidateGraph,
    chosen: &[Option<usize>],
    options: &Options,
) -> Assignment {
    let n_seekers = instance.seekers.len();
    let n_providers = instance.providers.len();
    let mut edge_of: Vec<Option<usize>> = chosen.to_vec();
    edge_of.resize(n_seekers, None);
    let provider_of = |edge_of: &[Option<usize>]| -> Vec<Option<usize>> {
        edge_of
            .iter()
            .map(|e| e.map(|e| graph.candidates_by_edge(e).provider as usize))
            .collect()
    };
    let mut blocked_by: Vec<Vec<GroupRule>> = vec![Vec::new(); n_seekers];
    let mut cancelled: BTreeMap<usize, Vec<GroupRule>> = BTreeMap::new();

    // Rounds of repair: each round removes what breaks a rule, then re-offers the removed.
    for _round in 0..4 {
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); n_providers];
        for (s, p) in provider_of(&edge_of).iter().enumerate() {
            if let Some(p) = p {
                members[*p].push(s);
            }
        }
        let mut removed: Vec<usize> = Vec::new();
        for (p, group) in members.iter_mut().enumerate() {
            if group.is_empty() {
                continue;
            }
            // Drop lowest-scoring parties while a pairwise conflict remains.
            group.sort_by(|&a, &b| {
                score_of(graph, &edge_of, b)
                    .total_cmp(&score_of(graph, &edge_of, a))
                    .then(a.cmp(&b))
            });
            let mut kept: Vec<usize> = Vec::new();
            for &s in group.iter() {
                kept.push(s);
                let broken = group_violations(instance, p, &kept);
                if broken.iter().any(|r| {
                    matches!(
                        r,
                        GroupRule::GenderParties | GroupRule::KeepApart | GroupRule::Capacity
                    )
                }) {
                    kept.pop();
                    blocked_by[s] = broken;
                    removed.push(s);
                }
            }
            let broken = group_violations(instance, p, &kept);
            if !broken.is_empty() {
                for &s in &kept {
                    blocked_by[s] = broken.clone();
                    removed.push(s);
                }
                cancelled.insert(p, broken);
            } else {
                cancelled.remove(&p);
            }
        }
        for s in &removed {
            edge_of[*s] = None;
        }
        for set in keep_together_violations(instance, &provider_of(&edge_of)) {
            for id in &instance.constraints.keep_together[set] {
                if let Some(s) = instance.seekers.iter().position(|x| &x.id == id) {
                    edge_of[s] = None;
                    blocked_by[s] = vec![GroupRule::KeepTogether];
                }
            }
        }
        if removed.is_empty() {
            break;
        }
        // Offer the removed seekers to providers that take place and stay within the rules.
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); n_providers];
        for (s, p) in provider_of(&edge_of).iter().enumerate() {
            if let Some(p) = p {
                members[*p].push(s);
            }
        }
        removed.sort_unstable();
        removed.dedup();
        for s in removed {
            let together = instance
                .constraints
                .keep_together
                .iter()
                .any(|set| set.contains(&instance.seekers[s].id));
            if together {
                continue;
            }
            let mut options: Vec<usize> = graph
                .edge_range(s)
                .filter(|&e| !members[graph.candidates_by_edge(e).provider as usize].is_empty())
                .collect();
            options.sort_by(|&a, &b| {
                graph
                    .candidates_by_edge(b)
                    .score
                    .total_cmp(&graph.candidates_by_edge(a).score)
                    .then(a.cmp(&b))
            });
            for e in options {
                let p = graph.candidates_by_edge(e).provider as usize;
                members[p].push(s);
                if group_violations(instance, p, &members[p]).is_empty() {
                    edge_of[s] = Some(e);
                    break;
                }
                members[p].pop();
            }
        }
    }

    let rules = Rules::new(instance);
    let mut matches = Vec::new();
    let mut unplaced = Vec::new();
    let (mut total_score, mut people_placed) = (0.0, 0u64);
    for (s, seeker) in instance.seekers.iter().enumerate() {
        match edge_of[s] {
            Some(e) => {
                let c = graph.candidates_by_edge(e);
                total_score += c.score;
                people_placed += u64::from(seeker.party_size);
                matches.push(Match {
                    seeker: seeker.id.clone(),
                    provider: instance.providers[c.provider as usize].id.clone(),
                    seats: seeker.party_size,
                    score: c.score,
                    breakdown: c.breakdown,
                });
            }
            None => {
                let feasible = graph.edge_range(s).len();
                let reason = if feasible == 0 {
                    let (excluded, only) = excluded_by_rule(&rules, s);
                    Reason::NoFeasibleProvider { excluded, only }
                } else if !blocked_by[s].is_empty() {
                    Reason::Group {
                        rules: blocked_by[s].clone(),
                    }
                } else {
                    Reason::SeatsTaken { feasible }
                };
                unplaced.push(Unplaced {
                    seeker: seeker.id.clone(),
                    reason,
                });
            }
        }
    }
    Assignment {
        solver: options.solver,
        objective: options.objective,
        matches,
        unplaced,
        cancelled: cancelled
            .into_iter()
            .map(|(p, rules)| Cancelled {
                provider: instance.providers[p].id.clone(),
                rules,
            })
            .collect(),
        total_score,
        people_placed,
        stats: SolveStats::default(),
    }
}

fn score_of(graph: &CandidateGraph, edge_of: &[Option<usize>], s: usize) -> f64 {
    edge_of[s].map_or(f64::NEG_INFINITY, |e| graph.candidates_by_edge(e).score)
}

/// For each hard rule, how many providers it excludes for seeker `s`, and how many it
/// excludes on its own (no other rule fails for them).
#[must_use]
pub fn excluded_by_rule(
    rules: &Rules<'_>,
    s: usize,
) -> (BTreeMap<Rule, usize>, BTreeMap<Rule, usize>) {
    let mut excluded = BTreeMap::new();
    let mut only = BTreeMap::new();
    for p in 0..rules.instance().providers.len() {
        let failures = rules.failures(s, p);
        if let [rule] = failures[..] {
            *only.entry(rule).or_insert(0) += 1;
        }
        for rule in failures {
            *excluded.entry(rule).or_insert(0) += 1;
        }
    }
    (excluded, only)
}
