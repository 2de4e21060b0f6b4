"""The test cases of other projects' matching suites that samman can express, ported so that
samman's agreement with them cannot silently regress (issue 17). Each test names its origin:

- scipy: ``scipy/optimize/tests/test_linear_assignment.py`` and
  ``scipy/sparse/csgraph/tests/test_matching.py`` (``linear_sum_assignment``,
  ``min_weight_full_bipartite_matching``, ``maximum_bipartite_matching``);
- networkx: ``networkx/algorithms/bipartite/tests/test_matching.py``;
- matching (daffidwilde/matching): ``tests/stable_marriage/test_examples.py`` and
  ``tests/hospital_resident/test_examples.py``;
- OR-Tools: the linear assignment samples of its documentation
  (``assignment_linear_sum_assignment``, ``assignment_min_flow``, ``assignment_mip``).

A cost matrix becomes an edge list (an infinite entry, or in scipy.sparse a missing entry, is
no edge) and is solved with ``objective="max_cardinality"`` on negated costs: the most pairs,
then the least cost, which is a minimum-cost full matching of the smaller side whenever one
exists. Not expressible, so not ported: vertex covers (networkx ``to_vertex_cover``), the
``AmbiguousSolution`` of disconnected graphs without a given side, input-type conversions of
scipy (strings, ``np.matrix``), scipy's explicit-zero warning, and ``matching``'s preference
cleaning of issue 159.
"""

from __future__ import annotations

import itertools
import math
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment
from scipy.sparse import coo_array, csr_array

import samman

Pairs = List[Tuple[int, int]]


def solve_matrix(cost: np.ndarray, maximize: bool = False) -> Pairs:
    """samman's best full matching of a dense cost matrix; inf or nan-free entries only."""
    cost = np.asarray(cost, dtype=float)
    rows, cols = np.nonzero(np.isfinite(cost))
    weight = cost[rows, cols] if maximize else -cost[rows, cols]
    chosen = samman.assign(cost.shape[0], cost.shape[1], rows, cols, weight,
                           objective="max_cardinality")
    return sorted(zip(rows[chosen].tolist(), cols[chosen].tolist()))


def solve_sparse(matrix: csr_array, maximize: bool = False) -> Pairs:
    """The same on a scipy.sparse matrix: a stored entry (explicit zeros too) is an edge."""
    coo = coo_array(matrix)
    weight = coo.data.astype(float) if maximize else -coo.data.astype(float)
    chosen = samman.assign(coo.shape[0], coo.shape[1], coo.row, coo.col, weight,
                           objective="max_cardinality")
    return sorted(zip(coo.row[chosen].tolist(), coo.col[chosen].tolist()))


def assert_a_matching(pairs: Pairs) -> None:
    assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})


# ---------------------------------------------------------------------------------------------
# scipy: linear_sum_assignment_test_cases (shared by test_linear_assignment.py and
# test_matching.py), each a cost matrix and the costs of the optimal pairs in row order.

INF = math.inf
SCIPY_CASES = [
    ([[400, 150, 400], [400, 450, 600], [300, 225, 300]], [150, 400, 300]),
    ([[400, 150, 400, 1], [400, 450, 600, 2], [300, 225, 300, 3]], [150, 2, 300]),
    ([[10, 10, 8], [9, 8, 1], [9, 7, 4]], [10, 1, 7]),
    ([[10, 10, 8, 11], [9, 8, 1, 1], [9, 7, 4, 10]], [10, 1, 4]),
    ([[10, INF, INF], [INF, INF, 1], [INF, 7, INF]], [10, 1, 7]),
]


