//! How far the rounds search gets on the social golfer problem: Kirkman's schoolgirls (15 in
//! triples, 7 days), then 32 golfers in 8 groups of 4 for 9 weeks and on, one week more each
//! time, until a week count is not found repeat-free within the time limit (10 weeks is the
//! known optimum). Prints repeats left, wall and CPU seconds, and search steps per case. 32
//! golfers in fours start from finite geometry (9 weeks repeat-free before any step, so 0
//! steps up to 9 weeks); Kirkman's 15 and the 10th week are the search's.
//!
//! `cargo run --release -p samman-benches --example social_golfers -- [LIMIT_SECONDS [SEED
//! [FIRST_WEEKS]]]` (60 s, seed 1, from 9 weeks by default).

use std::time::Instant;

use samman::rounds::{RoundsOptions, plan_rounds};
use samman_benches::golfers;

/// CPU seconds of this process so far (user and system), from `/proc` on Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Plan and print one case; whether it came out repeat-free.
fn case(
    name: &str,
    people: usize,
    tables: usize,
    size: u32,
    rounds: u32,
    limit: f64,
    seed: u64,
) -> bool {
    let instance = golfers(people, tables, size);
    let options = RoundsOptions {
        rounds,
        never_again: true,
        seed,
        time_limit_seconds: limit,
        ..RoundsOptions::default()
    };
    let (cpu, wall) = (cpu_seconds(), Instant::now());
    let plan = plan_rounds(&instance, &options).expect("a golfer instance plans");
    let cpu = match (cpu, cpu_seconds()) {
        (Some(a), Some(b)) => format!("{:.2}", b - a),
        _ => "?".into(),
    };
    println!(
        "{name}, {rounds} rounds: {} repeat pair(s), {:.2} s wall, {cpu} s CPU, {} steps, {} perturbations",
        plan.repeat_pairs,
        wall.elapsed().as_secs_f64(),
        plan.stats.iterations,
        plan.stats.perturbations,
    );
    plan.repeat_pairs == 0
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let limit: f64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(60.0);
    let seed: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    case("kirkman 5-3", 15, 5, 3, 7, limit, seed);
    let mut weeks: u32 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(9);
    while case("golfers 8-4", 32, 8, 4, weeks, limit, seed) && weeks < 10 {
        weeks += 1;
    }
}
