//! The rules the programmes need (issue 13), each in a coordinator's small case through every
//! solver, and all of them together on generated programmes: the indexed graph equals the
//! all-pairs one, and the reason counts equal checking every rule for every pair.

use std::collections::BTreeMap;

use samman::generate::{Params, Programme, generate};
use samman::graph::CandidateGraph;
use samman::model::{
    Gender, Instance, Origin, Profile, Provider, ProviderKind, ProviderStatus, Reliability, Seeker,
};
use samman::plan::Plan;
use samman::rules::Rule;
use samman::solve::{self, Options, SolverKind, solve};

const SOLVERS: [SolverKind; 4] = [
    SolverKind::Optimal,
    SolverKind::Stable,
    SolverKind::Groups,
    SolverKind::Greedy,
];

/// The plan of every solver.
fn plans(instance: &Instance) -> Vec<(SolverKind, Plan)> {
    SOLVERS
        .iter()
        .map(|&solver| {
            let options = Options {
                solver,
                ..Options::default()
            };
            (
                solver,
                solve(instance, &options).expect("the instance solves"),
            )
        })
        .collect()
}

/// Who is placed where, by id.
fn placements(plan: &Plan) -> BTreeMap<String, String> {
    plan.matches
        .iter()
        .map(|m| (m.seeker.to_string(), m.provider.to_string()))
        .collect()
}

/// The new fields sprinkled over a generated programme, so that every new rule excludes some
/// pairs and leaves others.
fn sprinkle(instance: &mut Instance, seed: u64) {
    for (j, provider) in instance.providers.iter_mut().enumerate() {
        let j = j as u64 + seed;
        provider.status = match j % 9 {
            0 => ProviderStatus::InTraining,
            4 => ProviderStatus::Paused,
            _ => ProviderStatus::Ready,
        };
        if j % 5 == 1 {
            provider.reliability = Reliability {
                completed: 1,
                cancelled: 2,
                no_show: (j % 3) as u32,
            };
        }
    }
    let tags = ["hearing_loop", "step_free", "car"];
    for (j, provider) in instance.providers.iter_mut().enumerate() {
        provider.offers = tags[..(j + seed as usize) % 4]
            .iter()
            .map(|t| (*t).to_owned())
            .collect();
    }
    for (i, seeker) in instance.seekers.iter_mut().enumerate() {
        if i % 4 == 1 {
            seeker.needs = vec![tags[i % 3].to_owned()];
        }
    }
    for (j, provider) in instance.providers.iter_mut().enumerate() {
        if j % 7 == 3 {
            provider
                .accepts
                .insert("gender".into(), vec!["female".into(), "mixed".into()]);
        }
    }
    for (i, seeker) in instance.seekers.iter_mut().enumerate() {
        if i % 6 == 2 {
            seeker
                .accepts
                .insert("origin".into(), vec!["established".into()]);
        }
    }
    let regions = ["north", "south", "west"];
    for (i, seeker) in instance.seekers.iter_mut().enumerate() {
        if i % 3 != 0 {
            seeker
                .profile
                .extra
                .insert("region".into(), regions[i % 3].into());
        }
    }
    for (j, provider) in instance.providers.iter_mut().enumerate() {
        if j % 4 != 0 {
            provider
                .host_profile
                .get_or_insert_with(Profile::default)
                .extra
                .insert("region".into(), regions[j % 3].into());
        }
    }
    if seed % 2 == 1 {
        instance.policy.rules.same = vec!["region".into(), "age_band".into()];
    }
    for (i, seeker) in instance.seekers.iter_mut().enumerate() {
        seeker.requires_verified |= i % 5 == 3;
    }
    for (j, provider) in instance.providers.iter_mut().enumerate() {
        provider.verification.verified |= j % 3 != 0;
        provider.verification.verified_on = (j % 5 != 0)
            .then(|| "2025-01-01".parse::<chrono::NaiveDate>().unwrap())
            .map(|d| d + chrono::Days::new(j as u64 * 20));
    }
    instance.policy.today = Some("2026-03-01".parse().unwrap());
    instance.policy.rules.verification_valid_days = Some(365);
    instance.policy.rules.min_reliability = (seed % 2 == 0).then_some(0.4);
    instance.policy.rules.reliability_min_events = 1 + (seed % 3) as u32;
}

