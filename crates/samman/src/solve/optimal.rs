//! The optimal solver: the candidate graph as a capacitated b-matching (each seeker at most
//! one provider, each provider at most its seats), solved as a min-cost flow by
//! [`crate::algo::bmatching`].
//!
//! A seeker who wants several providers (`seeker.wants`, its copies) is one left node taking a
//! party's seats at up to as many providers as it wants, with one arc of the party's seats to
//! each: the flow never gives it one provider twice, and with parties of one it is exact.
//!
//! With parties of one person the flow is the whole problem and the result is optimal. A party
//! of several people must not be split, which no flow can say: seats are then flow units, a
//! party of `k` sends `k` units each worth a `k`-th of its score (the *seat relaxation*, an
//! upper bound), parties the relaxation places whole are fixed, the rest re-solved, and what
//! is left placed greedily into the remaining seats. A party's seats are its `seats` (a project
//! group of five may take one slot of a coach's caseload); the most-people objective counts
//! its people.

use crate::algo::bmatching::{self, Problem};

use super::context::{Component, Context};
use super::ix::{EdgeIx, ProviderIx, SeekerIx};
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
    let mut locked = context.after_locks(component);
    let base = locked
        .chosen
        .iter()
        .map(|&(s, e)| value(context, s, e))
        .sum();
    let mut part = Part {
        chosen: locked.chosen,
        ..Part::default()
    };
    let placed = seat_flow(
        context,
        component,
        &locked.free,
        &mut locked.seats,
        &mut part,
        base,
    )?;
    part.chosen.extend(placed);
    Ok(part)
}

/// What placing seeker `s` on edge `e` adds to the objective.
fn value(context: &Context<'_>, s: SeekerIx, e: EdgeIx) -> f64 {
    match context.options.objective {
        Objective::MaxScore => context.weight(e),
        Objective::MaxPlaced => f64::from(context.people(s)),
    }
}

/// A party as the flow sees it: a keep-together set (or a seeker outside any), with its seats
/// and the providers every member may join.
struct Party {
    /// Its seekers (instance indices), ascending.
    members: Vec<SeekerIx>,
    /// Seats it takes.
    size: u32,
    /// People in it (the most-people objective counts them; seats may differ).
    people: u32,
    /// (provider position in the component, edge of the first member, summed weight of the
    /// members), by provider.
    options: Vec<(usize, EdgeIx, f64)>,
    /// Providers it takes, each at most once: the copies of a seeker who wants several
    /// (`members`, one placed with each provider; `size`, `people` and the weights are one
    /// copy's), 1 for any other party.
    copies: u32,
}

/// The parties of `free` seekers: each keep-together set whose members are all free, in order
/// of its first seeker, and each seeker outside any set.
fn parties(context: &Context<'_>, component: &Component, free: &[SeekerIx]) -> Vec<Party> {
    let is_free: std::collections::HashSet<SeekerIx> = free.iter().copied().collect();
    let mut parties = Vec::new();
    let mut seen_units = std::collections::HashSet::new();
    let mut seen_copies = std::collections::HashSet::new();
    for &s in free {
        let unit = context.unit(s);
        if let Some(party) = copies_party(context, component, s, &is_free, &mut seen_copies) {
            parties.extend(party);
            continue;
        }
        if unit.len() > 1
            && (!seen_units.insert(context.unit_of[s]) || !unit.iter().all(|m| is_free.contains(m)))
        {
            continue;
        }
        let options = context
            .shared_options(unit)
            .into_iter()
            .map(|(p, e, weight)| (component.provider(p), e, weight))
            .collect();
        parties.push(Party {
            members: unit.to_vec(),
            // Saturating: a set of more people than any provider seats fits nowhere.
            size: unit
                .iter()
                .fold(0u32, |seats, &m| seats.saturating_add(context.size(m))),
            people: unit
                .iter()
                .fold(0u32, |people, &m| people.saturating_add(context.people(m))),
            options,
            copies: 1,
        });
    }
    parties
}

