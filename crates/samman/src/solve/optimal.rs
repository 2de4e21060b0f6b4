//! The optimal solver: the candidate graph as a capacitated b-matching (each seeker at most
//! one provider, each provider at most its seats), solved as a min-cost flow by
//! [`crate::algo::bmatching`].
//!
//! With parties of one person the flow is the whole problem and the result is optimal. A party
//! of several people must not be split, which no flow can say: seats are then flow units, a
//! party of `k` sends `k` units each worth a `k`-th of its score (the *seat relaxation*, an
//! upper bound), parties the relaxation places whole are fixed, the rest re-solved, and what
//! is left placed greedily into the remaining seats.

use crate::algo::bmatching::{self, Problem, Solution};

use super::context::{Component, Context};
use super::{Objective, Part, SolveError};

/// Rounds of fixing whole parties and re-solving before the greedy completion.
const MAX_ROUNDS: usize = 8;

/// The largest party the seat relaxation models (one arc per person and provider). Larger
/// parties (not seen in the programmes, where a party is a household) would make the network
/// grow with the party size, so a component with one is placed by the greedy completion alone
/// and reports no bound.
const MAX_RELAXED_PARTY: u32 = 64;

/// Solve one component.
pub(crate) fn solve_component(
    context: &Context<'_>,
    component: &Component,
) -> Result<Part, SolveError> {
    let (instance, graph) = (context.instance, context.graph);
    let mut seats: Vec<u32> = component
        .providers
        .iter()
        .map(|&p| instance.providers[p as usize].capacity)
        .collect();
    let mut part = Part::default();
    let mut base = 0.0;
    let mut free: Vec<u32> = Vec::new();
    for &s in &component.seekers {
        match context.locked[s as usize] {
            Some(e) => {
                let p = component.provider(graph.candidates_by_edge(e).provider);
                seats[p] = seats[p].saturating_sub(context.size(s as usize));
                part.chosen.push((s, e));
                base += value(context, s, e);
            }
            None => free.push(s),
        }
    }
    let placed = seat_flow(context, component, &free, &mut seats, &mut part, base)?;
    part.chosen.extend(placed);
    Ok(part)
}

/// What placing seeker `s` on edge `e` adds to the objective.
fn value(context: &Context<'_>, s: u32, e: usize) -> f64 {
    match context.options.objective {
        Objective::MaxScore => context.weight(e),
        Objective::MaxPlaced => f64::from(context.size(s as usize)),
    }
}

