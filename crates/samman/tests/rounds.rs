//! Rounds where everyone meets someone new: known repeat-free designs found, every round
//! keeping the rules of a single plan, sitting out shared fairly, the figures checked against
//! a count made here.

use std::collections::{BTreeMap, HashMap, HashSet};

use samman::graph::CandidateGraph;
use samman::model::{Instance, Provider, Seeker};
use samman::rounds::{RoundsOptions, RoundsPlan, plan_rounds};
use samman::rules::group_violations;

/// `people` seekers and `tables` plain tables of `size` seats (at least `minimum`).
fn tables_instance(people: usize, tables: usize, size: u32, minimum: u32) -> Instance {
    let mut instance = Instance::new();
    instance.seekers = (0..people).map(|i| Seeker::new(&format!("p{i}"))).collect();
    instance.providers = (0..tables)
        .map(|t| {
            let mut p = Provider::new(&format!("t{t}"), size);
            p.minimum = minimum;
            p
        })
        .collect();
    instance
}

fn options(rounds: u32, seed: u64) -> RoundsOptions {
    RoundsOptions {
        rounds,
        seed,
        time_limit_seconds: 60.0,
        ..RoundsOptions::default()
    }
}

/// Meetings per pair, counted here from the groups (members and host).
fn pair_counts(plan: &RoundsPlan) -> HashMap<(String, String), u32> {
    let mut counts = HashMap::new();
    for round in &plan.rounds {
        for group in &round.groups {
            let people: Vec<String> = group
                .members
                .iter()
                .map(ToString::to_string)
                .chain(group.host.clone())
                .collect();
            for a in &people {
                for b in &people {
                    if a < b {
                        *counts.entry((a.clone(), b.clone())).or_insert(0) += 1;
                    }
                }
            }
        }
    }
    counts
}

fn assert_everyone_once_per_round(instance: &Instance, plan: &RoundsPlan) {
    for round in &plan.rounds {
        let mut seen = HashSet::new();
        for group in &round.groups {
            for m in &group.members {
                assert!(
                    seen.insert(m.to_string()),
                    "{m} twice in round {}",
                    round.round
                );
            }
        }
        for m in &round.sitting_out {
            assert!(seen.insert(m.to_string()), "{m} seated and sitting out");
        }
        for u in &round.unseated {
            assert!(seen.insert(u.seeker.to_string()));
        }
        assert_eq!(seen.len(), instance.seekers.len(), "round {}", round.round);
    }
}

#[test]
fn kirkmans_schoolgirls_walk_seven_days_without_a_repeat() {
    let instance = tables_instance(15, 5, 3, 3);
    let plan = plan_rounds(&instance, &options(7, 1)).expect("plans");
    assert_eq!(plan.repeat_pairs, 0, "{:?}", plan.repeats);
    assert!(plan.stats.complete);
    assert_everyone_once_per_round(&instance, &plan);
    let counts = pair_counts(&plan);
    // 7 days × 5 triples × 3 pairs = 105 = 15·14/2: every pair exactly once.
    assert_eq!(counts.len(), 105);
    assert!(counts.values().all(|&n| n == 1));
    assert_eq!(plan.metrics.distinct_met.min, 14);
    assert_eq!(plan.metrics.new_acquaintances.max, 14);
}

#[test]
fn twenty_golfers_in_fives_for_five_weeks_without_a_repeat() {
    // 5-4-5 (groups of 4, 5 groups, 5 weeks) is known to be solvable.
    let instance = tables_instance(20, 5, 4, 4);
    let plan = plan_rounds(&instance, &options(5, 3)).expect("plans");
    assert_eq!(plan.repeat_pairs, 0, "{:?}", plan.repeats);
    assert!(pair_counts(&plan).values().all(|&n| n == 1));
}

#[test]
fn the_same_seed_gives_the_same_rounds() {
    let instance = tables_instance(24, 6, 4, 4);
    let a = plan_rounds(&instance, &options(5, 9)).expect("plans");
    let b = plan_rounds(&instance, &options(5, 9)).expect("plans");
    assert_eq!(a, b);
    assert_eq!(
        serde_json::to_string(&a).expect("JSON"),
        serde_json::to_string(&b).expect("JSON")
    );
}