/// For a copy `s` of a seeker who wants several providers (alone in its unit): the party of
/// its free copies alone in their units, once (`Some(None)` for the later copies), with the
/// providers of its locked copies left out; `None` for any other seeker. In the flow it is one
/// left node taking a seat at up to as many providers as it has copies: never the same provider
/// twice, as the seeker wants.
fn copies_party(
    context: &Context<'_>,
    component: &Component,
    s: SeekerIx,
    is_free: &std::collections::HashSet<SeekerIx>,
    seen: &mut std::collections::HashSet<usize>,
) -> Option<Option<Party>> {
    let copies = context.copies?;
    let siblings = copies.siblings(s.get());
    if siblings.len() < 2 || context.unit(s).len() > 1 {
        return None;
    }
    if !seen.insert(siblings.start) {
        return Some(None);
    }
    let members: Vec<SeekerIx> = siblings
        .clone()
        .map(SeekerIx::new)
        .filter(|&m| is_free.contains(&m) && context.unit(m).len() == 1)
        .collect();
    let taken: Vec<ProviderIx> = siblings
        .filter_map(|t| context.locked[t].map(|e| context.provider_of(e)))
        .collect();
    let first = members[0];
    // A copy's weight at a provider differs from its siblings' only by the move cost kept
    // where the provider was one of the seeker's in the previous plan: the best copy counts.
    let options = context
        .shared_options(&[first])
        .into_iter()
        .filter(|(p, _, _)| !taken.contains(p))
        .map(|(p, e, _)| {
            let weight = members
                .iter()
                .filter_map(|&m| context.edge(m, p))
                .map(|e| context.weight(e))
                .fold(f64::NEG_INFINITY, f64::max);
            (component.provider(p), e, weight)
        })
        .collect();
    Some(Some(Party {
        copies: members.len() as u32,
        size: context.size(first),
        people: context.people(first),
        members,
        options,
    }))
}

/// Every member of `party` placed with the provider of `option`; of a seeker's copies, one
/// not yet placed (`placed_copies`), the one that had the provider in the previous plan if
/// any.
fn place_party(
    context: &Context<'_>,
    component: &Component,
    party: &Party,
    option: usize,
    placed_copies: &mut Vec<SeekerIx>,
    placed: &mut Vec<(SeekerIx, EdgeIx)>,
) {
    let (p, e, _) = party.options[option];
    let provider = component.providers[p];
    if party.copies > 1 {
        let free = party.members.iter().filter(|m| !placed_copies.contains(m));
        let m = *free
            .clone()
            .find(|&&m| context.previous[m] == Some(provider))
            .or_else(|| free.clone().next())
            .expect("a party of copies places at most one copy per copy");
        let edge = context
            .edge(m, provider)
            .expect("a seeker's copies have the same feasible providers");
        placed.push((m, edge));
        placed_copies.push(m);
        return;
    }
    placed.push((party.members[0], e));
    for &m in &party.members[1..] {
        let edge = context
            .edge(m, provider)
            .expect("a party's options are feasible for every member");
        placed.push((m, edge));
    }
}

