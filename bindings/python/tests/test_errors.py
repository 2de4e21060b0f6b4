"""Bad input raises the documented exception with a message that says what and where; no
panic reaches Python."""

from __future__ import annotations

import io
import json
import math

import numpy as np
import pytest

import samman
from samman.errors import (
    CsvError,
    InternalError,
    LimitError,
    ParseError,
    SammanError,
    UnknownIdError,
    ValidationError,
)

EDGES = dict(n_left=2, n_right=2, left=[0, 1], right=[0, 1], weight=[1.0, 2.0])


def assign(**changes: object) -> object:
    args = {**EDGES, **changes}
    return samman.assign(**args)  # type: ignore[arg-type]


# -- samman.assign -------------------------------------------------------------------------


def test_assign_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="left has 2, right has 1, weight has 2"):
        assign(right=[0])


def test_assign_left_index_out_of_range() -> None:
    with pytest.raises(ValueError, match=r"edge 1: left index 2 is out of range \(n_left is 2\)"):
        assign(left=[0, 2])


def test_assign_right_index_out_of_range() -> None:
    with pytest.raises(ValueError, match="edge 0: right index 5 is out of range"):
        assign(right=np.array([5, 0]))


def test_assign_negative_index() -> None:
    with pytest.raises(ValueError, match=r"left\[1\] is -1: an index cannot be negative"):
        assign(left=np.array([0, -1]))


def test_assign_negative_capacity() -> None:
    with pytest.raises(ValueError, match=r"right_capacity\[0\] is -2: a capacity cannot be negative"):
        assign(right_capacity=[-2, 1])


def test_assign_capacity_of_wrong_length() -> None:
    with pytest.raises(ValueError, match="left_capacity has 3 entries but n_left is 2"):
        assign(left_capacity=[1, 1, 1])


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_assign_weight_not_finite(bad: float) -> None:
    with pytest.raises(ValueError, match="edge 1: weight is not finite"):
        assign(weight=np.array([1.0, bad]))


def test_assign_float_indices() -> None:
    with pytest.raises(ValueError, match="left must hold integers, not values of dtype float64"):
        assign(left=np.array([0.0, 1.0]))


def test_assign_float_in_index_list() -> None:
    with pytest.raises(ValueError, match=r"left\[1\] must be one of integers, not float"):
        assign(left=[0, 1.5])


def test_assign_two_dimensional() -> None:
    with pytest.raises(ValueError, match=r"left must be one-dimensional, not of shape \[1, 2\]"):
        assign(left=np.array([[0, 1]]))


def test_assign_string_argument() -> None:
    with pytest.raises(ValueError, match="weight must be an array or a sequence of numbers, not a string"):
        assign(weight="12")


def test_assign_unknown_objective() -> None:
    with pytest.raises(ValueError, match='objective must be "max_weight" or "max_cardinality"'):
        assign(objective="min_weight")


# -- samman.stable_match -------------------------------------------------------------------


def test_stable_index_out_of_range() -> None:
    with pytest.raises(ValueError, match=r"left_prefs\[0\]\[1\] is 3, out of range \(there are 2\)"):
        samman.stable_match([[0, 3]], [[0], [0]])


def test_stable_duplicate() -> None:
    with pytest.raises(ValueError, match=r"right_prefs\[1\] names 0 twice"):
        samman.stable_match([[0, 1]], [[0], [0, 0]])


def test_stable_negative_index() -> None:
    with pytest.raises(ValueError, match=r"left_prefs\[0\]\[0\] is -1: an index cannot be negative"):
        samman.stable_match([[-1]], [[0]])


def test_stable_negative_capacity() -> None:
    with pytest.raises(ValueError, match=r"right_capacity\[0\] is -1: a capacity cannot be negative"):
        samman.stable_match([[0]], [[0]], [-1])


def test_stable_capacity_of_wrong_length() -> None:
    with pytest.raises(ValueError, match="right_capacity has 2 entries but there are 1 rights"):
        samman.stable_match([[0]], [[0]], [1, 1])


def test_stable_unknown_proposing() -> None:
    with pytest.raises(ValueError, match='proposing must be "left" or "right"'):
        samman.stable_match([[0]], [[0]], proposing="hospital")


def test_stable_not_lists() -> None:
    with pytest.raises(ValueError, match="left_prefs must be a list of lists of indices"):
        samman.stable_match(3, [[0]])  # type: ignore[arg-type]


# -- the domain API ------------------------------------------------------------------------


def small_instance() -> dict:
    return {
        "version": 1,
        "seekers": [{"id": "g1", "party_size": 2}],
        "providers": [{"id": "d1", "capacity": 4}],
    }


def test_from_json_syntax_error_has_line_and_column() -> None:
    with pytest.raises(ParseError) as caught:
        samman.Instance.from_json('{"version": 1,\n "seekers": [}')
    assert caught.value.line == 2
    assert caught.value.column > 0
    assert isinstance(caught.value, ValueError)


def test_from_json_wrong_type_names_the_field() -> None:
    data = small_instance()
    data["seekers"][0]["party_size"] = "two"
    with pytest.raises(ParseError, match=r"seekers\[0\]\.party_size") as caught:
        samman.Instance.from_json(json.dumps(data))
    assert caught.value.path == "seekers[0].party_size"


