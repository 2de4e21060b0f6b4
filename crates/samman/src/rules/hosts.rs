//! The `host_events` rule: a host listed in `instance.hosts` runs at most `max_events` of the
//! providers that name it as their `host` (a household offering Saturday or Sunday hosts once).

use crate::model::Instance;

/// The hosts (positions in `instance.hosts`) that run more providers than their
/// `max_events`, with how many they run: `taking_place[p]` says whether provider `p` has
/// anyone placed. Ascending by host.
#[must_use]
pub fn host_events_violations(instance: &Instance, taking_place: &[bool]) -> Vec<(usize, u32)> {
    let mut events = vec![0u32; instance.hosts.len()];
    for (p, limit) in instance.host_limits().into_iter().enumerate() {
        if let (Some((h, _)), true) = (limit, taking_place.get(p).copied().unwrap_or(false)) {
            events[h] += 1;
        }
    }
    instance
        .hosts
        .iter()
        .zip(events)
        .enumerate()
        .filter(|(_, (host, n))| *n > host.max_events)
        .map(|(h, (_, n))| (h, n))
        .collect()
}
