//! Benchmarks of `samman::algo` on geometric instances shaped like the domain (see
//! `samman_benches::geometric`): b-matching at 20 000 x 2 000 (~475 000 edges) and
//! 100 000 x 10 000 (~2.4 million edges), and deferred acceptance at 100 000 x 10 000 with
//! lists of about 20.
#![allow(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use samman::algo::bmatching::{self, Objective, Problem};
use samman::algo::stable::{self, Market, Proposing};
use samman_benches::{Geometric, geometric};

fn problem(instance: &Geometric) -> Problem<'_> {
    Problem {
        n_left: instance.n_left,
        n_right: instance.n_right,
        left: &instance.left,
        right: &instance.right,
        weight: &instance.weight,
        left_capacity: None,
        right_capacity: Some(&instance.right_capacity),
    }
}

fn bench_bmatching(c: &mut Criterion) {
    let mut group = c.benchmark_group("bmatching");
    group.sample_size(10);
    for (n_left, n_right) in [(20_000, 2_000), (100_000, 10_000)] {
        for integer in [false, true] {
            let instance = geometric(n_left, n_right, 25.0, integer, 42);
            let objectives: &[Objective] = if n_left == 20_000 {
                &[Objective::MaxWeight, Objective::MaxCardinality]
            } else {
                &[Objective::MaxWeight]
            };
            for &objective in objectives {
                let name = format!(
                    "{n_left}x{n_right}/{}/{objective:?}",
                    if integer { "integer" } else { "float" }
                );
                if n_left > 20_000 {
                    group.measurement_time(Duration::from_secs(60));
                }
                group.bench_function(name, |b| {
                    b.iter(|| {
                        bmatching::solve(black_box(&problem(&instance)), objective)
                            .expect("generated instances are valid")
                    });
                });
            }
        }
    }
    group.finish();
}

fn bench_stable(c: &mut Criterion) {
    let instance = geometric(100_000, 10_000, 20.0, false, 43);
    let (left_prefs, _) = stable::preferences_from_scores(
        instance.n_left,
        instance.n_right,
        &instance.left,
        &instance.right,
        &instance.weight,
        1,
    )
    .expect("generated instances are valid");
    let (_, right_prefs) = stable::preferences_from_scores(
        instance.n_left,
        instance.n_right,
        &instance.left,
        &instance.right,
        &instance.right_score,
        2,
    )
    .expect("generated instances are valid");
    let market = Market {
        left_prefs: &left_prefs,
        right_prefs: &right_prefs,
        right_capacity: Some(&instance.right_capacity),
        left_size: None,
    };
    let mut group = c.benchmark_group("stable");
    group.sample_size(10);
    for proposing in [Proposing::Left, Proposing::Right] {
        group.bench_function(format!("100000x10000/{proposing:?}"), |b| {
            b.iter(|| {
                stable::deferred_acceptance(black_box(&market), proposing)
                    .expect("generated instances are valid")
            });
        });
    }
    group.bench_function("100000x10000/preferences_from_scores", |b| {
        b.iter(|| {
            stable::preferences_from_scores(
                instance.n_left,
                instance.n_right,
                &instance.left,
                &instance.right,
                black_box(&instance.weight),
                1,
            )
            .expect("generated instances are valid")
        });
    });
    group.finish();
}

criterion_group!(benches, bench_stable, bench_bmatching);
criterion_main!(benches);
