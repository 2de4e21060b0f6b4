"""Run another mechanism on samman's feasible pairs and judge its plan with samman's metrics.

samman builds the candidate graph (every pair that passes the hard rules, with its score);
scipy's ``linear_sum_assignment`` then picks the plan, and ``samman.evaluate`` checks it
against every rule and measures it, side by side with samman's own optimal solver.

linear_sum_assignment is one-to-one, so each provider becomes one column per seat (a volunteer
with a caseload of 3 is three columns) and each seeker gets a column of its own meaning
"unplaced" (score 0), so that a full assignment always exists. Missing pairs are +inf, which
scipy reads as forbidden. The volunteer-visits programme is used: every seeker is one person.

    python examples/python/scipy_mechanism.py --size 200 --seed 1
"""

from __future__ import annotations

import argparse
import sys
from typing import Dict, List, Optional, Tuple

import numpy as np
from scipy.optimize import linear_sum_assignment

import samman


def scipy_plan(instance: samman.Instance) -> List[Tuple[str, str]]:
    """The plan scipy's linear_sum_assignment finds on samman's feasible pairs."""
    pairs = samman.candidates(instance)
    capacity = [p["capacity"] for p in instance.to_dict()["providers"]]
    party = [s.get("party_size", 1) for s in instance.to_dict()["seekers"]]
    if any(size != 1 for size in party):
        raise SystemExit("this example needs one-person seekers (a party would need more seats)")
    # Column c < n_slots is a seat of provider slot_owner[c]; then one "unplaced" column each.
    slot_owner = np.repeat(np.arange(len(capacity)), capacity)
    first_slot = np.concatenate([[0], np.cumsum(capacity)[:-1]]).astype(np.int64)
    n_seekers, n_slots = len(pairs.seeker_ids), len(slot_owner)
    cost = np.full((n_seekers, n_slots + n_seekers), np.inf)
    for s, p, score in zip(pairs.seeker, pairs.provider, pairs.score):
        cost[s, first_slot[p]:first_slot[p] + capacity[p]] = -score
    cost[np.arange(n_seekers), n_slots + np.arange(n_seekers)] = 0.0
    rows, cols = linear_sum_assignment(cost)
    return [
        (pairs.seeker_ids[s], pairs.provider_ids[slot_owner[c]])
        for s, c in zip(rows.tolist(), cols.tolist())
        if c < n_slots
    ]


def main(argv: Optional[List[str]] = None) -> Dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=200, help="seekers")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    instance = samman.generate("visits", args.size, args.seed)
    pairs = samman.candidates(instance)
    print(f"{len(pairs)} feasible pairs among {len(pairs.seeker_ids)} seekers and "
          f"{len(pairs.provider_ids)} providers")

    plan = scipy_plan(instance)
    metrics = samman.evaluate(instance, plan)
    own = samman.solve(instance, solver="optimal")
    own_metrics = samman.evaluate(instance, own)
    print(f"scipy linear_sum_assignment: valid {metrics['validity']['valid']}, "
          f"placed {metrics['placement']['parties_placed']}, "
          f"total score {metrics['score']['total']:.3f}")
    print(f"samman optimal:              valid {own_metrics['validity']['valid']}, "
          f"placed {own_metrics['placement']['parties_placed']}, "
          f"total score {own_metrics['score']['total']:.3f}")
    if not metrics["validity"]["valid"]:
        print(f"violations: {metrics['validity']['violations']}", file=sys.stderr)
        raise SystemExit(1)
    return {"scipy": metrics["score"]["total"], "samman": own_metrics["score"]["total"]}


if __name__ == "__main__":
    main()
