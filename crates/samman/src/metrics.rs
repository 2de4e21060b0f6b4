//! Metrics of a plan against an instance: validity, placement, score, preferences, stability,
//! fairness across groups, group composition, travel, language, history and reliability.
//!
//! Any plan can be evaluated, including one made elsewhere: a [`Plan`] is only a list of
//! (seeker, provider) pairs, and every score is rebuilt from the instance with
//! [`Rules`]. Each figure is defined exactly, with its formula, in docs/metrics.md.
//! Per-group figures of groups smaller than [`MetricsOptions::min_group_size`] are suppressed.

use std::collections::{BTreeMap, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::graph::{CandidateGraph, GraphError};
use crate::model::{HostId, Instance, Level, Origin, Profile, ProviderId, SeekerId};
use crate::rules::{
    Breakdown, Criterion, GroupRule, Rule, Rules, distance_km, group_violations,
    host_events_violations, keep_together_violations, shared_language_level,
};
use crate::solve::Assignment;

/// One placement of a plan: a seeker and the provider it is placed with.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlanEntry {
    /// The seeker.
    pub seeker: SeekerId,
    /// The provider.
    pub provider: ProviderId,
}

/// A plan as a list of placements, from samman or from anywhere else. Seekers not listed are
/// unplaced. Scores are not part of a plan: metrics rebuild them from the instance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Plan {
    /// The placements, in any order.
    pub matches: Vec<PlanEntry>,
}

/// Why a plan could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot read the plan: {path}: {message} (line {line}, column {column})")]
#[non_exhaustive]
pub struct PlanError {
    /// The path of the field being read.
    pub path: String,
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// What went wrong.
    pub message: String,
}

impl Plan {
    /// A plan from (seeker, provider) pairs.
    #[must_use]
    pub fn from_pairs<S: Into<SeekerId>, P: Into<ProviderId>>(
        pairs: impl IntoIterator<Item = (S, P)>,
    ) -> Self {
        Self {
            matches: pairs
                .into_iter()
                .map(|(s, p)| PlanEntry {
                    seeker: s.into(),
                    provider: p.into(),
                })
                .collect(),
        }
    }

    /// Read a plan from JSON: an object with a `matches` array (such as a samman plan; other
    /// fields are ignored) or a bare array of `{"seeker", "provider"}` objects.
    ///
    /// # Errors
    /// A [`PlanError`] with line, column and path.
    pub fn from_json(text: &str) -> Result<Self, PlanError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| PlanError {
            path: ".".into(),
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        })?;
        // Read the shape explicitly so that the error names the field that is wrong.
        let entries = match &value {
            serde_json::Value::Object(map) => map.get("matches").ok_or_else(|| PlanError {
                path: ".".into(),
                line: 0,
                column: 0,
                message: "a plan object needs a `matches` array".into(),
            })?,
            _ => &value,
        };
        let result: Result<Vec<PlanEntry>, _> = serde_path_to_error::deserialize(entries);
        match result {
            Ok(matches) => Ok(Self { matches }),
            Err(error) => {
                let inner = error.path().to_string();
                let path = match (&value, inner.as_str()) {
                    (serde_json::Value::Object(_), ".") => "matches".to_owned(),
                    (serde_json::Value::Object(_), p) if p.starts_with('[') => {
                        format!("matches{p}")
                    }
                    (serde_json::Value::Object(_), p) => format!("matches.{p}"),
                    (_, p) => p.to_owned(),
                };
                Err(PlanError {
                    path,
                    line: 0,
                    column: 0,
                    message: error.into_inner().to_string(),
                })
            }
        }
    }
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

impl From<&Assignment> for Plan {
    fn from(assignment: &Assignment) -> Self {
        Self {
            matches: assignment
                .matches
                .iter()
                .map(|m| PlanEntry {
                    seeker: m.seeker.clone(),
                    provider: m.provider.clone(),
                })
                .collect(),
        }
    }
}

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

