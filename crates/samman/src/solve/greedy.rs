//! The greedy baseline: highest-scoring feasible pairs first.

use crate::graph::CandidateGraph;
use crate::model::Instance;

/// Place seekers by taking candidate pairs in order of descending score (ties: lower seeker
/// index, then lower provider index) while the provider has seats for the whole party.
///
/// No optimality guarantee: a high-scoring pair can take the seat two lower pairs needed. It
/// is the baseline the exact solvers are compared against. Returns, for each seeker, the
/// chosen edge, and the number of pairs examined.
///
/// # Complexity
/// `O(E log E)` time for the sort, `O(E)` extra space.
#[must_use]
pub fn greedy(instance: &Instance, graph: &CandidateGraph) -> (Vec<Option<usize>>, u64) {
    let mut order: Vec<usize> = (0..graph.edge_count()).collect();
    order.sort_by(|&a, &b| {
        let (ca, cb) = (graph.candidates_by_edge(a), graph.candidates_by_edge(b));
        cb.score
            .total_cmp(&ca.score)
            .then(ca.seeker.cmp(&cb.seeker))
            .then(ca.provider.cmp(&cb.provider))
    });
    let mut seats_left: Vec<u32> = instance.providers.iter().map(|p| p.capacity).collect();
    let mut chosen = vec![None; instance.seekers.len()];
    for &e in &order {
        let c = graph.candidates_by_edge(e);
        let (s, p) = (c.seeker as usize, c.provider as usize);
        let size = instance.seekers[s].party_size;
        if chosen[s].is_none() && seats_left[p] >= size {
            seats_left[p] -= size;
            chosen[s] = Some(e);
        }
    }
    (chosen, order.len() as u64)
}
