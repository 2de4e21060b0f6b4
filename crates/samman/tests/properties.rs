//! Invariants every solver keeps, on random instances: no hard rule broken, no capacity
//! exceeded, no party split, locks kept, the same input and seed give byte-identical plans,
//! and solving components in parallel gives the serial plan.

mod common;

use std::collections::HashMap;

use common::{Shape, random_instance};
use proptest::prelude::*;
use samman::generate::{Params, dinners};
use samman::graph::CandidateGraph;
use samman::model::Instance;
use samman::plan::{Pair, Plan};
use samman::rules::{group_violations, keep_together_violations};
use samman::solve::{Objective, Options, SolveError, SolverKind, solve_graph};

const SOLVERS: [SolverKind; 4] = [
    SolverKind::Greedy,
    SolverKind::Optimal,
    SolverKind::Stable,
    SolverKind::Groups,
];

/// Every rule a plan must keep.
fn check_plan(instance: &Instance, plan: &Plan) {
    let seeker_ix: HashMap<&str, usize> = instance
        .seekers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let provider_ix: HashMap<&str, usize> = instance
        .providers
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let session = samman::Session::new(instance.clone()).expect("a valid instance");
    let rules = session.rules();
    let mut provider_of = vec![None; instance.seekers.len()];
    let mut members = vec![Vec::new(); instance.providers.len()];
    for m in &plan.matches {
        let s = seeker_ix[m.seeker.as_str()];
        let p = provider_ix[m.provider.as_str()];
        assert_eq!(rules.check(s, p), Ok(()), "pair rule broken");
        assert!(provider_of[s].is_none(), "party split or placed twice");
        assert_eq!(m.seats, instance.seekers[s].party_size, "party split");
        provider_of[s] = Some(p);
        members[p].push(s);
    }
    for (p, group) in members.iter().enumerate() {
        assert_eq!(
            group_violations(instance, p, group),
            vec![],
            "group rule broken"
        );
    }
    assert_eq!(
        keep_together_violations(instance, &provider_of),
        Vec::<usize>::new()
    );
    assert_eq!(
        plan.matches.len() + plan.unplaced.len(),
        instance.seekers.len()
    );
}

fn small_shape() -> Shape {
    Shape {
        max_seekers: 8,
        max_providers: 4,
        max_capacity: 5,
        max_party: 3,
        groups: true,
        preferences: false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_rule_broken_and_deterministic(seed in any::<u64>(), placed in any::<bool>()) {
        let instance = random_instance(seed, small_shape());
        let graph = CandidateGraph::build(&instance).unwrap();
        for solver in SOLVERS {
            let options = Options {
                solver,
                objective: if placed { Objective::MaxPlaced } else { Objective::MaxScore },
                seed,
                iterations: Some(200),
                ..Options::default()
            };
            let plan = solve_graph(&instance, &graph, &options).unwrap();
            check_plan(&instance, &plan);
            let again = solve_graph(&instance, &graph, &options).unwrap();
            prop_assert_eq!(
                serde_json::to_string(&plan).unwrap(),
                serde_json::to_string(&again).unwrap()
            );
        }
    }

    #[test]
    fn locks_are_kept_or_refused_with_their_path(seed in any::<u64>(), pick in any::<usize>()) {
        let instance = random_instance(seed, small_shape());
        let graph = CandidateGraph::build(&instance).unwrap();
        if graph.edge_count() == 0 {
            return Ok(());
        }
        let c = graph.candidates_by_edge(pick % graph.edge_count());
        let lock = Pair {
            seeker: instance.seekers[c.seeker as usize].id.clone(),
            provider: instance.providers[c.provider as usize].id.clone(),
        };
        for solver in SOLVERS {
            let options = Options {
                solver,
                locked: vec![lock.clone()],
                iterations: Some(200),
                ..Options::default()
            };
            match solve_graph(&instance, &graph, &options) {
                Ok(plan) => {
                    check_plan(&instance, &plan);
                    prop_assert!(plan
                        .matches
                        .iter()
                        .any(|m| m.seeker == lock.seeker && m.provider == lock.provider));
                }
                Err(SolveError::Lock { path, .. }) => prop_assert_eq!(path, "options.locked[0]"),
                Err(SolveError::LockedGroup { provider, .. }) => {
                    prop_assert_eq!(provider, lock.provider.clone());
                }
                Err(e) => prop_assert!(false, "unexpected error {e}"),
            }
        }
    }

    #[test]
    fn parallel_equals_serial(seed in 0u64..1000, size in 20usize..120) {
        let instance = dinners(&Params {
            size,
            seed,
            area_km: 60.0,
            travel_km: 3.0,
            ..Params::default()
        });
        let graph = CandidateGraph::build(&instance).unwrap();
        for solver in SOLVERS {
            let serial = Options { solver, parallel: false, iterations: Some(300), ..Options::default() };
            let parallel = Options { parallel: true, ..serial.clone() };
            let a = solve_graph(&instance, &graph, &serial).unwrap();
            let b = solve_graph(&instance, &graph, &parallel).unwrap();
            check_plan(&instance, &a);
            prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
        }
    }
}
