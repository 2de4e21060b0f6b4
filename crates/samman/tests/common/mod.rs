//! Small random domain instances and brute-force references shared by the solver tests.
#![allow(dead_code)]

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use samman::graph::CandidateGraph;
use samman::model::{Instance, Provider, Seeker};

/// Shape of a random small instance.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub max_seekers: usize,
    pub max_providers: usize,
    pub max_capacity: u32,
    pub max_party: u32,
    /// Group rules (minimum, composition, gender, keep-together and -apart) on.
    pub groups: bool,
    /// Explicit preference lists on both sides.
    pub preferences: bool,
}

/// A random valid instance: remote seekers and providers (every pair feasible but for random
/// blocks), scores varied by priority and preference lists.
pub fn random_instance(seed: u64, shape: Shape) -> Instance {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut instance = Instance::new();
    instance.policy.composition.enforce = shape.groups;
    instance.policy.rules.gender_parties = shape.groups;
    let n_s = rng.random_range(1..=shape.max_seekers);
    let n_p = rng.random_range(1..=shape.max_providers);
    for j in 0..n_p {
        let capacity = rng.random_range(1..=shape.max_capacity);
        let mut p = Provider::new(&format!("p{j}"), capacity);
        if shape.groups {
            p.minimum = rng.random_range(0..=capacity.min(2));
            p.host_profile = Some(samman::model::Profile {
                origin: Some(if rng.random_bool(0.7) {
                    samman::model::Origin::Established
                } else {
                    samman::model::Origin::Newcomer
                }),
                ..Default::default()
            });
        }
        instance.providers.push(p);
    }
    let largest = instance
        .providers
        .iter()
        .map(|p| p.capacity)
        .max()
        .unwrap_or(1);
    for i in 0..n_s {
        let mut s = Seeker::new(&format!("s{i}"));
        s.party_size = rng.random_range(1..=shape.max_party.min(largest));
        s.priority = f64::from(rng.random_range(0..8u32)) / 4.0;
        if shape.groups {
            s.profile.origin = Some(if rng.random_bool(0.6) {
                samman::model::Origin::Newcomer
            } else {
                samman::model::Origin::Established
            });
            s.profile.gender = Some(
                [
                    samman::model::Gender::Female,
                    samman::model::Gender::Male,
                    samman::model::Gender::Mixed,
                ][rng.random_range(0..3)],
            );
        }
        instance.seekers.push(s);
    }
    for i in 0..n_s {
        for j in 0..n_p {
            if rng.random_bool(0.25) {
                let id = instance.providers[j].id.clone();
                instance.seekers[i].blocked.push(id);
            }
        }
        if shape.preferences || rng.random_bool(0.3) {
            let mut list: Vec<usize> = (0..n_p).filter(|_| rng.random_bool(0.8)).collect();
            if list.is_empty() {
                list.push(rng.random_range(0..n_p));
            }
            shuffle(&mut list, &mut rng);
            instance.seekers[i].preferences = list
                .iter()
                .map(|&j| instance.providers[j].id.clone())
                .collect();
        }
    }
    for j in 0..n_p {
        if shape.preferences || rng.random_bool(0.3) {
            let mut list: Vec<usize> = (0..n_s).filter(|_| rng.random_bool(0.8)).collect();
            if list.is_empty() {
                list.push(rng.random_range(0..n_s));
            }
            shuffle(&mut list, &mut rng);
            instance.providers[j].preferences = list
                .iter()
                .map(|&i| instance.seekers[i].id.clone())
                .collect();
        }
    }
    if shape.groups && n_s >= 3 {
        let a = rng.random_range(0..n_s);
        let b = (a + 1) % n_s;
        let c = (a + 2) % n_s;
        if rng.random_bool(0.5) {
            instance.constraints.keep_apart = vec![vec![
                instance.seekers[a].id.clone(),
                instance.seekers[b].id.clone(),
            ]];
        }
        if rng.random_bool(0.5) {
            instance.constraints.keep_together = vec![vec![
                instance.seekers[b].id.clone(),
                instance.seekers[c].id.clone(),
            ]];
        }
    }
    instance
}

fn shuffle<T>(list: &mut [T], rng: &mut ChaCha8Rng) {
    for i in (1..list.len()).rev() {
        list.swap(i, rng.random_range(0..=i));
    }
}

/// Every plan that respects seats (no group rules), as one choice per seeker: `None` or an
/// edge of the graph. Calls `visit` with each.
pub fn each_plan(
    instance: &Instance,
    graph: &CandidateGraph,
    visit: &mut dyn FnMut(&[Option<usize>]),
) {
    let mut seats: Vec<u32> = instance.providers.iter().map(|p| p.capacity).collect();
    let mut choice = vec![None; instance.seekers.len()];
    fn go(
        s: usize,
        instance: &Instance,
        graph: &CandidateGraph,
        seats: &mut Vec<u32>,
        choice: &mut Vec<Option<usize>>,
        visit: &mut dyn FnMut(&[Option<usize>]),
    ) {
        if s == instance.seekers.len() {
            visit(choice);
            return;
        }
        choice[s] = None;
        go(s + 1, instance, graph, seats, choice, visit);
        let size = instance.seekers[s].party_size;
        for e in graph.edge_range(s) {
            let p = graph.candidates_by_edge(e).provider as usize;
            if seats[p] >= size {
                seats[p] -= size;
                choice[s] = Some(e);
                go(s + 1, instance, graph, seats, choice, visit);
                seats[p] += size;
            }
        }
        choice[s] = None;
    }
    go(0, instance, graph, &mut seats, &mut choice, visit);
}

/// (people, score) of a choice.
pub fn value_of(
    instance: &Instance,
    graph: &CandidateGraph,
    choice: &[Option<usize>],
) -> (u64, f64) {
    let mut people = 0;
    let mut score = 0.0;
    for (s, e) in choice.iter().enumerate() {
        if let Some(e) = e {
            people += u64::from(instance.seekers[s].party_size);
            score += graph.candidates_by_edge(*e).score;
        }
    }
    (people, score)
}
