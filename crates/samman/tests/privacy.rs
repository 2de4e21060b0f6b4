//! Error messages and reports never carry a person's attribute values: instances whose
//! diets, profile attributes, age bands, origins, genders, languages and locations are
//! distinctive marker strings go through every entry point (parsing, validation, CSV import
//! and export, the graph, every solver, metrics, explanations), and no error text or report
//! may contain a marker. Ids may appear; none of them contains the marker.

use samman::csv_io::{read_instance, read_plan, read_providers, read_seekers, write_plan};
use samman::explain::{explain, match_explanation};
use samman::generate::{Params, dinners};
use samman::graph::CandidateGraph;
use samman::metrics::{MetricsOptions, evaluate};
use samman::model::{Diet, Instance, LanguageCode};
use samman::plan::{Pair, Pairs};
use samman::solve::{Objective, Options, SolverKind, solve};
use samman::validate::{parse_json, validate};

/// Every marker contains this; no id or field name does.
const MARKER: &str = "zz_marker";

fn assert_clean(what: &str, text: &str) {
    if let Some(at) = text.find(MARKER) {
        let context: String = text[at.saturating_sub(80)..].chars().take(160).collect();
        panic!("{what} carries a marker: ...{context}...");
    }
}

/// A valid dinner programme in which a few seekers (fewer than the k = 5 of small-cell
/// suppression, each with their own value) and hosts have marker values: a custom diet (which
/// their host caters for, so that they can be placed), an extra profile attribute and an age
/// band.
fn marked_instance() -> Instance {
    let mut instance = dinners(&Params {
        size: 40,
        seed: 3,
        ..Params::default()
    });
    for s in 0..4 {
        let seeker = &mut instance.seekers[s * 7];
        seeker
            .diet
            .push(Diet::parse(&format!("custom:zz_marker_diet_{s}")));
        seeker
            .profile
            .extra
            .insert("religion".into(), format!("zz_marker_value_{s}"));
        seeker.profile.age_band = Some(format!("zz_marker_age_{s}"));
    }
    for provider in &mut instance.providers {
        provider
            .caters
            .extend((0..4).map(|s| Diet::parse(&format!("custom:zz_marker_diet_{s}"))));
        if let Some(host) = &mut provider.host_profile {
            host.extra
                .insert("religion".into(), "zz_marker_host_value".into());
            host.age_band = Some("zz_marker_host_age".into());
        }
    }
    validate(&instance).expect("the marked instance is valid");
    instance
}

fn metrics_options() -> MetricsOptions {
    let mut options = MetricsOptions::default();
    options.attributes.push("religion".into());
    options.list_blocking_pairs = true;
    options
}

#[test]
fn plans_reports_and_explanations_carry_no_marker() {
    let instance = marked_instance();
    let graph = CandidateGraph::build(&instance).unwrap();
    assert_clean(
        "graph stats",
        &serde_json::to_string(&graph.stats()).unwrap(),
    );
    let session = samman::Session::new(instance.clone()).expect("a valid instance");
    let rules = session.rules();
    let mut placed_markers = 0;
    for solver in [
        SolverKind::Greedy,
        SolverKind::Optimal,
        SolverKind::Stable,
        SolverKind::Groups,
    ] {
        let options = Options {
            solver,
            objective: Objective::MaxPlaced,
            ..Options::default()
        };
        let assignment = solve(&instance, &options).unwrap();
        let what = format!("{solver:?} plan");
        assert_clean(&what, &serde_json::to_string(&assignment).unwrap());
        assert_clean(&what, &format!("{assignment:?}"));
        placed_markers += assignment
            .matches
            .iter()
            .filter(|m| ["g000000", "g000007", "g000014", "g000021"].contains(&m.seeker.as_str()))
            .count();

        let plan = Pairs::from_pairs(
            assignment
                .matches
                .iter()
                .map(|m| (m.seeker.clone(), m.provider.clone())),
        );
        let mut csv = Vec::new();
        write_plan(&instance, &plan, &mut csv).unwrap();
        assert_clean("plan CSV", &String::from_utf8(csv).unwrap());

        let report = evaluate(&instance, &plan, &metrics_options()).unwrap();
        assert_clean(
            &format!("{solver:?} metrics report"),
            &serde_json::to_string(&report).unwrap(),
        );

        for m in &assignment.matches {
            let s = instance
                .seekers
                .iter()
                .position(|x| x.id == m.seeker)
                .unwrap();
            let p = instance
                .providers
                .iter()
                .position(|x| x.id == m.provider)
                .unwrap();
            let explanation = match_explanation(&rules, s, p);
            assert_clean(
                "match explanation",
                &serde_json::to_string(&explanation).unwrap(),
            );
        }
        for seeker in &instance.seekers {
            for plan in [None, Some(&plan)] {
                let explanation = explain(&instance, plan, &seeker.id).unwrap();
                assert_clean(
                    &format!("explanation of {}", seeker.id),
                    &serde_json::to_string(&explanation).unwrap(),
                );
            }
        }
    }
    // The marked seekers take part: the check is not vacuous.
    assert!(placed_markers > 0, "no marked seeker was ever placed");
}

