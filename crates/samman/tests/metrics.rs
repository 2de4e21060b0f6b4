//! Each metric on a small example computed by hand, and stability cross-checked against a
//! brute-force reference on random small instances.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use samman::metrics::{MetricsOptions, Violation, evaluate};
use samman::model::{
    Diet, Gender, HostId, Instance, LanguageSkill, Level, Location, Meeting, Origin, Profile,
    Provider, Seeker, Weights,
};
use samman::plan::{Pair, Pairs};
use samman::rules::{Criterion, GroupRule, Rule};

/// Kilometres per 0.01 degree of longitude on the equator.
const KM: f64 = 6371.0088 * std::f64::consts::PI / 180.0 * 0.01;

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-6, "{a} is not {b}");
}

fn at(lon_hundredths: f64) -> Option<Location> {
    Some(Location {
        lat: 0.0,
        lon: lon_hundredths / 100.0,
    })
}

/// Scores are `1 + (1 - km / 10)`: only placement and distance count.
fn base() -> Instance {
    let mut instance = Instance::new();
    instance.policy.weights = Weights {
        placement: 1.0,
        distance: 1.0,
        language: 0.0,
        preference: 0.0,
        waiting: 0.0,
        continuity: 0.0,
        novelty: 0.0,
        topics: 0.0,
        reliability: 0.0,
        priority: 0.0,
    };
    instance
}

fn seeker(id: &str, lon: f64) -> Seeker {
    let mut s = Seeker::new(id);
    s.location = at(lon);
    s.max_travel_km = Some(10.0);
    s
}

fn provider(id: &str, capacity: u32, lon: f64) -> Provider {
    let mut p = Provider::new(id, capacity);
    p.location = at(lon);
    p
}

fn profile(origin: Origin, gender: Gender) -> Profile {
    Profile {
        origin: Some(origin),
        gender: Some(gender),
        ..Profile::default()
    }
}

#[test]
fn validity_lists_every_violation() {
    let mut instance = base();
    instance.seekers = vec![seeker("s1", 0.0), seeker("s2", 0.0), seeker("s3", 0.0)];
    instance.seekers[2].languages = vec![LanguageSkill::new("ar", Level::Native)];
    instance.providers = vec![provider("p1", 1, 0.0), provider("p2", 3, 0.0)];
    instance.providers[1].languages = vec![LanguageSkill::new("sv", Level::Native)];
    instance.constraints.locked = vec![Pair {
        seeker: "s3".into(),
        provider: "p1".into(),
    }];
    let plan = Pairs::from_pairs([
        ("s1", "p1"),
        ("s2", "p1"),
        ("s3", "p2"),
        ("s1", "p2"),
        ("ghost", "p1"),
        ("s2", "nowhere"),
    ]);
    let report = evaluate(&instance, &plan, &MetricsOptions::default()).unwrap();
    assert!(!report.validity.valid);
    assert_eq!(
        report.validity.violations,
        vec![
            Violation::PairRules {
                seeker: "s3".into(),
                provider: "p2".into(),
                rules: vec![Rule::Language],
            },
            Violation::PlacedTwice {
                entry: 3,
                seeker: "s1".into(),
            },
            Violation::UnknownSeeker {
                entry: 4,
                seeker: "ghost".into(),
            },
            Violation::UnknownProvider {
                entry: 5,
                provider: "nowhere".into(),
            },
            Violation::GroupRules {
                provider: "p1".into(),
                rules: vec![GroupRule::Capacity],
            },
            Violation::LockNotKept {
                seeker: "s3".into(),
                provider: "p1".into(),
            },
        ]
    );
    let valid = Pairs::from_pairs([("s1", "p2"), ("s3", "p1")]);
    let report = evaluate(&instance, &valid, &MetricsOptions::default()).unwrap();
    assert!(report.validity.valid, "{:?}", report.validity.violations);
}

