//! The candidate graph as columns, one entry per feasible pair: seeker and provider indices,
//! the score and each soft criterion's value. This is the layout researchers' tools take
//! (numpy arrays, a scipy.sparse matrix, a pandas frame, a networkx graph), so that any
//! mechanism can run on samman's feasible pairs and its plan be judged by
//! [`metrics::evaluate`](crate::metrics::evaluate).

use serde::Serialize;

use crate::graph::{CandidateGraph, GraphError};
use crate::model::Instance;
use crate::rules::Criterion;

/// One soft criterion's value on every feasible pair, before weighting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionColumn {
    /// The criterion.
    pub criterion: Criterion,
    /// Its name in JSON and reports (`"distance"`, `"language"`, ...).
    pub name: String,
    /// Its value on pair `e` at position `e`.
    pub values: Vec<f64>,
}

/// The feasible pairs of an instance as parallel columns, in the candidate graph's edge order
/// (grouped by seeker in instance order, then by provider index).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CandidateColumns {
    /// The seeker of each pair, an index into `seeker_ids`.
    pub seeker: Vec<u32>,
    /// The provider of each pair, an index into `provider_ids`.
    pub provider: Vec<u32>,
    /// The pair's score: the weighted sum of the breakdown (the solvers' edge weight).
    pub score: Vec<f64>,
    /// Every soft criterion, in [`Criterion::ALL`] order.
    pub breakdown: Vec<CriterionColumn>,
    /// The seekers' ids, in instance order.
    pub seeker_ids: Vec<String>,
    /// The providers' ids, in instance order.
    pub provider_ids: Vec<String>,
}

impl CandidateColumns {
    /// Builds the candidate graph of a valid `instance` and returns it as columns.
    ///
    /// # Errors
    /// As [`CandidateGraph::build`]: an invalid instance, or one past `policy.limits`.
    ///
    /// # Example
    /// ```
    /// use samman::candidates::CandidateColumns;
    /// use samman::generate::{Params, visits};
    /// use samman::graph::CandidateGraph;
    ///
    /// let instance = visits(&Params { size: 40, ..Params::default() });
    /// let columns = CandidateColumns::build(&instance)?;
    /// let graph = CandidateGraph::build(&instance)?;
    /// assert_eq!(columns.score.len(), graph.edge_count());
    /// assert_eq!(columns.seeker_ids.len(), instance.seekers.len());
    /// assert!(columns.breakdown.iter().all(|c| c.values.len() == columns.score.len()));
    /// # Ok::<(), samman::graph::GraphError>(())
    /// ```
    pub fn build(instance: &Instance) -> Result<Self, GraphError> {
        CandidateGraph::build(instance).map(|graph| Self::new(instance, &graph))
    }

    /// The columns of an already built `graph` of `instance`.
    ///
    /// # Complexity
    /// `O(S + P + E · C)` time and space for `E` pairs and `C` criteria.
    #[must_use]
    pub fn new(instance: &Instance, graph: &CandidateGraph) -> Self {
        let edges = graph.edge_count();
        let mut seeker = Vec::with_capacity(edges);
        let mut provider = Vec::with_capacity(edges);
        let mut score = Vec::with_capacity(edges);
        let mut breakdown: Vec<CriterionColumn> = Criterion::ALL
            .iter()
            .map(|&criterion| CriterionColumn {
                criterion,
                name: criterion.name().to_owned(),
                values: Vec::with_capacity(edges),
            })
            .collect();
        for candidate in graph.candidates() {
            seeker.push(candidate.seeker);
            provider.push(candidate.provider);
            score.push(candidate.score);
            for column in &mut breakdown {
                column
                    .values
                    .push(f64::from(candidate.breakdown.get(column.criterion)));
            }
        }
        Self {
            seeker,
            provider,
            score,
            breakdown,
            seeker_ids: instance.seekers.iter().map(|s| s.id.0.clone()).collect(),
            provider_ids: instance.providers.iter().map(|p| p.id.0.clone()).collect(),
        }
    }
}
