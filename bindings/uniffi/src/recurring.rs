//! Programmes that recur, for apps: rounds where everyone meets someone new, a plan's
//! meetings appended to the history, and running dinners (JSON in, JSON out: the format of
//! docs/rounds.md).

use std::sync::Arc;

use samman::history;
use samman::metrics::PlanEntry;
use samman::rounds::{RoundProviders, RoundsError, RoundsOptions, plan_rounds};
use samman::running_dinner::{self, RunningDinner};

use crate::error::guard;
use crate::{Instance, PlanRecord, Problem, SammanError};

/// How to plan rounds.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RoundsOptionsRecord {
    /// How many rounds.
    pub rounds: u32,
    /// Treat every earlier meeting as never-again.
    #[uniffi(default = false)]
    pub never_again: bool,
    /// Seed of the search.
    #[uniffi(default = 0)]
    pub seed: u64,
    /// Stop after this many seconds with the best plan found.
    #[uniffi(default = 10.0)]
    pub time_limit_seconds: f64,
    /// Stop after this many search steps (a plan that does not depend on the machine).
    #[uniffi(default = None)]
    pub max_iterations: Option<u64>,
    /// Round k uses the providers dated on the k-th date instead of every provider.
    #[uniffi(default = false)]
    pub by_date: bool,
}

/// The people at one table in one round.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct GroupRecord {
    /// The provider (the table).
    pub provider: String,
    /// The person who hosts it, if any.
    pub host: Option<String>,
    /// The seekers at the table.
    pub members: Vec<String>,
}

/// One round.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RoundRecord {
    /// The round's number, from 1.
    pub round: u32,
    /// Its date (by-date rounds), `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The tables that take place.
    pub groups: Vec<GroupRecord>,
    /// Seekers who sit out this round in turn.
    pub sitting_out: Vec<String>,
}

/// Two people who share a table more than once.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RepeatRecord {
    /// The two people.
    pub people: Vec<String>,
    /// The rounds they meet in.
    pub rounds: Vec<u32>,
    /// Whether they met before the rounds too.
    pub in_history: bool,
}

/// A plan of rounds.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RoundsRecord {
    /// The rounds.
    pub rounds: Vec<RoundRecord>,
    /// Pairs of people who share a table more than once.
    pub repeat_pairs: u64,
    /// Those pairs.
    pub repeats: Vec<RepeatRecord>,
    /// The whole plan as JSON, metrics included (the format of `samman rounds --json`).
    pub json: String,
}

/// Plan rounds of an instance so that everyone meets someone new each round.
///
/// # Errors
/// [`SammanError::InvalidInput`] for an invalid instance or option;
/// [`SammanError::LimitExceeded`] when the instance is over its limits.
#[uniffi::export]
pub fn solve_rounds(
    instance: Arc<Instance>,
    options: RoundsOptionsRecord,
) -> Result<RoundsRecord, SammanError> {
    guard(|| {
        let core = instance.valid()?;
        let options = RoundsOptions {
            rounds: options.rounds,
            providers: if options.by_date {
                RoundProviders::ByDate
            } else {
                RoundProviders::Same
            },
            never_again: options.never_again,
            seed: options.seed,
            time_limit_seconds: options.time_limit_seconds,
            max_iterations: options.max_iterations,
        };
        let plan = plan_rounds(core, &options).map_err(|e| match e {
            RoundsError::Graph(g) => SammanError::from(g),
            RoundsError::InvalidOption { option, message } => SammanError::InvalidInput {
                problems: vec![Problem::new(format!("options.{option}"), message)],
            },
        })?;
        let json = serde_json::to_string(&plan).map_err(|e| SammanError::Internal {
            detail: e.to_string(),
        })?;
        Ok(RoundsRecord {
            rounds: plan
                .rounds
                .iter()
                .map(|r| RoundRecord {
                    round: r.round,
                    date: r.date.map(|d| d.to_string()),
                    groups: r
                        .groups
                        .iter()
                        .map(|g| GroupRecord {
                            provider: g.provider.to_string(),
                            host: g.host.clone(),
                            members: g.members.iter().map(ToString::to_string).collect(),
                        })
                        .collect(),
                    sitting_out: r.sitting_out.iter().map(ToString::to_string).collect(),
                })
                .collect(),
            repeat_pairs: plan.repeat_pairs,
            repeats: plan
                .repeats
                .iter()
                .map(|r| RepeatRecord {
                    people: r.people.to_vec(),
                    rounds: r.rounds.clone(),
                    in_history: r.in_history,
                })
                .collect(),
            json,
        })
    })
}

/// The instance with a plan's meetings appended to its history: everyone at a table met
/// everyone else there and the host (`date` as `YYYY-MM-DD`, or none).
///
/// # Errors
/// [`SammanError::InvalidInput`] for a bad date or a plan naming ids the instance lacks.
#[uniffi::export]
pub fn add_history(
    instance: Arc<Instance>,
    plan: PlanRecord,
    date: Option<String>,
) -> Result<Arc<Instance>, SammanError> {
    guard(|| {
        let date = date
            .map(|d| {
                chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|_| {
                    SammanError::InvalidInput {
                        problems: vec![Problem::new(
                            "date",
                            "not a date; expected YYYY-MM-DD, such as 2026-10-04",
                        )],
                    }
                })
            })
            .transpose()?;
        let entries: Vec<PlanEntry> = plan
            .matches
            .iter()
            .map(|m| PlanEntry {
                seeker: m.seeker.as_str().into(),
                provider: m.provider.as_str().into(),
            })
            .collect();
        let tables = history::tables_of_entries(&instance.inner, &entries).map_err(|e| {
            SammanError::InvalidInput {
                problems: vec![Problem::new("plan", e.to_string())],
            }
        })?;
        Ok(Arc::new(Instance {
            inner: history::add_tables(&instance.inner, &tables, date),
        }))
    })
}

/// Every team's route through a running dinner, as JSON (`samman running-dinner --json`).
///
/// # Errors
/// [`SammanError::InvalidInput`] for JSON that is not a plannable running dinner.
#[uniffi::export]
pub fn plan_running_dinner(dinner_json: String, seed: u64) -> Result<String, SammanError> {
    guard(|| {
        let input = |path: &str, message: String| SammanError::InvalidInput {
            problems: vec![Problem::new(path, message)],
        };
        let dinner: RunningDinner =
            serde_json::from_str(&dinner_json).map_err(|e| input("dinner", e.to_string()))?;
        let plan =
            running_dinner::plan(&dinner, seed).map_err(|e| input("dinner", e.to_string()))?;
        serde_json::to_string(&plan).map_err(|e| SammanError::Internal {
            detail: e.to_string(),
        })
    })
}
