"""samman side by side with its peers, on the same instances, in the same run.

Generates seeded b-matching instances shaped like the domain (seekers and providers scattered
over a 40 km city, an edge wherever a provider is within a travel radius of a seeker, integer
weights so that every peer is exact, 1 seat per seeker and 2 to 8 per provider) at three sizes,
and times

- ``samman.assign(objective="max_weight")`` against OR-Tools' ``SimpleMinCostFlow`` (all sizes)
  and networkx's ``network_simplex`` (small and medium), asserting the same total weight;
- ``samman.stable_match`` (seekers proposing) against the ``matching`` package's
  ``HospitalResident`` game solved resident-optimal (small and medium), asserting the same
  matching.

Each pair is run several times, alternating which goes first; the table gives the median time
of each and the median of the per-pair ratios samman/peer. A peer run that exceeds its time
limit is stopped and reported as such (its time as a lower bound, the ratio as an upper one).

    python benches/peers/peers.py            # small, medium, large; rewrites BENCHMARKS.md
    python benches/peers/peers.py --quick    # small only, a few seconds; writes nothing

Only the section between the ``peers`` markers of BENCHMARKS.md is rewritten, so other sections
(the pipeline measurements of ``benches/peers/pipeline.py``) are kept.
"""

from __future__ import annotations

import argparse
import ctypes
import importlib.metadata
import math
import os
import platform
import shlex
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import networkx as nx
import numpy as np
from matching.games import HospitalResident
from ortools.graph.python import min_cost_flow

import samman

CITY_KM = 40.0
ROOT = Path(__file__).resolve().parents[2]
BEGIN = "<!-- peers:begin (written by benches/peers/peers.py) -->"
END = "<!-- peers:end -->"


# --------------------------------------------------------------------------------------------
# Instances


@dataclass
class Instance:
    """A bipartite b-matching instance: edge ``e`` joins seeker ``left[e]`` to provider
    ``right[e]`` with integer weight ``weight[e]``; edges are sorted by (left, right)."""

    name: str
    n_left: int
    n_right: int
    left: np.ndarray
    right: np.ndarray
    weight: np.ndarray
    right_capacity: np.ndarray

    @property
    def n_edges(self) -> int:
        return len(self.left)


@dataclass(frozen=True)
class Size:
    name: str
    n_left: int
    n_right: int
    edges_per_left: float
    seed: int
    assign_peers: Tuple[str, ...]
    stable: bool


SIZES = {
    "small": Size("small", 450, 50, 10.0, 1, ("ortools", "networkx"), True),
    "medium": Size("medium", 20_000, 2_000, 25.0, 2, ("ortools", "networkx"), True),
    "large": Size("large", 100_000, 10_000, 25.0, 3, ("ortools",), False),
}


