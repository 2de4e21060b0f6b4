//! The stable solver: deferred acceptance (Gale-Shapley; Roth's hospitals/residents) where
//! providers have seats and a party takes as many seats as it has people.
//!
//! Preferences are each side's own lists where given (`seeker.preferences`,
//! `provider.preferences`), otherwise the pairs' scores, best first, ties broken by a hash of
//! the seed and the pair. Either way only feasible pairs count, and a pair is acceptable only
//! when each side lists the other.
//!
//! With parties of one person this is the textbook algorithm: the plan is stable, and the
//! proposing side gets its best stable plan. With larger parties a stable plan need not
//! exist; a provider over its seats rejects its least preferred parties until the rest fit,
//! and [`blocking_pairs`] says which pairs, if any, would still rather be together.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::graph::CandidateGraph;
use crate::model::{Instance, ProviderId, SeekerId};

use super::context::{Component, Context, mix};
use super::{Assignment, Options, Part, Proposing, SolveError};

/// A seeker and a provider who would both rather be together than with whom the plan places
/// them (the provider has the seats, or would give up only parties it likes less).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct BlockingPair {
    /// The seeker.
    pub seeker: SeekerId,
    /// The provider.
    pub provider: ProviderId,
}

/// Both sides' preferences over the acceptable pairs of one component, by local index.
struct Preferences {
    /// Per seeker, (provider, edge) most preferred first.
    seeker_list: Vec<Vec<(u32, usize)>>,
    /// Per seeker, (provider, rank) sorted by provider.
    seeker_rank: Vec<Vec<(u32, u32)>>,
    /// Per provider, seekers most preferred first.
    provider_list: Vec<Vec<u32>>,
    /// Per provider, (seeker, rank) sorted by seeker.
    provider_rank: Vec<Vec<(u32, u32)>>,
}

fn rank_in(list: &[(u32, u32)], key: u32) -> Option<u32> {
    list.binary_search_by_key(&key, |&(k, _)| k)
        .ok()
        .map(|i| list[i].1)
}

fn ranks(list: impl Iterator<Item = u32>) -> Vec<(u32, u32)> {
    let mut ranked: Vec<(u32, u32)> = list.enumerate().map(|(r, k)| (k, r as u32)).collect();
    ranked.sort_unstable();
    ranked
}

impl Preferences {
    fn build(context: &Context<'_>, component: &Component) -> Self {
        let (instance, graph) = (context.instance, context.graph);
        let seed = context.options.seed;
        let (n_s, n_p) = (component.seekers.len(), component.providers.len());
        // Each side's own order over its feasible pairs.
        let mut seeker_order: Vec<Vec<(u32, usize)>> = Vec::with_capacity(n_s);
        let mut by_provider: Vec<Vec<(u32, usize)>> = vec![Vec::new(); n_p];
        for (i, &s) in component.seekers.iter().enumerate() {
            let seeker = &instance.seekers[s as usize];
            let mut order: Vec<(u32, usize)> = Vec::new();
            if seeker.preferences.is_empty() {
                let mut edges: Vec<usize> = graph.edge_range(s as usize).collect();
                edges.sort_by(|&a, &b| {
                    let (pa, pb) = (
                        graph.candidates_by_edge(a).provider,
                        graph.candidates_by_edge(b).provider,
                    );
                    context
                        .weight(b)
                        .total_cmp(&context.weight(a))
                        .then(mix(seed, u64::from(s), u64::from(pa)).cmp(&mix(
                            seed,
                            u64::from(s),
                            u64::from(pb),
                        )))
                        .then(pa.cmp(&pb))
                });
                order.extend(edges.into_iter().map(|e| {
                    let p = component.provider(graph.candidates_by_edge(e).provider);
                    (p as u32, e)
                }));
            } else {
                for id in &seeker.preferences {
                    let Some(&p) = context.provider_ix.get(id.as_str()) else {
                        continue;
                    };
                    if let Some(e) = context.edge(s as usize, p as usize) {
                        let local = component.provider(p) as u32;
                        if !order.iter().any(|&(q, _)| q == local) {
                            order.push((local, e));
                        }
                    }
                }
            }
            for &(p, e) in &order {
                by_provider[p as usize].push((i as u32, e));
            }
            seeker_order.push(order);
        }
        let mut provider_list: Vec<Vec<u32>> = Vec::with_capacity(n_p);
        for (j, &p) in component.providers.iter().enumerate() {
            let provider = &instance.providers[p as usize];
            let candidates = &mut by_provider[j];
            let list: Vec<u32> = if provider.preferences.is_empty() {
                candidates.sort_by(|&(a, ea), &(b, eb)| {
                    let (sa, sb) = (component.seekers[a as usize], component.seekers[b as usize]);
                    context
                        .weight(eb)
                        .total_cmp(&context.weight(ea))
                        .then(mix(!seed, u64::from(p), u64::from(sa)).cmp(&mix(
                            !seed,
                            u64::from(p),
                            u64::from(sb),
                        )))
                        .then(a.cmp(&b))
                });
                candidates.iter().map(|&(i, _)| i).collect()
            } else {
                let listed: Vec<u32> = candidates.iter().map(|&(i, _)| i).collect();
                let mut sorted = listed.clone();
                sorted.sort_unstable();
                let mut list = Vec::new();
                for id in &provider.preferences {
                    let Some(&s) = context.seeker_ix.get(id.as_str()) else {
                        continue;
                    };
                    let Ok(i) = component.seekers.binary_search(&s) else {
                        continue;
                    };
                    if sorted.binary_search(&(i as u32)).is_ok() && !list.contains(&(i as u32)) {
                        list.push(i as u32);
                    }
                }
                list
            };
            provider_list.push(list);
        }
        let provider_rank: Vec<Vec<(u32, u32)>> = provider_list
            .iter()
            .map(|list| ranks(list.iter().copied()))
            .collect();
        // Acceptable: each side lists the other.
        let seeker_list: Vec<Vec<(u32, usize)>> = seeker_order
            .into_iter()
            .enumerate()
            .map(|(i, order)| {
                order
                    .into_iter()
                    .filter(|&(p, _)| rank_in(&provider_rank[p as usize], i as u32).is_some())
                    .collect()
            })
            .collect();
        let seeker_rank: Vec<Vec<(u32, u32)>> = seeker_list
            .iter()
            .map(|list| ranks(list.iter().map(|&(p, _)| p)))
            .collect();
        let provider_list: Vec<Vec<u32>> = provider_list
            .into_iter()
            .enumerate()
            .map(|(j, list)| {
                list.into_iter()
                    .filter(|&i| rank_in(&seeker_rank[i as usize], j as u32).is_some())
                    .collect()
            })
            .collect();
        let provider_rank = provider_list
            .iter()
            .map(|list| ranks(list.iter().copied()))
            .collect();
        Self {
            seeker_list,
            seeker_rank,
            provider_list,
            provider_rank,
        }
    }
}

