//! Figures of a sequence of rounds: who met whom again, how many new people each person met,
//! and how fairly sitting out and hosting were shared. Computed from the rounds as written
//! (and the instance's history), so they hold for rounds from anywhere.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Repeat, Round};
use crate::history::earlier_pairs;
use crate::model::Instance;

/// The smallest, largest and mean of a figure over people.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Spread {
    /// The smallest value.
    pub min: u32,
    /// The largest value.
    pub max: u32,
    /// The mean.
    pub mean: f64,
}

impl Spread {
    fn of(values: impl Iterator<Item = u32>) -> Self {
        let (mut min, mut max, mut sum, mut n) = (u32::MAX, 0, 0u64, 0u64);
        for v in values {
            min = min.min(v);
            max = max.max(v);
            sum += u64::from(v);
            n += 1;
        }
        if n == 0 {
            return Self::default();
        }
        Self {
            min,
            max,
            mean: sum as f64 / n as f64,
        }
    }
}

/// One person's figures over the rounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PersonFigures {
    /// The seeker's id.
    pub id: String,
    /// Rounds in which they had a seat (as guest or host).
    pub seated: u32,
    /// Distinct people they shared a table with.
    pub met: u32,
    /// Of those, people they had not met before (not in the history, not in an earlier round).
    pub new: u32,
    /// Rounds they sat out in turn.
    pub sat_out: u32,
    /// Rounds they hosted.
    pub hosted: u32,
}

/// Figures of a sequence of rounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RoundsMetrics {
    /// Rounds.
    pub rounds: u32,
    /// Distinct pairs of people who shared a table.
    pub pairs_met: u64,
    /// Pairs who shared a table more than once (the history counts as once).
    pub repeat_pairs: u64,
    /// Meetings beyond each pair's first (the history counts as a first).
    pub repeat_meetings: u64,
    /// New acquaintances per seeker (people met for the first time).
    pub new_acquaintances: Spread,
    /// Distinct people each seeker met.
    pub distinct_met: Spread,
    /// Rounds each seeker sat out in turn.
    pub sitting_out: Spread,
    /// Rounds each seeker who hosted at least once, or who may host, hosted.
    pub hosting: Spread,
    /// Per seeker, in seeker order.
    pub people: Vec<PersonFigures>,
}

/// The people at each table of each round (members and host), and per pair the rounds they
/// met in, pairs in ascending id order. Pairs of one keep-together set are left out: they
/// always sit together.
fn meetings(instance: &Instance, rounds: &[Round]) -> BTreeMap<(String, String), Vec<u32>> {
    let together: HashSet<(&str, &str)> = instance
        .constraints
        .keep_together
        .iter()
        .flat_map(|set| {
            set.iter()
                .flat_map(move |a| set.iter().map(move |b| (a.as_str(), b.as_str())))
        })
        .collect();
    let mut pairs: BTreeMap<(String, String), Vec<u32>> = BTreeMap::new();
    for round in rounds {
        for group in &round.groups {
            let people: Vec<&str> = group
                .members
                .iter()
                .map(|m| m.as_str())
                .chain(group.host.as_deref())
                .collect();
            for (i, &a) in people.iter().enumerate() {
                for &b in &people[i + 1..] {
                    if a == b || together.contains(&(a, b)) {
                        continue;
                    }
                    let key = if a < b { (a, b) } else { (b, a) };
                    pairs
                        .entry((key.0.to_owned(), key.1.to_owned()))
                        .or_default()
                        .push(round.round);
                }
            }
        }
    }
    pairs
}

/// The pairs who share a table more than once across `rounds` and the history.
#[must_use]
pub fn repeats(instance: &Instance, rounds: &[Round]) -> Vec<Repeat> {
    let before = earlier_pairs(instance);
    meetings(instance, rounds)
        .into_iter()
        .filter_map(|((a, b), met_in)| {
            let in_history = before.contains_key(&(a.clone(), b.clone()));
            (met_in.len() + usize::from(in_history) > 1).then_some(Repeat {
                people: [a, b],
                rounds: met_in,
                in_history,
            })
        })
        .collect()
}

/// The figures of a sequence of rounds of an instance.
///
/// # Complexity
/// `O(Σ g²)` over the tables of every round (`g` people at a table), plus the history.
#[must_use]
pub fn rounds_metrics(instance: &Instance, rounds: &[Round]) -> RoundsMetrics {
    let before = earlier_pairs(instance);
    let pairs = meetings(instance, rounds);
    let mut figures: Vec<PersonFigures> = instance
        .seekers
        .iter()
        .map(|s| PersonFigures {
            id: s.id.0.clone(),
            seated: 0,
            met: 0,
            new: 0,
            sat_out: 0,
            hosted: 0,
        })
        .collect();
    let index: HashMap<&str, usize> = instance.seeker_indices();
    let (mut repeat_pairs, mut repeat_meetings) = (0u64, 0u64);
    for ((a, b), met_in) in &pairs {
        let in_history = before.contains_key(&(a.clone(), b.clone()));
        let times = met_in.len() as u64 + u64::from(in_history);
        if times > 1 {
            repeat_pairs += 1;
            repeat_meetings += times - 1;
        }
        for id in [a, b] {
            if let Some(&s) = index.get(id.as_str()) {
                figures[s].met += 1;
                figures[s].new += u32::from(!in_history);
            }
        }
    }
    let mut may_host: BTreeSet<usize> = instance
        .providers
        .iter()
        .filter_map(|p| crate::history::host_person(p))
        .filter_map(|h| index.get(h).copied())
        .collect();
    for round in rounds {
        for group in &round.groups {
            for m in &group.members {
                if let Some(&s) = index.get(m.as_str()) {
                    figures[s].seated += 1;
                }
            }
            if let Some(&s) = group.host.as_deref().and_then(|h| index.get(h)) {
                figures[s].seated += 1;
                figures[s].hosted += 1;
                may_host.insert(s);
            }
        }
        for m in &round.sitting_out {
            if let Some(&s) = index.get(m.as_str()) {
                figures[s].sat_out += 1;
            }
        }
    }
    RoundsMetrics {
        rounds: rounds.len() as u32,
        pairs_met: pairs.len() as u64,
        repeat_pairs,
        repeat_meetings,
        new_acquaintances: Spread::of(figures.iter().map(|f| f.new)),
        distinct_met: Spread::of(figures.iter().map(|f| f.met)),
        sitting_out: Spread::of(figures.iter().map(|f| f.sat_out)),
        hosting: Spread::of(may_host.iter().map(|&s| figures[s].hosted)),
        people: figures,
    }
}