#[test]
fn solve_errors_carry_no_marker() {
    let mut instance = marked_instance();
    // A host who caters for none of the marked diets, locked to a marked seeker: the lock
    // breaks the diet rule.
    instance.providers[0]
        .caters
        .retain(|d| !matches!(d, Diet::Custom(_)));
    let lock = Pair {
        seeker: instance.seekers[0].id.clone(),
        provider: instance.providers[0].id.clone(),
    };
    for solver in [SolverKind::Optimal, SolverKind::Groups] {
        let options = Options {
            solver,
            locked: vec![lock.clone()],
            ..Options::default()
        };
        let error = solve(&instance, &options).unwrap_err();
        assert_clean("lock error", &error.to_string());
        assert_clean("lock error", &format!("{error:?}"));
    }
    let options = Options {
        move_cost: f64::NAN,
        ..Options::default()
    };
    let error = solve(&instance, &options).unwrap_err();
    assert_clean("option error", &error.to_string());

    instance.policy.limits.max_edges = 1;
    let error = solve(&instance, &Options::default()).unwrap_err();
    assert_clean("limit error", &error.to_string());
}

#[test]
fn validation_problems_carry_no_marker() {
    let mut instance = marked_instance();
    // Values that are wrong, and wrong because of what they are.
    instance.seekers[1]
        .diet
        .push(Diet::parse("zz_marker_unknown_diet"));
    instance.seekers[2].languages[0].code = LanguageCode("zz_marker_lang".into());
    instance.seekers[3]
        .profile
        .extra
        .insert("zz_marker_key".into(), String::new());
    instance.providers[1]
        .caters
        .push(Diet::parse("zz_marker_unknown_cater"));
    if let Some(location) = &mut instance.seekers[4].location {
        location.lat = 91.0;
    }
    instance.seekers[5].party_size = 0;
    let invalid = validate(&instance).unwrap_err();
    let report = samman::validate::check(&instance);
    assert!(
        report.errors.len() + report.warnings.len() >= 4,
        "{report:?}"
    );
    assert_clean("validation warnings", &format!("{:?}", report.warnings));
    assert_clean("validation problems", &invalid.to_string());
    assert_clean("validation problems", &format!("{invalid:?}"));
    let error = solve(&instance, &Options::default()).unwrap_err();
    assert_clean("solve error", &error.to_string());
    let error = CandidateGraph::build(&instance).unwrap_err();
    assert_clean("graph error", &error.to_string());
    let plan = Pairs::from_pairs([("g000000", "d00000")]);
    let error = evaluate(&instance, &plan, &metrics_options()).unwrap_err();
    assert_clean("metrics error", &error.to_string());
    let error = explain(&instance, None, &instance.seekers[0].id).unwrap_err();
    assert_clean("explain error", &error.to_string());
}

