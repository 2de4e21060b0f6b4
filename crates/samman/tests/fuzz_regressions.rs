//! Inputs the fuzz targets (fuzz/) found problems with, kept as tests so they stay fixed.

use samman::validate::{ParseErrorKind, parse_json};

/// instance_json: a field named "" at the top level gave a parse error with an empty path.
#[test]
fn unknown_empty_field_name_has_a_path() {
    let error = parse_json(r#"{"":"2026-09-12T17:00","end":"x"}"#).unwrap_err();
    assert_eq!(error.kind, ParseErrorKind::Data);
    assert_eq!(error.path, ".");
    assert_eq!((error.line, error.column), (1, 3));
    assert!(
        error.message.starts_with("unknown field ``"),
        "{}",
        error.message
    );
}

/// instance_json: a valid but huge travel radius (7.7e99 km) made the graph builder's grid
/// search visit billions of empty rows; it now finds the provider at once.
#[test]
fn a_huge_travel_radius_builds_the_graph_at_once() {
    use samman::generate::{Params, dinners};
    use samman::graph::CandidateGraph;

    let mut instance = dinners(&Params {
        size: 30,
        seed: 1,
        ..Params::default()
    });
    for seeker in &mut instance.seekers {
        seeker.max_travel_km = Some(7.7e99);
    }
    let text = include_str!("regressions/huge-travel-radius.json");
    for instance in [instance, parse_json(text).unwrap()] {
        let graph = CandidateGraph::build(&instance).unwrap();
        let reference = CandidateGraph::build_all_pairs(&instance).unwrap();
        assert_eq!(graph.edge_count(), reference.edge_count());
    }
}