/// Generated programmes with the new fields, under a few seeds.
fn programmes() -> Vec<Instance> {
    let mut instances = Vec::new();
    for (seed, programme) in [
        (0, Programme::Dinners),
        (1, Programme::Visits),
        (2, Programme::Workshops),
        (3, Programme::Experiences),
        (4, Programme::Coaching),
        (5, Programme::Dinners),
    ] {
        let mut instance = generate(
            programme,
            &Params {
                size: 160,
                seed,
                providers: Some(50),
                ..Params::default()
            },
        );
        sprinkle(&mut instance, seed);
        instances.push(instance);
    }
    instances
}

#[test]
fn the_indexed_graph_equals_the_all_pairs_graph_with_the_new_rules() {
    for instance in programmes() {
        let indexed = CandidateGraph::build(&instance).unwrap();
        let naive = CandidateGraph::build_all_pairs(&instance).unwrap();
        let a: Vec<_> = indexed.candidates().collect();
        let b: Vec<_> = naive.candidates().collect();
        assert_eq!(a, b);
        // And every edge keeps every rule; every missing pair breaks one.
        let session = samman::Session::new(instance.clone()).unwrap();
        let rules = session.rules();
        let mut feasible = 0;
        for s in 0..instance.seekers.len() {
            for p in 0..instance.providers.len() {
                feasible += usize::from(rules.check(s, p).is_ok());
            }
        }
        assert_eq!(feasible, a.len());
    }
}

#[test]
fn reason_counts_equal_checking_every_rule_with_the_new_rules() {
    for instance in programmes() {
        let session = samman::Session::new(instance.clone()).unwrap();
        let rules = session.rules();
        let seekers: Vec<usize> = (0..instance.seekers.len()).collect();
        let fast = solve::excluded_by_rule(&rules, &seekers);
        for (s, (excluded, only)) in fast.into_iter().enumerate() {
            let (mut want, mut want_only) = (BTreeMap::new(), BTreeMap::new());
            for p in 0..instance.providers.len() {
                let failed = rules.failures(s, p);
                for &rule in &failed {
                    *want.entry(rule).or_insert(0) += 1;
                }
                if let [rule] = failed[..] {
                    *want_only.entry(rule).or_insert(0) += 1;
                }
            }
            assert_eq!(excluded, want, "seeker {s}: excluded");
            assert_eq!(only, want_only, "seeker {s}: only");
        }
    }
}

/// Experience gifts: a provider in training, a paused one and one with 1 completed, 2
/// cancelled and 2 no-shows are not booked; a ready one with a good record is.
#[test]
fn readiness_only_ready_and_reliable_providers_are_booked() {
    let mut instance = Instance::new();
    instance.policy.rules.min_reliability = Some(0.5);
    instance.policy.rules.reliability_min_events = 3;
    let mut training = Provider::new("training", 4);
    training.status = ProviderStatus::InTraining;
    let mut paused = Provider::new("paused", 4);
    paused.status = ProviderStatus::Paused;
    let mut unreliable = Provider::new("unreliable", 4);
    unreliable.reliability = Reliability {
        completed: 1,
        cancelled: 2,
        no_show: 2,
    };
    let mut new = Provider::new("new", 1);
    new.reliability = Reliability {
        completed: 0,
        cancelled: 1,
        no_show: 1,
    };
    let mut good = Provider::new("good", 1);
    good.reliability = Reliability {
        completed: 8,
        cancelled: 1,
        no_show: 0,
    };
    for provider in [training, paused, unreliable, new, good] {
        let mut provider = provider;
        provider.kind = ProviderKind::Experience;
        instance.providers.push(provider);
    }
    for i in 0..3 {
        instance.seekers.push(Seeker::new(&format!("booking-{i}")));
    }
    for (solver, plan) in plans(&instance) {
        let used: Vec<String> = placements(&plan).into_values().collect();
        assert_eq!(used.len(), 2, "{solver:?}: {used:?}");
        assert!(
            used.iter().all(|p| p == "new" || p == "good"),
            "{solver:?}: {used:?}"
        );
    }
    // The third booking is told why: readiness shuts three providers out.
    let explanation = samman::explain::explain(&instance, None, &"booking-0".into()).unwrap();
    assert_eq!(explanation.excluded.get(&Rule::Readiness), Some(&3));
    assert_eq!(Rule::Readiness.name(), "readiness");
}

