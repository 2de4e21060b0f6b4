//! Any text: parsing, validation, building the candidate graph and solving never panic.
//!
//! Parsing either succeeds or says where it failed; an instance that parses either validates
//! or lists its problems, each with a path; one that validates gets a graph (or a limit
//! error) and every solver returns a plan that keeps every hard rule, or an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samman::graph::CandidateGraph;
use samman::solve::{Options, SolverKind, solve_graph};
use samman::validate::{parse_json, validate};
use samman_fuzz::check_plan;

/// Solve only graphs this small, so that one input stays well under a second.
const MAX_EDGES_TO_SOLVE: usize = 2_000;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let instance = match parse_json(text) {
        Ok(instance) => instance,
        Err(error) => {
            assert!(!error.path.is_empty(), "a parse error without a path");
            return;
        }
    };
    if let Err(invalid) = validate(&instance) {
        assert!(!invalid.problems.is_empty(), "invalid without a problem");
        assert!(
            invalid.problems.iter().all(|p| !p.path.is_empty()),
            "a problem without a path"
        );
    }
    let Ok(graph) = CandidateGraph::build(&instance) else {
        return;
    };
    assert!(
        validate(&instance).is_ok(),
        "a graph built for an invalid instance"
    );
    if graph.edge_count() > MAX_EDGES_TO_SOLVE {
        return;
    }
    for solver in [
        SolverKind::Greedy,
        SolverKind::Optimal,
        SolverKind::Stable,
        SolverKind::Groups,
    ] {
        let options = Options {
            solver,
            iterations: Some(200),
            parallel: false,
            ..Options::default()
        };
        if let Ok(plan) = solve_graph(&instance, &graph, &options) {
            check_plan(&instance, &plan);
        }
    }
});
