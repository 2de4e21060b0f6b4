//! Times one run of each `algo` solver on the benchmark instances and prints the counters:
//! `cargo run --release -p samman-benches --example algo_timing [n_left n_right]`.

use std::time::Instant;

use samman::algo::bmatching::{Objective, Problem, solve};
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
