"""samman.suggest: the same suggestions as the core (and `samman suggest --json`), and the top
suggestion of an unplaced seeker, locked in, gives a valid plan."""

from __future__ import annotations

import itertools

import pytest

import samman


def test_top_suggestion_of_an_unplaced_seeker_locked_in_is_valid() -> None:
    tried = 0
    for kind, seed in itertools.product(samman.GENERATOR_KINDS, range(3)):
        instance = samman.generate(kind, 60, seed)
        plan = samman.solve(instance)
        for unplaced in plan.unplaced[:3]:
            seeker = unplaced["seeker"]
            suggestions = samman.suggest(instance, plan, seeker, k=3)
            if not suggestions:
                continue
            tried += 1
            top = suggestions[0]
            assert {"provider", "score", "free_seats", "breakdown", "displaced"} <= set(top)
            assert [s["score"] for s in suggestions] == sorted(
                (s["score"] for s in suggestions), reverse=True)
            locked = samman.solve(instance, locked={seeker: top["provider"]})
            assert locked.placements[seeker] == top["provider"]
            assert samman.evaluate(instance, locked)["validity"]["valid"]
    assert tried >= 3


def test_k_and_ids() -> None:
    instance = samman.generate("visits", 40, 3)
    seeker = instance.seeker_ids[0]
    everything = samman.suggest(instance, None, seeker, k=1000)
    assert samman.suggest(instance, None, seeker, k=2) == everything[:2]
    assert samman.suggest(instance, None, seeker, k=0) == []
    assert all(s["displaced"] == [] and s["current"] is False for s in everything)
    with pytest.raises(ValueError, match="^k is negative"):
        samman.suggest(instance, None, seeker, k=-1)
    with pytest.raises(samman.errors.UnknownIdError, match="nobody"):
        samman.suggest(instance, None, "nobody")
