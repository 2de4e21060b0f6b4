//! Several providers for one seeker (`seeker.wants`, issue 13 item 2): through every solver,
//! never twice the same provider, never two providers whose times overlap when the time rule
//! is on, each placement scored and counted, locks and a previous plan kept.

use std::collections::BTreeMap;

use samman::model::{Availability, DatedWindow, Instance, Provider, Seeker};
use samman::plan::{Pair, Pairs, Plan};
use samman::solve::{Objective, Options, SolverKind, solve};

const SOLVERS: [SolverKind; 5] = [
    SolverKind::Auto,
    SolverKind::Optimal,
    SolverKind::Stable,
    SolverKind::Groups,
    SolverKind::Greedy,
];

fn with(solver: SolverKind) -> Options {
    Options {
        solver,
        ..Options::default()
    }
}

/// Each seeker's providers, by id, in plan order.
fn providers_of(plan: &Plan) -> BTreeMap<String, Vec<String>> {
    let mut of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for m in &plan.matches {
        of.entry(m.seeker.to_string())
            .or_default()
            .push(m.provider.to_string());
    }
    of
}

/// Visits: an older person who wants two volunteers, another who wants one, three volunteers
/// of one visit each.
fn visits() -> Instance {
    let mut instance = Instance::new();
    let mut two = Seeker::new("older-1");
    two.wants = 2;
    instance.seekers.push(two);
    instance.seekers.push(Seeker::new("older-2"));
    for id in ["v1", "v2", "v3"] {
        instance.providers.push(Provider::new(id, 1));
    }
    instance
}

#[test]
fn an_older_person_gets_two_volunteers_from_every_solver() {
    let instance = visits();
    for solver in SOLVERS {
        let plan = solve(&instance, &with(solver)).unwrap();
        let of = providers_of(&plan);
        assert_eq!(of["older-1"].len(), 2, "{solver:?}: {of:?}");
        assert_ne!(of["older-1"][0], of["older-1"][1], "{solver:?}");
        assert_eq!(of["older-2"].len(), 1, "{solver:?}: {of:?}");
        assert!(plan.unplaced.is_empty(), "{solver:?}");
        // Each placement is scored and counted.
        let scores: f64 = plan.matches.iter().map(|m| m.score).sum();
        assert!((plan.total_score - scores).abs() < 1e-9);
        assert_eq!(plan.people_placed, 3, "{solver:?}");
    }
}

#[test]
fn never_twice_the_same_provider() {
    let mut instance = Instance::new();
    let mut seeker = Seeker::new("participant");
    seeker.wants = 2;
    instance.seekers.push(seeker);
    instance.providers.push(Provider::new("series-a", 5));
    for solver in SOLVERS {
        let plan = solve(&instance, &with(solver)).unwrap();
        assert_eq!(
            providers_of(&plan)["participant"],
            ["series-a"],
            "{solver:?}"
        );
        // Partly served is not unplaced.
        assert!(plan.unplaced.is_empty(), "{solver:?}");
    }
}

/// A dated window on a September 2026 day, from `start` to `end` o'clock.
fn window(day: u32, start: u32, end: u32) -> Availability {
    Availability {
        dated: vec![DatedWindow {
            start: format!("2026-09-{day:02}T{start:02}:00").parse().unwrap(),
            end: format!("2026-09-{day:02}T{end:02}:00").parse().unwrap(),
        }],
        weekly: Vec::new(),
    }
}

/// Workshops: series A and B meet at the same time, C on another day; a participant who wants
/// two series gets A or B and C, never A and B, while the time rule is on.
fn series() -> Instance {
    let mut instance = Instance::new();
    let mut participant = Seeker::new("participant");
    participant.wants = 2;
    participant.preferences = vec!["a".into(), "b".into(), "c".into()];
    instance.seekers.push(participant);
    for (id, availability) in [
        ("a", window(7, 17, 19)),
        ("b", window(7, 18, 20)),
        ("c", window(8, 17, 19)),
    ] {
        let mut provider = Provider::new(id, 3);
        provider.availability = availability;
        instance.providers.push(provider);
    }
    instance
}

