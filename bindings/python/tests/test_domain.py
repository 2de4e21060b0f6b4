"""The domain API: instances in and out, generate, solve, evaluate, explain, compare."""

from __future__ import annotations

import io
import json

import pytest

import samman


def test_generate_every_kind_is_deterministic() -> None:
    assert set(samman.GENERATOR_KINDS) >= {"dinners", "visits", "workshops"}
    for kind in samman.GENERATOR_KINDS:
        a = samman.generate(kind, 40, 7)
        b = samman.generate(kind, 40, 7)
        assert a == b
        assert a.to_json() == b.to_json()
        assert a.n_seekers == 40
        assert a.n_providers > 0
        assert a != samman.generate(kind, 40, 8)


def test_generate_parameters_are_applied() -> None:
    instance = samman.generate("dinners", 30, 1, providers=4)
    assert instance.n_providers == 4


def test_json_and_dict_round_trips() -> None:
    instance = samman.generate("workshops", 30, 2)
    assert samman.Instance.from_json(instance.to_json()) == instance
    assert samman.Instance.from_json(instance.to_json(pretty=True)) == instance
    as_dict = instance.to_dict()
    assert as_dict == json.loads(instance.to_json())
    assert samman.Instance.from_dict(as_dict) == instance


def test_from_csv_paths_and_files(tmp_path: "pytest.TempPathFactory") -> None:
    seekers = "id,party_size,languages\ng1,2,sv:native\ng2,,sv:fluent\n"
    providers = "id,capacity,languages\nd1,2,sv:native\nd2,4,sv:native\n"
    from_files = samman.Instance.from_csv(io.StringIO(seekers), io.BytesIO(providers.encode()))
    s_path = tmp_path / "seekers.csv"  # type: ignore[operator]
    p_path = tmp_path / "providers.csv"  # type: ignore[operator]
    s_path.write_text(seekers)
    p_path.write_text(providers)
    from_paths = samman.Instance.from_csv(s_path, str(p_path))
    assert from_files == from_paths
    assert from_paths.seeker_ids == ["g1", "g2"]
    assert from_paths.provider_ids == ["d1", "d2"]
    plan = samman.solve(from_paths)
    assert plan.people_placed == 3


def test_from_csv_with_a_policy() -> None:
    seekers = io.StringIO("id\ng1\n")
    providers = io.StringIO("id,capacity\nd1,2\n")
    instance = samman.Instance.from_csv(seekers, providers, policy={"limits": {"max_seekers": 5}})
    assert instance.to_dict()["policy"]["limits"]["max_seekers"] == 5


def test_solve_gives_a_plan_with_reasons() -> None:
    instance = samman.generate("dinners", 120, 3)
    plan = samman.solve(instance)
    assert plan.solver in samman.SOLVERS
    assert plan.objective == "max_score"
    assert len(plan.matches) + len(plan.unplaced) == instance.n_seekers
    assert plan.people_placed == sum(m["seats"] for m in plan.matches)
    assert plan.total_score == pytest.approx(sum(m["score"] for m in plan.matches))
    assert all("kind" in u["reason"] for u in plan.unplaced)
    assert plan.placements == {m["seeker"]: m["provider"] for m in plan.matches}
    assert plan.seconds >= 0
    assert samman.Plan.from_json(plan.to_json()).to_json() == plan.to_json()
    assert plan.to_dict() == json.loads(plan.to_json())
    frame = plan.to_pandas()
    assert list(frame["seeker"]) == [m["seeker"] for m in plan.matches]
    assert "distance" in frame.columns


def test_solve_is_deterministic_and_takes_every_objective() -> None:
    instance = samman.generate("visits", 80, 4)
    for objective in samman.OBJECTIVES:
        a = samman.solve(instance, objective=objective)
        b = samman.solve(instance, objective=objective)
        assert a.objective == objective
        assert a.to_json() == b.to_json()


