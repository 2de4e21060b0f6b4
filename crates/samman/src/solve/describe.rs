//! Why a seeker is not placed, in one line for a coordinator: the words every front prints
//! (the command's summary, the bindings), written once here.

use std::collections::BTreeMap;

use crate::model::{Instance, ProviderKind};
use crate::plan::{Reason, Unplaced};
use crate::rules::{GroupRule, Rule};

impl Unplaced {
    /// The reason in one line, such as `no feasible provider: party larger than every table
    /// (largest 6)` or `seats taken by others`. Names rules and sizes, never a person's
    /// attribute values.
    #[must_use]
    pub fn describe(&self, instance: &Instance) -> String {
        match &self.reason {
            Reason::NoFeasibleProvider { excluded, only } => {
                format!(
                    "no feasible provider: {}",
                    no_provider(instance, excluded, only)
                )
            }
            Reason::SeatsTaken { .. } => "seats taken by others".to_owned(),
            Reason::Group { rules } => match rules.first() {
                // Not a rule about the group at one provider: the host runs another event.
                Some(GroupRule::HostEvents { host }) => {
                    format!("host_events: {host} hosts on another date")
                }
                _ => format!("group rule: {}", rules.first().map_or("?", GroupRule::name)),
            },
        }
    }
}

/// What shuts a seeker out of every provider: a party larger than every provider, its own
/// record left out, or else the rule that alone excludes the most providers.
fn no_provider(
    instance: &Instance,
    excluded: &BTreeMap<Rule, usize>,
    only: &BTreeMap<Rule, usize>,
) -> String {
    let n = instance.providers.len();
    if n > 0 && excluded.get(&Rule::Record) == Some(&n) {
        return "the record is left out (see the warnings of `samman validate`)".to_owned();
    }
    if n > 0 && excluded.get(&Rule::Capacity) == Some(&n) {
        let largest = instance.providers.iter().map(|p| p.capacity).max();
        let dinners = instance
            .providers
            .iter()
            .all(|p| p.kind == ProviderKind::Dinner);
        let what = if dinners { "table" } else { "provider" };
        return format!(
            "party larger than every {what} (largest {})",
            largest.unwrap_or(0)
        );
    }
    only.iter()
        .max_by_key(|(rule, n)| (**n, std::cmp::Reverse(**rule)))
        .map_or("several rules".to_owned(), |(r, _)| r.name().to_owned())
}
