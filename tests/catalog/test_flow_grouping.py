"""The reachability check groups services the conditions cannot tell apart, and loses nothing.

`Graph.paths()` takes every distinguished service and one stand-in for the rest (see
`Graph.service_representatives`). The "full walk" here is the definition it must agree with: the
union, over every service choice, of the paths for that service.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import service_yaml
from hanban.catalog import conditions as cond
from hanban.catalog import model as m
from hanban.catalog.flowgraph import Graph
from hanban.catalog.load import load_catalog
from hanban.catalog.wizard_checks import check_wizard
from hanban.catalog.wizard_model import SERVICE_QUESTION, Choice, Question, Rule, Wizard
from hanban.errors import CatalogError
from hanban.wizard import flow
from wizard_helpers import conditions_over, real

Write = Callable[[str, str], Path]
EXTRA = ("zz-extra-one", "zz-extra-two", "zz-extra-three")


def service_choices(g: Graph) -> list[str]:
    return list(g.service_ids)


def full_reachable(g: Graph) -> set[str]:
    seen: set[str] = set()
    for sid in service_choices(g):
        for p in g.paths(sid):
            seen.update(p)
    return seen


def full_sequences(g: Graph) -> set[tuple[str, ...]]:
    """Every question sequence, with every service: what grouping must keep."""
    return {tuple(p) for sid in service_choices(g) for p in g.paths(sid)}


def full_mermaid(g: Graph) -> str:
    with mock.patch.object(g, "service_representatives", lambda: service_choices(g)):
        return flow.mermaid(g)


def text(en: str) -> m.Text:
    return m.Text.same(en)


def confirm(qid: str, when: object) -> Question:
    return Question(qid, "confirm", text(qid), when=cond.parse(when))


def shipped() -> Graph:
    cat, _ = real()
    return flow.graph(cat)


def with_extra(g: Graph, services: tuple[str, ...], *questions: Question) -> Graph:
    """The graph with more services (named by nothing) and more questions at the end."""
    return Graph(Wizard(g.wiz.questions + questions, g.wiz.rules), list(g.service_ids) + list(services))


def unreachable(g: Graph) -> list[str]:
    return [p.field for p in check_wizard(g.wiz, list(g.service_ids))]


def assert_grouping_agrees(g: Graph) -> None:
    assert g.reachable_questions() == full_reachable(g)
    assert {tuple(p) for p in g.paths()} == full_sequences(g)
    assert flow.mermaid(g) == full_mermaid(g)


# -- the shipped catalog -------------------------------------------------------------------------


def test_grouped_check_matches_the_full_walk_on_the_shipped_catalog() -> None:
    g = shipped()
    assert_grouping_agrees(g)
    assert not unreachable(g)


def test_every_shipped_service_is_named_so_none_is_grouped_away() -> None:
    g = shipped()
    assert g.service_representatives() == service_choices(g)


# -- extra services no condition or rule names ---------------------------------------------------


def test_extra_unnamed_services_are_walked_once_and_change_nothing() -> None:
    g = shipped()
    big = with_extra(g, EXTRA)
    reps = big.service_representatives()
    assert reps == service_choices(g) + [EXTRA[0]]  # the first unnamed choice stands for the rest
    assert_grouping_agrees(big)
    assert big.reachable_questions() == g.reachable_questions()


def test_a_question_only_unnamed_services_reach_is_found_reachable() -> None:
    g = shipped()
    named = service_choices(g)
    big = with_extra(g, EXTRA, confirm("others_only", {"not": {"in": {"service": named}}}))
    assert "others_only" in big.reachable_questions()
    assert_grouping_agrees(big)
    assert not unreachable(big)


def test_a_question_no_path_reaches_is_reported_by_both() -> None:
    g = shipped()
    named = service_choices(g)
    # visit_purpose is asked for some named (visa) services only, never for the unnamed ones
    never = confirm("never", {"all": [{"not": {"in": {"service": named}}}, {"equals": {"visit_purpose": "trade"}}]})
    big = with_extra(g, EXTRA, never)
    assert "never" not in full_reachable(big)
    assert_grouping_agrees(big)
    assert unreachable(big) == ["questions.never.when"]


def test_a_service_named_only_by_a_rule_is_kept() -> None:
    g = shipped()
    rule = Rule("extra-rule", (EXTRA[1],), None, None, (), (), m.Origin("x.yaml", 1))
    extra = with_extra(g, EXTRA)
    big = Graph(replace(extra.wiz, rules=g.wiz.rules + (rule,)), extra.service_ids)
    assert big.service_representatives() == service_choices(g) + [EXTRA[0], EXTRA[1]]


def test_a_service_compared_with_another_answer_keeps_the_values_that_answer_takes() -> None:
    """{equals: {service: {answer: q}}}: every value the walk gives q is a distinguished service."""
    pick = Question("pick", "select", text("pick"), choices=tuple(Choice(s, text(s)) for s in EXTRA))
    same = confirm("same", {"equals": {"service": {"answer": "pick"}}})
    big = with_extra(shipped(), EXTRA, pick, same)
    assert set(EXTRA[:2]) <= set(big.service_representatives())
    assert "same" in big.reachable_questions()
    assert_grouping_agrees(big)


# -- real files: an overlay with extra services ----------------------------------------------------


def _overlay(write: Write, questions: str) -> Path:
    for sid in EXTRA:
        write(f"ov/services/{sid}.yaml", service_yaml(id=sid))
    write("ov/questions.yaml", questions)
    return Path(write("ov/x.txt", "")).parent


def test_an_overlay_question_only_its_own_services_reach_loads(write: Write) -> None:
    named = ", ".join(sorted(real()[0].services))
    ov = _overlay(write, f"""
        questions:
          - id: others_only
            type: confirm
            prompt: {{zh-Hans: 其他？, en: Other?}}
            when: {{not: {{in: {{service: [{named}]}}}}}}
        """)
    g = flow.graph(load_catalog([ov]))
    assert "others_only" in g.reachable_questions() == full_reachable(g)


def test_an_overlay_question_no_path_reaches_fails_to_load(write: Write) -> None:
    named = ", ".join(sorted(real()[0].services))
    ov = _overlay(write, f"""
        questions:
          - id: never
            type: confirm
            prompt: {{zh-Hans: 永不？, en: Never?}}
            when:
              all:
                - not: {{in: {{service: [{named}]}}}}
                - equals: {{visit_purpose: trade}}
        """)
    with pytest.raises(CatalogError) as exc:
        load_catalog([ov])
    assert [(p.field, p.message.split(":")[0]) for p in exc.value.problems] == [("questions.never.when", "unreachable")]


# -- small random wizards ----------------------------------------------------------------------------

SIDS = ("s0", "s1", "s2", "s3", "s4", "s5")
NAMEABLE = SIDS[:3]  # literals name these only, so s3..s5 are unnamed unless a rule or a comparison names them


def _atoms(earlier: tuple[str, ...]) -> st.SearchStrategy[object]:
    opts: list[st.SearchStrategy[object]] = [
        st.builds(lambda v: {"equals": {"service": v}}, st.sampled_from(NAMEABLE)),
        st.builds(lambda vs: {"in": {"service": vs}}, st.lists(st.sampled_from(NAMEABLE), min_size=1, max_size=3)),
    ]
    if "pick" in earlier:
        opts.append(st.just({"equals": {"service": {"answer": "pick"}}}))
        opts.append(st.builds(lambda v: {"equals": {"pick": v}}, st.sampled_from(NAMEABLE)))
    for qid in earlier:
        if qid.startswith("flag"):
            opts.append(st.builds(lambda b, q=qid: {"equals": {q: b}}, st.booleans()))
    return st.one_of(opts)


def _conditions(earlier: tuple[str, ...]) -> st.SearchStrategy[object]:
    return conditions_over(_atoms(earlier), max_leaves=5)  # type: ignore[return-value]


@st.composite
def wizards(draw: st.DrawFn) -> Graph:
    service = Question(SERVICE_QUESTION, "select", text("service"), choices_from="services")
    qs: list[Question] = [service]
    ids: tuple[str, ...] = (SERVICE_QUESTION,)
    for qid in draw(st.sampled_from([("flag1", "pick", "flag2"), ("flag1", "flag2", "flag3"), ("pick", "flag1")])):
        when = draw(st.one_of(st.none(), _conditions(ids)))
        if qid == "pick":
            qs.append(Question(qid, "select", text(qid), choices=tuple(Choice(s, text(s)) for s in SIDS), when=cond.parse(when) if when else None))
        else:
            qs.append(Question(qid, "confirm", text(qid), when=cond.parse(when) if when else None))
        ids += (qid,)
    ruled = draw(st.lists(st.sampled_from(SIDS), max_size=2))
    rules = tuple(Rule(f"r{i}", (s,), None, None, (), (), m.Origin("x.yaml", 1)) for i, s in enumerate(ruled))
    return Graph(Wizard(tuple(qs), rules), SIDS)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wizards())
def test_grouping_agrees_with_the_full_walk_on_random_wizards(g: Graph) -> None:
    assert_grouping_agrees(g)
