//! Building the candidate graph at the domain's sizes: seekers and providers scattered over a
//! city, edges only within travel range and shared time.

use criterion::{Criterion, criterion_main};
use samman::generate::{Params, dinners};
use samman::graph::CandidateGraph;

/// The medium instance: 20 000 seekers x 2 000 providers, about 500 000 edges.
pub fn medium() -> Params {
    Params {
        size: 20_000,
        providers: Some(2_000),
        seed: 42,
        area_km: 40.0,
        travel_km: 9.0,
        ..Params::default()
    }
}

/// The large instance: 100 000 seekers x 10 000 providers over the same 40 km city.
pub fn large() -> Params {
    Params {
        size: 100_000,
        providers: Some(10_000),
        seed: 42,
        area_km: 40.0,
        travel_km: 4.0,
        ..Params::default()
    }
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("graph_build");
    group.sample_size(10);
    for (name, params) in [("20000x2000", medium()), ("100000x10000", large())] {
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
