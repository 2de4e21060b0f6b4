//! Decoders and references shared by samman's fuzz targets: tiny b-matching problems, tiny
//! two-sided markets and tiny domain instances decoded from the fuzzer's bytes (through
//! `arbitrary`), brute-force optima to compare the solvers against, and the check that a plan
//! breaks no hard rule.
//!
//! Sizes are kept small on purpose: the brute-force references enumerate every solution.

use std::collections::HashMap;

use arbitrary::Arbitrary;
use samman::algo::bmatching::{Objective as FlowObjective, Problem, Solution};
use samman::algo::stable::Market;
use samman::graph::CandidateGraph;
use samman::model::{Gender, Instance, Origin, Profile, Provider, Seeker};
use samman::plan::{Pair, Plan};
use samman::rules::{group_violations, keep_together_violations};
use samman::solve::Objective;

/// Scores are sums of a few `f64`s: equal objectives agree to this much.
pub const TOLERANCE: f64 = 1e-6;

// ---------------------------------------------------------------------------------------------
// b-matching

/// A b-matching problem as the fuzzer writes it; [`TinyBMatching::decode`] folds it into range.
#[derive(Debug, Arbitrary)]
pub struct TinyBMatching {
    n_left: u8,
    n_right: u8,
    /// (left, right, weight in quarters): quarters are exact at every weight scale.
    edges: Vec<(u8, u8, i8)>,
    left_capacity: Option<Vec<u8>>,
    right_capacity: Option<Vec<u8>>,
}

/// An owned b-matching problem with at most 4 + 4 nodes and 12 edges.
#[derive(Debug, Clone)]
pub struct OwnedBMatching {
    /// Left nodes.
    pub n_left: usize,
    /// Right nodes.
    pub n_right: usize,
    /// Left end of each edge.
    pub left: Vec<u32>,
    /// Right end of each edge.
    pub right: Vec<u32>,
    /// Weight of each edge.
    pub weight: Vec<f64>,
    /// Capacities of the left nodes (`None`: 1 each).
    pub left_capacity: Option<Vec<u32>>,
    /// Capacities of the right nodes (`None`: 1 each).
    pub right_capacity: Option<Vec<u32>>,
}

/// The most edges a decoded problem has: the brute force enumerates `2^12` subsets.
pub const MAX_BMATCHING_EDGES: usize = 12;

impl TinyBMatching {
    /// A valid problem: indices folded into range, capacities 0 to 3, weights from -32 to 31.75.
    #[must_use]
    pub fn decode(&self) -> OwnedBMatching {
        let n_left = usize::from(self.n_left % 4) + 1;
        let n_right = usize::from(self.n_right % 4) + 1;
        let edges = &self.edges[..self.edges.len().min(MAX_BMATCHING_EDGES)];
        let capacities = |given: &Option<Vec<u8>>, n: usize| {
            given.as_ref().map(|c| {
                (0..n)
                    .map(|i| u32::from(c.get(i).copied().unwrap_or(1) % 4))
                    .collect()
            })
        };
        OwnedBMatching {
            n_left,
            n_right,
            left: edges
                .iter()
                .map(|e| u32::from(e.0) % n_left as u32)
                .collect(),
            right: edges
                .iter()
                .map(|e| u32::from(e.1) % n_right as u32)
                .collect(),
            weight: edges.iter().map(|e| f64::from(e.2) / 4.0).collect(),
            left_capacity: capacities(&self.left_capacity, n_left),
            right_capacity: capacities(&self.right_capacity, n_right),
        }
    }
}

