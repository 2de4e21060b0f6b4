//! The safety net every solver goes through: a solver's choice of edges turned into a plan
//! that breaks no group rule, in phases (locks, rounds of repair of group rules, hosts'
//! events, keep-together, re-offers), and the reason of every seeker left unplaced.

use std::collections::BTreeMap;

use super::context::Context;
use super::ix::{EdgeIx, ProviderIx, SeekerIx};
use super::{Options, SolveError, excluded_by_rule, hosts};
use crate::graph::CandidateGraph;
use crate::model::Instance;
use crate::plan::{Cancelled, Match, Plan, Reason, SolveStats, Unplaced};
use crate::rules::{GroupRule, Rules, group_violations, keep_together_violations};

/// Turn a solver's choice (for each seeker, the graph edge it is placed on) into a plan that
/// breaks no group rule: the safety net every solver goes through.
///
/// Locked seekers (`constraints.locked` and `options.locked`) are placed where their lock
/// says whatever `chosen` holds. Gender-party, keep-apart and capacity conflicts at a provider
/// drop the lower-scoring parties; a provider whose group then misses its minimum or its
/// composition is cancelled (one with locked seekers is first offered unplaced seekers that
/// mend its group); a keep-together set split over providers is unplaced whole. Dropped
/// seekers are then offered, best score first, to providers that take place and stay within
/// every rule with them. Unplaced seekers get their reason.
///
/// # Errors
/// [`SolveError::Lock`] for a lock that breaks a hard rule; [`SolveError::LockedGroup`] when
/// locked seekers form a group that no seeker can mend.
pub fn finalize(
    instance: &Instance,
    graph: &CandidateGraph,
    chosen: &[Option<usize>],
    options: &Options,
) -> Result<Plan, SolveError> {
    let context = Context::new(instance, graph, options)?;
    let chosen: Vec<Option<EdgeIx>> = chosen.iter().map(|e| e.map(EdgeIx::new)).collect();
    finalize_in(&context, &chosen)
}

/// [`finalize`] with the context already prepared: the phases in order.
pub(super) fn finalize_in(
    context: &Context<'_>,
    chosen: &[Option<EdgeIx>],
) -> Result<Plan, SolveError> {
    let n_seekers = context.instance.seekers.len();
    let mut edge_of = with_locks(context, chosen);
    let mut blocked_by: Vec<Vec<GroupRule>> = vec![Vec::new(); n_seekers];
    let mut cancelled: BTreeMap<usize, Vec<GroupRule>> = BTreeMap::new();

    // Rounds of repair: each round removes what breaks a rule, then re-offers the removed.
    // After a few rounds nothing is re-offered, so removals alone run until no rule breaks.
    for round in 0.. {
        let mut removed =
            drop_group_conflicts(context, &mut edge_of, &mut blocked_by, &mut cancelled)?;
        if !context.instance.hosts.is_empty() {
            close_surplus_hosts(
                context,
                &mut edge_of,
                &mut blocked_by,
                &mut cancelled,
                &mut removed,
            )?;
        }
        unplace_split_sets(context, &mut edge_of, &mut blocked_by, &mut removed);
        if removed.is_empty() {
            break;
        }
        if round >= 4 {
            continue;
        }
        reoffer(context, &mut edge_of, removed);
    }

    if !context.instance.hosts.is_empty() {
        host_closed(context, &edge_of, &mut blocked_by, &mut cancelled);
    }
    Ok(assignment(context, &edge_of, &blocked_by, cancelled))
}

/// Each seeker's edge: the solver's choice, or for a locked seeker its lock's.
fn with_locks(context: &Context<'_>, chosen: &[Option<EdgeIx>]) -> Vec<Option<EdgeIx>> {
    let mut edge_of: Vec<Option<EdgeIx>> = chosen.to_vec();
    edge_of.resize(context.instance.seekers.len(), None);
    for (s, lock) in context.locked.iter().enumerate() {
        if lock.is_some() {
            edge_of[s] = *lock;
        }
    }
    edge_of
}

/// Each seeker's provider, from its edge (plain indices, as the rules take them).
fn provider_of(context: &Context<'_>, edge_of: &[Option<EdgeIx>]) -> Vec<Option<usize>> {
    edge_of
        .iter()
        .map(|e| e.map(|e| context.provider_of(e).get()))
        .collect()
}