#[test]
fn never_two_providers_whose_times_overlap_when_the_time_rule_is_on() {
    let instance = series();
    assert!(instance.policy.rules.time);
    for solver in SOLVERS {
        let plan = solve(&instance, &with(solver)).unwrap();
        let mut got = providers_of(&plan)["participant"].clone();
        got.sort();
        assert_eq!(got, ["a", "c"], "{solver:?}");
    }
    let mut off = series();
    off.policy.rules.time = false;
    for solver in SOLVERS {
        let plan = solve(&off, &with(solver)).unwrap();
        let mut got = providers_of(&plan)["participant"].clone();
        got.sort();
        assert_eq!(got, ["a", "b"], "{solver:?} with the time rule off");
    }
}

#[test]
fn the_most_people_objective_counts_placements() {
    let instance = visits();
    for solver in [SolverKind::Optimal, SolverKind::Groups] {
        let options = Options {
            solver,
            objective: Objective::MaxPlaced,
            ..Options::default()
        };
        let plan = solve(&instance, &options).unwrap();
        assert_eq!(plan.people_placed, 3, "{solver:?}");
    }
}

#[test]
fn locks_pin_each_wanted_provider_and_a_third_lock_is_refused() {
    let mut instance = visits();
    instance.constraints.locked = vec![
        Pair {
            seeker: "older-1".into(),
            provider: "v3".into(),
        },
        Pair {
            seeker: "older-1".into(),
            provider: "v2".into(),
        },
    ];
    for solver in SOLVERS {
        let plan = solve(&instance, &with(solver)).unwrap();
        let of = providers_of(&plan);
        let mut got = of["older-1"].clone();
        got.sort();
        assert_eq!(got, ["v2", "v3"], "{solver:?}");
        assert_eq!(of["older-2"], ["v1"], "{solver:?}");
    }
    instance.constraints.locked.push(Pair {
        seeker: "older-1".into(),
        provider: "v1".into(),
    });
    let problems = samman::validate::validate(&instance).unwrap_err();
    let third = problems
        .problems
        .iter()
        .find(|p| p.path == "constraints.locked[2].seeker")
        .expect("the third lock is refused");
    assert_eq!(
        third.message,
        "seeker `older-1` is locked twice to one provider, or to more providers than the 2 it wants"
    );
}

#[test]
fn a_re_plan_keeps_both_previous_volunteers() {
    let mut instance = visits();
    instance.providers.push(Provider::new("v4", 1));
    // v4 scores as well as any; the previous plan's v3 and v4 are kept for older-1.
    let options = Options {
        solver: SolverKind::Optimal,
        previous: vec![
            Pair {
                seeker: "older-1".into(),
                provider: "v4".into(),
            },
            Pair {
                seeker: "older-1".into(),
                provider: "v3".into(),
            },
        ],
        ..Options::default()
    };
    let plan = solve(&instance, &options).unwrap();
    let mut got = providers_of(&plan)["older-1"].clone();
    got.sort();
    assert_eq!(got, ["v3", "v4"]);
    assert!(plan.moves.is_empty(), "{:?}", plan.moves);
    // A volunteer who left: older-1 moves from v4 to someone new.
    instance.providers.retain(|p| p.id.as_str() != "v4");
    let plan = solve(&instance, &options).unwrap();
    assert_eq!(plan.moves.len(), 1, "{:?}", plan.moves);
    assert_eq!(plan.moves[0].from.as_str(), "v4");
    assert!(plan.moves[0].to.is_some());
}

#[test]
fn not_served_at_all_is_unplaced_with_its_reason() {
    let mut instance = visits();
    instance.seekers[0].blocked = vec!["v1".into(), "v2".into(), "v3".into()];
    for solver in SOLVERS {
        let plan = solve(&instance, &with(solver)).unwrap();
        assert_eq!(plan.unplaced.len(), 1, "{solver:?}");
        assert_eq!(plan.unplaced[0].seeker.as_str(), "older-1");
        assert!(matches!(
            plan.unplaced[0].reason,
            samman::plan::Reason::NoFeasibleProvider { .. }
        ));
    }
}