#[test]
fn parse_errors_carry_no_marker() {
    // Each document puts a marker where a value of another type or vocabulary belongs.
    let documents = [
        r#"{"seekers":[{"id":"a","profile":{"origin":"zz_marker_origin"}}]}"#,
        r#"{"seekers":[{"id":"a","profile":{"gender":"zz_marker_gender"}}]}"#,
        r#"{"seekers":[{"id":"a","profile":{"age_band":["zz_marker_age"]}}]}"#,
        r#"{"seekers":[{"id":"a","profile":{"extra":{"religion":["zz_marker_value"]}}}]}"#,
        r#"{"seekers":[{"id":"a","profile":{"extra":"zz_marker_value"}}]}"#,
        r#"{"seekers":[{"id":"a","languages":[{"code":"sv","level":"zz_marker_level"}]}]}"#,
        r#"{"seekers":[{"id":"a","languages":["zz_marker_lang"]}]}"#,
        r#"{"seekers":[{"id":"a","diet":"zz_marker_diet"}]}"#,
        r#"{"seekers":[{"id":"a","diet":[{"custom":"zz_marker_diet"}]}]}"#,
        r#"{"seekers":[{"id":"a","location":{"lat":"zz_marker_lat","lon":1}}]}"#,
        r#"{"seekers":[{"id":"a","location":"zz_marker_place"}]}"#,
        r#"{"providers":[{"id":"p","capacity":1,"host_profile":{"origin":"zz_marker_origin"}}]}"#,
        r#"{"providers":[{"id":"p","capacity":1,"caters":[7, "zz_marker_diet"]}]}"#,
        r#"{"providers":[{"id":"p","capacity":1,"languages":[{"code":1,"level":"zz_marker"}]}]}"#,
    ];
    for document in documents {
        let error = parse_json(document).unwrap_err();
        assert!(error.path.starts_with("seekers[0]") || error.path.starts_with("providers[0]"));
        assert_clean(document, &error.to_string());
        assert_clean(document, &format!("{error:?}"));
    }
}

#[test]
fn malformed_dates_and_times_carry_no_marker_but_their_path() {
    // When a person is free is when they are at home alone: a malformed availability (or any
    // date in a person's record) is described by what was expected, never by what was read.
    let cases = [
        (
            r#"{"seekers":[{"id":"a","availability":{"dated":[{"start":"2026-09-05T18:00zz_marker","end":"2026-09-05T22:00"}]}}]}"#,
            "seekers[0].availability.dated[0].start",
        ),
        (
            r#"{"providers":[{"id":"p","capacity":1,"availability":{"dated":[{"start":"2026-09-05T18:00","end":"zz_marker 22:00"}]}}]}"#,
            "providers[0].availability.dated[0].end",
        ),
        (
            r#"{"seekers":[{"id":"a","availability":{"dated":[{"start":20260905,"end":"2026-09-05T22:00"}]}}]}"#,
            "seekers[0].availability.dated[0].start",
        ),
        (
            r#"{"seekers":[{"id":"a","availability":{"weekly":[{"day":"tuesday","start":"14:00zz_marker","end":"16:00"}]}}]}"#,
            "seekers[0].availability.weekly[0].start",
        ),
        (
            r#"{"seekers":[{"id":"a","availability":{"weekly":[{"day":"zz_marker_day","start":"14:00","end":"16:00"}]}}]}"#,
            "seekers[0].availability.weekly[0].day",
        ),
        (
            r#"{"seekers":[{"id":"a","waiting_since":"zz_marker-08-01"}]}"#,
            "seekers[0].waiting_since",
        ),
        (
            r#"{"providers":[{"id":"p","capacity":1,"verification":{"verified_on":["zz_marker"]}}]}"#,
            "providers[0].verification.verified_on",
        ),
        (
            r#"{"history":{"meetings":[{"seeker":"a","host":"h","date":"zz_marker"}]}}"#,
            "history.meetings[0].date",
        ),
    ];
    for (document, path) in cases {
        let error = parse_json(document).unwrap_err();
        assert_eq!(error.path, path, "{error}");
        let text = error.to_string();
        assert!(text.starts_with(path), "{text}");
        assert_clean(document, &text);
        assert_clean(document, &format!("{error:?}"));
    }
    // The message says what was expected.
    let error = parse_json(cases[0].0).unwrap_err();
    assert!(
        error.message.contains("expected") && error.message.contains("2026-03-28T18:00"),
        "{error}"
    );

    // The same in a spreadsheet, dated and weekly.
    for cell in [
        "2026-09-05T17:00/zz_marker",
        "tue 14:00-zz_marker",
        "zz_marker 14:00-16:00",
    ] {
        let file = format!("id,availability\ns1,{cell}\n");
        let error = read_seekers(file.as_bytes()).unwrap_err();
        assert_eq!(
            (error.row, error.column.as_str()),
            (2, "availability"),
            "{error}"
        );
        assert_clean(&file, &error.to_string());
    }
    let error = read_seekers("id,waiting_since\ns1,zz_marker\n".as_bytes()).unwrap_err();
    assert_clean("waiting_since", &error.to_string());
    let error = read_providers("id,capacity,verified_on\np,2,zz_marker\n".as_bytes()).unwrap_err();
    assert_clean("verified_on", &error.to_string());
}