/// The seekers placed with each provider.
fn members_of(context: &Context<'_>, edge_of: &[Option<EdgeIx>]) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); context.instance.providers.len()];
    for (s, p) in provider_of(context, edge_of).iter().enumerate() {
        if let Some(p) = p {
            members[*p].push(s);
        }
    }
    members
}

/// Group rules, provider by provider: drop the lowest-scoring parties while a conflict remains
/// (locked parties stay), mend a group of locked seekers that breaks a rule, and cancel a
/// provider whose group still breaks one. Returns the seekers removed.
///
/// # Errors
/// [`SolveError::LockedGroup`] when locked seekers form a group that no seeker can mend.
fn drop_group_conflicts(
    context: &Context<'_>,
    edge_of: &mut [Option<EdgeIx>],
    blocked_by: &mut [Vec<GroupRule>],
    cancelled: &mut BTreeMap<usize, Vec<GroupRule>>,
) -> Result<Vec<usize>, SolveError> {
    let instance = context.instance;
    let is_locked = |s: usize| context.locked[s].is_some();
    let mut members = members_of(context, edge_of);
    let mut removed: Vec<usize> = Vec::new();
    for (p, group) in members.iter_mut().enumerate() {
        let mut group = std::mem::take(group);
        if group.is_empty() {
            continue;
        }
        // Locked parties first, then by score; drop the lowest while a conflict remains.
        group.sort_by(|&a, &b| {
            is_locked(b)
                .cmp(&is_locked(a))
                .then(
                    score_of(context, edge_of, SeekerIx::new(b)).total_cmp(&score_of(
                        context,
                        edge_of,
                        SeekerIx::new(a),
                    )),
                )
                .then(a.cmp(&b))
        });
        let mut kept: Vec<usize> = Vec::new();
        for &s in &group {
            kept.push(s);
            if is_locked(s) {
                continue;
            }
            let broken = group_violations(instance, p, &kept);
            if broken.iter().any(GroupRule::is_conflict) {
                kept.pop();
                blocked_by[s] = broken;
                removed.push(s);
            }
        }
        let mut broken = group_violations(instance, p, &kept);
        if !broken.is_empty() && kept.iter().any(|&s| is_locked(s)) {
            broken = mend_locked_group(context, ProviderIx::new(p), &mut kept, edge_of);
            if !broken.is_empty() {
                return Err(SolveError::LockedGroup {
                    provider: instance.providers[p].id.clone(),
                    rules: broken,
                });
            }
        }
        if broken.is_empty() {
            cancelled.remove(&p);
        } else {
            for &s in &kept {
                blocked_by[s] = broken.clone();
                removed.push(s);
            }
            cancelled.insert(p, broken);
        }
    }
    for s in &removed {
        edge_of[*s] = None;
    }
    Ok(removed)
}

/// Hosts with alternative dates: providers beyond the host's `max_events` do not take place
/// (the least valuable first), and say so. Adds the seekers removed to `removed`.
///
/// # Errors
/// [`SolveError::LockedGroup`] when locked seekers alone make a host run more than its
/// `max_events`.
fn close_surplus_hosts(
    context: &Context<'_>,
    edge_of: &mut [Option<EdgeIx>],
    blocked_by: &mut [Vec<GroupRule>],
    cancelled: &mut BTreeMap<usize, Vec<GroupRule>>,
    removed: &mut Vec<usize>,
) -> Result<(), SolveError> {
    let instance = context.instance;
    let is_locked = |s: usize| context.locked[s].is_some();
    let mut at: BTreeMap<usize, (bool, f64)> = BTreeMap::new();
    for (s, e) in edge_of.iter().enumerate() {
        if let Some(e) = e {
            let entry = at
                .entry(context.provider_of(*e).get())
                .or_insert((false, 0.0));
            entry.0 |= is_locked(s);
            entry.1 += context.weight(*e);
        }
    }
    let taking_place: Vec<(usize, bool, f64)> =
        at.into_iter().map(|(p, (l, w))| (p, l, w)).collect();
    let surplus = hosts::surplus(|p| context.host_limit[p], &taking_place);
    for &p in &surplus {
        let host = instance.providers[p]
            .host
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        let rule = vec![GroupRule::HostEvents { host }];
        for s in 0..instance.seekers.len() {
            if edge_of[s].is_some_and(|e| context.provider_of(e).get() == p) {
                edge_of[s] = None;
                blocked_by[s] = rule.clone();
                removed.push(s);
            }
        }
        cancelled.insert(p, rule);
    }
    if let Some(&(p, _, _)) = taking_place.iter().find(|&&(p, locked, _)| {
        locked && {
            let (h, max) = context.host_limit[p].unwrap_or((usize::MAX, u32::MAX));
            taking_place
                .iter()
                .filter(|&&(q, l, _)| l && context.host_limit[q].is_some_and(|(g, _)| g == h))
                .count()
                > max as usize
        }
    }) {
        return Err(SolveError::LockedGroup {
            provider: instance.providers[p].id.clone(),
            rules: vec![GroupRule::HostEvents {
                host: instance.providers[p]
                    .host
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            }],
        });
    }
    Ok(())
}