def geometric(size: Size) -> Instance:
    """Seekers and providers uniform over the city; an edge where the distance is within the
    radius that gives ``edges_per_left`` providers per seeker on average. The weight is
    ``round(100 * (1 + closeness + preference))``, an integer from 100 to 300, where closeness
    is ``1 - distance / radius`` and preference is uniform in [0, 1)."""
    rng = np.random.default_rng(size.seed)
    seekers = rng.uniform(0.0, CITY_KM, (size.n_left, 2))
    providers = rng.uniform(0.0, CITY_KM, (size.n_right, 2))
    capacity = rng.integers(2, 9, size.n_right, dtype=np.int64)
    radius = math.sqrt(size.edges_per_left * CITY_KM**2 / (math.pi * size.n_right))
    cells = max(1, math.ceil(CITY_KM / radius))

    def cell(points: np.ndarray) -> np.ndarray:
        return np.minimum((points / radius).astype(np.int64), cells - 1)

    # Providers sorted by grid cell; starts[c]..starts[c + 1] are those in cell c.
    provider_cell = cell(providers)
    provider_cell_id = provider_cell[:, 1] * cells + provider_cell[:, 0]
    order = np.argsort(provider_cell_id, kind="stable")
    starts = np.searchsorted(provider_cell_id[order], np.arange(cells * cells + 1))
    seeker_cell = cell(seekers)
    lefts, rights = [], []
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            gx, gy = seeker_cell[:, 0] + dx, seeker_cell[:, 1] + dy
            inside = (gx >= 0) & (gx < cells) & (gy >= 0) & (gy < cells)
            c = np.where(inside, gy * cells + gx, 0)
            lo = starts[c]
            counts = np.where(inside, starts[c + 1] - lo, 0)
            total = int(counts.sum())
            within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
            lefts.append(np.repeat(np.arange(size.n_left), counts))
            rights.append(order[np.repeat(lo, counts) + within])
    left = np.concatenate(lefts)
    right = np.concatenate(rights)
    distance = np.hypot(*(seekers[left] - providers[right]).T)
    near = distance <= radius
    left, right, distance = left[near], right[near], distance[near]
    canonical = np.lexsort((right, left))
    left, right, distance = left[canonical], right[canonical], distance[canonical]
    preference = rng.uniform(0.0, 1.0, len(left))
    weight = np.rint(100.0 * (1.0 + (1.0 - distance / radius) + preference)).astype(np.int64)
    return Instance(size.name, size.n_left, size.n_right, left, right, weight, capacity)


def preference_lists(inst: Instance) -> Tuple[List[np.ndarray], List[np.ndarray]]:
    """Each side ranks its edges by weight, highest first, ties by the other side's index."""
    by_left = np.lexsort((inst.right, -inst.weight, inst.left))
    left_prefs = np.split(inst.right[by_left], np.cumsum(np.bincount(inst.left, minlength=inst.n_left))[:-1])
    by_right = np.lexsort((inst.left, -inst.weight, inst.right))
    right_prefs = np.split(
        inst.left[by_right], np.cumsum(np.bincount(inst.right, minlength=inst.n_right))[:-1]
    )
    return left_prefs, right_prefs


# --------------------------------------------------------------------------------------------
# The contenders. Each takes the instance (numpy arrays) and returns its answer; the time of
# the whole call is measured, so building each peer's network or game is included.


def assign_samman(inst: Instance) -> np.ndarray:
    return samman.assign(
        inst.n_left, inst.n_right, inst.left, inst.right, inst.weight,
        None, inst.right_capacity, objective="max_weight",
    )


