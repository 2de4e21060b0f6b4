//! Several providers for one seeker (`seeker.wants`): two volunteers for one older person, a
//! participant in two workshop series.
//!
//! The solvers see a seeker who wants `k` providers as `k` *copies* of it, one per provider
//! wanted, the first under the seeker's own id. Copies never share a provider and, with the
//! time rule on, never have two providers whose times overlap ([`Copies::conflict`]); every
//! solver's choice goes through [`separate`] and then through `finalize`, which checks the
//! same. The plan is then folded back: each copy's placement is a
//! match of the seeker, and a seeker is unplaced only when no copy is placed.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::{Instance, ResolvedAvailability, SeekerId, Zone};

use super::context::Context;
use super::ix::{EdgeIx, ProviderIx, SeekerIx};
use super::{Options, SolveError};
use crate::plan::{Pair, Plan};

/// An instance with each seeker who wants several providers repeated once per provider wanted.
pub(crate) struct Copies {
    /// The instance the solvers see.
    pub instance: Instance,
    /// Per original seeker, its copies in `instance` (consecutive, the first under its id).
    copies: Vec<Range<u32>>,
    /// Per seeker of `instance`, its original seeker.
    original: Vec<u32>,
    /// Per provider, when it takes place (with the time rule on; empty otherwise).
    times: Vec<ResolvedAvailability>,
    /// The time zone of `times`.
    tz: Zone,
    /// Copy by id.
    index: HashMap<String, usize>,
}

