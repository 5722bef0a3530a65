"""The wizard's reachability check costs what the question graph costs, not what every path costs.

A few yes/no questions used to multiply the paths (8 made every build take 28 s, 14 never ended);
the check now walks the graph (`Graph.reach`) and refuses, past documented limits, a flow whose
conditions tell apart too many combinations of answers, or too many questions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hanban.catalog import conditions as cond
from hanban.catalog import flowgraph
from hanban.catalog.load import load_catalog
from hanban.catalog.model import Text
from hanban.catalog.wizard_model import SERVICE_QUESTION, Choice, Question, Wizard
from hanban.cli.app import app
from hanban.errors import CatalogError
from wizard_helpers import conditions_over

Write = Callable[[str, str], Path]


def confirms(n: int, when: Callable[[int], str] = lambda i: "") -> str:
    out = ["questions:"]
    for i in range(n):
        out += [f"  - id: flag{i}", "    type: confirm", f"    prompt: {{zh-Hans: 问题{i}？, en: Question {i}?}}"]
        if when(i):
            out.append(f"    when: {when(i)}")
    return "\n".join(out) + "\n"


def test_fourteen_yes_no_questions_load_at_once(write: Write, runner: CliRunner, own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 14 independent yes/no questions are 2^14 = 16,384 paths but a handful of graph states: with
    # the state limit far below the paths, they still load (the work is the graph's, not the paths')
    monkeypatch.setattr(flowgraph, "MAX_STATES", 5000)  # far below 2^14 paths; the shipped flow alone needs about 2,100
    ov = write("ov/questions.yaml", confirms(14)).parent
    cat = load_catalog([ov])
    assert {f"flag{i}" for i in range(14)} <= {q.id for q in cat.wizard.questions}
    got = runner.invoke(app, ["--catalog", str(ov), "questions", "--graph", "--service", "settlement"])
    assert got.exit_code == 0, got.output
    assert "flag13 --> done" in got.stdout


def test_yes_no_questions_that_read_each_other_are_walked_as_a_graph(write: Write) -> None:
    # each question is asked only when the one before was answered yes: 40 questions, 41 paths
    ov = write("ov/questions.yaml", confirms(40, lambda i: f"{{equals: {{flag{i - 1}: true}}}}" if i else "")).parent
    g = flowgraph.Graph(load_catalog([ov]).wizard, ["settlement"])
    assert {f"flag{i}" for i in range(40)} <= g.reach().asked


def test_conditions_that_tell_apart_too_many_answers_are_refused_with_the_limit(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    # every question reads every earlier one: 2^n combinations that later conditions tell apart
    def reads_all(i: int) -> str:
        return "{not: {all: [" + ", ".join(["{equals: {flag0: false}}"] + [f"{{equals: {{flag{j}: true}}}}" for j in range(i)]) + "]}}" if i else ""

    ov = write("ov/questions.yaml", confirms(24, reads_all)).parent
    monkeypatch.setattr(flowgraph, "MAX_STATES", 5000)  # (the real limit takes about 2 s to reach)
    with pytest.raises(CatalogError) as exc:
        load_catalog([ov])
    (problem,) = exc.value.problems
    assert problem.file.endswith("ov/questions.yaml") and problem.field.startswith("questions.flag")
    assert f"over the limit of {flowgraph.MAX_STATES:,}" in problem.message


def test_more_questions_than_the_limit_are_refused(write: Write) -> None:
    ov = write("ov/questions.yaml", confirms(flowgraph.MAX_QUESTIONS)).parent
    with pytest.raises(CatalogError) as exc:
        load_catalog([ov])
    (problem,) = exc.value.problems
    assert f"the limit is {flowgraph.MAX_QUESTIONS}" in problem.message


def test_the_graph_walk_of_the_shipped_flow_keeps_few_states(monkeypatch: pytest.MonkeyPatch) -> None:
    from wizard_helpers import real

    cat, wiz = real()
    monkeypatch.setattr(flowgraph, "MAX_STATES", 5000)  # the shipped flow needs about 2,100: the visitor path tells nationalities apart by the lists they are on
    g = flowgraph.Graph(wiz, [s.id for s in cat.service_choices()])
    assert g.reach().asked == {q.id for q in wiz.questions}
    assert g.reach(edges=True).edges


# -- the walk agrees with every path, on small random flows ---------------------------------------

SIDS = ("s0", "s1", "s2", "s3")
DOMAIN: dict[str, list[object]] = {"pick": list(SIDS), "num": [0, 1, 2, 3], "txt": ["a", "b", "zz"]}


def _atom(earlier: tuple[str, ...]) -> st.SearchStrategy[object]:
    opts: list[st.SearchStrategy[object]] = [st.builds(lambda vs: {"in": {"service": vs}}, st.lists(st.sampled_from(SIDS[:2]), min_size=1, max_size=2))]
    for qid in earlier:
        if qid.startswith("flag"):
            opts.append(st.builds(lambda b, q=qid: {"equals": {q: b}}, st.booleans()))
        elif qid == "pick":
            opts.append(st.builds(lambda v: {"equals": {"pick": v}}, st.sampled_from(SIDS[:3])))
            opts.append(st.just({"equals": {"service": {"answer": "pick"}}}))
        elif qid == "num":
            opts.append(st.builds(lambda vs: {"in": {"num": vs}}, st.lists(st.sampled_from([1, 2]), min_size=1, max_size=2)))
        elif qid == "txt":
            opts.append(st.builds(lambda v: {"equals": {"txt": v}}, st.sampled_from(["a", "b"])))
    return st.one_of(opts)


def _when(earlier: tuple[str, ...]) -> st.SearchStrategy[object]:
    return conditions_over(_atom(earlier), max_leaves=4)  # type: ignore[return-value]


@st.composite
def flows(draw: st.DrawFn) -> flowgraph.Graph:
    kinds = {"pick": "select", "num": "number", "txt": "text"}
    qs = [Question(SERVICE_QUESTION, "select", Text.same("service"), choices_from="services")]
    ids: tuple[str, ...] = (SERVICE_QUESTION,)
    order = draw(st.permutations(["flag1", "flag2", "flag3", "pick", "num", "txt"]))
    for qid in order[: draw(st.integers(2, 6))]:
        raw = draw(st.one_of(st.none(), _when(ids)))
        when = cond.parse(raw) if raw is not None else None
        kind = kinds.get(qid, "confirm")
        choices = tuple(Choice(s, Text.same(s)) for s in SIDS) if kind == "select" else ()
        qs.append(Question(qid, kind, Text.same(qid), choices=choices, when=when, minimum=0 if kind == "number" else None))
        ids += (qid,)
    return flowgraph.Graph(Wizard(tuple(qs)), list(SIDS))


def every_path(g: flowgraph.Graph, service: str | None = None) -> list[list[str]]:
    """The definition: every value of every question (all services, all choices, the numbers and
    texts conditions name and others), followed through `walk`."""
    domain = {**DOMAIN, SERVICE_QUESTION: [service] if service else list(SIDS)}
    out: list[list[str]] = []

    def go(answers: dict[str, object]) -> None:
        pos = flowgraph.walk(g.wiz.questions, answers)  # type: ignore[arg-type]
        if pos.next is None:
            out.append(list(pos.answers))
            return
        for v in domain.get(pos.next.id, [True, False]):
            go({**pos.answers, pos.next.id: v})

    go({})
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flows(), st.sampled_from([None, *SIDS]))
def test_the_graph_walk_finds_what_every_path_finds(g: flowgraph.Graph, service: str | None) -> None:
    paths = every_path(g, service)
    reach = g.reach(service, edges=True)
    assert set(reach.asked) == {qid for p in paths for qid in p}
    assert set(reach.edges) == {e for p in paths for e in zip(p, p[1:] + [flowgraph.END])}