impl OwnedBMatching {
    /// The problem, borrowed.
    #[must_use]
    pub fn problem(&self) -> Problem<'_> {
        Problem {
            n_left: self.n_left,
            n_right: self.n_right,
            left: &self.left,
            right: &self.right,
            weight: &self.weight,
            left_capacity: self.left_capacity.as_deref(),
            right_capacity: self.right_capacity.as_deref(),
        }
    }

    fn left_cap(&self, i: usize) -> u32 {
        self.left_capacity.as_ref().map_or(1, |c| c[i])
    }

    fn right_cap(&self, j: usize) -> u32 {
        self.right_capacity.as_ref().map_or(1, |c| c[j])
    }

    /// Checks that `solution` is a b-matching of this problem (edges ascending and distinct,
    /// capacities kept, `total_weight` the sum of its edges) and returns (edges, weight).
    ///
    /// # Panics
    /// When it is not.
    #[must_use]
    pub fn check(&self, solution: &Solution) -> (usize, f64) {
        let mut used_left = vec![0u32; self.n_left];
        let mut used_right = vec![0u32; self.n_right];
        let mut weight = 0.0;
        for pair in solution.edges.windows(2) {
            assert!(
                pair[0] < pair[1],
                "edges not ascending: {:?}",
                solution.edges
            );
        }
        for &e in &solution.edges {
            assert!(e < self.left.len(), "edge {e} out of range");
            used_left[self.left[e] as usize] += 1;
            used_right[self.right[e] as usize] += 1;
            weight += self.weight[e];
        }
        for (i, &used) in used_left.iter().enumerate() {
            assert!(used <= self.left_cap(i), "left {i} over capacity");
        }
        for (j, &used) in used_right.iter().enumerate() {
            assert!(used <= self.right_cap(j), "right {j} over capacity");
        }
        assert!(
            (weight - solution.total_weight).abs() < TOLERANCE,
            "total_weight {} but the edges weigh {weight}",
            solution.total_weight
        );
        (solution.edges.len(), weight)
    }

    /// The optimum by enumerating every subset of edges: (edges, weight) for the objective.
    #[must_use]
    pub fn brute_force(&self, objective: FlowObjective) -> (usize, f64) {
        let m = self.left.len();
        let mut best = (0usize, 0.0f64);
        for mask in 0u32..(1 << m) {
            let mut used_left = vec![0u32; self.n_left];
            let mut used_right = vec![0u32; self.n_right];
            let mut ok = true;
            let mut weight = 0.0;
            for e in (0..m).filter(|e| mask & (1 << e) != 0) {
                let (i, j) = (self.left[e] as usize, self.right[e] as usize);
                used_left[i] += 1;
                used_right[j] += 1;
                ok &= used_left[i] <= self.left_cap(i) && used_right[j] <= self.right_cap(j);
                weight += self.weight[e];
            }
            if !ok {
                continue;
            }
            let count = mask.count_ones() as usize;
            let better = match objective {
                FlowObjective::MaxWeight => weight > best.1 + TOLERANCE,
                FlowObjective::MaxCardinality => {
                    count > best.0 || (count == best.0 && weight > best.1 + TOLERANCE)
                }
            };
            if better {
                best = (count, weight);
            }
        }
        best
    }
}

// ---------------------------------------------------------------------------------------------
// Two-sided markets

/// A list of up to `N` indices as the fuzzer writes it: fixed-size, so that every input
/// decodes to a list (a `Vec` would often come out empty).
#[derive(Debug, Arbitrary)]
struct List<const N: usize> {
    len: u8,
    items: [u8; N],
}

impl<const N: usize> List<N> {
    /// The first `len % (N + 1)` items folded into `0..n`, repeats dropped.
    fn fold(&self, n: usize) -> Vec<u32> {
        fold_list(&self.items[..usize::from(self.len) % (N + 1)], n)
    }
}

/// A market as the fuzzer writes it; [`TinyMarket::decode`] folds it into range.
#[derive(Debug, Arbitrary)]
pub struct TinyMarket {
    n_left: u8,
    n_right: u8,
    left_prefs: [List<4>; 6],
    right_prefs: [List<6>; 4],
    right_capacity: Option<[u8; 4]>,
    left_size: Option<[u8; 6]>,
}

/// An owned market with at most 6 lefts and 4 rights.
#[derive(Debug, Clone)]
pub struct OwnedMarket {
    /// Each left's list, most preferred first, no repeats.
    pub left_prefs: Vec<Vec<u32>>,
    /// Each right's list, most preferred first, no repeats.
    pub right_prefs: Vec<Vec<u32>>,
    /// Seats per right.
    pub right_capacity: Option<Vec<u32>>,
    /// Seats per left (party sizes, at least 1).
    pub left_size: Option<Vec<u32>>,
}

