//! Who met whom: a plan's meetings appended to the history, validated with paths, and
//! novelty enforced from it (never again as a pair rule and at table level).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use samman::generate::{Params, dinners, workshops};
use samman::history::{add_plan, earlier_pairs, host_person};
use samman::model::{Instance, Met, Novelty};
use samman::rules::{GroupRule, Rule};
use samman::solve::{Options, SolverKind, solve};
use samman::validate::validate;

fn date() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 10, 4)
}

/// The meetings of a plan, computed here from its matches: per provider, every pair of its
/// seekers and each seeker with the host person.
fn expected_pairs(instance: &Instance, plan: &samman::Plan) -> BTreeSet<[String; 2]> {
    let mut tables: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for m in &plan.matches {
        tables
            .entry(m.provider.as_str())
            .or_default()
            .push(m.seeker.as_str());
    }
    let index = instance.provider_indices();
    let mut pairs = BTreeSet::new();
    for (provider, members) in tables {
        let host = host_person(&instance.providers[index[provider]]);
        for &a in &members {
            for b in members.iter().copied().chain(host) {
                if a < b {
                    pairs.insert([a.to_owned(), b.to_owned()]);
                } else if b < a {
                    pairs.insert([b.to_owned(), a.to_owned()]);
                }
            }
        }
    }
    pairs
}

#[test]
fn history_appended_from_a_plan_equals_the_meetings_in_it() {
    for (instance, solver) in [
        (
            dinners(&Params {
                size: 120,
                seed: 5,
                ..Params::default()
            }),
            SolverKind::Groups,
        ),
        (
            workshops(&Params {
                size: 80,
                seed: 2,
                ..Params::default()
            }),
            SolverKind::Optimal,
        ),
    ] {
        let plan = solve(
            &instance,
            &Options {
                solver,
                ..Options::default()
            },
        )
        .expect("solves");
        assert!(!plan.matches.is_empty());
        let next = add_plan(&instance, &plan, date()).expect("a plan of this instance");
        // The session's method appends the same meetings.
        let session = samman::Session::new(instance.clone()).expect("valid");
        assert_eq!(
            session.add_history(&(&plan).into(), date()).expect("adds"),
            next
        );
        let added: BTreeSet<[String; 2]> = next.history.met[instance.history.met.len()..]
            .iter()
            .map(|m| {
                assert_eq!(m.date, date());
                m.people.clone()
            })
            .collect();
        assert_eq!(added, expected_pairs(&instance, &plan));
        // Each pair once, and each seeker once with its host in `meetings`.
        assert_eq!(
            added.len(),
            next.history.met.len() - instance.history.met.len()
        );
        let meetings = &next.history.meetings[instance.history.meetings.len()..];
        assert_eq!(meetings.len(), plan.matches.len());
        let index = instance.provider_indices();
        let mut want: Vec<(String, String)> = plan
            .matches
            .iter()
            .map(|m| {
                (
                    m.seeker.to_string(),
                    instance.providers[index[m.provider.as_str()]]
                        .history_key()
                        .to_owned(),
                )
            })
            .collect();
        let mut got: Vec<(String, String)> = meetings
            .iter()
            .map(|m| {
                assert_eq!(m.date, date());
                (m.seeker.to_string(), m.host.to_string())
            })
            .collect();
        want.sort();
        got.sort();
        assert_eq!(got, want);
        validate(&next).expect("the next instance is valid");
        // Nothing else changed.
        let mut back = next.clone();
        back.history = instance.history.clone();
        assert_eq!(back, instance);
    }
}

#[test]
fn a_plan_naming_an_unknown_provider_is_refused_with_its_path() {
    let instance = dinners(&Params {
        size: 20,
        seed: 1,
        ..Params::default()
    });
    let mut plan = solve(&instance, &Options::default()).expect("solves");
    plan.matches[0].provider = "nowhere".into();
    let via_session = samman::Session::new(instance.clone())
        .expect("valid")
        .add_history(&(&plan).into(), None)
        .expect_err("unknown provider");
    assert_eq!(via_session.path(), Some("matches[0].provider"));
    let error = add_plan(&instance, &plan, None).expect_err("unknown provider");
    assert!(
        error
            .to_string()
            .starts_with("matches[0].provider: unknown provider id `nowhere`")
    );
}

#[test]
fn met_and_novelty_are_validated_with_paths() {
    let mut instance = dinners(&Params {
        size: 10,
        seed: 1,
        ..Params::default()
    });
    let a = instance.seekers[0].id.to_string();
    instance.history.met.push(Met::new(&a, "stranger", None));
    instance.history.met.push(Met::new(&a, &a, None));
    instance.policy.novelty = Some(Novelty::Penalty {
        half_life_days: -3.0,
    });
    let problems = validate(&instance).expect_err("invalid").problems;
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"history.met[0].people[1]"), "{paths:?}");
    assert!(paths.contains(&"history.met[1].people"), "{paths:?}");
    assert!(
        paths.contains(&"policy.novelty.half_life_days"),
        "{paths:?}"
    );
    // The unknown id is named (an id, not a personal value); the message shows the format.
    let unknown = problems
        .iter()
        .find(|p| p.path == "history.met[0].people[1]")
        .expect("reported");
    assert!(unknown.message.contains("`stranger`") && unknown.message.contains("\"people\""));
}

