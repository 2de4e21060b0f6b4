//! Validation reports every problem at once, each with its path; parsing reports line, column
//! and path; nothing personal is echoed.

use samman::model::{Diet, Instance, LanguageSkill, Level, Location, Provider, Seeker};
use samman::plan::Reason;
use samman::validate::{check, parse_json, validate};

fn paths(instance: &Instance) -> Vec<String> {
    validate(instance)
        .err()
        .map(|e| e.problems.into_iter().map(|p| p.path).collect())
        .unwrap_or_default()
}

#[test]
fn a_valid_instance_passes() {
    let mut instance = Instance::new();
    instance.seekers.push(Seeker::new("s1"));
    instance.providers.push(Provider::new("p1", 2));
    assert_eq!(validate(&instance), Ok(()));
}

#[test]
fn every_problem_is_listed_with_its_path() {
    let text = r#"{
      "version": 1,
      "seekers": [
        {"id": "a", "party_size": 0, "diet": ["vegan", "paleo"],
         "languages": [{"code": "xx", "level": "native"}],
         "location": {"lat": 91.0, "lon": 18.0},
         "preferences": ["nowhere"],
         "availability": {"dated": [{"start": "2026-05-05T20:00", "end": "2026-05-05T18:00"}]}},
        {"id": "a", "party_size": 9, "max_travel_km": -1},
        {"id": "c", "blocked": ["p1", "p1"],
         "availability": {"weekly": [{"day": "monday", "start": "10:00", "end": "10:00"}],
                          "dated": [{"start": "2026-03-29T02:30", "end": "2026-03-29T04:00"}]}}
      ],
      "providers": [
        {"id": "p1", "capacity": 0},
        {"id": "p2", "capacity": 4, "minimum": 5, "caters": ["kosher", "custom:"],
         "location": {"lat": 59.0, "lon": 181.0}, "blocked": ["zz"]}
      ],
      "policy": {"timezone": "Europe/Stockholm", "weights": {"distance": -1}},
      "history": {"meetings": [{"seeker": "ghost", "host": "p1"}]},
      "constraints": {"keep_together": [["a", "c"]], "keep_apart": [["a", "c"]],
                      "locked": [{"seeker": "c", "provider": "p9"}]}
    }"#;
    let instance = parse_json(text).unwrap();
    let problems = validate(&instance).unwrap_err().problems;
    let report = check(&instance);
    assert_eq!(
        report.errors, problems,
        "validate reports the errors of check"
    );
    let got: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    // Errors: what makes the file ambiguous (ids, references, the policy, zero sizes).
    let expected_errors = [
        "policy.weights.distance",
        "seekers[1].id",
        "seekers[0].party_size",
        "seekers[0].preferences[0]",
        "seekers[2].blocked[1]",
        "providers[0].capacity",
        "providers[1].blocked[0]",
        "history.meetings[0].seeker",
        "constraints.keep_apart[0]",
        "constraints.locked[0].provider",
    ];
    assert_eq!(got, expected_errors, "{problems:#?}");
    // Warnings: problems of one record, which never block the rest.
    let warned: Vec<&str> = report.warnings.iter().map(|p| p.path.as_str()).collect();
    let expected_warnings = [
        "seekers[0].languages[0].code",
        "seekers[0].diet[1]",
        "seekers[0].availability.dated[0].end",
        "seekers[0].location.lat",
        "seekers[1].party_size",
        "seekers[1].max_travel_km",
        "seekers[2].availability.dated[0].start",
        "seekers[2].availability.weekly[0].end",
        "providers[1].minimum",
        "providers[1].caters[1]",
        "providers[1].location.lon",
    ];
    assert_eq!(warned, expected_warnings, "{:#?}", report.warnings);
    let problems: Vec<_> = problems.into_iter().chain(report.warnings).collect();
    // Messages name fields and ids, never the personal values themselves.
    for problem in &problems {
        assert!(!problem.message.contains("paleo"), "{problem}");
        assert!(!problem.message.contains("xx"), "{problem}");
    }
    let message = |path: &str| {
        problems
            .iter()
            .find(|p| p.path == path)
            .unwrap()
            .message
            .clone()
    };
    assert_eq!(message("seekers[1].id"), "duplicate of seekers[0].id");
    assert_eq!(
        message("seekers[1].party_size"),
        "9 is larger than every provider's capacity (largest 4); no provider can take this party"
    );
    assert_eq!(
        message("seekers[0].location.lat"),
        "latitude must be between -90 and 90; this record is left out of matching"
    );
    let skipped = message("seekers[2].availability.dated[0].start");
    assert!(
        skipped.contains("does not exist in Europe/Stockholm"),
        "{skipped}"
    );
    // The time itself is a person's availability: not repeated.
    assert!(!skipped.contains("02:30"), "{skipped}");
}