/// Deferred acceptance on one component, locked seekers placed first.
pub(crate) fn solve_component(context: &Context<'_>, component: &Component) -> Part {
    let (instance, graph) = (context.instance, context.graph);
    let prefs = Preferences::build(context, component);
    let mut seats: Vec<u32> = component
        .providers
        .iter()
        .map(|&p| instance.providers[p as usize].capacity)
        .collect();
    let mut part = Part::default();
    let mut free = vec![true; component.seekers.len()];
    for (i, &s) in component.seekers.iter().enumerate() {
        if let Some(e) = context.locked[s as usize] {
            let p = component.provider(graph.candidates_by_edge(e).provider);
            seats[p] = seats[p].saturating_sub(context.size(s as usize));
            part.chosen.push((s, e));
            free[i] = false;
        }
    }
    let size = |i: u32| context.size(component.seekers[i as usize] as usize);
    let (held, iterations) = match context.options.proposing {
        Proposing::Seekers => seekers_propose(&prefs, &seats, &free, &size),
        Proposing::Providers => providers_propose(&prefs, &seats, &free, &size),
    };
    part.iterations = iterations;
    for (i, place) in held.into_iter().enumerate() {
        if let Some(p) = place {
            let e = prefs.seeker_list[i]
                .iter()
                .find(|&&(q, _)| q == p)
                .map(|&(_, e)| e)
                .expect("a seeker is only held by a provider it listed");
            part.chosen.push((component.seekers[i], e));
        }
    }
    part
}

/// Seeker-proposing deferred acceptance with seats: each free seeker proposes to the next
/// provider on its list; a provider holds its proposers and, while over its seats, rejects
/// the one it likes least. Returns each seeker's provider and the proposals made.
fn seekers_propose(
    prefs: &Preferences,
    seats: &[u32],
    free: &[bool],
    size: &dyn Fn(u32) -> u32,
) -> (Vec<Option<u32>>, u64) {
    let n = prefs.seeker_list.len();
    let mut next = vec![0usize; n];
    let mut held: Vec<Vec<u32>> = vec![Vec::new(); seats.len()];
    let mut used = vec![0u32; seats.len()];
    let mut place: Vec<Option<u32>> = vec![None; n];
    let mut queue: Vec<u32> = (0..n as u32).rev().filter(|&i| free[i as usize]).collect();
    let mut proposals = 0u64;
    while let Some(i) = queue.pop() {
        let list = &prefs.seeker_list[i as usize];
        let k = size(i);
        // The next provider with enough seats at all.
        let Some(&(p, _)) = list[next[i as usize]..]
            .iter()
            .find(|&&(p, _)| seats[p as usize] >= k)
        else {
            next[i as usize] = list.len();
            continue;
        };
        next[i as usize] = list
            .iter()
            .position(|&(q, _)| q == p)
            .expect("found in the list")
            + 1;
        proposals += 1;
        let pj = p as usize;
        held[pj].push(i);
        used[pj] += k;
        place[i as usize] = Some(p);
        while used[pj] > seats[pj] {
            let (at, &worst) = held[pj]
                .iter()
                .enumerate()
                .max_by_key(|&(_, &w)| rank_in(&prefs.provider_rank[pj], w))
                .expect("a provider over its seats holds someone");
            held[pj].swap_remove(at);
            used[pj] -= size(worst);
            place[worst as usize] = None;
            queue.push(worst);
        }
    }
    (place, proposals)
}

