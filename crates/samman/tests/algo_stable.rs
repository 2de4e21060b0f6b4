//! Tests of `algo::stable` against brute force: every stable matching of small markets is
//! enumerated, and deferred acceptance must return the optimal one for the proposing side.

use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use samman::algo::Side;
use samman::algo::stable::{
    Error, Market, Proposing, blocking_pairs, deferred_acceptance, is_stable,
    preferences_from_scores,
};

#[derive(Debug, Clone)]
struct Instance {
    left_prefs: Vec<Vec<u32>>,
    right_prefs: Vec<Vec<u32>>,
    capacity: Option<Vec<u32>>,
    size: Option<Vec<u32>>,
}

impl Instance {
    fn market(&self) -> Market<'_> {
        Market {
            left_prefs: &self.left_prefs,
            right_prefs: &self.right_prefs,
            right_capacity: self.capacity.as_deref(),
            left_size: self.size.as_deref(),
        }
    }

    fn cap(&self, j: usize) -> u32 {
        self.capacity.as_ref().map_or(1, |c| c[j])
    }

    fn size(&self, i: usize) -> u32 {
        self.size.as_ref().map_or(1, |s| s[i])
    }

    /// Rank of `other` in `list`, if listed.
    fn rank(list: &[u32], other: u32) -> Option<usize> {
        list.iter().position(|&x| x == other)
    }

    fn acceptable(&self, i: usize, j: usize) -> bool {
        Self::rank(&self.left_prefs[i], j as u32).is_some()
            && Self::rank(&self.right_prefs[j], i as u32).is_some()
    }
}

/// Random market: each agent lists a random subset of the other side in random order, so
/// some entries are not mutual.
fn random_instance(rng: &mut ChaCha8Rng, max_left: usize, max_right: usize) -> Instance {
    let n_left = rng.random_range(0..=max_left);
    let n_right = rng.random_range(0..=max_right);
    let list = |n_other: usize, rng: &mut ChaCha8Rng| {
        let mut all: Vec<u32> = (0..n_other as u32).collect();
        all.shuffle(rng);
        let keep = rng.random_range(0..=n_other);
        all.truncate(keep);
        all
    };
    let left_prefs = (0..n_left).map(|_| list(n_right, rng)).collect();
    let right_prefs = (0..n_right).map(|_| list(n_left, rng)).collect();
    let capacity = rng
        .random_bool(0.7)
        .then(|| (0..n_right).map(|_| rng.random_range(0..=3)).collect());
    Instance {
        left_prefs,
        right_prefs,
        capacity,
        size: None,
    }
}

