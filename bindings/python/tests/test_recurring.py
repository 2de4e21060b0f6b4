"""Programmes that recur: rounds where everyone meets someone new, history, running dinners."""

from __future__ import annotations

import itertools

import pytest

import samman
from samman.errors import ValidationError


def kirkman() -> samman.Instance:
    return samman.Instance.from_dict(
        {
            "version": 1,
            "seekers": [{"id": f"girl{i}"} for i in range(1, 16)],
            "providers": [{"id": f"row{t}", "capacity": 3} for t in range(1, 6)],
        }
    )


def test_kirkmans_schoolgirls_meet_every_other_girl_exactly_once() -> None:
    plan = samman.solve_rounds(kirkman(), 7, seed=1, never_again=True, time_limit_seconds=60)
    assert plan["repeat_pairs"] == 0 and plan["repeats"] == []
    pairs = [
        tuple(sorted(pair))
        for day in plan["rounds"]
        for group in day["groups"]
        for pair in itertools.combinations(group["members"], 2)
    ]
    # An independent count: all 105 pairs, each once.
    assert len(pairs) == 105 and len(set(pairs)) == 105


def test_the_same_seed_gives_the_same_rounds() -> None:
    instance = kirkman()
    plan = samman.solve_rounds(instance, 3, seed=4, max_iterations=500)
    assert plan == samman.solve_rounds(instance, 3, seed=4, max_iterations=500)
    assert plan["rounds"][0]["groups"][0]["provider"] == "row1"


def test_bad_options_name_the_field() -> None:
    with pytest.raises(ValueError, match="rounds: must be at least 1"):
        samman.solve_rounds(kirkman(), 0)
    with pytest.raises(ValueError, match="options"):
        samman.solve_rounds(kirkman(), 2, never_agian=True)


def test_history_from_a_plan_holds_its_meetings() -> None:
    instance = samman.generate("dinners", size=40, seed=3)
    plan = samman.solve(instance)
    after = samman.add_history(instance, plan, date="2026-10-04")
    met = after.to_dict()["history"]["met"]
    tables: dict = {}
    for seeker, provider in plan.placements.items():
        tables.setdefault(provider, []).append(seeker)
    hosts = {p["id"]: p.get("host", p["id"]) for p in instance.to_dict()["providers"]}
    expected = set()
    for provider, members in tables.items():
        people = members + [hosts[provider]]
        expected |= {tuple(sorted(pair)) for pair in itertools.combinations(people, 2)}
    assert {tuple(m["people"]) for m in met} == expected
    assert all(m["date"] == "2026-10-04" for m in met)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        samman.add_history(instance, plan, date="October")


def test_a_running_dinner_routes_every_team_once_through_each_course() -> None:
    dinner = {
        "version": 1,
        "teams": [
            {"id": f"team-{i}", "size": 2, "location": {"lat": 59.33 + 0.001 * (i % 4), "lon": 18.06 + 0.001 * (i // 4)}}
            for i in range(1, 13)
        ],
        "waiting_list": [{"id": "late", "location": {"lat": 59.331, "lon": 18.061}}],
    }
    plan = samman.plan_running_dinner(dinner, seed=2)
    assert plan["repeat_meetings"] == 0
    for team in plan["teams"]:
        assert team["route"][team["hosts"] - 1] == team["id"]
        assert sum(host == team["id"] for host in team["route"]) == 1
    assert plan["total_km"] >= plan["lower_bound_km"] > 0
    after = samman.cancel_running_dinner(dinner, plan, ["team-3"])
    assert after["from_waiting_list"] == ["late"]
    assert all(change["to"] == "late" for change in after["changes"])


def test_a_running_dinner_that_cannot_be_planned_is_refused_with_its_path() -> None:
    dinner = {
        "version": 1,
        "teams": [{"id": f"team-{i}", "location": {"lat": 59.33, "lon": 18.06}} for i in range(1, 9)],
    }
    dinner["teams"][2]["cannot_host"] = [7]
    with pytest.raises(ValidationError) as caught:
        samman.plan_running_dinner(dinner)
    assert caught.value.kind == "invalid_input"
    assert caught.value.path == "teams[2].cannot_host[0]"
    assert isinstance(caught.value, ValueError)