/// A hard rule the plan breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Violation {
    /// A plan entry names a seeker the instance does not have.
    UnknownSeeker {
        /// Position of the entry in the plan.
        entry: usize,
        /// The id.
        seeker: SeekerId,
    },
    /// A plan entry names a provider the instance does not have.
    UnknownProvider {
        /// Position of the entry in the plan.
        entry: usize,
        /// The id.
        provider: ProviderId,
    },
    /// A seeker placed by more than one entry (the first counts in every other figure).
    PlacedTwice {
        /// Position of the later entry.
        entry: usize,
        /// The seeker.
        seeker: SeekerId,
    },
    /// A placed pair breaks pair rules.
    PairRules {
        /// The seeker.
        seeker: SeekerId,
        /// The provider.
        provider: ProviderId,
        /// Every pair rule that fails.
        rules: Vec<Rule>,
    },
    /// A provider's group breaks group rules (capacity, minimum, composition, keep-apart).
    GroupRules {
        /// The provider.
        provider: ProviderId,
        /// Every group rule broken.
        rules: Vec<GroupRule>,
    },
    /// A keep-together set is split.
    KeepTogether {
        /// Position of the set in `constraints.keep_together`.
        set: usize,
    },
    /// A host runs more providers than its `max_events` (`hosts`).
    HostEvents {
        /// The host.
        host: HostId,
        /// Providers of the host that take place.
        events: u32,
        /// The host's limit.
        max_events: u32,
    },
    /// A locked assignment is not in the plan.
    LockNotKept {
        /// The seeker.
        seeker: SeekerId,
        /// The provider it is locked to.
        provider: ProviderId,
    },
}

/// Whether the plan respects every hard rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Validity {
    /// No violation at all.
    pub valid: bool,
    /// Every violation, in plan and then provider order.
    pub violations: Vec<Violation>,
}

/// Who and how much is placed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "PlacementFigures")
)]
pub struct Placement {
    /// Seekers (parties) in the instance.
    pub parties: usize,
    /// Seekers placed.
    pub parties_placed: usize,
    /// `parties_placed / parties`.
    pub party_rate: Option<f64>,
    /// People (party sizes summed).
    pub people: u64,
    /// People placed.
    pub people_placed: u64,
    /// `people_placed / people`.
    pub people_rate: Option<f64>,
    /// Providers in the instance.
    pub providers: usize,
    /// Providers with at least one seeker placed.
    pub providers_taking_place: usize,
    /// Seats offered by all providers.
    pub seats: u64,
    /// Seats taken (each placed party's `seats`, which is its party size unless set).
    pub seats_used: u64,
    /// `seats_used / seats`.
    pub seat_rate: Option<f64>,
}

/// One soft criterion over the plan's matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CriterionFigures {
    /// Mean value of the criterion over matches, before weighting.
    pub mean: f64,
    /// The policy's weight.
    pub weight: f64,
    /// `weight × mean`: the criterion's mean contribution to a match's score.
    pub mean_contribution: f64,
}

/// The plan's score, rebuilt from the instance.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScoreFigures {
    /// Sum of match scores.
    pub total: f64,
    /// Mean score of a match.
    pub mean: Option<f64>,
    /// Each criterion's mean (empty when nothing is placed).
    pub criteria: BTreeMap<Criterion, CriterionFigures>,
}

/// How well seekers got what they ranked.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Preferences {
    /// Seekers with a non-empty preference list (the denominator of the shares).
    pub seekers_with_list: usize,
    /// Share of them placed with their first choice.
    pub first_choice: Option<f64>,
    /// Share of them placed with one of their first three choices.
    pub top3: Option<f64>,
    /// Mean rank (1 = first) of those placed with a provider they listed.
    pub mean_rank: Option<f64>,
    /// `ranks[i]`: how many are placed with their choice number `i + 1`.
    pub ranks: Vec<usize>,
    /// How many are placed with a provider they did not list.
    pub unlisted: usize,
    /// How many are not placed.
    pub unplaced: usize,
}

/// A seeker and a provider.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "BlockingPair")
)]
pub struct Pair {
    /// The seeker.
    pub seeker: SeekerId,
    /// The provider.
    pub provider: ProviderId,
}

/// Stability of the plan (docs/metrics.md defines both figures for parties and capacities).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Stability {
    /// Blocking pairs.
    pub blocking_pairs: usize,
    /// The blocking pairs, when asked for ([`MetricsOptions::list_blocking_pairs`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocking_pair_list: Option<Vec<Pair>>,
    /// Justified-envy instances: (seeker, seeker) pairs.
    pub justified_envy: usize,
    /// Seekers with justified envy toward at least one other.
    pub seekers_with_justified_envy: usize,
}

/// The `value` of the one entry that stands for every group too small to report.
pub const SUPPRESSED: &str = "suppressed";

/// Figures for one group of seekers sharing a value of an attribute.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GroupFigures {
    /// The value (`newcomer`, `vegan`, `ar`, ...; `not_given` when unknown), or
    /// [`SUPPRESSED`] for the entry that stands for every group too small to report.
    pub value: String,
    /// True for the entry that stands for the groups too small to report, unnamed (every
    /// figure below is then absent).
    pub suppressed: bool,
    /// Seekers in the group.
    pub seekers: Option<usize>,
    /// Share of them placed.
    pub placement_rate: Option<f64>,
    /// Mean seeker score (0 for an unplaced seeker).
    pub mean_score: Option<f64>,
    /// Mean score of those placed.
    pub mean_match_score: Option<f64>,
}

