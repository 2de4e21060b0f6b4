//! Fairness across groups of seekers: the Gini coefficient of seeker scores, and per
//! attribute the groups' placement rates and scores, with groups too small to report
//! suppressed.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{MetricsOptions, Resolved, min_max, ratio};
use crate::model::Instance;

/// The `value` of the one entry that stands for every group too small to report.
pub const SUPPRESSED: &str = "suppressed";

/// Figures for one group of seekers sharing a value of an attribute.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GroupFigures {
    /// The value (`newcomer`, `vegan`, `ar`, ...; `not_given` when unknown), or
    /// [`SUPPRESSED`] for the entry that stands for every group too small to report.
    pub value: String,
    /// True for the entry that stands for the groups too small to report, unnamed (every
    /// figure below is then absent).
    pub suppressed: bool,
    /// Seekers in the group.
    pub seekers: Option<usize>,
    /// Share of them placed.
    pub placement_rate: Option<f64>,
    /// Mean seeker score (0 for an unplaced seeker).
    pub mean_score: Option<f64>,
    /// Mean score of those placed.
    pub mean_match_score: Option<f64>,
}

/// Group comparison across one attribute, over the groups that are reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AttributeFairness {
    /// The attribute.
    pub attribute: String,
    /// One entry per reported value, sorted by value, then one [`SUPPRESSED`] entry if any
    /// group was too small to report.
    pub groups: Vec<GroupFigures>,
    /// Lowest placement rate over the highest.
    pub placement_rate_ratio: Option<f64>,
    /// Highest placement rate minus the lowest.
    pub placement_rate_difference: Option<f64>,
    /// Lowest mean score over the highest.
    pub mean_score_ratio: Option<f64>,
    /// Highest mean score minus the lowest.
    pub mean_score_difference: Option<f64>,
    /// The reported group with the lowest mean score.
    pub worst_off_group: Option<String>,
    /// Its mean score.
    pub worst_off_score: Option<f64>,
}

/// Fairness across groups.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Fairness {
    /// k: groups with fewer seekers are suppressed.
    pub min_group_size: usize,
    /// Gini coefficient of seeker scores (0 for an unplaced seeker).
    pub gini: Option<f64>,
    /// One entry per attribute asked for.
    pub attributes: Vec<AttributeFairness>,
}

/// The groups a seeker belongs to for an attribute: one value, or for `diet` each requirement
/// (`none` without any), for `language` the main language (the first of the highest level).
#[must_use]
pub fn attribute_values(instance: &Instance, s: usize, attribute: &str) -> Vec<String> {
    let seeker = &instance.seekers[s];
    match attribute {
        "diet" => {
            let mut values: Vec<String> = seeker.diet.iter().map(ToString::to_string).collect();
            values.sort();
            values.dedup();
            if values.is_empty() {
                values.push("none".into());
            }
            values
        }
        "language" => {
            let best = seeker.languages.iter().map(|l| l.level).max();
            vec![
                seeker
                    .languages
                    .iter()
                    .find(|l| Some(l.level) == best)
                    .map_or_else(|| "none".to_owned(), |l| l.code.0.clone()),
            ]
        }
        other => vec![
            seeker
                .profile
                .value(other)
                .unwrap_or_else(|| "not_given".to_owned()),
        ],
    }
}

/// Gini coefficient, `Σ_i Σ_j |x_i - x_j| / (2 n² mean)`, computed from sorted values as
/// `2 Σ_i i x_(i) / (n Σ x) - (n + 1) / n`; 0 when every value is 0, `None` for no values.
#[must_use]
pub fn gini(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len() as f64;
    let total: f64 = sorted.iter().sum();
    if total <= 0.0 {
        return Some(0.0);
    }
    let weighted: f64 = sorted
        .iter()
        .enumerate()
        .map(|(i, x)| (i + 1) as f64 * x)
        .sum();
    Some((2.0 * weighted / (n * total) - (n + 1.0) / n).max(0.0))
}

