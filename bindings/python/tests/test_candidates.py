"""samman.candidates: the feasible pairs as columns, scipy.sparse, networkx and pandas; the
same number of pairs as `samman graph --json` for every generator kind; the scipy example."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from scipy.optimize import linear_sum_assignment

import samman

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def samman_cli() -> Path:
    """The `samman` command of this checkout, built (debug) if `cargo test` has not yet."""
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    binary = target / "debug" / ("samman.exe" if sys.platform == "win32" else "samman")
    subprocess.run(["cargo", "build", "--quiet", "-p", "samman-cli"], cwd=ROOT, check=True,
                   timeout=1200)
    assert binary.exists(), binary
    return binary


@pytest.mark.parametrize("kind", samman.GENERATOR_KINDS)
def test_pairs_agree_with_samman_graph_json(kind: str, samman_cli: Path, tmp_path: Path) -> None:
    instance = samman.generate(kind, 120, 5)
    path = tmp_path / "instance.json"
    path.write_text(instance.to_json())
    result = subprocess.run([str(samman_cli), "--json", "graph", str(path)],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)["stats"]
    pairs = samman.candidates(instance)
    assert len(pairs) == stats["edges"] > 0
    assert len(pairs.seeker_ids) == stats["seekers"]
    assert len(pairs.provider_ids) == stats["providers"]
    assert len(set(pairs.seeker.tolist())) == stats["seekers"] - stats["isolated_seekers"]


def test_columns_types_and_order() -> None:
    instance = samman.generate("dinners", 80, 3)
    pairs = samman.candidates(instance)
    assert pairs.seeker.dtype == np.int64 and pairs.provider.dtype == np.int64
    assert pairs.score.dtype == np.float64
    assert pairs.seeker_ids == instance.seeker_ids
    assert pairs.provider_ids == instance.provider_ids
    assert set(pairs.breakdown) == {"distance", "language", "preference", "waiting",
                                    "continuity", "novelty", "topics", "reliability",
                                    "priority"}
    assert all(c.dtype == np.float64 and len(c) == len(pairs) for c in pairs.breakdown.values())
    # Grouped by seeker, then by provider.
    keys = list(zip(pairs.seeker.tolist(), pairs.provider.tolist()))
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    # A pair's score is what explain reports for a plan placing it.
    e = len(pairs) // 2
    seeker, provider = pairs.seeker_ids[pairs.seeker[e]], pairs.provider_ids[pairs.provider[e]]
    explained = samman.explain(instance, {seeker: provider}, seeker)
    assert explained["placed"]["score"] == pytest.approx(pairs.score[e])


def test_scipy_networkx_and_pandas_views_hold_the_same_pairs() -> None:
    instance = samman.generate("workshops", 90, 2)
    pairs = samman.candidates(instance)
    matrix = pairs.to_scipy()
    assert matrix.format == "csr"
    assert matrix.shape == (len(pairs.seeker_ids), len(pairs.provider_ids))
    assert matrix.nnz == len(pairs)
    np.testing.assert_allclose(matrix[pairs.seeker, pairs.provider], pairs.score)

    graph = pairs.to_networkx()
    assert graph.number_of_edges() == len(pairs)
    assert graph.number_of_nodes() == len(pairs.seeker_ids) + len(pairs.provider_ids)
    seekers = {n for n, side in graph.nodes(data="bipartite") if side == 0}
    assert seekers == set(pairs.seeker_ids)
    assert nx.is_bipartite(graph)
    s, p = pairs.seeker_ids[pairs.seeker[0]], pairs.provider_ids[pairs.provider[0]]
    edge = graph.edges[s, p]
    assert edge["score"] == edge["weight"] == pairs.score[0]
    assert edge["distance"] == pairs.breakdown["distance"][0]

    frame = pairs.to_pandas()
    assert isinstance(frame, pd.DataFrame) and len(frame) == len(pairs)
    assert frame["seeker_id"].tolist() == [pairs.seeker_ids[s] for s in pairs.seeker]
    assert frame["score"].tolist() == pairs.score.tolist()
    assert "reliability" in frame.columns


def test_linear_sum_assignment_on_the_candidates_gives_a_valid_plan() -> None:
    # One provider seat each, one-person seekers: scipy's one-to-one assignment applies
    # directly to the score matrix with missing pairs forbidden.
    instance = samman.generate("visits", 60, 4)
    pairs = samman.candidates(instance)
    dense = np.full((len(pairs.seeker_ids), len(pairs.provider_ids)), np.inf)
    dense[pairs.seeker, pairs.provider] = -pairs.score
    dense = np.hstack([dense, np.where(np.eye(len(pairs.seeker_ids)) == 1, 0.0, np.inf)])
    rows, cols = linear_sum_assignment(dense)
    plan = [(pairs.seeker_ids[r], pairs.provider_ids[c])
            for r, c in zip(rows, cols) if c < len(pairs.provider_ids)]
    assert plan
    assert samman.evaluate(instance, plan)["validity"]["valid"]


def test_the_scipy_example_runs_and_its_plan_is_valid() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "python" / "scipy_mechanism.py"),
         "--size", "150", "--seed", "2"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "scipy linear_sum_assignment: valid True" in result.stdout


def test_an_invalid_or_wrong_argument_is_refused() -> None:
    with pytest.raises(TypeError):
        samman.candidates("not an instance")  # type: ignore[arg-type]
