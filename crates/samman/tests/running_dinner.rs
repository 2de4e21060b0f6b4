//! Running dinners: every route valid (each team hosts exactly once, at home; tables meet
//! once; every guest catered for; course wishes kept), travel above its lower bound, odd
//! numbers stated, cancellations filled or re-routed with few changes.

use std::collections::{BTreeMap, HashMap};

use samman::model::Diet;
use samman::rules::diet_ok;
use samman::running_dinner::{DinnerPlan, RunningDinner, cancel, generate, plan};

/// Everything a valid plan promises, checked from its routes alone.
fn assert_valid(dinner: &RunningDinner, evening: &DinnerPlan) {
    let c = dinner.courses as usize;
    let teams: HashMap<&str, _> = dinner.teams.iter().map(|t| (t.id.as_str(), t)).collect();
    assert_eq!(evening.teams.len(), dinner.teams.len());
    // Tables per course, rebuilt from the routes.
    let mut tables: BTreeMap<(usize, &str), Vec<&str>> = BTreeMap::new();
    for route in &evening.teams {
        assert_eq!(route.route.len(), c);
        let own: Vec<usize> = (0..c).filter(|&k| route.route[k] == route.id).collect();
        assert_eq!(
            own,
            vec![route.hosts as usize - 1],
            "{} hosts exactly once",
            route.id
        );
        assert!(
            !teams[route.id.as_str()].cannot_host.contains(&route.hosts),
            "{} hosts a course it cannot cook",
            route.id
        );
        for (k, host) in route.route.iter().enumerate() {
            tables
                .entry((k, host.as_str()))
                .or_default()
                .push(&route.id);
        }
    }
    let hosts: HashMap<&str, u32> = evening
        .teams
        .iter()
        .map(|r| (r.id.as_str(), r.hosts))
        .collect();
    let mut met: HashMap<(&str, &str), u32> = HashMap::new();
    let mut uncatered = 0;
    for ((k, host), members) in &tables {
        assert_eq!(
            hosts[host],
            *k as u32 + 1,
            "{host} is home at course {}",
            k + 1
        );
        assert!(members.len() >= 2, "a table has a guest");
        for &a in members {
            if a != *host && !diet_ok(&teams[a].diet, &teams[host].caters) {
                uncatered += 1;
            }
            for &b in members {
                if a < b {
                    *met.entry((a, b)).or_insert(0) += 1;
                }
            }
        }
    }
    let repeats: u32 = met.values().map(|&n| n - 1).sum();
    assert_eq!(u64::from(repeats), evening.repeat_meetings);
    assert_eq!(uncatered, evening.uncatered);
    let km: f64 = evening.teams.iter().map(|r| r.km).sum();
    assert!((km - evening.total_km).abs() < 1e-6);
}

#[test]
fn generated_dinners_get_valid_routes_without_repeats() {
    for (teams, seed) in [(9, 1), (12, 2), (30, 3), (31, 4), (32, 5)] {
        let dinner = generate(teams, seed);
        let evening = plan(&dinner, seed).expect("plans");
        assert_valid(&dinner, &evening);
        assert_eq!(evening.repeat_meetings, 0, "{teams} teams");
        assert_eq!(evening.uncatered, 0, "{teams} teams");
        assert!(evening.total_km + 1e-9 >= evening.lower_bound_km);
        assert!(evening.lower_bound_km > 0.0);
        assert_eq!(
            evening.notes.is_empty(),
            teams % 3 == 0,
            "{:?}",
            evening.notes
        );
    }
}

#[test]
fn teams_on_a_tight_grid_keep_valid_routes_for_many_seeds() {
    // Close homes make swapping the courses two teams host attractive: routes must stay whole.
    let mut dinner = generate(12, 1);
    for (i, team) in dinner.teams.iter_mut().enumerate() {
        team.location.lat = 59.33 + 0.001 * (i % 4) as f64;
        team.location.lon = 18.06 + 0.001 * (i / 4) as f64;
        team.cannot_host.clear();
        team.diet.clear();
    }
    for seed in 0..6 {
        let evening = plan(&dinner, seed).expect("plans");
        assert_valid(&dinner, &evening);
        assert_eq!(evening.repeat_meetings, 0);
    }
}

#[test]
fn four_courses_and_teams_of_any_size() {
    let mut dinner = generate(20, 7);
    dinner.courses = 4;
    for (i, team) in dinner.teams.iter_mut().enumerate() {
        team.size = 1 + (i as u32 % 5);
    }
    let evening = plan(&dinner, 1).expect("plans");
    // Valid whatever repeats are left (tables of four teams for four courses is tight).
    assert_valid(&dinner, &evening);
    let people: u32 = evening
        .tables
        .iter()
        .filter(|t| t.course == 1)
        .map(|t| t.people)
        .sum();
    assert_eq!(people, dinner.teams.iter().map(|t| t.size).sum::<u32>());
}

#[test]
fn the_same_seed_gives_the_same_evening() {
    let dinner = generate(24, 3);
    assert_eq!(
        plan(&dinner, 5).expect("plans"),
        plan(&dinner, 5).expect("plans")
    );
}