@pytest.mark.parametrize("sign", [-1, 1])
@pytest.mark.parametrize("cost, expected", SCIPY_CASES)
def test_scipy_linear_sum_assignment_small_inputs(sign: int, cost: list,
                                                  expected: list) -> None:
    """scipy test_linear_assignment.py::test_linear_sum_assignment_small_inputs (and the
    transposed check of linear_sum_assignment_assertions)."""
    matrix = sign * np.array(cost, dtype=float)
    for transposed in (False, True):
        m = matrix.T if transposed else matrix
        pairs = solve_matrix(m, maximize=sign == -1)
        assert_a_matching(pairs)
        got = [m[r, c] for r, c in pairs]
        assert sorted(got) == sorted(sign * np.array(expected, dtype=float))
        if not transposed:
            assert got == list(sign * np.array(expected, dtype=float))


@pytest.mark.parametrize("sign", [-1, 1])
@pytest.mark.parametrize("cost, expected", SCIPY_CASES)
def test_scipy_min_weight_full_matching_small_inputs(sign: int, cost: list,
                                                     expected: list) -> None:
    """scipy test_matching.py::test_min_weight_full_matching_small_inputs: the same cases as a
    csr_array (an inf entry is simply not stored)."""
    dense = sign * np.array(cost, dtype=float)
    stored = np.where(np.isfinite(dense), dense, 0.0)
    rows, cols = np.nonzero(np.isfinite(dense))
    matrix = csr_array((stored[rows, cols], (rows, cols)), shape=dense.shape)
    pairs = solve_sparse(matrix, maximize=sign == -1)
    assert [dense[r, c] for r, c in pairs] == list(sign * np.array(expected, dtype=float))


def test_scipy_constant_cost_matrix() -> None:
    """scipy test_linear_assignment.py::test_constant_cost_matrix (gh-11602): all 8 rows."""
    pairs = solve_matrix(np.ones((8, 8)))
    assert_a_matching(pairs)
    assert len(pairs) == 8


@pytest.mark.parametrize("shape", [(0, 0), (2, 0), (0, 3)])
def test_scipy_trivial_cost(shape: Tuple[int, int]) -> None:
    """scipy test_linear_assignment.py::test_linear_sum_assignment_trivial_cost and
    test_matching.py::test_min_weight_full_matching_trivial_graph."""
    assert solve_matrix(np.empty(shape)) == []
    assert solve_sparse(csr_array(shape)) == []


def test_scipy_input_bool() -> None:
    """scipy test_linear_assignment.py::test_linear_sum_assignment_input_bool: a bool matrix
    is the same as its 0/1 float matrix."""
    eye = np.identity(3)
    rows, cols = np.nonzero(np.ones((3, 3)))
    as_bool = samman.assign(3, 3, rows, cols, eye.astype(bool)[rows, cols])
    as_float = samman.assign(3, 3, rows, cols, eye[rows, cols])
    assert as_bool.tolist() == as_float.tolist() == [0, 4, 8]


@pytest.mark.parametrize("bad", [np.nan, -np.inf])
def test_scipy_input_nan_and_neginf(bad: float) -> None:
    """scipy test_linear_assignment.py::test_linear_sum_assignment_input_nan and _neginf: a
    ValueError (samman also refuses +inf as a weight; as a cost it means "no edge")."""
    cost = np.diag([1.0, bad, 1.0])
    rows, cols = np.nonzero(np.ones((3, 3)))
    with pytest.raises(ValueError, match="edge 4: weight is not finite"):
        samman.assign(3, 3, rows, cols, -cost[rows, cols])


def test_scipy_input_inf_infeasible() -> None:
    """scipy test_linear_assignment.py::test_linear_sum_assignment_input_inf: column 0 all inf
    is infeasible for scipy; samman matches fewer than all rows."""
    cost = np.identity(3)
    cost[:, 0] = np.inf
    assert len(solve_matrix(cost)) == 2


