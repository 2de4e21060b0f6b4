//! Programmes that recur, for apps: rounds where everyone meets someone new and a plan's
//! meetings appended to the history (methods of [`Session`]), and running dinners, which have
//! a format of their own. Each function calls the core and only translates.

use chrono::NaiveDate;
use samman::Plan;
use samman::model::Instance;
use samman::rounds::{RoundsOptions, RoundsPlan};
use samman::running_dinner::{self, DinnerPlan, RunningDinner};

use crate::error::guard;
use crate::{SammanError, Session, to_json};

// A date crosses as `YYYY-MM-DD` text, as the core's `uniffi` feature defines it.
uniffi::use_remote_type!(samman::chrono::NaiveDate);

#[uniffi::export]
impl Session {
    /// Plan `options.rounds` rounds so that everyone meets someone new (the core's
    /// `Session::rounds`): the tables of each round, who sits out, the repeats left.
    ///
    /// # Errors
    /// `InvalidInput` for an option out of range, with the option as its path;
    /// `LimitExceeded` when the candidate pairs pass `policy.limits.max_edges`.
    pub fn solve_rounds(&self, options: RoundsOptions) -> Result<RoundsPlan, SammanError> {
        guard(|| self.inner.rounds(&options))
    }

    /// The instance with `plan`'s meetings appended to its history, on `date` when given
    /// (the core's `Session::add_history`).
    ///
    /// # Errors
    /// `UnknownId` for a seeker or provider the instance does not have, with its path.
    pub fn add_history(
        &self,
        plan: Plan,
        date: Option<NaiveDate>,
    ) -> Result<Instance, SammanError> {
        guard(|| self.inner.add_history(&(&plan).into(), date))
    }
}

/// The core's default rounds options (one round, the same providers, a 10-second limit).
#[uniffi::export]
#[must_use]
pub fn default_rounds_options() -> RoundsOptions {
    RoundsOptions::default()
}

/// A plan of rounds in the JSON format `samman rounds --json` prints.
///
/// # Errors
/// `Internal` only if serialisation fails, which it should not.
#[uniffi::export]
pub fn rounds_plan_to_json(plan: RoundsPlan) -> Result<String, SammanError> {
    to_json(&plan)
}

/// Every team's route through a running dinner.
///
/// # Errors
/// `InvalidInput` with the path of what cannot be planned (such as
/// `teams[3].cannot_host[0]`).
#[uniffi::export]
pub fn plan_running_dinner(dinner: RunningDinner, seed: u64) -> Result<DinnerPlan, SammanError> {
    guard(|| running_dinner::plan(&dinner, seed).map_err(samman::Error::from))
}

/// A running dinner re-planned after `cancelled` teams dropped out of `previous`: their
/// places filled from the waiting list, or the routes changed as little as possible.
///
/// # Errors
/// As [`plan_running_dinner`], and `InvalidInput` for a cancelled team the plan does not have.
#[uniffi::export]
pub fn cancel_running_dinner(
    dinner: RunningDinner,
    previous: DinnerPlan,
    cancelled: Vec<String>,
    seed: u64,
) -> Result<DinnerPlan, SammanError> {
    guard(|| {
        running_dinner::cancel(&dinner, &previous, &cancelled, seed).map_err(samman::Error::from)
    })
}
