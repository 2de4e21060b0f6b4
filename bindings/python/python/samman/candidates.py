"""The candidate graph for research: samman's feasible pairs with their scores, as numpy
columns, a scipy.sparse matrix, a networkx graph or a pandas frame, so that any mechanism
(scipy's ``linear_sum_assignment``, a CP-SAT model, one's own) can run on them and its plan be
judged with :func:`samman.evaluate`. The columns are computed by the core
(``samman::candidates::CandidateColumns``); this module only converts them."""

from __future__ import annotations

import importlib
from typing import Any, Dict, List

import numpy as np
import numpy.typing as npt

from ._samman import Instance, _candidate_columns

__all__ = ["Candidates", "candidates"]


class Candidates:
    """The feasible pairs of an instance, one entry per pair, grouped by seeker in instance
    order, then by provider.

    - ``seeker``, ``provider``: ``int64`` indices into ``seeker_ids`` and ``provider_ids``;
    - ``score``: ``float64``, the pair's score (the weighted sum of its breakdown);
    - ``breakdown``: criterion name to a ``float64`` array of the criterion's value per pair.
    """

    seeker: npt.NDArray[np.int64]
    provider: npt.NDArray[np.int64]
    score: npt.NDArray[np.float64]
    breakdown: Dict[str, npt.NDArray[np.float64]]
    seeker_ids: List[str]
    provider_ids: List[str]

    def __init__(self, columns: Dict[str, Any]) -> None:
        # Owned numpy copies: arrays over Rust memory cannot be made writeable, which some
        # of scipy's indexing needs.
        self.seeker = np.array(columns["seeker"], dtype=np.int64)
        self.provider = np.array(columns["provider"], dtype=np.int64)
        self.score = np.array(columns["score"], dtype=np.float64)
        self.breakdown = {name: np.array(values, dtype=np.float64)
                          for name, values in columns["breakdown"].items()}
        self.seeker_ids = list(columns["seeker_ids"])
        self.provider_ids = list(columns["provider_ids"])

    def __len__(self) -> int:
        return len(self.score)

    def __repr__(self) -> str:
        return (f"Candidates({len(self)} feasible pairs, {len(self.seeker_ids)} seekers, "
                f"{len(self.provider_ids)} providers)")

    def to_scipy(self) -> Any:
        """The scores as a ``scipy.sparse.csr_array`` of shape (seekers, providers); a stored
        entry is a feasible pair (a stored zero is a feasible pair of score 0). scipy is an
        optional dependency."""
        sparse = importlib.import_module("scipy.sparse")
        shape = (len(self.seeker_ids), len(self.provider_ids))
        return sparse.csr_array((self.score, (self.seeker, self.provider)), shape=shape)

    def to_networkx(self) -> Any:
        """A bipartite ``networkx.Graph``: a node per seeker and per provider, keyed by id, with
        ``bipartite`` (0 for seekers, 1 for providers), ``side`` and ``index``; an edge per
        feasible pair with ``score`` (also as ``weight``) and each criterion of the breakdown.
        Raises ``ValueError`` when a seeker and a provider share an id. networkx is an optional
        dependency."""
        nx = importlib.import_module("networkx")
        shared = set(self.seeker_ids) & set(self.provider_ids)
        if shared:
            raise ValueError(f"{len(shared)} ids name both a seeker and a provider; "
                             "networkx nodes are keyed by id, so they must differ")
        graph = nx.Graph()
        graph.add_nodes_from((sid, {"bipartite": 0, "side": "seeker", "index": i})
                             for i, sid in enumerate(self.seeker_ids))
        graph.add_nodes_from((pid, {"bipartite": 1, "side": "provider", "index": j})
                             for j, pid in enumerate(self.provider_ids))
        names = list(self.breakdown)
        columns = [self.breakdown[name].tolist() for name in names]
        scores = self.score.tolist()
        for e, (s, p) in enumerate(zip(self.seeker.tolist(), self.provider.tolist())):
            attributes = {name: column[e] for name, column in zip(names, columns)}
            attributes["score"] = attributes["weight"] = scores[e]
            graph.add_edge(self.seeker_ids[s], self.provider_ids[p], **attributes)
        return graph

    def to_pandas(self) -> Any:
        """One row per feasible pair: ``seeker_id``, ``provider_id``, ``seeker``, ``provider``,
        ``score`` and a column per criterion. pandas is an optional dependency."""
        pd = importlib.import_module("pandas")
        seeker_ids = np.asarray(self.seeker_ids, dtype=object)
        provider_ids = np.asarray(self.provider_ids, dtype=object)
        data: Dict[str, Any] = {
            "seeker_id": seeker_ids[self.seeker] if len(self) else np.array([], dtype=object),
            "provider_id": provider_ids[self.provider] if len(self) else np.array([], dtype=object),
            "seeker": self.seeker,
            "provider": self.provider,
            "score": self.score,
        }
        data.update(self.breakdown)
        return pd.DataFrame(data)


def candidates(instance: Instance) -> Candidates:
    """The feasible pairs of ``instance`` with their scores (see :class:`Candidates`)."""
    return Candidates(_candidate_columns(instance))