def test_scipy_two_methods_on_many_sparse_inputs() -> None:
    """scipy test_linear_assignment.py::test_two_methods_give_same_result_on_many_sparse_inputs
    (100 cases of 100 x 100 at density 0.06, integer costs 1 to 99, some infeasible): samman
    agrees with linear_sum_assignment on feasibility and on the cost."""
    rng = np.random.default_rng(12342309)
    infeasible = 0
    for _ in range(100):
        mask = rng.random((100, 100)) < 0.06
        dense = np.where(mask, rng.integers(1, 100, (100, 100)), np.inf)
        pairs = solve_matrix(dense)
        try:
            rows, cols = linear_sum_assignment(dense)
        except ValueError:
            infeasible += 1
            assert len(pairs) < 100
            continue
        assert len(pairs) == 100
        assert sum(dense[r, c] for r, c in pairs) == dense[rows, cols].sum()
    assert 0 < infeasible < 100


# ---------------------------------------------------------------------------------------------
# scipy csgraph: maximum_bipartite_matching and min_weight_full_bipartite_matching


def cardinality(matrix: csr_array) -> Pairs:
    coo = coo_array(matrix)
    chosen = samman.assign(coo.shape[0], coo.shape[1], coo.row, coo.col,
                           np.zeros(len(coo.row)), objective="max_cardinality")
    pairs = sorted(zip(coo.row[chosen].tolist(), coo.col[chosen].tolist()))
    assert_a_matching(pairs)
    return pairs


@pytest.mark.parametrize("shape", [(0, 0), (2, 0), (0, 3), (2, 2)])
def test_csgraph_maximum_matching_of_empty_graphs(shape: Tuple[int, int]) -> None:
    """scipy test_matching.py::test_maximum_bipartite_matching_empty_graph,
    _empty_left_partition, _empty_right_partition, _graph_with_no_edges."""
    assert cardinality(csr_array(shape)) == []


@pytest.mark.parametrize(
    "graph, expected",
    [
        # test_maximum_bipartite_matching_graph_that_causes_augmentation
        ([[1, 1], [1, 0]], [(0, 1), (1, 0)]),
        # test_maximum_bipartite_matching_graph_with_more_rows_than_columns
        ([[1, 1], [1, 0], [0, 1]], [(0, 0), (2, 1)]),
        # test_maximum_bipartite_matching_graph_with_more_columns_than_rows
        ([[1, 1, 0], [0, 0, 1]], [(0, 0), (1, 2)]),
    ],
)
def test_csgraph_maximum_matching_small_graphs(graph: list, expected: Pairs) -> None:
    """scipy test_matching.py, the small maximum_bipartite_matching cases: the same number of
    pairs (the pairs themselves where the maximum matching is unique)."""
    pairs = cardinality(csr_array(graph))
    assert len(pairs) == len(expected)
    if graph == [[1, 1], [1, 0]]:
        assert pairs == expected
    assert all(graph[r][c] for r, c in pairs)


def test_csgraph_explicit_zeros_count_as_edges() -> None:
    """scipy test_matching.py::test_maximum_bipartite_matching_explicit_zeros_count_as_edges."""
    graph = csr_array(([0, 0], [1, 0], [0, 1, 2]), shape=(2, 2))
    assert cardinality(graph) == [(0, 1), (1, 0)]


def test_csgraph_feasibility_of_result() -> None:
    """scipy test_matching.py::test_maximum_bipartite_matching_feasibility_of_result
    (gh-11458): 13 pairs, each an edge of the graph."""
    indices = [11, 12, 19, 22, 23, 5, 22, 3, 8, 10, 5, 6, 11, 12, 13, 5, 13,
               14, 20, 22, 3, 15, 3, 13, 14, 11, 12, 19, 22, 23, 5, 22, 3, 8,
               10, 5, 6, 11, 12, 13, 5, 13, 14, 20, 22, 3, 15, 3, 13, 14]
    indptr = [0, 5, 7, 10, 10, 15, 20, 22, 22, 23, 25, 30, 32, 35, 35, 40, 45,
              47, 47, 48, 50]
    graph = csr_array((np.ones(50, dtype=int), indices, indptr), shape=(20, 25))
    pairs = cardinality(graph)
    assert len(pairs) == 13
    assert all(graph[r, c] for r, c in pairs)


