"""samman: a matching engine for civic programmes that bring people together.

Two layers:

- the arrays API for people who bring their own scores or preferences:
  :func:`assign` (maximum-weight capacitated b-matching) and :func:`stable_match`
  (deferred acceptance), numpy arrays in, numpy arrays out;
- the domain API: :class:`Instance` (seekers, providers, policy), :func:`generate` (seeded
  synthetic programmes), :func:`solve` returning a :class:`Plan`, and :func:`compare`.

Heavy work runs with the GIL released, so threads solve in parallel. Errors are in
:mod:`samman.errors`.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from . import errors
from ._samman import (
    GENERATOR_KINDS,
    OBJECTIVES,
    SOLVERS,
    Instance,
    Plan,
    __version__,
    assign,
    generate,
    solve,
)

__all__ = [
    "GENERATOR_KINDS",
    "OBJECTIVES",
    "SOLVERS",
    "Instance",
    "Plan",
    "Table",
    "__version__",
    "assign",
    "compare",
    "errors",
    "generate",
    "solve",
]


class Table(List[Dict[str, Any]]):
    """Rows of figures, one dict per row: ``pandas.DataFrame(table)`` or ``table.to_pandas()``."""

    def to_pandas(self) -> Any:
        """The rows as a pandas DataFrame (pandas is an optional dependency)."""
        import pandas

        return pandas.DataFrame(list(self))


def compare(
    instance: Instance,
    solvers: Optional[Iterable[str]] = None,
    objective: Optional[str] = None,
    locked: Optional[Union[Mapping[str, str], Iterable[Tuple[str, str]]]] = None,
    seed: int = 0,
) -> Table:
    """Solve ``instance`` with each solver (all of :data:`SOLVERS` by default) and return one
    row of headline figures per solver (see :meth:`Plan.summary`)."""
    pinned = None if locked is None else list(_pairs(locked))
    rows = Table()
    for name in SOLVERS if solvers is None else solvers:
        plan = solve(instance, solver=name, objective=objective, locked=pinned, seed=seed)
        rows.append(plan.summary())
    return rows


def _pairs(
    locked: Union[Mapping[str, str], Iterable[Tuple[str, str]]],
) -> Iterable[Tuple[str, str]]:
    if isinstance(locked, Mapping):
        return list(locked.items())
    return list(locked)
