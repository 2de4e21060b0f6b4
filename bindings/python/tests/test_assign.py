"""samman.assign against networkx's min-cost flow on random instances, and its input forms."""

from __future__ import annotations

import random
from typing import List, Optional, Tuple

import networkx as nx
import numpy as np
import pytest

import samman

Instance = Tuple[int, int, List[int], List[int], List[int], List[int], List[int]]


def random_instance(rng: random.Random) -> Instance:
    n_left = rng.randint(1, 8)
    n_right = rng.randint(1, 8)
    n_edges = rng.randint(0, 30)
    left = [rng.randrange(n_left) for _ in range(n_edges)]
    right = [rng.randrange(n_right) for _ in range(n_edges)]
    # Integer weights: networkx's min-cost flow is exact on integers only.
    weight = [rng.randint(-5, 20) for _ in range(n_edges)]
    left_capacity = [rng.randint(0, 3) for _ in range(n_left)]
    right_capacity = [rng.randint(0, 3) for _ in range(n_right)]
    return n_left, n_right, left, right, weight, left_capacity, right_capacity


def networkx_optimum(instance: Instance, objective: str) -> Tuple[int, int]:
    """(number of edges, total weight) of an optimal b-matching, by min-cost flow.

    Every edge gets its own node, so parallel edges stay separate. For max_weight, a
    zero-cost bypass from each left node to the sink lets the maximum flow saturate the
    source whatever is matched, so the min-cost maximum flow is a max-weight b-matching.
    """
    n_left, n_right, left, right, weight, left_capacity, right_capacity = instance
    g = nx.DiGraph()
    for i in range(n_left):
        g.add_edge("s", ("L", i), capacity=left_capacity[i], weight=0)
        if objective == "max_weight":
            g.add_edge(("L", i), "t", capacity=left_capacity[i], weight=0)
    for j in range(n_right):
        g.add_edge(("R", j), "t", capacity=right_capacity[j], weight=0)
    for e, (i, j, w) in enumerate(zip(left, right, weight)):
        g.add_edge(("L", i), ("E", e), capacity=1, weight=-w)
        g.add_edge(("E", e), ("R", j), capacity=1, weight=0)
    flow = nx.max_flow_min_cost(g, "s", "t")
    used = [e for e in range(len(left)) if flow[("E", e)][("R", right[e])] == 1]
    return len(used), sum(weight[e] for e in used)


def check_feasible(instance: Instance, chosen: np.ndarray) -> None:
    n_left, n_right, left, right, _, left_capacity, right_capacity = instance
    assert chosen.dtype == np.int64
    assert list(chosen) == sorted(set(chosen.tolist())), "ascending, each edge once"
    assert all(0 <= e < len(left) for e in chosen)
    for i in range(n_left):
        assert sum(1 for e in chosen if left[e] == i) <= left_capacity[i]
    for j in range(n_right):
        assert sum(1 for e in chosen if right[e] == j) <= right_capacity[j]


@pytest.mark.parametrize("objective", ["max_weight", "max_cardinality"])
def test_assign_equals_networkx_min_cost_flow(objective: str) -> None:
    rng = random.Random(20260905 + len(objective))
    for _ in range(300):
        instance = random_instance(rng)
        n_left, n_right, left, right, weight, left_capacity, right_capacity = instance
        chosen = samman.assign(
            n_left, n_right, left, right, weight, left_capacity, right_capacity,
            objective=objective,
        )
        check_feasible(instance, chosen)
        count, total = networkx_optimum(instance, objective)
        ours = sum(weight[e] for e in chosen)
        assert ours == total, (instance, chosen.tolist())
        if objective == "max_cardinality":
            assert len(chosen) == count, (instance, chosen.tolist())
        else:
            assert all(weight[e] > 0 for e in chosen), "max_weight never takes weight <= 0"


def test_default_capacities_are_one() -> None:
    # A left with two edges and a right with two edges: capacity 1 allows only one each.
    chosen = samman.assign(2, 2, [0, 0, 1], [0, 1, 0], [5.0, 4.0, 4.0])
    assert chosen.tolist() == [1, 2]


def test_documented_example() -> None:
    chosen = samman.assign(2, 2, [0, 1, 1], [0, 0, 1], [3.0, 2.0, 1.5], right_capacity=[2, 1])
    assert chosen.tolist() == [0, 1]


def _forms(values: List[int]) -> List[object]:
    return [
        values,
        tuple(values),
        np.array(values, dtype=np.int64),
        np.array(values, dtype=np.uint32),
        np.array(values, dtype=np.int32),
        np.array(values, dtype=np.uint8),
        np.repeat(np.array(values, dtype=np.uint32), 2)[::2],  # not contiguous
    ]


def test_every_input_form_gives_the_same_edges() -> None:
    rng = random.Random(7)
    n_left, n_right, left, right, weight, lc, rc = random_instance(rng)
    while len(left) < 10:
        n_left, n_right, left, right, weight, lc, rc = random_instance(rng)
    expected = samman.assign(n_left, n_right, left, right, weight, lc, rc).tolist()
    weights = [weight, np.array(weight, dtype=np.float64), np.array(weight, dtype=np.float32),
               np.array(weight, dtype=np.int64)]
    for lefts, rights, caps in zip(_forms(left), _forms(right), _forms(lc)):
        for w in weights:
            got = samman.assign(n_left, n_right, lefts, rights, w, caps, np.array(rc))
            assert got.tolist() == expected


def test_large_uint32_arrays_solve() -> None:
    rng = np.random.default_rng(3)
    n, m = 2000, 20000
    left = rng.integers(0, n, m, dtype=np.uint32)
    right = rng.integers(0, n, m, dtype=np.uint32)
    weight = rng.integers(1, 100, m).astype(np.float64)
    chosen = samman.assign(n, n, left, right, weight)
    assert len(chosen) > 0
    assert len(set(left[chosen].tolist())) == len(chosen)
    assert len(set(right[chosen].tolist())) == len(chosen)