/// Keep-together: the unlocked members of a set split over providers are unplaced. Adds them
/// to `removed`.
fn unplace_split_sets(
    context: &Context<'_>,
    edge_of: &mut [Option<EdgeIx>],
    blocked_by: &mut [Vec<GroupRule>],
    removed: &mut Vec<usize>,
) {
    let instance = context.instance;
    for set in keep_together_violations(instance, &provider_of(context, edge_of)) {
        for id in &instance.constraints.keep_together[set] {
            if let Some(s) = instance.seekers.iter().position(|x| &x.id == id) {
                if context.locked[s].is_none() && edge_of[s].is_some() {
                    edge_of[s] = None;
                    blocked_by[s] = vec![GroupRule::KeepTogether];
                    removed.push(s);
                }
            }
        }
    }
}

/// Offer the removed seekers, each alone in its unit, to providers that take place and stay
/// within the rules with them, best score first.
fn reoffer(context: &Context<'_>, edge_of: &mut [Option<EdgeIx>], mut removed: Vec<usize>) {
    let instance = context.instance;
    let mut members = members_of(context, edge_of);
    removed.sort_unstable();
    removed.dedup();
    for s in removed.into_iter().map(SeekerIx::new) {
        if context.unit(s).len() > 1 {
            continue;
        }
        let mut options: Vec<EdgeIx> = context
            .edges(s)
            .filter(|&e| !members[context.provider_of(e)].is_empty())
            .collect();
        options.sort_by(|&a, &b| {
            context
                .candidate(b)
                .score
                .total_cmp(&context.candidate(a).score)
                .then(a.cmp(&b))
        });
        for e in options {
            let p = context.provider_of(e);
            if context.sibling_conflict(s, p, edge_of) {
                continue;
            }
            members[p].push(s.get());
            if group_violations(instance, p.get(), &members[p]).is_empty() {
                edge_of[s] = Some(e);
                break;
            }
            members[p].pop();
        }
    }
}

/// The plan: the matches, and each unplaced seeker with its reason (no feasible provider and
/// which rules exclude them, a group rule, or every feasible seat taken).
fn assignment(
    context: &Context<'_>,
    edge_of: &[Option<EdgeIx>],
    blocked_by: &[Vec<GroupRule>],
    cancelled: BTreeMap<usize, Vec<GroupRule>>,
) -> Plan {
    let (instance, graph, options) = (context.instance, context.graph, context.options);
    // Why each seeker with no feasible provider has none: which rules exclude which providers.
    let isolated: Vec<usize> = (0..instance.seekers.len())
        .filter(|&s| edge_of[s].is_none() && graph.edge_range(s).is_empty())
        .collect();
    let mut isolated = if isolated.is_empty() {
        Vec::new()
    } else {
        excluded_by_rule(&Rules::new(instance, graph.time_zone()), &isolated)
    }
    .into_iter();
    let mut matches = Vec::new();
    let mut unplaced = Vec::new();
    let (mut total_score, mut people_placed) = (0.0, 0u64);
    for (s, seeker) in instance.seekers.iter().enumerate() {
        match edge_of[s] {
            Some(e) => {
                let c = context.candidate(e);
                total_score += c.score;
                people_placed += u64::from(seeker.party_size);
                matches.push(Match {
                    seeker: seeker.id.clone(),
                    provider: instance.providers[c.provider as usize].id.clone(),
                    seats: seeker.seats_taken(),
                    score: c.score,
                    breakdown: c.breakdown,
                });
            }
            None => {
                let feasible = graph.edge_range(s).len();
                let reason = if feasible == 0 {
                    let (excluded, only) = isolated
                        .next()
                        .expect("every isolated unplaced seeker was explained, in seeker order");
                    Reason::NoFeasibleProvider { excluded, only }
                } else if !blocked_by[s].is_empty() {
                    Reason::Group {
                        rules: blocked_by[s].clone(),
                    }
                } else {
                    Reason::SeatsTaken { feasible }
                };
                unplaced.push(Unplaced {
                    seeker: seeker.id.clone(),
                    reason,
                });
            }
        }
    }
    Plan {
        solver: options.solver,
        objective: options.objective,
        matches,
        unplaced,
        cancelled: cancelled
            .into_iter()
            .map(|(p, rules)| Cancelled {
                provider: instance.providers[p].id.clone(),
                rules,
            })
            .collect(),
        total_score,
        people_placed,
        stats: SolveStats::default(),
        moves: Vec::new(),
        solver_choice: None,
    }
}

