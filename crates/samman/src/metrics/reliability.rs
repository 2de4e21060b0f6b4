//! Reliability: the no-shows expected from providers' records.

use serde::Serialize;

use super::Resolved;
use crate::model::Instance;

/// Expected no-shows from providers' records.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReliabilityFigures {
    /// Expected number of providers taking place that will not turn up.
    pub expected_no_shows: f64,
    /// Expected number of placed people whose provider will not turn up.
    pub expected_people_affected: f64,
}

pub(super) fn reliability(instance: &Instance, r: &Resolved) -> ReliabilityFigures {
    let mut providers = 0.0;
    let mut people = 0.0;
    for (p, members) in r.members.iter().enumerate() {
        if members.is_empty() {
            continue;
        }
        let q = instance.providers[p].reliability.expected_no_show();
        let seats: u64 = members
            .iter()
            .map(|&s| u64::from(instance.seekers[s].party_size))
            .sum();
        providers += q;
        people += q * seats as f64;
    }
    ReliabilityFigures {
        expected_no_shows: providers,
        expected_people_affected: people,
    }
}
