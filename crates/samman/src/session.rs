//! A prepared instance: the one way in for every front. A [`Session`] validates its instance
//! once, resolves the time zone, and builds the candidate graph once, when it is first needed;
//! its methods are the whole job (solve, evaluate, explain, the candidate graph), so the
//! command, Python, Kotlin and Swift, and JavaScript call the same code with the same checks.

use std::sync::OnceLock;

use crate::error::{Error, Result};
use crate::explain::{self, Explanation};
use crate::graph::{CandidateGraph, GraphError, GraphEstimate, Strategy, check_size};
use crate::metrics::{self, MetricsOptions, Report};
use crate::model::{Instance, SeekerId, Zone};
use crate::plan::{Pairs, Plan};
use crate::progress::{Hook, Progress};
use crate::rules::Rules;
use crate::solve::{self, Options};
use crate::validate::{Problem, parse_json, prepare};

/// A validated instance, ready to be solved, evaluated and explained.
///
/// An instance that does not validate never becomes a session, so nothing behind it reads an
/// invalid instance. The candidate graph is built on the first call that needs it and kept
/// for the next ones; a session is `Sync`, so threads may share it.
///
/// # Example
/// ```
/// use samman::generate::{Params, dinners};
/// use samman::{Options, Session};
///
/// let session = Session::new(dinners(&Params { size: 60, seed: 1, ..Params::default() }))?;
/// let plan = session.solve(&Options::default())?;
/// let report = session.evaluate(&(&plan).into(), &Default::default())?;
/// assert!(report.validity.valid);
/// let unplaced: Vec<_> = plan.unplaced.iter().map(|u| u.seeker.clone()).collect();
/// let why = session.explain(Some(&(&plan).into()), &unplaced)?;
/// assert_eq!(why.len(), plan.unplaced.len());
/// # Ok::<(), samman::Error>(())
/// ```
pub struct Session {
    instance: Instance,
    tz: Zone,
    graph: OnceLock<std::result::Result<CandidateGraph, GraphError>>,
    progress: Option<Box<dyn Fn(Progress) + Send + Sync>>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("instance", &self.instance)
            .field("tz", &self.tz)
            .field("graph", &self.graph)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

impl Session {
    /// Prepare an instance: check its size against `policy.limits`, then validate it.
    ///
    /// # Errors
    /// [`Error::Graph`] with [`GraphError::LimitExceeded`] when seekers or providers pass the
    /// limits; [`Error::Invalid`] with every problem of the instance, each with its path.
    pub fn new(instance: Instance) -> Result<Self> {
        check_size(&instance)?;
        let tz = prepare(&instance)?;
        Ok(Self {
            instance,
            tz,
            graph: OnceLock::new(),
            progress: None,
        })
    }

    /// Report how far long work has come (the candidate graph's build, the group search) to
    /// `hook`, for a progress bar; see [`crate::progress`]. The results are the same with or
    /// without it.
    ///
    /// # Example
    /// ```
    /// use samman::generate::{Params, dinners};
    /// use samman::progress::Step;
    /// use samman::{Options, Session};
    ///
    /// let session = Session::new(dinners(&Params { size: 60, ..Params::default() }))?
    ///     .with_progress(|p| {
    ///         if p.step == Step::Graph {
    ///             assert!(p.done <= p.total);
    ///         }
    ///     });
    /// session.solve(&Options::default())?;
    /// # Ok::<(), samman::Error>(())
    /// ```
    #[must_use]
    pub fn with_progress(mut self, hook: impl Fn(Progress) + Send + Sync + 'static) -> Self {
        self.progress = Some(Box::new(hook));
        self
    }

    /// The progress hook, where one is set.
    pub(crate) fn progress(&self) -> Option<Hook<'_>> {
        self.progress.as_deref().map(|hook| hook as Hook<'_>)
    }

    /// Read an instance from JSON text and prepare it.
    ///
    /// # Errors
    /// [`Error::Parse`] with line, column and path; otherwise as [`Session::new`].
    pub fn from_json(text: &str) -> Result<Self> {
        Self::new(parse_json(text)?)
    }

    /// The instance.
    #[must_use]
    pub fn instance(&self) -> &Instance {
        &self.instance
    }

    /// The instance, giving the session up.
    #[must_use]
    pub fn into_instance(self) -> Instance {
        self.instance
    }

    /// Problems of single records (a party larger than every table, coordinates out of range,
    /// data that looks wrong), each with its path: they never make the instance invalid; such
    /// a record is planned as far as its data allows or left out with its reason.
    #[must_use]
    pub fn warnings(&self) -> Vec<Problem> {
        crate::validate::check(&self.instance).warnings
    }

