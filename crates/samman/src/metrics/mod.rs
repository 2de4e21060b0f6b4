//! Metrics of a plan against an instance: validity, placement, score, preferences, stability,
//! fairness across groups, group composition, travel, language, history and reliability.
//!
//! Any plan can be evaluated, including one made elsewhere: a [`Pairs`] is only a list of
//! (seeker, provider) pairs, and every score is rebuilt from the instance with
//! [`Rules`]. Each figure is defined exactly, with its formula, in docs/metrics.md.
//! Per-group figures of groups smaller than [`MetricsOptions::min_group_size`] are suppressed.
//!
//! One file per family of figures: `plan.rs` (the plans read), `validity.rs` (the plan
//! resolved, and the rules it breaks), `placement.rs`, `score.rs`, `preferences.rs`,
//! `stability.rs`, `fairness.rs`, `composition.rs`, `travel.rs`, `language.rs`, `history.rs`
//! and `reliability.rs`; this module holds the [`Report`] that gathers them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::graph::{CandidateGraph, GraphError};
use crate::model::Instance;
use crate::plan::Pairs;
use crate::rules::{Breakdown, Rules};
use crate::solve::{Options, wants::Copies};

mod composition;
mod fairness;
mod history;
mod language;
mod placement;
mod preferences;
mod reliability;
mod score;
mod stability;
mod travel;
mod validity;
mod wants;

use composition::composition;
use fairness::fairness;
use history::history;
use language::language;
use placement::placement;
use preferences::preferences;
use reliability::reliability;
use score::score;
use stability::stability;
use travel::travel;
use validity::resolve;

pub use composition::{GroupComposition, Range};
pub use fairness::{AttributeFairness, Fairness, GroupFigures, SUPPRESSED, attribute_values, gini};
pub use history::HistoryFigures;
pub use language::LanguageFigures;
pub use placement::PlacementFigures;
pub use preferences::Preferences;
pub use reliability::ReliabilityFigures;
pub use score::{CriterionFigures, ScoreFigures};
pub use stability::Stability;
pub use travel::Travel;
pub use validity::{Validity, Violation};

/// What to compute and how to protect small groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MetricsOptions {
    /// Groups with fewer seekers than this are suppressed in per-group figures (k = 5).
    pub min_group_size: usize,
    /// Attributes to compare groups across: `origin`, `gender`, `age_band`, `diet`,
    /// `language` or a programme's extra profile attribute.
    pub attributes: Vec<String>,
    /// Whether to list every blocking pair, not only count them.
    pub list_blocking_pairs: bool,
}

impl Default for MetricsOptions {
    fn default() -> Self {
        Self {
            min_group_size: 5,
            attributes: ["origin", "gender", "age_band", "diet", "language"]
                .map(str::to_owned)
                .to_vec(),
            list_blocking_pairs: false,
        }
    }
}

/// Why a plan could not be evaluated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum MetricsError {
    /// The instance is invalid or over its limits.
    #[error(transparent)]
    Graph(#[from] GraphError),
}

/// Every metric of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Report {
    /// Hard-rule violations.
    pub validity: Validity,
    /// Placement.
    pub placement: PlacementFigures,
    /// Score.
    pub score: ScoreFigures,
    /// Preferences.
    pub preferences: Preferences,
    /// Stability.
    pub stability: Stability,
    /// Fairness across groups.
    pub fairness: Fairness,
    /// Group composition.
    pub composition: GroupComposition,
    /// Travel.
    pub travel: Travel,
    /// Language.
    pub language: LanguageFigures,
    /// Novelty and continuity.
    pub history: HistoryFigures,
    /// Reliability.
    pub reliability: ReliabilityFigures,
}

/// A plan resolved against an instance: who sits where, with the rebuilt scores.
struct Resolved {
    provider_of: Vec<Option<usize>>,
    members: Vec<Vec<usize>>,
    breakdown: Vec<Option<Breakdown>>,
    score: Vec<Option<f64>>,
    violations: Vec<Violation>,
    /// Where seekers want several providers (over their copies): per copy, the providers it
    /// may not take because of its seeker's other providers (the same, or overlapping times).
    off_limits: Option<Vec<Vec<usize>>>,
}

impl Resolved {
    /// The providers copy `s` may not take (none without copies).
    fn off_limits(&self, s: usize) -> &[usize] {
        self.off_limits
            .as_ref()
            .map_or(&[], |off| off[s].as_slice())
    }
}

/// Evaluate a plan against an instance.
///
/// # Complexity
/// Dominated by building the candidate graph (see [`CandidateGraph::build`]) and by stability,
/// `O(E × m)` for `E` feasible pairs and `m` the largest group.
///
/// # Errors
/// [`MetricsError::Graph`] when the instance is invalid or over its limits.
pub fn evaluate(
    instance: &Instance,
    plan: &Pairs,
    options: &MetricsOptions,
) -> Result<Report, MetricsError> {
    let graph = CandidateGraph::build(instance)?;
    Ok(evaluate_with_graph(instance, &graph, plan, options))
}

/// Evaluate a plan with an already built candidate graph of `instance`.
#[must_use]
pub fn evaluate_with_graph(
    instance: &Instance,
    graph: &CandidateGraph,
    plan: &Pairs,
    options: &MetricsOptions,
) -> Report {
    if let Some((copies, _)) = Copies::of(instance, &Options::default(), graph.time_zone()) {
        return wants::evaluate(instance, graph, &copies, plan, options);
    }
    let rules = Rules::new(instance, graph.time_zone());
    let resolved = resolve(instance, &rules, plan);
    report(instance, graph, &rules, &resolved, options)
}

/// Every figure of a resolved plan.
fn report(
    instance: &Instance,
    graph: &CandidateGraph,
    rules: &Rules<'_>,
    resolved: &Resolved,
    options: &MetricsOptions,
) -> Report {
    Report {
        validity: Validity {
            valid: resolved.violations.is_empty(),
            violations: resolved.violations.clone(),
        },
        placement: placement(instance, resolved),
        score: score(instance, resolved),
        preferences: preferences(rules, resolved),
        stability: stability(
            instance,
            rules,
            graph,
            resolved,
            options.list_blocking_pairs,
        ),
        fairness: fairness(instance, resolved, options),
        composition: composition(instance, resolved),
        travel: travel(instance, resolved),
        language: language(instance, resolved),
        history: history(instance, rules, resolved),
        reliability: reliability(instance, resolved),
    }
}

fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator > 0.0).then(|| numerator / denominator)
}

fn min_max(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values.fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}