#[test]
fn the_new_csv_columns_are_read() {
    let seekers =
        samman::csv_io::read_seekers("id,needs\ns1,hearing_loop; car\n".as_bytes()).unwrap();
    assert_eq!(seekers[0].needs, ["hearing_loop", "car"]);
    let seekers = samman::csv_io::read_seekers(
        "id,accepts\ns1,gender:female;age_band:65-79;age_band:80+\n".as_bytes(),
    )
    .unwrap();
    assert_eq!(seekers[0].accepts["gender"], ["female"]);
    assert_eq!(seekers[0].accepts["age_band"], ["65-79", "80+"]);
    let providers = samman::csv_io::read_providers(
        "id,capacity,status,offers\np1,2,in_training,step_free\np2,2,,\n".as_bytes(),
    )
    .unwrap();
    assert_eq!(providers[0].status, ProviderStatus::InTraining);
    assert_eq!(providers[1].status, ProviderStatus::Ready);
    assert_eq!(providers[0].offers, ["step_free"]);
    let error = samman::csv_io::read_providers("id,capacity,status\np1,2,sleeping\n".as_bytes())
        .unwrap_err();
    assert_eq!(error.column, "status");
}

/// Workshops: a participant who needs a hearing loop gets the room that offers one, even
/// though the other room has more places; nobody else is held back.
#[test]
fn needs_the_hearing_loop_need_is_met_by_a_room_that_offers_it() {
    let mut instance = Instance::new();
    let mut plain = Provider::new("plain-room", 3);
    plain.kind = ProviderKind::Workshop;
    plain.offers = vec!["step_free".into()];
    let mut looped = Provider::new("looped-room", 2);
    looped.kind = ProviderKind::Workshop;
    looped.offers = vec!["hearing_loop".into(), "step_free".into()];
    instance.providers.extend([plain, looped]);
    let mut resident = Seeker::new("resident");
    resident.needs = vec!["hearing_loop".into()];
    instance.seekers.push(resident);
    let mut other = Seeker::new("other");
    other.needs = vec!["step_free".into()];
    instance.seekers.push(other);
    for (solver, plan) in plans(&instance) {
        let placed = placements(&plan);
        assert_eq!(placed["resident"], "looped-room", "{solver:?}");
        assert!(placed.contains_key("other"), "{solver:?}");
    }
    let explanation = samman::explain::explain(&instance, None, &"resident".into()).unwrap();
    assert_eq!(explanation.excluded.get(&Rule::Needs), Some(&1));
    // Messages name paths only, never the tag.
    instance.seekers[0].needs.push(" ".into());
    let warnings = samman::validate::check(&instance).warnings;
    assert_eq!(warnings[0].path, "seekers[0].needs[1]");
}

/// Visits: an older woman who wants a female visitor gets one (the male volunteer has as much
/// room), and a volunteer who visits only established residents is not given a newcomer.
#[test]
fn accepts_the_female_visitor_wish_is_met() {
    let mut instance = Instance::new();
    let mut male = Provider::new("volunteer-m", 2);
    male.kind = ProviderKind::Visit;
    male.host_profile = Some(Profile {
        gender: Some(Gender::Male),
        ..Profile::default()
    });
    male.accepts
        .insert("origin".into(), vec!["established".into()]);
    let mut female = Provider::new("volunteer-f", 2);
    female.kind = ProviderKind::Visit;
    female.host_profile = Some(Profile {
        gender: Some(Gender::Female),
        ..Profile::default()
    });
    instance.providers.extend([male, female]);
    let mut older = Seeker::new("older-woman");
    older.profile.origin = Some(Origin::Established);
    older.accepts.insert("gender".into(), vec!["female".into()]);
    let mut newcomer = Seeker::new("newcomer");
    newcomer.profile.origin = Some(Origin::Newcomer);
    instance.seekers.extend([older, newcomer]);
    for (solver, plan) in plans(&instance) {
        let placed = placements(&plan);
        assert_eq!(
            placed.get("older-woman").map(String::as_str),
            Some("volunteer-f"),
            "{solver:?}"
        );
        assert_ne!(
            placed.get("newcomer").map(String::as_str),
            Some("volunteer-m"),
            "{solver:?}"
        );
    }
    let explanation = samman::explain::explain(&instance, None, &"older-woman".into()).unwrap();
    assert_eq!(explanation.excluded.get(&Rule::Accepts), Some(&1));
    let explanation = samman::explain::explain(&instance, None, &"newcomer".into()).unwrap();
    assert_eq!(explanation.excluded.get(&Rule::Accepts), Some(&1));
}

