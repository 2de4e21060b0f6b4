//! The same instance and seed give a byte-identical plan: over 100 runs, and whether the
//! graph and the components are worked on by 1, 2 or 8 threads (or serially).

use samman::generate::{Params, Programme, generate};
use samman::model::Instance;
use samman::solve::{Objective, Options, SolverKind, solve};

const SOLVERS: [SolverKind; 4] = [
    SolverKind::Greedy,
    SolverKind::Optimal,
    SolverKind::Stable,
    SolverKind::Groups,
];

/// A mid-size dinner programme (group rules, parties, several components) and a visiting
/// programme (weekly windows, distances), small enough for 100 runs of every solver in a
/// debug build.
fn instances() -> Vec<(&'static str, Instance)> {
    let params = Params {
        size: 60,
        seed: 7,
        ..Params::default()
    };
    vec![
        ("dinners", generate(Programme::Dinners, &params)),
        ("visits", generate(Programme::Visits, &params)),
    ]
}

fn options(solver: SolverKind) -> Options {
    Options {
        solver,
        objective: Objective::MaxPlaced,
        seed: 2026,
        iterations: Some(300),
        ..Options::default()
    }
}

/// The plan as JSON, built (graph included) on a pool of `threads` threads.
fn plan_json(instance: &Instance, options: &Options, threads: usize) -> String {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    let plan = pool.install(|| solve(instance, options)).expect("a plan");
    serde_json::to_string(&plan).expect("a plan serialises")
}

#[test]
fn same_plan_over_100_runs() {
    for (name, instance) in instances() {
        for solver in SOLVERS {
            let options = options(solver);
            let first = plan_json(&instance, &options, 2);
            assert!(
                first.contains("\"matches\":[{"),
                "{name} {solver:?}: nobody placed"
            );
            for run in 1..100 {
                assert_eq!(
                    plan_json(&instance, &options, 2),
                    first,
                    "{name} {solver:?}: run {run} differs"
                );
            }
        }
    }
}

#[test]
fn same_plan_with_1_2_and_8_threads_and_serially() {
    for (name, instance) in instances() {
        for solver in SOLVERS {
            let options = options(solver);
            let one = plan_json(&instance, &options, 1);
            for threads in [2, 8] {
                assert_eq!(
                    plan_json(&instance, &options, threads),
                    one,
                    "{name} {solver:?}: {threads} threads differ from 1"
                );
            }
            let serial = Options {
                parallel: false,
                ..options
            };
            assert_eq!(
                plan_json(&instance, &serial, 8),
                one,
                "{name} {solver:?}: the serial solve differs"
            );
        }
    }
}

/// Two runs that make the same plan are equal plans: the elapsed time, which differs between
/// runs and is not serialised, is not compared; every figure that is serialised is.
#[test]
fn plans_compare_equal_whatever_the_elapsed_time() {
    let (_, instance) = &instances()[0];
    for solver in SOLVERS {
        let first = solve(instance, &options(solver)).expect("solves");
        let mut second = solve(instance, &options(solver)).expect("solves");
        second.stats.seconds = first.stats.seconds + 1.0;
        assert_eq!(first, second, "{solver:?}");
        second.stats.iterations += 1;
        assert_ne!(first, second, "{solver:?}: iterations are compared");
    }
}
