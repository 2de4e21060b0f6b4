//! The stable solver: deferred acceptance (Gale-Shapley; Roth's hospitals/residents) where
//! providers have seats and a party takes as many seats as it has people.
//!
//! Preferences are each side's own lists where given (`seeker.preferences`,
//! `provider.preferences`), otherwise the pairs' scores, best first, ties broken by a hash of
//! the seed and the pair. Either way only feasible pairs count, and a pair is acceptable only
//! when each side lists the other.
//!
//! A keep-together set proposes as one party: its seats are its members' summed, it may go only
//! to providers every member may join, it ranks them by its members' weights summed (or by the
//! first member with a list, over providers every member with a list names), and a provider
//! ranks it by the same sum (or, with a list, where its last-listed member stands).
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

/// Both sides' preferences over the acceptable pairs of one component. The proposers are the
/// component's units: a keep-together set proposes as one party (its seats summed), a seeker
/// outside any set alone. Indices are local: units in order of their first seeker, providers
/// by position in the component.
struct Preferences {
    /// Per unit, its seekers (positions in the component), ascending.
    members: Vec<Vec<u32>>,
    /// Per unit, (provider, edge of its first member) most preferred first.
    unit_list: Vec<Vec<(u32, usize)>>,
    /// Per unit, (provider, rank) sorted by provider.
    unit_rank: Vec<Vec<(u32, u32)>>,
    /// Per provider, units most preferred first.
    provider_list: Vec<Vec<u32>>,
    /// Per provider, (unit, rank) sorted by unit.
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

/// The units of a component: positions of seekers placed together or not at all, in order of
/// their first seeker.
fn units_of(context: &Context<'_>, component: &Component) -> Vec<Vec<u32>> {
    let mut index: HashMap<u32, usize> = HashMap::new();
    let mut members: Vec<Vec<u32>> = Vec::new();
    for (i, &s) in component.seekers.iter().enumerate() {
        let unit = context.unit_of[s as usize];
        let k = *index.entry(unit).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[k].push(i as u32);
    }
    members
}

impl Preferences {
    #[allow(clippy::too_many_lines)]
    fn build(context: &Context<'_>, component: &Component) -> Self {
        let (instance, graph) = (context.instance, context.graph);
        let seed = context.options.seed;
        let n_p = component.providers.len();
        let members = units_of(context, component);
        let global = |i: u32| component.seekers[i as usize];
        // Each unit's own order over the providers acceptable to all its members, with the
        // weight the providers rank it by (the members' weights summed).
        let mut unit_order: Vec<Vec<(u32, usize)>> = Vec::with_capacity(members.len());
        let mut by_provider: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n_p];
        for (u, unit) in members.iter().enumerate() {
            let first = global(unit[0]);
            // (provider, edge of the first member, weight of the unit).
            let mut options: Vec<(u32, usize, f64)> = Vec::new();
            for e in graph.edge_range(first as usize) {
                let p = graph.candidates_by_edge(e).provider;
                let mut weight = context.weight(e);
                let shared = unit[1..].iter().all(|&i| {
                    context
                        .edge(global(i) as usize, p as usize)
                        .is_some_and(|f| {
                            weight += context.weight(f);
                            true
                        })
                });
                if shared {
                    options.push((p, e, weight));
                }
            }
            // (local provider, edge of the first member, weight of the unit).
            let mut order: Vec<(u32, usize, f64)> = Vec::new();
            let listed: Vec<&crate::model::Seeker> = unit
                .iter()
                .map(|&i| &instance.seekers[global(i) as usize])
                .filter(|seeker| !seeker.preferences.is_empty())
                .collect();
            if listed.is_empty() {
                // By weight, best first; ties by a hash of the seed and the pair.
                let mut keyed: Vec<(u64, u64, u32, usize, f64)> = options
                    .iter()
                    .map(|&(p, e, w)| {
                        let key = super::greedy::descending_key(w);
                        (key, mix(seed, u64::from(first), u64::from(p)), p, e, w)
                    })
                    .collect();
                keyed.sort_unstable_by_key(|a| (a.0, a.1, a.2, a.3));
                order.extend(
                    keyed
                        .into_iter()
                        .map(|(_, _, p, e, w)| (component.provider(p) as u32, e, w)),
                );
            } else {
                // The first listing member's order, over providers every listing member lists.
                for id in &listed[0].preferences {
                    let Some(&p) = context.provider_ix.get(id.as_str()) else {
                        continue;
                    };
                    let everyone = listed[1..]
                        .iter()
                        .all(|seeker| seeker.preferences.iter().any(|q| q == id));
                    let Some(&(_, e, w)) = options.iter().find(|o| o.0 == p) else {
                        continue;
                    };
                    let local = component.provider(p) as u32;
                    if everyone && !order.iter().any(|&(q, _, _)| q == local) {
                        order.push((local, e, w));
                    }
                }
            }
            for &(p, _, weight) in &order {
                by_provider[p as usize].push((u as u32, weight));
            }
            unit_order.push(order.into_iter().map(|(p, e, _)| (p, e)).collect());
        }
        let mut provider_list: Vec<Vec<u32>> = Vec::with_capacity(n_p);
        for (j, &p) in component.providers.iter().enumerate() {
            let provider = &instance.providers[p as usize];
            let candidates = &by_provider[j];
            let list: Vec<u32> = if provider.preferences.is_empty() {
                let mut keyed: Vec<(u64, u64, u32)> = candidates
                    .iter()
                    .map(|&(u, w)| {
                        let first = global(members[u as usize][0]);
                        (
                            super::greedy::descending_key(w),
                            mix(!seed, u64::from(p), u64::from(first)),
                            u,
                        )
                    })
                    .collect();
                keyed.sort_unstable();
                keyed.into_iter().map(|(_, _, u)| u).collect()
            } else {
                // A unit ranks where its last-listed member does; unlisted members leave it out.
                let mut position: HashMap<u32, usize> = HashMap::new();
                for (rank, id) in provider.preferences.iter().enumerate() {
                    if let Some(&s) = context.seeker_ix.get(id.as_str()) {
                        position.entry(s).or_insert(rank);
                    }
                }
                let mut keyed: Vec<(usize, u32)> = candidates
                    .iter()
                    .filter_map(|&(u, _)| {
                        members[u as usize]
                            .iter()
                            .map(|&i| position.get(&global(i)).copied())
                            .try_fold(0, |worst, rank| Some(worst.max(rank?)))
                            .map(|rank| (rank, u))
                    })
                    .collect();
                keyed.sort_unstable();
                keyed.into_iter().map(|(_, u)| u).collect()
            };
            provider_list.push(list);
        }
        let provider_rank: Vec<Vec<(u32, u32)>> = provider_list
            .iter()
            .map(|list| ranks(list.iter().copied()))
            .collect();
        // Acceptable: each side lists the other.
        let unit_list: Vec<Vec<(u32, usize)>> = unit_order
            .into_iter()
            .enumerate()
            .map(|(u, order)| {
                order
                    .into_iter()
                    .filter(|&(p, _)| rank_in(&provider_rank[p as usize], u as u32).is_some())
                    .collect()
            })
            .collect();
        let unit_rank: Vec<Vec<(u32, u32)>> = unit_list
            .iter()
            .map(|list| ranks(list.iter().map(|&(p, _)| p)))
            .collect();
        let provider_list: Vec<Vec<u32>> = provider_list
            .into_iter()
            .enumerate()
            .map(|(j, list)| {
                list.into_iter()
                    .filter(|&u| rank_in(&unit_rank[u as usize], j as u32).is_some())
                    .collect()
            })
            .collect();
        let provider_rank = provider_list
            .iter()
            .map(|list| ranks(list.iter().copied()))
            .collect();
        Self {
            members,
            unit_list,
            unit_rank,
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
    // A unit with a locked member is locked whole (the context checked that).
    let mut free = vec![true; prefs.members.len()];
    for (u, unit) in prefs.members.iter().enumerate() {
        for &i in unit {
            let s = component.seekers[i as usize];
            if let Some(e) = context.locked[s as usize] {
                let p = component.provider(graph.candidates_by_edge(e).provider);
                seats[p] = seats[p].saturating_sub(context.size(s as usize));
                part.chosen.push((s, e));
                free[u] = false;
            }
        }
    }
    let unit_size: Vec<u32> = prefs
        .members
        .iter()
        .map(|unit| {
            unit.iter()
                .map(|&i| context.size(component.seekers[i as usize] as usize))
                .sum()
        })
        .collect();
    let size = |u: u32| unit_size[u as usize];
    let (held, iterations) = match context.options.proposing {
        Proposing::Seekers => seekers_propose(&prefs, &seats, &free, &size),
        Proposing::Providers => providers_propose(&prefs, &seats, &free, &size),
    };
    part.iterations = iterations;
    for (u, place) in held.into_iter().enumerate() {
        let Some(p) = place else { continue };
        let provider = component.providers[p as usize] as usize;
        for &i in &prefs.members[u] {
            let s = component.seekers[i as usize];
            let e = context
                .edge(s as usize, provider)
                .expect("a unit is only held by a provider every member may join");
            part.chosen.push((s, e));
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
    let n = prefs.unit_list.len();
    let mut next = vec![0usize; n];
    let mut held: Vec<Vec<u32>> = vec![Vec::new(); seats.len()];
    let mut used = vec![0u32; seats.len()];
    let mut place: Vec<Option<u32>> = vec![None; n];
    let mut queue: Vec<u32> = (0..n as u32).rev().filter(|&i| free[i as usize]).collect();
    let mut proposals = 0u64;
    while let Some(i) = queue.pop() {
        let list = &prefs.unit_list[i as usize];
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
    let mut place: Vec<Option<u32>> = vec![None; prefs.unit_list.len()];
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
            let rank = rank_in(&prefs.unit_rank[i as usize], p);
            let better = match place[i as usize] {
                None => true,
                Some(q) => rank < rank_in(&prefs.unit_rank[i as usize], q),
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
/// A keep-together set counts as one party: it blocks with a provider when the whole set
/// would, and then each member is listed with that provider. Locked seekers are never part of
/// a blocking pair. Sorted by seeker, then provider.
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
        // A unit is placed where all its members are; members placed apart from their unit
        // hold seats that no one can claim from them.
        let unit_place: Vec<Option<u32>> = prefs
            .members
            .iter()
            .map(|unit| {
                let first = local_place[unit[0] as usize];
                unit.iter()
                    .all(|&i| local_place[i as usize] == first)
                    .then_some(first)
                    .flatten()
            })
            .collect();
        let seats_of = |i: u32| u64::from(context.size(component.seekers[i as usize] as usize));
        let mut occupants: Vec<Vec<u32>> = vec![Vec::new(); component.providers.len()];
        let mut stuck = vec![0u64; component.providers.len()];
        for (u, unit) in prefs.members.iter().enumerate() {
            match unit_place[u] {
                Some(j) => occupants[j as usize].push(u as u32),
                None => {
                    for &i in unit {
                        if let Some(j) = local_place[i as usize] {
                            stuck[j as usize] += seats_of(i);
                        }
                    }
                }
            }
        }
        let size = |u: u32| -> u64 { prefs.members[u as usize].iter().map(|&i| seats_of(i)).sum() };
        let locked = |u: u32| {
            prefs.members[u as usize]
                .iter()
                .any(|&i| context.locked[component.seekers[i as usize] as usize].is_some())
        };
        for (u, list) in prefs.unit_list.iter().enumerate() {
            if locked(u as u32) {
                continue;
            }
            for &(p, _) in list {
                if unit_place[u] == Some(p) {
                    break; // everything further down the list is liked less
                }
                let pj = p as usize;
                let capacity = instance.providers[component.providers[pj] as usize].capacity;
                let my_rank = rank_in(&prefs.provider_rank[pj], u as u32);
                let mut room = u64::from(capacity).saturating_sub(stuck[pj]);
                for &m in &occupants[pj] {
                    let other = rank_in(&prefs.provider_rank[pj], m);
                    // An unlisted occupant (placed by another solver) is liked least.
                    let liked_less = other.is_none_or(|r| my_rank.is_some_and(|mine| mine < r));
                    if locked(m) || !liked_less {
                        room = room.saturating_sub(size(m));
                    }
                }
                if room >= size(u as u32) {
                    for &i in &prefs.members[u] {
                        pairs.push(BlockingPair {
                            seeker: instance.seekers[component.seekers[i as usize] as usize]
                                .id
                                .clone(),
                            provider: instance.providers[component.providers[pj] as usize]
                                .id
                                .clone(),
                        });
                    }
                }
            }
        }
    }
    pairs.sort();
    Ok(pairs)
}