/// Group comparison across one attribute, over the groups that are reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AttributeFairness {
    /// The attribute.
    pub attribute: String,
    /// One entry per reported value, sorted by value, then one [`SUPPRESSED`] entry if any
    /// group was too small to report.
    pub groups: Vec<GroupFigures>,
    /// Lowest placement rate over the highest.
    pub placement_rate_ratio: Option<f64>,
    /// Highest placement rate minus the lowest.
    pub placement_rate_difference: Option<f64>,
    /// Lowest mean score over the highest.
    pub mean_score_ratio: Option<f64>,
    /// Highest mean score minus the lowest.
    pub mean_score_difference: Option<f64>,
    /// The reported group with the lowest mean score.
    pub worst_off_group: Option<String>,
    /// Its mean score.
    pub worst_off_score: Option<f64>,
}

/// Fairness across groups.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Fairness {
    /// k: groups with fewer seekers are suppressed.
    pub min_group_size: usize,
    /// Gini coefficient of seeker scores (0 for an unplaced seeker).
    pub gini: Option<f64>,
    /// One entry per attribute asked for.
    pub attributes: Vec<AttributeFairness>,
}

/// Mean, smallest and largest of a set of values.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "ShareRange")
)]
pub struct Range {
    /// Mean.
    pub mean: f64,
    /// Smallest.
    pub min: f64,
    /// Largest.
    pub max: f64,
}

/// The make-up of the groups that take place.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GroupComposition {
    /// Providers with at least one seeker placed.
    pub providers_taking_place: usize,
    /// Share of newcomers among the people of known origin at each provider (host included).
    pub newcomer_share: Option<Range>,
    /// Providers where everyone of known origin has the same origin.
    pub single_origin_providers: usize,
    /// Per attribute, providers where someone is the only person with their value.
    pub lone_member_providers: BTreeMap<String, usize>,
    /// Per attribute, the mixing index: mean Blau index of the groups over the Blau index of
    /// everyone at them.
    pub mixing_index: BTreeMap<String, Option<f64>>,
}

/// Distance between the seeker and the provider of each match.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Travel {
    /// Matches where both sides have a location.
    pub matches_measured: usize,
    /// Mean km.
    pub mean_km: Option<f64>,
    /// Median km.
    pub median_km: Option<f64>,
    /// 90th percentile km (nearest rank).
    pub p90_km: Option<f64>,
    /// Largest km.
    pub max_km: Option<f64>,
}

/// Shared languages in matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LanguageFigures {
    /// Matches where both sides list languages.
    pub matches_measured: usize,
    /// Share of them sharing a language at conversational level or better.
    pub shared_conversational: Option<f64>,
}

/// The plan against earlier meetings.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HistoryFigures {
    /// Matches with a host the seeker met before.
    pub repeated_pairs: usize,
    /// Seekers with at least one earlier meeting.
    pub seekers_with_history: usize,
    /// Of them, those placed with the host of their last meeting.
    pub kept_pairs: usize,
    /// `kept_pairs / seekers_with_history`.
    pub continuity_rate: Option<f64>,
}

/// Expected no-shows from providers' records.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReliabilityFigures {
    /// Expected number of providers taking place that will not turn up.
    pub expected_no_shows: f64,
    /// Expected number of placed people whose provider will not turn up.
    pub expected_people_affected: f64,
}

/// Every metric of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Report {
    /// Hard-rule violations.
    pub validity: Validity,
    /// Placement.
    pub placement: Placement,
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
    plan: &Plan,
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
    plan: &Plan,
    options: &MetricsOptions,
) -> Report {
    let rules = Rules::new(instance, graph.time_zone());
    let resolved = resolve(instance, &rules, plan);
    Report {
        validity: Validity {
            valid: resolved.violations.is_empty(),
            violations: resolved.violations.clone(),
        },
        placement: placement(instance, &resolved),
        score: score(instance, &resolved),
        preferences: preferences(&rules, &resolved),
        stability: stability(
            instance,
            &rules,
            graph,
            &resolved,
            options.list_blocking_pairs,
        ),
        fairness: fairness(instance, &resolved, options),
        composition: composition(instance, &resolved),
        travel: travel(instance, &resolved),
        language: language(instance, &resolved),
        history: history(instance, &rules, &resolved),
        reliability: reliability(instance, &resolved),
    }
}