#[test]
fn sitting_out_is_shared_fairly_and_in_turn() {
    // 14 people, 3 tables of 4: two sit out each round.
    let instance = tables_instance(14, 3, 4, 2);
    let plan = plan_rounds(
        &instance,
        &RoundsOptions {
            max_iterations: Some(500),
            ..options(7, 2)
        },
    )
    .expect("plans");
    assert_everyone_once_per_round(&instance, &plan);
    let mut last: BTreeMap<String, u32> = BTreeMap::new();
    for round in &plan.rounds {
        assert_eq!(round.sitting_out.len(), 2, "round {}", round.round);
        for m in &round.sitting_out {
            // Nobody sits out a second time while someone has not sat out at all.
            assert!(
                !last.contains_key(m.as_str()) || last.len() == 14,
                "{m} again too early"
            );
            last.insert(m.to_string(), round.round);
        }
    }
    // 14 sit-outs over 14 people: exactly one each.
    assert_eq!(plan.metrics.sitting_out.min, 1);
    assert_eq!(plan.metrics.sitting_out.max, 1);
}

#[test]
fn figures_match_a_count_made_here() {
    let instance = tables_instance(18, 3, 6, 6);
    // 3 tables of 6 for 4 rounds cannot avoid repeats (each meets 5 a round, 17 others).
    let plan = plan_rounds(
        &instance,
        &RoundsOptions {
            max_iterations: Some(3000),
            ..options(4, 5)
        },
    )
    .expect("plans");
    let counts = pair_counts(&plan);
    let repeats = counts.values().filter(|&&n| n > 1).count() as u64;
    assert_eq!(plan.repeat_pairs, repeats);
    assert_eq!(plan.metrics.repeat_pairs, repeats);
    assert_eq!(
        plan.metrics.repeat_meetings,
        counts
            .values()
            .map(|&n| u64::from(n.saturating_sub(1)))
            .sum::<u64>()
    );
    assert_eq!(plan.metrics.pairs_met, counts.len() as u64);
    assert!(repeats > 0, "no plan without repeats exists here");
    for r in &plan.repeats {
        assert_eq!(
            r.rounds.len() as u32,
            counts[&(r.people[0].clone(), r.people[1].clone())]
        );
    }
    for person in &plan.metrics.people {
        let met = counts
            .keys()
            .filter(|(a, b)| *a == person.id || *b == person.id)
            .count() as u32;
        assert_eq!(person.met, met);
    }
}

/// Random programmes where a repeat-free plan exists by construction: the rounds planner
/// finds one, and every round keeps the pair and group rules of a single plan.
#[test]
fn hard_mode_finds_no_repeat_where_one_exists_and_keeps_every_rule() {
    use rand::{Rng, SeedableRng};
    for seed in 0..6u64 {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        // g groups of g people (g prime) for up to g rounds: the affine plane has a
        // repeat-free plan for g + 1 rounds.
        let g = [3usize, 5][rng.random_range(0..2)];
        let rounds = rng.random_range(2..=g as u32);
        let mut instance = tables_instance(g * g, g, g as u32, g as u32);
        // Some pair rules: a few people block one table, which no repeat-free plan needs.
        for s in 0..g {
            let t = rng.random_range(0..g);
            instance.seekers[s].blocked.push(format!("t{t}").into());
        }
        let plan = plan_rounds(
            &instance,
            &RoundsOptions {
                never_again: true,
                ..options(rounds, seed)
            },
        )
        .expect("plans");
        assert_eq!(plan.repeat_pairs, 0, "seed {seed}: {:?}", plan.repeats);
        let graph = CandidateGraph::build(&instance).expect("graph");
        let seekers = instance.seeker_indices();
        let providers = instance.provider_indices();
        for round in &plan.rounds {
            for group in &round.groups {
                let p = providers[group.provider.as_str()];
                let members: Vec<usize> =
                    group.members.iter().map(|m| seekers[m.as_str()]).collect();
                for &s in &members {
                    assert!(
                        graph.candidates_of(s).any(|c| c.provider as usize == p),
                        "seed {seed}: a pair rule broken"
                    );
                }
                assert!(group_violations(&instance, p, &members).is_empty());
            }
        }
    }
}

/// A year of monthly dinners: each round's providers by date, host households met once,
/// every table mixing newcomers and established residents (the host counting).
#[test]
fn monthly_dinners_keep_the_rules_of_a_single_evening_every_month() {
    use samman::rounds::RoundProviders;
    let instance = samman::generate::dinner_year(30, 4);
    let plan = plan_rounds(
        &instance,
        &RoundsOptions {
            providers: RoundProviders::ByDate,
            max_iterations: Some(150),
            ..options(12, 1)
        },
    )
    .expect("plans");
    assert_eq!(plan.rounds.len(), 12);
    assert_everyone_once_per_round(&instance, &plan);
    let graph = CandidateGraph::build(&instance).expect("graph");
    let seekers = instance.seeker_indices();
    let providers = instance.provider_indices();
    let mut tables = 0;
    for round in &plan.rounds {
        let date = round.date.expect("by-date rounds are dated");
        for group in &round.groups {
            let p = providers[group.provider.as_str()];
            let dated = &instance.providers[p].availability.dated;
            assert_eq!(dated[0].start.local.date(), date);
            let members: Vec<usize> = group.members.iter().map(|m| seekers[m.as_str()]).collect();
            for &s in &members {
                assert!(graph.candidates_of(s).any(|c| c.provider as usize == p));
            }
            assert_eq!(group_violations(&instance, p, &members), vec![]);
            tables += 1;
        }
    }
    assert!(tables >= 12 * 4);
    // Who sits out takes turns: nobody twice while someone has not at all.
    assert!(plan.metrics.sitting_out.max <= plan.metrics.sitting_out.min + 1);
}

