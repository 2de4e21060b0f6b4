//! Reports on a plan at the three sizes of `samman_benches::sizes`: every metric of the optimal
//! solver's plan (`metrics::evaluate_with_graph`, the graph built outside the measurement) and
//! the explanations of 100 unplaced seekers against that plan, one call each
//! (`explain::explain`) and in one batch (`explain::explain_many`), the same seekers on every
//! run: evenly spaced, by instance order, among the unplaced.
//! Run: `cargo bench -p samman-benches --bench reports -- small`.

use std::cell::OnceCell;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_main};
use samman::explain::{explain, explain_many};
use samman::generate::{Params, dinners};
use samman::graph::CandidateGraph;
use samman::metrics::{MetricsOptions, evaluate_with_graph};
use samman::model::{Instance, SeekerId};
use samman::plan::Pairs;
use samman::solve::{Objective, Options, SolverKind, solve_graph};

/// Seekers explained per iteration.
const EXPLAINED: usize = 100;

/// A dinner programme with its graph, the optimal solver's plan and the seekers to explain.
struct Programme {
    instance: Instance,
    graph: CandidateGraph,
    plan: Pairs,
    sample: Vec<SeekerId>,
}

fn programme(name: &str, params: &Params) -> Programme {
    let instance = dinners(params);
    let graph = CandidateGraph::build(&instance).expect("a generated programme is valid");
    let options = Options {
        solver: SolverKind::Optimal,
        objective: Objective::MaxScore,
        ..Options::default()
    };
    let assignment = solve_graph(&instance, &graph, &options).expect("solves");
    let plan = Pairs::from(&assignment);
    let placed: std::collections::HashSet<&SeekerId> =
        assignment.matches.iter().map(|m| &m.seeker).collect();
    let unplaced: Vec<&SeekerId> = instance
        .seekers
        .iter()
        .map(|s| &s.id)
        .filter(|id| !placed.contains(id))
        .collect();
    let n = EXPLAINED.min(unplaced.len());
    let sample = (0..n)
        .map(|i| unplaced[i * unplaced.len() / n].clone())
        .collect();
    eprintln!(
        "{name}: {} edges, {} placed, {} unplaced, {n} explained",
        graph.edge_count(),
        assignment.matches.len(),
        unplaced.len()
    );
    Programme {
        instance,
        graph,
        plan,
        sample,
    }
}

fn reports(c: &mut Criterion) {
    let options = MetricsOptions::default();
    for (name, params) in samman_benches::sizes() {
        // Built on first use, so that a filter which skips a size skips building it; dropped
        // before the next size.
        let programme: OnceCell<Programme> = OnceCell::new();
        let programme = || programme.get_or_init(|| self::programme(name, &params));
        let mut group = c.benchmark_group("metrics");
        group.sample_size(10);
        group.bench_function(name, |b| {
            let p = programme();
            b.iter(|| {
                black_box(evaluate_with_graph(
                    &p.instance,
                    &p.graph,
                    &p.plan,
                    &options,
                ))
            });
        });
        group.finish();
        let mut group = c.benchmark_group("explain_100_unplaced");
        group.sample_size(10);
        group.throughput(Throughput::Elements(EXPLAINED as u64));
        group.bench_function(name, |b| {
            let p = programme();
            b.iter(|| {
                for seeker in &p.sample {
                    black_box(explain(&p.instance, Some(&p.plan), seeker).expect("explains"));
                }
            });
        });
        group.finish();
        let mut group = c.benchmark_group("explain_many_100_unplaced");
        group.sample_size(10);
        group.throughput(Throughput::Elements(EXPLAINED as u64));
        group.bench_function(name, |b| {
            let p = programme();
            b.iter(|| {
                black_box(explain_many(&p.instance, Some(&p.plan), &p.sample).expect("explains"))
            });
        });
        group.finish();
    }
}

#[allow(missing_docs)]
mod harness {
    criterion::criterion_group!(benches, super::reports);
}
criterion_main!(harness::benches);
