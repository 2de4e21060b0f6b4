//! Explanations: what shuts a seeker out, and whether the suggested change really helps.

use samman::explain::{Change, ExplainError, explain, explain_many};
use samman::model::{
    Availability, Day, Instance, LanguageSkill, Level, Location, Provider, ProviderKind, Seeker,
    WeeklyWindow,
};
use samman::plan::Pairs;
use samman::rules::{Criterion, Rule};
use samman::solve::{self, Options};

fn place(lon: f64) -> Option<Location> {
    Some(Location { lat: 59.0, lon })
}

fn weekly(day: Day, from: &str, to: &str) -> Availability {
    Availability {
        dated: vec![],
        weekly: vec![WeeklyWindow {
            day,
            start: from.parse().unwrap(),
            end: to.parse().unwrap(),
        }],
    }
}

/// A seeker 5 km from home reach, two dinners about 6.9 and 9.1 km away, one near but full.
fn distance_instance() -> Instance {
    let mut instance = Instance::new();
    let mut guest = Seeker::new("guest");
    guest.location = place(18.0);
    guest.max_travel_km = Some(5.0);
    instance.seekers.push(guest);
    for (id, lon) in [("far1", 18.12), ("far2", 18.16)] {
        let mut p = Provider::new(id, 2);
        p.kind = ProviderKind::Dinner;
        p.location = place(lon);
        instance.providers.push(p);
    }
    instance
}

#[test]
fn a_seeker_excluded_only_by_distance_is_told_so_and_the_change_places_them() {
    let instance = distance_instance();
    let plan = Pairs::from(&solve::solve(&instance, &Options::default()).unwrap());
    assert!(plan.matches.is_empty());
    let e = explain(&instance, Some(&plan), &"guest".into()).unwrap();
    assert_eq!(e.feasible, 0);
    assert_eq!(e.excluded.len(), 1);
    assert_eq!(e.excluded[&Rule::Distance], 2);
    assert_eq!(e.excluded_only[&Rule::Distance], 2);
    assert_eq!(e.most_limiting, Some(Rule::Distance));
    assert_eq!(
        (e.seats_taken, e.composition, e.open),
        (Some(0), Some(0), Some(0))
    );
    let best = &e.relaxations[0];
    assert_eq!(best.rule, Rule::Distance);
    assert_eq!(best.opens, 1, "the nearer dinner only");
    let Change::TravelFurther {
        max_travel_km,
        extra_km,
    } = best.change
    else {
        panic!("{:?}", best.change)
    };
    assert!(
        max_travel_km > 6.8 && max_travel_km < 7.1,
        "{max_travel_km}"
    );
    assert!((extra_km - (max_travel_km - 5.0)).abs() < 0.11);
    assert!(
        best.description.starts_with("travelling ")
            && best.description.ends_with("would open 1 dinner"),
        "{}",
        best.description
    );

    let mut relaxed = instance.clone();
    best.apply(&mut relaxed, &"guest".into());
    let plan = solve::solve(&relaxed, &Options::default()).unwrap();
    assert_eq!(plan.matches.len(), 1);
    assert_eq!(plan.matches[0].provider.as_str(), "far1");
    let e = explain(&relaxed, Some(&Pairs::from(&plan)), &"guest".into()).unwrap();
    assert_eq!(e.feasible, 1);
    assert!(e.placed.is_some());
}