fn resolve(instance: &Instance, rules: &Rules<'_>, plan: &Plan) -> Resolved {
    let seeker_ix = instance.seeker_indices();
    let provider_ix = instance.provider_indices();
    let n = instance.seekers.len();
    let mut provider_of = vec![None; n];
    let mut violations = Vec::new();
    for (entry, m) in plan.matches.iter().enumerate() {
        let s = seeker_ix.get(m.seeker.as_str()).copied();
        let p = provider_ix.get(m.provider.as_str()).copied();
        if s.is_none() {
            violations.push(Violation::UnknownSeeker {
                entry,
                seeker: m.seeker.clone(),
            });
        }
        if p.is_none() {
            violations.push(Violation::UnknownProvider {
                entry,
                provider: m.provider.clone(),
            });
        }
        let (Some(s), Some(p)) = (s, p) else { continue };
        if provider_of[s].is_some() {
            violations.push(Violation::PlacedTwice {
                entry,
                seeker: m.seeker.clone(),
            });
            continue;
        }
        provider_of[s] = Some(p);
        let failures = rules.failures(s, p);
        if !failures.is_empty() {
            violations.push(Violation::PairRules {
                seeker: m.seeker.clone(),
                provider: m.provider.clone(),
                rules: failures,
            });
        }
    }
    let mut members = vec![Vec::new(); instance.providers.len()];
    for (s, p) in provider_of.iter().enumerate() {
        if let Some(p) = p {
            members[*p].push(s);
        }
    }
    for (p, group) in members.iter().enumerate() {
        let broken = group_violations(instance, p, group);
        if !broken.is_empty() {
            violations.push(Violation::GroupRules {
                provider: instance.providers[p].id.clone(),
                rules: broken,
            });
        }
    }
    for set in keep_together_violations(instance, &provider_of) {
        violations.push(Violation::KeepTogether { set });
    }
    let taking_place: Vec<bool> = members.iter().map(|m| !m.is_empty()).collect();
    for (h, events) in host_events_violations(instance, &taking_place) {
        violations.push(Violation::HostEvents {
            host: instance.hosts[h].id.clone(),
            events,
            max_events: instance.hosts[h].max_events,
        });
    }
    for lock in &instance.constraints.locked {
        let kept = match (
            seeker_ix.get(lock.seeker.as_str()),
            provider_ix.get(lock.provider.as_str()),
        ) {
            (Some(&s), Some(&p)) => provider_of[s] == Some(p),
            _ => false,
        };
        if !kept {
            violations.push(Violation::LockNotKept {
                seeker: lock.seeker.clone(),
                provider: lock.provider.clone(),
            });
        }
    }
    let breakdown: Vec<Option<Breakdown>> = provider_of
        .iter()
        .enumerate()
        .map(|(s, p)| p.map(|p| rules.breakdown(s, p)))
        .collect();
    let score = breakdown
        .iter()
        .map(|b| b.as_ref().map(|b| rules.score(b)))
        .collect();
    Resolved {
        provider_of,
        members,
        breakdown,
        score,
        violations,
    }
}

fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator > 0.0).then(|| numerator / denominator)
}

fn placement(instance: &Instance, r: &Resolved) -> Placement {
    let parties = instance.seekers.len();
    let parties_placed = r.provider_of.iter().flatten().count();
    let people: u64 = instance
        .seekers
        .iter()
        .map(|s| u64::from(s.party_size))
        .sum();
    let people_placed: u64 = instance
        .seekers
        .iter()
        .zip(&r.provider_of)
        .filter(|(_, p)| p.is_some())
        .map(|(s, _)| u64::from(s.party_size))
        .sum();
    let seats_used: u64 = instance
        .seekers
        .iter()
        .zip(&r.provider_of)
        .filter(|(_, p)| p.is_some())
        .map(|(s, _)| u64::from(s.seats_taken()))
        .sum();
    let seats: u64 = instance
        .providers
        .iter()
        .map(|p| u64::from(p.capacity))
        .sum();
    Placement {
        parties,
        parties_placed,
        party_rate: ratio(parties_placed as f64, parties as f64),
        people,
        people_placed,
        people_rate: ratio(people_placed as f64, people as f64),
        providers: instance.providers.len(),
        providers_taking_place: r.members.iter().filter(|m| !m.is_empty()).count(),
        seats,
        seats_used,
        seat_rate: ratio(seats_used as f64, seats as f64),
    }
}

fn weight(instance: &Instance, criterion: Criterion) -> f64 {
    let w = &instance.policy.weights;
    match criterion {
        Criterion::Distance => w.distance,
        Criterion::Language => w.language,
        Criterion::Preference => w.preference,
        Criterion::Waiting => w.waiting,
        Criterion::Continuity => w.continuity,
        Criterion::Novelty => w.novelty,
        Criterion::Topics => w.topics,
        Criterion::Reliability => w.reliability,
        Criterion::Priority => w.priority,
    }
}

