//! The domain solvers on dinner programmes shaped like a city, at the three sizes of
//! `samman_benches::sizes` (500 x 50, 20 000 x 2 000 with about 500 000 feasible pairs,
//! 100 000 x 10 000): every solver. The group search runs a fixed 20 000 iterations at every
//! size (its default grows with the providers, up to 200 000), so that its figure is the cost
//! of its start plus a known amount of search. The graph is built once, outside the
//! measurement. Run: `cargo bench -p samman-benches --bench solvers -- small`.

use std::cell::OnceCell;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_main};
use samman::generate::{Params, dinners};
use samman::graph::CandidateGraph;
use samman::model::Instance;
use samman::solve::{Objective, Options, SolverKind, solve_graph};

fn programme(params: &Params) -> (Instance, CandidateGraph) {
    let (size, providers) = (params.size, params.providers.unwrap_or(0));
    let instance = dinners(params);
    let graph = CandidateGraph::build(&instance).expect("a generated programme is valid");
    let stats = graph.stats();
    eprintln!(
        "{size} x {providers}: {} edges, seeker degree mean {:.1}",
        stats.edges, stats.seeker_degree.mean
    );
    (instance, graph)
}

fn solvers(c: &mut Criterion) {
    let optimal = Options {
        solver: SolverKind::Optimal,
        objective: Objective::MaxScore,
        ..Options::default()
    };
    let stable = Options {
        solver: SolverKind::Stable,
        ..Options::default()
    };
    let greedy = Options {
        solver: SolverKind::Greedy,
        ..Options::default()
    };
    let groups = Options {
        solver: SolverKind::Groups,
        iterations: Some(20_000),
        ..Options::default()
    };
    for (size, params) in samman_benches::sizes() {
        // Built on first use, so that a filter which skips a size skips building it; dropped
        // before the next size.
        let programme: OnceCell<(Instance, CandidateGraph)> = OnceCell::new();
        let mut group = c.benchmark_group("solvers");
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(20));
        let runs = [
            ("optimal", &optimal),
            ("stable", &stable),
            ("greedy", &greedy),
            ("groups-20000", &groups),
        ];
        for (solver, options) in runs {
            group.bench_function(format!("{solver} {size}"), |b| {
                let (instance, graph) = programme.get_or_init(|| self::programme(&params));
                b.iter(|| black_box(solve_graph(instance, graph, options).expect("solves")));
            });
        }
        group.finish();
    }
}

#[allow(missing_docs)]
mod harness {
    criterion::criterion_group!(benches, super::solvers);
}
criterion_main!(harness::benches);