#[test]
fn the_wants_column_is_read_in_english_and_swedish() {
    let seekers = samman::csv_io::read_seekers("id,wants\ns1,2\ns2,\n".as_bytes()).unwrap();
    assert_eq!(seekers[0].wants, 2);
    assert_eq!(seekers[1].wants, 1);
    let error = samman::csv_io::read_seekers("id,wants\ns1,two\n".as_bytes()).unwrap_err();
    assert_eq!(error.column, "wants");
    let seekers = samman::csv_io::read_seekers("id,Önskat antal\ns1,2\n".as_bytes()).unwrap();
    assert_eq!(seekers[0].wants, 2);
}

#[test]
fn wants_of_zero_is_refused_with_its_path() {
    let mut instance = visits();
    instance.seekers[1].wants = 0;
    let problems = samman::validate::validate(&instance).unwrap_err();
    assert!(
        problems
            .problems
            .iter()
            .any(|p| p.path == "seekers[1].wants"),
        "{problems:?}"
    );
}

mod metrics {
    use super::*;
    use samman::metrics::{MetricsOptions, Violation, evaluate};

    fn as_plan(plan: &Plan) -> Pairs {
        Pairs::from_pairs(
            plan.matches
                .iter()
                .map(|m| (m.seeker.clone(), m.provider.clone())),
        )
    }

    fn report(instance: &Instance, pairs: &[(&str, &str)]) -> samman::metrics::Report {
        let plan = Pairs::from_pairs(pairs.iter().copied());
        evaluate(instance, &plan, &MetricsOptions::default()).unwrap()
    }

    #[test]
    fn seekers_are_fully_partly_or_not_served() {
        let mut instance = visits();
        instance.seekers.push(Seeker::new("older-3"));
        let r = report(&instance, &[("older-1", "v1"), ("older-2", "v2")]);
        assert!(r.validity.valid, "{:?}", r.validity.violations);
        let p = &r.placement;
        assert_eq!((p.fully_served, p.partly_served, p.not_served), (1, 1, 1));
        assert_eq!((p.parties, p.parties_placed), (3, 2));
        let r = report(
            &instance,
            &[("older-1", "v1"), ("older-2", "v2"), ("older-1", "v3")],
        );
        let p = &r.placement;
        assert_eq!((p.fully_served, p.partly_served, p.not_served), (2, 0, 1));
        assert_eq!(p.seats_used, 3);
    }

    #[test]
    fn every_solver_plan_is_valid_and_scores_as_planned() {
        let instance = series();
        for solver in SOLVERS {
            let plan = solve(&instance, &with(solver)).unwrap();
            let r = evaluate(&instance, &as_plan(&plan), &MetricsOptions::default()).unwrap();
            assert!(r.validity.valid, "{solver:?}: {:?}", r.validity.violations);
            assert!(
                (r.score.total - plan.total_score).abs() < 1e-9,
                "{solver:?}"
            );
            assert_eq!(r.placement.fully_served, 1);
        }
    }

    #[test]
    fn a_third_entry_the_same_provider_twice_and_overlapping_times_are_violations() {
        let instance = visits();
        let r = report(
            &instance,
            &[("older-1", "v1"), ("older-1", "v2"), ("older-1", "v3")],
        );
        assert!(matches!(
            &r.validity.violations[..],
            [Violation::PlacedTwice { entry: 2, seeker }] if seeker.as_str() == "older-1"
        ));
        let r = report(&instance, &[("older-1", "v1"), ("older-1", "v1")]);
        assert!(matches!(
            &r.validity.violations[..],
            [Violation::PlacedTwice { entry: 1, .. }]
        ));
        let r = report(&series(), &[("participant", "a"), ("participant", "b")]);
        assert!(
            matches!(
                &r.validity.violations[..],
                [Violation::TimesOverlap { seeker, providers }]
                    if seeker.as_str() == "participant" && providers.len() == 2
            ),
            "{:?}",
            r.validity.violations
        );
    }