/// Coaching: a project group in Skellefteå gets the coach of its region, not the Göteborg
/// coach with more room; a coach with no region set coaches anyone.
#[test]
fn same_the_coach_of_another_region_is_not_chosen() {
    let region = |name: &str| Profile {
        extra: [("region".to_owned(), name.to_owned())].into(),
        ..Profile::default()
    };
    let mut instance = Instance::new();
    instance.policy.rules.same = vec!["region".into()];
    let mut goteborg = Provider::new("coach-goteborg", 5);
    goteborg.kind = ProviderKind::Coaching;
    goteborg.host_profile = Some(region("vastra-gotaland"));
    let mut skelleftea = Provider::new("coach-skelleftea", 1);
    skelleftea.kind = ProviderKind::Coaching;
    skelleftea.host_profile = Some(region("vasterbotten"));
    instance.providers.extend([goteborg, skelleftea]);
    let mut group = Seeker::new("group-skelleftea");
    group.profile = region("vasterbotten");
    instance.seekers.push(group);
    for (solver, plan) in plans(&instance) {
        assert_eq!(
            placements(&plan)
                .get("group-skelleftea")
                .map(String::as_str),
            Some("coach-skelleftea"),
            "{solver:?}"
        );
    }
    let explanation =
        samman::explain::explain(&instance, None, &"group-skelleftea".into()).unwrap();
    assert_eq!(explanation.excluded.get(&Rule::Same), Some(&1));
    // A side without the key matches any.
    instance.providers[1].host_profile = None;
    instance.seekers[0].profile = Profile::default();
    let session = samman::Session::new(instance.clone()).unwrap();
    let rules = session.rules();
    assert!(rules.holds(Rule::Same, 0, 0) && rules.holds(Rule::Same, 0, 1));
}

/// Visits: a volunteer verified in 2024 no longer counts for a home visit in 2026 when
/// verifications are valid for a year; the explanation says it expired and when, and that
/// renewing it would open the visit.
#[test]
fn verification_the_expired_verification_is_excluded_with_its_date() {
    use chrono::NaiveDate;
    use samman::model::Verification;
    let date = |text: &str| text.parse::<NaiveDate>().unwrap();
    let mut instance = Instance::new();
    instance.policy.today = Some(date("2026-03-01"));
    instance.policy.rules.verification_valid_days = Some(365);
    let mut old = Provider::new("volunteer-2024", 2);
    old.kind = ProviderKind::Visit;
    old.verification = Verification {
        verified: true,
        verified_on: Some(date("2024-05-10")),
    };
    let mut recent = Provider::new("volunteer-2025", 1);
    recent.kind = ProviderKind::Visit;
    recent.verification = Verification {
        verified: true,
        verified_on: Some(date("2025-09-01")),
    };
    instance.providers.extend([old, recent]);
    for i in 0..2 {
        let mut older = Seeker::new(&format!("older-{i}"));
        older.requires_verified = true;
        instance.seekers.push(older);
    }
    for (solver, plan) in plans(&instance) {
        let placed = placements(&plan);
        assert_eq!(placed.len(), 1, "{solver:?}");
        assert!(placed.values().all(|p| p == "volunteer-2025"), "{solver:?}");
    }
    let plan = samman::Pairs::from_pairs([("older-0", "volunteer-2025")]);
    let explanation = samman::explain::explain(&instance, Some(&plan), &"older-1".into()).unwrap();
    assert_eq!(explanation.excluded.get(&Rule::Verification), Some(&1));
    let [expired] = &explanation.expired_verifications[..] else {
        panic!("{:?}", explanation.expired_verifications);
    };
    assert_eq!(expired.provider.as_str(), "volunteer-2024");
    assert_eq!(expired.valid_until, Some(date("2025-05-10")));
    assert_eq!(
        expired.description,
        "the verification of volunteer-2024 expired: valid until 2025-05-10"
    );
    let renew = explanation
        .relaxations
        .iter()
        .find(|r| r.rule == Rule::Verification)
        .expect("renewing the verification opens the visit");
    assert_eq!(renew.opens, 1);
    // Without the rule, the 2024 verification still counts.
    instance.policy.rules.verification_valid_days = None;
    let session = samman::Session::new(instance.clone()).unwrap();
    assert!(session.rules().check(0, 0).is_ok());
    // The rule needs a date to judge on.
    instance.policy.rules.verification_valid_days = Some(365);
    instance.policy.today = None;
    let invalid = samman::validate::validate(&instance).unwrap_err();
    assert_eq!(
        invalid.problems[0].path,
        "policy.rules.verification_valid_days"
    );
}

