//! Screens: a few bit masks and numbers per side that reject most infeasible pairs before
//! any rule runs (built by [`super::Rules::seeker_screen`] and [`super::Rules::provider_screen`]).

use crate::model::Radians;

/// The part of one side that the graph builder screens pairs with before any rule runs,
/// stored beside each provider in the spatial grid so that screening streams through memory.
/// A pair the screen rejects fails a hard rule; one it passes is checked fully.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Screen {
    /// Location (when the distance rule is on and the side has one).
    pub(super) at: Option<Radians>,
    /// Travel limit: the side's own; for a seeker also the programme's (infinite when none).
    pub(super) travel_km: f64,
    /// Seats: party size or capacity.
    pub(super) seats: u32,
    /// Vocabulary diets required (seeker) or served (provider).
    pub(super) diet: u32,
    /// Hours of the week touched (all ones when the time rule is off or the side is free).
    pub(super) hours: [u64; 3],
    /// Languages at the minimum level (all ones when the language rule is off or none listed).
    pub(super) languages: [u64; 3],
}

impl Screen {
    /// Whether the pair passes the screen (`self` the seeker's, `provider` the provider's).
    #[inline]
    #[must_use]
    pub fn admits(&self, provider: &Screen) -> bool {
        self.seats <= provider.seats
            && self.diet & !provider.diet == 0
            && self
                .hours
                .iter()
                .zip(&provider.hours)
                .any(|(a, b)| a & b != 0)
            && self
                .languages
                .iter()
                .zip(&provider.languages)
                .any(|(a, b)| a & b != 0)
            && match (&self.at, &provider.at) {
                (Some(x), Some(y)) => x.within_km(y, self.travel_km.min(provider.travel_km)),
                _ => true,
            }
    }
}