#[test]
fn a_weekly_window_is_suggested_with_what_it_opens() {
    let mut instance = Instance::new();
    let mut older = Seeker::new("older");
    older.availability = weekly(Day::Monday, "14:00", "16:00");
    instance.seekers.push(older);
    for (i, (day, from, to)) in [
        (Day::Tuesday, "18:00", "21:00"),
        (Day::Tuesday, "18:00", "21:00"),
        (Day::Tuesday, "18:00", "21:00"),
        (Day::Friday, "10:00", "12:00"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut p = Provider::new(&format!("v{i}"), 1);
        p.kind = ProviderKind::Visit;
        p.availability = weekly(day, from, to);
        instance.providers.push(p);
    }
    let e = explain(&instance, None, &"older".into()).unwrap();
    assert_eq!(e.excluded_only[&Rule::Time], 4);
    let best = &e.relaxations[0];
    assert_eq!(best.opens, 3);
    assert_eq!(
        best.description,
        "being available tuesday 18:00-21:00 would open 3 visits"
    );
    assert_eq!(
        (e.seats_taken, e.open),
        (None, None),
        "no plan, no seat counts"
    );
}

#[test]
fn language_and_seats_taken() {
    let mut instance = Instance::new();
    let mut guest = Seeker::new("guest");
    guest.languages = vec![
        LanguageSkill::new("ar", Level::Native),
        LanguageSkill::new("sv", Level::Basic),
    ];
    instance.seekers.push(guest);
    let mut other = Seeker::new("other");
    other.languages = vec![LanguageSkill::new("ar", Level::Native)];
    instance.seekers.push(other);
    let mut swedish = Provider::new("sv-host", 1);
    swedish.languages = vec![LanguageSkill::new("sv", Level::Native)];
    let mut arabic = Provider::new("ar-host", 1);
    arabic.languages = vec![LanguageSkill::new("ar", Level::Fluent)];
    instance.providers = vec![swedish, arabic];
    let plan = Pairs::from_pairs([("other", "ar-host")]);
    let e = explain(&instance, Some(&plan), &"guest".into()).unwrap();
    assert_eq!(e.feasible, 1);
    assert_eq!(e.seats_taken, Some(1));
    assert_eq!(e.open, Some(0));
    assert_eq!(e.excluded_only[&Rule::Language], 1);
    // The person is never asked to learn a language: nothing the coordinator or the person
    // could change opens the Arabic host's seat.
    assert!(e.relaxations.is_empty(), "{:?}", e.relaxations);
}

#[test]
fn a_match_is_explained_by_weighted_contributions() {
    let mut instance = distance_instance();
    instance.seekers[0].max_travel_km = Some(10.0);
    let plan = Pairs::from_pairs([("guest", "far1")]);
    let e = explain(&instance, Some(&plan), &"guest".into()).unwrap();
    let m = e.placed.unwrap();
    assert_eq!(m.provider.as_str(), "far1");
    assert!(m.broken_rules.is_empty());
    let sum: f64 = m.placement + m.contributions.iter().map(|c| c.contribution).sum::<f64>();
    assert!((sum - m.score).abs() < 1e-9);
    let distance = m
        .contributions
        .iter()
        .find(|c| c.criterion == Criterion::Distance)
        .unwrap();
    assert!(
        distance.value > 0.25 && distance.value < 0.35,
        "{}",
        distance.value
    );
    assert_eq!(distance.contribution, distance.weight * distance.value);
    assert!(explain(&instance, None, &"nobody".into()).is_err());
}

/// The per-rule counts of seekers with no feasible provider, computed with bit sets over the
/// providers, equal checking every rule for every pair, on generated programmes of every kind
/// with rules switched on and off, blocks, custom diets, topics and providers without a place.
#[test]
fn excluded_by_rule_equals_checking_every_rule_for_every_pair() {
    use samman::generate::{Params, dinners, experiences, visits, workshops};
    use samman::model::Diet;
    use std::collections::BTreeMap;

    for seed in 0..6u64 {
        let params = Params {
            size: 120,
            seed,
            providers: Some(40),
            travel_km: 1.0 + seed as f64,
            ..Params::default()
        };
        let generators: [fn(&Params) -> Instance; 4] = [dinners, visits, workshops, experiences];
        for generate in generators {
            let mut instance = generate(&params);
            let on = &mut instance.policy.rules;
            on.topics = seed % 2 == 0;
            on.gender_parties = seed % 3 != 0;
            on.max_distance_km = (seed == 4).then_some(2.5);
            on.time = seed != 5;
            let n_providers = instance.providers.len();
            for (i, seeker) in instance.seekers.iter_mut().enumerate() {
                if i % 7 == 0 {
                    seeker.diet.push(Diet::Custom("ingen koriander".into()));
                }
                if i % 5 == 0 {
                    seeker.topics = vec!["chess".into()];
                }
                if i % 11 == 0 {
                    seeker.max_travel_km = None;
                }
                if i % 13 == 0 && n_providers > 0 {
                    let blocked = instance.providers[i % n_providers].id.clone();
                    seeker.blocked.push(blocked);
                }
            }
            for (j, provider) in instance.providers.iter_mut().enumerate() {
                if j % 6 == 0 {
                    provider.location = None;
                }
                if j % 4 == 0 {
                    provider.topics = vec!["chess".into()];
                }
            }
            let session = samman::Session::new(instance.clone()).expect("a valid instance");
            let rules = session.rules();
            let seekers: Vec<usize> = (0..instance.seekers.len()).collect();
            let fast = solve::excluded_by_rule(&rules, &seekers);
            for (s, (excluded, only)) in fast.into_iter().enumerate() {
                let (mut want, mut want_only) = (BTreeMap::new(), BTreeMap::new());
                for p in 0..n_providers {
                    let failed = rules.failures(s, p);
                    for &rule in &failed {
                        *want.entry(rule).or_insert(0) += 1;
                    }
                    if let [rule] = failed[..] {
                        *want_only.entry(rule).or_insert(0) += 1;
                    }
                }
                assert_eq!(excluded, want, "seed {seed}, seeker {s}: excluded");
                assert_eq!(only, want_only, "seed {seed}, seeker {s}: only");
            }
        }
    }
}

/// One generated programme of the golden file: its name and the instance.
fn golden_programmes() -> Vec<(String, Instance)> {
    use samman::generate::{Params, dinners, experiences, visits, workshops};
    use samman::model::{Diet, Level};

    type Generator = fn(&Params) -> Instance;
    let generators: [(&str, Generator); 4] = [
        ("dinners", dinners),
        ("visits", visits),
        ("workshops", workshops),
        ("experiences", experiences),
    ];
    let mut programmes = Vec::new();
    for seed in 0..2u64 {
        for (name, generate) in generators {
            let mut instance = generate(&Params {
                size: 120,
                seed,
                providers: Some(40),
                travel_km: 2.0 + 2.0 * seed as f64,
                ..Params::default()
            });
            // Every kind of relaxation and rule: custom diets (caught only by the list
            // comparison), topics, blocks from either side, preferences, remote providers, no
            // travel limit, a programme-wide limit, another language level.
            let on = &mut instance.policy.rules;
            on.topics = true;
            on.max_distance_km = (seed == 1).then_some(6.0);
            on.min_language_level = if seed == 0 {
                Level::Conversational
            } else {
                Level::Fluent
            };
            let n_providers = instance.providers.len();
            let n_seekers = instance.seekers.len();
            for (i, seeker) in instance.seekers.iter_mut().enumerate() {
                if i % 7 == 0 {
                    seeker.diet.push(Diet::Custom("ingen koriander".into()));
                }
                if i % 5 == 0 {
                    seeker.topics.push("chess".into());
                }
                if i % 11 == 0 {
                    seeker.max_travel_km = None;
                }
                if i % 13 == 0 {
                    let blocked = instance.providers[i % n_providers].id.clone();
                    seeker.blocked.push(blocked);
                }
                if i % 3 == 0 {
                    seeker.preferences = (0..3)
                        .map(|k| instance.providers[(i + 5 * k) % n_providers].id.clone())
                        .collect();
                }
                if i % 17 == 0 {
                    seeker.requires_verified = true;
                }
            }
            let seeker_ids: Vec<_> = instance.seekers.iter().map(|s| s.id.clone()).collect();
            for (j, provider) in instance.providers.iter_mut().enumerate() {
                if j % 6 == 0 {
                    provider.location = None;
                }
                if j % 4 == 0 {
                    provider.topics.push("chess".into());
                }
                if j % 9 == 0 {
                    provider.caters.push(Diet::Custom("ingen koriander".into()));
                }
                if j % 8 == 0 {
                    provider
                        .blocked
                        .push(seeker_ids[(7 * j) % n_seekers].clone());
                }
                if j % 2 == 0 {
                    provider.preferences = (0..4)
                        .map(|k| seeker_ids[(3 * j + 11 * k) % n_seekers].clone())
                        .collect();
                }
            }
            programmes.push((format!("{name} seed {seed}"), instance));
        }
    }
    programmes
}

/// Explanations of generated programmes of every kind, byte for byte as recorded in
/// `regressions/explanations.jsonl`: every unplaced seeker and every fifth placed one against
/// an optimal plan (with a few entries added that break rules), and every seventh seeker
/// without a plan. The file holds each programme's
/// plan (as the optimal solver gave it when the file was written) so that a change to the
/// solver does not touch this test. Rewrite it with `SAMMAN_BLESS=1` only after a change that
/// is meant to change explanations (or the generators).
#[test]
fn explanations_of_generated_programmes_are_unchanged() {
    use samman::model::SeekerId;
    use serde_json::json;

    const GOLDEN: &str = "tests/regressions/explanations.jsonl";
    let bless = std::env::var_os("SAMMAN_BLESS").is_some();
    let recorded = if bless {
        String::new()
    } else {
        std::fs::read_to_string(GOLDEN).expect("the golden file is committed")
    };
    let mut recorded_lines = recorded.lines();
    let mut lines: Vec<String> = Vec::new();
    for (name, instance) in golden_programmes() {
        let plan: Pairs = if bless {
            let options = Options {
                solver: solve::SolverKind::Optimal,
                ..Options::default()
            };
            let mut plan = Pairs::from(&solve::solve(&instance, &options).unwrap());
            // Entries a solver would not write: a pair that breaks rules, a seeker placed twice
            // (the first entry counts) and unknown ids (ignored).
            let placed: Vec<&SeekerId> = plan.matches.iter().map(|m| &m.seeker).collect();
            let unplaced = instance.seekers.iter().find(|s| !placed.contains(&&s.id));
            let first = &instance.providers[0].id;
            let mut extra = vec![(plan.matches[0].seeker.clone(), first.clone())];
            extra.extend(unplaced.map(|s| (s.id.clone(), first.clone())));
            extra.push(("nobody".into(), first.clone()));
            plan.matches.extend(
                extra
                    .into_iter()
                    .map(|(seeker, provider)| samman::Pair { seeker, provider }),
            );
            plan
        } else {
            let line = recorded_lines
                .next()
                .expect("a plan line for each programme");
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(record["programme"], json!(name), "programmes in file order");
            serde_json::from_value(record["plan"].clone()).unwrap()
        };
        lines.push(json!({ "programme": name, "plan": plan }).to_string());
        let placed: std::collections::HashSet<&SeekerId> =
            plan.matches.iter().map(|m| &m.seeker).collect();
        let mut asked: Vec<(&SeekerId, bool)> = Vec::new();
        let mut placed_seen = 0;
        for (i, seeker) in instance.seekers.iter().enumerate() {
            if !placed.contains(&seeker.id) {
                asked.push((&seeker.id, true));
            } else {
                if placed_seen % 5 == 0 {
                    asked.push((&seeker.id, true));
                }
                placed_seen += 1;
            }
            if i % 7 == 0 {
                asked.push((&seeker.id, false));
            }
        }
        // The batch entry point gives each seeker the same explanation as one call for it.
        let batch = |with_plan: bool| {
            let ids: Vec<SeekerId> = asked
                .iter()
                .filter(|a| a.1 == with_plan)
                .map(|a| a.0.clone())
                .collect();
            explain_many(&instance, with_plan.then_some(&plan), &ids).unwrap()
        };
        let (mut with, mut without) = (batch(true).into_iter(), batch(false).into_iter());
        for (seeker, with_plan) in asked {
            let explanation = explain(&instance, with_plan.then_some(&plan), seeker).unwrap();
            let batched = if with_plan {
                with.next()
            } else {
                without.next()
            };
            assert_eq!(batched.as_ref(), Some(&explanation), "{name}: explain_many");
            lines.push(
                json!({ "programme": name, "with_plan": with_plan, "explanation": explanation })
                    .to_string(),
            );
            if !bless {
                recorded_lines.next();
            }
        }
    }
    let text = lines.join("\n") + "\n";
    if bless {
        std::fs::write(GOLDEN, &text).unwrap();
        return;
    }
    for (i, (now, then)) in text.lines().zip(recorded.lines()).enumerate() {
        assert_eq!(now, then, "line {} of {GOLDEN}", i + 1);
    }
    assert_eq!(text, recorded, "{GOLDEN}: the number of lines differs");
}

/// Each suggested change opens exactly the providers it says: applied to the whole instance,
/// with every pair rule checked again for every provider, it makes `opens` more feasible.
#[test]
fn each_relaxation_opens_what_it_says_in_the_whole_instance() {
    for (name, instance) in golden_programmes().into_iter().step_by(3) {
        let feasible = |instance: &Instance, s: usize| -> Vec<usize> {
            let session = samman::Session::new(instance.clone()).expect("a valid instance");
            let rules = session.rules();
            (0..instance.providers.len())
                .filter(|&p| rules.check(s, p).is_ok())
                .collect()
        };
        for (s, seeker) in instance.seekers.iter().enumerate().step_by(2) {
            let e = explain(&instance, None, &seeker.id).unwrap();
            let before = feasible(&instance, s);
            assert_eq!(e.feasible, before.len());
            for r in &e.relaxations {
                let mut changed = instance.clone();
                r.apply(&mut changed, &seeker.id);
                let opened = feasible(&changed, s)
                    .into_iter()
                    .filter(|p| !before.contains(p))
                    .count();
                assert_eq!(opened, r.opens, "{name}, {}: {:?}", seeker.id, r.change);
            }
        }
    }
}

#[test]
fn explaining_many_validates_once_and_names_an_unknown_seeker() {
    let instance = distance_instance();
    assert_eq!(explain_many(&instance, None, &[]).unwrap(), vec![]);
    let ids = ["guest".into(), "nobody".into()];
    assert_eq!(
        explain_many(&instance, None, &ids),
        Err(ExplainError::UnknownSeeker("nobody".into()))
    );
    let mut invalid = instance.clone();
    invalid.seekers.push(invalid.seekers[0].clone());
    assert!(matches!(
        explain_many(&invalid, None, &ids[..1]),
        Err(ExplainError::Invalid(_))
    ));
    let twice = explain_many(&instance, None, &[ids[0].clone(), ids[0].clone()]).unwrap();
    assert_eq!(twice[0], twice[1]);
    assert_eq!(twice[0], explain(&instance, None, &ids[0]).unwrap());
}

/// What the coordinator can do comes first and names the volunteer; the person's own change
/// (another time) comes last, even when it would open more.
#[test]
fn coordinator_changes_come_first_and_name_the_provider() {
    let mut instance = Instance::new();
    let mut older = Seeker::new("saida");
    older.requires_verified = true;
    older.availability = weekly(Day::Monday, "14:00", "16:00");
    instance.seekers.push(older);
    let mut hassan = Provider::new("vol-3", 1);
    hassan.kind = ProviderKind::Visit;
    hassan.availability = weekly(Day::Monday, "14:00", "16:00");
    instance.providers.push(hassan);
    for i in 0..3 {
        let mut other = Provider::new(&format!("tue-{i}"), 1);
        other.kind = ProviderKind::Visit;
        other.verification.verified = true;
        other.availability = weekly(Day::Tuesday, "14:00", "16:00");
        instance.providers.push(other);
    }
    let e = explain(&instance, None, &"saida".into()).unwrap();
    let sides: Vec<_> = e.relaxations.iter().map(|r| r.side).collect();
    assert_eq!(
        sides,
        [
            samman::explain::Side::Coordinator,
            samman::explain::Side::Person
        ]
    );
    assert!(matches!(e.relaxations[0].change, Change::Verify { .. }));
    assert_eq!(
        e.relaxations[0].description,
        "verifying vol-3 would open 1 visit"
    );
    assert_eq!(e.relaxations[1].opens, 3);
}

#[test]
fn travel_is_suggested_with_the_languages_decimal_mark() {
    use samman::i18n::{Lang, Messages};
    let instance = distance_instance();
    let plan = Pairs::from(&solve::solve(&instance, &Options::default()).unwrap());
    let e = explain(&instance, Some(&plan), &"guest".into()).unwrap();
    let Change::TravelFurther { extra_km, .. } = e.relaxations[0].change else {
        panic!("travel further first: {:?}", e.relaxations[0]);
    };
    let label = |id: &str| id.to_owned();
    let en = samman::advice::help(&Messages::new(Lang::En), &label, &e);
    let sv = samman::advice::help(&Messages::new(Lang::Sv), &label, &e);
    assert!(
        en.contains(&format!("travelling {extra_km:.1} km further")),
        "{en}"
    );
    let swedish = format!("{extra_km:.1}").replace('.', ",");
    assert!(
        sv.contains(&format!("att resa {swedish} km längre")),
        "{sv}"
    );
}
