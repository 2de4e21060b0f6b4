//! What apps get back: the plan (who sits where, who is left out and why, which providers do
//! not take place), its metrics, and the explanation for one seeker. Rule names are the core's
//! JSON names (`diet`, `gender_parties`, `lone_member:gender`), so the list can grow without
//! breaking apps.

use std::collections::BTreeMap;

use samman::rules::{Criterion, GroupRule, Rule};
use samman::solve::{self, Assignment, Reason};

/// Which solver to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Solver {
    /// Highest-scoring pairs first: a fast baseline with no guarantee.
    Greedy,
    /// Maximum total score (or most people placed) as a min-cost flow; exact for parties of one.
    Optimal,
    /// Deferred acceptance: no seeker and provider would both rather be together.
    Stable,
    /// Group-aware: minimums and composition met by a large-neighbourhood search.
    Groups,
    /// `Groups` where a rule about whole groups can bind, `Optimal` otherwise (the default).
    Auto,
}

impl From<Solver> for solve::SolverKind {
    fn from(solver: Solver) -> Self {
        match solver {
            Solver::Greedy => Self::Greedy,
            Solver::Optimal => Self::Optimal,
            Solver::Stable => Self::Stable,
            Solver::Groups => Self::Groups,
            Solver::Auto => Self::Auto,
        }
    }
}

impl From<solve::SolverKind> for Solver {
    fn from(solver: solve::SolverKind) -> Self {
        match solver {
            solve::SolverKind::Greedy => Self::Greedy,
            solve::SolverKind::Optimal => Self::Optimal,
            solve::SolverKind::Stable => Self::Stable,
            solve::SolverKind::Groups => Self::Groups,
            solve::SolverKind::Auto => Self::Auto,
        }
    }
}

/// What a solver maximises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Objective {
    /// The total score of the matches.
    MaxScore,
    /// The most people placed, then the total score.
    MaxPlaced,
}

impl From<Objective> for solve::Objective {
    fn from(objective: Objective) -> Self {
        match objective {
            Objective::MaxScore => Self::MaxScore,
            Objective::MaxPlaced => Self::MaxPlaced,
        }
    }
}

/// How to solve. Every field has a default.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SolveOptions {
    /// The solver; none for the default (auto: groups where group rules bind, else optimal).
    #[uniffi(default)]
    pub solver: Option<Solver>,
    /// The objective; none for the total score.
    #[uniffi(default)]
    pub objective: Option<Objective>,
    /// Seed for tie-breaking; the same input and seed give the same plan.
    #[uniffi(default = 0)]
    pub seed: u64,
}

impl From<SolveOptions> for solve::Options {
    fn from(options: SolveOptions) -> Self {
        let defaults = solve::Options::default();
        Self {
            solver: options.solver.map_or(defaults.solver, Into::into),
            objective: options.objective.map_or(defaults.objective, Into::into),
            seed: options.seed,
            ..defaults
        }
    }
}

/// A seeker placed with a provider.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MatchRecord {
    /// The seeker's id.
    pub seeker: String,
    /// The provider's id.
    pub provider: String,
    /// Seats the party takes.
    pub seats: u32,
    /// The pair's score.
    pub score: f64,
}

/// How many providers a hard rule excludes.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RuleCount {
    /// The rule's name (`time`, `diet`, `language`, `distance`, ...).
    pub rule: String,
    /// Providers.
    pub providers: u32,
}

/// Why a seeker is not placed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum UnplacedReason {
    /// No provider passes every hard rule.
    NoFeasibleProvider {
        /// Providers each rule excludes (a provider may be excluded by several).
        excluded: Vec<RuleCount>,
        /// Providers each rule excludes on its own: relaxing that rule alone would open them.
        only: Vec<RuleCount>,
    },
    /// Feasible providers exist but their seats went to others.
    SeatsTaken {
        /// How many providers were feasible.
        feasible: u32,
    },
    /// Placing them anywhere feasible would break a rule about the whole group.
    Group {
        /// The group rules in the way (`minimum`, `gender_parties`, `lone_member:gender`, ...).
        rules: Vec<String>,
    },
}

/// A seeker left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct UnplacedRecord {
    /// The seeker's id.
    pub seeker: String,
    /// Why.
    pub reason: UnplacedReason,
}

/// A provider that does not take place although seekers could have been placed with it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CancelledRecord {
    /// The provider's id.
    pub provider: String,
    /// The group rules its group would have broken.
    pub rules: Vec<String>,
}

/// A plan: who is placed where, who is not and why, which providers are cancelled.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PlanRecord {
    /// The solver that made it.
    pub solver: Solver,
    /// Matches, in seeker order.
    pub matches: Vec<MatchRecord>,
    /// Seekers left out, in seeker order.
    pub unplaced: Vec<UnplacedRecord>,
    /// Providers that do not take place.
    pub cancelled: Vec<CancelledRecord>,
    /// Total score of the matches.
    pub total_score: f64,
    /// People placed (party sizes summed).
    pub people_placed: u64,
}

