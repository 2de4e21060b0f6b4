//! Which hard rules exclude which providers for seekers with no feasible provider, counted
//! over every provider with bit sets instead of one rule check per pair.
//!
//! For most rules a seeker's verdicts depend on a few of its traits only (its party size for
//! the capacity rule, its availability class for the time rule, ...): seekers that agree on
//! them share the set of providers the rule excludes, computed once with [`Rules::holds`] for
//! one of them. The distance rule is decided per seeker, but only for the providers whose
//! latitude is within the seeker's travel limit; every other provider is too far. The counts
//! are therefore exactly those of checking every rule for every pair.

use std::collections::HashMap;

use crate::parallel::prelude::*;

use super::{Rule, Rules};
use crate::model::EARTH_RADIUS_KM;

/// For each rule (in [`Rule::ALL`] order), how many providers it excludes, and how many it
/// excludes on its own.
pub(crate) type Counts = ([usize; Rule::ALL.len()], [usize; Rule::ALL.len()]);

/// A set of providers, one bit each.
#[derive(Debug, Clone)]
struct Bits(Vec<u64>);

impl Bits {
    fn empty(n: usize) -> Self {
        Self(vec![0; n.div_ceil(64)])
    }

    fn insert(&mut self, p: usize) {
        self.0[p / 64] |= 1 << (p % 64);
    }

    fn remove(&mut self, p: usize) {
        self.0[p / 64] &= !(1 << (p % 64));
    }

    fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    fn count_and(&self, other: &Bits) -> usize {
        self.0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }
}

/// What a seeker's verdicts under `rule` depend on, for the rules decided per group (every
/// rule but blocked and distance): seekers with equal keys get equal verdicts from every
/// provider. A key naming the seeker itself means the rule is decided for that seeker alone.
fn key(rules: &Rules<'_>, rule: Rule, s: usize) -> [u64; 4] {
    let on = &rules.instance.policy.rules;
    let a = &rules.seeker_traits[s];
    let alone = [u64::MAX, s as u64, 0, 0];
    match rule {
        Rule::Record => [u64::from(a.left_out), 0, 0, 0],
        // The provider's alone: one set for every seeker.
        Rule::Readiness => [0, 0, 0, 0],
        Rule::Capacity => [u64::from(a.seats), 0, 0, 0],
        Rule::Verification => [u64::from(on.verification && a.verification), 0, 0, 0],
        Rule::GenderParties => [
            if on.gender_parties {
                a.gender.map_or(0, |g| g as u64 + 1)
            } else {
                0
            },
            0,
            0,
            0,
        ],
        Rule::Topics if on.topics && a.has_topics => alone,
        Rule::Needs if a.has_needs => alone,
        // A provider's filter reads the seeker's profile: decided per seeker when any filters.
        Rule::Accepts if a.has_accepts || rules.any_provider_accepts() => alone,
        Rule::Same if !on.same.is_empty() => alone,
        Rule::Diet if on.diet && a.diet_custom => alone,
        Rule::Diet => [u64::from(on.diet) * u64::from(a.diet), 0, 0, 0],
        Rule::Language if !on.language || a.no_languages => [0, 0, 0, 0],
        Rule::Language => [1, a.languages[0], a.languages[1], a.languages[2]],
        Rule::Time => [u64::from(rules.times.seeker_class[s]), 0, 0, 0],
        Rule::Topics
        | Rule::Needs
        | Rule::Accepts
        | Rule::Same
        | Rule::Blocked
        | Rule::Distance
        | Rule::MetBefore => [0, 0, 0, 0],
    }
}

/// The rules decided per group of seekers with equal keys.
const GROUPED: [Rule; 12] = [
    Rule::Record,
    Rule::Readiness,
    Rule::Capacity,
    Rule::Verification,
    Rule::GenderParties,
    Rule::Topics,
    Rule::Needs,
    Rule::Accepts,
    Rule::Same,
    Rule::Diet,
    Rule::Language,
    Rule::Time,
];