/// Provider-proposing deferred acceptance with seats: a provider with free seats offers them
/// to the next seekers on its list whose party fits; a seeker keeps the offer it likes best.
fn providers_propose(
    prefs: &Preferences,
    seats: &[u32],
    free: &[bool],
    size: &dyn Fn(u32) -> u32,
) -> (Vec<Option<u32>>, u64) {
    let n_p = seats.len();
    let mut next = vec![0usize; n_p];
    let mut left: Vec<u32> = seats.to_vec();
    let mut place: Vec<Option<u32>> = vec![None; prefs.seeker_list.len()];
    let mut queue: Vec<u32> = (0..n_p as u32).rev().collect();
    let mut queued = vec![true; n_p];
    let mut offers = 0u64;
    while let Some(p) = queue.pop() {
        let pj = p as usize;
        queued[pj] = false;
        while left[pj] > 0 && next[pj] < prefs.provider_list[pj].len() {
            let i = prefs.provider_list[pj][next[pj]];
            next[pj] += 1;
            let k = size(i);
            if !free[i as usize] || k > left[pj] {
                continue;
            }
            offers += 1;
            let rank = rank_in(&prefs.seeker_rank[i as usize], p);
            let better = match place[i as usize] {
                None => true,
                Some(q) => rank < rank_in(&prefs.seeker_rank[i as usize], q),
            };
            if better {
                if let Some(q) = place[i as usize] {
                    left[q as usize] += k;
                    if !queued[q as usize] {
                        queued[q as usize] = true;
                        queue.push(q);
                    }
                }
                place[i as usize] = Some(p);
                left[pj] -= k;
            }
        }
    }
    (place, offers)
}

/// The blocking pairs of a plan under the preferences the stable solver uses with `options`
/// (the same seed): a seeker and a provider who list each other, the seeker unplaced or
/// placed with a provider it likes less, and the provider with enough seats free, counting the
/// seats of parties it likes less than the seeker (locked parties never give up their seats).
/// Locked seekers are never part of a blocking pair. Sorted by seeker, then provider.
///
/// # Errors
/// As [`super::solve_graph`] for invalid locks, scores or options.
pub fn blocking_pairs(
    instance: &Instance,
    graph: &CandidateGraph,
    plan: &Assignment,
    options: &Options,
) -> Result<Vec<BlockingPair>, SolveError> {
    let context = Context::new(instance, graph, options)?;
    let placed: HashMap<&str, u32> = plan
        .matches
        .iter()
        .filter_map(|m| {
            Some((
                m.seeker.as_str(),
                *context.provider_ix.get(m.provider.as_str())?,
            ))
        })
        .collect();
    let mut pairs = Vec::new();
    for component in context.components() {
        let prefs = Preferences::build(&context, &component);
        let local_place: Vec<Option<u32>> = component
            .seekers
            .iter()
            .map(|&s| {
                placed
                    .get(instance.seekers[s as usize].id.as_str())
                    .and_then(|p| component.providers.binary_search(p).ok())
                    .map(|j| j as u32)
            })
            .collect();
        let mut members: Vec<Vec<u32>> = vec![Vec::new(); component.providers.len()];
        for (i, place) in local_place.iter().enumerate() {
            if let Some(j) = place {
                members[*j as usize].push(i as u32);
            }
        }
        let size = |i: u32| context.size(component.seekers[i as usize] as usize);
        let locked = |i: u32| context.locked[component.seekers[i as usize] as usize].is_some();
        for (i, list) in prefs.seeker_list.iter().enumerate() {
            if locked(i as u32) {
                continue;
            }
            for &(p, _) in list {
                if local_place[i] == Some(p) {
                    break; // everything further down the list is liked less
                }
                let pj = p as usize;
                let capacity = instance.providers[component.providers[pj] as usize].capacity;
                let my_rank = rank_in(&prefs.provider_rank[pj], i as u32);
                let mut room = u64::from(capacity);
                for &m in &members[pj] {
                    let other = rank_in(&prefs.provider_rank[pj], m);
                    // An unlisted member (placed by another solver) is liked least.
                    let liked_less = other.is_none_or(|r| my_rank.is_some_and(|mine| mine < r));
                    if locked(m) || !liked_less {
                        room = room.saturating_sub(u64::from(size(m)));
                    }
                }
                if room >= u64::from(size(i as u32)) {
                    pairs.push(BlockingPair {
                        seeker: instance.seekers[component.seekers[i] as usize].id.clone(),
                        provider: instance.providers[component.providers[pj] as usize]
                            .id
                            .clone(),
                    });
                }
            }
        }
    }
    pairs.sort();
    Ok(pairs)
}