#[test]
fn csv_errors_carry_no_marker() {
    let seekers = [
        "id,origin\ns1,zz_marker_origin\n",
        "id,gender\ns1,zz_marker_gender\n",
        "id,languages\ns1,zz_marker_lang\n",
        "id,languages\ns1,sv:zz_marker_level\n",
        "id,diet\ns1,zz_marker_diet\n",
        "id,lat,lon\ns1,zz_marker_lat,18\n",
        "id,lat,lon\ns1,59,zz_marker_lon\n",
        "id,age_band\ns1,zz_marker_age,extra_cell\n",
        "id,extra.religion\ns1,zz_marker_value,extra_cell\n",
    ];
    for file in seekers {
        let error = read_seekers(file.as_bytes()).unwrap_err();
        assert_eq!(error.row, 2, "{error}");
        assert_clean(file, &error.to_string());
        assert_clean(file, &format!("{error:?}"));
        let error = read_instance(file.as_bytes(), "id,capacity\np,2\n".as_bytes()).unwrap_err();
        assert_clean(file, &error.to_string());
    }
    let providers = [
        "id,capacity,host_origin\np,2,zz_marker_origin\n",
        "id,capacity,host_gender\np,2,zz_marker_gender\n",
        "id,capacity,caters\np,2,zz_marker_diet\n",
        "id,capacity,languages\np,2,zz_marker_lang\n",
        "id,capacity,host_age_band\np,2,zz_marker_age,extra_cell\n",
    ];
    for file in &providers[..4] {
        let error = read_providers(file.as_bytes()).unwrap_err();
        assert_eq!(error.row, 2, "{error}");
        assert_clean(file, &error.to_string());
    }
    let error = read_providers(providers[4].as_bytes()).unwrap_err();
    assert_clean(providers[4], &error.to_string());
    // A malformed plan file names rows and columns only.
    let error = read_plan("seeker,provider\nzz_marker_seeker\n".as_bytes()).unwrap_err();
    assert_clean("plan CSV error", &error.to_string());
}

#[test]
fn a_marked_instance_read_from_csv_is_exported_without_markers() {
    let seekers = "id,diet,age_band,extra.religion\n\
                   s1,custom:zz_marker_diet,zz_marker_age,zz_marker_value\n\
                   s2,,,\n";
    let providers = "id,capacity,caters\np,2,custom:zz_marker_diet\n";
    let instance = read_instance(seekers.as_bytes(), providers.as_bytes()).unwrap();
    let assignment = solve(&instance, &Options::default()).unwrap();
    assert_eq!(assignment.matches.len(), 2);
    assert_clean("plan", &serde_json::to_string(&assignment).unwrap());
    let plan = Pairs::from_pairs(
        assignment
            .matches
            .iter()
            .map(|m| (m.seeker.clone(), m.provider.clone())),
    );
    let report = evaluate(&instance, &plan, &metrics_options()).unwrap();
    assert_clean("metrics report", &serde_json::to_string(&report).unwrap());
}
