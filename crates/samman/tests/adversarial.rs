//! The adversarial catalogue: bad or extreme inputs, each with the exact error (kind and path)
//! or the exact behaviour expected. Nothing here may panic or be silently dropped.

use samman::generate::{Params, dinners};
use samman::graph::{CandidateGraph, GraphError};
use samman::model::{Instance, Location, Provider, Seeker};
use samman::plan::{Pair, Reason};
use samman::solve::{Options, SolveError, solve};
use samman::validate::{ParseErrorKind, parse_json, parse_json_limited, validate};

/// The paths of every validation problem of a JSON document that parses.
fn problem_paths(json: &str) -> Vec<String> {
    let instance = parse_json(json).expect("the document parses");
    validate(&instance)
        .err()
        .map(|e| e.problems.into_iter().map(|p| p.path).collect())
        .unwrap_or_default()
}

/// The paths of the warnings of a valid document: a problem of one record never makes the
/// instance invalid, and every solver plans the rest.
fn warning_paths(json: &str) -> Vec<String> {
    let instance = parse_json(json).expect("the document parses");
    assert_eq!(validate(&instance), Ok(()), "warnings only");
    let _ = plan(&instance);
    samman::validate::check(&instance)
        .warnings
        .into_iter()
        .map(|p| p.path)
        .collect()
}

fn parse_kind(json: &str) -> (ParseErrorKind, String) {
    let e = parse_json(json).expect_err("the document must not parse");
    (e.kind, e.path)
}

fn one_of_each() -> Instance {
    let mut instance = Instance::new();
    instance.seekers.push(Seeker::new("s"));
    instance.providers.push(Provider::new("p", 2));
    instance
}

fn plan(instance: &Instance) -> samman::Plan {
    solve(instance, &Options::default()).expect("the instance solves")
}

// --- documents that do not parse -------------------------------------------------------------

#[test]
fn c01_empty_text() {
    assert_eq!(parse_kind("").0, ParseErrorKind::Eof);
}

#[test]
fn c02_not_an_object() {
    assert_eq!(parse_kind("[1, 2, 3]").0, ParseErrorKind::Data);
}

#[test]
fn c03_missing_version() {
    let (kind, _) = parse_kind("{\"seekers\": []}");
    assert_eq!(kind, ParseErrorKind::Data);
}