def test_csgraph_duplicate_entries() -> None:
    """scipy test_matching.py::test_maximum_bipartite_matching_duplicate_entries_in_csr_input
    and the min_weight_full_bipartite_matching twin (gh-26160): 100 000 parallel edges."""
    k = 100_000
    graph = csr_array((np.ones(2 + k), [0, 1] + [0] * k, [0, 2, 2 + k]), shape=(2, 2))
    assert cardinality(graph) == [(0, 1), (1, 0)]
    assert solve_sparse(graph) == [(0, 1), (1, 0)]


def test_csgraph_permuted_identity() -> None:
    """scipy test_matching.py::test_matching_large_random_graph_with_one_edge_incident_to_each_
    vertex: a randomly permuted 25 x 25 identity has its permutation as only perfect matching."""
    rng = np.random.RandomState(42)
    perm = rng.permutation(25)
    graph = csr_array((np.ones(25), (np.arange(25), perm)), shape=(25, 25))
    assert cardinality(graph) == list(zip(range(25), perm.tolist()))


@pytest.mark.parametrize(
    "graph",
    [
        [[1, 1, 1], [1, 0, 0], [1, 0, 0]],
        [[1, 1, 1], [0, 0, 1], [0, 0, 1]],
        [[1, 0, 0, 1], [1, 1, 0, 1], [0, 0, 0, 0]],
        [[1, 0, 0], [2, 0, 0]],
        [[0, 1, 0], [0, 2, 0]],
        [[1, 0], [2, 0], [5, 0]],
    ],
)
def test_csgraph_min_weight_full_matching_infeasible(graph: list) -> None:
    """scipy test_matching.py::test_min_weight_full_matching_infeasible_problems: no full
    matching of the smaller side, so samman's most pairs fall short of it."""
    matrix = csr_array(graph)
    assert len(solve_sparse(matrix)) < min(matrix.shape)


def test_csgraph_min_weight_full_matching_large_infeasible() -> None:
    """scipy test_matching.py::test_min_weight_full_matching_large_infeasible (gh-17269): the
    22 x 22 pattern of that test (rows 0-8 each have one entry, in columns 13-21; rows 9-21
    reach only columns 0-12), which no full matching covers."""
    pattern = {r: [13 + r] for r in range(9)}
    pattern.update({9: [1, 4, 5, 9], 10: [3], 11: [4, 9], 12: [1, 5, 9], 13: [0, 2, 8],
                    14: [2, 8], 15: [0, 8], 16: [1, 5, 9], 17: [12], 18: [6], 19: [7, 10, 11],
                    20: [7, 10, 11], 21: [0, 8]})
    rows = [r for r, cols in pattern.items() for _ in cols]
    cols = [c for cs in pattern.values() for c in cs]
    matrix = csr_array((np.linspace(0.01, 0.9, len(rows)), (rows, cols)), shape=(22, 22))
    assert len(solve_sparse(matrix)) < 22
    with pytest.raises(ValueError):
        linear_sum_assignment(np.where(matrix.toarray() > 0, matrix.toarray(), np.inf))


# ---------------------------------------------------------------------------------------------
# networkx: algorithms/bipartite/tests/test_matching.py


def nx_cardinality(n_left: int, n_right: int, edges: Sequence[Tuple[int, int]]) -> Pairs:
    left = np.array([u for u, _ in edges], dtype=np.uint32)
    right = np.array([v for _, v in edges], dtype=np.uint32)
    chosen = samman.assign(n_left, n_right, left, right, np.ones(len(edges)),
                           objective="max_cardinality")
    pairs = sorted((edges[e][0], edges[e][1]) for e in chosen.tolist())
    assert_a_matching(pairs)
    return pairs


def test_networkx_hopcroft_karp_and_eppstein() -> None:
    """networkx TestMatching.test_hopcroft_karp_matching / test_eppstein_matching: vertices 0-5
    on top, 6-11 below; every vertex but 1 and 10 is matched."""
    edges = [(0, 7), (0, 8), (2, 6), (2, 9), (3, 8), (4, 8), (4, 9), (5, 11)]
    pairs = nx_cardinality(6, 6, [(u, v - 6) for u, v in edges])
    matched = {u for u, _ in pairs} | {v + 6 for _, v in pairs}
    assert matched == set(range(12)) - {1, 10}