/// Providers that do not take place because their host already runs `max_events` others
/// (solvers close them before finalize sees them): each one that an unplaced seeker could
/// have joined is reported cancelled under the `host_events` rule, and an unplaced seeker
/// with such a provider among its feasible ones (the rest full or in the way of another rule)
/// has that rule as its reason: opening it is what would place them.
fn host_closed(
    context: &Context<'_>,
    edge_of: &[Option<EdgeIx>],
    blocked_by: &mut [Vec<GroupRule>],
    cancelled: &mut BTreeMap<usize, Vec<GroupRule>>,
) {
    let instance = context.instance;
    let mut taking_place = vec![false; instance.providers.len()];
    for e in edge_of.iter().flatten() {
        taking_place[context.provider_of(*e).get()] = true;
    }
    let mut running = vec![0u32; instance.hosts.len()];
    for (p, limit) in context.host_limit.iter().enumerate() {
        if let (Some((h, _)), true) = (limit, taking_place[p]) {
            running[*h] += 1;
        }
    }
    let closed = |p: usize| -> Option<GroupRule> {
        let (h, max) = context.host_limit[p]?;
        (!taking_place[p] && running[h] >= max).then(|| GroupRule::HostEvents {
            host: instance.hosts[h].id.to_string(),
        })
    };
    for s in SeekerIx::range(instance.seekers.len()) {
        if edge_of[s].is_some() || context.edges(s).len() == 0 {
            continue;
        }
        let mut first_closed = None;
        for e in context.edges(s) {
            let p = context.provider_of(e).get();
            if let Some(rule) = closed(p) {
                cancelled.entry(p).or_insert_with(|| vec![rule.clone()]);
                first_closed.get_or_insert(rule);
            }
        }
        if let (Some(rule), true) = (first_closed, blocked_by[s].is_empty()) {
            blocked_by[s] = vec![rule];
        }
    }
}

/// Add unplaced seekers, best score first, to a provider whose locked seekers alone break a
/// group rule, until its group keeps every rule. Returns the rules still broken (empty when
/// mended); `kept` and `edge_of` gain the seekers added.
fn mend_locked_group(
    context: &Context<'_>,
    p: ProviderIx,
    kept: &mut Vec<usize>,
    edge_of: &mut [Option<EdgeIx>],
) -> Vec<GroupRule> {
    let instance = context.instance;
    let mut offers: Vec<(SeekerIx, EdgeIx)> = SeekerIx::range(instance.seekers.len())
        .filter(|&s| edge_of[s].is_none() && context.unit(s).len() == 1)
        .filter_map(|s| context.edge(s, p).map(|e| (s, e)))
        .collect();
    offers.sort_by(|a, b| {
        context
            .candidate(b.1)
            .score
            .total_cmp(&context.candidate(a.1).score)
            .then(a.0.cmp(&b.0))
    });
    let mut broken = group_violations(instance, p.get(), kept);
    for (s, e) in offers {
        if broken.is_empty() {
            break;
        }
        if context.sibling_conflict(s, p, edge_of) {
            continue;
        }
        kept.push(s.get());
        let now = group_violations(instance, p.get(), kept);
        if now.iter().any(GroupRule::is_conflict) {
            kept.pop();
        } else {
            edge_of[s] = Some(e);
            broken = now;
        }
    }
    broken
}

/// The score of seeker `s` where it is placed, or minus infinity when it is not.
pub(super) fn score_of(context: &Context<'_>, edge_of: &[Option<EdgeIx>], s: SeekerIx) -> f64 {
    edge_of[s].map_or(f64::NEG_INFINITY, |e| context.candidate(e).score)
}
