"""The conformance suite through Python: every case of ``tests/conformance/cases`` (at the
repository root) gives the plan, metrics, explanations or error (kind and path) of
``tests/conformance/expected``, as it does in Rust, through the command and in Kotlin."""

from __future__ import annotations

import json
import math
import pathlib
from typing import Any, Dict, Optional

import pytest

import samman
from samman import errors

ROOT = pathlib.Path(__file__).resolve().parents[3] / "tests" / "conformance"
CASES = sorted((ROOT / "cases").glob("*.json"))

def failure(error: errors.SammanError) -> Dict[str, Any]:
    return {"error": {"kind": error.kind, "path": error.path}}


def answer(case: Dict[str, Any]) -> Dict[str, Any]:
    text = case.get("instance_text", None)
    if text is None:
        text = json.dumps(case["instance"])
    try:
        instance = samman.Instance.from_json(text)
        options = dict(case.get("options", {}))
        locked = options.pop("locked", None)
        if locked is not None:
            options["locked"] = [(lock["seeker"], lock["provider"]) for lock in locked]
        plan = samman.solve(instance, **options)
        metrics = samman.evaluate(instance, plan)
        explanations = samman.explain_many(instance, plan, list(case.get("explain", [])))
    except errors.SammanError as error:
        return failure(error)
    return {"plan": plan.to_dict(), "metrics": metrics, "explanations": explanations}


def differs(expected: Any, actual: Any, path: str = "") -> Optional[str]:
    """The first difference, numbers to 1e-9 (relative above 1)."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return None if expected == actual else f"{path}: {expected!r} != {actual!r}"
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        close = math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-9)
        return None if close else f"{path}: {expected} != {actual}"
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return f"{path}: {len(expected)} items != {len(actual)}"
        for i, (a, b) in enumerate(zip(expected, actual)):
            found = differs(a, b, f"{path}[{i}]")
            if found:
                return found
        return None
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in sorted(set(expected) | set(actual)):
            found = differs(expected.get(key), actual.get(key), f"{path}.{key}")
            if found:
                return found
        return None
    return None if expected == actual else f"{path}: {expected!r} != {actual!r}"


def test_the_suite_has_its_cases() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("case_path", CASES, ids=[p.stem for p in CASES])
def test_python_gives_the_expected_answer(case_path: pathlib.Path) -> None:
    case = json.loads(case_path.read_text())
    expected = json.loads((ROOT / "expected" / case_path.name).read_text())
    assert differs(expected, answer(case)) is None
