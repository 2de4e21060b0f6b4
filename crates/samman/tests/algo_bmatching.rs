//! Differential tests of `algo::bmatching`: the fast solver against a brute-force optimum on
//! thousands of small instances and against the reference solver on medium ones.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use samman::algo::Side;
use samman::algo::bmatching::{Error, Objective, Problem, Solution, reference, solve};

/// An owned random instance.
#[derive(Debug, Clone)]
struct Instance {
    n_left: usize,
    n_right: usize,
    left: Vec<u32>,
    right: Vec<u32>,
    weight: Vec<f64>,
    left_capacity: Option<Vec<u32>>,
    right_capacity: Option<Vec<u32>>,
}

impl Instance {
    fn problem(&self) -> Problem<'_> {
        Problem {
            n_left: self.n_left,
            n_right: self.n_right,
            left: &self.left,
            right: &self.right,
            weight: &self.weight,
            left_capacity: self.left_capacity.as_deref(),
            right_capacity: self.right_capacity.as_deref(),
        }
    }

    fn left_cap(&self, i: usize) -> u32 {
        self.left_capacity.as_ref().map_or(1, |c| c[i])
    }

    fn right_cap(&self, j: usize) -> u32 {
        self.right_capacity.as_ref().map_or(1, |c| c[j])
    }
}

/// A random instance with up to `max_nodes` nodes a side and `max_edges` edges, integer
/// weights in `-3..=9` (or with a fractional part when `fractional`).
fn random_instance(
    rng: &mut ChaCha8Rng,
    max_nodes: usize,
    max_edges: usize,
    fractional: bool,
) -> Instance {
    let n_left = rng.random_range(0..=max_nodes);
    let n_right = rng.random_range(0..=max_nodes);
    let m = if n_left == 0 || n_right == 0 {
        0
    } else {
        rng.random_range(0..=max_edges)
    };
    let mut left = Vec::with_capacity(m);
    let mut right = Vec::with_capacity(m);
    let mut weight = Vec::with_capacity(m);
    for _ in 0..m {
        left.push(rng.random_range(0..n_left as u32));
        right.push(rng.random_range(0..n_right as u32));
        let w = f64::from(rng.random_range(-3i32..=9));
        weight.push(if fractional {
            w + rng.random_range(0.0..1.0)
        } else {
            w
        });
    }
    let left_capacity = rng
        .random_bool(0.5)
        .then(|| (0..n_left).map(|_| rng.random_range(0..=3)).collect());
    let right_capacity = rng
        .random_bool(0.6)
        .then(|| (0..n_right).map(|_| rng.random_range(0..=4)).collect());
    Instance {
        n_left,
        n_right,
        left,
        right,
        weight,
        left_capacity,
        right_capacity,
    }
}

/// Checks that `solution` is a valid b-matching of `instance` and returns (edges, weight).
fn check_feasible(instance: &Instance, solution: &Solution) -> (usize, f64) {
    let mut used_left = vec![0u32; instance.n_left];
    let mut used_right = vec![0u32; instance.n_right];
    for pair in solution.edges.windows(2) {
        assert!(pair[0] < pair[1], "edges not strictly ascending: {pair:?}");
    }
    let mut weight = 0.0;
    for &e in &solution.edges {
        used_left[instance.left[e] as usize] += 1;
        used_right[instance.right[e] as usize] += 1;
        weight += instance.weight[e];
    }
    for (i, &used) in used_left.iter().enumerate() {
        assert!(used <= instance.left_cap(i), "left {i} over capacity");
    }
    for (j, &used) in used_right.iter().enumerate() {
        assert!(used <= instance.right_cap(j), "right {j} over capacity");
    }
    assert_eq!(weight, solution.total_weight);
    (solution.edges.len(), weight)
}

/// The optimum by enumerating every subset of edges: (edges, weight) for the objective.
fn brute_force(instance: &Instance, objective: Objective) -> (usize, f64) {
    let m = instance.left.len();
    let mut best = (0usize, 0.0f64);
    for mask in 0u32..(1 << m) {
        let mut used_left = vec![0u32; instance.n_left];
        let mut used_right = vec![0u32; instance.n_right];
        let mut ok = true;
        let mut weight = 0.0;
        for e in 0..m {
            if mask & (1 << e) != 0 {
                let (i, j) = (instance.left[e] as usize, instance.right[e] as usize);
                used_left[i] += 1;
                used_right[j] += 1;
                ok &=
                    used_left[i] <= instance.left_cap(i) && used_right[j] <= instance.right_cap(j);
                weight += instance.weight[e];
            }
        }
        if !ok {
            continue;
        }
        let count = mask.count_ones() as usize;
        let better = match objective {
            Objective::MaxWeight => weight > best.1,
            Objective::MaxCardinality => count > best.0 || (count == best.0 && weight > best.1),
        };
        if better {
            best = (count, weight);
        }
    }
    best
}