/// Blocking pairs by the textbook definition, for unit sizes, independently of the crate.
fn naive_blocking(instance: &Instance, matching: &[Option<u32>]) -> Vec<(u32, u32)> {
    let mut pairs = Vec::new();
    for (i, list) in instance.left_prefs.iter().enumerate() {
        for (q, &j) in list.iter().enumerate() {
            let j = j as usize;
            if !instance.acceptable(i, j) {
                continue;
            }
            let left_wants = match matching[i] {
                None => true,
                Some(p) => Instance::rank(list, p).is_some_and(|rp| q < rp),
            };
            if !left_wants {
                continue;
            }
            let held: Vec<usize> = (0..matching.len())
                .filter(|&h| matching[h] == Some(j as u32))
                .collect();
            let rank_i = Instance::rank(&instance.right_prefs[j], i as u32).unwrap();
            let right_wants = (held.len() as u32) < instance.cap(j)
                || held
                    .iter()
                    .any(|&h| Instance::rank(&instance.right_prefs[j], h as u32).unwrap() > rank_i);
            if right_wants {
                pairs.push((i as u32, j as u32));
            }
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Every stable matching, by enumerating each left's choice.
fn all_stable(instance: &Instance) -> Vec<Vec<Option<u32>>> {
    let n_left = instance.left_prefs.len();
    let options: Vec<Vec<Option<u32>>> = (0..n_left)
        .map(|i| {
            let mut o = vec![None];
            o.extend(
                instance.left_prefs[i]
                    .iter()
                    .filter(|&&j| instance.acceptable(i, j as usize))
                    .map(|&j| Some(j)),
            );
            o
        })
        .collect();
    let mut result = Vec::new();
    let mut choice = vec![0usize; n_left];
    loop {
        let matching: Vec<Option<u32>> = (0..n_left).map(|i| options[i][choice[i]]).collect();
        let mut used = vec![0u32; instance.right_prefs.len()];
        for &j in matching.iter().flatten() {
            used[j as usize] += 1;
        }
        if used.iter().enumerate().all(|(j, &u)| u <= instance.cap(j))
            && naive_blocking(instance, &matching).is_empty()
        {
            result.push(matching);
        }
        // Next combination.
        let mut k = 0;
        loop {
            if k == n_left {
                return result;
            }
            choice[k] += 1;
            if choice[k] < options[k].len() {
                break;
            }
            choice[k] = 0;
            k += 1;
        }
    }
}

fn left_rank(instance: &Instance, i: usize, m: Option<u32>) -> usize {
    m.map_or(usize::MAX, |j| {
        Instance::rank(&instance.left_prefs[i], j).unwrap()
    })
}

/// The ranks a right gives the lefts it holds, best first.
fn right_ranks(instance: &Instance, j: usize, matching: &[Option<u32>]) -> Vec<usize> {
    let mut ranks: Vec<usize> = (0..matching.len())
        .filter(|&i| matching[i] == Some(j as u32))
        .map(|i| Instance::rank(&instance.right_prefs[j], i as u32).unwrap())
        .collect();
    ranks.sort_unstable();
    ranks
}

#[test]
fn optimal_for_the_proposing_side_among_all_stable_matchings() {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    for round in 0..2000 {
        let instance = random_instance(&mut rng, 5, 3);
        let stable = all_stable(&instance);
        assert!(!stable.is_empty(), "a stable matching always exists");
        let by_left = deferred_acceptance(&instance.market(), Proposing::Left).unwrap();
        let by_right = deferred_acceptance(&instance.market(), Proposing::Right).unwrap();
        assert!(stable.contains(&by_left), "round {round}: {instance:?}");
        assert!(stable.contains(&by_right), "round {round}: {instance:?}");
        for other in &stable {
            for i in 0..instance.left_prefs.len() {
                // Left-optimal is right-pessimal and vice versa.
                assert!(left_rank(&instance, i, by_left[i]) <= left_rank(&instance, i, other[i]));
                assert!(left_rank(&instance, i, by_right[i]) >= left_rank(&instance, i, other[i]));
                // Rural hospitals: the same lefts are matched everywhere.
                assert_eq!(by_left[i].is_some(), other[i].is_some(), "round {round}");
            }
            for j in 0..instance.right_prefs.len() {
                let best = right_ranks(&instance, j, &by_right);
                let theirs = right_ranks(&instance, j, other);
                // Rural hospitals: each right fills the same number of seats.
                assert_eq!(best.len(), theirs.len(), "round {round}");
                assert!(
                    best.iter().zip(&theirs).all(|(a, b)| a <= b),
                    "round {round}"
                );
            }
        }
    }
}

#[test]
fn no_blocking_pair_on_random_markets() {
    let mut rng = ChaCha8Rng::seed_from_u64(12);
    for round in 0..2000 {
        let instance = random_instance(&mut rng, 30, 12);
        for proposing in [Proposing::Left, Proposing::Right] {
            let matching = deferred_acceptance(&instance.market(), proposing).unwrap();
            assert_eq!(
                naive_blocking(&instance, &matching),
                vec![],
                "round {round}"
            );
            assert_eq!(
                blocking_pairs(&instance.market(), &matching).unwrap(),
                vec![]
            );
            assert!(is_stable(&instance.market(), &matching).unwrap());
        }
    }
}

#[test]
fn blocking_pairs_agrees_with_the_textbook_definition() {
    let mut rng = ChaCha8Rng::seed_from_u64(13);
    for _ in 0..2000 {
        let instance = random_instance(&mut rng, 8, 4);
        // A random matching within capacities.
        let mut used = vec![0u32; instance.right_prefs.len()];
        let matching: Vec<Option<u32>> = (0..instance.left_prefs.len())
            .map(|i| {
                let options: Vec<u32> = instance.left_prefs[i]
                    .iter()
                    .copied()
                    .filter(|&j| instance.acceptable(i, j as usize))
                    .collect();
                let j = *options.choose(&mut rng)?;
                (used[j as usize] < instance.cap(j as usize) && rng.random_bool(0.7)).then(|| {
                    used[j as usize] += 1;
                    j
                })
            })
            .collect();
        assert_eq!(
            blocking_pairs(&instance.market(), &matching).unwrap(),
            naive_blocking(&instance, &matching)
        );
    }
}

#[test]
fn parties_respect_capacities_and_are_deterministic() {
    let mut rng = ChaCha8Rng::seed_from_u64(14);
    for _ in 0..1000 {
        let mut instance = random_instance(&mut rng, 20, 6);
        instance.size = Some(
            (0..instance.left_prefs.len())
                .map(|_| rng.random_range(1..=3))
                .collect(),
        );
        instance.capacity = Some(
            (0..instance.right_prefs.len())
                .map(|_| rng.random_range(0..=6))
                .collect(),
        );
        for proposing in [Proposing::Left, Proposing::Right] {
            let matching = deferred_acceptance(&instance.market(), proposing).unwrap();
            assert_eq!(
                matching,
                deferred_acceptance(&instance.market(), proposing).unwrap()
            );
            let mut used = vec![0u32; instance.right_prefs.len()];
            for (i, m) in matching.iter().enumerate() {
                if let Some(j) = *m {
                    assert!(instance.acceptable(i, j as usize));
                    used[j as usize] += instance.size(i);
                }
            }
            for (j, &u) in used.iter().enumerate() {
                assert!(u <= instance.cap(j));
            }
            // The checker accepts what the algorithm returns as a valid matching.
            blocking_pairs(&instance.market(), &matching).unwrap();
        }
    }
}

#[test]
fn a_party_displaces_only_as_many_as_needed() {
    // Right 0 has 3 seats and first holds singles 0 and 1 (ranked 1 and 2); then left 2, a
    // party of two ranked best, displaces only left 1, the least preferred, and left 0 stays.
    let left_prefs = vec![vec![0], vec![0], vec![0]];
    let right_prefs = vec![vec![2, 0, 1]];
    let market = Market {
        left_prefs: &left_prefs,
        right_prefs: &right_prefs,
        right_capacity: Some(&[3]),
        left_size: Some(&[1, 1, 2]),
    };
    let matching = deferred_acceptance(&market, Proposing::Left).unwrap();
    assert_eq!(matching, vec![Some(0), None, Some(0)]);
    assert!(is_stable(&market, &matching).unwrap());
    assert_eq!(
        deferred_acceptance(&market, Proposing::Right).unwrap(),
        vec![Some(0), None, Some(0)]
    );
    // A party larger than the right never gets in.
    let market = Market {
        left_size: Some(&[1, 1, 4]),
        ..market
    };
    let matching = deferred_acceptance(&market, Proposing::Left).unwrap();
    assert_eq!(matching, vec![Some(0), Some(0), None]);
    assert!(is_stable(&market, &matching).unwrap());
}

#[test]
fn known_small_market() {
    // Residents 0..4, hospitals 0..2 (capacities 2, 1, 1).
    let left_prefs = vec![vec![0, 1], vec![1, 0, 2], vec![0, 2], vec![2, 0]];
    let right_prefs = vec![vec![3, 0, 1, 2], vec![0, 1], vec![2, 3, 1]];
    let market = Market {
        left_prefs: &left_prefs,
        right_prefs: &right_prefs,
        right_capacity: Some(&[2, 1, 1]),
        left_size: None,
    };
    let residents = deferred_acceptance(&market, Proposing::Left).unwrap();
    assert_eq!(residents, vec![Some(0), Some(1), Some(0), Some(2)]);
    let hospitals = deferred_acceptance(&market, Proposing::Right).unwrap();
    assert_eq!(hospitals, vec![Some(0), Some(1), Some(2), Some(0)]);
}

#[test]
fn preferences_from_scores_sorts_and_breaks_ties_by_seed() {
    let left = [0, 0, 0, 1];
    let right = [0, 1, 2, 2];
    let score = [1.0, 1.0, 1.0, 2.0];
    let mut seen = std::collections::BTreeSet::new();
    for seed in 0..40 {
        let (l, r) = preferences_from_scores(2, 3, &left, &right, &score, seed).unwrap();
        assert_eq!(
            l,
            preferences_from_scores(2, 3, &left, &right, &score, seed)
                .unwrap()
                .0
        );
        assert_eq!(l[1], vec![2]);
        assert_eq!(r[2].len(), 2);
        let mut sorted = l[0].clone();
        sorted.sort_unstable();
        assert_eq!(sorted, vec![0, 1, 2]);
        seen.insert(l[0].clone());
    }
    assert!(seen.len() > 1, "different seeds break ties differently");
    // Parallel edges: a pair appears once.
    let (l, r) = preferences_from_scores(1, 1, &[0, 0], &[0, 0], &[1.0, 3.0], 0).unwrap();
    assert_eq!((l, r), (vec![vec![0]], vec![vec![0]]));
}

#[test]
fn errors_are_reported_exactly() {
    let good = vec![vec![0u32, 1], vec![1]];
    let right = vec![vec![1u32, 0], vec![0, 1]];
    let market = Market {
        left_prefs: &good,
        right_prefs: &right,
        right_capacity: None,
        left_size: None,
    };
    let bad_left = vec![vec![0u32, 5]];
    let check = |m: Market<'_>, e: Error| {
        assert_eq!(deferred_acceptance(&m, Proposing::Left).unwrap_err(), e);
        assert_eq!(deferred_acceptance(&m, Proposing::Right).unwrap_err(), e);
    };
    check(
        Market {
            left_prefs: &bad_left,
            ..market
        },
        Error::IndexOutOfRange {
            side: Side::Left,
            list: 0,
            position: 1,
            index: 5,
            n: 2,
        },
    );
    let dup_right = vec![vec![1u32, 0], vec![1, 0, 1]];
    check(
        Market {
            right_prefs: &dup_right,
            ..market
        },
        Error::Duplicate {
            side: Side::Right,
            list: 1,
            index: 1,
        },
    );
    check(
        Market {
            right_capacity: Some(&[1]),
            ..market
        },
        Error::CapacityLength {
            expected: 2,
            got: 1,
        },
    );
    check(
        Market {
            left_size: Some(&[1, 1, 1]),
            ..market
        },
        Error::SizeLength {
            expected: 2,
            got: 3,
        },
    );
    check(
        Market {
            left_size: Some(&[1, 0]),
            ..market
        },
        Error::ZeroSize { left: 1 },
    );
    assert_eq!(
        blocking_pairs(&market, &[None]).unwrap_err(),
        Error::MatchingLength {
            expected: 2,
            got: 1
        }
    );
    assert_eq!(
        blocking_pairs(&market, &[Some(2), None]).unwrap_err(),
        Error::MatchingOutOfRange {
            left: 0,
            index: 2,
            n: 2
        }
    );
    assert_eq!(
        blocking_pairs(&market, &[None, Some(0)]).unwrap_err(),
        Error::Unacceptable { left: 1, right: 0 }
    );
    assert_eq!(
        is_stable(&market, &[Some(1), Some(1)]).unwrap_err(),
        Error::OverCapacity {
            right: 1,
            seats: 2,
            capacity: 1
        }
    );
    assert_eq!(
        preferences_from_scores(1, 1, &[0], &[0, 0], &[1.0], 0).unwrap_err(),
        Error::LengthMismatch {
            left: 1,
            right: 2,
            score: 1
        }
    );
    assert_eq!(
        preferences_from_scores(1, 1, &[0, 0], &[0, 3], &[1.0, 1.0], 0).unwrap_err(),
        Error::EdgeOutOfRange {
            edge: 1,
            side: Side::Right,
            index: 3,
            n: 1
        }
    );
    assert_eq!(
        preferences_from_scores(usize::MAX, 1, &[], &[], &[], 0).unwrap_err(),
        Error::TooLarge {
            what: "lefts",
            got: usize::MAX,
            limit: samman::algo::stable::MAX_SIZE
        }
    );
    assert_eq!(
        preferences_from_scores(1, 1, &[0], &[0], &[f64::NAN], 0).unwrap_err(),
        Error::NonFiniteScore { edge: 0 }
    );
    assert_eq!(
        Error::Duplicate {
            side: Side::Left,
            list: 3,
            index: 7
        }
        .to_string(),
        "left_prefs[3] names 7 twice"
    );
}

#[test]
fn empty_markets() {
    let none: Vec<Vec<u32>> = Vec::new();
    let some = vec![vec![], vec![]];
    for (l, r) in [(&none, &none), (&none, &some), (&some, &none)] {
        let market = Market {
            left_prefs: l,
            right_prefs: r,
            right_capacity: None,
            left_size: None,
        };
        for proposing in [Proposing::Left, Proposing::Right] {
            let m = deferred_acceptance(&market, proposing).unwrap();
            assert_eq!(m, vec![None; l.len()]);
        }
    }
}

/// Markets and the answers of the Python `matching` package 1.4.3 (`HospitalResident`,
/// `solve(optimal="resident")` and `solve(optimal="hospital")`), recorded once.
const MATCHING_PACKAGE_CASES: &str = r#"[
{"left_prefs":[[3,5,4,2,7,1,0],[4,3,7,0,6,2],[1,5,6,0,4,2],[4,5,0,2,1],[5,1,4,7,0,3,2,6],[7,2,5,3,1],[0,5,6,7,3,1,2,4],[5,7,1,3,6],[6,0,3,7,2,4,5],[2,1,4,3,0,7,6,5]],"right_prefs":[[0,8,1,3,4,6,9,2],[6,0,2,5,7,3,9,4],[8,5,1,0,6,2,3,9,4],[8,7,6,0,5,1,4,9],[8,4,6,9,1,0,2,3],[8,3,6,7,0,4,2,5,9],[1,6,8,7,4,2,9],[8,7,5,6,4,9,0,1]],"capacity":[3,1,4,3,3,2,1,1],"resident":[3,4,1,4,5,7,0,5,6,2],"hospital":[3,4,1,4,5,7,0,5,6,2]},
{"left_prefs":[[3,0],[7,3,4,2,1,6,5],[4,3,0,2],[6],[7,3,1,2,5],[2,6,1,5,3,7,4,0],[5,1],[5],[2,6,0,1,4,3,5]],"right_prefs":[[8,5,2,0],[1,4,8,5,6],[8,5,4,2,1],[8,0,4,2,5,1],[2,8,1,5],[7,6,1,4,8,5],[1,3,5,8],[4,5,1]],"capacity":[1,3,1,1,1,1,4,2],"resident":[3,7,4,6,7,6,1,5,2],"hospital":[3,7,4,6,7,6,1,5,2]},
{"left_prefs":[[2],[1],[2],[1],[1,0,2],[1],[2,0,1],[1,0],[1],[1,0],[0,2]],"right_prefs":[[10,9,6,4,7],[8,9,5,6,3,4,1,7],[2,6,0,10,4]],"capacity":[1,1,1],"resident":[null,null,2,null,null,null,null,null,1,null,0],"hospital":[null,null,2,null,null,null,null,null,1,null,0]},
{"left_prefs":[[2,1],[2,0,1]],"right_prefs":[[1],[0,1],[0,1]],"capacity":[1,2,2],"resident":[2,2],"hospital":[2,2]},
{"left_prefs":[[1,6,4,5]],"right_prefs":[[],[0],[],[],[0],[0],[0]],"capacity":[1,3,2,1,2,3,3],"resident":[1],"hospital":[1]},
{"left_prefs":[[4,5,2,0,3,1],[2],[3,4,1,2,0,5],[1],[0],[1,2,4,0,5,3]],"right_prefs":[[2,5,4,0],[5,2,3,0],[2,1,0,5],[0,5,2],[5,0,2],[2,5,0]],"capacity":[4,2,2,3,1,2],"resident":[4,2,3,1,0,1],"hospital":[4,2,3,1,0,1]},
{"left_prefs":[[0],[0],[0],[0],[0],[0],[0],[0],[0],[0]],"right_prefs":[[2,6,0,5,9,3,8,4,7,1]],"capacity":[3],"resident":[0,null,0,null,null,null,0,null,null,null],"hospital":[0,null,0,null,null,null,0,null,null,null]},
{"left_prefs":[[1,2,0,5,3,4],[3,2,1,0],[5],[5,3,1,0],[5,2,3],[3,4,5,0,1]],"right_prefs":[[1,5,0,3],[1,3,5,0],[0,4,1],[1,0,5,4,3],[5,0],[3,0,2,5,4]],"capacity":[3,4,4,4,1,2],"resident":[1,3,5,5,2,3],"hospital":[1,3,5,5,2,3]},
{"left_prefs":[[3,0,4,7,1,2],[6,3],[5,3,4,2,0,7,6,1],[5,6,0],[1,4,2,3,5,6,7],[3,4],[3],[1,5,6,3],[1],[2,4,6,5,1],[0,1,7],[4,5,7,1,3,2,6,0]],"right_prefs":[[11,3,2,0,10],[2,10,8,7,11,4,9,0],[11,4,9,2,0],[6,1,2,7,0,11,5,4],[0,11,2,4,5,9],[7,2,9,4,3,11],[4,3,11,2,7,1,9],[2,10,0,4,11]],"capacity":[2,2,4,2,3,2,2,2],"resident":[3,6,5,5,4,4,3,1,1,2,0,4],"hospital":[3,6,5,5,4,4,3,1,1,2,0,4]},
{"left_prefs":[[2,7,6,5],[2,4],[1,5,0,2,7,3,6,4],[2]],"right_prefs":[[2],[2],[1,0,2,3],[2],[2,1],[2,0],[0,2],[2,0]],"capacity":[3,1,2,3,2,3,4,3],"resident":[2,2,1,null],"hospital":[2,2,1,null]},
{"left_prefs":[[0,5,1],[4],[3,2]],"right_prefs":[[0],[0],[2],[2],[1],[0]],"capacity":[4,4,4,2,4,4],"resident":[0,4,3],"hospital":[0,4,3]},
{"left_prefs":[[4,5],[0,1],[1,3,5,0],[0,2,4,3,1,5],[0,4,5,2],[4,3,0,2,5],[2,3,0,4,1],[4,1,2,0,3]],"right_prefs":[[7,3,6,1,2,4,5],[2,3,1,6,7],[7,4,3,5,6],[6,3,5,2,7],[0,6,5,7,3,4],[5,0,3,4,2]],"capacity":[4,2,3,1,2,3],"resident":[4,0,1,0,0,4,2,1],"hospital":[4,0,1,0,0,4,2,1]},
{"left_prefs":[[1],[0],[1,2,0],[0,1],[2],[0,1],[2],[1],[2,0,1]],"right_prefs":[[2,5,8,1,3],[2,0,7,3,5,8],[2,8,4,6]],"capacity":[4,1,3],"resident":[null,0,1,0,2,0,2,null,2],"hospital":[null,0,1,0,2,0,2,null,2]},
{"left_prefs":[[3,5],[2],[1,0],[1,2,0,4,5,3],[5,1,0,2,4,3],[0,3,5,4],[1,0,2,4,5]],"right_prefs":[[6,5,3,4,2],[3,4,6,2],[1,6,3,4],[5,4,0,3],[4,5,3,6],[4,0,5,3,6]],"capacity":[1,1,1,1,3,3],"resident":[5,2,null,1,5,3,0],"hospital":[5,2,null,1,5,3,0]},
{"left_prefs":[[0,2,3,1,4]],"right_prefs":[[0],[0],[0],[0],[0]],"capacity":[1,4,1,1,4],"resident":[0],"hospital":[0]},
{"left_prefs":[[5,2,0,4,3]],"right_prefs":[[0],[],[0],[0],[0],[0]],"capacity":[1,2,4,2,4,4],"resident":[5],"hospital":[5]},
{"left_prefs":[[1,2,3],[1,2,0,4]],"right_prefs":[[1],[0,1],[0,1],[0],[1]],"capacity":[4,1,2,2,3],"resident":[1,2],"hospital":[1,2]},
{"left_prefs":[[4,6,7,5],[3,0,6,1,2],[1,4],[1],[2,5],[2,0],[4,0,2,7,3,5,6],[7,3,1,6,5],[4,5,1,0],[7,1,6,3,4]],"right_prefs":[[1,8,6,5],[2,9,8,7,1,3],[4,1,6,5],[6,7,9,1],[9,0,2,8,6],[6,7,0,4,8],[9,6,7,0,1],[0,6,9,7]],"capacity":[4,1,2,3,4,4,4,2],"resident":[4,3,1,null,2,2,4,7,4,7],"hospital":[4,3,1,null,2,2,4,7,4,7]},
{"left_prefs":[[2,1,4,3,7,0,5],[0,6,1,2],[3,4,1,0,6,2,7],[0,3,4,7,5,1,2,6],[5,7,1],[7,5,6,3,1,0,2],[7,1,3],[3,5,1,2,4,7,6,0],[7,4],[7,3,4,5,0,6],[6,5]],"right_prefs":[[2,1,0,7,9,5,3],[1,6,2,4,0,3,7,5],[2,1,5,3,0,7],[7,6,3,2,9,0,5],[7,8,9,2,0,3],[0,9,7,10,3,5,4],[5,1,3,10,7,2,9],[2,7,0,9,5,4,3,8,6]],"capacity":[3,4,4,2,2,3,1,2],"resident":[2,0,3,0,5,7,1,3,4,7,6],"hospital":[2,0,3,0,5,7,1,3,4,7,6]},
{"left_prefs":[[0,1],[1,0]],"right_prefs":[[0,1],[1,0]],"capacity":[2,3],"resident":[0,1],"hospital":[0,1]},
{"left_prefs":[[1],[5,1,2,0,4]],"right_prefs":[[1],[1,0],[1],[],[1],[1]],"capacity":[1,2,2,3,4,1],"resident":[1,5],"hospital":[1,5]},
{"left_prefs":[[0,5,4,2],[3,4,1,2,0,5],[2,3],[3,5,2,1,0],[2,5,0,3,4],[1,3],[5,2]],"right_prefs":[[4,1,3,0],[3,5,1],[3,6,2,4,1,0],[1,2,5,4,3],[4,0,1],[6,0,3,1,4]],"capacity":[4,1,1,2,2,3],"resident":[0,3,2,3,5,1,5],"hospital":[0,3,2,3,5,1,5]},
{"left_prefs":[[1],[1,2,0],[2,0],[1,2,0],[2,0],[1,0]],"right_prefs":[[1,4,2,3,5],[0,1,5,3],[1,2,3,4]],"capacity":[1,1,3],"resident":[1,2,2,2,0,null],"hospital":[1,2,2,2,0,null]},
{"left_prefs":[[0,2],[0,2,1],[0,1,2]],"right_prefs":[[0,2,1],[2,1],[2,0,1]],"capacity":[1,1,2],"resident":[0,2,1],"hospital":[0,2,1]},
{"left_prefs":[[4],[6,7,0],[5,4,6,7],[6,3,0,5,7,1,4,2],[1],[0,5,1,4],[2,7,3,0,6,1],[0,4,1,3,2,7],[6],[4,6,7,5,0,1,3,2],[1,4,6],[2,0]],"right_prefs":[[6,3,1,7,11,5,9],[5,6,9,3,7,4,10],[3,9,7,11,6],[9,3,7,6],[2,5,10,3,9,0,7],[5,3,9,2],[3,9,1,2,6,8,10],[3,9,6,1,2,7]],"capacity":[2,1,3,2,1,4,4,1],"resident":[null,6,5,6,1,0,2,0,6,6,4,2],"hospital":[null,6,5,6,1,0,2,0,6,6,4,2]},
{"left_prefs":[[0,2,4],[3,0,2,4,1]],"right_prefs":[[1,0],[1],[0,1],[1],[1,0]],"capacity":[2,2,2,3,3],"resident":[0,3],"hospital":[0,3]},
{"left_prefs":[[0,1],[1],[1],[1,0]],"right_prefs":[[0,3],[2,1,0,3]],"capacity":[2,4],"resident":[0,1,1,1],"hospital":[0,1,1,1]},
{"left_prefs":[[0],[1,2],[1,2,0],[1],[0,2,1],[0],[0,2,1],[2,0,1],[2,1,0],[0,1],[0,1],[2]],"right_prefs":[[2,5,0,9,6,8,10,4,7],[10,2,7,9,8,6,3,1,4],[2,8,4,6,1,11,7]],"capacity":[4,4,3],"resident":[0,2,1,1,2,0,0,1,2,0,1,null],"hospital":[0,2,1,1,2,0,0,1,2,0,1,null]},
{"left_prefs":[[3],[7,6,4,2],[4,7,6,0,3,1,2,5],[1,7,0,6,5],[2,7,1,3,4],[1],[0,2,6,3,1,7,4,5]],"right_prefs":[[6,3,2],[2,3,5,6,4],[4,6,2,1],[6,2,0,4],[1,6,4,2],[3,2,6],[3,1,6,2],[3,4,6,1,2]],"capacity":[1,4,2,3,4,2,4,3],"resident":[3,7,4,1,2,1,0],"hospital":[3,7,4,1,2,1,0]},
{"left_prefs":[[1],[6],[5],[6,3,2],[0],[4],[5,3],[5,1,3,6,4],[5,3,4,1,2]],"right_prefs":[[4],[0,7,8],[3,8],[8,7,3,6],[5,8,7],[8,2,7,6],[7,1,3]],"capacity":[1,3,3,4,1,4,1],"resident":[1,6,5,3,0,4,5,5,5],"hospital":[1,6,5,3,0,4,5,5,5]},
{"left_prefs":[[4,3,2,5,7,0,1,6]],"right_prefs":[[0],[0],[0],[0],[0],[0],[0],[0]],"capacity":[3,2,3,1,4,1,4,1],"resident":[4],"hospital":[4]},
{"left_prefs":[[6,1,2,4,0,3],[2,5,1,0,4,3,6],[2],[3,5]],"right_prefs":[[1,0],[0,1],[0,1,2],[3,1,0],[0,1],[3,1],[0,1]],"capacity":[2,4,3,2,2,1,2],"resident":[6,2,2,3],"hospital":[6,2,2,3]},
{"left_prefs":[[5,2,0],[5,0,4,2],[5,3,4,1,2],[4,2],[0,5,1],[0,5,2,1],[5,4,1],[4],[0,5,4],[2,4,1,5],[4,2,3,1,0]],"right_prefs":[[5,0,10,4,8,1],[6,9,10,5,4,2],[5,10,3,9,1,0,2],[10,2],[6,9,3,8,10,2,1,7],[0,9,5,4,6,1,8,2]],"capacity":[3,4,3,4,3,3],"resident":[5,5,3,4,0,0,5,4,0,2,4],"hospital":[5,5,3,4,0,0,5,4,0,2,4]},
{"left_prefs":[[3],[0,4,1],[5,1,0,4,6],[3,4],[1,0],[0,6,5,3,4],[5],[6,2,1,0]],"right_prefs":[[5,7,2,1,4],[4,2,7,1],[7],[3,5,0],[2,3,5,1],[2,6,5],[2,5,7]],"capacity":[3,2,2,3,1,3,3],"resident":[3,0,5,3,1,0,5,6],"hospital":[3,0,5,3,1,0,5,6]},
{"left_prefs":[[0,4,3],[2],[5,3,0,1,2],[1,0,3,2,4,5],[0],[4],[4,1,3],[4,1,5,0],[5,3,2,1,0]],"right_prefs":[[2,3,7,4,8,0],[7,8,2,3,6],[2,8,1,3],[8,2,3,0,6],[0,5,7,3,6],[3,8,7,2]],"capacity":[2,1,1,4,4,3],"resident":[0,2,5,1,0,4,4,4,5],"hospital":[0,2,5,1,0,4,4,4,5]},
{"left_prefs":[[0,1],[4,3,1,0,2],[4],[1,0,2],[1,2,3,4,0],[4],[1,2,4,0,3],[0,2,1,3],[1],[0,4,2,3,1],[3,4,2,1,0]],"right_prefs":[[1,7,4,3,9,6,10,0],[8,7,0,3,4,9,1,10,6],[4,1,10,9,6,7,3],[4,10,6,9,7,1],[6,9,1,2,5,10,4]],"capacity":[2,1,1,1,3],"resident":[null,4,null,0,2,null,4,0,1,4,3],"hospital":[null,4,null,0,2,null,4,0,1,4,3]},
{"left_prefs":[[5,7,0,1,2,6,3,4],[6,1,2,0,3,4,7,5],[0]],"right_prefs":[[0,1,2],[1,0],[1,0],[0,1],[1,0],[1,0],[0,1],[1,0]],"capacity":[3,4,4,4,2,2,4,1],"resident":[5,6,0],"hospital":[5,6,0]},
{"left_prefs":[[3,0,1,2],[0,4,1,2,3],[4]],"right_prefs":[[1,0],[0,1],[0,1],[1,0],[2,1]],"capacity":[3,1,1,3,1],"resident":[3,0,4],"hospital":[3,0,4]},
{"left_prefs":[[1],[1],[0,1],[0,1]],"right_prefs":[[3,2],[0,3,1,2]],"capacity":[3,1],"resident":[1,null,0,0],"hospital":[1,null,0,0]},
{"left_prefs":[[3,0],[3,0,2,1],[3,1,2,0]],"right_prefs":[[1,2,0],[1,2],[2,1],[0,2,1]],"capacity":[1,1,2,2],"resident":[3,0,3],"hospital":[3,0,3]}
]"#;

#[test]
fn equals_the_python_matching_package() {
    let cases: serde_json::Value =
        serde_json::from_str(MATCHING_PACKAGE_CASES).expect("the fixture is valid JSON");
    for case in cases.as_array().expect("the fixture is a list") {
        let field = |name: &str| case[name].clone();
        let left_prefs: Vec<Vec<u32>> = serde_json::from_value(field("left_prefs")).unwrap();
        let right_prefs: Vec<Vec<u32>> = serde_json::from_value(field("right_prefs")).unwrap();
        let capacity: Vec<u32> = serde_json::from_value(field("capacity")).unwrap();
        let market = Market {
            left_prefs: &left_prefs,
            right_prefs: &right_prefs,
            right_capacity: Some(&capacity),
            left_size: None,
        };
        for (optimal, proposing) in [
            ("resident", Proposing::Left),
            ("hospital", Proposing::Right),
        ] {
            let expected: Vec<Option<u32>> = serde_json::from_value(field(optimal)).unwrap();
            assert_eq!(
                deferred_acceptance(&market, proposing).unwrap(),
                expected,
                "{optimal}-optimal: {case}"
            );
        }
    }
}

/// Many-to-many: every matching of a small market (each left a set of acceptable rights within
/// its capacity, rights within theirs), with blocking pairs by the textbook definition.
mod many {
    use super::*;
    use samman::algo::stable::{blocking_pairs_many, deferred_acceptance_many};

    fn naive_blocking(instance: &Instance, caps: &[u32], matching: &[Vec<u32>]) -> Vec<(u32, u32)> {
        let mut pairs = Vec::new();
        for (i, list) in instance.left_prefs.iter().enumerate() {
            let worst = matching[i]
                .iter()
                .map(|&j| Instance::rank(list, j).unwrap())
                .max();
            for (q, &j) in list.iter().enumerate() {
                let j = j as usize;
                if !instance.acceptable(i, j) || matching[i].contains(&(j as u32)) {
                    continue;
                }
                let left_wants =
                    (matching[i].len() as u32) < caps[i] || worst.is_some_and(|w| q < w);
                let held: Vec<usize> = (0..matching.len())
                    .filter(|&h| matching[h].contains(&(j as u32)))
                    .collect();
                let rank_i = Instance::rank(&instance.right_prefs[j], i as u32).unwrap();
                let right_wants = (held.len() as u32) < instance.cap(j)
                    || held.iter().any(|&h| {
                        Instance::rank(&instance.right_prefs[j], h as u32).unwrap() > rank_i
                    });
                if left_wants && right_wants {
                    pairs.push((i as u32, j as u32));
                }
            }
        }
        pairs.sort_unstable();
        pairs
    }

    /// Every pairwise stable matching, each left's rights in the order of its list.
    fn all_stable(instance: &Instance, caps: &[u32]) -> Vec<Vec<Vec<u32>>> {
        let n_left = instance.left_prefs.len();
        let options: Vec<Vec<Vec<u32>>> = (0..n_left)
            .map(|i| {
                let acceptable: Vec<u32> = instance.left_prefs[i]
                    .iter()
                    .copied()
                    .filter(|&j| instance.acceptable(i, j as usize))
                    .collect();
                (0u32..1 << acceptable.len())
                    .filter(|mask| mask.count_ones() <= caps[i])
                    .map(|mask| {
                        (0..acceptable.len())
                            .filter(|b| mask >> b & 1 == 1)
                            .map(|b| acceptable[b])
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let mut result = Vec::new();
        let mut choice = vec![0usize; n_left];
        loop {
            let matching: Vec<Vec<u32>> =
                (0..n_left).map(|i| options[i][choice[i]].clone()).collect();
            let mut used = vec![0u32; instance.right_prefs.len()];
            for &j in matching.iter().flatten() {
                used[j as usize] += 1;
            }
            if used.iter().enumerate().all(|(j, &u)| u <= instance.cap(j))
                && naive_blocking(instance, caps, &matching).is_empty()
            {
                result.push(matching);
            }
            let mut k = 0;
            loop {
                if k == n_left {
                    return result;
                }
                choice[k] += 1;
                if choice[k] < options[k].len() {
                    break;
                }
                choice[k] = 0;
                k += 1;
            }
        }
    }

    /// A left's ranks of its rights, best first.
    fn ranks(instance: &Instance, i: usize, rights: &[u32]) -> Vec<usize> {
        let mut ranks: Vec<usize> = rights
            .iter()
            .map(|&j| Instance::rank(&instance.left_prefs[i], j).unwrap())
            .collect();
        ranks.sort_unstable();
        ranks
    }

    #[test]
    fn pairwise_stable_and_optimal_for_the_proposing_lefts_by_brute_force() {
        let mut rng = ChaCha8Rng::seed_from_u64(13);
        for round in 0..1500 {
            let mut instance = random_instance(&mut rng, 4, 3);
            instance.size = None;
            let n_right = instance.right_prefs.len();
            instance.capacity = Some((0..n_right).map(|_| rng.random_range(1..=2)).collect());
            let caps: Vec<u32> = (0..instance.left_prefs.len())
                .map(|_| rng.random_range(0..=3))
                .collect();
            let market = instance.market();
            let stable = all_stable(&instance, &caps);
            assert!(!stable.is_empty(), "round {round}");
            for proposing in [Proposing::Left, Proposing::Right] {
                let got = deferred_acceptance_many(&market, &caps, proposing).unwrap();
                let mut sorted = got.clone();
                for (i, rights) in sorted.iter_mut().enumerate() {
                    rights.sort_by_key(|&j| Instance::rank(&instance.left_prefs[i], j));
                }
                assert_eq!(got, sorted, "round {round}: in list order");
                assert!(
                    naive_blocking(&instance, &caps, &got).is_empty(),
                    "round {round} {proposing:?}: {instance:?} {caps:?} {got:?}"
                );
                assert_eq!(
                    blocking_pairs_many(&market, &caps, &got).unwrap(),
                    Vec::<(u32, u32)>::new()
                );
                assert!(stable.contains(&got), "round {round}");
                if proposing == Proposing::Left {
                    for other in &stable {
                        for i in 0..caps.len() {
                            let (best, theirs) =
                                (ranks(&instance, i, &got[i]), ranks(&instance, i, &other[i]));
                            // The same number of rights in every stable matching, each no worse.
                            assert_eq!(best.len(), theirs.len(), "round {round}");
                            assert!(
                                best.iter().zip(&theirs).all(|(a, b)| a <= b),
                                "round {round}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn blocking_pairs_many_agrees_with_the_textbook_definition() {
        let mut rng = ChaCha8Rng::seed_from_u64(17);
        for round in 0..1500 {
            let mut instance = random_instance(&mut rng, 4, 3);
            instance.size = None;
            let n_right = instance.right_prefs.len();
            instance.capacity = Some((0..n_right).map(|_| rng.random_range(1..=2)).collect());
            let caps: Vec<u32> = (0..instance.left_prefs.len())
                .map(|_| rng.random_range(1..=2))
                .collect();
            // A random matching within every capacity.
            let mut used = vec![0u32; n_right];
            let matching: Vec<Vec<u32>> = (0..caps.len())
                .map(|i| {
                    let mut rights = Vec::new();
                    for &j in &instance.left_prefs[i] {
                        if instance.acceptable(i, j as usize)
                            && (rights.len() as u32) < caps[i]
                            && used[j as usize] < instance.cap(j as usize)
                            && rng.random_bool(0.5)
                        {
                            used[j as usize] += 1;
                            rights.push(j);
                        }
                    }
                    rights
                })
                .collect();
            assert_eq!(
                blocking_pairs_many(&instance.market(), &caps, &matching).unwrap(),
                naive_blocking(&instance, &caps, &matching),
                "round {round}"
            );
        }
    }

    #[test]
    fn a_left_over_its_capacity_or_with_a_right_twice_is_refused() {
        let prefs = vec![vec![0, 1]];
        let rights = vec![vec![0], vec![0]];
        let market = Market {
            left_prefs: &prefs,
            right_prefs: &rights,
            right_capacity: None,
            left_size: None,
        };
        assert!(matches!(
            blocking_pairs_many(&market, &[1], &[vec![0, 1]]),
            Err(Error::LeftOverCapacity { left: 0, .. })
        ));
        assert!(matches!(
            blocking_pairs_many(&market, &[2], &[vec![0, 0]]),
            Err(Error::LeftOverCapacity { left: 0, .. })
        ));
        assert!(matches!(
            deferred_acceptance_many(&market, &[1, 1], Proposing::Left),
            Err(Error::LeftCapacityLength {
                expected: 1,
                got: 2
            })
        ));
    }
}