/// Coaching: a project group of five takes one slot of a coach's caseload (`seats: 1`), so a
/// coach with a caseload of three coaches three groups; composition rules still count the
/// five people, and the plan's figures count seats and people apart.
#[test]
fn seats_a_project_group_takes_one_slot_of_a_caseload() {
    let mut instance = Instance::new();
    let mut coach = Provider::new("coach", 3);
    coach.kind = ProviderKind::Coaching;
    instance.providers.push(coach);
    for i in 0..4 {
        let mut group = Seeker::new(&format!("group-{i}"));
        group.party_size = 5;
        group.seats = Some(1);
        group.profile.origin = Some(Origin::Newcomer);
        instance.seekers.push(group);
    }
    // Composition counts people: one group alone brings five newcomers.
    instance.policy.composition.min_newcomers = 5;
    for (solver, plan) in plans(&instance) {
        assert_eq!(plan.matches.len(), 3, "{solver:?}");
        assert!(plan.matches.iter().all(|m| m.seats == 1), "{solver:?}");
        assert_eq!(plan.people_placed, 15, "{solver:?}");
        let [unplaced] = &plan.unplaced[..] else {
            panic!("{solver:?}: {:?}", plan.unplaced);
        };
        assert!(
            matches!(unplaced.reason, samman::plan::Reason::SeatsTaken { .. }),
            "{solver:?}: {unplaced:?}"
        );
    }
    let session = samman::Session::new(instance.clone()).unwrap();
    let plan = session.solve(&Options::default()).unwrap();
    let figures = session
        .evaluate(
            &samman::Pairs::from(&plan),
            &samman::metrics::MetricsOptions::default(),
        )
        .unwrap()
        .placement;
    assert_eq!((figures.seats, figures.seats_used), (3, 3));
    assert_eq!((figures.people, figures.people_placed), (20, 15));
    // A group of five newcomers alone meets min_newcomers 5; with seats one a person it
    // could not be placed at all.
    instance.policy.composition.min_newcomers = 6;
    let plan = solve(&instance, &Options::default()).unwrap();
    assert!(plan.matches.len() >= 2, "{:?}", plan.matches);
    instance.policy.composition.min_newcomers = 0;
    for seeker in &mut instance.seekers {
        seeker.seats = None;
    }
    for (solver, plan) in plans(&instance) {
        assert!(plan.matches.is_empty(), "{solver:?}");
    }
    let warnings = samman::validate::check(&instance).warnings;
    assert_eq!(warnings[0].path, "seekers[0].party_size");
    instance.seekers[0].seats = Some(4);
    let warnings = samman::validate::check(&instance).warnings;
    assert_eq!(warnings[0].path, "seekers[0].seats");
    instance.seekers[0].seats = Some(0);
    let errors = samman::validate::check(&instance).errors;
    assert_eq!(errors[0].path, "seekers[0].seats");
}

/// The most-people objective counts people, not seats: a project group of five in the one
/// free slot places more people than a single participant who scores higher.
#[test]
fn seats_the_most_people_objective_counts_people() {
    let mut instance = Instance::new();
    let mut coach = Provider::new("coach", 1);
    coach.preferences = vec!["single".into()];
    instance.providers.push(coach);
    let mut group = Seeker::new("group");
    group.party_size = 5;
    group.seats = Some(1);
    let mut single = Seeker::new("single");
    single.priority = 3.0;
    instance.seekers.extend([group, single]);
    for solver in [SolverKind::Optimal, SolverKind::Groups] {
        let most_people = Options {
            solver,
            objective: solve::Objective::MaxPlaced,
            ..Options::default()
        };
        let plan = solve(&instance, &most_people).unwrap();
        assert_eq!(
            placements(&plan).keys().collect::<Vec<_>>(),
            ["group"],
            "{solver:?}"
        );
        assert_eq!(plan.people_placed, 5);
        let best_score = Options {
            solver,
            ..Options::default()
        };
        let plan = solve(&instance, &best_score).unwrap();
        assert_eq!(
            placements(&plan).keys().collect::<Vec<_>>(),
            ["single"],
            "{solver:?}"
        );
    }
}

