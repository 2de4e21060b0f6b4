//! What every solver needs besides the graph: the locks resolved to edges (and checked
//! against every hard rule), the previous plan for minimal-change re-planning, keep-together
//! sets merged into units, and the connected components solved independently.

use std::collections::HashMap;

use crate::graph::{Candidate, CandidateGraph};
use crate::model::Instance;
use crate::plan::Pair;
use crate::progress::{Step, Tracker};
use crate::rules::{GroupRule, Rules, group_violations};

use super::ix::{EdgeIx, ProviderIx, SeekerIx};
use super::wants::Copies;
use super::{Options, SolveError};

/// An instance prepared for solving.
pub(crate) struct Context<'a> {
    pub instance: &'a Instance,
    pub graph: &'a CandidateGraph,
    pub options: &'a Options,
    /// Per seeker, the edge a lock pins it to.
    pub locked: Vec<Option<EdgeIx>>,
    /// Per seeker, its provider in the previous plan.
    pub previous: Vec<Option<ProviderIx>>,
    /// Per seeker, its unit (the keep-together sets it belongs to, merged).
    pub unit_of: Vec<u32>,
    /// Units: seekers that are placed together or not at all, ascending.
    pub units: Vec<Vec<SeekerIx>>,
    /// Seeker index by id.
    pub seeker_ix: HashMap<&'a str, SeekerIx>,
    /// Provider index by id.
    pub provider_ix: HashMap<&'a str, ProviderIx>,
    /// Per provider, its host's position in `instance.hosts` and limit on events, where the
    /// host has one.
    pub host_limit: Vec<Option<(usize, u32)>>,
    /// The group search's progress (unwatched unless the caller gave a hook).
    pub search: Tracker<'a>,
    /// Where seekers want several providers: their copies.
    pub copies: Option<&'a Copies>,
}