#[test]
fn placement_and_score() {
    let mut instance = base();
    instance.seekers = vec![seeker("s1", 0.0), seeker("s2", 1.0), seeker("s3", 0.0)];
    instance.seekers[1].party_size = 2;
    instance.providers = vec![provider("p1", 4, 0.0), provider("p2", 2, 0.0)];
    let plan = Pairs::from_pairs([("s1", "p1"), ("s2", "p1")]);
    let r = evaluate(&instance, &plan, &MetricsOptions::default()).unwrap();
    let p = &r.placement;
    assert_eq!((p.parties, p.parties_placed), (3, 2));
    assert_eq!((p.people, p.people_placed), (4, 3));
    close(p.party_rate.unwrap(), 2.0 / 3.0);
    close(p.people_rate.unwrap(), 0.75);
    assert_eq!((p.providers, p.providers_taking_place), (2, 1));
    assert_eq!((p.seats, p.seats_used), (6, 3));
    close(p.seat_rate.unwrap(), 0.5);
    // s1: 1 + 1; s2: 1 + (1 - KM / 10).
    let s2 = 2.0 - KM / 10.0;
    close(r.score.total, 2.0 + s2);
    close(r.score.mean.unwrap(), (2.0 + s2) / 2.0);
    let distance = &r.score.criteria[&Criterion::Distance];
    close(distance.mean, (1.0 + 1.0 - KM / 10.0) / 2.0);
    close(distance.weight, 1.0);
    close(distance.mean_contribution, distance.mean);
    close(r.score.criteria[&Criterion::Novelty].mean, 1.0);
    close(r.score.criteria[&Criterion::Novelty].mean_contribution, 0.0);
}

#[test]
fn preferences_ranks() {
    let mut instance = base();
    instance.providers = (1..=4)
        .map(|j| provider(&format!("p{j}"), 5, 0.0))
        .collect();
    let lists: [&[&str]; 5] = [
        &["p1", "p2"],
        &["p2", "p1"],
        &["p4", "p3", "p2", "p1"],
        &["p1"],
        &[],
    ];
    instance.seekers = lists
        .iter()
        .enumerate()
        .map(|(i, list)| {
            let mut s = seeker(&format!("s{i}"), 0.0);
            s.preferences = list.iter().map(|&p| p.into()).collect();
            s
        })
        .collect();
    // s0 first choice, s1 second, s2 fourth, s3 unplaced, s4 has no list.
    let plan = Pairs::from_pairs([("s0", "p1"), ("s1", "p1"), ("s2", "p1"), ("s4", "p2")]);
    let r = evaluate(&instance, &plan, &MetricsOptions::default()).unwrap();
    let p = &r.preferences;
    assert_eq!(p.seekers_with_list, 4);
    assert_eq!(p.ranks, vec![1, 1, 0, 1]);
    assert_eq!((p.unlisted, p.unplaced), (0, 1));
    close(p.first_choice.unwrap(), 0.25);
    close(p.top3.unwrap(), 0.5);
    close(p.mean_rank.unwrap(), (1.0 + 2.0 + 4.0) / 3.0);
    let plan = Pairs::from_pairs([("s3", "p2")]);
    let r = evaluate(&instance, &plan, &MetricsOptions::default()).unwrap();
    assert_eq!(r.preferences.unlisted, 1);
    assert_eq!(r.preferences.mean_rank, None);
}

