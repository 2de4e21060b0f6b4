//! A lower bound on the evening's travel. In a plan without repeat meetings, the teams at a
//! host's table at a course (the host included) all come from different homes at the course
//! before, none of them this one: so at least the sum of the host's `s` nearest other homes,
//! `s` the fewest teams at a table of that course. Every leg ends at one host, and the hosts
//! of the first course receive no one: the bound is the sum over homes less the largest
//! `hosts of course 1` of them.

use super::search::Evening;

/// The lower bound, in km.
pub(super) fn lower_bound_km(evening: &Evening<'_>) -> f64 {
    let n = evening.n;
    let smallest_table = (1..evening.courses)
        .map(|c| n / evening.hosts[c])
        .min()
        .unwrap_or(0);
    let mut arrivals: Vec<f64> = (0..n)
        .map(|h| {
            let mut others: Vec<f64> = (0..n)
                .filter(|&t| t != h)
                .map(|t| evening.km[h * n + t])
                .collect();
            others.sort_by(f64::total_cmp);
            others.iter().take(smallest_table).sum()
        })
        .collect();
    arrivals.sort_by(f64::total_cmp);
    arrivals[..n - evening.hosts[0]].iter().sum()
}
