//! Instance generators shared by samman's benchmarks (`benches/`) and timing examples
//! (`examples/`).
//!
//! Instances are shaped like the domain: seekers (left) and providers (right) scattered over a
//! 40 km square, an edge wherever a provider is within a travel radius of a seeker, the radius
//! chosen so that a seeker has the requested number of providers on average.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Side of the square the points are scattered over, in km.
pub const SQUARE_KM: f64 = 40.0;

/// A bipartite instance with edge weights and provider capacities.
#[derive(Debug, Clone)]
pub struct Geometric {
    /// Number of seekers.
    pub n_left: usize,
    /// Number of providers.
    pub n_right: usize,
    /// Seeker end of each edge.
    pub left: Vec<u32>,
    /// Provider end of each edge.
    pub right: Vec<u32>,
    /// A positive score per edge: `1 + closeness + preference`, or that times 100 rounded.
    pub weight: Vec<f64>,
    /// A second, independent score per edge (the providers' view of the seeker).
    pub right_score: Vec<f64>,
    /// Seats per provider, 2 to 8.
    pub right_capacity: Vec<u32>,
}

/// Generates a geometric instance with about `edges_per_left` edges per seeker.
///
/// With `integer_weights`, weights are `round(100 · (1 + closeness + preference))`, integers
/// from 100 to 300. Same arguments, same instance.
///
/// # Complexity
/// `O(n_left + n_right + edges)` expected time and space (a grid of cells one radius wide).
pub fn geometric(
    n_left: usize,
    n_right: usize,
    edges_per_left: f64,
    integer_weights: bool,
    seed: u64,
) -> Geometric {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut point = |_| {
        (
            rng.random_range(0.0..SQUARE_KM),
            rng.random_range(0.0..SQUARE_KM),
        )
    };
    let seekers: Vec<(f64, f64)> = (0..n_left).map(&mut point).collect();
    let providers: Vec<(f64, f64)> = (0..n_right).map(&mut point).collect();
    let radius = (edges_per_left * SQUARE_KM * SQUARE_KM
        / (std::f64::consts::PI * n_right.max(1) as f64))
        .sqrt();
    let cells = ((SQUARE_KM / radius).ceil() as usize).max(1);
    let cell_of = |x: f64| ((x / radius) as usize).min(cells - 1);
    let mut grid: Vec<Vec<u32>> = vec![Vec::new(); cells * cells];
    for (j, &(x, y)) in providers.iter().enumerate() {
        grid[cell_of(y) * cells + cell_of(x)].push(j as u32);
    }
    let mut instance = Geometric {
        n_left,
        n_right,
        left: Vec::new(),
        right: Vec::new(),
        weight: Vec::new(),
        right_score: Vec::new(),
        right_capacity: (0..n_right).map(|_| rng.random_range(2..=8)).collect(),
    };
    for (i, &(x, y)) in seekers.iter().enumerate() {
        let (cx, cy) = (cell_of(x), cell_of(y));
        for gy in cy.saturating_sub(1)..=(cy + 1).min(cells - 1) {
            for gx in cx.saturating_sub(1)..=(cx + 1).min(cells - 1) {
                for &j in &grid[gy * cells + gx] {
                    let (px, py) = providers[j as usize];
                    let distance = ((px - x).powi(2) + (py - y).powi(2)).sqrt();
                    if distance <= radius {
                        let score = 1.0 + (1.0 - distance / radius) + rng.random_range(0.0..1.0);
                        instance.left.push(i as u32);
                        instance.right.push(j);
                        instance.weight.push(if integer_weights {
                            (score * 100.0).round()
                        } else {
                            score
                        });
                        instance
                            .right_score
                            .push((1.0 - distance / radius) + rng.random_range(0.0..1.0));
                    }
                }
            }
        }
    }
    instance
}

/// The small domain instance: 500 guest parties x 50 dinners over the same 40 km city as the
/// others, the travel limit (28.55 km on average) putting most dinners within reach: the
/// pipeline's small size in BENCHMARKS.md.
#[must_use]
pub fn small() -> samman::generate::Params {
    samman::generate::Params {
        size: 500,
        providers: Some(50),
        seed: 42,
        area_km: 40.0,
        travel_km: 28.55,
        ..samman::generate::Params::default()
    }
}

/// The three domain sizes, named as the benchmarks name them (`small 500x50`, ...), so that a
/// criterion filter such as `-- small` selects one size.
#[must_use]
pub fn sizes() -> [(&'static str, samman::generate::Params); 3] {
    [
        ("small 500x50", small()),
        ("medium 20000x2000", medium()),
        ("large 100000x10000", large()),
    ]
}

/// The medium domain instance: 20 000 guest parties x 2 000 dinners over a 40 km city, about
/// 560 000 feasible pairs (a median of 17 per party).
#[must_use]
pub fn medium() -> samman::generate::Params {
    samman::generate::Params {
        size: 20_000,
        providers: Some(2_000),
        seed: 42,
        area_km: 40.0,
        travel_km: 4.5,
        ..samman::generate::Params::default()
    }
}

/// The large domain instance: 100 000 guest parties x 10 000 dinners over the same city, about
/// 3 million feasible pairs (a median of 17 per party).
#[must_use]
pub fn large() -> samman::generate::Params {
    samman::generate::Params {
        size: 100_000,
        providers: Some(10_000),
        seed: 42,
        area_km: 40.0,
        travel_km: 2.0,
        ..samman::generate::Params::default()
    }
}

/// A social golfer instance: `people` seekers at `tables` tables of exactly `size` seats (the
/// minimum equal to the seats), for `samman::rounds`.
#[must_use]
pub fn golfers(people: usize, tables: usize, size: u32) -> samman::model::Instance {
    let mut instance = samman::model::Instance::new();
    instance.seekers = (0..people)
        .map(|i| samman::model::Seeker::new(&format!("p{i}")))
        .collect();
    instance.providers = (0..tables)
        .map(|t| {
            let mut p = samman::model::Provider::new(&format!("t{t}"), size);
            p.minimum = size;
            p
        })
        .collect();
    instance
}
