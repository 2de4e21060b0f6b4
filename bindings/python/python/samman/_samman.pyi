"""Type stubs of the compiled module ``samman._samman`` (checked by ``mypy.stubtest``)."""

import os
from typing import IO, Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union, final

import numpy as np
import numpy.typing as npt

__all__ = [
    "__version__",
    "assign",
    "stable_match",
    "_panic_for_tests",
    "_candidate_columns",
    "suggest",
    "Instance",
    "Plan",
    "generate",
    "solve",
    "evaluate",
    "explain",
    "explain_many",
    "explain_text",
    "pseudonymize",
    "solve_rounds",
    "add_history",
    "plan_running_dinner",
    "cancel_running_dinner",
    "GENERATOR_KINDS",
    "SOLVERS",
    "OBJECTIVES",
]

__version__: str
GENERATOR_KINDS: List[str]
SOLVERS: List[str]
OBJECTIVES: List[str]

_IntArray = Union[npt.NDArray[np.integer[Any]], Sequence[int]]
_FloatArray = Union[
    npt.NDArray[np.floating[Any]],
    npt.NDArray[np.integer[Any]],
    npt.NDArray[np.bool_],
    Sequence[float],
]

def assign(
    n_left: int,
    n_right: int,
    left: _IntArray,
    right: _IntArray,
    weight: _FloatArray,
    left_capacity: Optional[_IntArray] = None,
    right_capacity: Optional[_IntArray] = None,
    *,
    objective: str = "max_weight",
) -> npt.NDArray[np.int64]:
    """The indices of the chosen edges of a maximum-weight capacitated b-matching, ascending.
    Exact when every weight is a whole number."""

_PrefLists = Union[Sequence[_IntArray], npt.NDArray[np.integer[Any]]]

def stable_match(
    left_prefs: _PrefLists,
    right_prefs: _PrefLists,
    right_capacity: Optional[_IntArray] = None,
    *,
    proposing: str = "left",
) -> npt.NDArray[np.int64]:
    """For each left index, its right index in the proposing side's optimal stable matching,
    or -1."""

@final
class Instance:
    """A validated matching problem: seekers, providers, policy, history, constraints."""

    @staticmethod
    def from_json(text: str) -> Instance: ...
    @staticmethod
    def from_dict(data: Any) -> Instance: ...
    @staticmethod
    def from_csv(
        seekers: Union[str, "os.PathLike[str]", IO[str], IO[bytes]],
        providers: Union[str, "os.PathLike[str]", IO[str], IO[bytes]],
        policy: Optional[Mapping[str, Any]] = None,
    ) -> Instance: ...
    def to_json(self, pretty: bool = False) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def warnings(self) -> List[Tuple[str, str]]: ...
    @property
    def n_seekers(self) -> int: ...
    @property
    def n_providers(self) -> int: ...
    @property
    def seeker_ids(self) -> List[str]: ...
    @property
    def provider_ids(self) -> List[str]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> Tuple[Any, Tuple[str]]: ...

@final
class Plan:
    """Who is placed with which provider, who is not and why, which providers are cancelled."""

    @staticmethod
    def from_json(text: str) -> Plan: ...
    def to_json(self, pretty: bool = False) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    @property
    def solver(self) -> str: ...
    @property
    def objective(self) -> str: ...
    @property
    def total_score(self) -> float: ...
    @property
    def people_placed(self) -> int: ...
    @property
    def seconds(self) -> float: ...
    @property
    def matches(self) -> List[Dict[str, Any]]: ...
    @property
    def unplaced(self) -> List[Dict[str, Any]]: ...
    @property
    def cancelled(self) -> List[Dict[str, Any]]: ...
    @property
    def placements(self) -> Dict[str, str]: ...
    @property
    def providers_of(self) -> Dict[str, List[str]]: ...
    def summary(self) -> Dict[str, Any]: ...
    def to_pandas(self) -> Any: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> Tuple[Any, Tuple[str, float]]: ...

def generate(kind: str, size: int, seed: int, **params: Any) -> Instance:
    """A seeded synthetic instance of the given kind (one of ``GENERATOR_KINDS``)."""

def solve(
    instance: Instance,
    solver: Optional[str] = None,
    objective: Optional[str] = None,
    locked: Optional[Union[Mapping[str, str], Iterable[Tuple[str, str]]]] = None,
    seed: int = 0,
    **options: Any,
) -> Plan:
    """Plan ``instance`` with the GIL released. ``solver`` is one of ``SOLVERS`` or ``"auto"``,
    the default: ``groups`` where a rule about whole groups binds, ``optimal`` otherwise."""

_PlanLike = Union[Plan, Mapping[str, str], Iterable[Tuple[str, str]]]

def evaluate(instance: Instance, plan: _PlanLike, **options: Any) -> Dict[str, Any]:
    """Every metric of ``plan`` as plain values (``samman.evaluate`` wraps them in ``Metrics``)."""

def explain(instance: Instance, plan: Optional[_PlanLike], seeker_id: str) -> Dict[str, Any]:
    """Why seeker ``seeker_id`` is or is not placed, and what would help."""

def explain_text(
    instance: Instance, plan: Optional[_PlanLike], seeker_id: str, lang: str = "en"
) -> str:
    """``explain`` in words, as ``samman explain`` prints it, in ``"sv"`` or ``"en"``."""

def explain_many(
    instance: Instance, plan: Optional[_PlanLike], seeker_ids: Sequence[str]
) -> List[Dict[str, Any]]:
    """``explain`` for many seekers, in the order given; validates and reads the plan once."""

def pseudonymize(instance: Instance, key: bytes) -> Instance:
    """The instance with every id replaced by a keyed hash (HMAC-SHA-256); the same id always
    gets the same pseudonym under the same key, so references stay intact."""
def solve_rounds(instance: Instance, rounds: int, **options: Any) -> Dict[str, Any]:
    """Plan ``rounds`` rounds so that everyone meets someone new; ``options`` are
    ``RoundsOptions`` fields (``never_again``, ``seed``, ``time_limit_seconds``,
    ``max_iterations``, ``providers``)."""

def add_history(instance: Instance, plan: _PlanLike, date: Optional[str] = None) -> Instance:
    """``instance`` with the plan's meetings appended to ``history.met`` and ``history.meetings``."""

def plan_running_dinner(dinner: Mapping[str, Any], seed: int = 0) -> Dict[str, Any]:
    """Every team's route through a running dinner."""

def cancel_running_dinner(
    dinner: Mapping[str, Any],
    previous: Mapping[str, Any],
    cancelled: Sequence[str],
    seed: int = 0,
) -> Dict[str, Any]:
    """A running dinner re-planned after cancellations, changing as few routes as possible."""

def _panic_for_tests(detached: bool = False) -> None: ...

def _candidate_columns(instance: Instance) -> Dict[str, Any]:
    """The feasible pairs as columns (wrapped by ``samman.candidates``)."""

def suggest(
    instance: Instance,
    plan: Optional[_PlanLike],
    seeker_id: str,
    k: int = 5,
) -> List[Dict[str, Any]]:
    """The ``k`` best feasible providers for a seeker, best first: ``provider``, ``score``,
    ``breakdown``, ``free_seats``, ``current``, ``displaced``."""
