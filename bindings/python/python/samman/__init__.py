"""samman: a matching engine for civic programmes that bring people together.

Two layers:

- the arrays API for people who bring their own scores or preferences:
  :func:`assign` (maximum-weight capacitated b-matching) and :func:`stable_match`
  (deferred acceptance), numpy arrays in, numpy arrays out;
- the domain API: :class:`Instance` (seekers, providers, policy), :func:`generate` (seeded
  synthetic programmes), :func:`solve` returning a :class:`Plan`, :func:`evaluate` (every
  metric of any plan), :func:`explain` (why a seeker is or is not placed), :func:`suggest`
  (a seeker's best providers for a coordinator) and :func:`compare`;
- for research: :func:`candidates`, the feasible pairs with their scores as numpy columns,
  scipy.sparse, networkx or pandas.

Heavy work runs with the GIL released, so threads solve in parallel. Errors are in
:mod:`samman.errors`.
"""

from __future__ import annotations

import importlib
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from . import errors
from ._samman import (
    GENERATOR_KINDS,
    OBJECTIVES,
    SOLVERS,
    Instance,
    Plan,
    __version__,
    add_history,
    assign,
    cancel_running_dinner,
    explain,
    explain_many,
    explain_text,
    generate,
    pseudonymize,
    plan_running_dinner,
    solve,
    solve_rounds,
    stable_match,
    suggest,
)
from ._samman import evaluate as _evaluate
from .candidates import Candidates, candidates

__all__ = [
    "Candidates",
    "GENERATOR_KINDS",
    "OBJECTIVES",
    "SOLVERS",
    "Instance",
    "Metrics",
    "Plan",
    "Table",
    "__version__",
    "add_history",
    "assign",
    "candidates",
    "cancel_running_dinner",
    "compare",
    "errors",
    "evaluate",
    "explain",
    "explain_many",
    "explain_text",
    "generate",
    "pseudonymize",
    "plan_running_dinner",
    "solve",
    "solve_rounds",
    "stable_match",
    "suggest",
]

PlanLike = Union[Plan, Mapping[str, str], Iterable[Tuple[str, str]]]
"""A plan from samman, or one made elsewhere: seeker id to provider id, as a dict or pairs."""


class Metrics(Dict[str, Any]):
    """Every metric of a plan, as nested dicts (the sections of docs/metrics.md)."""

    def flat(self) -> Dict[str, Any]:
        """The metrics with nested dicts flattened to dotted keys (``placement.people_placed``);
        lists are kept as values."""
        out: Dict[str, Any] = {}

        def walk(prefix: str, value: Any) -> None:
            if isinstance(value, dict):
                for key, item in value.items():
                    walk(f"{prefix}.{key}" if prefix else str(key), item)
            else:
                out[prefix] = value

        walk("", dict(self))
        return out

    def to_pandas(self) -> Any:
        """The flattened metrics as a one-row pandas DataFrame (pandas is an optional
        dependency)."""
        return _pandas().DataFrame([self.flat()])


def evaluate(instance: Instance, plan: PlanLike, **options: Any) -> Metrics:
    """Every metric of ``plan`` against ``instance`` (docs/metrics.md). Keyword options set the
    metrics options: ``min_group_size`` (groups smaller are suppressed, default 5),
    ``attributes`` (the attributes fairness is compared across), ``list_blocking_pairs``."""
    return Metrics(_evaluate(instance, plan, **options))


class Table(List[Dict[str, Any]]):
    """Rows of figures, one dict per row: ``pandas.DataFrame(table)`` or ``table.to_pandas()``."""

    def to_pandas(self) -> Any:
        """The rows as a pandas DataFrame (pandas is an optional dependency)."""
        return _pandas().DataFrame(list(self))


def compare(
    instance: Instance,
    solvers: Optional[Iterable[str]] = None,
    objective: Optional[str] = None,
    locked: Optional[Union[Mapping[str, str], Iterable[Tuple[str, str]]]] = None,
    seed: int = 0,
) -> Table:
    """Solve ``instance`` with each solver (all of :data:`SOLVERS` by default) and return one
    row per solver: the plan's headline figures (:meth:`Plan.summary`) and every metric of
    :func:`evaluate`, flattened (:meth:`Metrics.flat`)."""
    pinned = None if locked is None else list(_pairs(locked))
    rows = Table()
    for name in SOLVERS if solvers is None else solvers:
        plan = solve(instance, solver=name, objective=objective, locked=pinned, seed=seed)
        row = plan.summary()
        row.update(evaluate(instance, plan).flat())
        rows.append(row)
    return rows


def _pandas() -> Any:
    """pandas, an optional dependency, imported when first needed."""
    return importlib.import_module("pandas")


def _pairs(
    locked: Union[Mapping[str, str], Iterable[Tuple[str, str]]],
) -> Iterable[Tuple[str, str]]:
    if isinstance(locked, Mapping):
        return list(locked.items())
    return list(locked)
