//! Building the candidate graph at the domain's sizes: seekers and providers scattered over a
//! city, edges only within travel range and shared time.

use criterion::{Criterion, criterion_main};
use samman::generate::dinners;
use samman::graph::CandidateGraph;

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("graph_build");
    group.sample_size(10);
    for (name, params) in [
        ("20000x2000", samman_benches::medium()),
        ("100000x10000", samman_benches::large()),
    ] {
        let instance = dinners(&params);
        let edges = CandidateGraph::build(&instance)
            .expect("generated instances are valid")
            .edge_count();
        eprintln!("graph_build/{name}: {edges} edges");
        group.bench_function(name, |b| {
            b.iter(|| CandidateGraph::build(&instance).expect("valid"))
        });
    }
    group.finish();
}

#[allow(missing_docs)]
mod harness {
    criterion::criterion_group!(benches, super::build);
}
criterion_main!(harness::benches);
