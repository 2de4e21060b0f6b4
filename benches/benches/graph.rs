//! Building the candidate graph at the domain's sizes: seekers and providers scattered over a
//! city, edges only within travel range and shared time. Also the estimate that counts the
//! graph without building it. Run: `cargo bench -p samman-benches --bench graph -- small`.

use std::cell::OnceCell;
use std::hint::black_box;

use criterion::{Criterion, criterion_main};
use samman::generate::dinners;
use samman::graph::CandidateGraph;
use samman::model::Instance;

fn graph(c: &mut Criterion) {
    for (name, params) in samman_benches::sizes() {
        // Generated on first use, so that a filter which skips a size skips generating it.
        let instance: OnceCell<Instance> = OnceCell::new();
        let instance = || {
            instance.get_or_init(|| {
                let instance = dinners(&params);
                let edges = CandidateGraph::build(&instance)
                    .expect("generated instances are valid")
                    .edge_count();
                eprintln!("{name}: {edges} edges");
                instance
            })
        };
        let mut group = c.benchmark_group("graph_build");
        group.sample_size(10);
        group.bench_function(name, |b| {
            let instance = instance();
            b.iter(|| CandidateGraph::build(instance).expect("valid"));
        });
        group.finish();
        let mut group = c.benchmark_group("graph_estimate");
        group.sample_size(10);
        group.bench_function(name, |b| {
            let instance = instance();
            b.iter(|| black_box(CandidateGraph::estimate(instance).expect("valid")));
        });
        group.finish();
    }
}

#[allow(missing_docs)]
mod harness {
    criterion::criterion_group!(benches, super::graph);
}
criterion_main!(harness::benches);
