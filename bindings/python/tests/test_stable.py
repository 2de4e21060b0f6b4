"""samman.stable_match against the `matching` package's hospital/residents game."""

from __future__ import annotations

import random
from typing import Dict, List, Tuple

import numpy as np
import pytest
from matching.games import HospitalResident

import samman

Market = Tuple[List[List[int]], List[List[int]], List[int]]


def random_market(rng: random.Random) -> Market:
    """Random lists in which about one entry in five is one-sided (not returned by the other
    side), which makes the pair unacceptable."""
    n_left = rng.randint(1, 12)
    n_right = rng.randint(1, 6)
    acceptable = {(i, j) for i in range(n_left) for j in range(n_right) if rng.random() < 0.6}
    left_prefs = []
    for i in range(n_left):
        mine = [j for j in range(n_right) if (i, j) in acceptable or rng.random() < 0.1]
        rng.shuffle(mine)
        left_prefs.append(mine)
    right_prefs = []
    for j in range(n_right):
        mine = [i for i in range(n_left) if (i, j) in acceptable or rng.random() < 0.1]
        rng.shuffle(mine)
        right_prefs.append(mine)
    capacity = [rng.randint(1, 3) for _ in range(n_right)]
    return left_prefs, right_prefs, capacity


def reference(market: Market, optimal: str) -> List[int]:
    """The `matching` package's solution, given only mutually acceptable pairs (so that it
    has nothing to clean and warns about nothing)."""
    left_prefs, right_prefs, capacity = market
    mutual_left = [[j for j in prefs if i in right_prefs[j]] for i, prefs in enumerate(left_prefs)]
    mutual_right = [[i for i in prefs if j in left_prefs[i]] for j, prefs in enumerate(right_prefs)]
    residents = {f"r{i}": [f"h{j}" for j in p] for i, p in enumerate(mutual_left) if p}
    hospitals = {f"h{j}": [f"r{i}" for i in p] for j, p in enumerate(mutual_right) if p}
    capacities = {f"h{j}": c for j, c in enumerate(capacity) if f"h{j}" in hospitals}
    partner = [-1] * len(left_prefs)
    if residents and hospitals:
        game = HospitalResident.create_from_dictionaries(residents, hospitals, capacities)
        solution: Dict[object, List[object]] = game.solve(optimal=optimal)
        for hospital, matched in solution.items():
            for resident in matched:
                partner[int(str(resident)[1:])] = int(str(hospital)[1:])
    return partner


@pytest.mark.parametrize(("proposing", "optimal"), [("left", "resident"), ("right", "hospital")])
def test_stable_match_equals_matching_package(proposing: str, optimal: str) -> None:
    rng = random.Random(1962 + len(proposing))
    nontrivial = 0
    for _ in range(250):
        market = random_market(rng)
        left_prefs, right_prefs, capacity = market
        ours = samman.stable_match(left_prefs, right_prefs, capacity, proposing=proposing)
        assert ours.dtype == np.int64
        expected = reference(market, optimal)
        assert ours.tolist() == expected, market
        nontrivial += any(p >= 0 for p in expected)
    assert nontrivial > 200


def test_resident_and_hospital_optimal_differ_somewhere() -> None:
    rng = random.Random(5)
    differ = 0
    for _ in range(250):
        left_prefs, right_prefs, capacity = random_market(rng)
        a = samman.stable_match(left_prefs, right_prefs, capacity, proposing="left")
        b = samman.stable_match(left_prefs, right_prefs, capacity, proposing="right")
        differ += a.tolist() != b.tolist()
    assert differ > 0


def test_documented_example() -> None:
    matched = samman.stable_match([[0, 1], [0], [0, 1]], [[2, 0, 1], [0, 2]], [2, 1])
    assert matched.tolist() == [0, -1, 0]


def test_default_capacity_is_one_and_arrays_work() -> None:
    left = [np.array([0, 1], dtype=np.int64), np.array([0], dtype=np.uint32)]
    right = np.array([[1, 0], [0, 1]], dtype=np.int32)  # rows are the lists
    assert samman.stable_match(left, right).tolist() == [1, 0]
