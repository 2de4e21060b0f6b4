"""Fairness sweep: how fairly each solver treats newcomers as the share of newcomers changes.

Every (solver, seed, newcomer share) cell generates a dinner programme, plans it and evaluates
the plan, as one task on a Dask cluster. A LocalCluster runs here; the same code runs on a
multi-machine cluster by passing its scheduler's address (--scheduler tcp://host:8786), since
a task sends only its parameters and returns a dict of figures. The rows are collected into a
pandas DataFrame (written as CSV) and drawn with matplotlib.

    python examples/python/fairness_sweep.py --size 300 --seeds 10 --out fairness.png
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Dict, List, Optional

import matplotlib

matplotlib.use("Agg")  # no display needed

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from dask.distributed import Client, LocalCluster  # noqa: E402

import samman  # noqa: E402


def run_cell(solver: str, seed: int, newcomer_share: float, size: int) -> Dict[str, Any]:
    """One cell of the sweep: generate, solve, evaluate; only plain figures come back."""
    instance = samman.generate("dinners", size, seed, newcomer_share=newcomer_share)
    plan = samman.solve(instance, solver=solver)
    metrics = samman.evaluate(instance, plan)
    origin = next(
        (a for a in metrics["fairness"]["attributes"] if a["attribute"] == "origin"), None
    )
    rates = {g["value"]: g["placement_rate"] for g in origin["groups"]} if origin else {}
    return {
        "solver": solver,
        "seed": seed,
        "newcomer_share": newcomer_share,
        "people_rate": metrics["placement"]["people_rate"],
        "newcomer_placement_rate": rates.get("newcomer"),
        "established_placement_rate": rates.get("established"),
        "placement_rate_ratio": origin["placement_rate_ratio"] if origin else None,
        "blocking_pairs": metrics["stability"]["blocking_pairs"],
        "seconds": plan.seconds,
    }


def sweep(
    client: Client, solvers: List[str], seeds: int, shares: List[float], size: int
) -> pd.DataFrame:
    futures = [
        client.submit(run_cell, solver, seed, share, size, pure=False)
        for solver in solvers
        for seed in range(1, seeds + 1)
        for share in shares
    ]
    return pd.DataFrame(client.gather(futures))


def draw(frame: pd.DataFrame, path: str) -> None:
    summary = frame.groupby(["solver", "newcomer_share"]).agg(["mean", "std"]).reset_index()
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), constrained_layout=True)
    for solver, rows in summary.groupby("solver"):
        share = rows["newcomer_share"]
        for axis, column in ((left, "placement_rate_ratio"), (right, "people_rate")):
            axis.errorbar(
                share, rows[(column, "mean")], yerr=rows[(column, "std")].fillna(0),
                marker="o", capsize=3, label=str(solver),
            )
    left.set(xlabel="share of newcomers", ylabel="placement rate ratio (origin)",
             title="Fairness between newcomers and established residents")
    right.set(xlabel="share of newcomers", ylabel="share of people placed", title="Placement")
    left.axhline(1.0, color="grey", linewidth=0.8, linestyle="--")
    left.legend(title="solver")
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=300, help="guest parties per programme")
    parser.add_argument("--seeds", type=int, default=10, help="seeds per cell")
    parser.add_argument("--shares", type=float, nargs="+", default=[0.2, 0.35, 0.5, 0.65, 0.8])
    parser.add_argument("--solvers", nargs="+", default=samman.SOLVERS)
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    parser.add_argument("--scheduler", help="address of an existing Dask scheduler")
    parser.add_argument("--out", default="fairness.png", help="the figure (a .csv beside it)")
    args = parser.parse_args(argv)

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        frame = sweep(client, args.solvers, args.seeds, args.shares, args.size)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    frame = frame.sort_values(["solver", "newcomer_share", "seed"]).reset_index(drop=True)
    csv_path = args.out.rsplit(".", 1)[0] + ".csv"
    frame.to_csv(csv_path, index=False)
    draw(frame, args.out)
    print(frame.groupby(["solver", "newcomer_share"]).mean(numeric_only=True).round(3))
    print(f"wrote {args.out} and {csv_path} ({len(frame)} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