#[test]
fn the_seats_column_is_read_in_english_and_swedish() {
    for header in ["seats", "Tar platser"] {
        let seekers = samman::csv_io::read_seekers(
            format!("id,party_size,{header}\ng1,5,1\ng2,2,\n").as_bytes(),
        )
        .unwrap();
        assert_eq!(seekers[0].seats, Some(1));
        assert_eq!(seekers[0].seats_taken(), 1);
        assert_eq!(seekers[1].seats_taken(), 2);
    }
}

/// An evening of September 2026, `day` the day of the month (`05`).
fn evening(day: &str) -> samman::model::Availability {
    samman::model::Availability {
        dated: vec![samman::model::DatedWindow {
            start: format!("2026-09-{day}T17:00").parse().unwrap(),
            end: format!("2026-09-{day}T22:00").parse().unwrap(),
        }],
        weekly: Vec::new(),
    }
}

/// Dinners: a household offering Saturday or Sunday (`hosts: max_events 1`) is booked once by
/// every solver; the other date is reported cancelled under the host rule, and its guests who
/// could come only then are told so. A household without an entry hosts on both dates.
#[test]
fn hosts_a_household_offering_saturday_or_sunday_is_booked_once() {
    use samman::model::Host;
    use samman::rules::GroupRule;
    let mut instance = Instance::new();
    for (id, host, day) in [
        ("h7-saturday", "household-7", "05"),
        ("h7-sunday", "household-7", "06"),
        ("h8-saturday", "household-8", "05"),
        ("h8-sunday", "household-8", "06"),
    ] {
        let mut dinner = Provider::new(id, 2);
        dinner.kind = ProviderKind::Dinner;
        dinner.host = Some(host.into());
        dinner.availability = evening(day);
        instance.providers.push(dinner);
    }
    instance.hosts = vec![Host {
        id: "household-7".into(),
        max_events: 1,
    }];
    for i in 0..8 {
        let mut guest = Seeker::new(&format!("guest-{i}"));
        guest.availability = evening(if i % 2 == 0 { "05" } else { "06" });
        instance.seekers.push(guest);
    }
    let mut all = plans(&instance);
    all.push((
        SolverKind::Auto,
        solve(&instance, &Options::default()).unwrap(),
    ));
    for (solver, plan) in all {
        let used: std::collections::BTreeSet<String> = placements(&plan).into_values().collect();
        let h7 = used.iter().filter(|p| p.starts_with("h7")).count();
        assert_eq!(h7, 1, "{solver:?}: {used:?}");
        assert!(
            used.contains("h8-saturday") && used.contains("h8-sunday"),
            "{solver:?}: {used:?}"
        );
        assert_eq!(plan.matches.len(), 6, "{solver:?}");
        let rule = GroupRule::HostEvents {
            host: "household-7".into(),
        };
        let [cancelled] = &plan.cancelled[..] else {
            panic!("{solver:?}: {:?}", plan.cancelled);
        };
        assert!(cancelled.provider.as_str().starts_with("h7"), "{solver:?}");
        assert_eq!(cancelled.rules, std::slice::from_ref(&rule), "{solver:?}");
        assert_eq!(plan.unplaced.len(), 2, "{solver:?}");
        for unplaced in &plan.unplaced {
            assert_eq!(
                unplaced.reason,
                samman::plan::Reason::Group {
                    rules: vec![rule.clone()]
                },
                "{solver:?}"
            );
        }
    }
    // The final check counts it: a plan with both dates breaks the host rule.
    let both = samman::Pairs::from_pairs([("guest-0", "h7-saturday"), ("guest-1", "h7-sunday")]);
    let session = samman::Session::new(instance.clone()).unwrap();
    let report = session
        .evaluate(&both, &samman::metrics::MetricsOptions::default())
        .unwrap();
    assert!(report.validity.violations.iter().any(|v| matches!(
        v,
        samman::metrics::Violation::HostEvents {
            events: 2,
            max_events: 1,
            ..
        }
    )));
    // Without the entry, the household hosts on both dates.
    instance.hosts.clear();
    for (solver, plan) in plans(&instance) {
        assert_eq!(plan.matches.len(), 8, "{solver:?}");
    }
    // A host entry that no provider names is an error, with its path.
    instance.hosts = vec![Host {
        id: "household-9".into(),
        max_events: 1,
    }];
    let errors = samman::validate::check(&instance).errors;
    assert_eq!(errors[0].path, "hosts[0].id");
}