/// For each of `seekers`, the providers each hard rule excludes and those it excludes alone,
/// as counts in [`Rule::ALL`] order: the same figures as checking [`Rules::failed`] for every
/// provider.
///
/// # Complexity
/// For each rule, `O(P)` rule checks per distinct key among the seekers; per seeker,
/// `O(P / 64)` word operations plus a distance check for each provider within its latitude
/// band. In parallel over groups, then over seekers.
pub(crate) fn exclusions(rules: &Rules<'_>, seekers: &[usize]) -> Vec<Counts> {
    let n = rules.instance.providers.len();
    // The excluded set of every (rule, key) that occurs, from one representative seeker.
    let mut groups: Vec<(usize, [u64; 4], usize)> = Vec::new(); // (rule position, key, seeker)
    let mut seen: HashMap<(usize, [u64; 4]), usize> = HashMap::new();
    for (r, &rule) in GROUPED.iter().enumerate() {
        for &s in seekers {
            let key = key(rules, rule, s);
            seen.entry((r, key)).or_insert_with(|| {
                groups.push((r, key, s));
                groups.len() - 1
            });
        }
    }
    let sets: Vec<Bits> = groups
        .par_iter()
        .map(|&(r, _, s)| {
            let mut bits = Bits::empty(n);
            for p in 0..n {
                if !rules.holds(GROUPED[r], s, p) {
                    bits.insert(p);
                }
            }
            bits
        })
        .collect();
    let distance = DistanceIndex::new(rules);
    seekers
        .par_iter()
        .map(|&s| {
            let mut blocked = Bits::empty(n);
            for &p in &rules.blocked[s] {
                blocked.insert(p as usize);
            }
            let far = distance.too_far(rules, s);
            let mut met = Bits::empty(n);
            if rules.never_again() && !rules.met[s].is_empty() {
                for p in (0..n).filter(|&p| rules.met_before(s, p)) {
                    met.insert(p);
                }
            }
            // Borrowed, not copied: the grouped sets are shared by every seeker of the group.
            let failing: [&Bits; Rule::ALL.len()] = Rule::ALL.map(|rule| match rule {
                Rule::Blocked => &blocked,
                Rule::Distance => &far,
                Rule::MetBefore => &met,
                _ => {
                    let r = GROUPED
                        .iter()
                        .position(|&g| g == rule)
                        .expect("every other rule is grouped");
                    &sets[seen[&(r, key(rules, rule, s))]]
                }
            });
            count(&failing)
        })
        .collect()
}

/// Per rule, the providers it excludes and those it excludes alone.
fn count(failing: &[&Bits; Rule::ALL.len()]) -> Counts {
    let words = failing[0].0.len();
    // Providers failing at least one rule, and at least two.
    let (mut once, mut twice) = (vec![0u64; words], vec![0u64; words]);
    for bits in failing {
        for (w, &b) in bits.0.iter().enumerate() {
            twice[w] |= once[w] & b;
            once[w] |= b;
        }
    }
    let alone = Bits(once.iter().zip(&twice).map(|(o, t)| o & !t).collect());
    let mut excluded = [0; Rule::ALL.len()];
    let mut only = [0; Rule::ALL.len()];
    for (r, bits) in failing.iter().enumerate() {
        excluded[r] = bits.count();
        only[r] = bits.count_and(&alone);
    }
    (excluded, only)
}

/// Located providers sorted by latitude, to find those a travel limit may reach.
struct DistanceIndex {
    /// (latitude in radians, provider), ascending.
    by_latitude: Vec<(f64, u32)>,
    /// Every located provider.
    located: Bits,
}

impl DistanceIndex {
    fn new(rules: &Rules<'_>) -> Self {
        let n = rules.instance.providers.len();
        let mut located = Bits::empty(n);
        let mut by_latitude = Vec::new();
        for (p, traits) in rules.provider_traits.iter().enumerate() {
            if let Some(at) = traits.at {
                located.insert(p);
                by_latitude.push((at.phi(), p as u32));
            }
        }
        by_latitude.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        Self {
            by_latitude,
            located,
        }
    }

    /// The providers the distance rule excludes for seeker `s`.
    fn too_far(&self, rules: &Rules<'_>, s: usize) -> Bits {
        let on = &rules.instance.policy.rules;
        let a = &rules.seeker_traits[s];
        let Some(at) = a.at.filter(|_| on.distance) else {
            return Bits::empty(rules.instance.providers.len());
        };
        // No pair's limit passes the seeker's own; a provider further in latitude alone is too
        // far (the margin covers the rounding of `Radians::within_km`).
        let limit = a.travel_km.min(on.max_distance_km.unwrap_or(f64::INFINITY));
        let band = (limit * 1.001 + 1e-6) / EARTH_RADIUS_KM;
        let (low, high) = (at.phi() - band, at.phi() + band);
        let start = self.by_latitude.partition_point(|&(phi, _)| phi < low);
        let mut far = self.located.clone();
        for &(phi, p) in &self.by_latitude[start..] {
            if phi > high {
                break;
            }
            if rules.holds(Rule::Distance, s, p as usize) {
                far.remove(p as usize);
            }
        }
        far
    }
}
