//! How far long work has come, for a front to show (the command's progress bar): the
//! candidate graph's build counts seekers, the group search counts its iterations. A caller
//! gives a hook ([`crate::Session::with_progress`]); without one nothing is counted, and with
//! one the results are the same, only watched.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Which work is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// Building the candidate graph: seekers whose feasible providers are found.
    Graph,
    /// The groups solver's search: iterations done.
    Search,
}

impl Step {
    /// The step's name: `graph` or `search`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Step::Graph => "graph",
            Step::Search => "search",
        }
    }
}

/// How far a step is: `done` of `total` units. Within a step, successive reports never go
/// back, and the last one has `done == total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The work.
    pub step: Step,
    /// Units done.
    pub done: u64,
    /// Units in all (the search's grows when a host's surplus dinners are closed and a
    /// component is searched again).
    pub total: u64,
}

/// The hook that receives progress; it may be called from several threads, one call at a time.
pub type Hook<'a> = &'a (dyn Fn(Progress) + Sync);

/// Counts the units of one step, from any thread, and calls the hook every `every` units and
/// at the end, in order. Without a hook every method returns at once.
pub(crate) struct Tracker<'a> {
    hook: Option<Hook<'a>>,
    step: Step,
    every: u64,
    done: AtomicU64,
    total: AtomicU64,
    /// The last `done` reported; held while the hook runs, so reports come one at a time
    /// and in order.
    reported: Mutex<Option<u64>>,
}

impl<'a> Tracker<'a> {
    /// A tracker of `total` units of `step`, reporting every `every` units.
    pub fn new(hook: Option<Hook<'a>>, step: Step, total: u64, every: u64) -> Self {
        Self {
            hook,
            step,
            every: every.max(1),
            done: AtomicU64::new(0),
            total: AtomicU64::new(total),
            reported: Mutex::new(None),
        }
    }

    /// Add `units` to the total (work found to be needed on the way).
    pub fn extend(&self, units: u64) {
        if self.hook.is_some() {
            self.total.fetch_add(units, Ordering::Relaxed);
        }
    }

    /// Count `units` done; report when a multiple of `every` is passed or the total reached.
    pub fn advance(&self, units: u64) {
        if self.hook.is_none() || units == 0 {
            return;
        }
        let after = self.done.fetch_add(units, Ordering::Relaxed) + units;
        let before = after - units;
        if after / self.every != before / self.every || after >= self.total.load(Ordering::Relaxed)
        {
            self.report();
        }
    }

    /// Report where the step is now: the start (nothing done) or the end of the work.
    pub fn report(&self) {
        let Some(hook) = self.hook else { return };
        let mut reported = self
            .reported
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Read under the lock: a report made later never shows less than one made earlier.
        let done = self.done.load(Ordering::Relaxed);
        if *reported == Some(done) {
            return;
        }
        let total = self.total.load(Ordering::Relaxed).max(done);
        *reported = Some(done);
        hook(Progress {
            step: self.step,
            done,
            total,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Session;
    use crate::generate::{Params, dinners};
    use crate::solve::{Options, SolverKind};

    /// The hook sees each step's progress go forward to its total, and the plan is the one
    /// made without a hook.
    #[test]
    fn progress_goes_forward_to_the_total_and_changes_nothing() {
        let instance = dinners(&Params {
            size: 300,
            seed: 7,
            ..Params::default()
        });
        let options = Options {
            solver: SolverKind::Groups,
            ..Options::default()
        };
        let plain = Session::new(instance.clone())
            .unwrap()
            .solve(&options)
            .unwrap();
        let seen = std::sync::Arc::new(Mutex::new(Vec::<Progress>::new()));
        let sink = seen.clone();
        let watched = Session::new(instance)
            .unwrap()
            .with_progress(move |p| sink.lock().unwrap().push(p));
        let mut plan = watched.solve(&options).unwrap();
        plan.stats.seconds = plain.stats.seconds;
        assert_eq!(
            serde_json::to_string(&plan).unwrap(),
            serde_json::to_string(&plain).unwrap()
        );
        let seen = seen.lock().unwrap();
        for step in [Step::Graph, Step::Search] {
            let reports: Vec<&Progress> = seen.iter().filter(|p| p.step == step).collect();
            assert!(reports.len() > 2, "{step:?}: {reports:?}");
            for pair in reports.windows(2) {
                assert!(pair[0].done <= pair[1].done, "{step:?} went back: {pair:?}");
                assert!(pair[0].total <= pair[1].total, "{step:?}: {pair:?}");
            }
            let last = reports.last().unwrap();
            assert_eq!(last.done, last.total, "{step:?} ends at its total");
            assert!(reports.iter().all(|p| p.done <= p.total));
        }
        let graph_total = seen.iter().find(|p| p.step == Step::Graph).unwrap().total;
        assert_eq!(graph_total, watched.instance().seekers.len() as u64);
        let search = seen.iter().rfind(|p| p.step == Step::Search).unwrap();
        assert_eq!(search.total, plan.stats.iterations);
    }
}
