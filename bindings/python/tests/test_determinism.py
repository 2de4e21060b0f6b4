"""The same instance and seed give byte-identical plan JSON: over 100 runs, for every solver
and objective, from Python threads solving at once, with 1, 2 or 8 worker threads in the
core (``RAYON_NUM_THREADS``) and with or without its parallel component solve.

Every reference is computed in this process first; the repetitions compare bytes, never a
value stored in the test.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
import samman

RUNS = 100
SEED = 7


def plan_json(instance: samman.Instance, solver: str, objective: str = "max_score") -> str:
    return samman.solve(instance, solver=solver, objective=objective, seed=SEED).to_json()


@pytest.fixture(scope="module")
def dinners() -> samman.Instance:
    return samman.generate("dinners", 60, 3)


@pytest.mark.parametrize("objective", samman.OBJECTIVES)
@pytest.mark.parametrize("solver", samman.SOLVERS)
def test_100_runs_give_identical_plan_json(
    dinners: samman.Instance, solver: str, objective: str
) -> None:
    reference = plan_json(dinners, solver, objective)
    plan = json.loads(reference)
    assert plan["matches"], "the instance places someone, so the comparison means something"
    for run in range(RUNS):
        assert plan_json(dinners, solver, objective) == reference, f"run {run} differs"


@pytest.mark.parametrize("kind", samman.GENERATOR_KINDS)
def test_every_programme_and_solver_repeats(kind: str) -> None:
    instance = samman.generate(kind, 40, 5)
    for solver in samman.SOLVERS:
        reference = plan_json(instance, solver)
        assert all(plan_json(instance, solver) == reference for _ in range(20)), solver


def test_two_solves_are_equal_plans(dinners: samman.Instance) -> None:
    # The elapsed seconds differ between the runs and are not part of the plan.
    first = samman.solve(dinners, seed=SEED)
    second = samman.solve(dinners, seed=SEED)
    assert first == second
    assert first != samman.solve(dinners, seed=SEED, objective="max_placed")


def test_an_instance_read_back_from_json_gives_the_same_plan(dinners: samman.Instance) -> None:
    copies = [
        samman.Instance.from_json(dinners.to_json()),
        samman.Instance.from_json(dinners.to_json(pretty=True)),
        samman.Instance.from_dict(dinners.to_dict()),
        samman.generate("dinners", 60, 3),
    ]
    for solver in samman.SOLVERS:
        reference = plan_json(dinners, solver)
        for copy in copies:
            assert plan_json(copy, solver) == reference, solver


def test_parallel_and_sequential_component_solves_agree(dinners: samman.Instance) -> None:
    for solver in samman.SOLVERS:
        parallel = samman.solve(dinners, solver=solver, seed=SEED, parallel=True).to_json()
        sequential = samman.solve(dinners, solver=solver, seed=SEED, parallel=False).to_json()
        assert parallel == sequential, solver


def test_threads_solving_at_once_get_identical_plans(dinners: samman.Instance) -> None:
    references = {solver: plan_json(dinners, solver) for solver in samman.SOLVERS}
    jobs = [solver for solver in samman.SOLVERS for _ in range(25)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda solver: (solver, plan_json(dinners, solver)), jobs))
    assert len(results) == len(jobs)
    for solver, text in results:
        assert text == references[solver], solver


def test_threads_sharing_one_instance_with_different_seeds(dinners: samman.Instance) -> None:
    # Each seed has its own answer; running them side by side must not mix them up.
    seeds = [0, 1, 2, 3]
    expected = {seed: samman.solve(dinners, solver="groups", seed=seed).to_json() for seed in seeds}
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(
            pool.map(
                lambda seed: (seed, samman.solve(dinners, solver="groups", seed=seed).to_json()),
                seeds * 10,
            )
        )
    for seed, text in results:
        assert text == expected[seed], seed


CHILD = """
import hashlib, samman
instance = samman.generate("dinners", 300, 11)
for solver in samman.SOLVERS:
    text = samman.solve(instance, solver=solver, seed={seed}).to_json()
    print(solver, hashlib.sha256(text.encode()).hexdigest())
"""


def test_one_two_and_eight_core_threads_agree() -> None:
    instance = samman.generate("dinners", 300, 11)
    expected = "\n".join(
        f"{solver} {hashlib.sha256(plan_json(instance, solver).encode()).hexdigest()}"
        for solver in samman.SOLVERS
    )
    for threads in ("1", "2", "8"):
        out = subprocess.run(
            [sys.executable, "-c", CHILD.format(seed=SEED)],
            env={**os.environ, "RAYON_NUM_THREADS": threads},
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout.strip()
        assert out == expected, f"RAYON_NUM_THREADS={threads}"


def test_assign_and_stable_match_repeat() -> None:
    rng = np.random.default_rng(4)
    n, m = 50, 600
    left = rng.integers(0, n, m)
    right = rng.integers(0, n, m)
    # Many equal weights, so that ties have to be broken the same way every time.
    weight = rng.integers(1, 4, m).astype(np.float64)
    capacity = rng.integers(1, 4, n)
    reference = samman.assign(n, n, left, right, weight, capacity, capacity)
    left_prefs = [rng.permutation(n) for _ in range(n)]
    right_prefs = [rng.permutation(n) for _ in range(n)]
    stable = samman.stable_match(left_prefs, right_prefs, capacity)
    for _ in range(RUNS):
        assert np.array_equal(
            samman.assign(n, n, left, right, weight, capacity, capacity), reference
        )
        assert np.array_equal(samman.stable_match(left_prefs, right_prefs, capacity), stable)
