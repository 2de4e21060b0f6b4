//! Validity: the plan resolved against the instance (who sits where, with the rebuilt
//! scores), and every hard rule it breaks on the way.

use serde::Serialize;

use super::Resolved;
use crate::model::{HostId, Instance, ProviderId, SeekerId};
use crate::plan::Pairs;
use crate::rules::{
    Breakdown, GroupRule, Rule, Rules, group_violations, host_events_violations,
    keep_together_violations,
};

/// A hard rule the plan breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Violation {
    /// A plan entry names a seeker the instance does not have.
    UnknownSeeker {
        /// Position of the entry in the plan.
        entry: usize,
        /// The id.
        seeker: SeekerId,
    },
    /// A plan entry names a provider the instance does not have.
    UnknownProvider {
        /// Position of the entry in the plan.
        entry: usize,
        /// The id.
        provider: ProviderId,
    },
    /// A seeker placed by more entries than it wants providers, or twice with one provider
    /// (the first entries count in every other figure).
    PlacedTwice {
        /// Position of the later entry.
        entry: usize,
        /// The seeker.
        seeker: SeekerId,
    },
    /// A placed pair breaks pair rules.
    PairRules {
        /// The seeker.
        seeker: SeekerId,
        /// The provider.
        provider: ProviderId,
        /// Every pair rule that fails.
        rules: Vec<Rule>,
    },
    /// A provider's group breaks group rules (capacity, minimum, composition, keep-apart).
    GroupRules {
        /// The provider.
        provider: ProviderId,
        /// Every group rule broken.
        rules: Vec<GroupRule>,
    },
    /// A keep-together set is split.
    KeepTogether {
        /// Position of the set in `constraints.keep_together`.
        set: usize,
    },
    /// A host runs more providers than its `max_events` (`hosts`).
    HostEvents {
        /// The host.
        host: HostId,
        /// Providers of the host that take place.
        events: u32,
        /// The host's limit.
        max_events: u32,
    },
    /// A seeker who wants several providers has two whose times overlap (time rule on).
    TimesOverlap {
        /// The seeker.
        seeker: SeekerId,
        /// The two providers, in plan order.
        providers: Vec<ProviderId>,
    },
    /// A locked assignment is not in the plan.
    LockNotKept {
        /// The seeker.
        seeker: SeekerId,
        /// The provider it is locked to.
        provider: ProviderId,
    },
}

/// Whether the plan respects every hard rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Validity {
    /// No violation at all.
    pub valid: bool,
    /// Every violation, in plan and then provider order.
    pub violations: Vec<Violation>,
}

pub(super) fn resolve(instance: &Instance, rules: &Rules<'_>, plan: &Pairs) -> Resolved {
    let seeker_ix = instance.seeker_indices();
    let provider_ix = instance.provider_indices();
    let n = instance.seekers.len();
    let mut provider_of = vec![None; n];
    let mut violations = Vec::new();
    for (entry, m) in plan.matches.iter().enumerate() {
        let s = seeker_ix.get(m.seeker.as_str()).copied();
        let p = provider_ix.get(m.provider.as_str()).copied();
        if s.is_none() {
            violations.push(Violation::UnknownSeeker {
                entry,
                seeker: m.seeker.clone(),
            });
        }
        if p.is_none() {
            violations.push(Violation::UnknownProvider {
                entry,
                provider: m.provider.clone(),
            });
        }
        let (Some(s), Some(p)) = (s, p) else { continue };
        if provider_of[s].is_some() {
            violations.push(Violation::PlacedTwice {
                entry,
                seeker: m.seeker.clone(),
            });
            continue;
        }
        provider_of[s] = Some(p);
        let failures = rules.failures(s, p);
        if !failures.is_empty() {
            violations.push(Violation::PairRules {
                seeker: m.seeker.clone(),
                provider: m.provider.clone(),
                rules: failures,
            });
        }
    }
    let mut members = vec![Vec::new(); instance.providers.len()];
    for (s, p) in provider_of.iter().enumerate() {
        if let Some(p) = p {
            members[*p].push(s);
        }
    }
    for (p, group) in members.iter().enumerate() {
        let broken = group_violations(instance, p, group);
        if !broken.is_empty() {
            violations.push(Violation::GroupRules {
                provider: instance.providers[p].id.clone(),
                rules: broken,
            });
        }
    }
    for set in keep_together_violations(instance, &provider_of) {
        violations.push(Violation::KeepTogether { set });
    }
    let taking_place: Vec<bool> = members.iter().map(|m| !m.is_empty()).collect();
    for (h, events) in host_events_violations(instance, &taking_place) {
        violations.push(Violation::HostEvents {
            host: instance.hosts[h].id.clone(),
            events,
            max_events: instance.hosts[h].max_events,
        });
    }
    for lock in &instance.constraints.locked {
        let kept = match (
            seeker_ix.get(lock.seeker.as_str()),
            provider_ix.get(lock.provider.as_str()),
        ) {
            (Some(&s), Some(&p)) => provider_of[s] == Some(p),
            _ => false,
        };
        if !kept {
            violations.push(Violation::LockNotKept {
                seeker: lock.seeker.clone(),
                provider: lock.provider.clone(),
            });
        }
    }
    let breakdown: Vec<Option<Breakdown>> = provider_of
        .iter()
        .enumerate()
        .map(|(s, p)| p.map(|p| rules.breakdown(s, p)))
        .collect();
    let score = breakdown
        .iter()
        .map(|b| b.as_ref().map(|b| rules.score(b)))
        .collect();
    Resolved {
        provider_of,
        members,
        breakdown,
        score,
        violations,
        off_limits: None,
    }
}
