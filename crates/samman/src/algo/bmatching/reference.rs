//! A slow, simple, exact reference solver: successive shortest paths with Bellman-Ford
//! (queue-based), one augmenting path at a time.
//!
//! It solves the same scaled integer problem as [`solve`](super::solve), so on any input the
//! two return the same objective (the same number of edges and, up to the documented weight
//! resolution, the same total weight). Use it to test the fast solver, not in production.

use std::collections::VecDeque;

use super::cost::Cost;
use super::network::{NO_ARC, Network};
use super::{Error, Objective, Problem, Scaled, Solution, Stats, Weight};

/// Solves `problem` exactly by successive shortest paths.
///
/// Same arguments, result and errors as [`solve`](super::solve).
///
/// # Complexity
/// `O(F · n · m)` time for `F` units of flow, `n` nodes and `m` edges; `O(n + m)` extra space.
///
/// # Example
/// ```
/// use samman::algo::bmatching::{Objective, Problem, reference};
///
/// let problem = Problem {
///     n_left: 2,
///     n_right: 1,
///     left: &[0, 1],
///     right: &[0, 0],
///     weight: &[1.0, 2.0],
///     left_capacity: None,
///     right_capacity: None,
/// };
/// let solution = reference::solve(&problem, Objective::MaxWeight)?;
/// assert_eq!(solution.edges, vec![1]);
/// # Ok::<(), samman::algo::bmatching::Error>(())
/// ```
///
/// # References
/// Ahuja, Magnanti and Orlin, *Network Flows* (1993), §9.7.
pub fn solve<W: Weight>(problem: &Problem<'_, W>, objective: Objective) -> Result<Solution, Error> {
    let prepared = super::prepare(problem, objective)?;
    let (edges, augmentations) = match &prepared.scaled {
        Scaled::Narrow(scaled) => shortest_paths(problem, objective, scaled),
        Scaled::Wide(scaled) => shortest_paths(problem, objective, scaled),
    };
    Ok(Solution {
        total_weight: super::weight::total(problem.weight, &edges),
        edges,
        stats: Stats {
            algorithm: "successive-shortest-paths",
            weight_scale: prepared.scale,
            phases: augmentations,
            ..Stats::default()
        },
    })
}

/// Augments along shortest paths on integer weights `scaled`; returns the chosen edges and the
/// number of augmenting paths.
fn shortest_paths<W, C: Cost>(
    problem: &Problem<'_, W>,
    objective: Objective,
    scaled: &[C],
) -> (Vec<usize>, u32) {
    let mut net = Network::build(problem, objective, scaled, C::from_i64(1), false, None);
    let n = net.node_count();
    let (s, t) = (net.source as usize, net.sink as usize);
    let mut distance = vec![C::MAX; n];
    let mut via = vec![NO_ARC; n];
    let mut queued = vec![false; n];
    let mut queue = VecDeque::new();
    let mut augmentations = 0u32;
    loop {
        distance.fill(C::MAX);
        via.fill(NO_ARC);
        distance[s] = C::default();
        queue.push_back(s);
        queued[s] = true;
        while let Some(v) = queue.pop_front() {
            queued[v] = false;
            for a in net.first[v] as usize..net.first[v + 1] as usize {
                let arc = net.arcs[a];
                let w = arc.head as usize;
                if arc.residual > 0 && distance[v] + arc.cost < distance[w] {
                    distance[w] = distance[v] + arc.cost;
                    via[w] = a as u32;
                    if !queued[w] {
                        queued[w] = true;
                        queue.push_back(w);
                    }
                }
            }
        }
        let worth_it = match objective {
            Objective::MaxWeight => distance[t] < C::default(),
            Objective::MaxCardinality => distance[t] < C::MAX,
        };
        if !worth_it {
            break;
        }
        let mut w = t;
        while w != s {
            let a = via[w] as usize;
            net.push(a, 1);
            w = net.arcs[net.rev[a] as usize].head as usize;
        }
        augmentations += 1;
    }
    (net.chosen_edges(), augmentations)
}
