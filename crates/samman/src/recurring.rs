//! The session's methods for programmes that recur: rounds where everyone meets someone new,
//! and a plan's meetings appended to the history. Running dinners have a format of their own
//! and are planned by [`crate::running_dinner::plan`].

use chrono::NaiveDate;

use crate::error::Result;
use crate::graph::{CandidateGraph, Strategy};
use crate::history;
use crate::model::Instance;
use crate::plan::Pairs;
use crate::rounds::{self, RoundsOptions, RoundsPlan};
use crate::session::Session;

impl Session {
    /// Plan `options.rounds` rounds of the instance so that everyone meets someone new: see
    /// [`rounds::plan_rounds`] for what a plan holds and how it is searched. The session's
    /// candidate graph is used, unless `options.never_again` changes the pair rules (then a
    /// graph with never-again novelty is built for the call).
    ///
    /// # Errors
    /// [`crate::Error::Rounds`] for an option out of range (0 rounds, a time limit that is not
    /// a positive number, more by-date rounds than dates, too many people);
    /// [`crate::Error::Graph`] when the candidate pairs pass `policy.limits.max_edges`.
    ///
    /// # Example
    /// ```
    /// use samman::model::{Instance, Provider, Seeker};
    /// use samman::rounds::RoundsOptions;
    /// use samman::Session;
    ///
    /// let mut instance = Instance::new();
    /// instance.seekers = (1..=9).map(|i| Seeker::new(&format!("p{i}"))).collect();
    /// instance.providers = (1..=3).map(|t| Provider::new(&format!("t{t}"), 3)).collect();
    /// let session = Session::new(instance)?;
    /// let plan = session.rounds(&RoundsOptions { rounds: 4, seed: 1, ..RoundsOptions::default() })?;
    /// assert_eq!(plan.repeat_pairs, 0);
    /// # Ok::<(), samman::Error>(())
    /// ```
    pub fn rounds(&self, options: &RoundsOptions) -> Result<RoundsPlan> {
        if rounds::changes_rules(self.instance(), options) {
            let instance = rounds::with_novelty(self.instance(), options);
            let graph = CandidateGraph::build_prepared(
                &instance,
                self.time_zone(),
                Strategy::Indexed,
                self.progress(),
            )?;
            return Ok(rounds::plan_prepared(&instance, &graph, options)?);
        }
        Ok(rounds::plan_prepared(
            self.instance(),
            self.candidates()?,
            options,
        )?)
    }

    /// The instance with `plan`'s meetings appended to its history (`history.met` and, for
    /// seekers with hosts, `history.meetings`): everyone at a table met everyone else there
    /// and the host, on `date` when given. Ids only.
    ///
    /// # Errors
    /// [`crate::Error::History`] for a seeker or provider id the instance does not have, with
    /// its path in the plan.
    pub fn add_history(&self, plan: &Pairs, date: Option<NaiveDate>) -> Result<Instance> {
        let tables = history::tables_of_entries(self.instance(), &plan.matches)?;
        Ok(history::add_tables(self.instance(), &tables, date))
    }
}