impl<'a> Context<'a> {
    /// Resolve locks and the previous plan; check options and scores.
    pub fn new(
        instance: &'a Instance,
        graph: &'a CandidateGraph,
        options: &'a Options,
    ) -> Result<Self, SolveError> {
        if !(options.move_cost.is_finite() && options.move_cost >= 0.0) {
            return Err(SolveError::InvalidOption {
                path: "options.move_cost".into(),
                message: "must be a finite number, 0 or more".into(),
            });
        }
        for c in graph.candidates() {
            if !c.score.is_finite() {
                return Err(SolveError::NonFiniteScore {
                    seeker: instance.seekers[c.seeker as usize].id.clone(),
                    provider: instance.providers[c.provider as usize].id.clone(),
                });
            }
        }
        let seeker_ix: HashMap<&str, SeekerIx> = instance
            .seekers
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), SeekerIx::new(i)))
            .collect();
        let provider_ix: HashMap<&str, ProviderIx> = instance
            .providers
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), ProviderIx::new(i)))
            .collect();
        let (unit_of, units) = units(instance, &seeker_ix);
        let mut context = Self {
            instance,
            graph,
            options,
            locked: vec![None; instance.seekers.len()],
            previous: vec![None; instance.seekers.len()],
            unit_of,
            units,
            seeker_ix: HashMap::new(),
            provider_ix: HashMap::new(),
            host_limit: instance.host_limits(),
            search: Tracker::new(None, Step::Search, 0, 1),
            copies: None,
        };
        context.resolve_locks(&seeker_ix, &provider_ix)?;
        for placement in &options.previous {
            // Seekers or providers that have left since the previous plan simply drop out.
            if let (Some(&s), Some(&p)) = (
                seeker_ix.get(placement.seeker.as_str()),
                provider_ix.get(placement.provider.as_str()),
            ) {
                context.previous[s] = Some(p);
            }
        }
        context.seeker_ix = seeker_ix;
        context.provider_ix = provider_ix;
        Ok(context)
    }

    fn resolve_locks(
        &mut self,
        seeker_ix: &HashMap<&str, SeekerIx>,
        provider_ix: &HashMap<&str, ProviderIx>,
    ) -> Result<(), SolveError> {
        let instance = self.instance;
        let all: Vec<(String, &Pair)> = instance
            .constraints
            .locked
            .iter()
            .enumerate()
            .map(|(i, l)| (format!("constraints.locked[{i}]"), l))
            .chain(
                self.options
                    .locked
                    .iter()
                    .enumerate()
                    .map(|(i, l)| (format!("options.locked[{i}]"), l)),
            )
            .collect();
        let mut path_of: Vec<Option<String>> = vec![None; instance.seekers.len()];
        let rules = Rules::new(instance, self.graph.time_zone());
        for (path, lock) in &all {
            let error = |message: String| SolveError::Lock {
                path: path.clone(),
                message,
            };
            let s = *seeker_ix
                .get(lock.seeker.as_str())
                .ok_or_else(|| SolveError::UnknownId {
                    path: format!("{path}.seeker"),
                    what: "seeker",
                    id: lock.seeker.to_string(),
                })?;
            let p =
                *provider_ix
                    .get(lock.provider.as_str())
                    .ok_or_else(|| SolveError::UnknownId {
                        path: format!("{path}.provider"),
                        what: "provider",
                        id: lock.provider.to_string(),
                    })?;
            let Some(e) = self.edge(s, p) else {
                let failed: Vec<&str> = rules
                    .failures(s.get(), p.get())
                    .iter()
                    .map(|r| r.name())
                    .collect();
                return Err(error(format!(
                    "seeker {} may not be placed with provider {}: hard rule {} fails",
                    lock.seeker,
                    lock.provider,
                    failed.join(", ")
                )));
            };
            match (self.locked[s], &path_of[s]) {
                (Some(other), Some(first)) if other != e => {
                    return Err(error(format!(
                        "seeker {} is already locked to another provider by {first}",
                        lock.seeker
                    )));
                }
                _ => {}
            }
            self.locked[s] = Some(e);
            path_of[s] = Some(path.clone());
        }
        // Group rules among the locked seekers alone: those that more seekers cannot mend.
        let mut at: Vec<Vec<usize>> = vec![Vec::new(); instance.providers.len()];
        for (s, e) in self.locked.iter().enumerate() {
            if let Some(e) = e {
                at[self.provider_of(*e)].push(s);
            }
        }
        for (p, members) in at.iter().enumerate() {
            let broken: Vec<GroupRule> = group_violations(instance, p, members)
                .into_iter()
                .filter(GroupRule::is_conflict)
                .collect();
            if let Some(rule) = broken.first() {
                let last = *members.last().expect("a broken group has members");
                return Err(SolveError::Lock {
                    path: path_of[last].clone().unwrap_or_default(),
                    message: format!(
                        "the seekers locked to provider {} break the group rule {}",
                        instance.providers[p].id,
                        rule.name()
                    ),
                });
            }
        }
        // Keep-together: a unit with a locked member goes where the lock says, whole.
        for unit in &self.units {
            let mut target: Option<(ProviderIx, SeekerIx)> = None;
            for &s in unit {
                if let Some(e) = self.locked[s] {
                    let p = self.provider_of(e);
                    match target {
                        Some((q, _)) if q != p => {
                            return Err(SolveError::Lock {
                                path: path_of[s].clone().unwrap_or_default(),
                                message: format!(
                                    "seeker {} must be kept together with seekers locked to \
                                     another provider",
                                    instance.seekers[s].id
                                ),
                            });
                        }
                        _ => target = Some((p, s)),
                    }
                }
            }
            if let Some((p, by)) = target {
                for &s in unit {
                    if self.locked[s].is_none() {
                        let e = self.edge(s, p).ok_or_else(|| SolveError::Lock {
                            path: path_of[by].clone().unwrap_or_default(),
                            message: format!(
                                "seeker {} must be kept together with it but may not be \
                                     placed with provider {}",
                                instance.seekers[s].id, instance.providers[p].id
                            ),
                        })?;
                        self.locked[s] = Some(e);
                    }
                }
            }
        }
        Ok(())
    }

    /// Whether placing seeker `s` with provider `p` conflicts with where its other copies are
    /// (the same provider, or overlapping times): never without copies.
    pub fn sibling_conflict(&self, s: SeekerIx, p: ProviderIx, edge_of: &[Option<EdgeIx>]) -> bool {
        self.copies
            .is_some_and(|copies| copies.conflicts(self, s, p, edge_of))
    }

    /// The candidate on edge `e`.
    #[inline]
    pub fn candidate(&self, e: EdgeIx) -> &'a Candidate {
        self.graph.candidates_by_edge(e.get())
    }

    /// The provider at the end of edge `e`.
    #[inline]
    pub fn provider_of(&self, e: EdgeIx) -> ProviderIx {
        ProviderIx::from(self.candidate(e).provider)
    }

    /// The edges of seeker `s`, by provider ascending.
    #[inline]
    pub fn edges(
        &self,
        s: SeekerIx,
    ) -> impl DoubleEndedIterator<Item = EdgeIx> + ExactSizeIterator + use<'a> {
        self.graph.edge_range(s.get()).map(EdgeIx::new)
    }

    /// The edge between seeker `s` and provider `p`, if the pair is feasible.
    pub fn edge(&self, s: SeekerIx, p: ProviderIx) -> Option<EdgeIx> {
        let range = self.graph.edge_range(s.get());
        let provider = |e: usize| self.graph.candidates_by_edge(e).provider;
        let (mut lo, mut hi) = (range.start, range.end);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if provider(mid) < p.raw() {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (lo < range.end && provider(lo) == p.raw()).then_some(EdgeIx::new(lo))
    }

    /// What an edge is worth to the optimiser: its score, plus the move cost of the party
    /// when it keeps the seeker where the previous plan had it.
    pub fn weight(&self, e: EdgeIx) -> f64 {
        let c = self.candidate(e);
        let s = SeekerIx::from(c.seeker);
        let mut w = c.score;
        if self.previous[s] == Some(ProviderIx::from(c.provider)) {
            w += self.options.move_cost * f64::from(self.instance.seekers[s].party_size);
        }
        w
    }

    /// The providers every seeker of `unit` (instance indices) may join, in the order of the
    /// first seeker's edges: (provider, the first seeker's edge there, the members' weights
    /// summed). A unit of one seeker gets its own edges.
    pub fn shared_options(&self, unit: &[SeekerIx]) -> Vec<(ProviderIx, EdgeIx, f64)> {
        self.edges(unit[0])
            .filter_map(|e| {
                let p = self.provider_of(e);
                let mut weight = self.weight(e);
                unit[1..]
                    .iter()
                    .all(|&m| {
                        self.edge(m, p).is_some_and(|f| {
                            weight += self.weight(f);
                            true
                        })
                    })
                    .then_some((p, e, weight))
            })
            .collect()
    }

    /// What seeker `s` takes of a provider's capacity (`seats`, else party size).
    pub fn size(&self, s: SeekerIx) -> u32 {
        self.instance.seekers[s].seats_taken()
    }

    /// People in seeker `s`'s party (what the most-people objective counts).
    pub fn people(&self, s: SeekerIx) -> u32 {
        self.instance.seekers[s].party_size
    }

    /// The unit of seeker `s`: it and the seekers kept together with it.
    pub fn unit(&self, s: SeekerIx) -> &[SeekerIx] {
        &self.units[self.unit_of[s] as usize]
    }

    /// What the locks of `component` leave for a solver: the seats of each provider (by
    /// position in the component) after its locked seekers, the locked (seeker, edge) pairs,
    /// and the seekers that are free, ascending.
    pub fn after_locks(&self, component: &Component) -> Locked {
        let mut seats: Vec<u32> = component
            .providers
            .iter()
            .map(|&p| self.instance.providers[p].capacity)
            .collect();
        for &j in &component.closed {
            seats[j as usize] = 0;
        }
        let (mut chosen, mut free) = (Vec::new(), Vec::new());
        for &s in &component.seekers {
            match self.locked[s] {
                Some(e) => {
                    let p = component.provider(self.provider_of(e));
                    seats[p] = seats[p].saturating_sub(self.size(s));
                    chosen.push((s, e));
                }
                None => free.push(s),
            }
        }
        Locked {
            seats,
            chosen,
            free,
        }
    }

    /// Connected components of the candidate graph (keep-together sets joined), each with
    /// its seekers and providers ascending, in order of their smallest seeker. Components with
    /// no edge are left out: nobody in them can be placed.
    pub fn components(&self) -> Vec<Component> {
        let (n_s, n_p) = (self.graph.n_seekers(), self.graph.n_providers());
        let mut parent: Vec<u32> = (0..(n_s + n_p) as u32).collect();
        fn find(parent: &mut [u32], mut x: u32) -> u32 {
            while parent[x as usize] != x {
                parent[x as usize] = parent[parent[x as usize] as usize];
                x = parent[x as usize];
            }
            x
        }
        let union = |parent: &mut Vec<u32>, a: u32, b: u32| {
            let (ra, rb) = (find(parent, a), find(parent, b));
            if ra != rb {
                let (lo, hi) = (ra.min(rb), ra.max(rb));
                parent[hi as usize] = lo;
            }
        };
        for c in self.graph.candidates() {
            union(&mut parent, c.seeker, n_s as u32 + c.provider);
        }
        for unit in &self.units {
            for pair in unit.windows(2) {
                union(&mut parent, pair[0].raw(), pair[1].raw());
            }
        }
        // A host's alternative providers share its limit on events: one component.
        let mut first_of_host: HashMap<usize, u32> = HashMap::new();
        for (p, limit) in self.host_limit.iter().enumerate() {
            if let Some((h, _)) = limit {
                let first = *first_of_host.entry(*h).or_insert(p as u32);
                union(&mut parent, n_s as u32 + first, n_s as u32 + p as u32);
            }
        }
        let mut index: HashMap<u32, usize> = HashMap::new();
        let mut components: Vec<Component> = Vec::new();
        for node in 0..(n_s + n_p) as u32 {
            let root = find(&mut parent, node);
            let k = *index.entry(root).or_insert_with(|| {
                components.push(Component::default());
                components.len() - 1
            });
            if (node as usize) < n_s {
                components[k].seekers.push(SeekerIx::from(node));
            } else {
                components[k]
                    .providers
                    .push(ProviderIx::from(node - n_s as u32));
            }
        }
        components.retain(|c| !c.seekers.is_empty() && !c.providers.is_empty());
        components.retain(|c| c.seekers.iter().any(|&s| self.edges(s).len() > 0));
        components
    }
}

