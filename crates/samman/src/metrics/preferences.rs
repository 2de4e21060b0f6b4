//! Preferences: how well seekers got the providers they ranked.

use serde::Serialize;

use super::{Resolved, ratio};
use crate::rules::Rules;

/// How well seekers got what they ranked.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Preferences {
    /// Seekers with a non-empty preference list (the denominator of the shares).
    pub seekers_with_list: usize,
    /// Share of them placed with their first choice.
    pub first_choice: Option<f64>,
    /// Share of them placed with one of their first three choices.
    pub top3: Option<f64>,
    /// Mean rank (1 = first) of those placed with a provider they listed.
    pub mean_rank: Option<f64>,
    /// `ranks[i]`: how many are placed with their choice number `i + 1`.
    pub ranks: Vec<usize>,
    /// How many are placed with a provider they did not list.
    pub unlisted: usize,
    /// How many are not placed.
    pub unplaced: usize,
}

pub(super) fn preferences(rules: &Rules<'_>, r: &Resolved) -> Preferences {
    let instance = rules.instance();
    let mut figures = Preferences {
        seekers_with_list: 0,
        first_choice: None,
        top3: None,
        mean_rank: None,
        ranks: Vec::new(),
        unlisted: 0,
        unplaced: 0,
    };
    let mut rank_sum = 0usize;
    for (s, seeker) in instance.seekers.iter().enumerate() {
        if seeker.preferences.is_empty() {
            continue;
        }
        figures.seekers_with_list += 1;
        match r.provider_of[s] {
            None => figures.unplaced += 1,
            Some(p) => match rules.seeker_rank(s, p) {
                None => figures.unlisted += 1,
                Some(rank) => {
                    if figures.ranks.len() <= rank {
                        figures.ranks.resize(rank + 1, 0);
                    }
                    figures.ranks[rank] += 1;
                    rank_sum += rank + 1;
                }
            },
        }
    }
    let listed: usize = figures.ranks.iter().sum();
    let n = figures.seekers_with_list as f64;
    figures.first_choice = ratio(figures.ranks.first().copied().unwrap_or(0) as f64, n);
    figures.top3 = ratio(figures.ranks.iter().take(3).sum::<usize>() as f64, n);
    figures.mean_rank = ratio(rank_sum as f64, listed as f64);
    figures
}