/// Place `free` seekers into `seats` by the seat relaxation with rounding; sets the part's
/// bound (`base` plus the first relaxation's value) and iterations. A keep-together set whose
/// members are all free is placed as one party; sets with a locked member are the caller's.
fn seat_flow(
    context: &Context<'_>,
    component: &Component,
    free: &[SeekerIx],
    seats: &mut [u32],
    part: &mut Part,
    base: f64,
) -> Result<Vec<(SeekerIx, EdgeIx)>, SolveError> {
    let parties = parties(context, component, free);
    let mut placed: Vec<(SeekerIx, EdgeIx)> = Vec::new();
    let mut fixed = vec![false; parties.len()];
    // Parties still to be decided by the flow.
    let mut open: Vec<usize> = (0..parties.len()).collect();
    if parties.iter().any(|party| party.size > MAX_RELAXED_PARTY) {
        open.clear();
    }
    for round in 0..MAX_ROUNDS {
        if open.is_empty() {
            break;
        }
        let (units, relaxed, phases) = relaxation(context, &parties, &open, seats)?;
        part.iterations += u64::from(phases);
        if round == 0 {
            part.bound = Some(base + relaxed);
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
            let party = &parties[open[left]];
            let arcs = &units[i..j];
            // Whole: each arc a party's seats, at most one per copy it has.
            if arcs.len() <= party.copies as usize && arcs.iter().all(|a| a.2 == party.size) {
                let mut copies = Vec::new();
                for arc in arcs {
                    seats[party.options[arc.1].0] -= party.size;
                    place_party(context, component, party, arc.1, &mut copies, &mut placed);
                }
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
    // Complete greedily: the most valuable parties first, each on its best option that fits.
    let best_value = |party: &Party| {
        party
            .options
            .iter()
            .map(|o| o.2)
            .fold(f64::NEG_INFINITY, f64::max)
    };
    let mut rest: Vec<usize> = (0..parties.len()).filter(|&k| !fixed[k]).collect();
    let by_people = context.options.objective == Objective::MaxPlaced;
    rest.sort_by(|&a, &b| {
        let (pa, pb) = (&parties[a], &parties[b]);
        let first = if by_people {
            pb.people.cmp(&pa.people)
        } else {
            std::cmp::Ordering::Equal
        };
        first
            .then(best_value(pb).total_cmp(&best_value(pa)))
            .then(pa.members[0].cmp(&pb.members[0]))
    });
    for k in rest {
        let party = &parties[k];
        let mut used: Vec<usize> = Vec::new();
        let mut copies = Vec::new();
        for _ in 0..party.copies {
            let best = (0..party.options.len())
                .filter(|&o| {
                    let (p, _, w) = party.options[o];
                    seats[p] >= party.size && (by_people || w > 0.0) && !used.contains(&o)
                })
                .max_by(|&a, &b| {
                    party.options[a]
                        .2
                        .total_cmp(&party.options[b].2)
                        .then(party.options[b].1.cmp(&party.options[a].1))
                });
            let Some(option) = best else { break };
            seats[party.options[option].0] -= party.size;
            place_party(context, component, party, option, &mut copies, &mut placed);
            used.push(option);
        }
    }
    Ok(placed)
}

/// A seat relaxation solved: per arc that carries flow (position in `open`, option of the
/// party, units), its value, and the flow solver's refinements.
type Relaxed = (Vec<(usize, usize, u32)>, f64, u32);

/// The seat relaxation of placing the `open` parties into `seats`: a party of `k` seats is a
/// left node of capacity `k` with an arc of capacity `k` to each provider that has `k` seats
/// left, each unit worth a `k`-th of the party's weight there (the same as `k` parallel unit
/// arcs). With parties of one this is the exact problem. Returns, per arc that carries flow,
/// (position in `open`, option of the party, units), and the relaxation's value.
fn relaxation(
    context: &Context<'_>,
    parties: &[Party],
    open: &[usize],
    seats: &[u32],
) -> Result<Relaxed, SolveError> {
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut weight = Vec::new();
    let mut capacity = Vec::new();
    let mut arc_of = Vec::new();
    let mut left_capacity = Vec::with_capacity(open.len());
    // People per seat of each arc's party, for the most-people objective.
    let mut people_per_seat = Vec::new();
    // Most people with parties whose seats are not their people: the count of flow units is
    // not the count of people, so each unit is worth its party's people per seat, and the
    // score breaks ties (scaled by `tie` so that all of it is worth less than one person).
    let by_people = context.options.objective == Objective::MaxPlaced
        && open.iter().any(|&k| parties[k].people != parties[k].size);
    let tie = 1.0
        / (1.0
            + open
                .iter()
                .map(|&k| {
                    parties[k]
                        .options
                        .iter()
                        .map(|o| o.2.abs())
                        .fold(0.0, f64::max)
                })
                .sum::<f64>());
    for (i, &k) in open.iter().enumerate() {
        let party = &parties[k];
        let size = party.size;
        // A seeker's copies take a party's seats at each of up to `copies` providers.
        left_capacity.push(size * party.copies);
        for (option, &(p, _, w)) in party.options.iter().enumerate() {
            if seats[p] < size {
                continue;
            }
            left.push(i as u32);
            right.push(p as u32);
            let per_seat = f64::from(party.people) / f64::from(size);
            weight.push(if by_people {
                per_seat + tie * w / f64::from(size)
            } else {
                w / f64::from(size)
            });
            people_per_seat.push(per_seat);
            capacity.push(size);
            arc_of.push((i, option));
        }
    }
    let all_single = left_capacity.iter().all(|&k| k == 1);
    let problem = Problem {
        n_left: open.len(),
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
        Objective::MaxPlaced if !by_people => bmatching::Objective::MaxCardinality,
        _ => bmatching::Objective::MaxWeight,
    };
    let (flows, stats) = if all_single {
        let solution = bmatching::solve(&problem, objective)?;
        (
            solution.edges.iter().map(|&e| (e, 1)).collect(),
            solution.stats,
        )
    } else {
        bmatching::solve_with_edge_capacity(&problem, &capacity, objective)?
    };
    let value = match context.options.objective {
        Objective::MaxScore => flows
            .iter()
            .map(|&(e, units)| weight[e] * f64::from(units))
            .sum(),
        Objective::MaxPlaced => flows
            .iter()
            .map(|&(e, units)| people_per_seat[e] * f64::from(units))
            .sum(),
    };
    let flows = flows
        .into_iter()
        .map(|(e, units)| (arc_of[e].0, arc_of[e].1, units))
        .collect();
    Ok((flows, value, stats.phases))
}
