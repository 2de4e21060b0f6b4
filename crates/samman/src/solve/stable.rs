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

use crate::parallel::prelude::*;

use crate::algo::{self, stable::Market};
use crate::graph::CandidateGraph;
use crate::model::Instance;
use crate::plan::{Pair, Plan};

use super::context::{Component, Context, mix};
use super::ix::{EdgeIx, ProviderIx, SeekerIx};
use super::{Options, Part, Proposing, SolveError};

/// Both sides' preferences over the acceptable pairs of one component. The proposers are the
/// component's units: a keep-together set proposes as one party (its seats summed), a seeker
/// outside any set alone. Indices are local: units in order of their first seeker, providers
/// by position in the component.
struct Preferences {
    /// Per unit, its seekers (positions in the component), ascending.
    members: Vec<Vec<u32>>,
    /// Per unit, (provider, edge of its first member) most preferred first.
    unit_list: Vec<Vec<(u32, EdgeIx)>>,
    /// Per provider, units most preferred first.
    provider_list: Vec<Vec<u32>>,
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
        let unit = context.unit_of[s];
        let k = *index.entry(unit).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[k].push(i as u32);
    }
    members
}

impl Preferences {
    fn build(context: &Context<'_>, component: &Component) -> Self {
        let instance = context.instance;
        let n_p = component.providers.len();
        let members = units_of(context, component);
        // Each unit's own order over the providers acceptable to all its members, with the
        // weight the providers rank it by (the members' weights summed); units in parallel.
        let orders: Vec<Vec<(u32, EdgeIx, f64)>> = members
            .par_iter()
            .map(|unit| unit_order(context, component, unit))
            .collect();
        let mut by_provider: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n_p];
        for (u, order) in orders.iter().enumerate() {
            for &(p, _, weight) in order {
                by_provider[p as usize].push((u as u32, weight));
            }
        }
        let unit_order: Vec<Vec<(u32, EdgeIx)>> = orders
            .into_iter()
            .map(|order| order.into_iter().map(|(p, e, _)| (p, e)).collect())
            .collect();
        let provider_list: Vec<Vec<u32>> = by_provider
            .par_iter()
            .enumerate()
            .map(|(j, candidates)| provider_order(context, component, &members, j, candidates))
            .collect();
        // Acceptable: each side lists the other. A provider's list holds only units that list
        // it, so only units' lists need filtering, and only against providers with their own
        // list (one ranked by score lists every unit that lists it).
        let explicit: Vec<bool> = component
            .providers
            .iter()
            .map(|&p| !instance.providers[p].preferences.is_empty())
            .collect();
        let listed: Vec<Vec<(u32, u32)>> = provider_list
            .iter()
            .zip(&explicit)
            .map(|(list, &own)| {
                if own {
                    ranks(list.iter().copied())
                } else {
                    Vec::new()
                }
            })
            .collect();
        let unit_list: Vec<Vec<(u32, EdgeIx)>> = unit_order
            .into_iter()
            .enumerate()
            .map(|(u, mut order)| {
                order.retain(|&(p, _)| {
                    !explicit[p as usize] || rank_in(&listed[p as usize], u as u32).is_some()
                });
                order
            })
            .collect();
        Self {
            members,
            unit_list,
            provider_list,
        }
    }

    /// Per provider, (unit, rank) sorted by unit.
    fn provider_ranks(&self) -> Vec<Vec<(u32, u32)>> {
        self.provider_list
            .iter()
            .map(|list| ranks(list.iter().copied()))
            .collect()
    }
}