def test_networkx_simple_complete_bipartite() -> None:
    """networkx TestMatching.test_hopcroft_karp_matching_simple: K(2, 3) matches both tops."""
    pairs = nx_cardinality(2, 3, [(u, v) for u in range(2) for v in range(3)])
    assert len(pairs) == 2


def test_networkx_issue_1927() -> None:
    """networkx test_eppstein_matching (issue #1927): tops a, 2, 3, 4 and bottoms 1, b, c."""
    top, bottom = ["a", 2, 3, 4], [1, "b", "c"]
    edges = [("a", 1), ("a", "b"), (2, "b"), (2, "c"), (3, "c"), (4, 1)]
    pairs = nx_cardinality(4, 3, [(top.index(u), bottom.index(v)) for u, v in edges])
    assert len(pairs) == 3


def nx_min_weight_full(n_top: int, edges: Dict[Tuple[int, int], float]) -> Optional[Dict[int, int]]:
    """networkx's minimum_weight_full_matching as samman computes it (tops 0..n_top-1), or
    None when no full matching exists."""
    keys = list(edges)
    bottoms = sorted({v for _, v in keys})
    left = [u for u, _ in keys]
    right = [bottoms.index(v) for _, v in keys]
    chosen = samman.assign(n_top, len(bottoms), left, right, [-edges[k] for k in keys],
                           objective="max_cardinality")
    if len(chosen) < min(n_top, len(bottoms)):
        return None
    return {keys[e][0]: keys[e][1] for e in chosen.tolist()}


def square(weights: List[List[float]], n_top: int) -> Dict[Tuple[int, int], float]:
    return {(u, n_top + j): w for u, row in enumerate(weights) for j, w in enumerate(row)}


@pytest.mark.parametrize(
    "name, n_top, edges, expected",
    [
        ("incomplete_graph", 2, {(0, 3): 100, (1, 2): 100, (1, 3): 50}, {0: 3, 1: 2}),
        ("square", 3, square([[400, 150, 400], [400, 450, 600], [300, 225, 300]], 3),
         {0: 4, 1: 3, 2: 5}),
        ("smaller_left", 3,
         square([[400, 150, 400, 1], [400, 450, 600, 2], [300, 225, 290, 3]], 3),
         {0: 4, 1: 6, 2: 5}),
        ("negative_weights", 2, square([[-2, 0.2], [-2, 0.3]], 2), {0: 3, 1: 2}),
        ("different_weight_key", 2, square([[2, 0.2], [1, 2]], 2), {0: 3, 1: 2}),
    ],
)
def test_networkx_minimum_weight_full_matching(name: str, n_top: int,
                                               edges: Dict[Tuple[int, int], float],
                                               expected: Dict[int, int]) -> None:
    """networkx TestMinimumWeightFullMatching: test_minimum_weight_full_matching_<name>
    (``incomplete_graph`` relabelled to tops 0, 1 and bottoms 2, 3)."""
    assert nx_min_weight_full(n_top, edges) == expected


def test_networkx_minimum_weight_full_matching_smaller_right() -> None:
    """networkx test_minimum_weight_full_matching_smaller_right (and _smaller_top_nodes_right):
    4 tops, 3 bottoms; the full matching of the bottoms is {4: 1, 5: 3, 6: 2}."""
    weights = {(0, 4): 400, (0, 5): 400, (0, 6): 300, (1, 4): 150, (1, 5): 450, (1, 6): 225,
               (2, 4): 400, (2, 5): 600, (2, 6): 290, (3, 4): 1, (3, 5): 2, (3, 6): 3}
    matching = nx_min_weight_full(4, weights)
    assert matching == {1: 4, 2: 6, 3: 5}