/// A component once its locks are applied: see [`Context::after_locks`].
pub(crate) struct Locked {
    /// Seats left per provider, by position in the component.
    pub seats: Vec<u32>,
    /// The locked seekers, each with its edge.
    pub chosen: Vec<(SeekerIx, EdgeIx)>,
    /// The seekers that are not locked, ascending.
    pub free: Vec<SeekerIx>,
}

/// Seekers and providers with no edge to the rest of the graph.
#[derive(Debug, Clone, Default)]
pub(crate) struct Component {
    pub seekers: Vec<SeekerIx>,
    pub providers: Vec<ProviderIx>,
    /// Providers (positions in `providers`) closed because their host runs enough others:
    /// they take nobody.
    pub closed: Vec<u32>,
}

impl Component {
    /// The position of provider `p` (an instance index) among this component's providers.
    pub fn provider(&self, p: ProviderIx) -> usize {
        self.providers
            .binary_search(&p)
            .expect("edges stay inside their component")
    }
}

/// Merge keep-together sets that share a seeker into units; every other seeker is a unit of
/// its own. Unit numbers follow the smallest seeker.
fn units(
    instance: &Instance,
    seeker_ix: &HashMap<&str, SeekerIx>,
) -> (Vec<u32>, Vec<Vec<SeekerIx>>) {
    let n = instance.seekers.len();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            parent[x as usize] = parent[parent[x as usize] as usize];
            x = parent[x as usize];
        }
        x
    }
    for set in &instance.constraints.keep_together {
        let members: Vec<u32> = set
            .iter()
            .filter_map(|id| seeker_ix.get(id.as_str()).map(|s| s.raw()))
            .collect();
        for pair in members.windows(2) {
            let (a, b) = (find(&mut parent, pair[0]), find(&mut parent, pair[1]));
            if a != b {
                parent[a.max(b) as usize] = a.min(b);
            }
        }
    }
    let mut unit_of = vec![0u32; n];
    let mut units: Vec<Vec<SeekerIx>> = Vec::new();
    let mut number: HashMap<u32, u32> = HashMap::new();
    for s in 0..n as u32 {
        let root = find(&mut parent, s);
        let u = *number.entry(root).or_insert_with(|| {
            units.push(Vec::new());
            (units.len() - 1) as u32
        });
        unit_of[s as usize] = u;
        units[u as usize].push(SeekerIx::from(s));
    }
    (unit_of, units)
}

/// A deterministic pseudo-random number from a seed and two indices (SplitMix64), for
/// tie-breaking that does not depend on how the work is split.
pub(crate) fn mix(seed: u64, a: u64, b: u64) -> u64 {
    let mut z = seed
        .wrapping_add(a.wrapping_mul(0x9E37_79B9_7F4A_7C15))
        .wrapping_add(b.wrapping_mul(0xD1B5_4A32_D192_ED03));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
