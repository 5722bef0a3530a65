"""The wizard's "question N of M" costs what the question graph costs, not what every path costs.

`Graph.longest` used to follow every combination of answers: 14 independent yes/no questions (no
`when`) made 32,767 calls and 2 s before the first prompt on a terminal, 20 made 95 s. It now walks
the questions in order over the states later conditions tell apart (as `Graph.reach` does).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_flow_limits import flows

from hanban.catalog import conditions as cond
from hanban.catalog import flowgraph
from hanban.catalog.model import Text
from hanban.catalog.store import Catalog
from hanban.catalog.wizard_model import SERVICE_QUESTION, Answer, Question, Wizard
from hanban.wizard import session
from wizard_helpers import real


def _independent(n: int) -> Wizard:
    service = Question(SERVICE_QUESTION, "select", Text.same("service"), choices_from="services")
    return Wizard((service, *(Question(f"flag{i}", "confirm", Text.same(f"flag {i}?")) for i in range(n))))


class _Counting:
    """Counts the conditions evaluated (the work of walking the flow), and stops the walk past a
    budget: an exponential walk fails at once instead of running for hours."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, budget: int) -> None:
        self.calls = 0
        inner = cond.holds

        def holds(c: cond.Condition | None, answers: Mapping[str, object]) -> bool:
            self.calls += 1
            if self.calls > budget:
                raise AssertionError(f"over {budget:,} conditions evaluated: the walk is not bounded")
            return inner(c, answers)

        monkeypatch.setattr(cond, "holds", holds)


@pytest.mark.parametrize("n", [20, 40])
def test_independent_yes_no_questions_cost_linear_work_for_the_longest_path(n: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # every question once per state, and one state all along: (n + 1) questions, a walk to start
    _Counting(monkeypatch, budget=4 * (n + 1))
    g = flowgraph.Graph(_independent(n), ["settlement"])
    assert g.longest({SERVICE_QUESTION: "settlement"}) == n + 1


class _FirstPromptAfterService:
    """Answers the service question, records the total shown with the next prompt, then stops."""

    class Stop(Exception):
        pass

    def __init__(self) -> None:
        self.totals: list[int] = []

    def ask(self, q: Question, *, number: int, total: int, default: Answer | None, can_go_back: bool) -> Answer | str:
        if q.id == SERVICE_QUESTION:
            return "settlement"
        self.totals.append(total)
        raise self.Stop

    def review(self, lines: Sequence[tuple[str, str, str]]) -> str:
        raise AssertionError("not reached")


def test_a_wizard_of_thirty_independent_questions_reaches_its_first_prompt_with_bounded_work(monkeypatch: pytest.MonkeyPatch) -> None:
    cat = real()[0]
    wiz = _independent(30)
    _Counting(monkeypatch, budget=500)  # 2^30 paths before; a few walks of 31 questions now
    prompter = _FirstPromptAfterService()
    with pytest.raises(_FirstPromptAfterService.Stop):
        session.run(Catalog(cat.services, cat.tables, wiz), {}, prompter, "en")
    assert prompter.totals == [31]


def every_path_longest(g: flowgraph.Graph, answers: Mapping[str, Answer]) -> int:
    """The definition: the most questions any path through the representatives asks."""
    reps = g.representatives()

    def go(given: dict[str, Answer]) -> int:
        pos = flowgraph.walk(g.wiz.questions, given)
        if pos.next is None:
            return len(pos.answers)
        q = pos.next
        return max(go({**pos.answers, q.id: v}) for v in (reps.get(q.id) or g.all_values(q)))

    return go(dict(answers))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flows(), st.data())
def test_the_longest_path_is_what_every_path_finds(g: flowgraph.Graph, data: st.DataObject) -> None:
    # from any point a person can be at: answers along some path, cut anywhere
    reps = g.representatives()
    answers: dict[str, Answer] = {}
    for _ in range(data.draw(st.integers(0, len(g.wiz.questions)))):
        pos = flowgraph.walk(g.wiz.questions, answers)
        if pos.next is None:
            break
        answers[pos.next.id] = data.draw(st.sampled_from(reps.get(pos.next.id) or g.all_values(pos.next)))
    assert g.longest(answers) == every_path_longest(g, answers)