fn score(instance: &Instance, r: &Resolved) -> ScoreFigures {
    let scores: Vec<f64> = r.score.iter().flatten().copied().collect();
    let breakdowns: Vec<&Breakdown> = r.breakdown.iter().flatten().collect();
    let n = breakdowns.len() as f64;
    let mut criteria = BTreeMap::new();
    if !breakdowns.is_empty() {
        for criterion in Criterion::ALL {
            let mean = breakdowns
                .iter()
                .map(|b| f64::from(b.get(criterion)))
                .sum::<f64>()
                / n;
            let weight = weight(instance, criterion);
            criteria.insert(
                criterion,
                CriterionFigures {
                    mean,
                    weight,
                    mean_contribution: weight * mean,
                },
            );
        }
    }
    let total: f64 = scores.iter().sum();
    ScoreFigures {
        total,
        mean: ratio(total, scores.len() as f64),
        criteria,
    }
}

fn preferences(rules: &Rules<'_>, r: &Resolved) -> Preferences {
    let instance = rules.instance();
    let mut figures = Preferences {
        seekers_with_list: 0,
        first_choice: None,
        top3: None,
        mean_rank: None,
        ranks: Vec::new(),
        unlisted: 0,
        unplaced: 0,
    };
    let mut rank_sum = 0usize;
    for (s, seeker) in instance.seekers.iter().enumerate() {
        if seeker.preferences.is_empty() {
            continue;
        }
        figures.seekers_with_list += 1;
        match r.provider_of[s] {
            None => figures.unplaced += 1,
            Some(p) => match rules.seeker_rank(s, p) {
                None => figures.unlisted += 1,
                Some(rank) => {
                    if figures.ranks.len() <= rank {
                        figures.ranks.resize(rank + 1, 0);
                    }
                    figures.ranks[rank] += 1;
                    rank_sum += rank + 1;
                }
            },
        }
    }
    let listed: usize = figures.ranks.iter().sum();
    let n = figures.seekers_with_list as f64;
    figures.first_choice = ratio(figures.ranks.first().copied().unwrap_or(0) as f64, n);
    figures.top3 = ratio(figures.ranks.iter().take(3).sum::<usize>() as f64, n);
    figures.mean_rank = ratio(rank_sum as f64, listed as f64);
    figures
}

/// How much one side prefers the other, compared lexicographically: listed before unlisted,
/// then higher in the list, then the pair score. Equal keys are indifference.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
struct PreferenceKey {
    listed: bool,
    neg_rank: f64,
    score: f64,
}

/// Scores closer than this are equal: they come from `f32` criteria.
const SCORE_TOLERANCE: f64 = 1e-9;

impl PreferenceKey {
    fn new(rank: Option<usize>, score: f64) -> Self {
        Self {
            listed: rank.is_some(),
            neg_rank: -(rank.unwrap_or(0) as f64),
            score,
        }
    }

    /// Strict preference of `self` over `other`.
    fn beats(self, other: Self) -> bool {
        if self.listed != other.listed {
            return self.listed;
        }
        if self.neg_rank != other.neg_rank {
            return self.neg_rank > other.neg_rank;
        }
        self.score > other.score + SCORE_TOLERANCE
    }
}

fn stability(
    instance: &Instance,
    rules: &Rules<'_>,
    graph: &CandidateGraph,
    r: &Resolved,
    list: bool,
) -> Stability {
    let pair_score = |s: usize, p: usize| rules.score(&rules.breakdown(s, p));
    let seeker_key =
        |s: usize, p: usize| PreferenceKey::new(rules.seeker_rank(s, p), pair_score(s, p));
    let provider_key =
        |s: usize, p: usize| PreferenceKey::new(rules.provider_rank(s, p), pair_score(s, p));
    let size = |s: usize| i64::from(instance.seekers[s].seats_taken());
    // Negative for a provider over its capacity: the overflow must be freed as well.
    let free: Vec<i64> = instance
        .providers
        .iter()
        .zip(&r.members)
        .map(|(p, m)| i64::from(p.capacity) - m.iter().map(|&s| size(s)).sum::<i64>())
        .collect();
    // Each provider's key for each of its members, computed once.
    let member_keys: Vec<Vec<(usize, PreferenceKey)>> = r
        .members
        .iter()
        .enumerate()
        .map(|(p, m)| m.iter().map(|&t| (t, provider_key(t, p))).collect())
        .collect();
    let mut blocking = Vec::new();
    let mut envy = 0usize;
    let mut envious = 0usize;
    for s in 0..instance.seekers.len() {
        let current = r.provider_of[s].map(|p| seeker_key(s, p));
        let mut envies = false;
        for e in graph.edge_range(s) {
            let p = graph.candidates_by_edge(e).provider as usize;
            if r.provider_of[s] == Some(p) {
                continue;
            }
            if current.is_some_and(|c| !seeker_key(s, p).beats(c)) {
                continue;
            }
            let key = provider_key(s, p);
            let mut room = free[p];
            for &(t, t_key) in &member_keys[p] {
                if key.beats(t_key) {
                    room += size(t);
                    if size(s) <= free[p] + size(t) {
                        envy += 1;
                        envies = true;
                    }
                }
            }
            if size(s) <= room {
                blocking.push((s, p));
            }
        }
        envious += usize::from(envies);
    }
    Stability {
        blocking_pairs: blocking.len(),
        blocking_pair_list: list.then(|| {
            blocking
                .iter()
                .map(|&(s, p)| Pair {
                    seeker: instance.seekers[s].id.clone(),
                    provider: instance.providers[p].id.clone(),
                })
                .collect()
        }),
        justified_envy: envy,
        seekers_with_justified_envy: envious,
    }
}