#[test]
fn stability_by_hand() {
    // One seat; a is nearer (scores higher) than b.
    let mut instance = base();
    instance.seekers = vec![seeker("a", 0.0), seeker("b", 2.0)];
    instance.providers = vec![provider("p", 1, 0.0)];
    let options = MetricsOptions {
        list_blocking_pairs: true,
        ..MetricsOptions::default()
    };
    let r = evaluate(&instance, &Pairs::from_pairs([("b", "p")]), &options).unwrap();
    assert_eq!(r.stability.blocking_pairs, 1);
    let list = r.stability.blocking_pair_list.unwrap();
    assert_eq!(
        (list[0].seeker.as_str(), list[0].provider.as_str()),
        ("a", "p")
    );
    assert_eq!(r.stability.justified_envy, 1);
    assert_eq!(r.stability.seekers_with_justified_envy, 1);
    let r = evaluate(&instance, &Pairs::from_pairs([("a", "p")]), &options).unwrap();
    assert_eq!(r.stability.blocking_pairs, 0);
    assert_eq!(r.stability.justified_envy, 0);
    // An empty plan: both would take the free seat.
    let r = evaluate(&instance, &Pairs::default(), &options).unwrap();
    assert_eq!(r.stability.blocking_pairs, 2);
    assert_eq!(r.stability.justified_envy, 0);

    // Parties: three seats, t1 (near) and t2 (far) hold two; a party of three in between is
    // preferred to t2 only, and t2's seat plus the free one are not enough for it.
    let mut instance = base();
    instance.seekers = vec![seeker("t1", 0.0), seeker("t2", 4.0), seeker("s", 2.0)];
    instance.seekers[2].party_size = 3;
    instance.providers = vec![provider("p", 3, 0.0)];
    let plan = Pairs::from_pairs([("t1", "p"), ("t2", "p")]);
    let r = evaluate(&instance, &plan, &options).unwrap();
    assert_eq!(r.stability.blocking_pairs, 0);
    assert_eq!(r.stability.justified_envy, 0);
    // A party of two fits in t2's seat plus the free one: blocking and justified envy.
    instance.seekers[2].party_size = 2;
    let r = evaluate(&instance, &plan, &options).unwrap();
    assert_eq!(r.stability.blocking_pairs, 1);
    assert_eq!(r.stability.justified_envy, 1);
    // Explicit lists come before scores: listed first, s is below t2 and, on score, t1.
    instance.providers[0].preferences = vec!["t2".into()];
    let r = evaluate(&instance, &plan, &options).unwrap();
    assert_eq!(r.stability.blocking_pairs, 0);
    assert_eq!(r.stability.justified_envy, 0);
    // Listing s first: it beats both, envies both, and blocks.
    instance.providers[0].preferences = vec!["s".into()];
    let r = evaluate(&instance, &plan, &options).unwrap();
    assert_eq!(r.stability.blocking_pairs, 1);
    assert_eq!(r.stability.justified_envy, 2);
    instance.providers[0].preferences = vec!["t2".into(), "t1".into()];
    let r = evaluate(&instance, &plan, &options).unwrap();
    assert_eq!(r.stability.blocking_pairs, 0, "s is unlisted: below both");
}

fn fairness_instance() -> Instance {
    let mut instance = base();
    instance.providers = vec![provider("p", 100, 0.0)];
    // 6 newcomers, 5 established, 4 with no origin given; 4 vegans.
    for i in 0..15 {
        let mut s = seeker(&format!("s{i:02}"), 0.0);
        s.profile.origin = match i {
            0..6 => Some(Origin::Newcomer),
            6..11 => Some(Origin::Established),
            _ => None,
        };
        if i % 4 == 0 {
            s.diet = vec![Diet::Vegan];
        }
        instance.seekers.push(s);
    }
    instance
}

