//! The group rules: about everyone placed with one provider (capacity, minimum, composition,
//! gender parties, keep-apart, novelty), and about seekers kept together across providers.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::met_before_at_table;
use crate::model::{Gender, Instance, Origin};

/// A rule about the whole group at one provider, or about seekers kept together or apart.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case", tag = "rule")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum GroupRule {
    /// More seats taken than the capacity.
    Capacity,
    /// Fewer seats filled than the minimum (the provider should not take place).
    Minimum,
    /// Fewer newcomers than `composition.min_newcomers` (the host counts).
    Newcomers,
    /// Fewer established residents than `composition.min_established` (the host counts).
    Established,
    /// Someone is the only person with their value of an attribute.
    LoneMember {
        /// The attribute, such as `gender`.
        attribute: String,
    },
    /// An all-female party and an all-male party (the host counts).
    GenderParties,
    /// Two seekers of a keep-apart set at one provider.
    KeepApart,
    /// Seekers of a keep-together set placed apart.
    KeepTogether,
    /// Two people at the table met before and `policy.novelty` is never-again.
    MetBefore,
    /// The provider's host already runs `max_events` other providers (`hosts`): a dinner not
    /// used because its household hosts on another date.
    HostEvents {
        /// The host's id.
        host: String,
    },
}

impl GroupRule {
    /// The rule's name in JSON and reports (`lone_member` for every attribute).
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            GroupRule::Capacity => "capacity",
            GroupRule::Minimum => "minimum",
            GroupRule::Newcomers => "newcomers",
            GroupRule::Established => "established",
            GroupRule::LoneMember { .. } => "lone_member",
            GroupRule::GenderParties => "gender_parties",
            GroupRule::KeepApart => "keep_apart",
            GroupRule::KeepTogether => "keep_together",
            GroupRule::MetBefore => "met_before",
            GroupRule::HostEvents { .. } => "host_events",
        }
    }

    /// One rule of each kind, for the tests that must cover them all: the match stops
    /// compiling when a kind is added without an example here.
    #[cfg(test)]
    pub(crate) fn every_kind() -> Vec<GroupRule> {
        let all = vec![
            GroupRule::Capacity,
            GroupRule::Minimum,
            GroupRule::Newcomers,
            GroupRule::Established,
            GroupRule::LoneMember {
                attribute: "gender".into(),
            },
            GroupRule::GenderParties,
            GroupRule::KeepApart,
            GroupRule::KeepTogether,
            GroupRule::MetBefore,
            GroupRule::HostEvents {
                host: "household-7".into(),
            },
        ];
        for rule in &all {
            match rule {
                GroupRule::Capacity
                | GroupRule::Minimum
                | GroupRule::Newcomers
                | GroupRule::Established
                | GroupRule::LoneMember { .. }
                | GroupRule::GenderParties
                | GroupRule::KeepApart
                | GroupRule::KeepTogether
                | GroupRule::MetBefore
                | GroupRule::HostEvents { .. } => {}
            }
        }
        all
    }

    /// Whether the rule is a conflict between members (capacity, gender parties, keep-apart):
    /// adding members cannot mend it, only taking one away; the other group rules (minimum,
    /// composition, lone member) a larger group may yet meet.
    #[must_use]
    pub fn is_conflict(&self) -> bool {
        matches!(
            self,
            GroupRule::Capacity | GroupRule::GenderParties | GroupRule::KeepApart
        )
    }
}

/// The group rules a provider's group breaks: `members` are seeker indices placed with
/// provider `p`. An empty group breaks none (the provider does not take place). Keep-together
/// is about several providers and is checked by [`keep_together_violations`].
#[must_use]
pub fn group_violations(instance: &Instance, p: usize, members: &[usize]) -> Vec<GroupRule> {
    let mut broken = Vec::new();
    if members.is_empty() {
        return broken;
    }
    let provider = &instance.providers[p];
    let policy = &instance.policy;
    let seats: u64 = members
        .iter()
        .map(|&s| u64::from(instance.seekers[s].seats_taken()))
        .sum();
    if seats > u64::from(provider.capacity) {
        broken.push(GroupRule::Capacity);
    }
    if seats < u64::from(provider.minimum) {
        broken.push(GroupRule::Minimum);
    }
    // Everyone at the table: each party with its size, and the host household.
    let host = provider
        .host_profile
        .as_ref()
        .map(|h| (h, provider.host_size));
    let people = || {
        members
            .iter()
            .map(|&s| (&instance.seekers[s].profile, instance.seekers[s].party_size))
            .chain(host)
    };
    let composition = &policy.composition;
    if composition.enforce {
        let count = |origin: Origin| -> u64 {
            people()
                .filter(|(profile, _)| profile.origin == Some(origin))
                .map(|(_, n)| u64::from(n))
                .sum()
        };
        if count(Origin::Newcomer) < u64::from(composition.min_newcomers) {
            broken.push(GroupRule::Newcomers);
        }
        if count(Origin::Established) < u64::from(composition.min_established) {
            broken.push(GroupRule::Established);
        }
        for attribute in &composition.no_lone {
            let mut counts: HashMap<String, u64> = HashMap::new();
            for (profile, n) in people() {
                if let Some(value) = profile.value(attribute) {
                    *counts.entry(value).or_default() += u64::from(n);
                }
            }
            if counts.values().any(|&n| n == 1) {
                broken.push(GroupRule::LoneMember {
                    attribute: attribute.clone(),
                });
            }
        }
    }
    if policy.rules.gender_parties {
        let genders: Vec<Option<Gender>> = people().map(|(profile, _)| profile.gender).collect();
        if genders.contains(&Some(Gender::Female)) && genders.contains(&Some(Gender::Male)) {
            broken.push(GroupRule::GenderParties);
        }
    }
    let keep_apart = &instance.constraints.keep_apart;
    let index: HashMap<&str, usize> = if keep_apart.is_empty() {
        HashMap::new()
    } else {
        members
            .iter()
            .map(|&s| (instance.seekers[s].id.as_str(), s))
            .collect()
    };
    if instance.constraints.keep_apart.iter().any(|set| {
        set.iter()
            .filter(|id| index.contains_key(id.as_str()))
            .count()
            > 1
    }) {
        broken.push(GroupRule::KeepApart);
    }
    if policy.novelty == Some(crate::model::Novelty::NeverAgain) {
        let ids: Vec<&str> = members
            .iter()
            .map(|&s| instance.seekers[s].id.as_str())
            .collect();
        if met_before_at_table(instance, p, &ids) {
            broken.push(GroupRule::MetBefore);
        }
    }
    broken
}

/// The keep-together sets (by position) whose members are not all with one provider or all
/// unplaced. `provider_of[s]` is seeker `s`'s provider index, if placed.
#[must_use]
pub fn keep_together_violations(instance: &Instance, provider_of: &[Option<usize>]) -> Vec<usize> {
    let index = instance.seeker_indices();
    instance
        .constraints
        .keep_together
        .iter()
        .enumerate()
        .filter(|(_, set)| {
            let mut places = set
                .iter()
                .filter_map(|id| index.get(id.as_str()))
                .map(|&s| provider_of[s]);
            let first = places.next();
            places.any(|p| Some(p) != first)
        })
        .map(|(j, _)| j)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name written by hand is the name in JSON.
    #[test]
    fn names_are_the_json_names() {
        for rule in &GroupRule::every_kind() {
            let value = serde_json::to_value(rule).unwrap();
            assert_eq!(value["rule"].as_str(), Some(rule.name()));
        }
    }
}