/// The groups a seeker belongs to for an attribute: one value, or for `diet` each requirement
/// (`none` without any), for `language` the main language (the first of the highest level).
#[must_use]
pub fn attribute_values(instance: &Instance, s: usize, attribute: &str) -> Vec<String> {
    let seeker = &instance.seekers[s];
    match attribute {
        "diet" => {
            let mut values: Vec<String> = seeker.diet.iter().map(ToString::to_string).collect();
            values.sort();
            values.dedup();
            if values.is_empty() {
                values.push("none".into());
            }
            values
        }
        "language" => {
            let best = seeker.languages.iter().map(|l| l.level).max();
            vec![
                seeker
                    .languages
                    .iter()
                    .find(|l| Some(l.level) == best)
                    .map_or_else(|| "none".to_owned(), |l| l.code.0.clone()),
            ]
        }
        other => vec![
            seeker
                .profile
                .value(other)
                .unwrap_or_else(|| "not_given".to_owned()),
        ],
    }
}

fn min_max(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values.fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

/// Gini coefficient, `Σ_i Σ_j |x_i - x_j| / (2 n² mean)`, computed from sorted values as
/// `2 Σ_i i x_(i) / (n Σ x) - (n + 1) / n`; 0 when every value is 0, `None` for no values.
#[must_use]
pub fn gini(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len() as f64;
    let total: f64 = sorted.iter().sum();
    if total <= 0.0 {
        return Some(0.0);
    }
    let weighted: f64 = sorted
        .iter()
        .enumerate()
        .map(|(i, x)| (i + 1) as f64 * x)
        .sum();
    Some((2.0 * weighted / (n * total) - (n + 1.0) / n).max(0.0))
}

fn fairness(instance: &Instance, r: &Resolved, options: &MetricsOptions) -> Fairness {
    let seeker_score: Vec<f64> = r.score.iter().map(|x| x.unwrap_or(0.0)).collect();
    let k = options.min_group_size;
    let attributes = options
        .attributes
        .iter()
        .map(|attribute| {
            let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
            for s in 0..instance.seekers.len() {
                for value in attribute_values(instance, s, attribute) {
                    groups.entry(value).or_default().push(s);
                }
            }
            let mut suppressed: Vec<bool> = groups.values().map(|g| g.len() < k).collect();
            // A partition with one group suppressed would give it away by subtraction from
            // the totals: suppress the smallest other group too.
            let partition = attribute != "diet";
            if partition && suppressed.iter().filter(|&&x| x).count() == 1 {
                if let Some((i, _)) = groups
                    .values()
                    .enumerate()
                    .filter(|(i, _)| !suppressed[*i])
                    .min_by_key(|(_, g)| g.len())
                {
                    suppressed[i] = true;
                }
            }
            // Hidden groups are not even named: a value held by one person (a custom diet, a
            // programme's own attribute) would single them out. They are one entry, last.
            let hidden = suppressed.contains(&true).then(|| GroupFigures {
                value: SUPPRESSED.to_owned(),
                suppressed: true,
                seekers: None,
                placement_rate: None,
                mean_score: None,
                mean_match_score: None,
            });
            let figures: Vec<GroupFigures> = groups
                .iter()
                .zip(&suppressed)
                .filter(|(_, hidden)| !**hidden)
                .map(|((value, members), _)| {
                    let n = members.len() as f64;
                    let placed: Vec<f64> = members.iter().filter_map(|&s| r.score[s]).collect();
                    GroupFigures {
                        value: value.clone(),
                        suppressed: false,
                        seekers: Some(members.len()),
                        placement_rate: ratio(placed.len() as f64, n),
                        mean_score: ratio(members.iter().map(|&s| seeker_score[s]).sum(), n),
                        mean_match_score: ratio(placed.iter().sum(), placed.len() as f64),
                    }
                })
                .chain(hidden)
                .collect();
            let rates = min_max(figures.iter().filter_map(|g| g.placement_rate));
            let scores = min_max(figures.iter().filter_map(|g| g.mean_score));
            let worst = figures
                .iter()
                .filter_map(|g| Some((g, g.mean_score?)))
                .min_by(|a, b| a.1.total_cmp(&b.1));
            AttributeFairness {
                attribute: attribute.clone(),
                placement_rate_ratio: rates.and_then(|(lo, hi)| ratio(lo, hi)),
                placement_rate_difference: rates.map(|(lo, hi)| hi - lo),
                mean_score_ratio: scores.and_then(|(lo, hi)| ratio(lo, hi)),
                mean_score_difference: scores.map(|(lo, hi)| hi - lo),
                worst_off_group: worst.map(|(g, _)| g.value.clone()),
                worst_off_score: worst.map(|(_, x)| x),
                groups: figures,
            }
        })
        .collect();
    Fairness {
        min_group_size: k,
        gini: gini(&seeker_score),
        attributes,
    }
}

/// Everyone at a provider that takes place: each party with its size, and the host household.
fn table<'a>(instance: &'a Instance, p: usize, members: &[usize]) -> Vec<(&'a Profile, u64)> {
    let provider = &instance.providers[p];
    members
        .iter()
        .map(|&s| {
            (
                &instance.seekers[s].profile,
                u64::from(instance.seekers[s].party_size),
            )
        })
        .chain(
            provider
                .host_profile
                .as_ref()
                .map(|h| (h, u64::from(provider.host_size))),
        )
        .collect()
}