fn fold_list(list: &[u8], n: usize) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    for &x in list {
        let x = u32::from(x) % n as u32;
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

impl TinyMarket {
    /// A valid market: indices folded into range, repeats dropped, capacities 0 to 3 and party
    /// sizes 1 to 3.
    #[must_use]
    pub fn decode(&self) -> OwnedMarket {
        let n_left = usize::from(self.n_left) % 6 + 1;
        let n_right = usize::from(self.n_right) % 4 + 1;
        OwnedMarket {
            left_prefs: self.left_prefs[..n_left]
                .iter()
                .map(|l| l.fold(n_right))
                .collect(),
            right_prefs: self.right_prefs[..n_right]
                .iter()
                .map(|l| l.fold(n_left))
                .collect(),
            right_capacity: self
                .right_capacity
                .map(|c| c[..n_right].iter().map(|&x| u32::from(x % 4)).collect()),
            left_size: self
                .left_size
                .map(|c| c[..n_left].iter().map(|&x| u32::from(x % 3) + 1).collect()),
        }
    }
}

impl OwnedMarket {
    /// The market, borrowed.
    #[must_use]
    pub fn market(&self) -> Market<'_> {
        Market {
            left_prefs: &self.left_prefs,
            right_prefs: &self.right_prefs,
            right_capacity: self.right_capacity.as_deref(),
            left_size: self.left_size.as_deref(),
        }
    }

    /// Whether every left takes one seat.
    #[must_use]
    pub fn single_seats(&self) -> bool {
        self.left_size
            .as_ref()
            .is_none_or(|sizes| sizes.iter().all(|&s| s == 1))
    }

    /// Checks that `matching` pairs only mutually acceptable agents and keeps every capacity.
    ///
    /// # Panics
    /// When it does not.
    pub fn check(&self, matching: &[Option<u32>]) {
        assert_eq!(matching.len(), self.left_prefs.len());
        let mut used = vec![0u32; self.right_prefs.len()];
        for (i, m) in matching.iter().enumerate() {
            if let Some(j) = *m {
                assert!(
                    self.left_prefs[i].contains(&j)
                        && self.right_prefs[j as usize].contains(&(i as u32)),
                    "left {i} matched to unacceptable right {j}"
                );
                used[j as usize] += self.left_size.as_ref().map_or(1, |s| s[i]);
            }
        }
        for (j, &u) in used.iter().enumerate() {
            let cap = self.right_capacity.as_ref().map_or(1, |c| c[j]);
            assert!(u <= cap, "right {j} holds {u} seats, capacity {cap}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Domain instances

/// A seeker as the fuzzer writes it.
#[derive(Debug, Arbitrary)]
struct TinySeeker {
    party: u8,
    origin: u8,
    gender: u8,
    priority: u8,
    blocked: u8,
    preferences: List<3>,
}

/// A provider as the fuzzer writes it.
#[derive(Debug, Arbitrary)]
struct TinyProvider {
    capacity: u8,
    minimum: u8,
    host_origin: u8,
    host_gender: u8,
    blocked: u8,
    preferences: List<6>,
}

/// A domain instance as the fuzzer writes it; [`TinyInstance::decode`] folds it into range.
#[derive(Debug, Arbitrary)]
pub struct TinyInstance {
    n_seekers: u8,
    n_providers: u8,
    seekers: [TinySeeker; 6],
    providers: [TinyProvider; 3],
    keep_together: [List<3>; 2],
    keep_apart: [List<3>; 2],
    min_newcomers: u8,
    min_established: u8,
    no_lone_gender: bool,
    gender_parties: bool,
    lock: Option<(u8, u8)>,
    /// The solver's seed.
    pub seed: u64,
}

/// What a decoded instance may contain.
#[derive(Debug, Clone, Copy)]
pub struct Features {
    /// Parties of up to 3 people (otherwise 1 each).
    pub parties: bool,
    /// Group rules: minimums, composition, gender of parties, keep-together and -apart.
    pub groups: bool,
    /// One locked assignment.
    pub locks: bool,
}

fn origin(x: u8) -> Option<Origin> {
    match x % 3 {
        0 => None,
        1 => Some(Origin::Newcomer),
        _ => Some(Origin::Established),
    }
}

fn gender(x: u8) -> Option<Gender> {
    match x % 4 {
        0 => None,
        1 => Some(Gender::Female),
        2 => Some(Gender::Male),
        _ => Some(Gender::Mixed),
    }
}

impl TinyInstance {
    /// A valid instance of at most 6 seekers and 3 providers with no location or time
    /// windows (every pair feasible but for blocks), or `None` when what the fuzzer wrote
    /// does not validate (say, contradictory keep-together and keep-apart sets).
    #[must_use]
    pub fn decode(&self, features: Features) -> Option<Instance> {
        let n_s = usize::from(self.n_seekers) % 6 + 1;
        let n_p = usize::from(self.n_providers) % 3 + 1;
        let mut instance = Instance::new();
        instance.policy.composition.enforce = features.groups;
        instance.policy.rules.gender_parties = features.groups && self.gender_parties;
        if features.groups {
            instance.policy.composition.min_newcomers = u32::from(self.min_newcomers % 3);
            instance.policy.composition.min_established = u32::from(self.min_established % 3);
            if self.no_lone_gender {
                instance.policy.composition.no_lone = vec!["gender".to_owned()];
            }
        }
        for (j, tp) in self.providers[..n_p].iter().enumerate() {
            let capacity = u32::from(tp.capacity % 5) + 1;
            let mut p = Provider::new(&format!("p{j}"), capacity);
            if features.groups {
                p.minimum = u32::from(tp.minimum) % (capacity + 1);
                let host = Profile {
                    origin: origin(tp.host_origin),
                    gender: gender(tp.host_gender),
                    ..Profile::default()
                };
                p.host_profile = (host != Profile::default()).then_some(host);
            }
            instance.providers.push(p);
        }
        for (i, ts) in self.seekers[..n_s].iter().enumerate() {
            let mut s = Seeker::new(&format!("s{i}"));
            if features.parties {
                s.party_size = u32::from(ts.party % 3) + 1;
            }
            s.priority = f64::from(ts.priority % 8) / 4.0;
            if features.groups {
                s.profile.origin = origin(ts.origin);
                s.profile.gender = gender(ts.gender);
            }
            s.blocked = (0..n_p)
                .filter(|j| ts.blocked & (1 << j) != 0)
                .map(|j| format!("p{j}").as_str().into())
                .collect();
            s.preferences = ts
                .preferences
                .fold(n_p)
                .into_iter()
                .map(|j| format!("p{j}").as_str().into())
                .collect();
            instance.seekers.push(s);
        }
        for (j, tp) in self.providers[..n_p].iter().enumerate() {
            let p = &mut instance.providers[j];
            p.blocked = (0..n_s)
                .filter(|i| u32::from(tp.blocked) & (1 << i) != 0)
                .map(|i| format!("s{i}").as_str().into())
                .collect();
            p.preferences = tp
                .preferences
                .fold(n_s)
                .into_iter()
                .map(|i| format!("s{i}").as_str().into())
                .collect();
        }
        if features.groups {
            let sets = |lists: &[List<3>]| {
                lists
                    .iter()
                    .map(|l| l.fold(n_s))
                    .filter(|l| l.len() >= 2)
                    .map(|l| l.iter().map(|i| format!("s{i}").as_str().into()).collect())
                    .collect()
            };
            instance.constraints.keep_together = sets(&self.keep_together);
            instance.constraints.keep_apart = sets(&self.keep_apart);
        }
        if features.locks
            && let Some((s, p)) = self.lock
        {
            instance.constraints.locked = vec![Pair {
                seeker: format!("s{}", usize::from(s) % n_s).as_str().into(),
                provider: format!("p{}", usize::from(p) % n_p).as_str().into(),
            }];
        }
        samman::validate::validate(&instance).ok()?;
        Some(instance)
    }
}

/// Checks every rule a plan must keep: each match passes every pair rule and takes its whole
/// party, every seeker is placed or unplaced exactly once, no provider's group breaks a group
/// rule (capacity, minimum, composition, gender of parties, keep-apart) and no keep-together
/// set is split.
///
/// # Panics
/// When the plan breaks one.
pub fn check_plan(instance: &Instance, plan: &Plan) {
    let seeker_ix: HashMap<&str, usize> = instance
        .seekers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let provider_ix: HashMap<&str, usize> = instance
        .providers
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let session = samman::Session::new(instance.clone()).expect("a valid instance");
    let rules = session.rules();
    let mut provider_of = vec![None; instance.seekers.len()];
    let mut seen = vec![false; instance.seekers.len()];
    let mut members = vec![Vec::new(); instance.providers.len()];
    for m in &plan.matches {
        let s = seeker_ix[m.seeker.as_str()];
        let p = provider_ix[m.provider.as_str()];
        assert_eq!(
            rules.check(s, p),
            Ok(()),
            "{} with {}: pair rule broken",
            m.seeker,
            m.provider
        );
        assert!(!seen[s], "{} placed twice", m.seeker);
        assert_eq!(
            m.seats, instance.seekers[s].party_size,
            "{}: party split",
            m.seeker
        );
        seen[s] = true;
        provider_of[s] = Some(p);
        members[p].push(s);
    }
    for u in &plan.unplaced {
        let s = seeker_ix[u.seeker.as_str()];
        assert!(
            !seen[s],
            "{} both placed and unplaced, or unplaced twice",
            u.seeker
        );
        seen[s] = true;
    }
    assert!(seen.iter().all(|&x| x), "a seeker is missing from the plan");
    for (p, group) in members.iter().enumerate() {
        assert_eq!(
            group_violations(instance, p, group),
            vec![],
            "{}: group rule broken",
            instance.providers[p].id
        );
    }
    assert_eq!(
        keep_together_violations(instance, &provider_of),
        Vec::<usize>::new(),
        "keep-together set split"
    );
}

/// The best (people, score) over every plan that keeps seats (no group rules), by the
/// objective: each seeker unplaced or on one of its candidate edges.
#[must_use]
pub fn brute_force(
    instance: &Instance,
    graph: &CandidateGraph,
    objective: Objective,
) -> (u64, f64) {
    fn go(
        s: usize,
        instance: &Instance,
        graph: &CandidateGraph,
        seats: &mut [u32],
        value: (u64, f64),
        objective: Objective,
        best: &mut (u64, f64),
    ) {
        if s == instance.seekers.len() {
            let better = match objective {
                Objective::MaxScore => value.1 > best.1 + TOLERANCE,
                Objective::MaxPlaced => {
                    value.0 > best.0 || (value.0 == best.0 && value.1 > best.1 + TOLERANCE)
                }
            };
            if better {
                *best = value;
            }
            return;
        }
        go(s + 1, instance, graph, seats, value, objective, best);
        let size = instance.seekers[s].party_size;
        for e in graph.edge_range(s) {
            let c = graph.candidates_by_edge(e);
            let p = c.provider as usize;
            if seats[p] >= size {
                seats[p] -= size;
                let next = (value.0 + u64::from(size), value.1 + c.score);
                go(s + 1, instance, graph, seats, next, objective, best);
                seats[p] += size;
            }
        }
    }
    let mut seats: Vec<u32> = instance.providers.iter().map(|p| p.capacity).collect();
    let mut best = (0, 0.0);
    go(
        0,
        instance,
        graph,
        &mut seats,
        (0, 0.0),
        objective,
        &mut best,
    );
    best
}

#[cfg(test)]
mod tests {
    use arbitrary::Unstructured;

    use super::*;

    /// Fixed pseudo-random bytes (a linear congruential stream).
    fn bytes(seed: u64, n: usize) -> Vec<u8> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (x >> 56) as u8
            })
            .collect()
    }

    /// Most inputs must decode to a valid instance, or the domain targets test nothing.
    #[test]
    fn most_inputs_decode() {
        let features = [
            Features {
                parties: false,
                groups: false,
                locks: false,
            },
            Features {
                parties: true,
                groups: true,
                locks: true,
            },
        ];
        for features in features {
            let decoded = (0..500u64)
                .filter(|&seed| {
                    let data = bytes(seed, 200);
                    TinyInstance::arbitrary(&mut Unstructured::new(&data))
                        .ok()
                        .and_then(|tiny| tiny.decode(features))
                        .is_some()
                })
                .count();
            assert!(decoded > 250, "{features:?}: {decoded} of 500 decode");
        }
    }
}
