//! Recurring rounds: plan R rounds at once so that everyone meets someone new each round.
//!
//! Each round seats the participants (seekers) at tables (providers): the same providers
//! every round, or each round's own (by date). Every round keeps every hard rule of a single
//! plan: each seeker only at a provider the candidate graph allows (pair rules), each table
//! within its capacity and keeping the group rules. Across the rounds and the history no two
//! people should share a table twice; the search minimises such repeats and reports those it
//! could not avoid. Hosts who are participants host in rotation, and when seats are short,
//! who sat out fewest times (then least recently) sits out next.
//!
//! The search is the tabu search of Dotú and Van Hentenryck for the social golfer problem
//! ("Scheduling social golfers locally", CPAIOR 2005): swap two people of different tables in
//! one round, always the best swap that involves someone in conflict and is not tabu, with
//! perturbation of the best plan when the search stalls; here also moves to a table with a
//! free seat, so that tables of 4 to 6 work as well as tables of exactly 4. It starts from a
//! greedy plan made round by round. When the rounds are a social golfer problem (every table
//! exactly filled by single seekers free to sit at any, no host, no group rule beyond the
//! minimum) a faster path runs the search on swaps only as Triska and Musliu simplified it
//! (short tabu tenure, random kicks of the current plan), from their greedy start, reading each
//! swap's change from cached sums; when the numbers are powers of one prime (32 golfers in
//! fours) its first rounds come from finite geometry, repeat-free by construction. It finds
//! Kirkman's schoolgirls (15 in triples for 7 days) without a repeat in milliseconds, 32
//! golfers in 8 groups of 4 for 8 weeks in a second by search alone, for 9 weeks from the
//! geometric start at once, and for 10 weeks (the optimum) in seconds to a minute
//! (BENCHMARKS.md).

mod affine;
mod golfer;
mod metrics;
mod search;
mod setup;

// web_time: std's Instant panics on wasm32-unknown-unknown.
use web_time::Instant;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::graph::{CandidateGraph, GraphError};
use crate::model::{Instance, Novelty, ProviderId, SeekerId};
use crate::rules::GroupRule;

pub use metrics::{PersonFigures, RoundsMetrics, Spread, rounds_metrics};

/// Where each round's tables come from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RoundProviders {
    /// Every provider takes part in every round (tables reused each round).
    #[default]
    Same,
    /// Round k uses the providers whose first dated window falls on the k-th date (in date
    /// order) among the providers' dates; `rounds` is at most the number of dates.
    ByDate,
}

/// How to plan rounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RoundsOptions {
    /// How many rounds.
    #[cfg_attr(feature = "uniffi", uniffi(default = 1))]
    pub rounds: u32,
    /// Where each round's tables come from (no default in Kotlin and Swift: uniffi gives
    /// enums none).
    pub providers: RoundProviders,
    /// Treat every earlier meeting as never-again, whatever `policy.novelty` says.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub never_again: bool,
    /// Seed of the search; the same seed gives the same plan (see `time_limit_seconds`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub seed: u64,
    /// Stop searching after this many seconds with the best plan found. A search that ends
    /// by the time limit may differ between runs; one that ends by finding a plan without
    /// repeats, or by `max_iterations`, does not.
    #[cfg_attr(feature = "uniffi", uniffi(default = 10.0))]
    pub time_limit_seconds: f64,
    /// Stop after this many search steps; none: only the time limit.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub max_iterations: Option<u64>,
}

impl Default for RoundsOptions {
    fn default() -> Self {
        Self {
            rounds: 1,
            providers: RoundProviders::Same,
            never_again: false,
            seed: 0,
            time_limit_seconds: 10.0,
            max_iterations: None,
        }
    }
}

/// The people at one table in one round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Group {
    /// The provider (the table).
    pub provider: ProviderId,
    /// The person who hosts it, when the table has one (a provider's `host`, or its id when
    /// it has a host profile); a participant who hosts is not listed among the members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The seekers at the table, in seeker order.
    pub members: Vec<SeekerId>,
}

/// Why a seeker has no seat in a round, other than sitting out in turn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Absence {
    /// No table of the round passes the pair rules for them.
    NoFeasibleTable,
    /// Every table they may sit at was full.
    NoSeat,
    /// Their table broke a group rule the search could not mend, and does not take place.
    Group {
        /// The rules broken.
        rules: Vec<GroupRule>,
    },
}

/// A seeker without a seat in a round, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Unseated {
    /// The seeker.
    pub seeker: SeekerId,
    /// Why.
    pub reason: Absence,
}

/// One round of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Round {
    /// The round's number, from 1.
    pub round: u32,
    /// The date of its providers (by-date rounds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The tables that take place, in provider order.
    pub groups: Vec<Group>,
    /// Seekers who sit out this round in turn, because the seats do not fit everyone.
    pub sitting_out: Vec<SeekerId>,
    /// Seekers without a seat for another reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unseated: Vec<Unseated>,
}