def test_networkx_minimum_weight_full_matching_with_no_full_matching() -> None:
    """networkx test_minimum_weight_full_matching_with_no_full_matching."""
    edges = {(0, 3): 100, (1, 3): 100, (2, 3): 50, (2, 4): 50, (2, 5): 50}
    assert nx_min_weight_full(3, edges) is None


# ---------------------------------------------------------------------------------------------
# matching (daffidwilde/matching)


def stable(left: Dict[str, List[str]], right: Dict[str, List[str]],
           capacity: Optional[Dict[str, int]] = None) -> Dict[str, Optional[str]]:
    """samman.stable_match on named preference lists, left proposing."""
    lefts, rights = list(left), list(right)
    partners = samman.stable_match(
        [[rights.index(x) for x in left[name]] for name in lefts],
        [[lefts.index(x) for x in right[name]] for name in rights],
        None if capacity is None else [capacity[name] for name in rights],
    )
    return {name: (rights[j] if j >= 0 else None) for name, j in zip(lefts, partners.tolist())}


def test_matching_stable_marriage_pride_and_prejudice() -> None:
    """matching tests/stable_marriage/test_examples.py::test_pride_and_prejudice."""
    suitors = {
        "Bingley": ["Jane", "Elizabeth", "Lydia", "Charlotte"],
        "Collins": ["Jane", "Elizabeth", "Lydia", "Charlotte"],
        "Darcy": ["Elizabeth", "Jane", "Charlotte", "Lydia"],
        "Wickham": ["Lydia", "Jane", "Elizabeth", "Charlotte"],
    }
    reviewers = {
        "Charlotte": ["Bingley", "Darcy", "Collins", "Wickham"],
        "Elizabeth": ["Wickham", "Darcy", "Bingley", "Collins"],
        "Jane": ["Bingley", "Wickham", "Darcy", "Collins"],
        "Lydia": ["Bingley", "Wickham", "Darcy", "Collins"],
    }
    assert stable(suitors, reviewers) == {
        "Bingley": "Jane", "Collins": "Charlotte", "Darcy": "Elizabeth", "Wickham": "Lydia",
    }


def test_matching_stable_marriage_readme_example() -> None:
    """matching tests/stable_marriage/test_examples.py::test_readme_example."""
    suitors = {"A": ["D", "E", "F"], "B": ["D", "F", "E"], "C": ["F", "D", "E"]}
    reviewers = {"D": ["B", "C", "A"], "E": ["A", "C", "B"], "F": ["C", "B", "A"]}
    assert stable(suitors, reviewers) == {"A": "E", "B": "D", "C": "F"}


def test_matching_hospital_resident_readme_example() -> None:
    """matching tests/hospital_resident/test_examples.py::test_readme_example (resident
    optimal): {M: [L, S], C: [D, A], G: [J]}."""
    residents = {"A": ["C"], "S": ["C", "M"], "D": ["C", "M", "G"], "J": ["C", "G", "M"],
                 "L": ["M", "C", "G"]}
    hospitals = {"M": ["D", "L", "S", "J"], "C": ["D", "A", "S", "L", "J"],
                 "G": ["D", "J", "L"]}
    got = stable(residents, hospitals, {h: 2 for h in hospitals})
    assert got == {"A": "C", "S": "M", "D": "C", "J": "G", "L": "M"}


def test_matching_hospital_resident_issue_67() -> None:
    """matching tests/hospital_resident/test_examples.py::test_example_in_issue_67."""
    groups = {"Group 1": ["Intellectual property", "Privacy"],
              "Group 2": ["Privacy", "Fairness in AI"],
              "Group 3": ["Privacy", "Social media"]}
    topics = {"Fairness in AI": ["Group 2"], "Intellectual property": ["Group 1"],
              "Privacy": ["Group 3", "Group 2", "Group 1"], "Social media": ["Group 3"]}
    got = stable(groups, topics, {t: 2 for t in topics})
    assert got == {"Group 1": "Intellectual property", "Group 2": "Privacy",
                   "Group 3": "Privacy"}