#[test]
fn course_wishes_that_cannot_be_met_are_refused_with_the_reason() {
    let mut dinner = generate(9, 1);
    for team in &mut dinner.teams[..7] {
        team.cannot_host = vec![1, 2];
    }
    let error = plan(&dinner, 1).expect_err("only two teams may cook courses 1 and 2");
    assert!(error.to_string().contains("cannot_host"), "{error}");
    dinner.teams[0].cannot_host = vec![1, 2, 3];
    let error = plan(&dinner, 1).expect_err("a team that cannot host");
    assert!(
        error.to_string().starts_with("teams[0].cannot_host"),
        "{error}"
    );
}

#[test]
fn a_vegan_guest_is_only_seated_where_the_kitchen_caters_for_it() {
    let mut dinner = generate(18, 11);
    for team in &mut dinner.teams {
        team.caters = vec![Diet::Vegetarian];
        team.diet.clear();
    }
    dinner.teams[0].diet = vec![Diet::Vegan];
    for team in &mut dinner.teams[1..7] {
        team.caters.push(Diet::Vegan);
    }
    let evening = plan(&dinner, 2).expect("plans");
    assert_valid(&dinner, &evening);
    assert_eq!(evening.uncatered, 0);
}

#[test]
fn a_cancellation_is_filled_from_the_waiting_list_changing_one_table() {
    let dinner = generate(18, 21);
    let evening = plan(&dinner, 1).expect("plans");
    let gone = evening.teams[4].id.clone();
    let next = cancel(&dinner, &evening, std::slice::from_ref(&gone), 1).expect("re-plans");
    assert_eq!(next.from_waiting_list.len(), 1);
    let substitute = &next.from_waiting_list[0];
    // Only the guests at the cancelled team's table see a new address.
    let guests = evening
        .tables
        .iter()
        .find(|t| t.host == gone)
        .expect("a table")
        .guests
        .len();
    assert_eq!(next.changes.len(), guests);
    assert!(
        next.changes
            .iter()
            .all(|c| c.from == gone && c.to == *substitute)
    );
    let mut after = dinner.clone();
    let k = after
        .teams
        .iter()
        .position(|t| t.id == gone)
        .expect("there");
    after.teams[k] = dinner
        .waiting_list
        .iter()
        .find(|w| w.id == *substitute)
        .expect("waiting")
        .clone();
    after.waiting_list.retain(|w| w.id != *substitute);
    assert_valid(&after, &next);
}

#[test]
fn a_cancellation_without_a_waiting_list_re_routes_only_its_guests() {
    let mut dinner = generate(19, 5);
    dinner.waiting_list.clear();
    let evening = plan(&dinner, 3).expect("plans");
    let gone = evening.teams[0].id.clone();
    let next = cancel(&dinner, &evening, std::slice::from_ref(&gone), 3).expect("re-plans");
    assert!(next.from_waiting_list.is_empty());
    let mut after = dinner.clone();
    after.teams.retain(|t| t.id != gone);
    assert_valid(&after, &next);
    let hosted = evening
        .tables
        .iter()
        .find(|t| t.host == gone)
        .expect("a table");
    assert_eq!(next.changes.len(), hosted.guests.len());
    // Everyone else keeps their route but for the cancelled team's home.
    for route in &next.teams {
        let before = evening
            .teams
            .iter()
            .find(|r| r.id == route.id)
            .expect("there");
        let differ = (0..3)
            .filter(|&k| before.route[k] != route.route[k])
            .count();
        assert!(differ <= 1);
    }
    assert_eq!(next.repeat_meetings, 0);
    assert!(!next.notes.is_empty());
}

#[test]
fn the_lower_bound_holds_against_every_plan_of_a_small_dinner() {
    // Six teams, two courses: every assignment of hosts and guests enumerated.
    let mut dinner = generate(6, 8);
    dinner.courses = 2;
    for team in &mut dinner.teams {
        team.cannot_host.clear();
        team.diet.clear();
    }
    let evening = plan(&dinner, 1).expect("plans");
    let km = |a: usize, b: usize| {
        dinner.teams[a]
            .location
            .distance_km(dinner.teams[b].location)
    };
    let mut best = f64::INFINITY;
    // Hosts of course 1: any 3 of 6; guests of each course at the other course's hosts.
    for mask in 0u32..64 {
        if mask.count_ones() != 3 {
            continue;
        }
        let first: Vec<usize> = (0..6).filter(|&t| mask & (1 << t) != 0).collect();
        let second: Vec<usize> = (0..6).filter(|&t| mask & (1 << t) == 0).collect();
        // Each course-2 host visits a course-1 host, and each course-1 host visits a course-2
        // host, as permutations (one guest per table).
        let perms = [
            [0, 1, 2],
            [0, 2, 1],
            [1, 0, 2],
            [1, 2, 0],
            [2, 0, 1],
            [2, 1, 0],
        ];
        for p in &perms {
            for q in &perms {
                // Team second[i] eats course 1 at first[p[i]], then home; team first[j] eats
                // course 1 at home, then at second[q[j]]. A repeat: second[i] at first[p[i]]
                // and first[p[i]] at second[i].
                if (0..3).any(|i| q[p[i]] == i) {
                    continue;
                }
                let total: f64 = (0..3)
                    .map(|i| km(second[i], first[p[i]]) + km(first[i], second[q[i]]))
                    .sum();
                best = best.min(total);
            }
        }
    }
    assert!(
        evening.lower_bound_km <= best + 1e-9,
        "{} > {best}",
        evening.lower_bound_km
    );
    assert!(evening.total_km + 1e-9 >= best);
}