fn value_counts(people: &[(&Profile, u64)], attribute: &str) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for (profile, n) in people {
        if let Some(value) = profile.value(attribute) {
            *counts.entry(value).or_insert(0) += n;
        }
    }
    counts
}

/// Blau's index of heterogeneity, `1 - Σ_v share_v²`; `None` for nobody.
fn blau(counts: &BTreeMap<String, u64>) -> Option<f64> {
    let n: u64 = counts.values().sum();
    (n > 0).then(|| {
        1.0 - counts
            .values()
            .map(|&c| (c as f64 / n as f64).powi(2))
            .sum::<f64>()
    })
}

fn composition(instance: &Instance, r: &Resolved) -> GroupComposition {
    let tables: Vec<Vec<(&Profile, u64)>> = r
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.is_empty())
        .map(|(p, m)| table(instance, p, m))
        .collect();
    let mut shares = Vec::new();
    let mut single_origin = 0;
    for people in &tables {
        let counts = value_counts(people, "origin");
        let known: u64 = counts.values().sum();
        if known > 0 {
            let newcomers = counts
                .get(&crate::model::enum_name(&Origin::Newcomer))
                .copied()
                .unwrap_or(0);
            shares.push(newcomers as f64 / known as f64);
            single_origin += usize::from(counts.len() == 1);
        }
    }
    let mut attributes: Vec<String> = ["origin", "gender", "age_band"].map(str::to_owned).to_vec();
    for a in &instance.policy.composition.no_lone {
        if !attributes.contains(a) {
            attributes.push(a.clone());
        }
    }
    let mut lone = BTreeMap::new();
    let mut mixing = BTreeMap::new();
    for attribute in &attributes {
        let mut everyone: BTreeMap<String, u64> = BTreeMap::new();
        let mut table_blau = Vec::new();
        let mut with_lone = 0;
        for people in &tables {
            let counts = value_counts(people, attribute);
            with_lone += usize::from(counts.values().any(|&c| c == 1));
            if let Some(b) = blau(&counts) {
                table_blau.push(b);
            }
            for (value, c) in counts {
                *everyone.entry(value).or_insert(0) += c;
            }
        }
        lone.insert(attribute.clone(), with_lone);
        let mean_table = ratio(table_blau.iter().sum(), table_blau.len() as f64);
        let index = match (mean_table, blau(&everyone)) {
            (Some(t), Some(all)) => ratio(t, all),
            _ => None,
        };
        mixing.insert(attribute.clone(), index);
    }
    GroupComposition {
        providers_taking_place: tables.len(),
        newcomer_share: range(&shares),
        single_origin_providers: single_origin,
        lone_member_providers: lone,
        mixing_index: mixing,
    }
}

fn range(values: &[f64]) -> Option<Range> {
    let (min, max) = min_max(values.iter().copied())?;
    Some(Range {
        mean: values.iter().sum::<f64>() / values.len() as f64,
        min,
        max,
    })
}

