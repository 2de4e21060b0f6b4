//! The greedy baseline: highest-scoring feasible pairs first.

use crate::graph::CandidateGraph;
use crate::model::Instance;

use super::Part;
use super::context::{Component, Context};
use super::ix::{EdgeIx, ProviderIx, SeekerIx};

/// Place seekers by taking candidate pairs in order of descending score (ties: lower seeker
/// index, then lower provider index) while the provider has seats for the whole party.
///
/// No optimality guarantee: a high-scoring pair can take the seat two lower pairs needed. It
/// is the baseline the exact solvers are compared against. Returns, for each seeker, the
/// chosen edge, and the number of pairs examined. A party takes its `seats`
/// ([`crate::model::Seeker::seats_taken`]) of the provider's capacity. Locks are not applied here; the `Greedy`
/// solver of [`super::solve`] applies them.
///
/// # Complexity
/// `O(E log E)` time for the sort, `O(E)` extra space.
#[must_use]
pub fn greedy(instance: &Instance, graph: &CandidateGraph) -> (Vec<Option<usize>>, u64) {
    let component = Component {
        seekers: SeekerIx::range(instance.seekers.len()).collect(),
        providers: ProviderIx::range(instance.providers.len()).collect(),
        closed: Vec::new(),
    };
    let host_limit = instance.host_limits();
    let seats: Vec<u32> = instance.providers.iter().map(|p| p.capacity).collect();
    let mut chosen = vec![None; instance.seekers.len()];
    let examined = place(
        instance,
        graph,
        &host_limit,
        &component,
        &component.seekers,
        seats,
        &mut |s, e| {
            chosen[s] = Some(e.get());
        },
    );
    (chosen, examined)
}

/// Greedy over one component, with its locked seekers placed first.
pub(crate) fn solve_component(context: &Context<'_>, component: &Component) -> Part {
    let (instance, graph) = (context.instance, context.graph);
    let locked = context.after_locks(component);
    let mut part = Part {
        chosen: locked.chosen,
        ..Part::default()
    };
    let mut chosen = Vec::new();
    part.iterations = place(
        instance,
        graph,
        &context.host_limit,
        component,
        &locked.free,
        locked.seats,
        &mut |s, e| chosen.push((s, e)),
    );
    part.chosen.extend(chosen);
    part
}

/// Place `seekers` of `component` greedily into `seats` (one entry per provider of the
/// component); `take(seeker, edge)` records each placement. A provider whose host already
/// runs `max_events` others (`host_limit`, per instance provider) takes nobody. Returns the
/// pairs examined.
fn place(
    instance: &Instance,
    graph: &CandidateGraph,
    host_limit: &[Option<(usize, u32)>],
    component: &Component,
    seekers: &[SeekerIx],
    mut seats: Vec<u32>,
    take: &mut dyn FnMut(SeekerIx, EdgeIx),
) -> u64 {
    // Edges are numbered by seeker, then provider: sorting (score descending, edge) is the
    // order above. Each entry carries what the loop needs (seeker position, local provider,
    // party size), so the loop streams through memory instead of visiting the graph.
    let mut order: Vec<(u64, EdgeIx, u32, u32, u32)> = Vec::new();
    for (i, &s) in seekers.iter().enumerate() {
        let size = instance.seekers[s].seats_taken();
        for e in graph.edge_range(s.get()).map(EdgeIx::new) {
            let c = graph.candidates_by_edge(e.get());
            let p = component.provider(ProviderIx::from(c.provider)) as u32;
            order.push((descending_key(c.score), e, i as u32, p, size));
        }
    }
    order.sort_unstable();
    let mut placed = vec![false; seekers.len()];
    // Providers taking place (locked seekers took seats of some), and events per host.
    let limit = |p: usize| host_limit[component.providers[p]];
    let mut open: Vec<bool> = (0..seats.len())
        .map(|p| {
            !component.closed.contains(&(p as u32))
                && seats[p] < instance.providers[component.providers[p]].capacity
        })
        .collect();
    let mut events: std::collections::HashMap<usize, u32> = std::collections::HashMap::new();
    for p in (0..seats.len()).filter(|&p| open[p]) {
        if let Some((h, _)) = limit(p) {
            *events.entry(h).or_default() += 1;
        }
    }
    for &(_, e, i, p, size) in &order {
        let (i, p) = (i as usize, p as usize);
        if placed[i] || seats[p] < size {
            continue;
        }
        if !open[p] {
            if let Some((h, max)) = limit(p) {
                let n = events.entry(h).or_default();
                if *n >= max {
                    continue;
                }
                *n += 1;
            }
            open[p] = true;
        }
        seats[p] -= size;
        placed[i] = true;
        take(seekers[i], e);
    }
    order.len() as u64
}

/// A key whose ascending order is `score`'s descending [`f64::total_cmp`] order.
pub(crate) fn descending_key(score: f64) -> u64 {
    let bits = score.to_bits();
    // Flip the sign bit of positives and every bit of negatives: ascending total order.
    let ascending = if bits >> 63 == 0 {
        bits | 1 << 63
    } else {
        !bits
    };
    !ascending
}

#[cfg(test)]
mod tests {
    use super::descending_key;

    #[test]
    fn descending_key_orders_like_total_cmp_reversed() {
        let values = [
            f64::NEG_INFINITY,
            -1e300,
            -2.5,
            -0.0,
            0.0,
            1e-300,
            0.1,
            2.5,
            1e300,
            f64::INFINITY,
        ];
        for a in values {
            for b in values {
                assert_eq!(
                    descending_key(a).cmp(&descending_key(b)),
                    b.total_cmp(&a),
                    "{a} vs {b}"
                );
            }
        }
    }
}
