//! Placement: who and how much is placed, in parties, people, providers and seats.

use serde::Serialize;

use super::{Resolved, ratio};
use crate::model::Instance;

/// Who and how much is placed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlacementFigures {
    /// Seekers (parties) in the instance.
    pub parties: usize,
    /// Seekers placed.
    pub parties_placed: usize,
    /// `parties_placed / parties`.
    pub party_rate: Option<f64>,
    /// People (party sizes summed).
    pub people: u64,
    /// People placed.
    pub people_placed: u64,
    /// `people_placed / people`.
    pub people_rate: Option<f64>,
    /// Providers in the instance.
    pub providers: usize,
    /// Providers with at least one seeker placed.
    pub providers_taking_place: usize,
    /// Seats offered by all providers.
    pub seats: u64,
    /// Seats taken (each placed party's `seats`, which is its party size unless set).
    pub seats_used: u64,
    /// `seats_used / seats`.
    pub seat_rate: Option<f64>,
    /// Seekers placed with as many providers as they want (`seeker.wants`, 1 by default).
    pub fully_served: usize,
    /// Seekers placed with some but fewer providers than they want.
    pub partly_served: usize,
    /// Seekers placed with no provider.
    pub not_served: usize,
}

pub(super) fn placement(instance: &Instance, r: &Resolved) -> PlacementFigures {
    let parties = instance.seekers.len();
    let parties_placed = r.provider_of.iter().flatten().count();
    let people: u64 = instance
        .seekers
        .iter()
        .map(|s| u64::from(s.party_size))
        .sum();
    let people_placed: u64 = instance
        .seekers
        .iter()
        .zip(&r.provider_of)
        .filter(|(_, p)| p.is_some())
        .map(|(s, _)| u64::from(s.party_size))
        .sum();
    let seats_used: u64 = instance
        .seekers
        .iter()
        .zip(&r.provider_of)
        .filter(|(_, p)| p.is_some())
        .map(|(s, _)| u64::from(s.seats_taken()))
        .sum();
    let seats: u64 = instance
        .providers
        .iter()
        .map(|p| u64::from(p.capacity))
        .sum();
    PlacementFigures {
        parties,
        parties_placed,
        party_rate: ratio(parties_placed as f64, parties as f64),
        people,
        people_placed,
        people_rate: ratio(people_placed as f64, people as f64),
        providers: instance.providers.len(),
        providers_taking_place: r.members.iter().filter(|m| !m.is_empty()).count(),
        seats,
        seats_used,
        seat_rate: ratio(seats_used as f64, seats as f64),
        fully_served: parties_placed,
        partly_served: 0,
        not_served: parties - parties_placed,
    }
}
