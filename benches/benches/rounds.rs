//! Programmes that recur: rounds where everyone meets someone new, and running dinners.
//!
//! - `kirkman`: 15 schoolgirls in triples for 7 days (target: under 2 s, 0 repeats);
//! - `golfers-9`, `golfers-10`: 32 golfers in 8 groups of 4 for 9 and 10 weeks (target for 9:
//!   under 60 s, 0 repeats; 10 is the known optimum), 60-second limit each;
//! - `roulette-200`: a lunch roulette of 200 at tables of 4 to 6 for 12 rounds, 60 s limit;
//! - `running-dinner-30`/`-60`/`-120`: routes for a running dinner (target for 120: under
//!   10 s), total travel printed next to its lower bound.
//!
//! Before measuring, each case prints its figures (repeats left, time, km and bound) once.
//! Run: `cargo bench -p samman-benches --bench rounds -- kirkman`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_main};
use samman::generate::roulette;
use samman::model::Instance;
use samman::rounds::{RoundsOptions, plan_rounds};
use samman::running_dinner::{generate, plan};
use samman_benches::golfers;

fn rounds_case(c: &mut Criterion, name: &str, instance: &Instance, rounds: u32, limit: f64) {
    let options = RoundsOptions {
        rounds,
        never_again: true,
        seed: 1,
        time_limit_seconds: limit,
        ..RoundsOptions::default()
    };
    let started = Instant::now();
    let plan = plan_rounds(instance, &options).expect("plans");
    eprintln!(
        "{name}: {} repeat pair(s) after {:.2} s, {} steps, {}",
        plan.repeat_pairs,
        started.elapsed().as_secs_f64(),
        plan.stats.iterations,
        if plan.stats.complete {
            "repeat-free"
        } else {
            "stopped by the time limit"
        }
    );
    let mut group = c.benchmark_group("rounds");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs_f64((limit * 10.0).max(5.0)));
    group.bench_function(name, |b| {
        b.iter(|| plan_rounds(black_box(instance), &options).expect("plans"));
    });
    group.finish();
}

fn dinner_case(c: &mut Criterion, teams: usize) {
    let dinner = generate(teams, 7);
    let started = Instant::now();
    let evening = plan(&dinner, 1).expect("plans");
    eprintln!(
        "running-dinner-{teams}: {:.2} s, {} repeat meeting(s), {} uncatered, {:.1} km, lower bound \
         {:.1} km ({:.0}% above)",
        started.elapsed().as_secs_f64(),
        evening.repeat_meetings,
        evening.uncatered,
        evening.total_km,
        evening.lower_bound_km,
        100.0 * (evening.total_km / evening.lower_bound_km - 1.0)
    );
    let mut group = c.benchmark_group("running-dinner");
    group.sample_size(10);
    group.bench_function(format!("running-dinner-{teams}"), |b| {
        b.iter(|| plan(black_box(&dinner), 1).expect("plans"));
    });
    group.finish();
}

fn benches() {
    let mut c = Criterion::default().configure_from_args();
    let wanted = |name: &str| {
        std::env::args()
            .skip(1)
            .filter(|a| !a.starts_with('-'))
            .all(|filter| name.contains(&filter))
    };
    if wanted("rounds/kirkman") {
        rounds_case(&mut c, "kirkman", &golfers(15, 5, 3), 7, 2.0);
    }
    for weeks in [9, 10] {
        let name = format!("rounds/golfers-{weeks}");
        if wanted(&name) {
            rounds_case(
                &mut c,
                &name["rounds/".len()..],
                &golfers(32, 8, 4),
                weeks,
                60.0,
            );
        }
    }
    if wanted("rounds/roulette-200") {
        rounds_case(&mut c, "roulette-200", &roulette(200, 1), 12, 60.0);
    }
    for teams in [30, 60, 120] {
        if wanted(&format!("running-dinner/running-dinner-{teams}")) {
            dinner_case(&mut c, teams);
        }
    }
    c.final_summary();
}

criterion_main!(benches);