/// The explanation of a guest who could come only on the date the household does not host
/// names the host rule rather than calling the dinner open.
#[test]
fn hosts_the_explanation_names_the_host_rule() {
    use samman::model::Host;
    let mut instance = Instance::new();
    for (id, day) in [("saturday", "05"), ("sunday", "06")] {
        let mut dinner = Provider::new(id, 2);
        dinner.host = Some("household-7".into());
        dinner.availability = evening(day);
        instance.providers.push(dinner);
    }
    instance.hosts = vec![Host {
        id: "household-7".into(),
        max_events: 1,
    }];
    for (id, day) in [("a", "05"), ("b", "05"), ("c", "06")] {
        let mut guest = Seeker::new(id);
        guest.availability = evening(day);
        instance.seekers.push(guest);
    }
    let session = samman::Session::new(instance.clone()).unwrap();
    let plan = session.solve(&Options::default()).unwrap();
    assert_eq!(placements(&plan).len(), 2);
    let left = &plan.unplaced[0].seeker;
    let explanation =
        samman::explain::explain(&instance, Some(&samman::Pairs::from(&plan)), left).unwrap();
    assert_eq!(explanation.host_elsewhere, Some(1));
    assert_eq!(explanation.open, Some(0));
    assert_eq!(
        plan.unplaced[0].describe(&instance),
        "host_events: household-7 hosts on another date"
    );
}

/// Generated programmes whose hosts offer alternatives (experience sessions of one provider,
/// dinners paired on two dates): every solver's plan keeps each host within its limit and
/// passes the plan check; the limit binds (without it some host runs more).
#[test]
fn hosts_every_solver_keeps_generated_hosts_within_their_limit() {
    use samman::model::Host;
    for (seed, programme) in [(7, Programme::Experiences), (8, Programme::Dinners)] {
        let mut instance = generate(
            programme,
            &Params {
                size: 120,
                seed,
                ..Params::default()
            },
        );
        if programme == Programme::Dinners {
            for j in (1..instance.providers.len()).step_by(2) {
                instance.providers[j].host = instance.providers[j - 1].host.clone();
            }
        }
        let mut ids: Vec<_> = instance
            .providers
            .iter()
            .filter_map(|p| p.host.clone())
            .collect();
        ids.sort();
        ids.dedup();
        let runs = |instance: &Instance, plan: &Plan| -> u32 {
            let host_of: BTreeMap<&str, &str> = instance
                .providers
                .iter()
                .map(|p| (p.id.as_str(), p.host.as_ref().map_or("", |h| h.as_str())))
                .collect();
            let mut used: Vec<(&str, &str)> = plan
                .matches
                .iter()
                .map(|m| (host_of[m.provider.as_str()], m.provider.as_str()))
                .collect();
            used.sort_unstable();
            used.dedup();
            let mut per_host: BTreeMap<&str, u32> = BTreeMap::new();
            for (h, _) in used {
                *per_host.entry(h).or_default() += 1;
            }
            per_host.into_values().max().unwrap_or(0)
        };
        let unlimited = solve(&instance, &Options::default()).unwrap();
        assert!(
            runs(&instance, &unlimited) > 1,
            "{programme:?}: the limit binds"
        );
        instance.hosts = ids
            .into_iter()
            .map(|id| Host { id, max_events: 1 })
            .collect();
        let session = samman::Session::new(instance.clone()).unwrap();
        let mut all = plans(&instance);
        all.push((
            SolverKind::Auto,
            session.solve(&Options::default()).unwrap(),
        ));
        for (solver, plan) in all {
            assert!(runs(&instance, &plan) <= 1, "{programme:?} {solver:?}");
            assert!(!plan.matches.is_empty(), "{programme:?} {solver:?}");
            let report = session
                .evaluate(
                    &samman::Pairs::from(&plan),
                    &samman::metrics::MetricsOptions::default(),
                )
                .unwrap();
            assert!(
                report.validity.valid,
                "{programme:?} {solver:?}: {:?}",
                report.validity.violations
            );
        }
    }
}