/// Two people who share a table more than once (across the rounds and the history).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Repeat {
    /// The two people, in ascending id order.
    pub people: [String; 2],
    /// The rounds in which they share a table.
    pub rounds: Vec<u32>,
    /// Whether they met before the rounds too (history).
    pub in_history: bool,
}

/// Figures about the search.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RoundsStats {
    /// Search steps taken (swaps and moves).
    pub iterations: u64,
    /// Perturbations of the best plan after the search stalled.
    pub perturbations: u64,
    /// Whether the search stopped on finding a plan without repeats and group-rule breaks.
    pub complete: bool,
    /// Seconds the search took; not serialised, so that equal plans compare equal.
    #[serde(skip)]
    pub seconds: f64,
}

impl PartialEq for RoundsStats {
    fn eq(&self, other: &Self) -> bool {
        // `seconds` left out on purpose: it differs between runs of the same plan.
        self.iterations == other.iterations
            && self.perturbations == other.perturbations
            && self.complete == other.complete
    }
}

/// A plan of rounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RoundsPlan {
    /// The rounds, in order.
    pub rounds: Vec<Round>,
    /// Pairs of people who share a table more than once (a pair met before counts when it
    /// meets again).
    pub repeat_pairs: u64,
    /// Those pairs, with the rounds they meet in.
    pub repeats: Vec<Repeat>,
    /// Who met how many, sitting out and hosting.
    pub metrics: RoundsMetrics,
    /// The seed used.
    pub seed: u64,
    /// Search figures.
    pub stats: RoundsStats,
}

/// Why rounds could not be planned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum RoundsError {
    /// The candidate graph could not be built.
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// An option is out of range.
    #[error("{option}: {message}")]
    InvalidOption {
        /// The option, such as `rounds`.
        option: &'static str,
        /// What is wrong and what is expected, in English.
        message: String,
        /// The same, to say in another language ([`RoundsError::text`]).
        problem: OptionProblem,
    },
}

/// What is wrong with an option of a plan of rounds, as a message id of `en.ftl` and `sv.ftl`
/// with its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum OptionProblem {
    /// A count that must be at least 1.
    AtLeastOne,
    /// A time limit that is not a positive number of seconds.
    TimeLimit,
    /// More people than a plan of rounds takes.
    TooManyPeople {
        /// The seekers and hosts.
        people: usize,
    },
    /// More rounds by date than the providers' dates.
    Dates {
        /// The rounds asked for.
        rounds: u32,
        /// The dates the providers' windows fall on.
        dates: usize,
    },
}

impl OptionProblem {
    /// The problem in the language of `m`.
    #[must_use]
    pub fn text(&self, m: &crate::i18n::Messages) -> String {
        match self {
            Self::AtLeastOne => m.text("rounds-option-at-least-one", &[]),
            Self::TimeLimit => m.text("rounds-option-time-limit", &[]),
            Self::TooManyPeople { people } => m.text(
                "rounds-option-too-many-people",
                &[("people", (*people).into()), ("max", MAX_PEOPLE.into())],
            ),
            Self::Dates { rounds, dates } => m.text(
                "rounds-option-dates",
                &[("rounds", (*rounds).into()), ("dates", (*dates).into())],
            ),
        }
    }

    /// The problem in English: the error's message.
    #[must_use]
    pub fn english(&self) -> String {
        crate::i18n::with_english(|m| self.text(m))
    }
}

impl RoundsError {
    /// An option out of range.
    pub(crate) fn option(option: &'static str, problem: OptionProblem) -> Self {
        Self::InvalidOption {
            option,
            message: problem.english(),
            problem,
        }
    }

    /// The error in the language of `m`.
    #[must_use]
    pub fn text(&self, m: &crate::i18n::Messages) -> String {
        match self {
            Self::InvalidOption {
                option, problem, ..
            } => format!("{option}: {}", problem.text(m)),
            Self::Graph(e) => e.to_string(),
        }
    }
}

/// The most people (seekers and hosts) a plan of rounds takes: the search keeps a table of
/// meetings per pair.
pub const MAX_PEOPLE: usize = 4000;

