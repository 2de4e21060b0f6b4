//! History: the plan against earlier meetings (repeated pairs, continuity kept).

use std::collections::HashMap;

use serde::Serialize;

use super::{Resolved, ratio};
use crate::model::Instance;
use crate::rules::Rules;

/// The plan against earlier meetings.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HistoryFigures {
    /// Matches with a host the seeker met before.
    pub repeated_pairs: usize,
    /// Seekers with at least one earlier meeting.
    pub seekers_with_history: usize,
    /// Of them, those placed with the host of their last meeting.
    pub kept_pairs: usize,
    /// `kept_pairs / seekers_with_history`.
    pub continuity_rate: Option<f64>,
}

pub(super) fn history(instance: &Instance, rules: &Rules<'_>, r: &Resolved) -> HistoryFigures {
    let repeated = r
        .provider_of
        .iter()
        .enumerate()
        .filter(|(s, p)| p.is_some_and(|p| rules.met_before(*s, p)))
        .count();
    // The last meeting listed for each seeker is its current pairing.
    let mut last: HashMap<&str, &str> = HashMap::new();
    for meeting in &instance.history.meetings {
        last.insert(meeting.seeker.as_str(), meeting.host.as_str());
    }
    let mut with_history = 0;
    let mut kept = 0;
    for (s, seeker) in instance.seekers.iter().enumerate() {
        let Some(host) = last.get(seeker.id.as_str()) else {
            continue;
        };
        with_history += 1;
        kept += usize::from(
            r.provider_of[s].is_some_and(|p| instance.providers[p].history_key() == *host),
        );
    }
    HistoryFigures {
        repeated_pairs: repeated,
        seekers_with_history: with_history,
        kept_pairs: kept,
        continuity_rate: ratio(kept as f64, with_history as f64),
    }
}