#[test]
fn the_host_max_events_column_makes_hosts() {
    let seekers = "id\ng1\n";
    let providers = "id,capacity,värd,värd max tillfällen\nsat,4,household-7,1\nsun,4,household-7,\nd8,4,household-8,\n";
    let instance = samman::csv_io::read_instance(seekers.as_bytes(), providers.as_bytes()).unwrap();
    assert_eq!(instance.hosts.len(), 1);
    assert_eq!(
        (instance.hosts[0].id.as_str(), instance.hosts[0].max_events),
        ("household-7", 1)
    );
    let disagree = "id,capacity,host,host_max_events\nsat,4,h7,1\nsun,4,h7,2\n";
    let error = samman::csv_io::read_instance(seekers.as_bytes(), disagree.as_bytes()).unwrap_err();
    assert_eq!((error.row, error.column.as_str()), (3, "host_max_events"));
    let no_host = "id,capacity,host_max_events\nsat,4,1\n";
    let error = samman::csv_io::read_instance(seekers.as_bytes(), no_host.as_bytes()).unwrap_err();
    assert_eq!((error.row, error.column.as_str()), (2, "host_max_events"));
}

/// Suspicious data: coordinates with latitude and longitude swapped, a place far from all
/// others, windows already past on `policy.today` and a record with more no-shows than the
/// events history records are warned about, each with its path and no value; the generated programmes
/// raise none of them.
#[test]
fn suspicious_data_is_warned_about_by_path() {
    use samman::model::{Availability, DatedWindow, Location};
    let mut instance = Instance::new();
    instance.policy.today = Some("2026-09-01".parse().unwrap());
    let places = [
        (59.330, 18.060),
        (59.340, 18.070),
        (59.320, 18.050),
        (18.068, 59.329),
        (59.335, 18.065),
        (67.855, 20.225),
    ];
    for (i, (lat, lon)) in places.into_iter().enumerate() {
        let mut guest = Seeker::new(&format!("g{i}"));
        guest.location = Some(Location { lat, lon });
        instance.seekers.push(guest);
    }
    let window = |day: &str| DatedWindow {
        start: format!("{day}T17:00").parse().unwrap(),
        end: format!("{day}T22:00").parse().unwrap(),
    };
    instance.seekers[4].availability = Availability {
        dated: vec![window("2026-09-05"), window("2025-09-05")],
        weekly: Vec::new(),
    };
    let mut dinner = Provider::new("d1", 4);
    dinner.location = Some(Location {
        lat: 59.331,
        lon: 18.061,
    });
    dinner.availability = Availability {
        dated: vec![window("2026-08-30")],
        weekly: Vec::new(),
    };
    dinner.reliability = Reliability {
        completed: 1,
        cancelled: 0,
        no_show: 3,
    };
    instance.providers.push(dinner);
    // History records two events of the dinner's host: three no-shows cannot be.
    for date in ["2026-05-02", "2026-06-06"] {
        instance.history.meetings.push(samman::model::Meeting {
            seeker: "g0".into(),
            host: "d1".into(),
            date: Some(date.parse().unwrap()),
        });
    }
    let report = samman::validate::check(&instance);
    assert!(report.errors.is_empty());
    let paths: Vec<&str> = report.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "seekers[3].location",
            "seekers[4].availability.dated[1]",
            "seekers[5].location",
            "providers[0].availability.dated[0]",
            "providers[0].reliability.no_show",
        ]
    );
    assert!(report.warnings[0].message.contains("swapped"));
    assert!(report.warnings[2].message.contains("far"));
    for warning in &report.warnings {
        for value in ["18.068", "59.329", "67.855", "2025", "2026-08-30", "3"] {
            assert!(!warning.message.contains(value), "{warning}");
        }
    }
    // Warnings never stop the plan.
    let plan = solve(&instance, &Options::default()).unwrap();
    assert!(!plan.matches.is_empty());
    for (seed, programme) in [
        (0, Programme::Dinners),
        (1, Programme::Visits),
        (2, Programme::Workshops),
        (3, Programme::Experiences),
        (4, Programme::Coaching),
    ] {
        let params = Params {
            size: 300,
            seed,
            ..Params::default()
        };
        let warnings = samman::validate::check(&generate(programme, &params)).warnings;
        assert!(
            !warnings.iter().any(|w| w.path.ends_with(".location")
                || w.path.contains(".dated[")
                || w.path.ends_with(".no_show")),
            "{:?}",
            &warnings[..warnings.len().min(3)]
        );
    }
}