#[test]
fn c04_deeply_nested_json() {
    let deep = format!(
        "{{\"version\": 1, \"policy\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let (kind, _) = parse_kind(&deep);
    assert!(
        matches!(kind, ParseErrorKind::Syntax | ParseErrorKind::Data),
        "{kind:?}"
    );
}

#[test]
fn c05_number_beyond_f64() {
    let (kind, path) =
        parse_kind(r#"{"version": 1, "seekers": [{"id": "a", "max_travel_km": 1e400}]}"#);
    assert_eq!(
        (kind, path.as_str()),
        (ParseErrorKind::Syntax, "seekers[0].max_travel_km")
    );
}

#[test]
fn c06_negative_party_size() {
    let (kind, path) = parse_kind(r#"{"version": 1, "seekers": [{"id": "a", "party_size": -2}]}"#);
    assert_eq!(
        (kind, path.as_str()),
        (ParseErrorKind::Data, "seekers[0].party_size")
    );
}

#[test]
fn c07_party_size_beyond_u32() {
    let (_, path) =
        parse_kind(r#"{"version": 1, "seekers": [{"id": "a", "party_size": 4294967296}]}"#);
    assert_eq!(path, "seekers[0].party_size");
}

#[test]
fn c08_unknown_field_is_named() {
    let (kind, path) =
        parse_kind(r#"{"version": 1, "providers": [{"id": "p", "capacity": 1, "name": "Anna"}]}"#);
    assert_eq!(
        (kind, path.as_str()),
        (ParseErrorKind::Data, "providers[0].name")
    );
}

#[test]
fn c09_malformed_date() {
    let (_, path) = parse_kind(
        r#"{"version": 1, "seekers": [{"id": "a", "availability": {"dated": [{"start": "2026-02-30T18:00", "end": "2026-03-01T18:00"}]}}]}"#,
    );
    assert_eq!(path, "seekers[0].availability.dated[0].start");
}

#[test]
fn c10_clock_time_past_24() {
    let (_, path) = parse_kind(
        r#"{"version": 1, "seekers": [{"id": "a", "availability": {"weekly": [{"day": "monday", "start": "25:00", "end": "26:00"}]}}]}"#,
    );
    assert_eq!(path, "seekers[0].availability.weekly[0].start");
}

#[test]
fn c11_input_over_the_size_cap() {
    let e = parse_json_limited(&" ".repeat(2_000), 1_000).unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::TooLarge);
}

#[test]
fn c12_truncated_document() {
    assert_eq!(
        parse_kind(r#"{"version": 1, "seekers": [{"id": "a""#).0,
        ParseErrorKind::Eof
    );
}

// --- documents that parse but are invalid ---------------------------------------------------

#[test]
fn c13_duplicate_ids() {
    let paths = problem_paths(
        r#"{"version": 1, "seekers": [{"id": "a"}, {"id": "a"}], "providers": [{"id": "p", "capacity": 1}, {"id": "p", "capacity": 1}]}"#,
    );
    assert_eq!(paths, vec!["seekers[1].id", "providers[1].id"]);
}

#[test]
fn c14_empty_id() {
    assert_eq!(
        problem_paths(r#"{"version": 1, "seekers": [{"id": ""}]}"#),
        vec!["seekers[0].id"]
    );
}

#[test]
fn c15_latitude_91() {
    let paths = warning_paths(
        r#"{"version": 1, "seekers": [{"id": "a", "location": {"lat": 91, "lon": 0}}]}"#,
    );
    assert_eq!(paths, vec!["seekers[0].location.lat"]);
}

#[test]
fn c16_longitude_minus_181() {
    let paths = warning_paths(
        r#"{"version": 1, "providers": [{"id": "p", "capacity": 1, "location": {"lat": 0, "lon": -181}}]}"#,
    );
    assert_eq!(paths, vec!["providers[0].location.lon"]);
}

#[test]
fn c17_negative_and_nan_weights() {
    let mut instance = one_of_each();
    instance.policy.weights.distance = -1.0;
    instance.policy.weights.language = f64::NAN;
    instance.policy.weights.novelty = f64::INFINITY;
    let paths: Vec<String> = validate(&instance)
        .unwrap_err()
        .problems
        .into_iter()
        .map(|p| p.path)
        .collect();
    assert_eq!(
        paths,
        vec![
            "policy.weights.distance",
            "policy.weights.language",
            "policy.weights.novelty"
        ]
    );
}

#[test]
fn c18_nan_priority_and_travel() {
    let mut instance = one_of_each();
    instance.seekers[0].priority = f64::NAN;
    instance.seekers[0].max_travel_km = Some(f64::NEG_INFINITY);
    assert_eq!(
        validate(&instance),
        Ok(()),
        "a record left out, not an invalid instance"
    );
    let left_out = plan(&instance);
    assert!(left_out.matches.is_empty());
    let paths: Vec<String> = samman::validate::check(&instance)
        .warnings
        .into_iter()
        .map(|p| p.path)
        .collect();
    assert_eq!(
        paths,
        vec!["seekers[0].max_travel_km", "seekers[0].priority"]
    );
}

#[test]
fn c19_time_zone_without_the_rule() {
    assert_eq!(
        problem_paths(r#"{"version": 1, "policy": {"timezone": "Europe/Atlantis"}}"#),
        vec!["policy.timezone"]
    );
}

#[test]
fn c20_window_end_before_start() {
    let paths = warning_paths(
        r#"{"version": 1, "seekers": [{"id": "a", "availability": {"dated": [{"start": "2026-05-05T20:00", "end": "2026-05-05T20:00"}]}}]}"#,
    );
    assert_eq!(paths, vec!["seekers[0].availability.dated[0].end"]);
}

#[test]
fn c21_window_in_a_daylight_saving_gap() {
    let paths = warning_paths(
        r#"{"version": 1, "seekers": [{"id": "a", "availability": {"dated": [{"start": "2026-03-29T02:15", "end": "2026-03-29T05:00"}]}}]}"#,
    );
    assert_eq!(paths, vec!["seekers[0].availability.dated[0].start"]);
}

#[test]
fn c22_preference_naming_an_unknown_id() {
    let paths = problem_paths(
        r#"{"version": 1, "seekers": [{"id": "a", "preferences": ["ghost"]}], "providers": [{"id": "p", "capacity": 1}]}"#,
    );
    assert_eq!(paths, vec!["seekers[0].preferences[0]"]);
}

#[test]
fn c23_preference_naming_itself() {
    // A seeker's preferences name providers; its own id is not one.
    let paths = problem_paths(
        r#"{"version": 1, "seekers": [{"id": "a", "preferences": ["a"]}], "providers": [{"id": "p", "capacity": 1}]}"#,
    );
    assert_eq!(paths, vec!["seekers[0].preferences[0]"]);
}

#[test]
fn c24_duplicate_in_a_preference_list() {
    let paths = problem_paths(
        r#"{"version": 1, "seekers": [{"id": "a", "preferences": ["p", "p"]}], "providers": [{"id": "p", "capacity": 1}]}"#,
    );
    assert_eq!(paths, vec!["seekers[0].preferences[1]"]);
}

#[test]
fn c25_capacity_zero_everywhere() {
    let paths = problem_paths(
        r#"{"version": 1, "seekers": [{"id": "a"}], "providers": [{"id": "p", "capacity": 0}, {"id": "q", "capacity": 0}]}"#,
    );
    assert_eq!(
        paths,
        vec!["providers[0].capacity", "providers[1].capacity"]
    );
}

#[test]
fn c26_party_larger_than_any_table() {
    let paths = warning_paths(
        r#"{"version": 1, "seekers": [{"id": "a", "party_size": 12}], "providers": [{"id": "p", "capacity": 8}]}"#,
    );
    assert_eq!(paths, vec!["seekers[0].party_size"]);
}

#[test]
fn c27_minimum_above_capacity() {
    assert_eq!(
        warning_paths(r#"{"version": 1, "providers": [{"id": "p", "capacity": 4, "minimum": 6}]}"#),
        vec!["providers[0].minimum"]
    );
}

#[test]
fn c28_unknown_diet_and_language() {
    let paths = warning_paths(
        r#"{"version": 1, "seekers": [{"id": "a", "diet": ["breatharian"], "languages": [{"code": "klingon", "level": "native"}]}]}"#,
    );
    assert_eq!(
        paths,
        vec!["seekers[0].languages[0].code", "seekers[0].diet[0]"]
    );
}

#[test]
fn c29_cyclic_keep_together_sets_merge() {
    // a-b, b-c, c-a: one group of three, which is valid on its own.
    let json = r#"{"version": 1, "seekers": [{"id": "a"}, {"id": "b"}, {"id": "c"}], "providers": [{"id": "p", "capacity": 3}],
        "constraints": {"keep_together": [["a", "b"], ["b", "c"], ["c", "a"]]}}"#;
    assert!(problem_paths(json).is_empty());
    let plan = plan(&parse_json(json).unwrap());
    assert_eq!(plan.matches.len(), 3, "the merged group sits together");
}

#[test]
fn c30_contradictory_keep_together_and_keep_apart() {
    let json = r#"{"version": 1, "seekers": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
        "constraints": {"keep_together": [["a", "b"], ["b", "c"]], "keep_apart": [["a", "c"]]}}"#;
    assert_eq!(problem_paths(json), vec!["constraints.keep_apart[0]"]);
}

#[test]
fn c31_keep_together_set_of_one() {
    let json =
        r#"{"version": 1, "seekers": [{"id": "a"}], "constraints": {"keep_together": [["a"]]}}"#;
    assert_eq!(problem_paths(json), vec!["constraints.keep_together[0]"]);
}

#[test]
fn c32_lock_naming_unknown_ids() {
    let mut instance = one_of_each();
    instance.constraints.locked = vec![Pair {
        seeker: "nobody".into(),
        provider: "nowhere".into(),
    }];
    let paths: Vec<String> = validate(&instance)
        .unwrap_err()
        .problems
        .into_iter()
        .map(|p| p.path)
        .collect();
    assert_eq!(
        paths,
        vec![
            "constraints.locked[0].seeker",
            "constraints.locked[0].provider"
        ]
    );
}

#[test]
fn c33_history_with_unknown_ids() {
    let json = r#"{"version": 1, "seekers": [{"id": "a"}], "providers": [{"id": "p", "capacity": 1}],
        "history": {"meetings": [{"seeker": "zed", "host": "nobody"}]}}"#;
    assert_eq!(
        problem_paths(json),
        vec!["history.meetings[0].seeker", "history.meetings[0].host"]
    );
}

#[test]
fn c34_unsupported_format_version() {
    assert_eq!(problem_paths(r#"{"version": 99}"#), vec!["version"]);
}

// --- valid but extreme inputs: exact behaviour ----------------------------------------------

#[test]
fn c35_empty_instance() {
    let plan = plan(&Instance::new());
    assert!(plan.matches.is_empty() && plan.unplaced.is_empty() && plan.cancelled.is_empty());
    assert_eq!(plan.total_score, 0.0);
}

#[test]
fn c36_no_providers() {
    let mut instance = Instance::new();
    instance.seekers.push(Seeker::new("a"));
    let plan = plan(&instance);
    assert_eq!(plan.unplaced.len(), 1);
    assert!(matches!(
        plan.unplaced[0].reason,
        Reason::NoFeasibleProvider { .. }
    ));
}

#[test]
fn c37_no_seekers() {
    let mut instance = Instance::new();
    instance.providers.push(Provider::new("p", 3));
    assert!(plan(&instance).matches.is_empty());
}

#[test]
fn c38_everyone_infeasible_is_told_why() {
    let mut instance = dinners(&Params {
        size: 40,
        ..Params::default()
    });
    for seeker in &mut instance.seekers {
        seeker.max_travel_km = Some(0.0);
    }
    let plan = plan(&instance);
    assert!(plan.matches.is_empty());
    assert_eq!(plan.unplaced.len(), 40);
    for unplaced in &plan.unplaced {
        let Reason::NoFeasibleProvider { excluded, .. } = &unplaced.reason else {
            panic!("{unplaced:?}")
        };
        assert!(
            excluded
                .get(&samman::rules::Rule::Distance)
                .copied()
                .unwrap_or(0)
                > 0
        );
    }
}

#[test]
fn c39_huge_capacities() {
    let mut instance = Instance::new();
    instance.providers.push(Provider::new("stadium", u32::MAX));
    for i in 0..50 {
        let mut s = Seeker::new(&format!("s{i}"));
        s.party_size = u32::MAX / 64;
        instance.seekers.push(s);
    }
    let plan = plan(&instance);
    let seats: u64 = plan.matches.iter().map(|m| u64::from(m.seats)).sum();
    assert!(
        seats <= u64::from(u32::MAX),
        "seats never exceed the capacity, without overflow"
    );
    assert_eq!(
        plan.matches.len(),
        50.min((u32::MAX / (u32::MAX / 64)) as usize)
    );
}

#[test]
fn c40_unicode_and_very_long_ids() {
    let mut instance = Instance::new();
    let long = "x".repeat(10_000);
    for id in ["gäst-ö", "ضيف", "👪", long.as_str()] {
        instance.seekers.push(Seeker::new(id));
    }
    instance.providers.push(Provider::new("värd-å", 4));
    let text = serde_json::to_string(&instance).unwrap();
    let back = parse_json(&text).unwrap();
    assert_eq!(back, instance);
    let plan = plan(&back);
    assert_eq!(plan.matches.len(), 4);
    assert_eq!(plan.matches[3].seeker.as_str(), long);
}

#[test]
fn c41_windows_in_the_far_past_and_future() {
    let json = r#"{"version": 1,
        "seekers": [{"id": "a", "availability": {"dated": [{"start": "1800-01-01T10:00", "end": "1800-01-01T12:00"}]}},
                    {"id": "b", "availability": {"dated": [{"start": "9999-12-31T10:00", "end": "9999-12-31T12:00"}]}}],
        "providers": [{"id": "p", "capacity": 2, "availability": {"dated": [{"start": "9999-12-31T11:00", "end": "9999-12-31T13:00"}]}}]}"#;
    let instance = parse_json(json).unwrap();
    assert_eq!(validate(&instance), Ok(()));
    let plan = plan(&instance);
    assert_eq!(plan.matches.len(), 1);
    assert_eq!(plan.matches[0].seeker.as_str(), "b");
}

#[test]
fn c42_limits_on_seekers_and_edges() {
    let mut instance = dinners(&Params {
        size: 30,
        ..Params::default()
    });
    instance.policy.limits.max_seekers = 10;
    assert_eq!(
        CandidateGraph::build(&instance).unwrap_err(),
        GraphError::LimitExceeded {
            what: "seekers",
            count: 30,
            limit: 10
        }
    );
    instance.policy.limits.max_seekers = 1_000;
    instance.policy.limits.max_edges = 5;
    assert!(matches!(
        solve(&instance, &Options::default()),
        Err(SolveError::Graph(GraphError::LimitExceeded {
            what: "candidate edges",
            ..
        }))
    ));
}

#[test]
fn c43_all_seekers_remote_and_providers_remote() {
    let mut instance = Instance::new();
    instance.seekers.push(Seeker::new("online"));
    let mut p = Provider::new("near", 1);
    p.location = Some(Location {
        lat: 59.3,
        lon: 18.0,
    });
    instance.providers.push(p);
    assert_eq!(
        plan(&instance).matches.len(),
        1,
        "a remote seeker is not limited by distance"
    );
}

#[test]
fn c44_a_50_mb_instance_parses() {
    let mut instance = dinners(&Params {
        size: 2_000,
        ..Params::default()
    });
    // Pad with long ids until the document passes 50 MB.
    for seeker in &mut instance.seekers {
        seeker.id = format!("{}-{}", seeker.id, "p".repeat(25_000)).into();
    }
    let text = serde_json::to_string(&instance).unwrap();
    assert!(text.len() > 50_000_000, "{}", text.len());
    let back = parse_json(&text).unwrap();
    assert_eq!(back.seekers.len(), 2_000);
    assert_eq!(validate(&back), Ok(()));
}

#[test]
fn c45_a_keep_together_set_whose_seats_pass_u32() {
    // Two parties of three thousand million people kept together: their seats summed pass
    // u32::MAX. No solver may overflow; the set fits nowhere and is reported whole.
    let json = r#"{"version": 1,
        "seekers": [{"id": "a", "party_size": 3000000000}, {"id": "b", "party_size": 3000000000},
                    {"id": "c"}],
        "providers": [{"id": "p", "capacity": 4000000000}, {"id": "q", "capacity": 4000000000}],
        "constraints": {"keep_together": [["a", "b"]]}}"#;
    let instance = parse_json(json).expect("parses");
    for solver in [
        samman::solve::SolverKind::Greedy,
        samman::solve::SolverKind::Optimal,
        samman::solve::SolverKind::Stable,
        samman::solve::SolverKind::Groups,
    ] {
        let options = Options {
            solver,
            ..Options::default()
        };
        let plan = solve(&instance, &options).expect("solves");
        let placed: Vec<&str> = plan.matches.iter().map(|m| m.seeker.as_str()).collect();
        assert_eq!(placed, ["c"], "{solver:?}");
        let unplaced: Vec<&str> = plan.unplaced.iter().map(|u| u.seeker.as_str()).collect();
        assert_eq!(unplaced, ["a", "b"], "{solver:?}");
    }
}
