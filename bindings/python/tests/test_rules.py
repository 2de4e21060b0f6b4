"""The rules the programmes need (issue 13), through the Python API: each test fails without
its rule. Instances cross as plain values, so new fields flow through the JSON format."""

from __future__ import annotations

from typing import Any

import samman


def unplaced_reason(plan: samman.Plan, seeker: str) -> dict[str, Any]:
    [reason] = [u["reason"] for u in plan.to_dict()["unplaced"] if u["seeker"] == seeker]
    return reason


def test_one_record_never_blocks_the_rest() -> None:
    # A family of seven, larger than every table, and a guest whose coordinates are out of
    # range: both left out with their reasons, everyone else planned.
    data = {
        "version": 1,
        "seekers": [
            {"id": "family", "party_size": 7},
            {"id": "lost", "location": {"lat": 181.0, "lon": 59.0}},
            {"id": "g1", "party_size": 2},
            {"id": "g2", "party_size": 2},
        ],
        "providers": [
            {"id": "d1", "kind": "dinner", "capacity": 6},
            {"id": "d2", "kind": "dinner", "capacity": 4},
        ],
    }
    instance = samman.Instance.from_dict(data)
    assert [path for path, _ in instance.warnings()] == [
        "seekers[0].party_size",
        "seekers[1].location.lat",
    ]
    for solver in samman.SOLVERS:
        plan = samman.solve(instance, solver=solver)
        assert set(plan.placements) == {"g1", "g2"}, solver
        assert unplaced_reason(plan, "family")["excluded"] == {"capacity": 2}
        assert unplaced_reason(plan, "lost")["excluded"] == {"record": 2}


def test_readiness_only_ready_and_reliable_providers_are_booked() -> None:
    data = {
        "version": 1,
        "seekers": [{"id": f"booking-{i}"} for i in range(3)],
        "providers": [
            {"id": "training", "capacity": 4, "status": "in_training"},
            {"id": "paused", "capacity": 4, "status": "paused"},
            {
                "id": "unreliable",
                "capacity": 4,
                "reliability": {"completed": 1, "cancelled": 2, "no_show": 2},
            },
            {"id": "good", "capacity": 2, "reliability": {"completed": 8}},
        ],
        "policy": {"rules": {"min_reliability": 0.5, "reliability_min_events": 3}},
    }
    instance = samman.Instance.from_dict(data)
    for solver in samman.SOLVERS:
        plan = samman.solve(instance, solver=solver)
        assert set(plan.placements.values()) == {"good"}, solver
        [left] = [u["reason"] for u in plan.to_dict()["unplaced"]]
        assert left["kind"] == "seats_taken", solver
    assert samman.explain(instance, None, "booking-0")["excluded"] == {"readiness": 3}


def test_needs_the_hearing_loop_need_is_met_by_a_room_that_offers_it() -> None:
    data = {
        "version": 1,
        "seekers": [
            {"id": "resident", "needs": ["hearing_loop"]},
            {"id": "other", "needs": ["step_free"]},
        ],
        "providers": [
            {"id": "plain-room", "capacity": 3, "offers": ["step_free"]},
            {"id": "looped-room", "capacity": 2, "offers": ["hearing_loop", "step_free"]},
        ],
    }
    instance = samman.Instance.from_dict(data)
    for solver in samman.SOLVERS:
        plan = samman.solve(instance, solver=solver)
        assert plan.placements["resident"] == "looped-room", solver
        assert "other" in plan.placements, solver
    explanation = samman.explain(instance, None, "resident")
    assert explanation["excluded"]["needs"] == 1


def test_accepts_the_female_visitor_wish_is_met() -> None:
    data = {
        "version": 1,
        "seekers": [
            {
                "id": "older-woman",
                "profile": {"origin": "established"},
                "accepts": {"gender": ["female"]},
            },
            {"id": "newcomer", "profile": {"origin": "newcomer"}},
        ],
        "providers": [
            {
                "id": "volunteer-m",
                "capacity": 2,
                "host_profile": {"gender": "male"},
                "accepts": {"origin": ["established"]},
            },
            {"id": "volunteer-f", "capacity": 2, "host_profile": {"gender": "female"}},
        ],
    }
    instance = samman.Instance.from_dict(data)
    for solver in samman.SOLVERS:
        plan = samman.solve(instance, solver=solver)
        assert plan.placements["older-woman"] == "volunteer-f", solver
        assert plan.placements.get("newcomer") != "volunteer-m", solver
    assert samman.explain(instance, None, "older-woman")["excluded"] == {"accepts": 1}


