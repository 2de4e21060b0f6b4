//! The domain solvers on dinner programmes shaped like a city: the optimal solver at 20 000
//! guest parties x 2 000 dinners (about 500 000 feasible pairs) and 100 000 x 10 000, the
//! stable solver at 100 000 x 10 000 with lists of about 20. The graph is built once, outside
//! the measurement. Run: `cargo bench -p samman-benches --bench solvers`.

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

fn bench(
    c: &mut Criterion,
    name: &str,
    instance: &Instance,
    graph: &CandidateGraph,
    options: &Options,
) {
    let mut group = c.benchmark_group("solvers");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function(name, |b| {
        b.iter(|| black_box(solve_graph(instance, graph, options).expect("solves")));
    });
    group.finish();
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
    let (instance, graph) = programme(&samman_benches::medium());
    bench(c, "optimal 20k x 2k", &instance, &graph, &optimal);
    drop((instance, graph));
    let (instance, graph) = programme(&samman_benches::large());
    bench(c, "optimal 100k x 10k", &instance, &graph, &optimal);
    bench(c, "stable 100k x 10k", &instance, &graph, &stable);
}

#[allow(missing_docs)]
mod harness {
    criterion::criterion_group!(benches, super::solvers);
}
criterion_main!(harness::benches);
