"""Property-based tests: on generated input, the condition language, the answers parser and the
catalog loader return a result or their own clean error, never anything else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hanban.catalog import conditions as cond
from hanban.catalog import model as m
from hanban.catalog.load import load_catalog
from hanban.catalog.parse import check_document
from hanban.catalog.wizard_model import Choice, Question
from hanban.catalog.yamlio import load_bytes
from hanban.errors import AnswerError, CatalogError, printable
from hanban.wizard.answers import coerce, parse_set, read_answers_file

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
keys = st.one_of(st.sampled_from(["equals", "in", "not", "all", "any", "service", "answer", "q1", "q2"]), st.text(max_size=8))
data = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=3)), max_leaves=25)

# Well-formed conditions, to check more than the error paths.
values = st.one_of(st.booleans(), st.integers(-5, 5), st.sampled_from(["a", "b", "beijing"]))
qids = st.sampled_from(["service", "q1", "q2"])
leaf_conditions = st.one_of(
    st.builds(lambda q, v: {"equals": {q: v}}, qids, values),
    st.builds(lambda q, r: {"equals": {q: {"answer": r}}}, qids, qids),
    st.builds(lambda q, vs: {"in": {q: vs}}, qids, st.lists(values, min_size=1, max_size=3)),
)
conditions = st.recursive(
    leaf_conditions,
    lambda inner: st.one_of(
        st.builds(lambda c: {"not": c}, inner),
        st.builds(lambda cs: {"all": cs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda cs: {"any": cs}, st.lists(inner, min_size=1, max_size=3)),
    ),
    max_leaves=10,
)
answers = st.dictionaries(qids, values, max_size=3)


# -- the condition language ----------------------------------------------------------------------
@SETTINGS
@given(data)
def test_any_data_parses_to_a_condition_or_a_syntax_error(raw: Any) -> None:
    try:
        c = cond.parse(raw)
    except cond.ConditionSyntaxError as exc:
        assert str(exc)
        return
    assert isinstance(cond.holds(c, {}), bool)


@SETTINGS
@given(conditions, answers)
def test_a_well_formed_condition_evaluates_and_round_trips(raw: Any, given_answers: dict[str, Any]) -> None:
    c = cond.parse(raw)
    assert cond.parse(cond.to_data(c)) == c
    result = cond.holds(c, given_answers)
    assert isinstance(result, bool)
    # With nothing pending, three-valued evaluation agrees with plain evaluation.
    assert cond.might_hold(c, given_answers, frozenset()) is result
    assert cond.describe(c)


# -- the answers parser --------------------------------------------------------------------------
QUESTIONS = [
    Question("pick", "select", m.Text("选", "Pick", "选"), choices=(Choice("a", m.Text("甲", "A", "甲")), Choice("b", m.Text("乙", "B", "乙")))),
    Question("ok", "confirm", m.Text("是否", "OK?", "是否")),
    Question("age", "number", m.Text("年龄", "Age", "年龄"), minimum=0, maximum=150),
    Question("name", "text", m.Text("称呼", "Name", "称呼")),
]


@SETTINGS
@given(st.sampled_from(QUESTIONS), st.one_of(scalars, st.text(max_size=600), st.integers()))
def test_any_raw_answer_is_coerced_or_refused(q: Question, raw: Any) -> None:
    try:
        value = coerce(q, raw)
    except AnswerError as exc:
        assert str(exc).startswith(f"{q.id}: ")
        return
    if q.type == "select":
        assert value in ("a", "b")
    elif q.type == "confirm":
        assert isinstance(value, bool)
    elif q.type == "number":
        assert isinstance(value, int) and 0 <= value <= 150
    else:
        assert isinstance(value, str) and value.strip() and printable(value) == value


@SETTINGS
@given(st.lists(st.text(max_size=30), max_size=5))
def test_any_set_options_parse_or_are_refused(items: list[str]) -> None:
    try:
        got = parse_set(items)
    except AnswerError:
        return
    assert all(isinstance(k, str) and k for k in got)


@SETTINGS
@given(st.one_of(st.binary(max_size=200), data.map(lambda d: yaml.safe_dump(d, allow_unicode=True).encode("utf-8"))))
def test_any_answers_file_reads_to_a_mapping_or_is_refused(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    f = tmp_path_factory.mktemp("answers") / "a.yaml"
    f.write_bytes(raw)
    try:
        got = read_answers_file(f)
    except AnswerError:
        return
    assert isinstance(got, dict)
    assert all(not isinstance(v, (dict, list)) for v in got.values())


# -- the catalog loader --------------------------------------------------------------------------
@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_load_or_are_refused_naming_the_file(raw: bytes) -> None:
    try:
        doc = load_bytes(raw, "x.yaml")
    except CatalogError as exc:
        assert exc.problems and all(p.file == "x.yaml" for p in exc.problems)
        return
    check_document(doc)


@SETTINGS
@given(data)
def test_generated_yaml_documents_load_back_and_check_without_crashing(value: Any) -> None:
    raw = yaml.safe_dump(value, allow_unicode=True).encode("utf-8")
    try:
        doc = load_bytes(raw, "x.yaml")
    except CatalogError as exc:
        # Only refusals of content the dump can carry: control characters and long numbers.
        assert all("control character" in p.message or "digits" in p.message for p in exc.problems), exc.problems
        return
    parsed = check_document(doc)
    assert all(p.file == "x.yaml" for p in parsed.problems)


top_level = st.dictionaries(
    st.sampled_from(["services", "measures", "documents", "places", "regions", "glossary", "questions", "rules", "sources"]),
    data,
    min_size=1,
    max_size=3,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(top_level)
def test_a_generated_overlay_loads_or_every_problem_names_its_file(base: Path, tmp_path_factory: pytest.TempPathFactory, doc: dict[str, Any]) -> None:
    ov = tmp_path_factory.mktemp("ov")
    (ov / "gen.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    try:
        load_catalog([ov], builtin=base)
    except CatalogError as exc:
        assert exc.problems
        assert all(p.file.startswith(str(ov)) for p in exc.problems), exc.problems


@pytest.mark.parametrize("invisible", ["\xad", "\u200b", "a\u200bb"])
def test_an_answer_of_invisible_characters_is_refused_not_printed_escaped(invisible: str) -> None:
    # (found by the property above about one run in 14: U+00AD or U+200B was accepted, then printed as \xad)
    q = next(q for q in QUESTIONS if q.type == "text")
    with pytest.raises(AnswerError):
        coerce(q, invisible)
