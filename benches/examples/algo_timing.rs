//! Times one run of each `algo` solver on the benchmark instances and prints the counters:
//! `cargo run --release -p samman-benches --example algo_timing [n_left n_right]` (b-matching
//! at that size, 20 000 x 2 000 by default; deferred acceptance always at 100 000 x 10 000).

use std::time::Instant;

use samman::algo::bmatching::{Objective, Problem, solve};
use samman::algo::stable::{Market, Proposing, deferred_acceptance, preferences_from_scores};
use samman_benches::geometric;

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let (n_left, n_right) = match args.as_slice() {
        [l, r, ..] => (*l, *r),
        _ => (20_000, 2_000),
    };
    let instance = geometric(100_000, 10_000, 20.0, false, 8);
    let start = Instant::now();
    let (left_prefs, right_prefs) = preferences_from_scores(
        instance.n_left,
        instance.n_right,
        &instance.left,
        &instance.right,
        &instance.weight,
        1,
    )
    .expect("generated instances are valid");
    println!(
        "preferences_from_scores {}x{}: {:.3}s",
        instance.n_left,
        instance.n_right,
        start.elapsed().as_secs_f64()
    );
    let market = Market {
        left_prefs: &left_prefs,
        right_prefs: &right_prefs,
        right_capacity: Some(&instance.right_capacity),
        left_size: None,
    };
    for proposing in [Proposing::Left, Proposing::Right] {
        let start = Instant::now();
        let matching =
            deferred_acceptance(&market, proposing).expect("generated instances are valid");
        println!(
            "deferred_acceptance {proposing:?}: {:.3}s matched={}",
            start.elapsed().as_secs_f64(),
            matching.iter().flatten().count()
        );
    }
    if std::env::var_os("STABLE_ONLY").is_some() {
        return;
    }
    for integer in [false, true] {
        let instance = geometric(n_left, n_right, 25.0, integer, 7);
        let problem = Problem {
            n_left,
            n_right,
            left: &instance.left,
            right: &instance.right,
            weight: &instance.weight,
            left_capacity: None,
            right_capacity: Some(&instance.right_capacity),
        };
        for objective in [Objective::MaxWeight, Objective::MaxCardinality] {
            let start = Instant::now();
            let solution = solve(&problem, objective).expect("generated instances are valid");
            println!(
                "{n_left}x{n_right} edges={} integer={integer} {objective:?}: {:.3}s chosen={} weight={:.3} {:?}",
                instance.left.len(),
                start.elapsed().as_secs_f64(),
                solution.edges.len(),
                solution.total_weight,
                solution.stats
            );
        }
    }
}
