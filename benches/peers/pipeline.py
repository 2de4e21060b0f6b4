"""The whole pipeline, from an instance JSON file to a plan on disk, at three sizes.

For each size it generates a dinner programme with ``samman generate dinners`` (seekers and
providers over a 40 km city, the travel limit chosen so that a seeker has about 80 providers
within reach before the rules filter them), then runs ``samman solve FILE --solver S -o PLAN``
under ``/usr/bin/time -v`` for the optimal, greedy and stable solvers, and records the wall time
and the peak memory (maximum resident set size) of that process: reading and validating the
JSON, building the candidate graph, solving, and writing the plan are all included.

    cargo build --release -p samman-cli
    python benches/peers/pipeline.py                      # rewrites its section of BENCHMARKS.md
    python benches/peers/pipeline.py --sizes small --out /tmp/pipeline.md

Only the section between the ``pipeline`` markers of BENCHMARKS.md is rewritten.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parents[2]
BEGIN = "<!-- pipeline:begin (written by benches/peers/pipeline.py) -->"
END = "<!-- pipeline:end -->"
AREA_KM = 40.0
IN_REACH = 80.0
TARGET_SECONDS = 10.0
TARGET_BYTES = 2 * 1024**3


@dataclass(frozen=True)
class Size:
    name: str
    seekers: int
    providers: int
    seed: int

    @property
    def travel_km(self) -> float:
        """The mean travel limit that puts about ``IN_REACH`` providers within reach."""
        return round(math.sqrt(IN_REACH * AREA_KM**2 / (math.pi * self.providers)), 2)


SIZES = {
    "small": Size("small", 500, 50, 1),
    "medium": Size("medium", 20_000, 2_000, 2),
    "large": Size("large", 100_000, 10_000, 3),
}


@dataclass
class Measure:
    size: Size
    solver: str
    wall_s: float
    cpu_s: float
    peak_bytes: int
    placed: int
    seekers_placed: int
    file_bytes: int
    command: str


def samman_binary() -> Path:
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "release" / "samman"


def run(command: List[str], **kwargs: object) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, **kwargs)  # type: ignore[call-overload]


def time_v(command: List[str]) -> Tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system, all threads) and peak resident set size in
    bytes of ``command``, by ``/usr/bin/time -v``."""
    done = subprocess.run(
        ["/usr/bin/time", "-v", *command], check=True, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True,
    )
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", done.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    user = re.search(r"User time \(seconds\): (\S+)", done.stderr)
    system = re.search(r"System time \(seconds\): (\S+)", done.stderr)
    if wall is None or peak is None or user is None or system is None:
        raise RuntimeError(f"unexpected output of /usr/bin/time -v:\n{done.stderr}")
    seconds = 0.0
    for part in wall.group(1).split(":"):
        seconds = seconds * 60 + float(part)
    cpu = float(user.group(1)) + float(system.group(1))
    return seconds, cpu, int(peak.group(1)) * 1024


def measure(size: Size, binary: Path, work: Path, solvers: Sequence[str], log) -> List[Measure]:
    instance = work / f"{size.name}.json"
    generate = [
        str(binary), "generate", "dinners", "--size", str(size.seekers), "--seed", str(size.seed),
        "--providers", str(size.providers), "--area-km", f"{AREA_KM:g}",
        "--travel-km", f"{size.travel_km:g}",
    ]
    with instance.open("w") as out:
        run(generate, stdout=out)
    log(f"{size.name}: {instance.stat().st_size / 1e6:.1f} MB instance ({shlex.join(generate[1:])})")
    measures = []
    for solver in solvers:
        plan = work / f"{size.name}-{solver}-plan.json"
        command = [str(binary), "solve", str(instance), "--solver", solver, "-o", str(plan)]
        wall, cpu, peak = time_v(command)
        result = json.loads(plan.read_text())
        seekers_placed = len({m["seeker"] for m in result["matches"]})
        measures.append(
            Measure(size, solver, wall, cpu, peak, result["people_placed"], seekers_placed,
                    instance.stat().st_size, "samman " + shlex.join(command[1:]))
        )
        log(f"  {solver}: {wall:.2f} s (CPU {cpu:.2f} s), peak {peak / 2**20:.0f} MiB, "
            f"{seekers_placed} of {size.seekers} seekers placed")
    return measures


