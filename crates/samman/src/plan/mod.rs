//! The plan and its parts, one name each on every front (Rust, the command's JSON, Python,
//! Kotlin, Swift): the [`Plan`] every solver returns, the [`Pair`] of a seeker and a provider
//! (a lock, a previous placement, a blocking pair), and [`Pairs`], a plan as a bare list of
//! pairs from samman or from anywhere else, which metrics and explanations read.

mod pairs;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Instance, ProviderId, Seeker, SeekerId};
use crate::rules::{Breakdown, GroupRule, Rule};
use crate::solve::{Objective, SolverChoice, SolverKind};

pub use pairs::{Pairs, PlanError};

/// A seeker and a provider: a lock (`constraints.locked`, `options.locked`), a placement of
/// the previous plan (`options.previous`), an entry of a plan read as pairs, a blocking pair.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Pair {
    /// The seeker.
    pub seeker: SeekerId,
    /// The provider.
    pub provider: ProviderId,
}

/// A seeker whose provider changed from the previous plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Move {
    /// The seeker.
    pub seeker: SeekerId,
    /// Their provider in the previous plan.
    pub from: ProviderId,
    /// Their provider now; none when they are no longer placed.
    pub to: Option<ProviderId>,
    /// People in the party.
    pub people: u32,
}

/// A seeker placed with a provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Unplaced {
    /// The seeker.
    pub seeker: SeekerId,
    /// Why.
    pub reason: Reason,
}

/// A provider that does not take place although seekers could have been placed with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Cancelled {
    /// The provider.
    pub provider: ProviderId,
    /// The group rules its group would have broken.
    pub rules: Vec<GroupRule>,
}

/// Figures about a solver run. Only deterministic figures are serialised, so that the same
/// input and seed give byte-identical plans; the elapsed time is kept for reports and is not
/// compared: two runs that made the same plan are equal.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SolveStats {
    /// Iterations of the solver's main loop: pairs examined (greedy), flow refinements
    /// (optimal), search steps (groups); 0 for stable, whose deferred acceptance does not
    /// count its proposals.
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

impl PartialEq for SolveStats {
    fn eq(&self, other: &Self) -> bool {
        // `seconds` left out on purpose: it differs between runs of the same plan.
        self.iterations == other.iterations && self.bound == other.bound && self.gap == other.gap
    }
}

/// A plan, as every solver returns it: who is placed where, who is not and why, which
/// providers are cancelled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Plan {
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
    /// Seekers moved away from their provider in the previous plan, in seeker order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moves: Vec<Move>,
    /// With `auto`: the solver that ran and the group rules that chose it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub solver_choice: Option<SolverChoice>,
}

/// How many seekers a plan serves: with as many providers as they want (`seeker.wants`, 1 by
/// default), with some but fewer, with none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Served {
    /// Placed with every provider wanted.
    pub fully: usize,
    /// Placed with some but fewer providers than wanted.
    pub partly: usize,
    /// Not placed.
    pub not: usize,
}

impl Served {
    /// Seekers placed with at least one provider.
    #[must_use]
    pub fn placed(self) -> usize {
        self.fully + self.partly
    }
}

/// A plan's headline figures against its instance: what `samman demo --json` prints as its
/// `summary`. Fields in alphabetical order, as the command printed them before.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The relaxation's bound on the objective, where the solver has one.
    pub bound: Option<f64>,
    /// The relative gap to the bound.
    pub gap: Option<f64>,
    /// Seekers in the instance.
    pub parties: usize,
    /// Seekers with at least one match.
    pub parties_placed: usize,
    /// People of every placement wanted: `Σ party_size × wants`.
    pub people: u64,
    /// People placed, once per placement.
    pub people_placed: u64,
    /// Providers in the instance.
    pub providers: usize,
    /// Providers that do not take place because their group would break a rule.
    pub providers_cancelled: usize,
    /// Providers with at least one match.
    pub providers_taking_place: usize,
    /// Seats offered by all providers.
    pub seats: u64,
    /// Seats the matches take.
    pub seats_used: u64,
    /// The solver that made the plan.
    pub solver: &'static str,
    /// The plan's total score.
    pub total_score: f64,
    /// Unplaced seekers by their reason in words (English).
    pub unplaced_by_reason: BTreeMap<String, usize>,
}

impl Plan {
    /// The plan's headline figures against `instance`.
    #[must_use]
    pub fn summary(&self, instance: &Instance) -> Summary {
        let taking_place: std::collections::BTreeSet<&str> =
            self.matches.iter().map(|m| m.provider.as_str()).collect();
        let mut unplaced_by_reason = BTreeMap::new();
        for unplaced in &self.unplaced {
            *unplaced_by_reason
                .entry(unplaced.describe(instance))
                .or_insert(0) += 1;
        }
        Summary {
            bound: self.stats.bound,
            gap: self.stats.gap,
            parties: instance.seekers.len(),
            parties_placed: self.seekers_placed(),
            people: instance.seekers.iter().map(Seeker::people_wanted).sum(),
            people_placed: self.people_placed,
            providers: instance.providers.len(),
            providers_cancelled: self.cancelled.len(),
            providers_taking_place: taking_place.len(),
            seats: instance
                .providers
                .iter()
                .map(|p| u64::from(p.capacity))
                .sum(),
            seats_used: self.matches.iter().map(|m| u64::from(m.seats)).sum(),
            solver: self.solver.name(),
            total_score: self.total_score,
            unplaced_by_reason,
        }
    }

    /// Seekers with at least one match (a seeker who wants several providers has a match
    /// for each).
    #[must_use]
    pub fn seekers_placed(&self) -> usize {
        let mut seekers: Vec<&str> = self.matches.iter().map(|m| m.seeker.as_str()).collect();
        seekers.sort_unstable();
        seekers.dedup();
        seekers.len()
    }

    /// How many seekers of `instance` the plan serves fully, partly and not at all.
    #[must_use]
    pub fn served(&self, instance: &Instance) -> Served {
        let mut placements: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
        for m in &self.matches {
            *placements.entry(m.seeker.as_str()).or_default() += 1;
        }
        let mut served = Served::default();
        for seeker in &instance.seekers {
            match placements.get(seeker.id.as_str()).copied().unwrap_or(0) {
                0 => served.not += 1,
                n if n >= seeker.wants.max(1) => served.fully += 1,
                _ => served.partly += 1,
            }
        }
        served
    }

    /// The plan's (seeker, provider) pairs, in its order: the `previous` plan of a re-plan.
    #[must_use]
    pub fn pairs(&self) -> Vec<Pair> {
        self.matches
            .iter()
            .map(|m| Pair {
                seeker: m.seeker.clone(),
                provider: m.provider.clone(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_refuses_unknown_fields_where_pairs_read_a_plans_matches() {
        let pair: Pair = serde_json::from_str(r#"{"seeker":"s1","provider":"p1"}"#).unwrap();
        assert_eq!(pair, Pairs::from_pairs([("s1", "p1")]).matches[0]);
        let lock = serde_json::from_str::<Pair>(r#"{"seeker":"s1","provider":"p1","seats":2}"#);
        assert!(
            lock.unwrap_err()
                .to_string()
                .contains("unknown field `seats`")
        );
        // Pairs read through serde as through `from_json`: a samman plan's matches carry more.
        let pairs: Pairs =
            serde_json::from_str(r#"{"matches":[{"seeker":"s1","provider":"p1","score":2.0}]}"#)
                .unwrap();
        assert_eq!(pairs, Pairs::from_pairs([("s1", "p1")]));
    }
}
