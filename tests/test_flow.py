"""The flow engine: next question, progress, back and change, and every path through it."""

from __future__ import annotations

import pytest

from hanban import flow
from hanban.checklist import build
from tests.wizard_helpers import real


def ids(qs: object) -> list[str]:
    return [q.id for q in qs]  # type: ignore[attr-defined]


def test_the_first_question_is_the_service() -> None:
    _, wiz = real()
    assert flow.next_question(wiz.questions, {}).id == "service"  # type: ignore[union-attr]


def test_a_lost_card_asks_provinces_then_the_issue_date_and_nothing_else() -> None:
    _, wiz = real()
    answers: dict[str, object] = {"service": "id-card-lost-reissue"}
    asked = []
    for value in ("henan", "guangdong", "over-two-years"):
        q = flow.next_question(wiz.questions, answers)  # type: ignore[arg-type]
        assert q is not None
        asked.append(q.id)
        answers = flow.answer(wiz.questions, answers, q.id, value)  # type: ignore[arg-type]
    assert asked == ["hukou_province", "live_province", "card_issued"]
    assert flow.next_question(wiz.questions, answers) is None  # type: ignore[arg-type]


def test_progress_is_recomputed_as_answers_change_the_path() -> None:
    _, wiz = real()
    start = flow.walk(wiz.questions, {})
    assert start.number == 1 and start.total > 4  # before the service is known, many questions may follow
    pos = flow.walk(wiz.questions, {"service": "settlement"})
    assert (pos.number, pos.total) == (2, 2)
    pos = flow.walk(wiz.questions, {"service": "id-card-lost-reissue"})
    assert (pos.number, pos.total) == (2, 4)


def test_back_undoes_the_last_answer() -> None:
    _, wiz = real()
    answers = {"service": "no-crime-certificate", "hukou_province": "henan"}
    back = flow.back(wiz.questions, answers)  # type: ignore[arg-type]
    assert back == {"service": "no-crime-certificate"}
    assert flow.next_question(wiz.questions, back).id == "hukou_province"  # type: ignore[union-attr]


def test_changing_the_service_drops_answers_the_new_path_does_not_ask() -> None:
    _, wiz = real()
    answers = {"service": "id-card-lost-reissue", "hukou_province": "henan", "live_province": "henan", "card_issued": "not-sure"}
    changed = flow.answer(wiz.questions, answers, "service", "no-crime-certificate")  # type: ignore[arg-type]
    assert changed == {"service": "no-crime-certificate", "hukou_province": "henan", "live_province": "henan"}


def test_answers_for_questions_not_on_the_path_are_reported_as_ignored() -> None:
    _, wiz = real()
    pos = flow.walk(wiz.questions, {"service": "settlement", "city_size": "under-3m", "card_issued": "not-sure"})
    assert pos.done and pos.ignored == {"card_issued": "not-sure"}
    assert "card_issued" not in pos.answers


def test_forget_asks_that_question_again() -> None:
    _, wiz = real()
    answers = {"service": "settlement", "city_size": "under-3m"}
    assert flow.next_question(wiz.questions, flow.forget(answers, "city_size")).id == "city_size"  # type: ignore[arg-type,union-attr]


def test_every_question_is_reachable() -> None:
    _, wiz = real()
    assert flow.reachable_questions(wiz) == set(ids(wiz.questions))


def _service_ids() -> list[str]:
    cat, _ = real()
    return sorted(cat.services)


@pytest.mark.parametrize("service", _service_ids())
def test_every_path_for_every_service_ends_in_a_sound_checklist(service: str) -> None:
    """Enumerates every path (every choice of every question, all 31x31 province pairs)."""
    cat, wiz = real()
    n = 0
    for answers in flow.paths(wiz, service, full=True):
        n += 1
        cl = build(cat, wiz, cat.services[service], answers)
        kinds = {it.kind for it in cl.items}
        assert {"channel", "where", "bring"} <= kinds, answers
        assert len([it for it in cl.items if it.kind == "channel"]) == 3
        assert cl.sources and cl.as_of
        numbers = cl.numbers()
        assert all(s in numbers for it in cl.items for s in it.sources)
        for it in cl.items:
            for lang in ("zh-Hans", "en"):
                assert "{" not in it.text.get(lang), (answers, it.text)  # every placeholder filled
    assert n >= 1


def test_the_number_of_paths_is_what_the_questions_imply() -> None:
    _, wiz = real()
    assert sum(1 for _ in flow.paths(wiz, "settlement", full=True)) == 4
    assert sum(1 for _ in flow.paths(wiz, "id-card-lost-reissue", full=True)) == 31 * 31 * 3
    assert sum(1 for _ in flow.paths(wiz, "port-visa", full=True)) == 1 + 6 * 2


def test_mermaid_graph_names_every_question_of_a_service() -> None:
    _, wiz = real()
    text = flow.mermaid(wiz, "port-visa")
    assert text.startswith("flowchart TD")
    for qid in ("service", "nationality", "visit_purpose", "visa_time"):
        assert f"    {qid}[" in text
    assert "card_issued" not in text