    /// The time zone the instance's local times are read in.
    #[must_use]
    pub fn time_zone(&self) -> Zone {
        self.tz
    }

    /// The prepared pair rules and criteria of the instance, for checking or scoring single
    /// pairs.
    #[must_use]
    pub fn rules(&self) -> Rules<'_> {
        Rules::new(&self.instance, self.tz)
    }

    /// The candidate graph: every feasible pair with its score and breakdown, built on the
    /// first call. [`CandidateGraph::graph`] gives the petgraph graph itself.
    ///
    /// # Errors
    /// [`Error::Graph`] with [`GraphError::LimitExceeded`] when the pairs pass
    /// `policy.limits.max_edges`.
    pub fn candidates(&self) -> Result<&CandidateGraph> {
        self.graph
            .get_or_init(|| {
                CandidateGraph::build_prepared(
                    &self.instance,
                    self.tz,
                    Strategy::Indexed,
                    self.progress(),
                )
            })
            .as_ref()
            .map_err(|e| Error::Graph(e.clone()))
    }

    /// Seekers with no feasible provider, counted by the pair rule that on its own excludes
    /// the most providers for them (`several rules` when every provider fails two rules or
    /// more): what `samman graph` reports.
    ///
    /// # Errors
    /// As [`Session::candidates`].
    pub fn isolated_by_rule(&self) -> Result<std::collections::BTreeMap<String, usize>> {
        let graph = self.candidates()?;
        let isolated: Vec<usize> = (0..graph.n_seekers())
            .filter(|&s| graph.edge_range(s).is_empty())
            .collect();
        let mut counts = std::collections::BTreeMap::new();
        for (_, only) in crate::solve::excluded_by_rule(&self.rules(), &isolated) {
            let main = only
                .iter()
                .max_by_key(|(rule, n)| (**n, std::cmp::Reverse(**rule)))
                .map_or("several rules".to_owned(), |(r, _)| r.name().to_owned());
            *counts.entry(main).or_insert(0) += 1;
        }
        Ok(counts)
    }

    /// Count the candidate graph's pairs and memory without building it.
    #[must_use]
    pub fn estimate(&self) -> GraphEstimate {
        CandidateGraph::estimate_prepared(&self.instance, self.tz)
    }

    /// Solve the instance.
    ///
    /// # Errors
    /// [`Error::Graph`] when the graph passes its limits; [`Error::Solve`] for a lock naming
    /// an unknown id or breaking a rule, an option out of range, or a score that is not finite.
    pub fn solve(&self, options: &Options) -> Result<Plan> {
        Ok(solve::solve_observed(
            &self.instance,
            self.candidates()?,
            options,
            self.progress(),
        )?)
    }

    /// The metrics of a plan (from samman or from anywhere else).
    ///
    /// # Errors
    /// [`Error::Graph`] when the graph passes its limits.
    pub fn evaluate(&self, plan: &Pairs, options: &MetricsOptions) -> Result<Report> {
        Ok(metrics::evaluate_with_graph(
            &self.instance,
            self.candidates()?,
            plan,
            options,
        ))
    }

    /// Why each of `seekers` is or is not placed (against `plan`, when one is given), and
    /// what would help, in the order asked.
    ///
    /// # Errors
    /// [`Error::Explain`] with an unknown id for the first id no seeker has.
    pub fn explain(&self, plan: Option<&Pairs>, seekers: &[SeekerId]) -> Result<Vec<Explanation>> {
        Ok(explain::explain_validated(&self.instance, plan, seekers)?)
    }

    /// The `k` best feasible providers for a seeker, with score, free seats in `plan` and who
    /// would have to move: a coordinator's approval screen.
    ///
    /// # Errors
    /// [`Error::Suggest`] with an unknown id when no seeker has `seeker`.
    pub fn suggest(
        &self,
        plan: Option<&Pairs>,
        seeker: &SeekerId,
        k: usize,
    ) -> Result<Vec<crate::suggest::Suggestion>> {
        Ok(crate::suggest::suggest_prepared(
            &self.instance,
            self.tz,
            plan,
            seeker,
            k,
        )?)
    }

    /// Why one seeker is or is not placed, and what would help.
    ///
    /// # Errors
    /// As [`Session::explain`].
    pub fn explain_one(&self, plan: Option<&Pairs>, seeker: &SeekerId) -> Result<Explanation> {
        let mut explanations = self.explain(plan, std::slice::from_ref(seeker))?;
        Ok(explanations
            .pop()
            .expect("one explanation for the one seeker asked"))
    }
}