def test_from_dict_unknown_field_names_the_field() -> None:
    data = small_instance()
    data["providers"][0]["seats"] = 3
    with pytest.raises(ParseError, match=r"providers\[0\].*unknown field `seats`"):
        samman.Instance.from_dict(data)


def test_invalid_instance_lists_every_problem() -> None:
    data = small_instance()
    data["seekers"].append({"id": "g1"})
    data["providers"][0]["capacity"] = 0
    with pytest.raises(ValidationError) as caught:
        samman.Instance.from_dict(data)
    paths = [path for path, _ in caught.value.problems]
    assert "seekers[1].id" in paths
    assert any(path.startswith("providers[0]") for path in paths)
    assert all(isinstance(message, str) and message for _, message in caught.value.problems)
    assert isinstance(caught.value, SammanError)


def test_over_the_policy_limit() -> None:
    data = small_instance()
    data["policy"] = {"limits": {"max_seekers": 0}}
    # The instance is checked against its limits once, when it is made.
    with pytest.raises(LimitError, match="seekers: 1 is more than the limit of 0") as caught:
        samman.Instance.from_dict(data)
    assert (caught.value.kind, caught.value.path) == ("limit_exceeded", "policy.limits.max_seekers")


def test_generate_unknown_kind() -> None:
    with pytest.raises(ValueError, match="generator kind \"picnics\" is not known"):
        samman.generate("picnics", 10, 1)


def test_generate_unknown_parameter() -> None:
    with pytest.raises(ValueError, match="unknown field `hosts`"):
        samman.generate("dinners", 10, 1, hosts=3)


def test_solve_unknown_solver() -> None:
    with pytest.raises(ValueError, match="solve: solver: unknown variant `magic`, expected one of"):
        samman.solve(samman.generate("dinners", 10, 1), solver="magic")


def test_solve_lock_of_unknown_seeker() -> None:
    instance = samman.Instance.from_dict(small_instance())
    with pytest.raises(samman.errors.UnknownIdError) as caught:
        samman.solve(instance, locked={"nobody": "d1"})
    assert (caught.value.kind, caught.value.path) == ("unknown_id", "options.locked[0].seeker")
    assert "nobody" in str(caught.value)


def test_solve_unknown_option() -> None:
    instance = samman.Instance.from_dict(small_instance())
    with pytest.raises(ValueError, match="solve: speed: unknown field `speed`, expected one of"):
        samman.solve(instance, speed=3)


def test_solve_locked_of_wrong_shape() -> None:
    instance = samman.Instance.from_dict(small_instance())
    with pytest.raises(ValueError, match="locked must be a dict"):
        samman.solve(instance, locked=[("g1",)])  # type: ignore[list-item]


def test_explain_unknown_seeker() -> None:
    instance = samman.Instance.from_dict(small_instance())
    with pytest.raises(UnknownIdError, match="no seeker has the id `g9`"):
        samman.explain(instance, None, "g9")


def test_explain_many_unknown_seeker() -> None:
    instance = samman.Instance.from_dict(small_instance())
    with pytest.raises(UnknownIdError, match="no seeker has the id `g9`"):
        samman.explain_many(instance, None, ["g1", "g9"])


def test_evaluate_plan_of_wrong_type() -> None:
    instance = samman.Instance.from_dict(small_instance())
    with pytest.raises(ValueError, match="plan must be a samman.Plan"):
        samman.evaluate(instance, 42)  # type: ignore[arg-type]


def test_evaluate_unknown_option() -> None:
    instance = samman.Instance.from_dict(small_instance())
    with pytest.raises(ValueError, match="unknown field `k`"):
        samman.evaluate(instance, {}, k=3)


def test_from_csv_bad_cell_names_row_and_column() -> None:
    seekers = io.StringIO("id,party_size\ng1,2\ng2,many\n")
    providers = io.StringIO("id,capacity\nd1,4\n")
    with pytest.raises(CsvError) as caught:
        samman.Instance.from_csv(seekers, providers)
    assert (caught.value.file, caught.value.row, caught.value.column) == ("seekers", 3, "party_size")


def test_from_csv_does_not_echo_personal_values() -> None:
    seekers = io.StringIO("id,diet\ng1,secret-diet-value\n")
    providers = io.StringIO("id,capacity\nd1,4\n")
    with pytest.raises(CsvError) as caught:
        samman.Instance.from_csv(seekers, providers)
    assert "secret-diet-value" not in str(caught.value)
    assert caught.value.column == "diet"


# -- no panic reaches Python ---------------------------------------------------------------


@pytest.mark.parametrize("detached", [False, True])
def test_a_panic_becomes_internal_error(detached: bool) -> None:
    with pytest.raises(InternalError, match="internal error in samman.*_panic_for_tests"):
        samman._samman._panic_for_tests(detached)
    # The interpreter is intact and the module still works.
    assert samman.assign(1, 1, [0], [0], [1.0]).tolist() == [0]


def test_internal_error_is_a_samman_error_and_an_exception() -> None:
    assert issubclass(InternalError, SammanError)
    assert issubclass(SammanError, Exception)
