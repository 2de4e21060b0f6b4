"""samman's rounds planner next to a CP-SAT model (OR-Tools) of the same rounds.

The social golfer problem: ``people`` players in ``groups`` groups of ``size`` for ``rounds``
rounds, as few repeated pairs as possible (0: no two players meet twice). Both get the same
time limit; the table gives the repeats each found and the seconds it took.

The CP-SAT model: ``x[p, g, r]`` (player p in group g in round r), one group per player and
round, ``size`` players per group; ``m[p, q, g, r] >= x[p, g, r] + x[q, g, r] - 1`` marks a
meeting; ``extra[p, q] >= sum of m[p, q, ., .] - 1`` counts the pair's repeats; minimise the
sum of ``extra``. Round 1 is fixed (players in order), which breaks the symmetry of relabelling
players without losing any schedule.

    python benches/peers/rounds_cpsat.py          # Kirkman, 5-4-5, 8-4-9, 8-4-10 (60 s each)
    python benches/peers/rounds_cpsat.py --quick  # Kirkman and 5-4-5, 10 s each
"""

from __future__ import annotations

import argparse
import itertools
import time

import samman
from ortools.sat.python import cp_model


def cpsat(people: int, groups: int, size: int, rounds: int, seconds: float) -> tuple[int | None, float]:
    model = cp_model.CpModel()
    x = {
        (p, g, r): model.new_bool_var(f"x{p}_{g}_{r}")
        for p in range(people)
        for g in range(groups)
        for r in range(rounds)
    }
    for r in range(rounds):
        for p in range(people):
            model.add_exactly_one(x[p, g, r] for g in range(groups))
        for g in range(groups):
            model.add(sum(x[p, g, r] for p in range(people)) == size)
    for p in range(people):
        model.add(x[p, p // size, 0] == 1)
    extras = []
    for p, q in itertools.combinations(range(people), 2):
        meets = []
        for r in range(rounds):
            for g in range(groups):
                m = model.new_bool_var("")
                model.add_bool_or([x[p, g, r].Not(), x[q, g, r].Not(), m])
                meets.append(m)
        extra = model.new_int_var(0, rounds, "")
        model.add(extra >= sum(meets) - 1)
        extras.append(extra)
    model.minimize(sum(extras))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 1
    started = time.perf_counter()
    status = solver.solve(model)
    elapsed = time.perf_counter() - started
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return int(solver.objective_value), elapsed
    return None, elapsed


def ours(people: int, groups: int, size: int, rounds: int, seconds: float) -> tuple[int, float]:
    instance = samman.Instance.from_dict(
        {
            "version": 1,
            "seekers": [{"id": f"p{i}"} for i in range(people)],
            "providers": [
                {"id": f"t{g}", "capacity": size, "minimum": size} for g in range(groups)
            ],
        }
    )
    started = time.perf_counter()
    plan = samman.solve_rounds(instance, rounds, seed=1, time_limit_seconds=seconds)
    return plan["repeat_pairs"], time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    cases = [("Kirkman 5-3-7", 15, 5, 3, 7), ("golfers 5-4-5", 20, 5, 4, 5)]
    if not args.quick:
        cases.append(("golfers 8-4-9", 32, 8, 4, 9))
        cases.append(("golfers 8-4-10", 32, 8, 4, 10))
    seconds = 10.0 if args.quick else 60.0
    print("| case | samman repeats | samman s | CP-SAT repeats | CP-SAT s | limit s |")
    print("|---|---|---|---|---|---|")
    for name, people, groups, size, rounds in cases:
        a, ta = ours(people, groups, size, rounds, seconds)
        b, tb = cpsat(people, groups, size, rounds, seconds)
        shown = "none found" if b is None else str(b)
        print(f"| {name} | {a} | {ta:.2f} | {shown} | {tb:.2f} | {seconds:.0f} |")


if __name__ == "__main__":
    main()
