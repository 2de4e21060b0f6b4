//! The exactness guarantee of `algo::bmatching` at its edges: integer weights of any `i64`
//! size (and whole-number `f64`s far beyond 2⁵³) give an exact optimum, checked against a
//! brute force in `i128`; fractional weights stay within the documented rounding bound.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use samman::algo::bmatching::{Error, Objective, Problem, reference, solve};

/// The best (edge count, exact weight) over every subset of edges that respects the
/// capacities, by enumeration.
fn brute_force(
    problem: &Problem<'_, i64>,
    left_capacity: &[u32],
    right_capacity: &[u32],
    objective: Objective,
) -> (usize, i128) {
    let m = problem.left.len();
    let mut best = (0usize, 0i128);
    for mask in 0u32..(1 << m) {
        let mut left_used = vec![0u32; problem.n_left];
        let mut right_used = vec![0u32; problem.n_right];
        let mut total = 0i128;
        let mut fits = true;
        for e in (0..m).filter(|e| mask & (1 << e) != 0) {
            left_used[problem.left[e] as usize] += 1;
            right_used[problem.right[e] as usize] += 1;
            total += i128::from(problem.weight[e]);
            fits &= left_used[problem.left[e] as usize] <= left_capacity[problem.left[e] as usize]
                && right_used[problem.right[e] as usize]
                    <= right_capacity[problem.right[e] as usize];
        }
        let count = mask.count_ones() as usize;
        let better = match objective {
            Objective::MaxWeight => total > best.1,
            Objective::MaxCardinality => (count, total) > best,
        };
        if fits && better {
            best = (count, total);
        }
    }
    best
}

/// (edge count, exact weight) of a solution's edges.
fn value(weight: &[i64], edges: &[usize]) -> (usize, i128) {
    (
        edges.len(),
        edges.iter().map(|&e| i128::from(weight[e])).sum(),
    )
}

#[test]
fn huge_i64_weights_match_an_exact_brute_force() {
    let mut rng = ChaCha8Rng::seed_from_u64(17);
    for round in 0..1500 {
        let n_left = rng.random_range(1..=4);
        let n_right = rng.random_range(1..=4);
        let m = rng.random_range(0..=10);
        // Near-equal huge weights: a solver that rounded them would confuse them.
        let base: i64 = match round % 3 {
            0 => i64::MAX - 64,
            1 => 1 << 62,
            _ => rng.random_range(-(1i64 << 40)..(1 << 40)),
        };
        let left: Vec<u32> = (0..m).map(|_| rng.random_range(0..n_left)).collect();
        let right: Vec<u32> = (0..m).map(|_| rng.random_range(0..n_right)).collect();
        let weight: Vec<i64> = (0..m)
            .map(|_| {
                let offset = rng.random_range(0..64);
                if round % 6 == 5 {
                    -base + offset
                } else {
                    base - offset
                }
            })
            .collect();
        let left_capacity: Vec<u32> = (0..n_left).map(|_| rng.random_range(0..=2)).collect();
        let right_capacity: Vec<u32> = (0..n_right).map(|_| rng.random_range(0..=3)).collect();
        let problem = Problem {
            n_left: n_left as usize,
            n_right: n_right as usize,
            left: &left,
            right: &right,
            weight: &weight,
            left_capacity: Some(&left_capacity),
            right_capacity: Some(&right_capacity),
        };
        for objective in [Objective::MaxWeight, Objective::MaxCardinality] {
            let expected = brute_force(&problem, &left_capacity, &right_capacity, objective);
            let fast = solve(&problem, objective).unwrap();
            let slow = reference::solve(&problem, objective).unwrap();
            for (name, got) in [("fast", &fast.edges), ("reference", &slow.edges)] {
                let got = value(&weight, got);
                match objective {
                    Objective::MaxWeight => assert_eq!(got.1, expected.1, "{name} round {round}"),
                    Objective::MaxCardinality => {
                        assert_eq!(got, expected, "{name} round {round}");
                    }
                }
            }
            // Exact: at most a common power of two divided out, never a scale-up and rounding.
            assert!(fast.stats.weight_scale <= 1.0, "round {round}");
        }
    }
}

#[test]
fn the_cases_of_issue_17_are_exact() {
    // Many nodes, few of them with edges: the bound counts only the latter.
    let problem = Problem {
        n_left: 60_000,
        n_right: 60_000,
        left: &[0, 0, 1, 1],
        right: &[0, 1, 0, 1],
        weight: &[1e7, 1e7, 1.0, 2.0],
        left_capacity: None,
        right_capacity: None,
    };
    assert_eq!(solve(&problem, Objective::MaxWeight).unwrap().edges, [0, 3]);
    // Whole numbers far beyond 2⁵³.
    let big = 2f64.powi(62);
    let problem = Problem {
        n_left: 1,
        n_right: 2,
        left: &[0, 0],
        right: &[0, 1],
        weight: &[big - 4096.0, big],
        left_capacity: None,
        right_capacity: None,
    };
    assert_eq!(solve(&problem, Objective::MaxWeight).unwrap().edges, [1]);
}