def test_locked_pairs_reach_the_instance() -> None:
    instance = samman.Instance.from_dict(
        {"version": 1, "seekers": [{"id": "g1"}], "providers": [{"id": "d1", "capacity": 1}]}
    )
    # A valid lock is accepted (as a dict or as pairs); an invalid one is reported with its path.
    assert samman.solve(instance, locked={"g1": "d1"}).placements == {"g1": "d1"}
    assert samman.solve(instance, locked=[("g1", "d1")]).placements == {"g1": "d1"}
    with pytest.raises(samman.errors.UnknownIdError) as caught:
        samman.solve(instance, locked=[("g1", "d9")])
    assert caught.value.path == "options.locked[0].provider"


def test_evaluate_any_plan() -> None:
    instance = samman.generate("dinners", 80, 5)
    plan = samman.solve(instance)
    metrics = samman.evaluate(instance, plan)
    assert isinstance(metrics, samman.Metrics)
    assert metrics["validity"]["valid"] is True
    assert metrics["placement"]["people_placed"] == plan.people_placed
    # The same plan as a dict or as pairs evaluates identically.
    assert samman.evaluate(instance, plan.placements) == metrics
    assert samman.evaluate(instance, list(plan.placements.items())) == metrics
    flat = metrics.flat()
    assert flat["placement.people_placed"] == plan.people_placed
    frame = metrics.to_pandas()
    assert frame.shape[0] == 1
    assert frame["placement.people_placed"][0] == plan.people_placed
    # An empty plan is valid and places nobody.
    assert samman.evaluate(instance, {})["placement"]["people_placed"] == 0


def test_evaluate_reports_a_broken_rule() -> None:
    instance = samman.Instance.from_dict(
        {
            "version": 1,
            "seekers": [{"id": "g1", "blocked": ["d1"]}],
            "providers": [{"id": "d1", "capacity": 2}],
        }
    )
    metrics = samman.evaluate(instance, {"g1": "d1"})
    assert metrics["validity"]["valid"] is False


def test_explain_placed_and_unplaced() -> None:
    instance = samman.generate("dinners", 100, 6)
    plan = samman.solve(instance)
    placed = plan.matches[0]["seeker"]
    explanation = samman.explain(instance, plan, placed)
    assert explanation["seeker"] == placed
    assert explanation["placed"]["provider"] == plan.placements[placed]
    unplaced = plan.unplaced[0]["seeker"]
    explanation = samman.explain(instance, plan, unplaced)
    assert explanation["placed"] is None
    assert explanation["providers"] == instance.n_providers
    assert samman.explain(instance, None, unplaced)["seats_taken"] is None


def test_explain_many_equals_one_call_per_seeker() -> None:
    instance = samman.generate("dinners", 100, 6)
    plan = samman.solve(instance)
    asked = [u["seeker"] for u in plan.unplaced[:5]] + [m["seeker"] for m in plan.matches[:3]]
    asked.append(asked[0])  # asked twice, answered twice
    many = samman.explain_many(instance, plan, asked)
    assert [e["seeker"] for e in many] == asked
    assert many == [samman.explain(instance, plan, s) for s in asked]
    assert samman.explain_many(instance, None, []) == []


def test_compare_gives_one_row_per_solver() -> None:
    instance = samman.generate("workshops", 60, 7)
    table = samman.compare(instance)
    assert [row["solver"] for row in table] == samman.SOLVERS
    assert "placement.people_placed" in table[0]
    frame = table.to_pandas()
    assert list(frame["solver"]) == samman.SOLVERS
    assert samman.compare(instance, solvers=["greedy", "greedy"]).to_pandas().shape[0] == 2


def test_pseudonymize_hides_every_id_and_keeps_references() -> None:
    instance = samman.generate("visits", 40, seed=4)
    hidden = samman.pseudonymize(instance, b"a secret of more than sixteen bytes")
    assert hidden == samman.pseudonymize(instance, b"a secret of more than sixteen bytes")
    assert hidden != samman.pseudonymize(instance, b"another secret, also long enough")
    assert not set(instance.seeker_ids) & set(hidden.seeker_ids)
    assert not set(instance.provider_ids) & set(hidden.provider_ids)
    # The same plan shape: references (history, preferences) moved with the ids.
    assert len(samman.solve(hidden).matches) == len(samman.solve(instance).matches)
    with pytest.raises(ValueError, match="key is empty"):
        samman.pseudonymize(instance, b"")