#[test]
fn fairness_and_small_cells() {
    let instance = fairness_instance();
    // Place 3 of the 6 newcomers, all established, one of those with no origin.
    let placed = [
        "s00", "s01", "s02", "s06", "s07", "s08", "s09", "s10", "s11",
    ];
    let plan = Pairs::from_pairs(placed.iter().map(|&s| (s, "p")));
    let options = MetricsOptions {
        min_group_size: 5,
        ..MetricsOptions::default()
    };
    let r = evaluate(&instance, &plan, &options).unwrap();
    let origin = r
        .fairness
        .attributes
        .iter()
        .find(|a| a.attribute == "origin")
        .unwrap();
    let values: Vec<&str> = origin.groups.iter().map(|g| g.value.as_str()).collect();
    // not_given (4) is below k; established (5), the smallest other, is suppressed with it
    // so that the totals do not give not_given away. Neither is named: one entry stands for
    // both.
    assert_eq!(values, ["newcomer", "suppressed"]);
    let [newcomer, hidden] = &origin.groups[..] else {
        panic!()
    };
    assert!(hidden.suppressed);
    assert_eq!(hidden.seekers, None);
    assert_eq!(hidden.placement_rate, None);
    assert_eq!(hidden.mean_score, None);
    assert!(!newcomer.suppressed);
    assert_eq!(newcomer.seekers, Some(6));
    close(newcomer.placement_rate.unwrap(), 0.5);
    // Every match scores 2 (same place): mean seeker score 3 × 2 / 6.
    close(newcomer.mean_score.unwrap(), 1.0);
    close(newcomer.mean_match_score.unwrap(), 2.0);
    close(origin.placement_rate_ratio.unwrap(), 1.0);
    assert_eq!(origin.worst_off_group.as_deref(), Some("newcomer"));
    // Diet groups overlap, so no secondary suppression: vegan (4) hidden, none (11) shown.
    let diet = r
        .fairness
        .attributes
        .iter()
        .find(|a| a.attribute == "diet")
        .unwrap();
    assert!(diet.groups.iter().all(|g| g.value != "vegan"));
    assert!(diet.groups.last().unwrap().suppressed);
    let none = diet.groups.iter().find(|g| g.value == "none").unwrap();
    assert_eq!(none.seekers, Some(11));
    // Vegans: s00, s04, s08, s12; others placed: s01 s02 s06 s07 s09 s10 s11 = 7 of 11.
    close(none.placement_rate.unwrap(), 7.0 / 11.0);
    // Gini over 15 seekers, 9 at 2 and 6 at 0: Σ|xi - xj| = 2 × 9 × 6 × 2, 2 n² mean = 2 × 225 × 1.2.
    close(r.fairness.gini.unwrap(), 216.0 / 540.0);

    // With k = 4 every origin group is reported, and the ratio compares them.
    let r = evaluate(
        &instance,
        &plan,
        &MetricsOptions {
            min_group_size: 4,
            ..options
        },
    )
    .unwrap();
    let origin = &r.fairness.attributes[0];
    assert!(origin.groups.iter().all(|g| !g.suppressed));
    close(origin.placement_rate_ratio.unwrap(), 0.25);
    close(origin.placement_rate_difference.unwrap(), 0.75);
    assert_eq!(origin.worst_off_group.as_deref(), Some("not_given"));
    close(origin.worst_off_score.unwrap(), 0.5);
    close(origin.mean_score_ratio.unwrap(), 0.25);
}

