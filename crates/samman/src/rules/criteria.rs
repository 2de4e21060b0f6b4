//! The soft criteria: what a feasible pair is worth, each between 0 and 1 before weighting,
//! defined exactly in docs/rules.md.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::Weights;

/// The one list of soft criteria, in breakdown order. Each line gives what the criterion
/// measures (the doc of its [`Criterion`] variant and of its [`Breakdown`] field), its variant,
/// its name (in JSON the field of `breakdown` and of `policy.weights`), its default weight, and
/// what its weight rewards (the doc of its [`Weights`] field). Adding a criterion is a line
/// here, its value in [`Rules::breakdown`](super::Rules::breakdown) and its row in
/// docs/rules.md.
///
/// `with_criteria!(make)` hands the list to the macro `make`, which writes one thing from it:
/// [`Criterion`] and [`Breakdown`] below, [`Weights`] in the model.
macro_rules! with_criteria {
    ($make:ident) => {
        $make! {
            /// `1 - distance / limit`, 1 for a remote pair.
            Distance distance = 1.0, "Shorter travel.";
            /// The shared language level as a fraction of native.
            Language language = 0.5, "A better shared language.";
            /// Rank in each side's preference list.
            Preference preference = 1.0, "Higher in each side's preference list.";
            /// Days waited over the waiting scale, at most 1.
            Waiting waiting = 0.5, "Longer waiting.";
            /// 1 if they met before.
            Continuity continuity = 0.0, "The same provider as before (visits).";
            /// 1 if they did not meet before.
            Novelty novelty = 0.5, "A provider not met before (dinners).";
            /// Share of the seeker's topics offered.
            Topics topics = 0.5, "More of the seeker's topics offered.";
            /// The provider's expected completion rate.
            Reliability reliability = 0.25, "A provider with a better record.";
            /// The seeker's priority value (not bounded to 1).
            Priority priority = 1.0, "The seeker's own priority value.";
        }
    };
}
pub(crate) use with_criteria;

/// Writes [`Criterion`] and [`Breakdown`] from the list of [`with_criteria`].
macro_rules! criterion_and_breakdown {
    ($($(#[$measures:meta])* $variant:ident $name:ident = $weight:literal, $rewards:literal;)*) => {
        /// A soft criterion, each worth between 0 and 1 before weighting.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
            JsonSchema,
        )]
        #[serde(rename_all = "snake_case")]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
        pub enum Criterion {
            $($(#[$measures])* $variant,)*
        }

        impl Criterion {
            /// Every criterion, in breakdown order.
            pub const ALL: [Criterion; [$(Criterion::$variant),*].len()] =
                [$(Criterion::$variant),*];

            /// The criterion's name in JSON and reports.
            #[must_use]
            pub fn name(self) -> &'static str {
                match self {
                    $(Criterion::$variant => stringify!($name),)*
                }
            }
        }

        /// The value of each soft criterion for one pair, before weighting.
        #[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        pub struct Breakdown {
            $(
                $(#[$measures])*
                pub $name: f32,
            )*
        }

        impl Breakdown {
            /// The value of one criterion.
            #[must_use]
            pub fn get(&self, criterion: Criterion) -> f32 {
                match criterion {
                    $(Criterion::$variant => self.$name,)*
                }
            }

            /// Set the value of one criterion.
            pub fn set(&mut self, criterion: Criterion, value: f32) {
                match criterion {
                    $(Criterion::$variant => self.$name = value,)*
                }
            }

            /// The score of a pair with this breakdown: `placement + Σ weight × criterion`,
            /// summed in [`Criterion::ALL`] order (spelled out, as the graph builder computes
            /// it for every feasible pair).
            #[must_use]
            pub fn score(&self, weights: &Weights) -> f64 {
                weights.placement $(+ weights.$name * f64::from(self.$name))*
            }
        }
    };
}

with_criteria!(criterion_and_breakdown);

impl Breakdown {
    /// Every criterion with its value, in [`Criterion::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Criterion, f32)> + '_ {
        Criterion::ALL.into_iter().map(|c| (c, self.get(c)))
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

    /// Weights and breakdowns are keyed by criterion, and their JSON fields are the names.
    #[test]
    fn weights_and_breakdowns_by_criterion() {
        let mut weights = Weights::default();
        let mut breakdown = Breakdown::default();
        for (i, criterion) in Criterion::ALL.into_iter().enumerate() {
            weights.set(criterion, i as f64);
            breakdown.set(criterion, 1.0 + i as f32);
        }
        let (w, b) = (
            serde_json::to_value(&weights).unwrap(),
            serde_json::to_value(breakdown).unwrap(),
        );
        for (i, criterion) in Criterion::ALL.into_iter().enumerate() {
            assert_eq!(weights.get(criterion), i as f64);
            assert_eq!(breakdown.get(criterion), 1.0 + i as f32);
            assert_eq!(w[criterion.name()].as_f64(), Some(i as f64));
            assert_eq!(b[criterion.name()].as_f64(), Some(1.0 + i as f64));
        }
        assert_eq!(w.as_object().unwrap().len(), 1 + Criterion::ALL.len());
        assert_eq!(b.as_object().unwrap().len(), Criterion::ALL.len());
        let sum: f64 = weights
            .iter()
            .zip(breakdown.iter())
            .map(|((_, w), (_, x))| w * f64::from(x))
            .sum();
        assert!((breakdown.score(&weights) - weights.placement - sum).abs() < 1e-9);
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
