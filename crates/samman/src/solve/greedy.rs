//! The greedy baseline: highest-scoring feasible pairs first.

use crate::graph::CandidateGraph;
use crate::model::Instance;

use super::Part;
use super::context::{Component, Context};

/// Place seekers by taking candidate pairs in order of descending score (ties: lower seeker
/// index, then lower provider index) while the provider has seats for the whole party.
///
/// No optimality guarantee: a high-scoring pair can take the seat two lower pairs needed. It
/// is the baseline the exact solvers are compared against. Returns, for each seeker, the
/// chosen edge, and the number of pairs examined. Locks are not applied here; the `Greedy`
/// solver of [`super::solve`] applies them.
///
/// # Complexity
/// `O(E log E)` time for the sort, `O(E)` extra space.
#[must_use]
pub fn greedy(instance: &Instance, graph: &CandidateGraph) -> (Vec<Option<usize>>, u64) {
    let component = Component {
        seekers: (0..instance.seekers.len() as u32).collect(),
        providers: (0..instance.providers.len() as u32).collect(),
    };
    let seats: Vec<u32> = instance.providers.iter().map(|p| p.capacity).collect();
    let mut chosen = vec![None; instance.seekers.len()];
    let examined = place(
        instance,
        graph,
        &component,
        &component.seekers,
        seats,
        &mut |s, e| {
            chosen[s as usize] = Some(e);
        },
    );
    (chosen, examined)
}

/// Greedy over one component, with its locked seekers placed first.
pub(crate) fn solve_component(context: &Context<'_>, component: &Component) -> Part {
    let (instance, graph) = (context.instance, context.graph);
    let mut seats: Vec<u32> = component
        .providers
        .iter()
        .map(|&p| instance.providers[p as usize].capacity)
        .collect();
    let mut part = Part::default();
    let mut free = Vec::new();
    for &s in &component.seekers {
        match context.locked[s as usize] {
            Some(e) => {
                let p = component.provider(graph.candidates_by_edge(e).provider);
                seats[p] = seats[p].saturating_sub(context.size(s as usize));
                part.chosen.push((s, e));
            }
            None => free.push(s),
        }
    }
    let mut chosen = Vec::new();
    part.iterations = place(instance, graph, component, &free, seats, &mut |s, e| {
        chosen.push((s, e));
    });
    part.chosen.extend(chosen);
    part
}

/// Place `seekers` of `component` greedily into `seats` (one entry per provider of the
/// component); `take(seeker, edge)` records each placement. Returns the pairs examined.
fn place(
    instance: &Instance,
    graph: &CandidateGraph,
    component: &Component,
    seekers: &[u32],
    mut seats: Vec<u32>,
    take: &mut dyn FnMut(u32, usize),
) -> u64 {
    let mut order: Vec<usize> = seekers
        .iter()
        .flat_map(|&s| graph.edge_range(s as usize))
        .collect();
    order.sort_by(|&a, &b| {
        let (ca, cb) = (graph.candidates_by_edge(a), graph.candidates_by_edge(b));
        cb.score
            .total_cmp(&ca.score)
            .then(ca.seeker.cmp(&cb.seeker))
            .then(ca.provider.cmp(&cb.provider))
    });
    let mut placed = vec![false; seekers.len()];
    for &e in &order {
        let c = graph.candidates_by_edge(e);
        let p = component.provider(c.provider);
        let size = instance.seekers[c.seeker as usize].party_size;
        let i = seekers
            .binary_search(&c.seeker)
            .expect("edges come from these seekers");
        if !placed[i] && seats[p] >= size {
            seats[p] -= size;
            placed[i] = true;
            take(c.seeker, e);
        }
    }
    order.len() as u64
}