/// 32 golfers in 8 groups of 4 (the social golfer problem): repeat-free for 7 weeks; the
/// search for 9 and 10 weeks is measured in `benches/` (BENCHMARKS.md).
#[test]
fn thirty_two_golfers_in_fours_for_seven_weeks_without_a_repeat() {
    let instance = tables_instance(32, 8, 4, 4);
    let plan = plan_rounds(&instance, &options(7, 1)).expect("plans");
    assert_eq!(plan.repeat_pairs, 0, "{:?}", plan.repeats);
    assert!(plan.stats.complete);
    assert_everyone_once_per_round(&instance, &plan);
    let counts = pair_counts(&plan);
    // 7 weeks × 8 groups × 6 pairs, every one a different pair.
    assert_eq!(counts.len(), 7 * 8 * 6);
    assert!(counts.values().all(|&n| n == 1));
}

/// A search stopped by its step limit (not the clock) gives the same plan for the same seed,
/// perturbations included; the repeats it reports are the ones in its tables.
#[test]
fn a_golfer_search_stopped_by_steps_is_the_same_for_a_seed() {
    let instance = tables_instance(32, 8, 4, 4);
    let stopped = |seed| {
        plan_rounds(
            &instance,
            &RoundsOptions {
                max_iterations: Some(3000),
                ..options(10, seed)
            },
        )
        .expect("plans")
    };
    let (a, b) = (stopped(4), stopped(4));
    assert_eq!(a, b);
    assert!(a.stats.perturbations > 0, "the stall limit was reached");
    assert_everyone_once_per_round(&instance, &a);
    let over: u64 = pair_counts(&a)
        .values()
        .filter(|&&n| n > 1)
        .map(|_| 1)
        .sum();
    assert_eq!(a.repeat_pairs, over);
}

/// Rounds planned after earlier ones, with those in `history.met`: in hard mode nobody meets
/// anyone from the history again.
#[test]
fn golfer_rounds_after_earlier_rounds_meet_nobody_from_the_history() {
    let instance = tables_instance(25, 5, 5, 5);
    let first = plan_rounds(&instance, &options(2, 5)).expect("plans");
    assert_eq!(first.repeat_pairs, 0);
    let mut next = instance.clone();
    for ((a, b), _) in pair_counts(&first) {
        next.history.met.push(samman::model::Met {
            people: [a, b],
            date: None,
        });
    }
    let later = plan_rounds(
        &next,
        &RoundsOptions {
            never_again: true,
            ..options(2, 6)
        },
    )
    .expect("plans");
    assert_eq!(later.repeat_pairs, 0, "{:?}", later.repeats);
    let before = pair_counts(&first);
    for pair in pair_counts(&later).keys() {
        assert!(!before.contains_key(pair), "{pair:?} met before");
    }
}

/// `Session::rounds` is `plan_rounds` on a validated instance: the same plan for the same
/// options, never-again or not (which changes the pair rules), and the errors classified.
#[test]
fn a_session_plans_the_same_rounds_as_the_function() {
    let mut instance = tables_instance(20, 5, 4, 4);
    instance.seekers[0].blocked.push("t1".into());
    instance
        .history
        .met
        .push(samman::model::Met::new("p1", "p2", None));
    instance.policy.novelty = Some(samman::model::Novelty::Penalty {
        half_life_days: 90.0,
    });
    let session = samman::Session::new(instance.clone()).expect("valid");
    for never_again in [false, true] {
        let options = RoundsOptions {
            never_again,
            max_iterations: Some(400),
            ..options(4, 2)
        };
        assert_eq!(
            session.rounds(&options).expect("plans"),
            plan_rounds(&instance, &options).expect("plans"),
            "never_again {never_again}"
        );
    }
    let error = session.rounds(&options(0, 1)).expect_err("0 rounds");
    assert_eq!(error.kind(), samman::ErrorKind::InvalidInput);
    assert_eq!(error.path(), Some("rounds"));
}