#[test]
fn malformed_json_gives_line_column_and_path() {
    let text = "{\n  \"version\": 1,\n  \"seekers\": [\n    {\"id\": \"a\", \"party_size\": \"two\"}\n  ]\n}";
    let error = parse_json(text).unwrap_err();
    assert_eq!(
        (error.line, error.path.as_str()),
        (4, "seekers[0].party_size")
    );
    assert_eq!(error.column, 35);
    assert!(error.message.contains("invalid type"), "{}", error.message);

    let error = parse_json("{\"version\": 1,,}").unwrap_err();
    assert_eq!((error.line, error.column), (1, 15));

    let error =
        parse_json("{\"version\": 1, \"seekers\": [{\"id\": \"a\", \"colour\": 1}]}").unwrap_err();
    assert_eq!(error.path, "seekers[0].colour");
    assert!(error.message.contains("unknown field `colour`"));
}

#[test]
fn unknown_time_zone_and_version() {
    let mut instance = Instance::new();
    instance.version = 7;
    instance.policy.timezone = "Mars/Olympus".into();
    assert_eq!(paths(&instance), vec!["version", "policy.timezone"]);
}

#[test]
fn languages_diets_and_locations() {
    let mut instance = Instance::new();
    let mut seeker = Seeker::new("s");
    seeker.languages = vec![
        LanguageSkill::new("sv", Level::Native),
        LanguageSkill::new("sv", Level::Basic),
    ];
    seeker.diet = vec![Diet::Custom("low_salt".into())];
    seeker.location = Some(Location {
        lat: f64::NAN,
        lon: 0.0,
    });
    instance.seekers.push(seeker);
    instance.providers.push(Provider::new("p", 2));
    assert_eq!(paths(&instance), Vec::<String>::new());
    let warned: Vec<String> = check(&instance)
        .warnings
        .into_iter()
        .map(|p| p.path)
        .collect();
    assert_eq!(
        warned,
        vec!["seekers[0].languages[1].code", "seekers[0].location.lat"]
    );
}

/// The coordinator's case: one family of seven, larger than every table, and a guest with
/// coordinates out of range are left out with their reasons; everyone else is planned.
#[test]
fn one_record_never_blocks_the_rest() {
    use samman::model::ProviderKind;
    use samman::solve::{Options, SolverKind, solve};
    let mut instance = Instance::new();
    for i in 0..3 {
        let mut table = Provider::new(&format!("dinner-{i}"), 6);
        table.kind = ProviderKind::Dinner;
        instance.providers.push(table);
    }
    let mut family = Seeker::new("family");
    family.party_size = 7;
    instance.seekers.push(family);
    let mut lost = Seeker::new("lost");
    lost.location = Some(Location {
        lat: 181.0,
        lon: 59.0,
    });
    instance.seekers.push(lost);
    for i in 0..4 {
        let mut guest = Seeker::new(&format!("guest-{i}"));
        guest.party_size = 2;
        instance.seekers.push(guest);
    }
    assert_eq!(validate(&instance), Ok(()));
    let report = check(&instance);
    let warned: Vec<&str> = report.warnings.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(warned, ["seekers[0].party_size", "seekers[1].location.lat"]);
    for solver in [
        SolverKind::Optimal,
        SolverKind::Stable,
        SolverKind::Groups,
        SolverKind::Greedy,
    ] {
        let plan = solve(
            &instance,
            &Options {
                solver,
                ..Options::default()
            },
        )
        .unwrap();
        assert_eq!(plan.matches.len(), 4, "{solver:?}: every guest is planned");
        let reasons: Vec<(String, String)> = plan
            .unplaced
            .iter()
            .map(|u| (u.seeker.to_string(), u.describe(&instance)))
            .collect();
        assert_eq!(
            reasons,
            [
                (
                    "family".to_owned(),
                    "no feasible provider: party larger than every table (largest 6)".to_owned()
                ),
                (
                    "lost".to_owned(),
                    "no feasible provider: the record is left out (see the warnings of \
                     `samman validate`)"
                        .to_owned()
                ),
            ],
            "{solver:?}"
        );
        assert!(matches!(
            &plan.unplaced[1].reason,
            Reason::NoFeasibleProvider { excluded, .. } if excluded.get(&samman::rules::Rule::Record) == Some(&3)
        ));
    }
}
