//! Hosts with alternative dates (`instance.hosts`): at most `max_events` of a host's providers
//! take place. Solvers that cannot say so in their own terms (the flow, deferred acceptance)
//! solve again with the surplus providers closed; [`super::finalize`] cancels any surplus left.

use std::collections::BTreeMap;

use super::context::{Component, Context};
use super::ix::{EdgeIx, SeekerIx};

/// A provider taking place: (provider, has a locked seeker, worth).
pub(crate) type Running = (usize, bool, f64);

/// The providers taking place beyond their host's limit, given the providers that take place
/// and what each is worth: per host over its limit, the ones after the first `max_events` in
/// the order (with a locked seeker first, then worth descending, then index). Providers are
/// given as `(provider, has a locked seeker, worth)`, any index space; the result is the
/// indices to close (locked ones never), ascending.
pub(crate) fn surplus(
    host_limit: impl Fn(usize) -> Option<(usize, u32)>,
    taking_place: &[Running],
) -> Vec<usize> {
    let mut by_host: BTreeMap<usize, (u32, Vec<Running>)> = BTreeMap::new();
    for &(p, locked, worth) in taking_place {
        if let Some((h, max)) = host_limit(p) {
            by_host
                .entry(h)
                .or_insert_with(|| (max, Vec::new()))
                .1
                .push((p, locked, worth));
        }
    }
    let mut close = Vec::new();
    for (max, mut providers) in by_host.into_values() {
        if providers.len() <= max as usize {
            continue;
        }
        providers.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
        close.extend(
            providers[max as usize..]
                .iter()
                .filter(|(_, locked, _)| !locked)
                .map(|&(p, _, _)| p),
        );
    }
    close.sort_unstable();
    close
}

/// The providers of `component` (positions) to close after a solver chose `chosen`
/// ((seeker, edge) pairs): those beyond their host's limit, the least valuable first.
pub(crate) fn to_close(
    context: &Context<'_>,
    component: &Component,
    chosen: &[(SeekerIx, EdgeIx)],
) -> Vec<u32> {
    if context.instance.hosts.is_empty() {
        return Vec::new();
    }
    let mut at: BTreeMap<usize, (bool, f64)> = BTreeMap::new();
    for &(s, e) in chosen {
        let j = component.provider(context.provider_of(e));
        let entry = at.entry(j).or_insert((false, 0.0));
        entry.0 |= context.locked[s].is_some();
        entry.1 += context.weight(e);
    }
    let taking_place: Vec<(usize, bool, f64)> = at
        .into_iter()
        .map(|(j, (locked, worth))| (j, locked, worth))
        .collect();
    surplus(
        |j| context.host_limit[component.providers[j]],
        &taking_place,
    )
    .into_iter()
    .map(|j| j as u32)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::surplus;

    #[test]
    fn the_least_worth_beyond_the_limit_is_closed_locked_kept() {
        let limit = |p: usize| match p {
            0..=2 => Some((0, 1)),
            3 | 4 => Some((1, 2)),
            _ => None,
        };
        // Host 0 runs three: keep the most valuable (1), close 0 and 2. Host 1 within limit.
        let taking = [
            (0, false, 2.0),
            (1, false, 5.0),
            (2, false, 1.0),
            (3, false, 1.0),
            (4, false, 1.0),
            (5, false, 9.0),
        ];
        assert_eq!(surplus(limit, &taking), vec![0, 2]);
        // A provider with a locked seeker is kept first.
        let taking = [(0, true, 0.5), (1, false, 5.0)];
        assert_eq!(surplus(limit, &taking), vec![1]);
    }
}
