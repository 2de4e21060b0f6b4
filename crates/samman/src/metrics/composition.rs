//! Group composition: the make-up of the groups that take place (newcomer shares, lone
//! members, the mixing index).

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Resolved, min_max, ratio};
use crate::model::{Instance, Origin, Profile};

/// Mean, smallest and largest of a set of values.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "ShareRange")
)]
pub struct Range {
    /// Mean.
    pub mean: f64,
    /// Smallest.
    pub min: f64,
    /// Largest.
    pub max: f64,
}

/// The make-up of the groups that take place.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GroupComposition {
    /// Providers with at least one seeker placed.
    pub providers_taking_place: usize,
    /// Share of newcomers among the people of known origin at each provider (host included).
    pub newcomer_share: Option<Range>,
    /// Providers where everyone of known origin has the same origin.
    pub single_origin_providers: usize,
    /// Per attribute, providers where someone is the only person with their value.
    pub lone_member_providers: BTreeMap<String, usize>,
    /// Per attribute, the mixing index: mean Blau index of the groups over the Blau index of
    /// everyone at them.
    pub mixing_index: BTreeMap<String, Option<f64>>,
}

/// Everyone at a provider that takes place: each party with its size, and the host household.
fn table<'a>(instance: &'a Instance, p: usize, members: &[usize]) -> Vec<(&'a Profile, u64)> {
    let provider = &instance.providers[p];
    members
        .iter()
        .map(|&s| {
            (
                &instance.seekers[s].profile,
                u64::from(instance.seekers[s].party_size),
            )
        })
        .chain(
            provider
                .host_profile
                .as_ref()
                .map(|h| (h, u64::from(provider.host_size))),
        )
        .collect()
}

fn value_counts(people: &[(&Profile, u64)], attribute: &str) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for (profile, n) in people {
        if let Some(value) = profile.value(attribute) {
            *counts.entry(value).or_insert(0) += n;
        }
    }
    counts
}

/// Blau's index of heterogeneity, `1 - Σ_v share_v²`; `None` for nobody.
fn blau(counts: &BTreeMap<String, u64>) -> Option<f64> {
    let n: u64 = counts.values().sum();
    (n > 0).then(|| {
        1.0 - counts
            .values()
            .map(|&c| (c as f64 / n as f64).powi(2))
            .sum::<f64>()
    })
}

pub(super) fn composition(instance: &Instance, r: &Resolved) -> GroupComposition {
    let tables: Vec<Vec<(&Profile, u64)>> = r
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.is_empty())
        .map(|(p, m)| table(instance, p, m))
        .collect();
    let mut shares = Vec::new();
    let mut single_origin = 0;
    for people in &tables {
        let counts = value_counts(people, "origin");
        let known: u64 = counts.values().sum();
        if known > 0 {
            let newcomers = counts
                .get(&crate::model::enum_name(&Origin::Newcomer))
                .copied()
                .unwrap_or(0);
            shares.push(newcomers as f64 / known as f64);
            single_origin += usize::from(counts.len() == 1);
        }
    }
    let mut attributes: Vec<String> = ["origin", "gender", "age_band"].map(str::to_owned).to_vec();
    for a in &instance.policy.composition.no_lone {
        if !attributes.contains(a) {
            attributes.push(a.clone());
        }
    }
    let mut lone = BTreeMap::new();
    let mut mixing = BTreeMap::new();
    for attribute in &attributes {
        let mut everyone: BTreeMap<String, u64> = BTreeMap::new();
        let mut table_blau = Vec::new();
        let mut with_lone = 0;
        for people in &tables {
            let counts = value_counts(people, attribute);
            with_lone += usize::from(counts.values().any(|&c| c == 1));
            if let Some(b) = blau(&counts) {
                table_blau.push(b);
            }
            for (value, c) in counts {
                *everyone.entry(value).or_insert(0) += c;
            }
        }
        lone.insert(attribute.clone(), with_lone);
        let mean_table = ratio(table_blau.iter().sum(), table_blau.len() as f64);
        let index = match (mean_table, blau(&everyone)) {
            (Some(t), Some(all)) => ratio(t, all),
            _ => None,
        };
        mixing.insert(attribute.clone(), index);
    }
    GroupComposition {
        providers_taking_place: tables.len(),
        newcomer_share: range(&shares),
        single_origin_providers: single_origin,
        lone_member_providers: lone,
        mixing_index: mixing,
    }
}

fn range(values: &[f64]) -> Option<Range> {
    let (min, max) = min_max(values.iter().copied())?;
    Some(Range {
        mean: values.iter().sum::<f64>() / values.len() as f64,
        min,
        max,
    })
}
