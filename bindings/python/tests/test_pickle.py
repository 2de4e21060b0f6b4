"""Every public object survives pickling (so it can be sent to worker processes)."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

import samman
from samman import errors


def round_trip(value: Any) -> Any:
    return pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def test_instance() -> None:
    for kind in samman.GENERATOR_KINDS:
        instance = samman.generate(kind, 30, 1)
        copy = round_trip(instance)
        assert type(copy) is samman.Instance
        assert copy == instance


def test_plan_keeps_every_field() -> None:
    instance = samman.generate("dinners", 60, 2)
    plan = samman.solve(instance)
    copy = round_trip(plan)
    assert type(copy) is samman.Plan
    assert copy == plan
    assert copy.seconds == plan.seconds
    assert copy.to_json() == plan.to_json()


def test_metrics_and_table() -> None:
    instance = samman.generate("visits", 40, 3)
    plan = samman.solve(instance)
    metrics = samman.evaluate(instance, plan)
    copy = round_trip(metrics)
    assert type(copy) is samman.Metrics
    assert copy == metrics
    table = samman.compare(instance)
    assert type(round_trip(table)) is samman.Table
    assert round_trip(table) == table


def test_plain_results() -> None:
    instance = samman.generate("dinners", 30, 4)
    plan = samman.solve(instance)
    explanation = samman.explain(instance, plan, instance.seeker_ids[0])
    assert round_trip(explanation) == explanation
    chosen = samman.assign(2, 2, [0, 1], [1, 0], [1.0, 1.0])
    assert round_trip(chosen).tolist() == chosen.tolist()


@pytest.mark.parametrize(
    "error",
    [
        errors.SammanError("base"),
        errors.ValidationError("invalid", [("seekers[0].id", "empty")]),
        errors.ParseError("bad", "seekers[0]", 3, 4),
        errors.CsvError("bad cell", "providers", 2, "capacity"),
        errors.LimitError("too many"),
        errors.UnknownIdError("no seeker has the id `x`"),
        errors.InternalError("bug"),
    ],
)
def test_errors(error: errors.SammanError) -> None:
    copy = round_trip(error)
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.args == error.args
    assert vars(copy) == vars(error)


def test_raised_validation_error() -> None:
    with pytest.raises(errors.ValidationError) as caught:
        samman.Instance.from_dict({"version": 1, "seekers": [{"id": ""}]})
    copy = round_trip(caught.value)
    assert copy.problems == caught.value.problems
    assert copy.problems