def test_same_the_coach_of_another_region_is_not_chosen() -> None:
    data = {
        "version": 1,
        "seekers": [{"id": "group-skelleftea", "profile": {"extra": {"region": "vasterbotten"}}}],
        "providers": [
            {
                "id": "coach-goteborg",
                "capacity": 5,
                "host_profile": {"extra": {"region": "vastra-gotaland"}},
            },
            {
                "id": "coach-skelleftea",
                "capacity": 1,
                "host_profile": {"extra": {"region": "vasterbotten"}},
            },
        ],
        "policy": {"rules": {"same": ["region"]}},
    }
    instance = samman.Instance.from_dict(data)
    for solver in samman.SOLVERS:
        plan = samman.solve(instance, solver=solver)
        assert plan.placements == {"group-skelleftea": "coach-skelleftea"}, solver
    assert samman.explain(instance, None, "group-skelleftea")["excluded"] == {"same": 1}


def test_verification_the_expired_verification_is_excluded_with_its_date() -> None:
    data = {
        "version": 1,
        "seekers": [{"id": "older", "requires_verified": True}],
        "providers": [
            {
                "id": "volunteer-2024",
                "capacity": 1,
                "verification": {"verified": True, "verified_on": "2024-05-10"},
            }
        ],
        "policy": {"today": "2026-03-01", "rules": {"verification_valid_days": 365}},
    }
    instance = samman.Instance.from_dict(data)
    for solver in samman.SOLVERS:
        assert samman.solve(instance, solver=solver).placements == {}, solver
    explanation = samman.explain(instance, None, "older")
    assert explanation["excluded"] == {"verification": 1}
    assert explanation["expired_verifications"] == [
        {
            "provider": "volunteer-2024",
            "valid_until": "2025-05-10",
            "description": "the verification of volunteer-2024 expired: valid until 2025-05-10",
        }
    ]


def test_seats_a_project_group_takes_one_slot_of_a_caseload() -> None:
    # Coaching: three project groups of five, each one slot of a caseload of three; the
    # composition rule still counts five newcomers per group.
    data: dict[str, Any] = {
        "version": 1,
        "seekers": [
            {
                "id": f"group-{i}",
                "party_size": 5,
                "seats": 1,
                "profile": {"origin": "newcomer"},
            }
            for i in range(3)
        ],
        "providers": [{"id": "coach", "kind": "coaching", "capacity": 3}],
        "policy": {"composition": {"min_newcomers": 5}},
    }
    instance = samman.Instance.from_dict(data)
    for solver in samman.SOLVERS:
        plan = samman.solve(instance, solver=solver)
        assert len(plan.placements) == 3, solver
        assert plan.people_placed == 15, solver
        assert {m["seats"] for m in plan.to_dict()["matches"]} == {1}, solver
    for seeker in data["seekers"]:
        del seeker["seats"]
    instance = samman.Instance.from_dict(data)
    for solver in samman.SOLVERS:
        assert samman.solve(instance, solver=solver).placements == {}, solver


def test_hosts_a_household_offering_saturday_or_sunday_is_booked_once() -> None:
    def evening(day: str) -> dict[str, Any]:
        return {"dated": [{"start": f"2026-09-{day}T17:00", "end": f"2026-09-{day}T22:00"}]}

    data: dict[str, Any] = {
        "version": 1,
        "seekers": [
            {"id": f"guest-{i}", "availability": evening("05" if i % 2 == 0 else "06")}
            for i in range(4)
        ],
        "providers": [
            {"id": "h7-saturday", "capacity": 2, "host": "household-7", "availability": evening("05")},
            {"id": "h7-sunday", "capacity": 2, "host": "household-7", "availability": evening("06")},
        ],
        "hosts": [{"id": "household-7", "max_events": 1}],
    }
    instance = samman.Instance.from_dict(data)
    for solver in samman.SOLVERS:
        plan = samman.solve(instance, solver=solver)
        assert len(set(plan.placements.values())) == 1, solver
        [cancelled] = plan.to_dict()["cancelled"]
        assert cancelled["rules"] == [{"rule": "host_events", "host": "household-7"}], solver
        for seeker in set(f"guest-{i}" for i in range(4)) - set(plan.placements):
            assert unplaced_reason(plan, seeker) == {
                "kind": "group",
                "rules": [{"rule": "host_events", "host": "household-7"}],
            }
    del data["hosts"]
    instance = samman.Instance.from_dict(data)
    for solver in samman.SOLVERS:
        assert len(set(samman.solve(instance, solver=solver).placements.values())) == 2, solver


