"""`auto`, the default solver: `groups` where a rule about whole groups binds, `optimal`
otherwise, the same choice as every other front (the core makes it)."""

import json

import samman


def test_the_default_solver_picks_by_the_group_rules() -> None:
    dinners = samman.generate("dinners", 80, 1)
    plan = samman.solve(dinners)
    assert plan.solver == "groups"
    choice = json.loads(plan.to_json())["solver_choice"]
    assert choice["asked"] == "auto" and choice["ran"] == "groups"
    assert "minimum" in choice["binding"]
    assert plan.to_json() == samman.solve(dinners, solver="auto").to_json()

    visits = samman.generate("visits", 60, 1)
    plan = samman.solve(visits)
    assert plan.solver == "optimal"
    assert json.loads(plan.to_json())["solver_choice"]["binding"] == []
    # An explicit solver is run as asked, with no choice recorded.
    assert "solver_choice" not in json.loads(samman.solve(visits, solver="optimal").to_json())
    assert "auto" not in samman.SOLVERS