def test_matching_hospital_resident_loses_all_preferences() -> None:
    """matching tests/hospital_resident/test_examples.py::test_resident_loses_all_preferences."""
    residents = {"A": ["X"], "B": ["X", "Y"]}
    hospitals = {"X": ["B", "A"], "Y": ["B"]}
    assert stable(residents, hospitals, {"X": 1, "Y": 1}) == {"A": None, "B": "X"}


# ---------------------------------------------------------------------------------------------
# OR-Tools: the linear assignment samples of its documentation ("Total cost = 265").

ORTOOLS_COSTS = [[90, 76, 75, 70], [35, 85, 55, 65], [125, 95, 90, 105], [45, 110, 95, 115]]
ORTOOLS_MIP_COSTS = [[90, 80, 75, 70], [35, 85, 55, 65], [125, 95, 90, 95], [45, 110, 95, 115],
                     [50, 100, 90, 100]]


@pytest.mark.parametrize("costs", [ORTOOLS_COSTS, ORTOOLS_MIP_COSTS],
                         ids=["linear_sum_assignment_and_min_flow", "mip_5_workers_4_tasks"])
def test_ortools_assignment_samples(costs: List[List[int]]) -> None:
    """OR-Tools samples assignment_linear_sum_assignment / assignment_min_flow (4 workers, 4
    tasks) and assignment_mip (5 workers, 4 tasks): total cost 265, checked here against every
    assignment too."""
    matrix = np.array(costs)
    pairs = solve_matrix(matrix)
    total = sum(int(matrix[r, c]) for r, c in pairs)
    n_workers, n_tasks = matrix.shape
    best = min(sum(int(matrix[w, t]) for t, w in enumerate(workers))
               for workers in itertools.permutations(range(n_workers), n_tasks))
    assert len(pairs) == n_tasks
    assert total == best == 265
    assert pairs[:1] == [(0, 3)] and (3, 0) in pairs


# ---------------------------------------------------------------------------------------------
# A randomized differential test against scipy's linear_sum_assignment


@pytest.mark.parametrize("seed", range(4))
def test_differential_against_scipy_linear_sum_assignment(seed: int) -> None:
    """Sizes 1 to 40, dense and sparse, integer and float costs, minimise and maximise, with
    infinite entries as missing edges: samman finds a full matching of the smaller side exactly
    when scipy does, of the same cost (exactly for integers; within the documented rounding
    bound for floats)."""
    rng = np.random.default_rng(1700 + seed)
    for case in range(60):
        n_rows, n_cols = rng.integers(1, 41, size=2)
        integer = case % 2 == 0
        density = [1.0, 0.5, 0.15][case % 3]
        maximize = case % 4 >= 2
        values = (rng.integers(-1000, 1000, (n_rows, n_cols)).astype(float) if integer
                  else rng.uniform(-100.0, 100.0, (n_rows, n_cols)))
        missing = rng.random((n_rows, n_cols)) >= density
        cost = np.where(missing, -np.inf if maximize else np.inf, values)
        pairs = solve_matrix(np.where(missing, np.inf, values), maximize=maximize)
        assert_a_matching(pairs)
        assert all(not missing[r, c] for r, c in pairs)
        try:
            rows, cols = linear_sum_assignment(cost, maximize=maximize)
        except ValueError:
            assert len(pairs) < min(n_rows, n_cols), (seed, case)
            continue
        expected = values[rows, cols].sum()
        got = sum(values[r, c] for r, c in pairs)
        assert len(pairs) == min(n_rows, n_cols), (seed, case)
        if integer:
            assert got == expected, (seed, case)
        else:
            # s is the largest power of two with max|w| s <= 2**30, so s > 2**29 / max|w|;
            # k pairs are off by at most 2k/s in all.
            bound = 2 * len(pairs) * np.abs(values).max() / 2**29
            assert abs(got - expected) <= bound + 1e-9 * abs(expected), (seed, case)
