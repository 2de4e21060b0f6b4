//! The group-aware solver on tiny instances decoded from the fuzzer's bytes, with parties,
//! minimums, composition rules, gender of parties, keep-together and keep-apart sets and a
//! lock: every plan keeps every pair rule and every group rule and places the locked pair, or
//! the solver says why the lock cannot be kept.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samman::graph::CandidateGraph;
use samman::solve::{Objective, Options, SolveError, SolverKind, solve_graph};
use samman_fuzz::{Features, TinyInstance, check_plan};

fuzz_target!(|tiny: TinyInstance| {
    let features = Features {
        parties: true,
        groups: true,
        locks: true,
    };
    let Some(instance) = tiny.decode(features) else {
        return;
    };
    let graph = CandidateGraph::build(&instance).expect("a valid tiny instance");
    for objective in [Objective::MaxScore, Objective::MaxPlaced] {
        let options = Options {
            solver: SolverKind::Groups,
            objective,
            seed: tiny.seed,
            ..Options::default()
        };
        match solve_graph(&instance, &graph, &options) {
            Ok(plan) => {
                check_plan(&instance, &plan);
                for lock in &instance.constraints.locked {
                    assert!(
                        plan.matches
                            .iter()
                            .any(|m| m.seeker == lock.seeker && m.provider == lock.provider),
                        "lock {} -> {} not kept",
                        lock.seeker,
                        lock.provider
                    );
                }
            }
            Err(SolveError::Lock { path, .. }) => {
                assert_eq!(path, "constraints.locked[0]");
            }
            Err(SolveError::LockedGroup { .. }) => {}
            Err(error) => panic!("unexpected error: {error}"),
        }
    }
});