#[test]
fn matches_brute_force_on_small_instances() {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    for round in 0..3000 {
        let instance = random_instance(&mut rng, 4, 10, false);
        for objective in [Objective::MaxWeight, Objective::MaxCardinality] {
            let expected = brute_force(&instance, objective);
            for (name, solution) in [
                ("fast", solve(&instance.problem(), objective).unwrap()),
                (
                    "reference",
                    reference::solve(&instance.problem(), objective).unwrap(),
                ),
            ] {
                let got = check_feasible(&instance, &solution);
                match objective {
                    Objective::MaxWeight => assert_eq!(
                        got.1, expected.1,
                        "{name} {objective:?} round {round}: {instance:?}"
                    ),
                    Objective::MaxCardinality => assert_eq!(
                        got, expected,
                        "{name} {objective:?} round {round}: {instance:?}"
                    ),
                }
                if objective == Objective::MaxWeight {
                    for &e in &solution.edges {
                        assert!(instance.weight[e] > 0.0, "non-positive edge chosen");
                    }
                }
            }
        }
    }
}

#[test]
fn near_brute_force_with_fractional_weights() {
    let mut rng = ChaCha8Rng::seed_from_u64(2);
    for round in 0..1000 {
        let instance = random_instance(&mut rng, 4, 10, true);
        for objective in [Objective::MaxWeight, Objective::MaxCardinality] {
            let expected = brute_force(&instance, objective);
            let solution = solve(&instance.problem(), objective).unwrap();
            let got = check_feasible(&instance, &solution);
            let tolerance = 20.0 / solution.stats.weight_scale;
            if objective == Objective::MaxCardinality {
                assert_eq!(got.0, expected.0, "round {round}");
            }
            assert!(
                (got.1 - expected.1).abs() <= tolerance,
                "{objective:?} round {round}: {got:?} vs {expected:?}"
            );
        }
    }
}

#[test]
fn fast_equals_reference_on_medium_instances() {
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    for round in 0..300 {
        let fractional = round % 3 == 2;
        let instance = random_instance(&mut rng, 40, 400, fractional);
        for objective in [Objective::MaxWeight, Objective::MaxCardinality] {
            let fast = solve(&instance.problem(), objective).unwrap();
            let slow = reference::solve(&instance.problem(), objective).unwrap();
            let fast_objective = check_feasible(&instance, &fast);
            let slow_objective = check_feasible(&instance, &slow);
            assert_eq!(fast.stats.weight_scale, slow.stats.weight_scale);
            if objective == Objective::MaxCardinality {
                assert_eq!(fast_objective.0, slow_objective.0, "round {round}");
            }
            if fractional {
                let tolerance = 2.0 * fast.edges.len() as f64 / fast.stats.weight_scale;
                assert!((fast_objective.1 - slow_objective.1).abs() <= tolerance);
            } else {
                assert_eq!(
                    fast_objective.1, slow_objective.1,
                    "{objective:?} round {round}"
                );
            }
        }
    }
}

#[test]
fn is_deterministic() {
    let mut rng = ChaCha8Rng::seed_from_u64(4);
    for _ in 0..50 {
        let instance = random_instance(&mut rng, 40, 400, true);
        for objective in [Objective::MaxWeight, Objective::MaxCardinality] {
            let first = solve(&instance.problem(), objective).unwrap();
            let second = solve(&instance.problem(), objective).unwrap();
            assert_eq!(first, second);
        }
    }
}

#[test]
fn parallel_edges_are_each_chosen_at_most_once() {
    let problem = Problem {
        n_left: 1,
        n_right: 1,
        left: &[0, 0, 0],
        right: &[0, 0, 0],
        weight: &[1.0, 5.0, 3.0],
        left_capacity: Some(&[2]),
        right_capacity: Some(&[5]),
    };
    let solution = solve(&problem, Objective::MaxWeight).unwrap();
    assert_eq!(solution.edges, vec![1, 2]);
    assert_eq!(solution.total_weight, 8.0);
}

#[test]
fn cardinality_takes_negative_edges_when_they_add_one() {
    let problem = Problem {
        n_left: 2,
        n_right: 2,
        left: &[0, 0, 1],
        right: &[0, 1, 0],
        weight: &[10.0, -1.0, 0.0],
        left_capacity: None,
        right_capacity: None,
    };
    let weight = solve(&problem, Objective::MaxWeight).unwrap();
    assert_eq!(weight.edges, vec![0]);
    let cardinality = solve(&problem, Objective::MaxCardinality).unwrap();
    assert_eq!(cardinality.edges, vec![1, 2]);
    assert_eq!(cardinality.total_weight, -1.0);
}