/// A unit's order over the providers every member may join: (local provider, edge of the
/// first member, the members' weights summed), most preferred first. By weight, ties by a hash
/// of the seed and the pair; or, where members have lists, the first listing member's order
/// over providers every listing member names.
fn unit_order(
    context: &Context<'_>,
    component: &Component,
    unit: &[u32],
) -> Vec<(u32, EdgeIx, f64)> {
    let instance = context.instance;
    let global = |i: u32| component.seekers[i as usize];
    let first = global(unit[0]);
    let members: Vec<SeekerIx> = unit.iter().map(|&i| global(i)).collect();
    // (provider, edge of the first member, weight of the unit).
    let options = context.shared_options(&members);
    let listed: Vec<&crate::model::Seeker> = unit
        .iter()
        .map(|&i| &instance.seekers[global(i)])
        .filter(|seeker| !seeker.preferences.is_empty())
        .collect();
    let mut order: Vec<(u32, EdgeIx, f64)> = Vec::with_capacity(options.len());
    if listed.is_empty() {
        let seed = context.options.seed;
        let mut keyed: Vec<(u64, u64, ProviderIx, EdgeIx, f64)> = options
            .iter()
            .map(|&(p, e, w)| {
                let key = super::greedy::descending_key(w);
                let hash = mix(seed, u64::from(first.raw()), u64::from(p.raw()));
                (key, hash, p, e, w)
            })
            .collect();
        keyed.sort_unstable_by_key(|a| (a.0, a.1, a.2, a.3));
        order.extend(
            keyed
                .into_iter()
                .map(|(_, _, p, e, w)| (component.provider(p) as u32, e, w)),
        );
    } else {
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
    order
}

/// Provider `j`'s order over the `candidates` (units that list it, with their weight there):
/// by weight, ties by a hash of the seed and the pair; or, with the provider's own list, where
/// each unit's last-listed member stands (a unit with an unlisted member is left out).
fn provider_order(
    context: &Context<'_>,
    component: &Component,
    members: &[Vec<u32>],
    j: usize,
    candidates: &[(u32, f64)],
) -> Vec<u32> {
    let p = component.providers[j];
    let provider = &context.instance.providers[p];
    let global = |i: u32| component.seekers[i as usize];
    if provider.preferences.is_empty() {
        let seed = context.options.seed;
        let mut keyed: Vec<(u64, u64, u32)> = candidates
            .iter()
            .map(|&(u, w)| {
                let first = global(members[u as usize][0]);
                (
                    super::greedy::descending_key(w),
                    mix(!seed, u64::from(p.raw()), u64::from(first.raw())),
                    u,
                )
            })
            .collect();
        keyed.sort_unstable();
        return keyed.into_iter().map(|(_, _, u)| u).collect();
    }
    let mut position: HashMap<SeekerIx, usize> = HashMap::new();
    for (rank, id) in provider.preferences.iter().enumerate() {
        if let Some(&s) = context.seeker_ix.get(id.as_str()) {
            position.entry(s).or_insert(rank);
        }
    }
    // Copies of a seeker who wants several providers stand where the seeker is named.
    let global = |i: u32| {
        let s = component.seekers[i as usize];
        context.copies.map_or(s, |copies| copies.first(s))
    };
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
}

/// Deferred acceptance on one component, locked seekers placed first: the component's
/// preference lists handed to [`algo::stable::deferred_acceptance`] with the seats the locks
/// leave, units as parties.
pub(crate) fn solve_component(
    context: &Context<'_>,
    component: &Component,
) -> Result<Part, SolveError> {
    let prefs = Preferences::build(context, component);
    let locked = context.after_locks(component);
    let mut part = Part {
        chosen: locked.chosen,
        ..Part::default()
    };
    // A unit with a locked member is locked whole (the context checked that): it proposes to
    // no one.
    let left_prefs: Vec<Vec<u32>> = prefs
        .members
        .iter()
        .zip(&prefs.unit_list)
        .map(|(unit, list)| {
            let is_locked = unit
                .iter()
                .any(|&i| context.locked[component.seekers[i as usize]].is_some());
            if is_locked {
                Vec::new()
            } else {
                list.iter().map(|&(p, _)| p).collect()
            }
        })
        .collect();
    let left_size: Vec<u32> = prefs
        .members
        .iter()
        .map(|unit| {
            // Saturating: a set of more people than any provider seats fits nowhere.
            unit.iter()
                .fold(0u32, |seats, &i| {
                    seats.saturating_add(context.size(component.seekers[i as usize]))
                })
                .max(1)
        })
        .collect();
    let market = Market {
        left_prefs: &left_prefs,
        right_prefs: &prefs.provider_list,
        right_capacity: Some(&locked.seats),
        left_size: Some(&left_size),
    };
    let proposing = match context.options.proposing {
        Proposing::Seekers => algo::stable::Proposing::Left,
        Proposing::Providers => algo::stable::Proposing::Right,
    };
    if let Some(copies) = context.copies {
        let lefts = Lefts::of(context, component, copies, &prefs, &left_prefs, &left_size);
        let market = Market {
            left_prefs: &lefts.prefs,
            right_prefs: &lefts.right_prefs,
            right_capacity: Some(&locked.seats),
            left_size: Some(&lefts.size),
        };
        // Never two providers whose times overlap (or the same one twice).
        let conflict = |a: u32, b: u32| {
            copies.conflict(
                component.providers[a as usize].get(),
                component.providers[b as usize].get(),
            )
        };
        let held = algo::stable::deferred_acceptance_apart(
            &market,
            &lefts.capacity,
            proposing,
            &conflict,
        )?;
        for (l, rights) in held.into_iter().enumerate() {
            for (&u, p) in lefts.units[l].iter().zip(rights) {
                let provider = component.providers[p as usize];
                let s = component.seekers[prefs.members[u as usize][0] as usize];
                if let Some(e) = context.edge(s, provider) {
                    part.chosen.push((s, e));
                }
            }
        }
        return Ok(part);
    }
    let held = algo::stable::deferred_acceptance(&market, proposing)?;
    for (u, place) in held.into_iter().enumerate() {
        let Some(p) = place else { continue };
        let provider = component.providers[p as usize];
        for &i in &prefs.members[u] {
            let s = component.seekers[i as usize];
            if let Some(e) = context.edge(s, provider) {
                part.chosen.push((s, e));
            }
        }
    }
    Ok(part)
}

/// The proposers where seekers want several providers: the units of a seeker's copies (each
/// a seeker alone) are one left, taking as many providers as it has copies not locked, and
/// proposing by the first such copy's list without the providers of its locked copies; every
/// other unit is a left of its own.
struct Lefts {
    /// Per left, its free units (the copies in order; one unit for any other left).
    units: Vec<Vec<u32>>,
    /// Per left, its list over the providers.
    prefs: Vec<Vec<u32>>,
    /// Per provider, lefts most preferred first.
    right_prefs: Vec<Vec<u32>>,
    /// Per left, seats it takes at a provider.
    size: Vec<u32>,
    /// Per left, how many providers it takes.
    capacity: Vec<u32>,
}

impl Lefts {
    fn of(
        context: &Context<'_>,
        component: &Component,
        copies: &super::wants::Copies,
        prefs: &Preferences,
        unit_prefs: &[Vec<u32>],
        unit_size: &[u32],
    ) -> Self {
        let global = |u: usize| component.seekers[prefs.members[u][0] as usize];
        let mut left_of: Vec<u32> = vec![u32::MAX; prefs.members.len()];
        let mut first_of: HashMap<usize, u32> = HashMap::new();
        let mut lefts = Lefts {
            units: Vec::new(),
            prefs: Vec::new(),
            right_prefs: Vec::new(),
            size: Vec::new(),
            capacity: Vec::new(),
        };
        let mut taken: Vec<Vec<u32>> = Vec::new();
        for (u, members) in prefs.members.iter().enumerate() {
            let s = global(u);
            let key = if members.len() == 1 && copies.siblings(s.get()).len() > 1 {
                copies.siblings(s.get()).start
            } else {
                usize::MAX - u
            };
            let l = *first_of.entry(key).or_insert_with(|| {
                lefts.units.push(Vec::new());
                lefts.prefs.push(Vec::new());
                lefts.size.push(unit_size[u]);
                lefts.capacity.push(0);
                taken.push(Vec::new());
                (lefts.units.len() - 1) as u32
            });
            left_of[u] = l;
            let l = l as usize;
            match context.locked[s] {
                // A locked copy's provider is not proposed to by its siblings.
                Some(e) => {
                    taken[l].push(component.provider(context.provider_of(e)) as u32);
                }
                None => {
                    if lefts.units[l].is_empty() {
                        lefts.prefs[l] = unit_prefs[u].clone();
                    }
                    lefts.units[l].push(u as u32);
                    lefts.capacity[l] += 1;
                }
            }
        }
        for (list, taken) in lefts.prefs.iter_mut().zip(&taken) {
            list.retain(|p| !taken.contains(p));
        }
        lefts.right_prefs = prefs
            .provider_list
            .iter()
            .map(|list| {
                let mut seen = std::collections::HashSet::new();
                list.iter()
                    .map(|&u| left_of[u as usize])
                    .filter(|&l| seen.insert(l))
                    .collect()
            })
            .collect();
        lefts
    }
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
    plan: &Plan,
    options: &Options,
) -> Result<Vec<Pair>, SolveError> {
    let context = Context::new(instance, graph, options)?;
    let placed: HashMap<&str, ProviderIx> = plan
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
        let provider_rank = prefs.provider_ranks();
        let local_place: Vec<Option<u32>> = component
            .seekers
            .iter()
            .map(|&s| {
                placed
                    .get(instance.seekers[s].id.as_str())
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
        let seats_of = |i: u32| u64::from(context.size(component.seekers[i as usize]));
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
                .any(|&i| context.locked[component.seekers[i as usize]].is_some())
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
                let capacity = instance.providers[component.providers[pj]].capacity;
                let my_rank = rank_in(&provider_rank[pj], u as u32);
                let mut room = u64::from(capacity).saturating_sub(stuck[pj]);
                for &m in &occupants[pj] {
                    let other = rank_in(&provider_rank[pj], m);
                    // An unlisted occupant (placed by another solver) is liked least.
                    let liked_less = other.is_none_or(|r| my_rank.is_some_and(|mine| mine < r));
                    if locked(m) || !liked_less {
                        room = room.saturating_sub(size(m));
                    }
                }
                if room >= size(u as u32) {
                    for &i in &prefs.members[u] {
                        pairs.push(Pair {
                            seeker: instance.seekers[component.seekers[i as usize]].id.clone(),
                            provider: instance.providers[component.providers[pj]].id.clone(),
                        });
                    }
                }
            }
        }
    }
    pairs.sort();
    Ok(pairs)
}
