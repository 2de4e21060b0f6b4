//! Travel: the distance between the seeker and the provider of each match.

use serde::Serialize;

use super::{Resolved, ratio};
use crate::model::Instance;
use crate::rules::distance_km;

/// Distance between the seeker and the provider of each match.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Travel {
    /// Matches where both sides have a location.
    pub matches_measured: usize,
    /// Mean km.
    pub mean_km: Option<f64>,
    /// Median km.
    pub median_km: Option<f64>,
    /// 90th percentile km (nearest rank).
    pub p90_km: Option<f64>,
    /// Largest km.
    pub max_km: Option<f64>,
}

pub(super) fn travel(instance: &Instance, r: &Resolved) -> Travel {
    let mut km: Vec<f64> = r
        .provider_of
        .iter()
        .enumerate()
        .filter_map(|(s, p)| {
            distance_km(
                instance.seekers[s].location,
                instance.providers[(*p)?].location,
            )
        })
        .collect();
    km.sort_by(f64::total_cmp);
    let n = km.len();
    let median = (n > 0).then(|| {
        if n % 2 == 1 {
            km[n / 2]
        } else {
            (km[n / 2 - 1] + km[n / 2]) / 2.0
        }
    });
    Travel {
        matches_measured: n,
        mean_km: ratio(km.iter().sum(), n as f64),
        median_km: median,
        p90_km: (n > 0).then(|| km[((0.9 * n as f64).ceil() as usize).clamp(1, n) - 1]),
        max_km: km.last().copied(),
    }
}