def test_suspicious_data_is_warned_about_by_path() -> None:
    places = [(59.330, 18.060), (59.340, 18.070), (59.320, 18.050), (18.068, 59.329)]
    data: dict[str, Any] = {
        "version": 1,
        "seekers": [
            {"id": f"g{i}", "location": {"lat": lat, "lon": lon}}
            for i, (lat, lon) in enumerate(places)
        ],
        "providers": [
            {
                "id": "d1",
                "capacity": 4,
                "availability": {
                    "dated": [{"start": "2025-09-05T17:00", "end": "2025-09-05T22:00"}]
                },
                "reliability": {"completed": 1, "no_show": 3},
            }
        ],
        "policy": {"today": "2026-09-01"},
        "history": {"meetings": [{"seeker": "g0", "host": "d1", "date": "2026-05-02"}]},
    }
    instance = samman.Instance.from_dict(data)
    warnings = instance.warnings()
    assert [path for path, _ in warnings] == [
        "seekers[3].location",
        "providers[0].availability.dated[0]",
        "providers[0].reliability.no_show",
    ]
    assert "swapped" in warnings[0][1]
    assert all("59.329" not in message and "2025" not in message for _, message in warnings)


def test_wants_an_older_person_gets_two_volunteers() -> None:
    # An older person who wants two volunteers, another who wants one; never the same volunteer
    # twice, every solver, and the metrics count seekers served.
    data = {
        "version": 1,
        "seekers": [{"id": "older-1", "wants": 2}, {"id": "older-2"}],
        "providers": [{"id": f"v{i}", "capacity": 1} for i in range(1, 4)],
    }
    instance = samman.Instance.from_dict(data)
    for solver in samman.SOLVERS:
        plan = samman.solve(instance, solver=solver)
        assert sorted(len(v) for v in plan.providers_of.values()) == [1, 2], solver
        assert len(set(plan.providers_of["older-1"])) == 2, solver
        assert plan.people_placed == 3
        assert plan.summary()["seekers_placed"] == 2
        placement = samman.evaluate(instance, plan)["placement"]
        assert (placement["fully_served"], placement["partly_served"]) == (2, 0)
    # Only one volunteer left for older-1: partly served, and not unplaced.
    data["seekers"][0]["blocked"] = ["v1", "v2"]
    plan = samman.solve(samman.Instance.from_dict(data))
    assert plan.providers_of["older-1"] == ["v3"]
    assert [u["seeker"] for u in plan.unplaced] == []
    placement = samman.evaluate(samman.Instance.from_dict(data), plan)["placement"]
    assert placement["partly_served"] == 1


def test_wants_never_two_series_whose_times_overlap() -> None:
    def window(day: int, start: int, end: int) -> dict[str, Any]:
        return {"dated": [{"start": f"2026-09-{day:02}T{start:02}:00", "end": f"2026-09-{day:02}T{end:02}:00"}]}

    data = {
        "version": 1,
        "seekers": [{"id": "participant", "wants": 2, "preferences": ["a", "b", "c"]}],
        "providers": [
            {"id": "a", "capacity": 3, "availability": window(7, 17, 19)},
            {"id": "b", "capacity": 3, "availability": window(7, 18, 20)},
            {"id": "c", "capacity": 3, "availability": window(8, 17, 19)},
        ],
    }
    instance = samman.Instance.from_dict(data)
    for solver in samman.SOLVERS:
        plan = samman.solve(instance, solver=solver)
        assert sorted(plan.providers_of["participant"]) == ["a", "c"], solver
    report = samman.evaluate(instance, [("participant", "a"), ("participant", "b")])
    assert [v["kind"] for v in report["validity"]["violations"]] == ["times_overlap"]