def flow_network(inst: Instance) -> Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The min-cost flow network shared by OR-Tools and networkx: nodes source 0, seekers
    1..n_left, providers after them, sink last. Arcs: source->seeker (capacity 1, cost 0),
    one per edge seeker->provider (capacity 1, cost -weight), provider->sink (its seats, cost
    0), and a source->sink bypass (capacity n_left, cost 0), so that with supply n_left at the
    source every seeker may stay unmatched at no cost. The edge arcs come first."""
    n_left, n_right = inst.n_left, inst.n_right
    source, sink = 0, n_left + n_right + 1
    seekers = np.arange(1, n_left + 1)
    providers = np.arange(n_left + 1, n_left + n_right + 1)
    tail = np.concatenate([inst.left + 1, np.full(n_left, source), providers, [source]])
    head = np.concatenate([inst.right + n_left + 1, seekers, np.full(n_right, sink), [sink]])
    capacity = np.concatenate(
        [np.ones(inst.n_edges + n_left, np.int64), inst.right_capacity, [n_left]]
    )
    cost = np.concatenate([-inst.weight, np.zeros(n_left + n_right + 1, np.int64)])
    return tail, head, capacity, cost


def assign_ortools(inst: Instance) -> np.ndarray:
    tail, head, capacity, cost = flow_network(inst)
    smcf = min_cost_flow.SimpleMinCostFlow()
    arcs = smcf.add_arcs_with_capacity_and_unit_cost(tail, head, capacity, cost)
    supplies = np.zeros(inst.n_left + inst.n_right + 2, np.int64)
    supplies[0], supplies[-1] = inst.n_left, -inst.n_left
    smcf.set_nodes_supplies(np.arange(len(supplies)), supplies)
    status = smcf.solve()
    if status != smcf.OPTIMAL:
        raise RuntimeError(f"OR-Tools min-cost flow ended with status {status}")
    flows = smcf.flows(arcs[: inst.n_edges])
    return np.flatnonzero(flows)


def assign_networkx(inst: Instance) -> np.ndarray:
    tail, head, capacity, cost = flow_network(inst)
    g = nx.DiGraph()
    g.add_node(0, demand=-inst.n_left)
    g.add_node(inst.n_left + inst.n_right + 1, demand=inst.n_left)
    g.add_edges_from(
        (t, h, {"capacity": c, "weight": w})
        for t, h, c, w in zip(tail.tolist(), head.tolist(), capacity.tolist(), cost.tolist())
    )
    _, flow = nx.network_simplex(g)
    seekers = (inst.left + 1).tolist()
    providers = (inst.right + inst.n_left + 1).tolist()
    return np.flatnonzero([flow[t][h] for t, h in zip(seekers, providers)])


def stable_samman(inst: Instance, prefs: Tuple[List[np.ndarray], List[np.ndarray]]) -> np.ndarray:
    left_prefs, right_prefs = prefs
    return samman.stable_match(left_prefs, right_prefs, inst.right_capacity, proposing="left")


def stable_matching_package(
    inst: Instance, prefs: Tuple[List[np.ndarray], List[np.ndarray]]
) -> np.ndarray:
    """The game is given only people with a non-empty list (every pair is mutual by
    construction), so that it has nothing to clean and warns about nothing."""
    left_prefs, right_prefs = prefs
    residents = {i: p.tolist() for i, p in enumerate(left_prefs) if len(p)}
    hospitals = {j: p.tolist() for j, p in enumerate(right_prefs) if len(p)}
    capacities = {j: int(inst.right_capacity[j]) for j in hospitals}
    game = HospitalResident.create_from_dictionaries(residents, hospitals, capacities)
    solution = game.solve(optimal="resident")
    partner = np.full(inst.n_left, -1, np.int64)
    for hospital, matched in solution.items():
        for resident in matched:
            partner[resident.name] = hospital.name
    return partner


# --------------------------------------------------------------------------------------------
# Timing


class TimedOut(Exception):
    pass


# `matching` deep-copies its players, whose preference lists reference one another: at the
# medium size that recursion is far deeper than Python's default limit of 1000 frames allows.
# Every contender therefore runs in a worker thread with a large stack and a raised recursion
# limit (samman the same way, so that both pay the same small cost of starting a thread).
RECURSION_LIMIT = 1_000_000
THREAD_STACK = 1 << 30


def timed(run: Callable[[], object], limit: Optional[float]) -> Tuple[float, float, object]:
    """Wall time, CPU time and result of ``run()``, run in a worker thread; the result is
    ``None`` if it was stopped after ``limit`` s (by raising ``TimedOut`` in the thread: the
    peers stopped this way run Python code, which checks for such exceptions between bytecodes).

    The CPU time is that of the worker thread alone: every contender here computes in the
    thread that calls it (samman's `assign` and `stable_match`, OR-Tools' min-cost flow,
    networkx and `matching` are all single-threaded), so on a machine loaded by other work it
    is the steadier measure of the work done."""
    outcome: List[object] = []
    cpu: List[float] = []

    def work() -> None:
        start = time.thread_time()
        try:
            outcome.append(run())
        except TimedOut:
            pass
        except BaseException as error:  # re-raised in the calling thread
            outcome.append(error)
        cpu.append(time.thread_time() - start)

    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(RECURSION_LIMIT)
    old_stack = threading.stack_size(THREAD_STACK)
    try:
        worker = threading.Thread(target=work, name="contender")
        start = time.perf_counter()
        worker.start()
        worker.join(limit)
        elapsed = time.perf_counter() - start
        if worker.is_alive():
            ctypes.pythonapi.PyThreadState_SetAsyncExc(
                ctypes.c_ulong(worker.ident or 0), ctypes.py_object(TimedOut)
            )
            worker.join()
            return elapsed, cpu[0], None
    finally:
        threading.stack_size(old_stack)
        sys.setrecursionlimit(old_limit)
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return elapsed, cpu[0], result


@dataclass
class Row:
    """One pair of contenders on one size: the times of every run (wall and CPU, seconds),
    the per-pair ratios samman/peer, and what the check of the answers found."""

    size: str
    shape: str
    task: str
    peer: str
    samman_wall: List[float] = field(default_factory=list)
    samman_cpu: List[float] = field(default_factory=list)
    peer_wall: List[float] = field(default_factory=list)
    peer_cpu: List[float] = field(default_factory=list)
    wall_ratios: List[float] = field(default_factory=list)
    cpu_ratios: List[float] = field(default_factory=list)
    objective: str = ""
    stopped: bool = False

    def median_ratio(self, kind: str) -> float:
        """The median per-pair ratio, or for a stopped peer an upper bound: samman's median
        over the time the peer had used when it was stopped."""
        if self.stopped:
            ours = self.samman_wall if kind == "wall" else self.samman_cpu
            theirs = self.peer_wall if kind == "wall" else self.peer_cpu
            return statistics.median(ours) / max(theirs)
        return statistics.median(self.wall_ratios if kind == "wall" else self.cpu_ratios)

    def cells(self) -> List[str]:
        bound = "< " if self.stopped else ""

        def peer(times: List[float]) -> str:
            return f"> {seconds(max(times))} (stopped)" if self.stopped else seconds(
                statistics.median(times)
            )

        return [
            self.size, self.shape, self.task, self.peer,
            seconds(statistics.median(self.samman_wall)), peer(self.peer_wall),
            bound + ratio_text(self.median_ratio("wall")),
            seconds(statistics.median(self.samman_cpu)), peer(self.peer_cpu),
            bound + ratio_text(self.median_ratio("cpu")),
            f"{len(self.samman_wall)}/{len(self.peer_wall)}", self.objective,
        ]


HEADER = [
    "size", "instance", "task", "peer", "samman wall s", "peer wall s", "samman/peer wall",
    "samman CPU s", "peer CPU s", "samman/peer CPU", "runs", "answers",
]


def seconds(x: float) -> str:
    return f"{x:.4f}" if x < 0.1 else f"{x:.3f}" if x < 10 else f"{x:.1f}"


def ratio_text(r: float) -> str:
    return f"{r:.3f}" if r >= 0.01 else f"{r:.2e}"


def compare(
    row: Row,
    ours: Callable[[], object],
    peer: Callable[[], object],
    check: Callable[[object, object], str],
    runs: int,
    peer_runs: int,
    limit: Optional[float],
    log: Callable[[str], None],
) -> Row:
    """Runs samman and the peer ``runs`` times each, alternating which goes first (the peer
    only ``peer_runs`` times, samman alone after that), checking every answer."""
    reference = None
    for r in range(runs):
        wall: Dict[str, float] = {}
        cpu: Dict[str, float] = {}
        results: Dict[str, object] = {}
        for who in ("samman", "peer") if r % 2 == 0 else ("peer", "samman"):
            if who == "peer" and (r >= peer_runs or row.stopped):
                continue
            is_ours = who == "samman"
            wall[who], cpu[who], results[who] = timed(
                ours if is_ours else peer, None if is_ours else limit
            )
        row.samman_wall.append(wall["samman"])
        row.samman_cpu.append(cpu["samman"])
        if "peer" in wall:
            row.peer_wall.append(wall["peer"])
            row.peer_cpu.append(cpu["peer"])
            if results["peer"] is None:
                row.stopped = True
                row.objective = f"peer stopped after {limit:.0f} s"
            else:
                row.wall_ratios.append(wall["samman"] / wall["peer"])
                row.cpu_ratios.append(cpu["samman"] / cpu["peer"])
                row.objective = check(results["samman"], results["peer"])
                reference = results["peer"]
        elif reference is not None:
            row.objective = check(results["samman"], reference)
        log(
            f"  {row.size} {row.task} vs {row.peer} run {r + 1}: samman {wall['samman']:.4f} s "
            f"(CPU {cpu['samman']:.4f})"
            + (f", {row.peer} {wall['peer']:.4f} s (CPU {cpu['peer']:.4f})" if "peer" in wall else "")
        )
    return row


def feasible(inst: Instance, chosen: np.ndarray) -> None:
    assert np.all(np.diff(chosen) > 0), "edges ascending, each once"
    assert np.all(np.bincount(inst.left[chosen], minlength=inst.n_left) <= 1)
    assert np.all(np.bincount(inst.right[chosen], minlength=inst.n_right) <= inst.right_capacity)


def run_size(size: Size, args: argparse.Namespace, log: Callable[[str], None]) -> List[Row]:
    start = time.perf_counter()
    inst = geometric(size)
    shape = f"{inst.n_left} x {inst.n_right}, {inst.n_edges} edges"
    log(f"{size.name}: {shape} (generated in {time.perf_counter() - start:.1f} s)")
    rows = []
    runs = args.runs

    def same_weight(ours: object, theirs: object) -> str:
        assert isinstance(ours, np.ndarray) and isinstance(theirs, np.ndarray)
        feasible(inst, ours)
        feasible(inst, theirs)
        a, b = int(inst.weight[ours].sum()), int(inst.weight[theirs].sum())
        assert a == b, f"{size.name}: samman total weight {a}, peer {b}"
        return f"total weight {a} (equal)"

    for peer in size.assign_peers:
        slow = peer == "networkx" and size.name != "small"
        solver = assign_ortools if peer == "ortools" else assign_networkx
        rows.append(
            compare(
                Row(size.name, shape, "assign max_weight", peer),
                lambda: assign_samman(inst),
                lambda: solver(inst),
                same_weight,
                runs,
                args.slow_runs if slow else runs,
                args.limit,
                log,
            )
        )
    if size.stable:
        prefs = preference_lists(inst)

        def same_matching(ours: object, theirs: object) -> str:
            assert isinstance(ours, np.ndarray) and isinstance(theirs, np.ndarray)
            assert np.array_equal(ours, theirs), f"{size.name}: the stable matchings differ"
            return f"{int((ours >= 0).sum())} matched (identical)"

        rows.append(
            compare(
                Row(size.name, shape, "stable_match seekers proposing", "matching"),
                lambda: stable_samman(inst, prefs),
                lambda: stable_matching_package(inst, prefs),
                same_matching,
                runs,
                runs if size.name == "small" else args.slow_runs,
                args.limit,
                log,
            )
        )
    return rows


# --------------------------------------------------------------------------------------------
# Report


def table(rows: Sequence[Row]) -> str:
    lines = [HEADER] + [row.cells() for row in rows]
    widths = [max(len(line[k]) for line in lines) for k in range(len(HEADER))]

    def fmt(line: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(line, widths)) + " |"

    out = [fmt(lines[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [fmt(line) for line in lines[1:]]
    return "\n".join(out)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def versions() -> Dict[str, str]:
    import ortools

    return {
        "python": platform.python_version(),
        "samman": samman.__version__,
        "ortools": ortools.__version__,
        "networkx": nx.__version__,
        "matching": importlib.metadata.version("matching"),
        "numpy": np.__version__,
    }


def section(rows: Sequence[Row], args: argparse.Namespace, load_start: Tuple[float, ...]) -> str:
    load_end = os.getloadavg()
    command = "python benches/peers/peers.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    v = versions()
    return "\n".join(
        [
            BEGIN,
            "## samman next to its peers",
            "",
            f"Command (from the repository root, in the `.venv` of `scripts/check.d/20-python.sh`"
            f" plus `benches/peers/requirements.txt`): `{command.strip()}`",
            "",
            f"- machine: {cpu_model()}, {os.cpu_count()} logical cores, {platform.system()} "
            f"{platform.release()}",
            f"- load average (1, 5, 15 min) at start {fmt_load(load_start)}, at end "
            f"{fmt_load(load_end)} (a shared machine: other builds ran meanwhile); niceness "
            f"{os.nice(0)}",
            "- versions: " + ", ".join(f"{k} {x}" for k, x in v.items()),
            f"- runs: {args.runs} per pair, alternating which goes first; networkx and `matching` "
            f"at medium {args.slow_runs} (samman runs {args.runs} times all the same); a peer run "
            f"is stopped after {args.limit:.0f} s of wall time",
            "- wall: elapsed seconds; CPU: CPU seconds of the thread that ran the contender (all"
            " of them are single-threaded), the steadier figure on a loaded machine; both as the"
            " median over the runs, the ratios as the median of the per-pair ratios",
            "",
            table(rows),
            "",
            "What is timed: the whole call from the instance's numpy arrays to the answer. samman:"
            " `samman.assign(...)` (its own network included); OR-Tools: building the"
            " `SimpleMinCostFlow` network (source->seeker capacity 1, seeker->provider capacity 1"
            " cost -weight, provider->sink capacity = seats, a source->sink bypass so that"
            " staying unmatched is free; supply n_left), `solve()` and reading the flows of the"
            " edge arcs; networkx: building a `DiGraph` of the same network, `network_simplex`"
            " and reading the flows. For stable matching the preference lists (each side ranks"
            " its edges by weight, highest first, ties by the other side's index) are made once;"
            " samman: `samman.stable_match(left_prefs, right_prefs, seats)`; `matching`: the"
            " dictionaries, `HospitalResident.create_from_dictionaries`, `solve("
            "optimal=\"resident\")` and reading the matching back. `samman/peer` is the median of"
            " the per-pair ratios (below 1: samman is faster). Every answer is checked: the same"
            " total weight for assign (the chosen edges may differ among optima), the identical"
            " matching for stable matching.",
            END,
        ]
    )


def fmt_load(load: Tuple[float, ...]) -> str:
    return ", ".join(f"{x:.2f}" for x in load)


def write(path: Path, text: str) -> None:
    if path.exists():
        old = path.read_text()
        if BEGIN in old and END in old:
            head, rest = old.split(BEGIN, 1)
            text = head + text + rest.split(END, 1)[1]
        else:
            text = old.rstrip("\n") + "\n\n" + text + "\n"
    else:
        text = "# Benchmarks\n\n" + text + "\n"
    path.write_text(text)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="the small size only; write nothing unless --out")
    parser.add_argument("--sizes", default="small,medium,large", help="comma-separated: small, medium, large")
    parser.add_argument("--runs", type=int, default=5, help="runs per pair (default 5)")
    parser.add_argument("--slow-runs", type=int, default=3, help="runs of networkx and matching at medium")
    parser.add_argument("--limit", type=float, default=600.0, help="seconds before a peer run is stopped")
    parser.add_argument("--out", type=Path, help="write the table here (default BENCHMARKS.md unless --quick)")
    args = parser.parse_args(argv)
    load_start = os.getloadavg()
    names = ["small"] if args.quick else [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [n for n in names if n not in SIZES]
    if unknown:
        parser.error(f"unknown size(s) {unknown}; choose from {list(SIZES)}")
    if args.quick:
        args.runs = min(args.runs, 3)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    rows: List[Row] = []
    for name in names:
        rows += run_size(SIZES[name], args, log)
    print(table(rows))
    out = args.out if args.out is not None else (None if args.quick else ROOT / "BENCHMARKS.md")
    if out is not None:
        write(out, section(rows, args, load_start))
        log(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