    #[test]
    fn the_stable_plan_has_no_blocking_pair_and_a_worse_one_has() {
        // Volunteers rank older-2 first; older-1 wants two and ranks v1, v2, v3.
        let mut instance = visits();
        instance.seekers[0].preferences = vec!["v1".into(), "v2".into(), "v3".into()];
        for v in &mut instance.providers {
            v.preferences = vec!["older-2".into(), "older-1".into()];
        }
        let plan = solve(&instance, &with(SolverKind::Stable)).unwrap();
        let options = MetricsOptions {
            list_blocking_pairs: true,
            ..MetricsOptions::default()
        };
        let r = evaluate(&instance, &as_plan(&plan), &options).unwrap();
        assert_eq!(r.stability.blocking_pairs, 0, "{:?}", plan.matches);
        // older-1 with only v3 while v2 sits empty: (older-1, v1) and (older-1, v2) block.
        let plan = Pairs::from_pairs([("older-1", "v3"), ("older-2", "v1")]);
        let r = evaluate(&instance, &plan, &options).unwrap();
        let list: Vec<(String, String)> = r
            .stability
            .blocking_pair_list
            .unwrap()
            .iter()
            .map(|p| (p.seeker.to_string(), p.provider.to_string()))
            .collect();
        assert_eq!(list, [("older-1".to_owned(), "v2".to_owned())]);
        assert_eq!(r.stability.blocking_pairs, 1);
    }
}

#[test]
fn the_explanation_names_every_provider_of_the_seeker() {
    let instance = visits();
    let session = samman::Session::new(instance).unwrap();
    let plan = session.solve(&Options::default()).unwrap();
    let pairs = samman::Pairs::from_pairs(
        plan.matches
            .iter()
            .map(|m| (m.seeker.clone(), m.provider.clone())),
    );
    let e = session
        .explain_one(Some(&pairs), &"older-1".into())
        .unwrap();
    let mut named: Vec<String> = std::iter::once(e.placed.unwrap())
        .chain(e.also_placed)
        .map(|m| m.provider.to_string())
        .collect();
    named.sort();
    let mut planned = providers_of(&plan)["older-1"].clone();
    planned.sort();
    assert_eq!(named, planned);
    assert_eq!(
        e.open,
        Some(0),
        "the one volunteer left is taken by older-2"
    );
}

/// Workshops where series overlap and one is ranked by its tutor: the stable plan, whichever
/// side proposes, leaves no pair who would rather be together (a seeker with a free place, or
/// one it likes less than the series it could join, never one whose times overlap another
/// series it has).
#[test]
fn the_stable_plan_of_overlapping_series_has_no_blocking_pair() {
    let case: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tests/conformance/cases/hand-wants.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let instance: Instance = serde_json::from_value(case["instance"].clone()).unwrap();
    for proposing in [
        samman::solve::Proposing::Seekers,
        samman::solve::Proposing::Providers,
    ] {
        let options = Options {
            solver: SolverKind::Stable,
            proposing,
            ..Options::default()
        };
        let plan = solve(&instance, &options).unwrap();
        let pairs = samman::Pairs::from_pairs(
            plan.matches
                .iter()
                .map(|m| (m.seeker.clone(), m.provider.clone())),
        );
        let r = samman::metrics::evaluate(&instance, &pairs, &Default::default()).unwrap();
        assert!(r.validity.valid, "{:?}", r.validity.violations);
        assert_eq!(
            r.stability.blocking_pairs, 0,
            "{proposing:?}: {:?}",
            plan.matches
        );
        let mut p1 = providers_of(&plan)["p1"].clone();
        p1.sort();
        assert_eq!(p1, ["a", "c"], "{proposing:?}");
    }
}

/// The flow knows a seeker takes each provider once: its bound is what a plan can reach, so the
/// optimal solver proves its plan optimal (before, the relaxation put both copies with the best
/// volunteer and the bound stood above every plan).
#[test]
fn the_optimal_solver_proves_a_plan_with_several_providers_optimal() {
    let mut instance = Instance::new();
    let mut older = Seeker::new("older-1");
    older.wants = 2;
    older.preferences = vec!["v1".into(), "v2".into()];
    instance.seekers.push(older);
    instance.providers.push(Provider::new("v1", 2));
    instance.providers.push(Provider::new("v2", 2));
    let plan = solve(&instance, &with(SolverKind::Optimal)).unwrap();
    let mut got = providers_of(&plan)["older-1"].clone();
    got.sort();
    assert_eq!(got, ["v1", "v2"]);
    let gap = plan.stats.gap.expect("the optimal solver reports its gap");
    assert!(gap < 1e-9, "gap {gap}, bound {:?}", plan.stats.bound);
}
