//! `SolverKind::Auto`: the group-aware solver when a rule about whole groups can bind, the
//! optimal one otherwise. The flow relaxation under `optimal` knows nothing of group rules, so
//! where they bind it cancels whole providers that the group search would have mended (a
//! generated dinner programme of 300 parties: 284 of 553 people placed by `optimal`, 465 by
//! `groups`); where none binds `optimal` is exact or has a proven gap, and faster.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::SolverKind;
use crate::model::Instance;

/// Which solver `auto` ran, and why: recorded in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SolverChoice {
    /// The solver asked for: `auto`.
    pub asked: SolverKind,
    /// The solver that ran.
    pub ran: SolverKind,
    /// The group rules that can bind in the instance, by name (`minimum`, `composition`,
    /// `gender_parties`, `keep_together`, `keep_apart`, `met_before`, `host_events`); empty when
    /// `optimal` ran.
    pub binding: Vec<String>,
}

/// The group rules that can bind in `instance`: a provider minimum above one person, a
/// composition rule enforced with a requirement, the gender-party rule, keep-together or
/// keep-apart sets, people who met before at one table under `policy.novelty` never-again, a
/// host with fewer `max_events` than providers.
#[must_use]
pub fn binding_group_rules(instance: &Instance) -> Vec<String> {
    let mut binding = Vec::new();
    if instance.providers.iter().any(|p| p.minimum > 1) {
        binding.push("minimum");
    }
    let composition = &instance.policy.composition;
    if composition.enforce
        && (composition.min_newcomers > 0
            || composition.min_established > 0
            || !composition.no_lone.is_empty())
    {
        binding.push("composition");
    }
    if instance.policy.rules.gender_parties {
        binding.push("gender_parties");
    }
    if instance
        .constraints
        .keep_together
        .iter()
        .any(|set| set.len() > 1)
    {
        binding.push("keep_together");
    }
    if instance
        .constraints
        .keep_apart
        .iter()
        .any(|set| set.len() > 1)
    {
        binding.push("keep_apart");
    }
    if instance.policy.novelty == Some(crate::model::Novelty::NeverAgain)
        && !instance.history.met.is_empty()
    {
        binding.push("met_before");
    }
    let mut providers_of_host = vec![0u64; instance.hosts.len()];
    for (h, _) in instance.host_limits().into_iter().flatten() {
        providers_of_host[h] += 1;
    }
    if instance
        .hosts
        .iter()
        .zip(&providers_of_host)
        .any(|(host, &n)| u64::from(host.max_events) < n)
    {
        binding.push("host_events");
    }
    binding.into_iter().map(str::to_owned).collect()
}

/// The solver to run for `asked`, and the record of the choice when `asked` is `auto`.
#[must_use]
pub fn resolve(instance: &Instance, asked: SolverKind) -> (SolverKind, Option<SolverChoice>) {
    if asked != SolverKind::Auto {
        return (asked, None);
    }
    let binding = binding_group_rules(instance);
    let ran = if binding.is_empty() {
        SolverKind::Optimal
    } else {
        SolverKind::Groups
    };
    (
        ran,
        Some(SolverChoice {
            asked,
            ran,
            binding,
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{Params, Programme, generate};

    #[test]
    fn groups_where_a_group_rule_binds() {
        let params = Params {
            size: 30,
            seed: 1,
            ..Params::default()
        };
        let dinners = generate(Programme::Dinners, &params);
        let (ran, choice) = resolve(&dinners, SolverKind::Auto);
        assert_eq!(ran, SolverKind::Groups);
        assert!(!choice.unwrap().binding.is_empty());

        let mut plain = dinners.clone();
        plain.providers.iter_mut().for_each(|p| p.minimum = 0);
        plain.policy.composition.enforce = false;
        plain.policy.rules.gender_parties = false;
        plain.constraints = crate::model::Constraints::default();
        let (ran, choice) = resolve(&plain, SolverKind::Auto);
        assert_eq!(ran, SolverKind::Optimal);
        assert!(choice.unwrap().binding.is_empty());
        plain
            .constraints
            .keep_apart
            .push(vec!["a".into(), "b".into()]);
        assert_eq!(resolve(&plain, SolverKind::Auto).0, SolverKind::Groups);
        assert_eq!(
            resolve(&plain, SolverKind::Stable),
            (SolverKind::Stable, None)
        );
    }
}