#[test]
fn many_nodes_with_large_integers_are_still_exact() {
    // 30 000 nodes with edges put 10⁹ above the i64 limit W₆₄(n) ≈ 8·10⁷; i128 takes over.
    let n = 15_000u32;
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut weight = Vec::new();
    for i in 0..n {
        for j in [i, (i + 1) % n] {
            left.push(i);
            right.push(j);
            // Along the diagonal 10⁹ + 1, off it 10⁹: the diagonal is the unique optimum.
            weight.push(if i == j { 1_000_000_001.0 } else { 1e9 });
        }
    }
    let problem = Problem {
        n_left: n as usize,
        n_right: n as usize,
        left: &left,
        right: &right,
        weight: &weight,
        left_capacity: None,
        right_capacity: None,
    };
    let solution = solve(&problem, Objective::MaxWeight).unwrap();
    assert_eq!(solution.stats.weight_scale, 1.0);
    let diagonal: Vec<usize> = (0..n as usize).map(|i| 2 * i).collect();
    assert_eq!(solution.edges, diagonal);
}

#[test]
fn whole_numbers_beyond_128_bits_are_refused_not_rounded() {
    let problem = Problem {
        n_left: 2,
        n_right: 2,
        left: &[0, 1],
        right: &[0, 1],
        weight: &[1e40, 3.0],
        left_capacity: None,
        right_capacity: None,
    };
    for objective in [Objective::MaxWeight, Objective::MaxCardinality] {
        let error = solve(&problem, objective).unwrap_err();
        assert!(
            matches!(error, Error::IntegerWeightTooLarge { nodes: 6, limit } if limit > 1e30),
            "{error:?}"
        );
    }
    // The same magnitude with a fractional weight is rounded under the documented bound.
    let problem = Problem {
        weight: &[1e40, 3.5],
        ..problem
    };
    assert_eq!(solve(&problem, Objective::MaxWeight).unwrap().edges, [0, 1]);
}

#[test]
fn a_common_power_of_two_is_divided_out_exactly() {
    // 1000 · 2³⁰⁰ and 1001 · 2³⁰⁰ are far beyond 128 bits, but dividing out their common
    // factor 2³⁰⁰ (exact) leaves 1000 and 1001.
    let big = 2f64.powi(300);
    let weight = [1000.0 * big, 1001.0 * big];
    let problem = Problem {
        n_left: 1,
        n_right: 2,
        left: &[0, 0],
        right: &[0, 1],
        weight: &weight,
        left_capacity: None,
        right_capacity: None,
    };
    let solution = solve(&problem, Objective::MaxWeight).unwrap();
    assert_eq!(solution.edges, [1]);
    assert_eq!(solution.stats.weight_scale, 2f64.powi(-300));
    // Two equal weights near f64's largest on a perfect matching: both taken.
    let problem = Problem {
        n_left: 2,
        n_right: 2,
        left: &[0, 1],
        right: &[0, 1],
        weight: &[1e308, 1e308],
        left_capacity: None,
        right_capacity: None,
    };
    assert_eq!(solve(&problem, Objective::MaxWeight).unwrap().edges, [0, 1]);
}

#[test]
fn fractional_weights_keep_the_documented_bound_at_its_edge() {
    // max |w| = 1.5 on 5 nodes: s is the largest power of two with 1.5 s <= 2³⁰, i.e. 2²⁹.
    let s = 2f64.powi(29);
    fn problem(weight: &[f64]) -> Problem<'_> {
        Problem {
            n_left: 1,
            n_right: 2,
            left: &[0, 0],
            right: &[0, 1],
            weight,
            left_capacity: None,
            right_capacity: None,
        }
    }
    let unit = 1.0 / 2f64.powi(29);
    // Two units apart: distinct after rounding, so the heavier is taken.
    let apart = [1.5 - 2.0 * unit, 1.5];
    let solution = solve(&problem(&apart), Objective::MaxWeight).unwrap();
    assert_eq!(solution.stats.weight_scale, s);
    assert_eq!(solution.edges, [1]);
    // A quarter of a unit apart: both round to the same integer, and either answer is within
    // the bound 2k/s (k = 1).
    let close = [1.5, 1.5 - 0.25 * unit];
    let solution = solve(&problem(&close), Objective::MaxWeight).unwrap();
    assert_eq!(solution.edges.len(), 1);
    assert!(1.5 - solution.total_weight <= 2.0 / s);
    // The scale one step above the bound is never used: 1.5 * 2³⁰ > 2³⁰.
    assert!(1.5 * 2.0 * s > 2f64.powi(30));
}
