//! Novelty between people who met before: which hosts each seeker met (for the pair rule and
//! the novelty criterion), and whether a table seats two people who met (the group rule).

use std::collections::{HashMap, HashSet};

use crate::history::{host_person, reference_date};
use crate::model::{Instance, Novelty};

/// Per seeker, the hosts (by host index) met before, sorted, and beside each the weight
/// novelty gives the latest meeting with them. Read from `history.meetings` and from the
/// `history.met` pairs of a seeker with a host.
pub(super) fn hosts_met(
    instance: &Instance,
    seeker_ix: &HashMap<&str, u32>,
    host_ix: &HashMap<&str, u32>,
) -> (Vec<Vec<u32>>, Vec<Vec<f32>>) {
    let novelty = instance.policy.novelty.unwrap_or(Novelty::NeverAgain);
    let today = reference_date(instance);
    let weight = |date: Option<chrono::NaiveDate>| {
        novelty.weight(today.zip(date).map(|(t, d)| (t - d).num_days())) as f32
    };
    let mut met: Vec<Vec<(u32, f32)>> = vec![Vec::new(); instance.seekers.len()];
    let history = &instance.history;
    let mut note = |seeker: &str, host: &str, w: f32| {
        if let (Some(&s), Some(&h)) = (seeker_ix.get(seeker), host_ix.get(host)) {
            met[s as usize].push((h, w));
        }
    };
    for meeting in &history.meetings {
        note(
            meeting.seeker.as_str(),
            meeting.host.as_str(),
            weight(meeting.date),
        );
    }
    for m in &history.met {
        let w = weight(m.date);
        note(&m.people[0], &m.people[1], w);
        note(&m.people[1], &m.people[0], w);
    }
    let mut hosts = Vec::with_capacity(met.len());
    let mut weights = Vec::with_capacity(met.len());
    for mut list in met {
        // By host, the largest weight (the latest meeting) first, then one entry per host.
        list.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        list.dedup_by_key(|e| e.0);
        hosts.push(list.iter().map(|e| e.0).collect());
        weights.push(list.iter().map(|e| e.1).collect());
    }
    (hosts, weights)
}

/// Whether a table seats two people who met before, when `policy.novelty` is never-again:
/// two of `members` (seeker ids), or one of them and the host person of provider `p`
/// (`history.met`, and `history.meetings` for seekers with hosts; a provider without a host
/// person, such as a table of a lunch roulette, is no one to have met). Always `false` in any
/// other novelty mode.
#[must_use]
pub fn met_before_at_table(instance: &Instance, p: usize, members: &[&str]) -> bool {
    if instance.policy.novelty != Some(Novelty::NeverAgain) || members.is_empty() {
        return false;
    }
    let provider = &instance.providers[p];
    let host = host_person(provider);
    let key = provider.history_key();
    let at: HashSet<&str> = members.iter().copied().chain(host).collect();
    let history = &instance.history;
    history
        .met
        .iter()
        .any(|m| m.people[0] != m.people[1] && m.people.iter().all(|id| at.contains(id.as_str())))
        || host.is_some()
            && history
                .meetings
                .iter()
                .any(|m| m.host.as_str() == key && members.contains(&m.seeker.as_str()))
}
