"""The answer loop with a scripted prompter: "start again", the answers kept as they come, and a
resumed session whose earlier answers "back" may undo."""

from __future__ import annotations

from collections.abc import Sequence

from hanban.catalog.wizard_model import Answer, Question
from hanban.wizard.session import BACK, DONE, RESTART, run
from wizard_helpers import real


class Scripted:
    """Answers from a list, in order; the review says what `reviews` holds, in order."""

    def __init__(self, answers: list[Answer | str], reviews: list[str]) -> None:
        self.answers = answers
        self.reviews = reviews
        self.asked: list[str] = []

    def ask(self, q: Question, *, number: int, total: int, default: Answer | None, can_go_back: bool) -> Answer | str:
        self.asked.append(q.id)
        got = self.answers.pop(0)
        assert got != BACK or can_go_back, q.id
        return got

    def review(self, lines: Sequence[tuple[str, str, str]]) -> str:
        return self.reviews.pop(0)


def test_start_again_forgets_every_answer() -> None:
    cat, _ = real()
    p = Scripted(["settlement", "other-under-3m", "id-card-renewal"], [RESTART, DONE])
    got = run(cat, {}, p, "en")
    assert got == {"service": "id-card-renewal"} and p.asked == ["service", "settle_city", "service"]


def test_the_answers_so_far_are_told_as_they_come() -> None:
    cat, _ = real()
    seen: list[dict[str, Answer]] = []
    run(cat, {}, Scripted(["settlement", "other-under-3m"], [DONE]), "en", keep=seen.append)
    assert seen == [{"service": "settlement"}, {"service": "settlement", "settle_city": "other-under-3m"}]


def test_a_resumed_session_can_go_back_over_its_earlier_answers() -> None:
    cat, _ = real()
    p = Scripted([BACK, "hebei", "hebei", "not-sure"], [DONE])
    got = run(cat, {"service": "id-card-lost-reissue", "hukou_province": "henan"}, p, "en", resumed=True)
    assert got["hukou_province"] == "hebei" and p.asked[:2] == ["live_province", "hukou_province"]