#[test]
fn a_group_of_four_is_never_reported_with_k_five() {
    let instance = fairness_instance();
    let plan = Pairs::from_pairs([("s12", "p")]);
    let r = evaluate(&instance, &plan, &MetricsOptions::default()).unwrap();
    let json = serde_json::to_value(&r.fairness).unwrap();
    let origin = json["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["attribute"] == "origin")
        .unwrap();
    let groups = origin["groups"].as_array().unwrap();
    assert!(
        groups.iter().all(|g| g["value"] != "not_given"),
        "{groups:?}"
    );
    let hidden = groups.last().unwrap();
    assert_eq!(hidden["value"], "suppressed");
    assert_eq!(hidden["suppressed"], true);
    assert!(hidden["seekers"].is_null());
    assert!(hidden["placement_rate"].is_null());
    assert!(hidden["mean_score"].is_null());
}

#[test]
fn composition_travel_language_history_reliability() {
    let mut instance = base();
    instance.policy.rules.min_language_level = Level::Basic;
    instance.policy.composition.no_lone = vec!["age_band".into()];
    let mut p1 = provider("p1", 6, 0.0);
    p1.host = Some(HostId::from("h1"));
    p1.host_profile = Some(profile(Origin::Established, Gender::Female));
    p1.host_size = 2;
    p1.languages = vec![LanguageSkill::new("sv", Level::Native)];
    p1.reliability.completed = 8; // no-show (0 + 0.5) / 10
    let mut p2 = provider("p2", 6, 0.0);
    p2.host_profile = Some(profile(Origin::Newcomer, Gender::Mixed));
    p2.languages = vec![LanguageSkill::new("ar", Level::Native)];
    p2.reliability.no_show = 2; // (2 + 0.5) / 4
    instance.providers = vec![p1, p2];
    let people = [
        // id, lon (hundredths), party, origin, gender, language
        (
            "a",
            1.0,
            2,
            Origin::Newcomer,
            Gender::Female,
            Some(("sv", Level::Basic)),
        ),
        (
            "b",
            2.0,
            1,
            Origin::Established,
            Gender::Female,
            Some(("sv", Level::Native)),
        ),
        (
            "c",
            3.0,
            1,
            Origin::Newcomer,
            Gender::Mixed,
            Some(("ar", Level::Fluent)),
        ),
        ("d", 4.0, 1, Origin::Newcomer, Gender::Other, None),
    ];
    for (id, lon, size, origin, gender, language) in people {
        let mut s = seeker(id, lon);
        s.party_size = size;
        s.profile = profile(origin, gender);
        s.languages = language
            .map(|(c, l)| vec![LanguageSkill::new(c, l)])
            .unwrap_or_default();
        instance.seekers.push(s);
    }
    instance.history.meetings = vec![
        Meeting {
            seeker: "a".into(),
            host: "p2".into(),
            date: None,
        },
        Meeting {
            seeker: "a".into(),
            host: "h1".into(),
            date: None,
        },
        Meeting {
            seeker: "c".into(),
            host: "h1".into(),
            date: None,
        },
    ];
    let plan = Pairs::from_pairs([("a", "p1"), ("b", "p1"), ("c", "p2"), ("d", "p2")]);
    let options = MetricsOptions::default();
    let r = evaluate(&instance, &plan, &options).unwrap();
    assert!(r.validity.valid, "{:?}", r.validity.violations);

    // p1: host 2 established + a 2 newcomers + b 1 established: newcomers 2 of 5.
    // p2: host 1 newcomer + c 1 + d 1 newcomers: 3 of 3.
    let c = &r.composition;
    assert_eq!(c.providers_taking_place, 2);
    let share = c.newcomer_share.as_ref().unwrap();
    close(share.mean, (0.4 + 1.0) / 2.0);
    close(share.min, 0.4);
    close(share.max, 1.0);
    assert_eq!(c.single_origin_providers, 1);
    // Gender: p1 is all female (5), p2 is mixed 2, other 1: a lone member at p2.
    assert_eq!(c.lone_member_providers["gender"], 1);
    assert_eq!(c.lone_member_providers["origin"], 0);
    assert_eq!(c.lone_member_providers["age_band"], 0);
    // Origin mixing: p1 Blau 1 - (0.4² + 0.6²) = 0.48, p2 0; everyone 5 newcomers of 8:
    // 1 - (25 + 9) / 64 = 30 / 64.
    close(c.mixing_index["origin"].unwrap(), 0.24 / (30.0 / 64.0));
    assert_eq!(c.mixing_index["age_band"], None);

    // Travel: 1, 2, 3 and 4 hundredths of a degree.
    let t = &r.travel;
    assert_eq!(t.matches_measured, 4);
    close(t.mean_km.unwrap(), 2.5 * KM);
    close(t.median_km.unwrap(), 2.5 * KM);
    close(t.p90_km.unwrap(), 4.0 * KM);
    close(t.max_km.unwrap(), 4.0 * KM);

    // Language: a shares sv at basic only; b native; c ar fluent; d lists none.
    assert_eq!(r.language.matches_measured, 3);
    close(r.language.shared_conversational.unwrap(), 2.0 / 3.0);

    // History: a met h1 (p1's host) last, and is kept; c met h1 but is at p2.
    let h = &r.history;
    assert_eq!(h.repeated_pairs, 1);
    assert_eq!(h.seekers_with_history, 2);
    assert_eq!(h.kept_pairs, 1);
    close(h.continuity_rate.unwrap(), 0.5);

    // Reliability: 0.05 + 0.625 providers; 3 × 0.05 + 2 × 0.625 people.
    close(r.reliability.expected_no_shows, 0.675);
    close(r.reliability.expected_people_affected, 0.15 + 1.25);
}

/// Brute-force reference: every pair checked by the rules, preferences compared by explicit
/// list and then score, and a provider's room found by trying every subset of its group.
fn brute_force(instance: &Instance, plan: &Pairs) -> (usize, usize) {
    let session = samman::Session::new(instance.clone()).expect("a valid instance");
    let rules = session.rules();
    let ix = |id: &str| instance.seekers.iter().position(|s| s.id.as_str() == id);
    let px = |id: &str| instance.providers.iter().position(|p| p.id.as_str() == id);
    let mut at: Vec<Option<usize>> = vec![None; instance.seekers.len()];
    for m in &plan.matches {
        at[ix(m.seeker.as_str()).unwrap()] = px(m.provider.as_str());
    }
    let score = |s: usize, p: usize| rules.score(&rules.breakdown(s, p));
    // (listed, -rank, score) compared lexicographically.
    let key = |rank: Option<usize>, s: usize, p: usize| {
        (
            i64::from(rank.is_some()),
            -(rank.unwrap_or(0) as i64),
            score(s, p),
        )
    };
    let better = |a: (i64, i64, f64), b: (i64, i64, f64)| {
        a.0 > b.0 || (a.0 == b.0 && (a.1 > b.1 || (a.1 == b.1 && a.2 > b.2 + 1e-9)))
    };
    let size = |s: usize| i64::from(instance.seekers[s].party_size);
    let (mut blocking, mut envy) = (0, 0);
    for s in 0..instance.seekers.len() {
        for p in 0..instance.providers.len() {
            if at[s] == Some(p) || rules.check(s, p).is_err() {
                continue;
            }
            let wants = match at[s] {
                None => true,
                Some(q) => better(
                    key(rules.seeker_rank(s, p), s, p),
                    key(rules.seeker_rank(s, q), s, q),
                ),
            };
            if !wants {
                continue;
            }
            let group: Vec<usize> = (0..instance.seekers.len())
                .filter(|&t| at[t] == Some(p))
                .collect();
            let used: i64 = group.iter().map(|&t| size(t)).sum();
            let cap = i64::from(instance.providers[p].capacity);
            let prefers = |t: usize| {
                better(
                    key(rules.provider_rank(s, p), s, p),
                    key(rules.provider_rank(t, p), t, p),
                )
            };
            let mut fits = false;
            for mask in 0u32..(1 << group.len()) {
                let out: Vec<usize> = (0..group.len())
                    .filter(|i| mask & (1 << i) != 0)
                    .map(|i| group[i])
                    .collect();
                if out.iter().all(|&t| prefers(t))
                    && used - out.iter().map(|&t| size(t)).sum::<i64>() + size(s) <= cap
                {
                    fits = true;
                }
            }
            blocking += usize::from(fits);
            for &t in &group {
                if prefers(t) && size(s) <= cap - used + size(t) {
                    envy += 1;
                }
            }
        }
    }
    (blocking, envy)
}

#[test]
fn stability_matches_brute_force_on_random_instances() {
    let mut rng = ChaCha8Rng::seed_from_u64(20_260_905);
    let (mut total_blocking, mut total_envy) = (0, 0);
    for round in 0..150 {
        let mut instance = base();
        instance.policy.weights.preference = 0.5;
        let n_seekers = rng.random_range(1..=7);
        let n_providers = rng.random_range(1..=4);
        for j in 0..n_providers {
            // The first has room for a party of two, so that the instance is valid.
            let capacity = rng.random_range(if j == 0 { 2 } else { 1 }..=4);
            let mut p = provider(&format!("p{j}"), capacity, rng.random_range(0.0..8.0));
            if rng.random_bool(0.3) {
                p.preferences = (0..n_seekers)
                    .filter(|_| rng.random_bool(0.5))
                    .map(|i| format!("s{i}").into())
                    .collect();
            }
            instance.providers.push(p);
        }
        for i in 0..n_seekers {
            let mut s = seeker(&format!("s{i}"), rng.random_range(0.0..8.0));
            s.party_size = rng.random_range(1..=2);
            s.max_travel_km = Some(rng.random_range(2.0..9.0));
            if rng.random_bool(0.4) {
                s.preferences = (0..n_providers)
                    .filter(|_| rng.random_bool(0.6))
                    .map(|j| format!("p{j}").into())
                    .collect();
            }
            instance.seekers.push(s);
        }
        // A random plan, feasible or not, over capacity or not.
        let mut pairs = Vec::new();
        for i in 0..n_seekers {
            if rng.random_bool(0.7) {
                pairs.push((
                    format!("s{i}"),
                    format!("p{}", rng.random_range(0..n_providers)),
                ));
            }
        }
        let plan = Pairs::from_pairs(pairs);
        let r = evaluate(&instance, &plan, &MetricsOptions::default()).unwrap();
        let (blocking, envy) = brute_force(&instance, &plan);
        assert_eq!(r.stability.blocking_pairs, blocking, "round {round}");
        assert_eq!(r.stability.justified_envy, envy, "round {round}");
        total_blocking += blocking;
        total_envy += envy;
    }
    assert!(
        total_blocking > 0 && total_envy > 0,
        "the random instances exercise both"
    );
}