pub(super) fn fairness(instance: &Instance, r: &Resolved, options: &MetricsOptions) -> Fairness {
    let seeker_score: Vec<f64> = r.score.iter().map(|x| x.unwrap_or(0.0)).collect();
    let k = options.min_group_size;
    let attributes = options
        .attributes
        .iter()
        .map(|attribute| {
            let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
            for s in 0..instance.seekers.len() {
                for value in attribute_values(instance, s, attribute) {
                    groups.entry(value).or_default().push(s);
                }
            }
            let mut suppressed: Vec<bool> = groups.values().map(|g| g.len() < k).collect();
            // A partition with one group suppressed would give it away by subtraction from
            // the totals: suppress the smallest other group too.
            let partition = attribute != "diet";
            if partition && suppressed.iter().filter(|&&x| x).count() == 1 {
                if let Some((i, _)) = groups
                    .values()
                    .enumerate()
                    .filter(|(i, _)| !suppressed[*i])
                    .min_by_key(|(_, g)| g.len())
                {
                    suppressed[i] = true;
                }
            }
            // Hidden groups are not even named: a value held by one person (a custom diet, a
            // programme's own attribute) would single them out. They are one entry, last.
            let hidden = suppressed.contains(&true).then(|| GroupFigures {
                value: SUPPRESSED.to_owned(),
                suppressed: true,
                seekers: None,
                placement_rate: None,
                mean_score: None,
                mean_match_score: None,
            });
            let figures: Vec<GroupFigures> = groups
                .iter()
                .zip(&suppressed)
                .filter(|(_, hidden)| !**hidden)
                .map(|((value, members), _)| {
                    let n = members.len() as f64;
                    let placed: Vec<f64> = members.iter().filter_map(|&s| r.score[s]).collect();
                    GroupFigures {
                        value: value.clone(),
                        suppressed: false,
                        seekers: Some(members.len()),
                        placement_rate: ratio(placed.len() as f64, n),
                        mean_score: ratio(members.iter().map(|&s| seeker_score[s]).sum(), n),
                        mean_match_score: ratio(placed.iter().sum(), placed.len() as f64),
                    }
                })
                .chain(hidden)
                .collect();
            let rates = min_max(figures.iter().filter_map(|g| g.placement_rate));
            let scores = min_max(figures.iter().filter_map(|g| g.mean_score));
            let worst = figures
                .iter()
                .filter_map(|g| Some((g, g.mean_score?)))
                .min_by(|a, b| a.1.total_cmp(&b.1));
            AttributeFairness {
                attribute: attribute.clone(),
                placement_rate_ratio: rates.and_then(|(lo, hi)| ratio(lo, hi)),
                placement_rate_difference: rates.map(|(lo, hi)| hi - lo),
                mean_score_ratio: scores.and_then(|(lo, hi)| ratio(lo, hi)),
                mean_score_difference: scores.map(|(lo, hi)| hi - lo),
                worst_off_group: worst.map(|(g, _)| g.value.clone()),
                worst_off_score: worst.map(|(_, x)| x),
                groups: figures,
            }
        })
        .collect();
    Fairness {
        min_group_size: k,
        gini: gini(&seeker_score),
        attributes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gini_of_known_values() {
        assert_eq!(gini(&[]), None);
        assert_eq!(gini(&[0.0, 0.0]), Some(0.0));
        assert!((gini(&[1.0, 1.0, 1.0]).unwrap()).abs() < 1e-12);
        // One of four holds everything: (n - 1) / n.
        assert!((gini(&[0.0, 0.0, 0.0, 4.0]).unwrap() - 0.75).abs() < 1e-12);
        // 1, 2, 3: Σ|xi - xj| = 8, 2 n² mean = 36.
        assert!((gini(&[3.0, 1.0, 2.0]).unwrap() - 8.0 / 36.0).abs() < 1e-12);
    }
}
