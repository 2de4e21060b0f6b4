//! A seeded running dinner: teams of one to four people (mostly two) scattered over a town
//! of 4 km across, some vegetarian or vegan, a few who cannot cook the main course, and two
//! teams on the waiting list. The same teams and seed give the same dinner on every platform.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{RunningDinner, Team};
use crate::model::{Diet, Location};

/// A running dinner of `teams` teams for three courses, from a seed.
#[must_use]
pub fn generate(teams: usize, seed: u64) -> RunningDinner {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x00d1_44e2);
    let mut team = |i: usize, prefix: &str| {
        // About 4 km across, around central Stockholm: a degree of latitude is 111 km.
        let location = Location {
            lat: 59.3293 + (rng.random::<f64>() - 0.5) * 4.0 / 111.0,
            lon: 18.0686 + (rng.random::<f64>() - 0.5) * 4.0 / 57.0,
        };
        let size = match rng.random_range(0..10) {
            0 => 1,
            1 => 3,
            2 => 4,
            _ => 2,
        };
        let diet = match rng.random_range(0..20) {
            0..=2 => vec![Diet::Vegetarian],
            3 => vec![Diet::Vegan],
            _ => Vec::new(),
        };
        let mut caters = vec![Diet::Vegetarian];
        if rng.random_range(0..3) == 0 || diet == vec![Diet::Vegan] {
            caters.push(Diet::Vegan);
        }
        let cannot_host = if rng.random_range(0..10) == 0 {
            vec![2]
        } else {
            Vec::new()
        };
        Team {
            id: format!("{prefix}-{i}"),
            size,
            location,
            diet,
            caters,
            cannot_host,
        }
    };
    let list: Vec<Team> = (1..=teams).map(|i| team(i, "team")).collect();
    let waiting_list = (1..=2).map(|i| team(i, "waiting")).collect();
    RunningDinner {
        version: 1,
        courses: 3,
        teams: list,
        waiting_list,
    }
}