/// Place `free` seekers into `seats` by the seat relaxation with rounding; sets the part's
/// bound (`base` plus the first relaxation's value) and iterations.
pub(crate) fn seat_flow(
    context: &Context<'_>,
    component: &Component,
    free: &[u32],
    seats: &mut [u32],
    part: &mut Part,
    base: f64,
) -> Result<Vec<(u32, usize)>, SolveError> {
    let graph = context.graph;
    let mut placed: Vec<(u32, usize)> = Vec::new();
    let mut fixed = vec![false; free.len()];
    // Positions in `free` still to be decided by the flow.
    let mut open: Vec<usize> = (0..free.len()).collect();
    if free
        .iter()
        .any(|&s| context.size(s as usize) > MAX_RELAXED_PARTY)
    {
        open.clear();
    }
    for round in 0..MAX_ROUNDS {
        if open.is_empty() {
            break;
        }
        let seekers: Vec<u32> = open.iter().map(|&i| free[i]).collect();
        let (solution, edge_of_arc) = relaxation(context, component, &seekers, seats)?;
        part.iterations += u64::from(solution.stats.phases);
        if round == 0 {
            let relaxed = match context.options.objective {
                Objective::MaxScore => solution.total_weight,
                Objective::MaxPlaced => solution.edges.len() as f64,
            };
            part.bound = Some(base + relaxed);
        }
        // Units each seeker sends, by graph edge; arcs of one seeker are contiguous.
        let mut units: Vec<(usize, usize, u32)> = Vec::new(); // (left, edge, units)
        for &arc in &solution.edges {
            let (left, e) = edge_of_arc[arc];
            match units.last_mut() {
                Some((l, last, n)) if *l == left && *last == e => *n += 1,
                _ => units.push((left, e, 1)),
            }
        }
        let mut progress = false;
        let mut next: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < units.len() {
            let left = units[i].0;
            let mut j = i;
            while j < units.len() && units[j].0 == left {
                j += 1;
            }
            let s = seekers[left];
            let size = context.size(s as usize);
            let whole = j - i == 1 && units[i].2 == size;
            if whole {
                let e = units[i].1;
                let p = component.provider(graph.candidates_by_edge(e).provider);
                seats[p] -= size;
                placed.push((s, e));
                fixed[open[left]] = true;
                progress = true;
            } else {
                next.push(open[left]);
            }
            i = j;
        }
        open = next;
        if !progress {
            break;
        }
    }
    // Complete greedily: the most valuable parties first, each on its best edge that fits.
    let mut rest: Vec<(u32, f64)> = free
        .iter()
        .zip(&fixed)
        .filter(|(_, f)| !**f)
        .map(|(&s, _)| {
            let best = graph
                .edge_range(s as usize)
                .map(|e| context.weight(e))
                .fold(f64::NEG_INFINITY, f64::max);
            (s, best)
        })
        .collect();
    let by_people = context.options.objective == Objective::MaxPlaced;
    rest.sort_by(|a, b| {
        let size = |s: u32| context.size(s as usize);
        let first = if by_people {
            size(b.0).cmp(&size(a.0))
        } else {
            std::cmp::Ordering::Equal
        };
        first.then(b.1.total_cmp(&a.1)).then(a.0.cmp(&b.0))
    });
    for (s, _) in rest {
        let size = context.size(s as usize);
        let best = graph
            .edge_range(s as usize)
            .filter(|&e| {
                let p = component.provider(graph.candidates_by_edge(e).provider);
                seats[p] >= size && (by_people || context.weight(e) > 0.0)
            })
            .max_by(|&a, &b| {
                context
                    .weight(a)
                    .total_cmp(&context.weight(b))
                    .then(b.cmp(&a))
            });
        if let Some(e) = best {
            let p = component.provider(graph.candidates_by_edge(e).provider);
            seats[p] -= size;
            placed.push((s, e));
        }
    }
    Ok(placed)
}

/// The seat relaxation of placing `seekers` into `seats`: a party of `k` is a left node of
/// capacity `k` with `k` parallel arcs to each provider that has `k` seats left, each arc worth
/// a `k`-th of the pair's weight. With parties of one this is the exact problem. Returns the
/// solution and, per arc, (position in `seekers`, graph edge).
fn relaxation(
    context: &Context<'_>,
    component: &Component,
    seekers: &[u32],
    seats: &[u32],
) -> Result<(Solution, Vec<(usize, usize)>), SolveError> {
    let graph = context.graph;
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut weight = Vec::new();
    let mut edge_of_arc = Vec::new();
    let mut left_capacity = Vec::with_capacity(seekers.len());
    for (i, &s) in seekers.iter().enumerate() {
        let size = context.size(s as usize);
        left_capacity.push(size);
        for e in graph.edge_range(s as usize) {
            let p = component.provider(graph.candidates_by_edge(e).provider);
            if seats[p] < size {
                continue;
            }
            let w = context.weight(e) / f64::from(size);
            for _ in 0..size {
                left.push(i as u32);
                right.push(p as u32);
                weight.push(w);
                edge_of_arc.push((i, e));
            }
        }
    }
    let all_single = left_capacity.iter().all(|&k| k == 1);
    let problem = Problem {
        n_left: seekers.len(),
        n_right: seats.len(),
        left: &left,
        right: &right,
        weight: &weight,
        left_capacity: if all_single {
            None
        } else {
            Some(&left_capacity)
        },
        right_capacity: Some(seats),
    };
    let objective = match context.options.objective {
        Objective::MaxScore => bmatching::Objective::MaxWeight,
        Objective::MaxPlaced => bmatching::Objective::MaxCardinality,
    };
    let solution = bmatching::solve(&problem, objective)?;
    Ok((solution, edge_of_arc))
}
