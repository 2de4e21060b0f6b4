"""The GIL is released while samman works.

Two checks: a Python thread keeps running while another thread is inside samman (robust on
a busy machine), and two threads solving at once finish in clearly less than twice the time
of one (needs two idle cores; each timing is the best of five runs to damp noise).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from typing import Callable

import numpy as np
import pytest

import samman


def cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def assign_work() -> Callable[[], object]:
    rng = np.random.default_rng(11)
    n, m = 10_000, 100_000
    left = rng.integers(0, n, m, dtype=np.uint32)
    right = rng.integers(0, n, m, dtype=np.uint32)
    weight = rng.random(m) * 100
    return lambda: samman.assign(n, n, left, right, weight)


def solve_work() -> Callable[[], object]:
    instance = samman.generate("dinners", 2500, 12)
    return lambda: samman.solve(instance)


WORK = {"assign": assign_work, "solve": solve_work}


@pytest.mark.parametrize("name", sorted(WORK))
def test_python_runs_while_samman_works(name: str) -> None:
    work = WORK[name]()
    done = threading.Event()
    ticks = [0]

    def spin() -> None:
        while not done.is_set():
            ticks[0] += 1

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        time.sleep(0.02)
        before = ticks[0]
        work()
        during = ticks[0] - before
    finally:
        done.set()
        spinner.join()
    # With the GIL held for the whole call the spinner would stall (a few ticks at most, at
    # the call's edges); released, it counts freely.
    assert during > 10_000, f"only {during} ticks while {name} ran"


TIMING = """
import sys, threading, time
sys.path.insert(0, {here!r})
from test_threads import WORK

def best_of_five(work, threads):
    best = float("inf")
    for _ in range(5):
        workers = [threading.Thread(target=work) for _ in range(threads)]
        started = time.perf_counter()
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        best = min(best, time.perf_counter() - started)
    return best

work = WORK[{name!r}]()
work()
print(best_of_five(work, 1), best_of_five(work, 2))
"""


@pytest.mark.skipif(cores() < 2, reason="two threads can only overlap on two cores")
@pytest.mark.parametrize("name", sorted(WORK))
def test_two_threads_take_clearly_less_than_twice_one(name: str) -> None:
    # In a fresh process with one rayon thread, so that a single solve does not already use
    # both cores for its graph (the graph is built in parallel).
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    code = TIMING.format(here=os.path.dirname(__file__), name=name)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    ).stdout
    one, two = (float(x) for x in out.split())
    assert one > 0.02, f"{name}: the work is too small to time ({one:.3f} s)"
    assert two < 1.6 * one, f"{name}: one thread {one:.3f} s, two threads {two:.3f} s"
