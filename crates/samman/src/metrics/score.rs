//! Score: the plan's total and mean score, and each soft criterion's mean and contribution.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Resolved, ratio};
use crate::model::Instance;
use crate::rules::{Breakdown, Criterion};

/// One soft criterion over the plan's matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CriterionFigures {
    /// Mean value of the criterion over matches, before weighting.
    pub mean: f64,
    /// The policy's weight.
    pub weight: f64,
    /// `weight × mean`: the criterion's mean contribution to a match's score.
    pub mean_contribution: f64,
}

/// The plan's score, rebuilt from the instance.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScoreFigures {
    /// Sum of match scores.
    pub total: f64,
    /// Mean score of a match.
    pub mean: Option<f64>,
    /// Each criterion's mean (empty when nothing is placed).
    pub criteria: BTreeMap<Criterion, CriterionFigures>,
}

pub(super) fn score(instance: &Instance, r: &Resolved) -> ScoreFigures {
    let scores: Vec<f64> = r.score.iter().flatten().copied().collect();
    let breakdowns: Vec<&Breakdown> = r.breakdown.iter().flatten().collect();
    let n = breakdowns.len() as f64;
    let mut criteria = BTreeMap::new();
    if !breakdowns.is_empty() {
        for criterion in Criterion::ALL {
            let mean = breakdowns
                .iter()
                .map(|b| f64::from(b.get(criterion)))
                .sum::<f64>()
                / n;
            let weight = instance.policy.weights.get(criterion);
            criteria.insert(
                criterion,
                CriterionFigures {
                    mean,
                    weight,
                    mean_contribution: weight * mean,
                },
            );
        }
    }
    let total: f64 = scores.iter().sum();
    ScoreFigures {
        total,
        mean: ratio(total, scores.len() as f64),
        criteria,
    }
}