/// Figures about a plan, for a coordinator's overview.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MetricsRecord {
    /// Seekers in the instance.
    pub seekers: u32,
    /// Seekers placed.
    pub seekers_placed: u32,
    /// People in the instance (party sizes summed).
    pub people: u64,
    /// People placed.
    pub people_placed: u64,
    /// Share of seekers placed, 0 to 1 (1 with no seekers).
    pub match_rate: f64,
    /// Providers in the instance.
    pub providers: u32,
    /// Providers with at least one seeker placed.
    pub providers_used: u32,
    /// Providers that do not take place because their group would break a rule.
    pub providers_cancelled: u32,
    /// Seats filled over the seats of the providers used, 0 to 1 (0 when none is used).
    pub seat_fill_rate: f64,
    /// Total score of the matches.
    pub total_score: f64,
    /// Mean score of a match (0 with no match).
    pub mean_score: f64,
}

/// One soft criterion of a match: its value and its weight in the policy.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CriterionScore {
    /// The criterion (`distance`, `language`, `preference`, `waiting`, ...).
    pub criterion: String,
    /// Its value before weighting, normally 0 to 1.
    pub value: f64,
}

/// Why one seeker is where they are, or nowhere.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Explanation {
    /// The seeker's id.
    pub seeker: String,
    /// The provider they are placed with, if any.
    pub provider: Option<String>,
    /// The match's score, if placed.
    pub score: Option<f64>,
    /// The criteria behind the score, if placed.
    pub criteria: Vec<CriterionScore>,
    /// Why they are not placed, if not.
    pub reason: Option<UnplacedReason>,
    /// Providers that pass every hard rule for them.
    pub feasible_providers: u32,
    /// One sentence for a coordinator, with ids and rule names only (no personal attribute).
    pub summary: String,
}

/// The JSON name of a group rule, with its attribute for a lone member
/// (`lone_member:gender`).
pub(crate) fn group_rule_name(rule: &GroupRule) -> String {
    match rule {
        GroupRule::Capacity => "capacity".into(),
        GroupRule::Minimum => "minimum".into(),
        GroupRule::Newcomers => "newcomers".into(),
        GroupRule::Established => "established".into(),
        GroupRule::LoneMember { attribute } => format!("lone_member:{attribute}"),
        GroupRule::GenderParties => "gender_parties".into(),
        GroupRule::KeepApart => "keep_apart".into(),
        GroupRule::KeepTogether => "keep_together".into(),
    }
}

pub(crate) fn criterion_name(criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::Distance => "distance",
        Criterion::Language => "language",
        Criterion::Preference => "preference",
        Criterion::Waiting => "waiting",
        Criterion::Continuity => "continuity",
        Criterion::Novelty => "novelty",
        Criterion::Topics => "topics",
        Criterion::Reliability => "reliability",
        Criterion::Priority => "priority",
    }
}

fn counts(map: &BTreeMap<Rule, usize>) -> Vec<RuleCount> {
    map.iter()
        .map(|(rule, n)| RuleCount {
            rule: rule.name().to_owned(),
            providers: *n as u32,
        })
        .collect()
}

impl From<&Reason> for UnplacedReason {
    fn from(reason: &Reason) -> Self {
        match reason {
            Reason::NoFeasibleProvider { excluded, only } => Self::NoFeasibleProvider {
                excluded: counts(excluded),
                only: counts(only),
            },
            Reason::SeatsTaken { feasible } => Self::SeatsTaken {
                feasible: *feasible as u32,
            },
            Reason::Group { rules } => Self::Group {
                rules: rules.iter().map(group_rule_name).collect(),
            },
        }
    }
}

impl From<&Assignment> for PlanRecord {
    fn from(plan: &Assignment) -> Self {
        Self {
            solver: plan.solver.into(),
            matches: plan
                .matches
                .iter()
                .map(|m| MatchRecord {
                    seeker: m.seeker.0.clone(),
                    provider: m.provider.0.clone(),
                    seats: m.seats,
                    score: m.score,
                })
                .collect(),
            unplaced: plan
                .unplaced
                .iter()
                .map(|u| UnplacedRecord {
                    seeker: u.seeker.0.clone(),
                    reason: (&u.reason).into(),
                })
                .collect(),
            cancelled: plan
                .cancelled
                .iter()
                .map(|c| CancelledRecord {
                    provider: c.provider.0.clone(),
                    rules: c.rules.iter().map(group_rule_name).collect(),
                })
                .collect(),
            total_score: plan.total_score,
            people_placed: plan.people_placed,
        }
    }
}

/// A coordinator's sentence for an unplaced seeker's reason.
pub(crate) fn reason_summary(seeker: &str, reason: &UnplacedReason) -> String {
    match reason {
        UnplacedReason::NoFeasibleProvider { excluded, only } => {
            let mut text = format!("{seeker} is not placed: no provider passes every hard rule");
            if let Some(top) = excluded.iter().max_by_key(|c| c.providers) {
                text.push_str(&format!(
                    "; the rule excluding most is {} ({} provider(s))",
                    top.rule, top.providers
                ));
            }
            if let Some(best) = only.iter().max_by_key(|c| c.providers) {
                text.push_str(&format!(
                    "; relaxing {} alone would open {} provider(s)",
                    best.rule, best.providers
                ));
            }
            text
        }
        UnplacedReason::SeatsTaken { feasible } => format!(
            "{seeker} is not placed: {feasible} provider(s) were feasible but their seats went \
             to others; more seats would help"
        ),
        UnplacedReason::Group { rules } => format!(
            "{seeker} is not placed: every feasible provider's group would break {}",
            rules.join(", ")
        ),
    }
}
