"""The `when` language: parsing, evaluation over answers, three-valued estimates."""

from __future__ import annotations

import pytest

from hanban.catalog import conditions as c


def test_equals_holds_only_for_the_same_value_and_type() -> None:
    cond = c.parse({"equals": {"card_issued": "within-two-years"}})
    assert c.holds(cond, {"card_issued": "within-two-years"})
    assert not c.holds(cond, {"card_issued": "over-two-years"})
    assert not c.holds(c.parse({"equals": {"flag": 1}}), {"flag": True})


def test_an_answer_not_given_equals_nothing_and_is_in_nothing() -> None:
    assert not c.holds(c.parse({"equals": {"x": "a"}}), {})
    assert not c.holds(c.parse({"in": {"x": ["a", "b"]}}), {})
    assert c.holds(c.parse({"not": {"equals": {"x": "a"}}}), {})


def test_two_answers_can_be_compared() -> None:
    same = c.parse({"equals": {"hukou_province": {"answer": "live_province"}}})
    assert c.holds(same, {"hukou_province": "henan", "live_province": "henan"})
    assert not c.holds(same, {"hukou_province": "henan", "live_province": "guangdong"})
    assert not c.holds(same, {"hukou_province": "henan"})


def test_all_and_any_combine() -> None:
    cond = c.parse({"all": [{"in": {"s": ["a", "b"]}}, {"any": [{"equals": {"n": "x"}}, {"equals": {"n": "y"}}]}]})
    assert c.holds(cond, {"s": "a", "n": "y"})
    assert not c.holds(cond, {"s": "c", "n": "y"})
    assert not c.holds(cond, {"s": "a", "n": "z"})


def test_equals_with_several_pairs_means_all_of_them() -> None:
    cond = c.parse({"equals": {"a": "1", "b": "2"}})
    assert c.holds(cond, {"a": "1", "b": "2"}) and not c.holds(cond, {"a": "1", "b": "3"})


def test_no_condition_always_holds() -> None:
    assert c.holds(None, {})


@pytest.mark.parametrize(
    "raw, where",
    [
        ({"equals": {"a": "1"}, "in": {"a": ["1"]}}, ()),
        ({"eq": {"a": "1"}}, ()),
        ({"in": {"a": "1"}}, ("in", "a")),
        ({"all": []}, ("all",)),
        ({"not": {"any": [{"bogus": 1}]}}, ("not", "any", 0)),
        ({"equals": {"a": {"python": "os.system"}}}, ("equals", "a")),
        ("service == 'x'", ()),
    ],
)
def test_malformed_conditions_are_rejected_with_their_path(raw: object, where: tuple[object, ...]) -> None:
    with pytest.raises(c.ConditionSyntaxError) as err:
        c.parse(raw)
    assert err.value.path == where


def test_three_valued_evaluation_knows_what_is_still_open() -> None:
    cond = c.parse({"all": [{"equals": {"s": "a"}}, {"equals": {"t": "b"}}]})
    assert c.might_hold(cond, {"s": "a"}, frozenset({"t"})) is None
    assert c.might_hold(cond, {"s": "z"}, frozenset({"t"})) is False
    assert c.might_hold(cond, {"s": "a", "t": "b"}, frozenset()) is True


def test_conditions_round_trip_to_data_and_list_what_they_read() -> None:
    raw = {"all": [{"in": {"s": ["a"]}}, {"not": {"equals": {"h": {"answer": "l"}}}}]}
    cond = c.parse(raw)
    assert c.to_data(cond) == raw
    assert set(c.questions_in(cond)) == {"s", "h", "l"}
    assert list(c.compared_pairs(cond)) == [("h", "l")]
    assert "not (h = answer l)" in c.describe(cond)