#[test]
fn novelty_reads_from_json_in_both_modes() {
    let never: Novelty = serde_json::from_str(r#"{"mode": "never_again"}"#).expect("parses");
    assert_eq!(never, Novelty::NeverAgain);
    let fading: Novelty =
        serde_json::from_str(r#"{"mode": "penalty", "half_life_days": 180}"#).expect("parses");
    assert_eq!(
        fading,
        Novelty::Penalty {
            half_life_days: 180.0
        }
    );
    assert!((fading.weight(Some(180)) - 0.5).abs() < 1e-12);
    assert!((fading.weight(Some(360)) - 0.25).abs() < 1e-12);
    assert!(serde_json::from_str::<Novelty>(r#"{"mode": "sometimes"}"#).is_err());
}

/// After one evening, a second with never-again novelty seats nobody with a host or a fellow
/// guest they met; the same evening without it does.
#[test]
fn never_again_keeps_people_who_met_apart_in_the_next_plan() {
    let mut instance = dinners(&Params {
        size: 150,
        seed: 9,
        ..Params::default()
    });
    instance.history = Default::default();
    let options = Options {
        solver: SolverKind::Groups,
        seed: 1,
        ..Options::default()
    };
    let first = solve(&instance, &options).expect("solves");
    let mut next = add_plan(&instance, &first, date()).expect("adds");
    let again_without = solve(&next, &options).expect("solves");
    let pairs = earlier_pairs(&next);
    let before = next.clone();
    let repeats = |plan: &samman::Plan| {
        expected_pairs(&before, plan)
            .iter()
            .filter(|[a, b]| pairs.contains_key(&(a.clone(), b.clone())))
            .count()
    };
    assert!(
        repeats(&again_without) > 0,
        "the same evening repeats meetings"
    );
    next.policy.novelty = Some(Novelty::NeverAgain);
    let again = solve(&next, &options).expect("solves");
    assert!(!again.matches.is_empty());
    assert_eq!(repeats(&again), 0);
    // The pair rule says why a seeker cannot return to the host they met.
    let session = samman::Session::new(next.clone()).expect("a valid instance");
    let rules = session.rules();
    let seekers = next.seeker_indices();
    let providers = next.provider_indices();
    let m = &first.matches[0];
    let (s, p) = (seekers[m.seeker.as_str()], providers[m.provider.as_str()]);
    assert!(rules.failures(s, p).contains(&Rule::MetBefore));
    // And the group rule names a table of two guests who met.
    let two: Vec<usize> = first
        .matches
        .iter()
        .filter(|x| x.provider == m.provider)
        .map(|x| seekers[x.seeker.as_str()])
        .collect();
    if two.len() >= 2 {
        let elsewhere = (0..next.providers.len())
            .find(|&q| next.providers[q].id != m.provider)
            .expect("another provider");
        assert!(
            samman::rules::group_violations(&next, elsewhere, &two[..2])
                .contains(&GroupRule::MetBefore)
        );
    }
}

#[test]
fn a_penalty_fades_the_novelty_criterion_with_time() {
    let mut instance = dinners(&Params {
        size: 30,
        seed: 4,
        ..Params::default()
    });
    instance.history = Default::default();
    let seeker = instance.seekers[0].id.to_string();
    let host = instance.providers[0].history_key().to_owned();
    instance.history.met.push(Met::new(&seeker, &host, date()));
    instance.policy.today = date().map(|d| d + chrono::Duration::days(180));
    instance.policy.novelty = Some(Novelty::Penalty {
        half_life_days: 180.0,
    });
    let session = samman::Session::new(instance.clone()).expect("a valid instance");
    let rules = session.rules();
    assert!((rules.met_weight(0, 0) - 0.5).abs() < 1e-6);
    assert!((rules.breakdown(0, 0).novelty - 0.5).abs() < 1e-6);
    assert!(!rules.failures(0, 0).contains(&Rule::MetBefore));
}

/// A table without a host person (a lunch roulette's) is no one to have met: under never-again
/// a seeker may sit at it again, while a provider with a host profile stays closed to a seeker
/// who met its host.
#[test]
fn a_table_without_a_host_is_no_one_to_have_met() {
    let instance: Instance = serde_json::from_str(
        r#"{
            "version": 1,
            "policy": {"novelty": {"mode": "never_again"}},
            "seekers": [{"id": "p1"}, {"id": "p2"}],
            "providers": [
                {"id": "table-1", "capacity": 4},
                {"id": "visitor-1", "capacity": 4, "host_profile": {"gender": "female"}}
            ],
            "history": {"meetings": [
                {"seeker": "p1", "host": "table-1", "date": "2026-09-01"},
                {"seeker": "p2", "host": "visitor-1", "date": "2026-09-01"}
            ]}
        }"#,
    )
    .unwrap();
    validate(&instance).unwrap();
    let session = samman::Session::new(instance).unwrap();
    let rules = session.rules();
    // p1 sat at table-1: still open to p1. p2 met visitor-1's host: closed to p2.
    assert!(!rules.met_before(0, 0));
    assert!(rules.met_before(1, 1));
    assert!(!samman::rules::met_before_at_table(
        session.instance(),
        0,
        &["p1"]
    ));
    assert!(samman::rules::met_before_at_table(
        session.instance(),
        1,
        &["p2"]
    ));
}
