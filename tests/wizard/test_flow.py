"""The flow engine: next question, progress, back and change, and every path through it."""

from __future__ import annotations

import pytest

from hanban.catalog.model import CHANNELS
from hanban.strings import LANGS, word
from hanban.wizard import flow
from hanban.wizard.checklist import build
from wizard_helpers import real


def ids(qs: object) -> list[str]:
    return [q.id for q in qs]  # type: ignore[attr-defined]


def next_question(answers: dict[str, object]) -> str | None:
    _, wiz = real()
    q = flow.walk(wiz.questions, answers).next  # type: ignore[arg-type]
    return None if q is None else q.id


def graph() -> flow.Graph:
    cat, _ = real()
    return flow.graph(cat)


def test_the_first_question_is_the_service() -> None:
    assert next_question({}) == "service"


def test_a_lost_card_asks_provinces_then_the_issue_date_and_nothing_else() -> None:
    _, wiz = real()
    answers: dict[str, object] = {"service": "id-card-lost-reissue"}
    asked = []
    for value in ("henan", "guangdong", "over-two-years"):
        qid = next_question(answers)
        assert qid is not None
        asked.append(qid)
        answers = flow.walk(wiz.questions, {**answers, qid: value}).answers  # type: ignore[dict-item]
    assert asked == ["hukou_province", "live_province", "card_issued"]
    assert next_question(answers) is None


def test_progress_is_recomputed_as_answers_change_the_path() -> None:
    _, wiz = real()
    start = flow.walk(wiz.questions, {})
    assert start.number == 1 and start.total > 4  # before the service is known, many questions may follow
    pos = flow.walk(wiz.questions, {"service": "settlement"})
    assert (pos.number, pos.total) == (2, 2)
    pos = flow.walk(wiz.questions, {"service": "id-card-lost-reissue"})
    assert (pos.number, pos.total) == (2, 4)


def test_changing_the_service_drops_answers_the_new_path_does_not_ask() -> None:
    _, wiz = real()
    answers = {"service": "id-card-lost-reissue", "hukou_province": "henan", "live_province": "henan", "card_issued": "not-sure"}
    changed = flow.walk(wiz.questions, {**answers, "service": "no-crime-certificate"}).answers
    assert changed == {"service": "no-crime-certificate", "hukou_province": "henan", "live_province": "henan"}


def test_answers_for_questions_not_on_the_path_are_reported_as_ignored() -> None:
    _, wiz = real()
    pos = flow.walk(wiz.questions, {"service": "settlement", "settle_city": "other-under-3m", "card_issued": "not-sure"})
    assert pos.done and pos.ignored == {"card_issued": "not-sure"}
    assert "card_issued" not in pos.answers


def test_forget_asks_that_question_again() -> None:
    answers = {"service": "settlement", "settle_city": "other-under-3m"}
    assert next_question(flow.forget(answers, "settle_city")) == "settle_city"


def test_every_question_is_reachable() -> None:
    _, wiz = real()
    assert graph().reachable_questions() == set(ids(wiz.questions))


def _service_ids() -> list[str]:
    cat, _ = real()
    return sorted(cat.services)


@pytest.mark.parametrize("service", _service_ids())
def test_every_path_for_every_service_ends_in_a_sound_checklist(service: str) -> None:
    """Enumerates every path (every choice of every question, all province pairs): each ends in an
    outcome a rule wrote for it, with every placeholder filled; a checklist that goes on says how
    each of the three channels stands, where to go and what to bring; one that stops does not."""
    cat, _ = real()
    outcomes = {r.id for r in cat.wizard.rules if r.outcome is not None}
    n = 0
    for answers in graph().paths(service, full=True):
        n += 1
        cl = build(cat, cat.services[service], answers)
        assert outcomes & set(cl.rules), answers  # the answer comes from a rule, not a fallback
        kinds = {it.kind for it in cl.items}
        if cl.outcome.stop:
            assert not kinds & {"channel", "where", "bring", "may_be_exempt", "step"}, answers
        else:
            assert {"channel", "where", "bring"} <= kinds, answers
            channel_lines = [it for it in cl.items if it.kind == "channel"]
            assert 1 <= len(channel_lines) <= 3
            for lang in LANGS:  # each of the three channels is named, in its own line or the shared one
                text = "".join(it.text.get(lang) for it in channel_lines)
                assert all(word(f"cl.channel.{c}", lang) in text for c in CHANNELS), (answers, text)
        assert cl.sources and cl.as_of
        numbers = cl.numbers()
        assert all(s in numbers for it in cl.items for s in it.sources)
        assert all(s in numbers for s in cl.outcome.sources)
        for lang in LANGS:
            assert "{" not in cl.outcome.text.get(lang), (answers, cl.outcome.text)
            for it in cl.items:
                assert "{" not in it.text.get(lang), (answers, it.text)  # every placeholder filled
    assert n >= 1


def test_the_number_of_paths_is_what_the_questions_imply() -> None:
    g = graph()
    assert sum(1 for _ in g.paths("settlement", full=True)) == 21 + 3  # the 21 named cities, and three kinds of other city
    assert sum(1 for _ in g.paths("id-card-lost-reissue", full=True)) == 31 * (31 + 4) * 3  # live: 31 provinces, HK, Macao, Taiwan, abroad
    assert sum(1 for _ in g.paths("port-visa", full=True)) == 194 * (5 * 3 + 1)  # passport x (purpose x visa time (3); "other" stops at once)
    assert sum(1 for _ in g.paths("hukou-transfer", full=True)) == 31 * 31  # from x to


def test_mermaid_graph_names_every_question_of_a_service() -> None:
    text = flow.mermaid(graph(), "port-visa")
    assert text.startswith("flowchart TD")
    for qid in ("service", "visit_purpose", "visa_time"):
        assert f"    {qid}[" in text
    assert "card_issued" not in text