/// Plan `options.rounds` rounds of an instance.
///
/// # Arguments
/// `instance`: seekers (participants) and providers (tables); it should be valid
/// ([`crate::validate::validate`]). `options`: rounds, providers, novelty, seed, limits.
///
/// # Returns
/// A [`RoundsPlan`]: the tables of each round, who sits out, the repeats left (none when the
/// search found a repeat-free plan), and [`RoundsMetrics`].
///
/// # Errors
/// [`RoundsError::InvalidOption`] for 0 rounds, a time limit that is not a positive number,
/// more by-date rounds than dates, or more than [`MAX_PEOPLE`] people;
/// [`RoundsError::Graph`] when the candidate graph is over the instance's limits.
///
/// # Complexity
/// Each search step looks at every swap of a person in conflict with anyone at another table
/// of the same round: `O(R · c · n · g)` for `c` people in conflict, `n` people and tables of
/// `g`; memory `O(n²)` for the meeting counts. On the social golfer path a swap is evaluated in
/// `O(1)` and made in `O(n² + R · g²)`, so a step is `O(R · n · g + c · n + n²)`; memory
/// `O(R · n · t)` more for `t` tables a round. The steps stop at a repeat-free plan, the time
/// limit or `max_iterations`.
///
/// # Example
/// ```
/// use samman::model::{Instance, Provider, Seeker};
/// use samman::rounds::{plan_rounds, RoundsOptions};
///
/// // Kirkman's schoolgirls: 15 in triples, every pair together exactly once in 7 days.
/// let mut instance = Instance::new();
/// instance.seekers = (1..=15).map(|i| Seeker::new(&format!("girl{i}"))).collect();
/// instance.providers = (1..=5).map(|t| Provider::new(&format!("row{t}"), 3)).collect();
/// let plan = plan_rounds(&instance, &RoundsOptions { rounds: 7, seed: 1, ..RoundsOptions::default() })?;
/// assert_eq!(plan.repeat_pairs, 0);
/// assert!(plan.rounds.iter().all(|r| r.groups.iter().all(|g| g.members.len() == 3)));
/// # Ok::<(), samman::rounds::RoundsError>(())
/// ```
///
/// # References
/// I. Dotú and P. Van Hentenryck, "Scheduling social golfers locally", CPAIOR 2005, LNCS 3524.
/// M. Triska and N. Musliu, "An effective greedy heuristic for the Social Golfer Problem",
/// Annals of Operations Research 194 (2012).
pub fn plan_rounds(
    instance: &Instance,
    options: &RoundsOptions,
) -> Result<RoundsPlan, RoundsError> {
    let started = Instant::now();
    check_options(options)?;
    let instance = with_novelty(instance, options);
    let graph = CandidateGraph::build(&instance)?;
    plan_on(&instance, &graph, options, started)
}

/// [`plan_rounds`] on a validated instance whose candidate graph `graph` is built from
/// `instance` as [`with_novelty`] gives it (what [`crate::Session::rounds`] calls).
pub(crate) fn plan_prepared(
    instance: &Instance,
    graph: &CandidateGraph,
    options: &RoundsOptions,
) -> Result<RoundsPlan, RoundsError> {
    let started = Instant::now();
    check_options(options)?;
    plan_on(&with_novelty(instance, options), graph, options, started)
}

/// The instance the rounds are planned on: with `policy.novelty` never-again when
/// `options.never_again` says so.
pub(crate) fn with_novelty(instance: &Instance, options: &RoundsOptions) -> Instance {
    let mut instance = instance.clone();
    if options.never_again {
        instance.policy.novelty = Some(Novelty::NeverAgain);
    }
    instance
}

/// Whether `options.never_again` changes the instance's pair rules (so its own candidate
/// graph is needed).
pub(crate) fn changes_rules(instance: &Instance, options: &RoundsOptions) -> bool {
    options.never_again && instance.policy.novelty != Some(Novelty::NeverAgain)
}

fn check_options(options: &RoundsOptions) -> Result<(), RoundsError> {
    if options.rounds == 0 {
        return Err(RoundsError::option("rounds", OptionProblem::AtLeastOne));
    }
    if !(options.time_limit_seconds.is_finite() && options.time_limit_seconds > 0.0) {
        return Err(RoundsError::option(
            "time_limit_seconds",
            OptionProblem::TimeLimit,
        ));
    }
    Ok(())
}

fn plan_on(
    instance: &Instance,
    graph: &CandidateGraph,
    options: &RoundsOptions,
    started: Instant,
) -> Result<RoundsPlan, RoundsError> {
    let problem = setup::Problem::new(instance, graph, options)?;
    let outcome = search::run(&problem, options, started);
    let rounds = problem.rounds_of(&outcome.tables, &outcome.no_seat);
    let metrics = rounds_metrics(instance, &rounds);
    let repeats = metrics::repeats(instance, &rounds);
    Ok(RoundsPlan {
        repeat_pairs: repeats.len() as u64,
        repeats,
        rounds,
        metrics,
        seed: options.seed,
        stats: RoundsStats {
            iterations: outcome.iterations,
            perturbations: outcome.perturbations,
            complete: outcome.complete,
            seconds: started.elapsed().as_secs_f64(),
        },
    })
}
