//! The indexed graph builder yields exactly the edges and scores of the all-pairs builder, and
//! the estimate counts exactly the edges the builder makes.

use proptest::prelude::*;
use samman::generate::{Params, Programme, dinners, generate};
use samman::graph::{Candidate, CandidateGraph, GraphError, Node};
use samman::model::{Availability, Day, Instance, Location, Provider, Seeker, WeeklyWindow};

fn same_graph(instance: &Instance) {
    let indexed = CandidateGraph::build(instance).unwrap();
    let naive = CandidateGraph::build_all_pairs(instance).unwrap();
    let a: Vec<_> = indexed.candidates().collect();
    let b: Vec<_> = naive.candidates().collect();
    assert_eq!(a.len(), b.len());
    assert_eq!(a, b);
}

fn location() -> impl Strategy<Value = Option<Location>> {
    // A city, a region, and now and then a remote participant or a point near the pole or
    // the date line, where the grid must still be conservative.
    prop_oneof![
        8 => (59.0..59.6f64, 17.7..18.4f64).prop_map(|(lat, lon)| Some(Location { lat, lon })),
        2 => (55.0..69.0f64, 11.0..24.0f64).prop_map(|(lat, lon)| Some(Location { lat, lon })),
        1 => (88.0..90.0f64, -180.0..180.0f64).prop_map(|(lat, lon)| Some(Location { lat, lon })),
        1 => (-10.0..10.0f64, 179.0..180.0f64).prop_map(|(lat, lon)| Some(Location { lat, lon })),
        1 => Just(None),
    ]
}

fn weekly() -> impl Strategy<Value = Availability> {
    prop::collection::vec((0usize..7, 0u16..24, 1u16..6), 0..3).prop_map(|windows| Availability {
        dated: Vec::new(),
        weekly: windows
            .into_iter()
            .map(|(day, start, hours)| WeeklyWindow {
                day: Day::ALL[day],
                start: samman::model::ClockTime::new(start, 0).unwrap(),
                end: samman::model::ClockTime::new((start + hours) % 24, 30).unwrap(),
            })
            .collect(),
    })
}

fn seeker() -> impl Strategy<Value = Seeker> {
    (
        location(),
        prop::option::of(0.5..400.0f64),
        1u32..4,
        weekly(),
    )
        .prop_map(|(location, travel, size, availability)| {
            let mut s = Seeker::new("s");
            s.location = location;
            s.max_travel_km = travel;
            s.party_size = size;
            s.availability = availability;
            s
        })
}

fn provider() -> impl Strategy<Value = Provider> {
    (
        location(),
        prop::option::of(0.5..50.0f64),
        1u32..6,
        weekly(),
    )
        .prop_map(|(location, travel, capacity, availability)| {
            let mut p = Provider::new("p", capacity);
            p.location = location;
            p.max_travel_km = travel;
            p.availability = availability;
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn indexed_equals_all_pairs(
        seekers in prop::collection::vec(seeker(), 0..25),
        providers in prop::collection::vec(provider(), 1..25),
        limit in prop::option::of(1.0..100.0f64),
    ) {
        let mut instance = Instance::new();
        instance.policy.rules.max_distance_km = limit;
        for (i, mut s) in seekers.into_iter().enumerate() {
            s.id = format!("s{i}").into();
            instance.seekers.push(s);
        }
        let largest = providers.iter().map(|p| p.capacity).max().unwrap_or(1);
        for s in &mut instance.seekers {
            s.party_size = s.party_size.min(largest);
        }
        for (j, mut p) in providers.into_iter().enumerate() {
            p.id = format!("p{j}").into();
            instance.providers.push(p);
        }
        same_graph(&instance);
    }
}

#[test]
fn generated_programmes_build_the_same_graph() {
    for seed in 0..5 {
        same_graph(&dinners(&Params {
            size: 400,
            seed,
            ..Params::default()
        }));
    }
}

/// Programmes under a few policies: as generated, with the distance rule off, with a tight
/// distance cap, and with the time rule off (many more edges).
fn policies_and_programmes() -> Vec<Instance> {
    let mut instances = Vec::new();
    for (seed, programme) in [
        (0, Programme::Dinners),
        (1, Programme::Visits),
        (2, Programme::Workshops),
        (3, Programme::Experiences),
        (4, Programme::Coaching),
    ] {
        let base = generate(
            programme,
            &Params {
                size: 300,
                seed,
                ..Params::default()
            },
        );
        let mut no_distance = base.clone();
        no_distance.policy.rules.distance = false;
        let mut tight = base.clone();
        tight.policy.rules.max_distance_km = Some(1.5);
        let mut any_time = base.clone();
        any_time.policy.rules.time = false;
        instances.extend([base, no_distance, tight, any_time]);
    }
    instances
}

#[test]
fn the_estimate_counts_exactly_the_edges_built() {
    for instance in policies_and_programmes() {
        let estimate = CandidateGraph::estimate(&instance).unwrap();
        let graph = CandidateGraph::build(&instance).unwrap();
        assert_eq!(estimate.edges, graph.edge_count() as u64);
        assert_eq!(estimate.seekers, graph.n_seekers());
        assert_eq!(estimate.providers, graph.n_providers());
        // Each edge record holds at least its candidate, each node record its node.
        let nodes = (estimate.seekers + estimate.providers) as u64;
        assert!(
            estimate.bytes
                >= estimate.edges * size_of::<Candidate>() as u64
                    + nodes * size_of::<Node>() as u64
        );
    }
}

#[test]
fn the_estimate_refuses_what_the_build_refuses_before_counting() {
    let mut instance = dinners(&Params {
        size: 50,
        ..Params::default()
    });
    instance.policy.limits.max_seekers = 49;
    let expected = GraphError::LimitExceeded {
        what: "seekers",
        count: 50,
        limit: 49,
    };
    assert_eq!(CandidateGraph::estimate(&instance).unwrap_err(), expected);
    assert_eq!(CandidateGraph::build(&instance).unwrap_err(), expected);

    instance.policy.limits.max_seekers = 50;
    let providers = instance.providers.len() as u64;
    instance.policy.limits.max_providers = providers - 1;
    let expected = GraphError::LimitExceeded {
        what: "providers",
        count: providers,
        limit: providers - 1,
    };
    assert_eq!(CandidateGraph::estimate(&instance).unwrap_err(), expected);
    assert_eq!(CandidateGraph::build(&instance).unwrap_err(), expected);

    instance.policy.limits.max_providers = providers;
    instance.seekers[0].party_size = 0;
    assert!(matches!(
        CandidateGraph::estimate(&instance),
        Err(GraphError::Invalid(_))
    ));
}

#[test]
fn the_estimate_reports_what_the_edge_limit_refuses() {
    let mut instance = dinners(&Params {
        size: 400,
        seed: 7,
        ..Params::default()
    });
    let edges = CandidateGraph::build(&instance).unwrap().edge_count() as u64;
    assert!(edges > 100, "a test instance with some edges: {edges}");
    instance.policy.limits.max_edges = edges / 2;
    let estimate = CandidateGraph::estimate(&instance).unwrap();
    assert_eq!(estimate.edges, edges);
    assert!(estimate.edges > instance.policy.limits.max_edges);
    assert!(matches!(
        CandidateGraph::build(&instance),
        Err(GraphError::LimitExceeded {
            what: "candidate edges",
            limit,
            ..
        }) if limit == edges / 2
    ));
}