impl Copies {
    /// The copies of `instance` and the options that name them, or none when every seeker
    /// wants one provider.
    pub fn of(instance: &Instance, options: &Options, tz: Zone) -> Option<(Copies, Options)> {
        if instance.seekers.iter().all(|s| s.wants <= 1) {
            return None;
        }
        let taken: std::collections::HashSet<&str> =
            instance.seekers.iter().map(|s| s.id.as_str()).collect();
        let mut seekers = Vec::new();
        let mut copies = Vec::with_capacity(instance.seekers.len());
        let mut original = Vec::new();
        let mut ids: HashMap<&str, Vec<SeekerId>> = HashMap::new();
        for (i, seeker) in instance.seekers.iter().enumerate() {
            let start = seekers.len() as u32;
            for j in 0..seeker.wants.max(1) {
                let mut copy = seeker.clone();
                copy.wants = 1;
                if j > 0 {
                    let mut id = format!("{}#{}", seeker.id, j + 1);
                    while taken.contains(id.as_str()) {
                        id.push('#');
                    }
                    copy.id = SeekerId::from(id.as_str());
                }
                if seeker.wants > 1 {
                    ids.entry(seeker.id.as_str())
                        .or_default()
                        .push(copy.id.clone());
                }
                seekers.push(copy);
                original.push(i as u32);
            }
            copies.push(start..seekers.len() as u32);
        }
        let all = |id: &str| -> Vec<SeekerId> {
            ids.get(id)
                .cloned()
                .unwrap_or_else(|| vec![SeekerId::from(id)])
        };
        let mut expanded = Instance {
            seekers,
            ..instance.clone()
        };
        // A provider's list names first copies only, so that ranks keep their meaning: the
        // rules and the stable solver rank every copy as its first ([`Copies::first`]).
        for provider in &mut expanded.providers {
            provider.blocked = provider
                .blocked
                .iter()
                .flat_map(|s| all(s.as_str()))
                .collect();
        }
        let history = &mut expanded.history;
        history.meetings = history
            .meetings
            .iter()
            .flat_map(|m| {
                all(m.seeker.as_str())
                    .into_iter()
                    .map(|seeker| crate::model::Meeting {
                        seeker,
                        ..m.clone()
                    })
            })
            .collect();
        history.met = history
            .met
            .iter()
            .flat_map(|met| {
                let [a, b] = &met.people;
                let bs = all(b);
                all(a).into_iter().flat_map(move |a| {
                    bs.clone().into_iter().map(move |b| crate::model::Met {
                        people: [a.to_string(), b.to_string()],
                        date: met.date,
                    })
                })
            })
            .collect();
        let constraints = &mut expanded.constraints;
        // A set kept apart keeps every copy of its members apart. A seeker's own copies are
        // kept apart by [`Copies::conflict`] (in `separate` and `finalize`), not by a set each:
        // the group rules check every set at every provider.
        constraints.keep_apart = constraints
            .keep_apart
            .iter()
            .map(|set| set.iter().flat_map(|s| all(s.as_str())).collect())
            .collect();
        // Each lock of a seeker goes to its next copy, `constraints.locked` first; validation
        // allowed at most `wants` of them, to distinct providers.
        let mut next: HashMap<String, usize> = HashMap::new();
        let mut to_copy = |lock: &Pair| -> Pair {
            let copies = all(lock.seeker.as_str());
            let j = next.entry(lock.seeker.to_string()).or_default();
            let seeker = copies.get(*j).unwrap_or(&copies[0]).clone();
            *j += 1;
            Pair {
                seeker,
                provider: lock.provider.clone(),
            }
        };
        constraints.locked = instance
            .constraints
            .locked
            .iter()
            .map(&mut to_copy)
            .collect();
        let locked = options.locked.iter().map(&mut to_copy).collect();
        // The previous plan's placements of a seeker go to its copies in order.
        let mut next: HashMap<&str, usize> = HashMap::new();
        let previous = options
            .previous
            .iter()
            .filter_map(|placement| {
                let copies = all(placement.seeker.as_str());
                let j = next.entry(placement.seeker.as_str()).or_default();
                *j += 1;
                copies.get(*j - 1).map(|seeker| Pair {
                    seeker: seeker.clone(),
                    provider: placement.provider.clone(),
                })
            })
            .collect();
        let times = if instance.policy.rules.time {
            instance
                .providers
                .iter()
                .map(|p| ResolvedAvailability::new(&p.availability, tz))
                .collect()
        } else {
            Vec::new()
        };
        let options = Options {
            locked,
            previous,
            ..options.clone()
        };
        Some((
            Copies {
                index: expanded
                    .seekers
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.id.to_string(), i))
                    .collect(),
                instance: expanded,
                copies,
                original,
                times,
                tz,
            },
            options,
        ))
    }

    /// The copies of original seeker `s`.
    pub fn copies_of(&self, s: usize) -> Range<usize> {
        let range = &self.copies[s];
        range.start as usize..range.end as usize
    }

    /// The copy with id `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Per copy, its original seeker.
    pub fn original(&self) -> &[u32] {
        &self.original
    }

    /// Per copy, the first copy of its seeker (the one under the seeker's own id).
    pub fn firsts(&self) -> Vec<u32> {
        self.original
            .iter()
            .map(|&s| self.copies[s as usize].start)
            .collect()
    }

    /// The first copy of copy `s`'s seeker.
    pub fn first(&self, s: SeekerIx) -> SeekerIx {
        SeekerIx::from(self.copies[self.original[s] as usize].start)
    }

    /// The copies of the same original seeker as copy `s`, `s` included.
    pub fn siblings(&self, s: usize) -> Range<usize> {
        let range = &self.copies[self.original[s] as usize];
        range.start as usize..range.end as usize
    }

    /// Whether one seeker may not have both providers `p` and `q`: the same provider, or, with
    /// the time rule on, two providers whose times overlap (a provider with no times set
    /// overlaps none).
    pub fn conflict(&self, p: usize, q: usize) -> bool {
        if p == q {
            return true;
        }
        let (Some(a), Some(b)) = (self.times.get(p), self.times.get(q)) else {
            return false;
        };
        !a.is_unconstrained() && !b.is_unconstrained() && a.longest_overlap(b, self.tz) > 0
    }

    /// Whether placing copy `s` with provider `p` conflicts with where its siblings are.
    pub fn conflicts(
        &self,
        context: &Context<'_>,
        s: SeekerIx,
        p: ProviderIx,
        edge_of: &[Option<EdgeIx>],
    ) -> bool {
        self.siblings(s.get()).filter(|&t| t != s.get()).any(|t| {
            edge_of[t].is_some_and(|e| self.conflict(p.get(), context.provider_of(e).get()))
        })
    }

    /// The plan of `original` from the plan of the copies: every copy's match under the
    /// seeker's id, in seeker order; a seeker unplaced (with its first copy's reason) only
    /// when no copy is placed.
    pub fn fold(&self, original: &Instance, mut plan: Plan) -> Plan {
        let index = &self.index;
        let mut placed = vec![false; original.seekers.len()];
        for m in &mut plan.matches {
            let s = self.original[index[m.seeker.as_str()]] as usize;
            placed[s] = true;
            m.seeker = original.seekers[s].id.clone();
        }
        plan.unplaced.retain_mut(|u| {
            let copy = index[u.seeker.as_str()];
            let s = self.original[copy] as usize;
            if placed[s] || copy != self.copies[s].start as usize {
                return false;
            }
            u.seeker = original.seekers[s].id.clone();
            true
        });
        plan
    }

    /// An error about the copies, with the seekers' own ids.
    pub fn restore(&self, original: &Instance, error: SolveError) -> SolveError {
        let own = |text: &str| -> String {
            let mut text = text.to_owned();
            for (s, range) in self.copies.iter().enumerate().rev() {
                for copy in range.clone().skip(1).rev() {
                    let id = self.instance.seekers[copy as usize].id.as_str();
                    text = text.replace(id, original.seekers[s].id.as_str());
                }
            }
            text
        };
        match error {
            SolveError::Lock { path, message } => SolveError::Lock {
                path,
                message: own(&message),
            },
            SolveError::NonFiniteScore { seeker, provider } => SolveError::NonFiniteScore {
                seeker: SeekerId::from(own(seeker.as_str()).as_str()),
                provider,
            },
            other => other,
        }
    }
}