fn travel(instance: &Instance, r: &Resolved) -> Travel {
    let mut km: Vec<f64> = r
        .provider_of
        .iter()
        .enumerate()
        .filter_map(|(s, p)| {
            distance_km(
                instance.seekers[s].location,
                instance.providers[(*p)?].location,
            )
        })
        .collect();
    km.sort_by(f64::total_cmp);
    let n = km.len();
    let median = (n > 0).then(|| {
        if n % 2 == 1 {
            km[n / 2]
        } else {
            (km[n / 2 - 1] + km[n / 2]) / 2.0
        }
    });
    Travel {
        matches_measured: n,
        mean_km: ratio(km.iter().sum(), n as f64),
        median_km: median,
        p90_km: (n > 0).then(|| km[((0.9 * n as f64).ceil() as usize).clamp(1, n) - 1]),
        max_km: km.last().copied(),
    }
}

fn language(instance: &Instance, r: &Resolved) -> LanguageFigures {
    let mut measured = 0usize;
    let mut shared = 0usize;
    for (s, p) in r.provider_of.iter().enumerate() {
        let Some(p) = p else { continue };
        let (a, b) = (
            &instance.seekers[s].languages,
            &instance.providers[*p].languages,
        );
        if a.is_empty() || b.is_empty() {
            continue;
        }
        measured += 1;
        shared +=
            usize::from(shared_language_level(a, b).is_some_and(|l| l >= Level::Conversational));
    }
    LanguageFigures {
        matches_measured: measured,
        shared_conversational: ratio(shared as f64, measured as f64),
    }
}

fn history(instance: &Instance, rules: &Rules<'_>, r: &Resolved) -> HistoryFigures {
    let repeated = r
        .provider_of
        .iter()
        .enumerate()
        .filter(|(s, p)| p.is_some_and(|p| rules.met_before(*s, p)))
        .count();
    // The last meeting listed for each seeker is its current pairing.
    let mut last: HashMap<&str, &str> = HashMap::new();
    for meeting in &instance.history.meetings {
        last.insert(meeting.seeker.as_str(), meeting.host.as_str());
    }
    let mut with_history = 0;
    let mut kept = 0;
    for (s, seeker) in instance.seekers.iter().enumerate() {
        let Some(host) = last.get(seeker.id.as_str()) else {
            continue;
        };
        with_history += 1;
        kept += usize::from(
            r.provider_of[s].is_some_and(|p| instance.providers[p].history_key() == *host),
        );
    }
    HistoryFigures {
        repeated_pairs: repeated,
        seekers_with_history: with_history,
        kept_pairs: kept,
        continuity_rate: ratio(kept as f64, with_history as f64),
    }
}

fn reliability(instance: &Instance, r: &Resolved) -> ReliabilityFigures {
    let mut providers = 0.0;
    let mut people = 0.0;
    for (p, members) in r.members.iter().enumerate() {
        if members.is_empty() {
            continue;
        }
        let q = instance.providers[p].reliability.expected_no_show();
        let seats: u64 = members
            .iter()
            .map(|&s| u64::from(instance.seekers[s].party_size))
            .sum();
        providers += q;
        people += q * seats as f64;
    }
    ReliabilityFigures {
        expected_no_shows: providers,
        expected_people_affected: people,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gini_of_known_values() {
        assert_eq!(gini(&[]), None);
        assert_eq!(gini(&[0.0, 0.0]), Some(0.0));
        assert!((gini(&[1.0, 1.0, 1.0]).unwrap()).abs() < 1e-12);
        // One of four holds everything: (n - 1) / n.
        assert!((gini(&[0.0, 0.0, 0.0, 4.0]).unwrap() - 0.75).abs() < 1e-12);
        // 1, 2, 3: Σ|xi - xj| = 8, 2 n² mean = 36.
        assert!((gini(&[3.0, 1.0, 2.0]).unwrap() - 8.0 / 36.0).abs() < 1e-12);
    }

    #[test]
    fn plans_read_from_both_shapes() {
        let a = Plan::from_json(
            r#"{"matches":[{"seeker":"s1","provider":"p1","score":2.0}],"solver":"x"}"#,
        )
        .unwrap();
        let b = Plan::from_json(r#"[{"seeker":"s1","provider":"p1"}]"#).unwrap();
        assert_eq!(a, b);
        assert_eq!(a, Plan::from_pairs([("s1", "p1")]));
        let e = Plan::from_json(r#"{"matches":[{"seeker":"s1"}]}"#).unwrap_err();
        assert!(e.path.starts_with("matches"), "{e}");
        assert!(e.message.contains("provider"), "{e}");
        let e = Plan::from_json("[1,").unwrap_err();
        assert!(e.line >= 1);
    }
}
