//! Differential: the exact solvers against brute force on tiny problems decoded from the
//! fuzzer's bytes.
//!
//! - `algo::bmatching::solve` (cost scaling) and `reference::solve` (successive shortest
//!   paths) against the best of every subset of edges, for both objectives; weights are
//!   quarters, exact at every weight scale, so the objectives must agree exactly.
//! - The domain optimal solver on instances of single-person parties without group rules
//!   (where it is exact) against the best of every seat-respecting plan, for both objectives.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use samman::algo::bmatching::{Objective as FlowObjective, reference, solve};
use samman::graph::CandidateGraph;
use samman::solve::{Objective, Options, SolverKind, solve_graph};
use samman_fuzz::{Features, TOLERANCE, TinyBMatching, TinyInstance, brute_force, check_plan};

#[derive(Debug, Arbitrary)]
enum Input {
    Flow(TinyBMatching),
    Domain(TinyInstance),
}

fuzz_target!(|input: Input| {
    match input {
        Input::Flow(tiny) => {
            let owned = tiny.decode();
            for objective in [FlowObjective::MaxWeight, FlowObjective::MaxCardinality] {
                let expected = owned.brute_force(objective);
                let fast = solve(&owned.problem(), objective).expect("a valid problem");
                let slow = reference::solve(&owned.problem(), objective).expect("a valid problem");
                for (name, solution) in [("cost scaling", fast), ("reference", slow)] {
                    let got = owned.check(&solution);
                    if objective == FlowObjective::MaxCardinality {
                        assert_eq!(got.0, expected.0, "{name} {objective:?}: edge count");
                    }
                    assert!(
                        (got.1 - expected.1).abs() < TOLERANCE,
                        "{name} {objective:?}: weight {} but brute force {}",
                        got.1,
                        expected.1
                    );
                }
            }
        }
        Input::Domain(tiny) => {
            let features = Features {
                parties: false,
                groups: false,
                locks: false,
            };
            let Some(instance) = tiny.decode(features) else {
                return;
            };
            let graph = CandidateGraph::build(&instance).expect("a valid tiny instance");
            for objective in [Objective::MaxScore, Objective::MaxPlaced] {
                let options = Options {
                    solver: SolverKind::Optimal,
                    objective,
                    seed: tiny.seed,
                    ..Options::default()
                };
                let plan = solve_graph(&instance, &graph, &options).expect("no locks, no errors");
                check_plan(&instance, &plan);
                let (people, score) = brute_force(&instance, &graph, objective);
                if objective == Objective::MaxPlaced {
                    assert_eq!(plan.people_placed, people, "people placed");
                }
                assert!(
                    (plan.total_score - score).abs() < TOLERANCE,
                    "{objective:?}: score {} but brute force {score}",
                    plan.total_score
                );
            }
        }
    }
});