/// Copies of one seeker placed with the same provider, or with providers whose times overlap:
/// the lower-scoring copy (a locked one never) moves to its best provider with seats free that
/// conflicts with none of its siblings, or is left out. Seats so freed then go to unplaced
/// seekers, best pair first.
pub(crate) fn separate(context: &Context<'_>, copies: &Copies, chosen: &mut [Option<EdgeIx>]) {
    let instance = context.instance;
    let by_people = context.options.objective == super::Objective::MaxPlaced;
    let provider = |e: EdgeIx| context.provider_of(e);
    let mut free: Vec<i64> = instance
        .providers
        .iter()
        .map(|p| i64::from(p.capacity))
        .collect();
    let mut open = vec![false; instance.providers.len()];
    for (s, e) in chosen.iter().enumerate() {
        let s = SeekerIx::new(s);
        if let Some(e) = e {
            free[provider(*e)] -= i64::from(context.size(s));
            open[provider(*e)] = true;
        }
    }
    let mut moved = false;
    for range in &copies.copies {
        if range.len() < 2 {
            continue;
        }
        let mut order: Vec<SeekerIx> = range.clone().map(SeekerIx::from).collect();
        order.sort_by(|&a, &b| {
            context.locked[b]
                .is_some()
                .cmp(&context.locked[a].is_some())
                .then(
                    super::score_of(context, chosen, b)
                        .total_cmp(&super::score_of(context, chosen, a)),
                )
                .then(a.cmp(&b))
        });
        let mut kept: Vec<ProviderIx> = Vec::new();
        for s in order {
            let Some(e) = chosen[s] else { continue };
            let clash = |p: ProviderIx, kept: &[ProviderIx]| {
                kept.iter().any(|&q| copies.conflict(p.get(), q.get()))
            };
            if context.locked[s].is_some() || !clash(provider(e), &kept) {
                kept.push(provider(e));
                continue;
            }
            free[provider(e)] += i64::from(context.size(s));
            chosen[s] = None;
            let size = i64::from(context.size(s));
            let best = context
                .edges(s)
                .filter(|&f| {
                    let p = provider(f);
                    free[p] >= size
                        && !clash(p, &kept)
                        // A provider with a limit on its host's events only if already open.
                        && (open[p] || context.host_limit[p].is_none())
                        && (context.weight(f) > 0.0 || by_people)
                })
                .max_by(|&a, &b| {
                    context
                        .weight(a)
                        .total_cmp(&context.weight(b))
                        .then(b.cmp(&a))
                });
            if let Some(f) = best {
                chosen[s] = Some(f);
                free[provider(f)] -= size;
                open[provider(f)] = true;
                kept.push(provider(f));
            }
            moved = true;
        }
    }
    if !moved {
        return;
    }
    // Seats freed by a copy that moved or was left out go to unplaced seekers, best pair first.
    let mut offers: Vec<(f64, SeekerIx, EdgeIx)> = SeekerIx::range(instance.seekers.len())
        .filter(|&s| {
            chosen[s].is_none() && context.locked[s].is_none() && context.unit(s).len() == 1
        })
        .flat_map(|s| context.edges(s).map(move |e| (s, e)))
        .filter(|&(_, e)| context.weight(e) > 0.0 || by_people)
        .map(|(s, e)| (context.weight(e), s, e))
        .collect();
    offers.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));
    for (_, s, e) in offers {
        let p = provider(e);
        let size = i64::from(context.size(s));
        if chosen[s].is_some()
            || free[p] < size
            || !(open[p] || context.host_limit[p].is_none())
            || copies.conflicts(context, s, p, chosen)
        {
            continue;
        }
        chosen[s] = Some(e);
        free[p] -= size;
        open[p] = true;
    }
}
