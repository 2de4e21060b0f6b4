"""The adversarial catalogue, Python twin of crates/samman/tests/adversarial.rs: bad or extreme
inputs through the Python API, each with the exact exception (class, path, problems) or the
exact behaviour expected. No input may crash the interpreter or be silently dropped.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import textwrap
from typing import Any

import numpy as np
import pytest
import samman
from samman.errors import LimitError, ParseError, UnknownIdError, ValidationError

from_json = samman.Instance.from_json
from_dict = samman.Instance.from_dict

WEIGHTS = [
    "placement",
    "distance",
    "language",
    "preference",
    "waiting",
    "continuity",
    "novelty",
    "topics",
    "reliability",
    "priority",
]


def parse_error(text: str) -> ParseError:
    with pytest.raises(ParseError) as caught:
        from_json(text)
    error = caught.value
    assert isinstance(error, ValueError)
    return error


def problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    """The problems of an instance that parses but is invalid, read both from a dict and from
    JSON text (the two must agree)."""
    with pytest.raises(ValidationError) as from_data:
        from_dict(data)
    with pytest.raises(ValidationError) as from_text:
        from_json(json.dumps(data))
    assert from_data.value.problems == from_text.value.problems
    assert all(message for _, message in from_data.value.problems)
    return from_data.value.problems


def paths(data: dict[str, Any]) -> list[str]:
    return [path for path, _ in problems(data)]


def warned(data: dict[str, Any]) -> list[str]:
    """The paths of the warnings of an instance that is valid (a record-level problem never
    makes it invalid), read both from a dict and from JSON text."""
    from_data = from_dict(data).warnings()
    assert from_json(json.dumps(data)).warnings() == from_data
    assert all(message for _, message in from_data)
    return [path for path, _ in from_data]


def one_of_each(**policy: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "version": 1,
        "seekers": [{"id": "s"}],
        "providers": [{"id": "p", "capacity": 2}],
    }
    if policy:
        data["policy"] = policy
    return data


def isolated(code: str, timeout: float = 60) -> str:
    """Runs ``code`` in a child interpreter capped at 4 GiB of address space; returns its
    standard output. A crash, an abort or a hang fails the calling test with what it printed."""
    # The cap is set by the child itself: no fork hook in this (multi-threaded) process.
    capped = (
        "import resource\n"
        "resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))\n" + textwrap.dedent(code)
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", capped],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        done = None
    if done is None:
        pytest.fail(f"samman did not return within {timeout} s")
    assert done.returncode == 0, (
        f"the interpreter died (exit {done.returncode}): {done.stderr[:1000]}"
    )
    return done.stdout.strip()


# --- documents that do not parse ---------------------------------------------------------


def test_a01_empty_text() -> None:
    error = parse_error("")
    assert (error.path, error.line, error.column) == (".", 1, 0)
    assert "EOF while parsing" in str(error)


def test_a02_not_an_object() -> None:
    error = parse_error("[1, 2, 3]")
    assert (error.path, error.line, error.column) == ("[1]", 1, 5)


def test_a03_missing_version() -> None:
    error = parse_error('{"seekers": []}')
    assert (error.path, error.line, error.column) == (".", 1, 15)
    assert "missing field `version`" in str(error)


@pytest.mark.parametrize(
    "text",
    [
        '{"version": 1, "policy": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "[" * 100_000 + "]" * 100_000,
        '{"version": 1, "seekers": [{"id": "a", "profile": {"extra": '
        + '{"k": ' * 100_000
        + '"v"'
        + "}" * 100_000
        + "}}]}",
    ],
    ids=["policy", "top-level", "profile-extra"],
)
def test_a04_deeply_nested_json_text(text: str) -> None:
    error = parse_error(text)
    assert error.line == 1 and error.column > 0


def test_a05_number_beyond_f64() -> None:
    error = parse_error('{"version": 1, "seekers": [{"id": "a", "max_travel_km": 1e400}]}')
    assert (error.path, error.line, error.column) == ("seekers[0].max_travel_km", 1, 61)
    assert "number out of range" in str(error)


def test_a06_number_beyond_f64_through_json_loads() -> None:
    # Python reads 1e400 as inf; from_dict refuses it before the model sees it.
    data = json.loads('{"version": 1, "seekers": [{"id": "a", "max_travel_km": 1e400}]}')
    with pytest.raises(
        ValueError, match=r"^data\.seekers\[0\]\.max_travel_km: number is not finite$"
    ):
        from_dict(data)


def test_a07_integer_beyond_64_bits() -> None:
    with pytest.raises(
        ValueError, match=r"^data\.seekers\[0\]\.party_size: integer out of the 64-bit range$"
    ):
        from_dict({"version": 1, "seekers": [{"id": "a", "party_size": 2**70}]})


def test_a08_negative_party_size() -> None:
    error = parse_error('{"version": 1, "seekers": [{"id": "a", "party_size": -2}]}')
    assert (error.path, error.line, error.column) == ("seekers[0].party_size", 1, 55)
    with pytest.raises(ParseError) as caught:
        from_dict({"version": 1, "seekers": [{"id": "a", "party_size": -2}]})
    # From plain values there is no text, so no line or column.
    assert (caught.value.path, caught.value.line, caught.value.column) == (
        "seekers[0].party_size",
        0,
        0,
    )


def test_a09_party_size_and_capacity_beyond_u32() -> None:
    error = parse_error('{"version": 1, "seekers": [{"id": "a", "party_size": 4294967296}]}')
    assert error.path == "seekers[0].party_size"
    with pytest.raises(ParseError) as caught:
        from_dict({"version": 1, "providers": [{"id": "p", "capacity": 2**32}]})
    assert caught.value.path == "providers[0].capacity"


def test_a10_unknown_field_is_named_not_echoed() -> None:
    error = parse_error('{"version": 1, "providers": [{"id": "p", "capacity": 1, "name": "Anna"}]}')
    assert (error.path, error.line, error.column) == ("providers[0].name", 1, 62)
    assert "Anna" not in str(error)


def test_a11_malformed_date() -> None:
    error = parse_error(
        '{"version": 1, "seekers": [{"id": "a", "availability": {"dated": '
        '[{"start": "2026-02-30T18:00", "end": "2026-03-01T18:00"}]}}]}'
    )
    assert error.path == "seekers[0].availability.dated[0].start"


def test_a12_clock_time_past_24() -> None:
    error = parse_error(
        '{"version": 1, "seekers": [{"id": "a", "availability": {"weekly": '
        '[{"day": "monday", "start": "25:00", "end": "26:00"}]}}]}'
    )
    assert error.path == "seekers[0].availability.weekly[0].start"


def test_a13_truncated_document() -> None:
    error = parse_error('{"version": 1, "seekers": [{"id": "a"')
    assert (error.line, error.column) == (1, 37)
    assert "EOF while parsing an object" in str(error)


def test_a14_not_plain_values() -> None:
    with pytest.raises(TypeError, match=r"^data: a key is not a string$"):
        from_dict({"version": 1, 3: 4})
    with pytest.raises(TypeError, match=r"^data\.seekers\[0\]\.id: a set is not a JSON value$"):
        from_dict({"version": 1, "seekers": [{"id": {1}}]})
    with pytest.raises(ParseError, match="expected struct Instance") as caught:
        from_dict(42)
    assert caught.value.path == "."


def test_a15_nan_through_from_dict() -> None:
    with pytest.raises(ValueError, match=r"^data\.seekers\[0\]\.priority: number is not finite$"):
        from_dict({"version": 1, "seekers": [{"id": "a", "priority": math.nan}]})
    with pytest.raises(
        ValueError, match=r"^data\.policy\.weights\.language: number is not finite$"
    ):
        from_dict(one_of_each(weights={"language": -math.inf}))


# --- documents that parse but are invalid: ValidationError with every problem's path --------


def test_a16_duplicate_ids() -> None:
    data = {
        "version": 1,
        "seekers": [{"id": "a"}, {"id": "a"}],
        "providers": [{"id": "p", "capacity": 1}, {"id": "p", "capacity": 1}],
    }
    assert paths(data) == ["seekers[1].id", "providers[1].id"]


def test_a17_empty_id() -> None:
    assert paths({"version": 1, "seekers": [{"id": ""}]}) == ["seekers[0].id"]


def test_a18_latitude_91() -> None:
    data = {"version": 1, "seekers": [{"id": "a", "location": {"lat": 91, "lon": 0}}]}
    assert warned(data) == ["seekers[0].location.lat"]


def test_a19_longitude_minus_181() -> None:
    data = {
        "version": 1,
        "providers": [{"id": "p", "capacity": 1, "location": {"lat": 0, "lon": -181}}],
    }
    assert warned(data) == ["providers[0].location.lon"]


def test_a20_negative_weights() -> None:
    found = problems(one_of_each(weights={"distance": -1.0, "novelty": -0.5}))
    assert found == [
        ("policy.weights.distance", "must be a finite number, 0 or more"),
        ("policy.weights.novelty", "must be a finite number, 0 or more"),
    ]


def test_a21_weights_whose_sum_overflows() -> None:
    # Each weight is finite, but a pair's score (their sum) is not.
    instance = from_dict(one_of_each(weights={name: 1.7e308 for name in WEIGHTS}))
    with pytest.raises(ValidationError) as caught:
        samman.solve(instance)
    assert caught.value.problems == [
        ("policy.weights", "the score of seeker s with provider p is not a finite number")
    ]


def test_a22_time_zone_without_the_rule() -> None:
    assert paths({"version": 1, "policy": {"timezone": "Europe/Atlantis"}}) == ["policy.timezone"]


def test_a23_window_end_not_after_start() -> None:
    data = {
        "version": 1,
        "seekers": [
            {
                "id": "a",
                "availability": {
                    "dated": [{"start": "2026-05-05T20:00", "end": "2026-05-05T20:00"}]
                },
            }
        ],
    }
    assert warned(data) == ["seekers[0].availability.dated[0].end"]


def test_a24_window_in_a_daylight_saving_gap() -> None:
    data = {
        "version": 1,
        "seekers": [
            {
                "id": "a",
                "availability": {
                    "dated": [{"start": "2026-03-29T02:15", "end": "2026-03-29T05:00"}]
                },
            }
        ],
    }
    assert warned(data) == ["seekers[0].availability.dated[0].start"]


def test_a25_preference_naming_an_unknown_id() -> None:
    data = {
        "version": 1,
        "seekers": [{"id": "a", "preferences": ["ghost"]}],
        "providers": [{"id": "p", "capacity": 1}],
    }
    assert paths(data) == ["seekers[0].preferences[0]"]


def test_a26_preference_naming_itself() -> None:
    # A seeker's preferences name providers; its own id is not one.
    data = {
        "version": 1,
        "seekers": [{"id": "a", "preferences": ["a"]}],
        "providers": [{"id": "p", "capacity": 1}],
    }
    assert paths(data) == ["seekers[0].preferences[0]"]


def test_a27_duplicate_in_a_preference_list() -> None:
    data = {
        "version": 1,
        "seekers": [{"id": "a", "preferences": ["p", "p"]}],
        "providers": [{"id": "p", "capacity": 1}],
    }
    assert paths(data) == ["seekers[0].preferences[1]"]


def test_a28_capacity_zero_everywhere() -> None:
    data = {
        "version": 1,
        "seekers": [{"id": "a"}],
        "providers": [{"id": "p", "capacity": 0}, {"id": "q", "capacity": 0}],
    }
    assert paths(data) == ["providers[0].capacity", "providers[1].capacity"]


def test_a29_party_larger_than_any_table() -> None:
    data = {
        "version": 1,
        "seekers": [{"id": "a", "party_size": 12}],
        "providers": [{"id": "p", "capacity": 8}],
    }
    assert warned(data) == ["seekers[0].party_size"]


def test_a30_minimum_above_capacity() -> None:
    data = {"version": 1, "providers": [{"id": "p", "capacity": 4, "minimum": 6}]}
    assert warned(data) == ["providers[0].minimum"]


def test_a31_unknown_diet_and_language_are_not_echoed() -> None:
    data = {
        "version": 1,
        "seekers": [
            {
                "id": "a",
                "diet": ["breatharian"],
                "languages": [{"code": "klingon", "level": "native"}],
            }
        ],
    }
    found = from_dict(data).warnings()
    assert [path for path, _ in found] == ["seekers[0].languages[0].code", "seekers[0].diet[0]"]
    for _, message in found:
        assert "breatharian" not in message and "klingon" not in message


def test_a32_cyclic_keep_together_sets_merge() -> None:
    # a-b, b-c, c-a: one group of three, valid on its own, seated together by every solver.
    instance = from_dict(
        {
            "version": 1,
            "seekers": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
            "providers": [{"id": "p", "capacity": 3}],
            "constraints": {"keep_together": [["a", "b"], ["b", "c"], ["c", "a"]]},
        }
    )
    # Every solver, the stable one included: its deferred acceptance proposes for the set as one
    # party.
    for solver in samman.SOLVERS:
        assert samman.solve(instance, solver=solver).placements == {"a": "p", "b": "p", "c": "p"}, (
            solver
        )


def test_a33_contradictory_keep_together_and_keep_apart() -> None:
    data = {
        "version": 1,
        "seekers": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
        "constraints": {"keep_together": [["a", "b"], ["b", "c"]], "keep_apart": [["a", "c"]]},
    }
    assert paths(data) == ["constraints.keep_apart[0]"]


def test_a34_keep_together_set_of_one() -> None:
    data = {"version": 1, "seekers": [{"id": "a"}], "constraints": {"keep_together": [["a"]]}}
    assert paths(data) == ["constraints.keep_together[0]"]


def test_a35_instance_lock_naming_unknown_ids() -> None:
    data = one_of_each()
    data["constraints"] = {"locked": [{"seeker": "nobody", "provider": "nowhere"}]}
    assert paths(data) == ["constraints.locked[0].seeker", "constraints.locked[0].provider"]


def test_a36_history_with_unknown_ids() -> None:
    data = one_of_each()
    data["history"] = {"meetings": [{"seeker": "zed", "host": "nobody"}]}
    assert paths(data) == ["history.meetings[0].seeker", "history.meetings[0].host"]


def test_a37_unsupported_format_version() -> None:
    assert paths({"version": 99}) == ["version"]


# --- locks that break a rule: solve raises ValidationError at the lock's path ---------------


def diet_instance(**extra: Any) -> samman.Instance:
    return from_dict(
        {
            "version": 1,
            "seekers": [{"id": "a", "diet": ["vegan"]}, {"id": "b"}],
            "providers": [
                {"id": "p", "capacity": 2},
                {"id": "q", "capacity": 2, "caters": ["vegan"]},
            ],
            **extra,
        }
    )


def test_a38_locked_assignment_breaking_a_hard_rule() -> None:
    with pytest.raises(ValidationError) as caught:
        samman.solve(diet_instance(), locked={"a": "p"})
    assert caught.value.problems == [
        ("options.locked[0]", "seeker a may not be placed with provider p: hard rule diet fails")
    ]
    assert "vegan" not in str(caught.value)
    # The same lock kept in the instance is reported at its place there.
    pinned = diet_instance(constraints={"locked": [{"seeker": "a", "provider": "p"}]})
    with pytest.raises(ValidationError) as caught:
        samman.solve(pinned)
    assert [path for path, _ in caught.value.problems] == ["constraints.locked[0]"]
    # A lock that keeps the rules holds.
    assert samman.solve(diet_instance(), locked={"a": "q"}).placements["a"] == "q"


def test_a39_conflicting_and_unknown_locks() -> None:
    with pytest.raises(ValidationError) as caught:
        samman.solve(diet_instance(), locked=[("b", "p"), ("b", "q")])
    assert caught.value.problems == [
        ("options.locked[1]", "seeker b is already locked to another provider by options.locked[0]")
    ]
    with pytest.raises(samman.errors.UnknownIdError) as unknown:
        samman.solve(diet_instance(), locked={"b": "zzz"})
    assert unknown.value.kind == "unknown_id"
    assert unknown.value.path == "options.locked[0].provider"


def test_a40_locks_breaking_group_rules() -> None:
    two = [{"id": "a", "party_size": 2}, {"id": "b", "party_size": 2}]
    full = from_dict({"version": 1, "seekers": two, "providers": [{"id": "p", "capacity": 3}]})
    with pytest.raises(ValidationError) as caught:
        samman.solve(full, locked={"a": "p", "b": "p"})
    assert caught.value.problems == [
        ("options.locked[1]", "the seekers locked to provider p break the group rule capacity")
    ]
    apart = from_dict(
        {
            "version": 1,
            "seekers": [{"id": "a"}, {"id": "b"}],
            "providers": [{"id": "p", "capacity": 3}],
            "constraints": {"keep_apart": [["a", "b"]]},
        }
    )
    with pytest.raises(ValidationError) as caught:
        samman.solve(apart, locked={"a": "p", "b": "p"})
    assert caught.value.problems == [
        ("options.locked[1]", "the seekers locked to provider p break the group rule keep_apart")
    ]
    together = from_dict(
        {
            "version": 1,
            "seekers": [{"id": "a"}, {"id": "b"}],
            "providers": [{"id": "p", "capacity": 3}, {"id": "q", "capacity": 3}],
            "constraints": {"keep_together": [["a", "b"]]},
        }
    )
    with pytest.raises(ValidationError) as caught:
        samman.solve(together, locked={"a": "p", "b": "q"})
    assert caught.value.problems == [
        (
            "options.locked[1]",
            "seeker b must be kept together with seekers locked to another provider",
        )
    ]


# --- valid but extreme inputs: exact behaviour --------------------------------------------


@pytest.mark.parametrize("solver", samman.SOLVERS)
def test_b01_empty_instance(solver: str) -> None:
    instance = from_json('{"version": 1}')
    plan = samman.solve(instance, solver=solver)
    assert (plan.matches, plan.unplaced, plan.cancelled) == ([], [], [])
    assert (plan.total_score, plan.people_placed, plan.solver) == (0.0, 0, solver)
    metrics = samman.evaluate(instance, plan)
    assert metrics["placement"]["people"] == 0 and metrics["validity"]["valid"] is True


def test_b02_no_providers() -> None:
    instance = from_dict({"version": 1, "seekers": [{"id": "a"}]})
    plan = samman.solve(instance)
    assert plan.matches == []
    assert plan.unplaced == [
        {"seeker": "a", "reason": {"kind": "no_feasible_provider", "excluded": {}, "only": {}}}
    ]
    why = samman.explain(instance, plan, "a")
    assert (why["providers"], why["feasible"], why["placed"]) == (0, 0, None)


def test_b03_no_seekers() -> None:
    instance = from_dict({"version": 1, "providers": [{"id": "p", "capacity": 3}]})
    plan = samman.solve(instance)
    assert (plan.matches, plan.unplaced) == ([], [])


def test_b04_everyone_infeasible_is_told_why() -> None:
    data = samman.generate("dinners", 40, 1).to_dict()
    for seeker in data["seekers"]:
        seeker["max_travel_km"] = 0.0
    instance = from_dict(data)
    plan = samman.solve(instance)
    assert plan.matches == []
    assert sorted(u["seeker"] for u in plan.unplaced) == sorted(instance.seeker_ids)
    for unplaced in plan.unplaced:
        reason = unplaced["reason"]
        assert reason["kind"] == "no_feasible_provider"
        assert reason["excluded"].get("distance", 0) > 0, unplaced
    why = samman.explain(instance, plan, plan.unplaced[0]["seeker"])
    assert why["feasible"] == 0 and why["excluded"] == plan.unplaced[0]["reason"]["excluded"]


def test_b05_huge_capacities() -> None:
    # A provider with 2**32 - 1 seats and 50 single seekers: everyone sits, nothing overflows.
    instance = from_dict(
        {
            "version": 1,
            "providers": [{"id": "stadium", "capacity": 2**32 - 1}],
            "seekers": [{"id": f"s{i}"} for i in range(50)],
        }
    )
    for solver in samman.SOLVERS:
        assert len(samman.solve(instance, solver=solver).matches) == 50, solver


@pytest.mark.parametrize("solver", ["greedy", "stable"])
def test_b06_huge_parties(solver: str) -> None:
    # 50 parties of (2**32 - 1) // 64 people at one table of 2**32 - 1 seats: 64 fit, so all
    # 50 sit, and the seat count never wraps.
    size = (2**32 - 1) // 64
    instance = from_dict(
        {
            "version": 1,
            "providers": [{"id": "stadium", "capacity": 2**32 - 1}],
            "seekers": [{"id": f"s{i}", "party_size": size} for i in range(50)],
        }
    )
    plan = samman.solve(instance, solver=solver)
    assert len(plan.matches) == 50
    assert sum(m["seats"] for m in plan.matches) == 50 * size <= 2**32 - 1
    assert plan.people_placed == 50 * size


def test_b08_unicode_and_very_long_ids() -> None:
    long = "x" * 10_000
    ids = ["gäst-ö", "ضيف", "👪", "\u0000nul", long]
    data = {
        "version": 1,
        "seekers": [{"id": i} for i in ids],
        "providers": [{"id": "värd-å", "capacity": 5}],
    }
    instance = from_dict(data)
    assert from_json(instance.to_json()) == instance
    assert from_dict(instance.to_dict()) == instance
    assert instance.seeker_ids == ids
    plan = samman.solve(instance)
    assert plan.placements == {i: "värd-å" for i in ids}
    assert samman.Plan.from_json(plan.to_json()).to_json() == plan.to_json()
    assert samman.explain(instance, plan, long)["placed"]["provider"] == "värd-å"
    with pytest.raises(UnknownIdError, match="no seeker has the id"):
        samman.explain(instance, plan, "y" * 10_000)


def test_b09_windows_in_the_far_past_and_future() -> None:
    def dated(day: str, start: str, end: str) -> dict[str, Any]:
        return {"dated": [{"start": f"{day}T{start}", "end": f"{day}T{end}"}]}

    instance = from_dict(
        {
            "version": 1,
            "seekers": [
                {"id": "a", "availability": dated("1800-01-01", "10:00", "12:00")},
                {"id": "b", "availability": dated("9999-12-31", "10:00", "12:00")},
            ],
            "providers": [
                {"id": "p", "capacity": 2, "availability": dated("9999-12-31", "11:00", "13:00")}
            ],
        }
    )
    plan = samman.solve(instance)
    assert plan.placements == {"b": "p"}
    assert plan.unplaced[0]["seeker"] == "a"
    assert plan.unplaced[0]["reason"]["excluded"] == {"time": 1}


def test_b10_limits_on_seekers_and_edges() -> None:
    data = samman.generate("dinners", 30, 1).to_dict()
    data["policy"]["limits"] = {"max_seekers": 10}
    with pytest.raises(LimitError, match="seekers: 30 is more than the limit of 10"):
        samman.solve(from_dict(data))
    data["policy"]["limits"] = {"max_edges": 5}
    with pytest.raises(LimitError, match="candidate edges"):
        samman.solve(from_dict(data))


def test_b11_remote_seeker_is_not_limited_by_distance() -> None:
    instance = from_dict(
        {
            "version": 1,
            "seekers": [{"id": "online"}],
            "providers": [{"id": "near", "capacity": 1, "location": {"lat": 59.3, "lon": 18.0}}],
        }
    )
    assert samman.solve(instance).placements == {"online": "near"}


def test_b12_a_50_mb_instance() -> None:
    data = samman.generate("dinners", 2_000, 7).to_dict()
    # Pad the ids until the document passes 50 MB.
    for seeker in data["seekers"]:
        seeker["id"] = f"{seeker['id']}-{'p' * 25_000}"
    text = json.dumps(data)
    assert len(text) > 50_000_000
    instance = from_json(text)
    assert instance.n_seekers == 2_000
    assert from_dict(data) == instance


def test_b13_evaluate_reports_a_plan_naming_unknown_ids() -> None:
    # Nothing is silently dropped: the unknown entries are listed as violations.
    metrics = samman.evaluate(diet_instance(), {"zz": "p", "b": "nowhere"})
    assert metrics["validity"] == {
        "valid": False,
        "violations": [
            {"entry": 0, "kind": "unknown_seeker", "seeker": "zz"},
            {"entry": 1, "kind": "unknown_provider", "provider": "nowhere"},
        ],
    }
    assert metrics["placement"]["people_placed"] == 0


def test_b14_seed_outside_u64() -> None:
    instance = from_json('{"version": 1}')
    with pytest.raises(OverflowError):
        samman.solve(instance, seed=-1)
    with pytest.raises(OverflowError):
        samman.solve(instance, seed=2**64)


# --- found by this catalogue: inputs that crash, hang or are mishandled today --------------
# The first three run in a child interpreter (see `isolated`), so that a crash or a hang fails
# that one test instead of taking pytest down with it.


@pytest.mark.parametrize("solver", ["optimal", "groups"])
def test_e01_huge_parties_flow_solvers(solver: str) -> None:
    # The flow solvers on three parties of 67 million people: a plan or a clean error, within
    # 4 GiB and a minute, never an abort.
    out = isolated(
        f"""
        import samman
        from samman.errors import SammanError
        size = (2**32 - 1) // 64
        instance = samman.Instance.from_dict({{
            "version": 1,
            "providers": [{{"id": "stadium", "capacity": 2**32 - 1}}],
            "seekers": [{{"id": f"s{{i}}", "party_size": size}} for i in range(3)],
        }})
        try:
            plan = samman.solve(instance, solver={solver!r})
            print("placed", len(plan.matches))
        except SammanError as e:
            print("error", type(e).__name__)
        """
    )
    assert out in ("placed 3", "error LimitError"), out


@pytest.mark.parametrize("where", ["from_dict", "solve_option", "evaluate_option"])
def test_e02_deeply_nested_python_values(where: str) -> None:
    # 100 000 nested lists built without recursion: a clean error, never a stack overflow.
    call = {
        "from_dict": 'samman.Instance.from_dict({"version": 1, "policy": deep})',
        "solve_option": "samman.solve(samman.Instance.from_json('{\"version\": 1}'), previous=deep)",
        "evaluate_option": "samman.evaluate(samman.Instance.from_json('{\"version\": 1}'), {}, attributes=deep)",
    }[where]
    out = isolated(
        f"""
        import samman
        deep = []
        for _ in range(100_000):
            deep = [deep]
        try:
            {call}
            print("accepted")
        except (ValueError, TypeError) as e:
            print("refused", type(e).__name__)
        """
    )
    assert out.startswith("refused"), out


@pytest.mark.parametrize("weight", [1e-300, 5e-324])
def test_e03_weights_near_the_smallest_float(weight: float) -> None:
    # Tiny but positive weights: an answer, not an endless loop.
    out = isolated(
        f"""
        import samman
        print(samman.assign(1, 1, [0], [0], [{weight!r}]).tolist())
        weights = dict.fromkeys({WEIGHTS!r}, 0.0)
        weights["placement"] = {weight!r}
        instance = samman.Instance.from_dict({{
            "version": 1, "seekers": [{{"id": "s"}}], "providers": [{{"id": "p", "capacity": 2}}],
            "policy": {{"weights": weights}},
        }})
        print(samman.solve(instance).placements)
        """,
        timeout=10,
    )
    assert out.splitlines() == ["[0]", "{'s': 'p'}"]


def test_e04_keep_together_group_with_a_second_smaller_table() -> None:
    # The merged group of three fits only at p; q (two seats) must not make any solver give up
    # on the group: a plan that leaves all three out while p is empty has a blocking group.
    instance = from_dict(
        {
            "version": 1,
            "seekers": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
            "providers": [{"id": "p", "capacity": 3}, {"id": "q", "capacity": 2}],
            "constraints": {"keep_together": [["a", "b"], ["b", "c"], ["c", "a"]]},
        }
    )
    # Every solver, the stable one included: its deferred acceptance proposes for the set as one
    # party.
    for solver in samman.SOLVERS:
        assert samman.solve(instance, solver=solver).placements == {
            "a": "p",
            "b": "p",
            "c": "p",
        }, solver


def test_e05_keep_together_set_whose_seats_pass_u32() -> None:
    # Two parties of three thousand million people kept together: no solver may overflow; the
    # set fits nowhere and is left out whole while c is placed.
    instance = from_dict(
        {
            "version": 1,
            "seekers": [
                {"id": "a", "party_size": 3_000_000_000},
                {"id": "b", "party_size": 3_000_000_000},
                {"id": "c"},
            ],
            "providers": [
                {"id": "p", "capacity": 4_000_000_000},
                {"id": "q", "capacity": 4_000_000_000},
            ],
            "constraints": {"keep_together": [["a", "b"]]},
        }
    )
    for solver in samman.SOLVERS:
        plan = samman.solve(instance, solver=solver)
        assert list(plan.placements) == ["c"], solver
        assert [u["seeker"] for u in plan.unplaced] == ["a", "b"], solver


# --- samman.assign ------------------------------------------------------------------------


def assign(
    n_left: int = 2,
    n_right: int = 2,
    left: Any = (0, 1),
    right: Any = (0, 1),
    weight: Any = (1.0, 2.0),
    left_capacity: Any | None = None,
    right_capacity: Any | None = None,
    **kwargs: Any,
) -> list[int]:
    chosen = samman.assign(
        n_left,
        n_right,
        list(left) if isinstance(left, tuple) else left,
        list(right) if isinstance(right, tuple) else right,
        list(weight) if isinstance(weight, tuple) else weight,
        left_capacity,
        right_capacity,
        **kwargs,
    )
    assert chosen.dtype == np.int64
    return chosen.tolist()  # type: ignore[no-any-return]


def test_c01_assign_empty() -> None:
    assert assign(0, 0, [], [], []) == []
    assert (
        assign(0, 0, np.array([], dtype=np.int64), np.array([], dtype=np.int64), np.array([])) == []
    )


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_c02_assign_non_finite_weight(bad: float) -> None:
    with pytest.raises(ValueError, match=r"^edge 1: weight is not finite$"):
        assign(weight=np.array([1.0, bad]))


def test_c03_assign_negative_weights() -> None:
    # A negative edge lowers the total, so the maximum-weight matching leaves it out; the
    # maximum-cardinality one takes it.
    assert assign(weight=[-1.0, 2.0]) == [1]
    assert assign(weight=[-1.0, -2.0]) == []
    assert assign(weight=[-1.0, 2.0], objective="max_cardinality") == [0, 1]


def test_c04_assign_huge_weights() -> None:
    # Whole numbers: exact once their common power of two is divided out (issue 17) ...
    assert assign(weight=[1e308, 1e308]) == [0, 1]
    # ... and refused rather than rounded when even that leaves them beyond 128 bits.
    with pytest.raises(ValueError, match="too large to solve exactly"):
        assign(3, 3, [0, 1, 0], [0, 1, 1], [1.7e308, 1.7e308, 1.0])
    assert assign(3, 3, [0, 1, 0], [0, 1, 1], [1.7e308, 1.7e308, 1.5]) == [0, 1]


@pytest.mark.parametrize(
    "argument, value, message",
    [
        (
            "weight",
            np.array([1 + 2j, 1.0]),
            "weight must hold numbers, not values of dtype complex128",
        ),
        ("left", np.array(["0", "1"]), "left must hold integers, not values of dtype <U1"),
        (
            "left",
            np.array([0, 1], dtype=object),
            "left must hold integers, not values of dtype object",
        ),
        ("left", np.array([False, True]), "left must hold integers, not values of dtype bool"),
        ("right", np.array([0.0, 1.0]), "right must hold integers, not values of dtype float64"),
        ("left", np.array([0, 1], dtype=">i8"), "left must hold integers, not values of dtype >i8"),
    ],
    ids=["complex", "str", "object", "bool-index", "float-index", "big-endian"],
)
def test_c05_assign_wrong_dtype(argument: str, value: Any, message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace("[", r"\[") + "$"):
        assign(**{argument: value})


def test_c06_assign_accepted_dtypes() -> None:
    assert assign(weight=np.array([1.0, 2.0], dtype=np.float16)) == [0, 1]
    assert assign(weight=np.array([3, 4], dtype=np.int8)) == [0, 1]
    assert assign(
        left=np.array([0, 1], dtype=np.uint8), right=np.array([0, 1], dtype=np.int32)
    ) == [0, 1]
    # A strided view reads the right elements.
    assert assign(left=np.array([0, 9, 1, 9])[::2]) == [0, 1]


@pytest.mark.parametrize(
    "argument, value, message",
    [
        ("weight", np.ones((2, 1)), r"weight must be one-dimensional, not of shape \[2, 1\]"),
        ("left", np.array(0), r"left must be one-dimensional, not of shape \[\]"),
        ("right", np.array([[0, 1]]), r"right must be one-dimensional, not of shape \[1, 2\]"),
    ],
)
def test_c07_assign_wrong_shape(argument: str, value: Any, message: str) -> None:
    with pytest.raises(ValueError, match="^" + message + "$"):
        assign(**{argument: value})


def test_c08_assign_negative_and_huge_capacities() -> None:
    with pytest.raises(
        ValueError, match=r"^left_capacity\[1\] is -1: a capacity cannot be negative$"
    ):
        assign(left_capacity=np.array([1, -1]))
    with pytest.raises(
        ValueError,
        match=r"^right_capacity\[0\] is 1099511627776: a capacity must be at most 4294967295$",
    ):
        assign(right_capacity=[2**40, 1])
    # The largest capacity allowed works; parallel edges can then all be taken.
    assert assign(1, 1, [0, 0], [0, 0], [1.0, 2.0], [2**32 - 1], [2**32 - 1]) == [0, 1]
    assert assign(left_capacity=[0, 0]) == []


def test_c09_assign_mismatched_lengths() -> None:
    with pytest.raises(
        ValueError, match=r"^edge arrays differ in length: left has 2, right has 2, weight has 1$"
    ):
        assign(weight=[1.0])
    with pytest.raises(ValueError, match=r"^left_capacity has 3 entries but n_left is 2$"):
        assign(left_capacity=[1, 1, 1])


def test_c10_assign_indices_out_of_range() -> None:
    with pytest.raises(ValueError, match=r"^edge 1: left index 2 is out of range \(n_left is 2\)"):
        assign(left=[0, 2])
    with pytest.raises(
        ValueError,
        match=r"^left\[0\] is 18446744073709551615: an index must be at most 4294967295$",
    ):
        assign(left=np.array([2**64 - 1, 0], dtype=np.uint64))
    with pytest.raises(ValueError, match=r"^right\[1\] is -1: an index cannot be negative$"):
        assign(right=np.array([0, -1]))


def test_c11_assign_sizes_out_of_range() -> None:
    # ValueErrors naming the argument (issue 17), not OverflowError or TypeError.
    with pytest.raises(ValueError, match="^n_left is negative"):
        assign(-1, 1, [], [], [])
    with pytest.raises(
        ValueError, match=r"^too large: nodes is 1099511627779, the limit is 33554432$"
    ):
        assign(2**40, 1, [], [], [])
    with pytest.raises(ValueError, match="^n_left must be a non-negative integer, not float"):
        assign(1.5, 1, [0], [0], [1.0])  # type: ignore[arg-type]


def test_c12_assign_duplicate_edges() -> None:
    # Parallel edges between one pair: with one seat each side, the heaviest is taken.
    assert assign(1, 1, [0, 0, 0], [0, 0, 0], [1.0, 3.0, 2.0]) == [1]


# --- samman.stable_match ------------------------------------------------------------------


def test_d01_stable_empty() -> None:
    assert samman.stable_match([], []).tolist() == []
    assert samman.stable_match([[], []], [[], []]).tolist() == [-1, -1]


def test_d02_stable_duplicate_entries() -> None:
    with pytest.raises(ValueError, match=r"^left_prefs\[0\] names 0 twice$"):
        samman.stable_match([[0, 0]], [[0]])
    with pytest.raises(ValueError, match=r"^right_prefs\[1\] names 0 twice$"):
        samman.stable_match([[0, 1]], [[0], [0, 0]])


def test_d03_stable_index_out_of_range() -> None:
    with pytest.raises(
        ValueError, match=r"^left_prefs\[0\]\[0\] is 1, out of range \(there are 1\)$"
    ):
        samman.stable_match([[1]], [[0]])


def test_d04_stable_wrong_dtype_and_shape() -> None:
    with pytest.raises(
        ValueError, match=r"^left_prefs\[0\] must hold integers, not values of dtype float64$"
    ):
        samman.stable_match(np.array([[0.0]]), [[0]])
    with pytest.raises(
        ValueError, match=r"^left_prefs\[0\] must be one-dimensional, not of shape \[1, 1\]$"
    ):
        samman.stable_match(np.zeros((1, 1, 1), dtype=np.int64), [[0]])
    with pytest.raises(
        ValueError, match=r"^left_prefs\[0\]\[0\] must be one of integers, not str$"
    ):
        samman.stable_match([["a"]], [[0]])  # type: ignore[list-item]
    with pytest.raises(
        ValueError,
        match=r"^left_prefs\[0\] must be an array or a sequence of integers, not NoneType$",
    ):
        samman.stable_match([None], [[0]])  # type: ignore[list-item]


def test_d05_stable_ragged_and_one_sided_lists() -> None:
    # Right 1 does not rank left 1, so that pair is unacceptable; a 2-d array works as rows.
    assert samman.stable_match([[0, 1], [1]], [[1, 0], [0]]).tolist() == [0, -1]
    assert samman.stable_match([[0]], [[]]).tolist() == [-1]
    assert samman.stable_match(np.array([[0, 1], [1, 0]]), np.array([[0, 1], [1, 0]])).tolist() == [
        0,
        1,
    ]


def test_d06_stable_capacities() -> None:
    assert samman.stable_match([[0]], [[0]], [0]).tolist() == [-1]
    assert samman.stable_match([[0], [0]], [[0, 1]], [2**32 - 1]).tolist() == [0, 0]
    with pytest.raises(
        ValueError,
        match=r"^right_capacity\[0\] is 1099511627776: a capacity must be at most 4294967295$",
    ):
        samman.stable_match([[0], [0]], [[0, 1]], [2**40])
    with pytest.raises(
        ValueError, match=r"^right_capacity\[0\] is -1: a capacity cannot be negative$"
    ):
        samman.stable_match([[0]], [[0]], [-1])
