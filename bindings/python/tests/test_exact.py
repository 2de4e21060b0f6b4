"""Issue 17: `assign` is exact on every integer weight, takes weights as scipy does (bools as
0 and 1), and names the argument of every bad scalar in a ValueError."""

from __future__ import annotations

import random
from typing import Any, List, Sequence

import numpy as np
import pytest

import samman


def brute_force(n_left: int, n_right: int, left: Sequence[int], right: Sequence[int],
                weight: Sequence[int]) -> int:
    """The exact best total weight of a one-to-one matching, by enumeration (Python ints)."""
    best = 0
    m = len(left)
    for mask in range(1 << m):
        chosen = [e for e in range(m) if mask >> e & 1]
        if len({left[e] for e in chosen}) == len(chosen) == len({right[e] for e in chosen}):
            best = max(best, sum(weight[e] for e in chosen))
    return best


def test_the_cases_of_the_issue_are_exact() -> None:
    chosen = samman.assign(60000, 60000, [0, 0, 1, 1], [0, 1, 0, 1], [10**7, 10**7, 1, 2])
    assert chosen.tolist() == [0, 3]
    assert samman.assign(1, 2, [0, 0], [0, 1], [2**62, 2**62 - 4096]).tolist() == [0]
    assert samman.assign(1, 2, [0, 0], [0, 1], [2**62 - 4096, 2**62]).tolist() == [1]
    # The same as floats, whole numbers beyond 2**53.
    as_floats = np.array([2.0**62 - 4096, 2.0**62])
    assert samman.assign(1, 2, [0, 0], [0, 1], as_floats).tolist() == [1]


@pytest.mark.parametrize("dtype", [np.int64, np.int32, np.uint64, np.uint8, np.int8, "list"])
def test_integer_dtypes_at_their_extremes(dtype: Any) -> None:
    if dtype == "list":
        big, values = 2**63 - 1, lambda xs: xs
    else:
        big = int(np.iinfo(dtype).max)
        big = min(big, 2**63 - 1)
        values = lambda xs: np.array(xs, dtype=dtype)  # noqa: E731
    weight = values([big, big - 1, big - 1, big])
    chosen = samman.assign(2, 2, [0, 0, 1, 1], [0, 1, 0, 1], weight)
    assert chosen.tolist() == [0, 3]


def test_random_huge_integers_match_a_brute_force() -> None:
    rng = random.Random(17)
    for _ in range(300):
        n_left, n_right = rng.randint(1, 4), rng.randint(1, 4)
        m = rng.randint(0, 9)
        left = [rng.randrange(n_left) for _ in range(m)]
        right = [rng.randrange(n_right) for _ in range(m)]
        base = rng.choice([2**63 - 100, 2**62, 10**15, 10**7])
        weight = [base - rng.randrange(64) for _ in range(m)]
        # Extra nodes without edges do not weaken the guarantee.
        chosen = samman.assign(n_left + 50_000, n_right + 50_000, left, right, weight)
        assert sum(weight[e] for e in chosen) == brute_force(n_left, n_right, left, right, weight)
        chosen = samman.assign(n_left, n_right, left, right, np.array(weight, dtype=np.int64))
        assert sum(weight[e] for e in chosen) == brute_force(n_left, n_right, left, right, weight)


def test_bools_are_zero_and_one() -> None:
    assert samman.assign(1, 1, [0], [0], np.array([True])).tolist() == [0]
    assert samman.assign(1, 1, [0], [0], np.array([False])).tolist() == []
    eye = np.identity(3, dtype=bool)
    rows, cols = np.nonzero(np.ones((3, 3)))
    chosen = samman.assign(3, 3, rows, cols, eye[rows, cols])
    assert sorted(zip(rows[chosen].tolist(), cols[chosen].tolist())) == [(0, 0), (1, 1), (2, 2)]
    assert samman.assign(1, 1, [0], [0], [True]).tolist() == [0]


def test_whole_floats_too_large_for_128_bits_are_an_error_not_rounded() -> None:
    with pytest.raises(ValueError, match="too large to solve exactly"):
        samman.assign(2, 2, [0, 1], [0, 1], [1e40, 3.0])
    # With a fractional weight the float bound applies and there is an answer.
    assert samman.assign(2, 2, [0, 1], [0, 1], [1e40, 3.5]).tolist() == [0, 1]


def test_fractional_weights_within_the_documented_bound() -> None:
    # max |w| = 1.5 on 3 nodes with edges: s = 2**29; two units apart are told apart.
    unit = 2.0**-29
    chosen = samman.assign(1, 2, [0, 0], [0, 1], [1.5 - 2 * unit, 1.5])
    assert chosen.tolist() == [1]


@pytest.mark.parametrize(
    "weight, message",
    [
        ([10**400], r"weight\[0\] is an integer outside 64 bits"),
        ([1, -(2**63) - 1], r"weight\[1\] is an integer outside 64 bits"),
        ([10**400, 0.5], r"weight\[0\] is an integer too large for a float"),
        (np.array([2**64 - 1], dtype=np.uint64), r"weight\[0\] is an integer outside 64 bits"),
        (["1"], r"weight\[0\] must be a number, not str"),
        ("12", r"weight must be an array or a sequence of numbers, not a string"),
        (np.array(["a"]), r"weight must hold numbers"),
    ],
)
def test_bad_weights_name_the_position(weight: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        samman.assign(1, 1, [0] * len(weight), [0] * len(weight), weight)


@pytest.mark.parametrize("name", ["n_left", "n_right"])
@pytest.mark.parametrize(
    "value, message",
    [
        (-1, "is negative"),
        (1.0, "must be a non-negative integer, not float"),
        (True, "must be a non-negative integer, not bool"),
        ("2", "must be a non-negative integer, not str"),
        (None, "must be a non-negative integer, not NoneType"),
        (10**30, "is too large"),
        (-(10**30), "is negative"),
    ],
)
def test_bad_counts_are_value_errors_naming_the_argument(name: str, value: Any,
                                                          message: str) -> None:
    args: List[Any] = [1, 1, [], [], []]
    args[0 if name == "n_left" else 1] = value
    with pytest.raises(ValueError, match=f"^{name} {message}"):
        samman.assign(*args)


def test_numpy_integer_counts_are_accepted() -> None:
    assert samman.assign(np.int64(1), np.uint8(1), [0], [0], [1.0]).tolist() == [0]


@pytest.mark.parametrize(
    "size, seed, message",
    [(-1, 0, "^size is negative"), (2.0, 0, "^size must be"), (2, -5, "^seed is negative"),
     (2, 2**64, "^seed is too large")],
)
def test_generate_counts(size: Any, seed: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        samman.generate("dinner", size, seed)


def test_numpy_integers_are_accepted_for_size_and_seed() -> None:
    for size in [1, np.int64(3)]:
        assert samman.generate("dinners", size, np.uint64(7)).n_seekers > 0
