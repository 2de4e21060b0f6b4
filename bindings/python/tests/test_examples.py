"""The examples and the documentation's snippets run as written."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import samman

ROOT = Path(__file__).resolve().parents[3]


def test_fairness_sweep_runs_on_a_local_dask_cluster(tmp_path: Path) -> None:
    figure = tmp_path / "fairness.png"
    result = subprocess.run(
        [
            sys.executable, str(ROOT / "examples" / "python" / "fairness_sweep.py"),
            "--size", "60", "--seeds", "2", "--shares", "0.3", "0.6",
            "--workers", "2", "--out", str(figure),
        ],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert figure.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with open(tmp_path / "fairness.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(samman.SOLVERS) * 2 * 2
    assert {row["solver"] for row in rows} == set(samman.SOLVERS)
    assert all(0.0 <= float(row["people_rate"]) <= 1.0 for row in rows)


def snippets() -> list:
    found = []
    for name in ("docs/python.md", "README.md", "bindings/python/README.md", "docs/rounds.md"):
        text = (ROOT / name).read_text()
        found += [(name, code) for code in re.findall(r"```python\n(.*?)```", text, flags=re.S)]
    return found


def test_docs_have_snippets() -> None:
    assert len(snippets()) >= 3


@pytest.mark.parametrize("index", range(len(snippets())))
def test_docs_snippet_runs(index: int, tmp_path: Path) -> None:
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        name, code = snippets()[index]
        exec(compile(code, f"{name} snippet {index + 1}", "exec"), {})
    finally:
        os.chdir(cwd)
