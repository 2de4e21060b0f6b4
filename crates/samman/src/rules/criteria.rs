//! The soft criteria: what a feasible pair is worth, each between 0 and 1 before weighting,
//! defined exactly in docs/rules.md.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A soft criterion, each worth between 0 and 1 before weighting.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Criterion {
    /// `1 - distance / limit`, 1 for a remote pair.
    Distance,
    /// The shared language level as a fraction of native.
    Language,
    /// Rank in each side's preference list.
    Preference,
    /// Days waited over the waiting scale, at most 1.
    Waiting,
    /// 1 if they met before.
    Continuity,
    /// 1 if they did not meet before.
    Novelty,
    /// Share of the seeker's topics offered.
    Topics,
    /// The provider's expected completion rate.
    Reliability,
    /// The seeker's priority value (not bounded to 1).
    Priority,
}

impl Criterion {
    /// Every criterion, in breakdown order.
    pub const ALL: [Criterion; 9] = [
        Criterion::Distance,
        Criterion::Language,
        Criterion::Preference,
        Criterion::Waiting,
        Criterion::Continuity,
        Criterion::Novelty,
        Criterion::Topics,
        Criterion::Reliability,
        Criterion::Priority,
    ];

    /// The criterion's name in JSON and reports.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Criterion::Distance => "distance",
            Criterion::Language => "language",
            Criterion::Preference => "preference",
            Criterion::Waiting => "waiting",
            Criterion::Continuity => "continuity",
            Criterion::Novelty => "novelty",
            Criterion::Topics => "topics",
            Criterion::Reliability => "reliability",
            Criterion::Priority => "priority",
        }
    }
}

/// The value of each soft criterion for one pair, before weighting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Breakdown {
    /// Distance criterion.
    pub distance: f32,
    /// Language criterion.
    pub language: f32,
    /// Preference criterion.
    pub preference: f32,
    /// Waiting criterion.
    pub waiting: f32,
    /// Continuity criterion.
    pub continuity: f32,
    /// Novelty criterion.
    pub novelty: f32,
    /// Topics criterion.
    pub topics: f32,
    /// Reliability criterion.
    pub reliability: f32,
    /// Priority criterion.
    pub priority: f32,
}

impl Breakdown {
    /// The value of one criterion.
    #[must_use]
    pub fn get(&self, criterion: Criterion) -> f32 {
        match criterion {
            Criterion::Distance => self.distance,
            Criterion::Language => self.language,
            Criterion::Preference => self.preference,
            Criterion::Waiting => self.waiting,
            Criterion::Continuity => self.continuity,
            Criterion::Novelty => self.novelty,
            Criterion::Topics => self.topics,
            Criterion::Reliability => self.reliability,
            Criterion::Priority => self.priority,
        }
    }
}

/// Distance criterion: `1 - d / scale`, clamped to `[0, 1]`; 1 when either side is remote.
/// The scale is the pair's travel limit, or 10 km when there is none.
#[must_use]
pub fn distance_score(distance: Option<f64>, limit: Option<f64>) -> f64 {
    const DEFAULT_SCALE_KM: f64 = 10.0;
    match distance {
        None => 1.0,
        Some(d) => {
            let scale = limit.unwrap_or(DEFAULT_SCALE_KM);
            if scale <= 0.0 {
                f64::from(u8::from(d <= 0.0))
            } else {
                (1.0 - d / scale).clamp(0.0, 1.0)
            }
        }
    }
}

/// Preference criterion for one side's list: `1 - rank / len` (the first gets 1), 0 when the
/// other is not listed, `None` when the side ranks nobody.
#[must_use]
pub fn rank_score(rank: Option<usize>, list_len: usize) -> Option<f64> {
    (list_len > 0).then(|| rank.map_or(0.0, |r| 1.0 - r as f64 / list_len as f64))
}

/// Waiting criterion: days waited over `scale_days`, at most 1, 0 when unknown.
#[must_use]
pub fn waiting_score(days_waited: Option<i64>, scale_days: u32) -> f64 {
    days_waited.map_or(0.0, |d| {
        (d.max(0) as f64 / f64::from(scale_days.max(1))).min(1.0)
    })
}

/// Topics criterion: the share of the seeker's topics the provider offers (0 with no topics).
#[must_use]
pub fn topics_score(wanted: &[String], offered: &[String]) -> f64 {
    if wanted.is_empty() {
        return 0.0;
    }
    wanted.iter().filter(|t| offered.contains(t)).count() as f64 / wanted.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name written by hand is the name in JSON.
    #[test]
    fn names_are_the_json_names() {
        for criterion in Criterion::ALL {
            let value = serde_json::to_value(criterion).unwrap();
            assert_eq!(value.as_str(), Some(criterion.name()));
        }
    }

    #[test]
    fn soft_criteria() {
        assert_eq!(distance_score(None, Some(3.0)), 1.0);
        assert!((distance_score(Some(1.5), Some(3.0)) - 0.5).abs() < 1e-12);
        assert_eq!(distance_score(Some(30.0), None), 0.0);
        assert_eq!(rank_score(Some(0), 4), Some(1.0));
        assert_eq!(rank_score(Some(2), 4), Some(0.5));
        assert_eq!(rank_score(None, 4), Some(0.0));
        assert_eq!(rank_score(None, 0), None);
        assert_eq!(waiting_score(Some(45), 90), 0.5);
        assert_eq!(waiting_score(Some(400), 90), 1.0);
        assert_eq!(waiting_score(Some(-3), 90), 0.0);
        assert_eq!(waiting_score(None, 90), 0.0);
        let offered = vec!["walk".to_owned()];
        assert_eq!(
            topics_score(&["walk".to_owned(), "chess".to_owned()], &offered),
            0.5
        );
    }
}