#[test]
fn empty_problems() {
    for (n_left, n_right) in [(0, 0), (0, 3), (3, 0), (2, 2)] {
        let problem: Problem<'_> = Problem {
            n_left,
            n_right,
            left: &[],
            right: &[],
            weight: &[],
            left_capacity: None,
            right_capacity: None,
        };
        for objective in [Objective::MaxWeight, Objective::MaxCardinality] {
            let solution = solve(&problem, objective).unwrap();
            assert!(solution.edges.is_empty());
            assert_eq!(solution.total_weight, 0.0);
        }
    }
}

fn base() -> Problem<'static> {
    Problem {
        n_left: 2,
        n_right: 2,
        left: &[0, 1],
        right: &[1, 0],
        weight: &[1.0, 2.0],
        left_capacity: None,
        right_capacity: None,
    }
}

#[test]
fn errors_are_reported_exactly() {
    let cases: Vec<(Problem<'static>, Error)> = vec![
        (
            Problem {
                right: &[1],
                ..base()
            },
            Error::LengthMismatch {
                left: 2,
                right: 1,
                weight: 2,
            },
        ),
        (
            Problem {
                weight: &[1.0, 2.0, 3.0],
                ..base()
            },
            Error::LengthMismatch {
                left: 2,
                right: 2,
                weight: 3,
            },
        ),
        (
            Problem {
                left: &[0, 2],
                ..base()
            },
            Error::IndexOutOfRange {
                edge: 1,
                side: Side::Left,
                index: 2,
                n: 2,
            },
        ),
        (
            Problem {
                right: &[7, 0],
                ..base()
            },
            Error::IndexOutOfRange {
                edge: 0,
                side: Side::Right,
                index: 7,
                n: 2,
            },
        ),
        (
            Problem {
                weight: &[1.0, f64::NAN],
                ..base()
            },
            Error::NonFiniteWeight { edge: 1 },
        ),
        (
            Problem {
                weight: &[f64::NEG_INFINITY, 1.0],
                ..base()
            },
            Error::NonFiniteWeight { edge: 0 },
        ),
        (
            Problem {
                left_capacity: Some(&[1]),
                ..base()
            },
            Error::CapacityLength {
                side: Side::Left,
                expected: 2,
                got: 1,
            },
        ),
        (
            Problem {
                right_capacity: Some(&[1, 2, 3]),
                ..base()
            },
            Error::CapacityLength {
                side: Side::Right,
                expected: 2,
                got: 3,
            },
        ),
        (
            Problem {
                n_left: usize::MAX,
                ..base()
            },
            Error::TooLarge {
                what: "nodes",
                got: usize::MAX,
                limit: samman::algo::bmatching::MAX_NODES,
            },
        ),
    ];
    for (problem, expected) in cases {
        for objective in [Objective::MaxWeight, Objective::MaxCardinality] {
            assert_eq!(solve(&problem, objective).unwrap_err(), expected);
            assert_eq!(reference::solve(&problem, objective).unwrap_err(), expected);
        }
    }
    assert_eq!(
        Error::IndexOutOfRange {
            edge: 1,
            side: Side::Left,
            index: 2,
            n: 2
        }
        .to_string(),
        "edge 1: left index 2 is out of range (n_left is 2)"
    );
}

#[test]
fn objective_serialises_in_snake_case() {
    assert_eq!(
        serde_json::to_string(&Objective::MaxCardinality).unwrap(),
        "\"max_cardinality\""
    );
    assert_eq!(Objective::default(), Objective::MaxWeight);
}

#[test]
fn extreme_and_tied_weights_agree_with_the_reference() {
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    for round in 0..200 {
        let mut instance = random_instance(&mut rng, 25, 250, false);
        let mode = round % 3;
        for w in &mut instance.weight {
            *w = match mode {
                // Many magnitudes at once, both signs.
                0 => {
                    let magnitude = 10f64.powi(rng.random_range(-9..=9));
                    magnitude * rng.random_range(-1.0..1.0)
                }
                // Ties everywhere.
                1 => 1.0,
                // Large integers, still exact.
                _ => f64::from(rng.random_range(-1_000_000i32..=1_000_000)),
            };
        }
        for objective in [Objective::MaxWeight, Objective::MaxCardinality] {
            let fast = solve(&instance.problem(), objective).unwrap();
            let slow = reference::solve(&instance.problem(), objective).unwrap();
            let (fast_count, fast_weight) = check_feasible(&instance, &fast);
            let (slow_count, slow_weight) = check_feasible(&instance, &slow);
            if objective == Objective::MaxCardinality || mode == 1 {
                assert_eq!(fast_count, slow_count, "round {round}");
            }
            let tolerance = 4.0 * fast_count.max(slow_count) as f64 / fast.stats.weight_scale;
            assert!(
                (fast_weight - slow_weight).abs() <= tolerance,
                "{objective:?} round {round}: {fast_weight} vs {slow_weight}"
            );
            if mode == 2 {
                assert_eq!(fast_weight, slow_weight);
            }
        }
    }
}
