//! Stability: blocking pairs and justified envy, with preferences read from ranks and then
//! pair scores (docs/metrics.md defines both for parties and capacities).

use serde::Serialize;

#[cfg(doc)]
use super::MetricsOptions;
use super::Resolved;
use crate::graph::CandidateGraph;
use crate::model::Instance;
use crate::plan::Pair;
use crate::rules::Rules;

/// Stability of the plan (docs/metrics.md defines both figures for parties and capacities).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Stability {
    /// Blocking pairs.
    pub blocking_pairs: usize,
    /// The blocking pairs, when asked for ([`MetricsOptions::list_blocking_pairs`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocking_pair_list: Option<Vec<Pair>>,
    /// Justified-envy instances: (seeker, seeker) pairs.
    pub justified_envy: usize,
    /// Seekers with justified envy toward at least one other.
    pub seekers_with_justified_envy: usize,
}

/// How much one side prefers the other, compared lexicographically: listed before unlisted,
/// then higher in the list, then the pair score. Equal keys are indifference.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
struct PreferenceKey {
    listed: bool,
    neg_rank: f64,
    score: f64,
}

/// Scores closer than this are equal: they come from `f32` criteria.
const SCORE_TOLERANCE: f64 = 1e-9;

impl PreferenceKey {
    fn new(rank: Option<usize>, score: f64) -> Self {
        Self {
            listed: rank.is_some(),
            neg_rank: -(rank.unwrap_or(0) as f64),
            score,
        }
    }

    /// Strict preference of `self` over `other`.
    fn beats(self, other: Self) -> bool {
        if self.listed != other.listed {
            return self.listed;
        }
        if self.neg_rank != other.neg_rank {
            return self.neg_rank > other.neg_rank;
        }
        self.score > other.score + SCORE_TOLERANCE
    }
}

pub(super) fn stability(
    instance: &Instance,
    rules: &Rules<'_>,
    graph: &CandidateGraph,
    r: &Resolved,
    list: bool,
) -> Stability {
    let pair_score = |s: usize, p: usize| rules.score(&rules.breakdown(s, p));
    let seeker_key =
        |s: usize, p: usize| PreferenceKey::new(rules.seeker_rank(s, p), pair_score(s, p));
    let provider_key =
        |s: usize, p: usize| PreferenceKey::new(rules.provider_rank(s, p), pair_score(s, p));
    let size = |s: usize| i64::from(instance.seekers[s].seats_taken());
    // Negative for a provider over its capacity: the overflow must be freed as well.
    let free: Vec<i64> = instance
        .providers
        .iter()
        .zip(&r.members)
        .map(|(p, m)| i64::from(p.capacity) - m.iter().map(|&s| size(s)).sum::<i64>())
        .collect();
    // Each provider's key for each of its members, computed once.
    let member_keys: Vec<Vec<(usize, PreferenceKey)>> = r
        .members
        .iter()
        .enumerate()
        .map(|(p, m)| m.iter().map(|&t| (t, provider_key(t, p))).collect())
        .collect();
    let mut blocking = Vec::new();
    let mut envy = 0usize;
    let mut envious = 0usize;
    for s in 0..instance.seekers.len() {
        let current = r.provider_of[s].map(|p| seeker_key(s, p));
        let mut envies = false;
        for e in graph.edge_range(s) {
            let p = graph.candidates_by_edge(e).provider as usize;
            if r.provider_of[s] == Some(p) || r.off_limits(s).contains(&p) {
                continue;
            }
            if current.is_some_and(|c| !seeker_key(s, p).beats(c)) {
                continue;
            }
            let key = provider_key(s, p);
            let mut room = free[p];
            for &(t, t_key) in &member_keys[p] {
                if key.beats(t_key) {
                    room += size(t);
                    if size(s) <= free[p] + size(t) {
                        envy += 1;
                        envies = true;
                    }
                }
            }
            if size(s) <= room {
                blocking.push((s, p));
            }
        }
        envious += usize::from(envies);
    }
    Stability {
        blocking_pairs: blocking.len(),
        blocking_pair_list: list.then(|| {
            blocking
                .iter()
                .map(|&(s, p)| Pair {
                    seeker: instance.seekers[s].id.clone(),
                    provider: instance.providers[p].id.clone(),
                })
                .collect()
        }),
        justified_envy: envy,
        seekers_with_justified_envy: envious,
    }
}