def table(measures: Sequence[Measure]) -> str:
    header = ["size", "seekers x providers", "travel km", "instance MB", "solver", "wall s", "CPU s",
              "peak MiB", "seekers placed", "people placed"]
    lines = [header] + [
        [m.size.name, f"{m.size.seekers} x {m.size.providers}", f"{m.size.travel_km:g}",
         f"{m.file_bytes / 1e6:.1f}", m.solver, f"{m.wall_s:.2f}", f"{m.cpu_s:.2f}", f"{m.peak_bytes / 2**20:.0f}",
         str(m.seekers_placed), str(m.placed)]
        for m in measures
    ]
    widths = [max(len(line[k]) for line in lines) for k in range(len(header))]

    def fmt(line: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(line, widths)) + " |"

    return "\n".join([fmt(lines[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
                     + [fmt(line) for line in lines[1:]])


def verdict(measures: Sequence[Measure]) -> List[str]:
    out = []
    for m in measures:
        if m.size.name != "large":
            continue
        held = m.wall_s < TARGET_SECONDS and m.peak_bytes < TARGET_BYTES
        out.append(
            f"- `--solver {m.solver}` at 100 000 x 10 000: {m.wall_s:.2f} s wall, {m.cpu_s:.2f} s "
            f"CPU (target < 10 s), peak "
            f"{m.peak_bytes / 2**30:.2f} GiB (target < 2 GB): "
            + ("target held." if held else "**target missed**.")
        )
    return out


def section(measures: Sequence[Measure], load_start: Tuple[float, ...]) -> str:
    command = "python benches/peers/pipeline.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    load_end = os.getloadavg()
    generate = sorted({m.size for m in measures}, key=lambda s: s.seekers)
    lines = [
        BEGIN,
        "## The pipeline: instance JSON to a plan on disk",
        "",
        f"Command (from the repository root, after `cargo build --release -p samman-cli`): "
        f"`{command.strip()}`",
        "",
        f"- load average (1, 5, 15 min) at start {', '.join(f'{x:.2f}' for x in load_start)}, "
        f"at end {', '.join(f'{x:.2f}' for x in load_end)}; niceness {os.nice(0)}; "
        f"{os.cpu_count()} logical cores",
        "- each row is one run of `/usr/bin/time -v samman solve INSTANCE --solver S -o PLAN`: "
        "wall time, CPU time (user + system, all threads) and maximum resident set size of "
        "the whole process (read and validate the "
        "JSON, build the candidate graph, solve, write the plan)",
        "- instances: " + "; ".join(
            f"`samman generate dinners --size {s.seekers} --seed {s.seed} --providers "
            f"{s.providers} --area-km {AREA_KM:g} --travel-km {s.travel_km:g}`" for s in generate
        ),
        "",
        table(measures),
        "",
        *verdict(measures),
        END,
    ]
    return "\n".join(lines)


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
    parser.add_argument("--sizes", default="small,medium,large")
    parser.add_argument("--solvers", default="optimal,greedy,stable")
    parser.add_argument("--samman", type=Path, default=None, help="the samman binary "
                        "(default: $CARGO_TARGET_DIR/release/samman, else target/release/samman)")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    args = parser.parse_args(argv)
    binary = args.samman or samman_binary()
    if not binary.exists():
        parser.error(f"{binary} does not exist: run `cargo build --release -p samman-cli`")
    names = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [n for n in names if n not in SIZES]
    if unknown:
        parser.error(f"unknown size(s) {unknown}; choose from {list(SIZES)}")
    load_start = os.getloadavg()

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    measures: List[Measure] = []
    with tempfile.TemporaryDirectory(prefix="samman-pipeline-") as work:
        for name in names:
            measures += measure(SIZES[name], binary, Path(work), args.solvers.split(","), log)
    print(table(measures))
    write(args.out, section(measures, load_start))
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
