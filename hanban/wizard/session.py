"""The answer loop: ask until the flow is done and the person accepts the summary. No terminal:
the questions are put by a `Prompter` (questionary in the CLI, scripted ones in tests)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from hanban.catalog.flowgraph import Graph
from hanban.catalog.store import Catalog
from hanban.catalog.wizard_model import SERVICE_QUESTION, Answer, Question
from hanban.strings import Lang
from hanban.wizard.checklist import answer_label
from hanban.wizard.flow import forget, walk

BACK = "\x00back"  # what a prompter returns for "back to the previous question" (never a real answer)
DONE = "\x00done"  # what a review returns for "all correct: show my checklist"
RESTART = "\x00restart"  # what a review returns for "start again": every answer forgotten


class Prompter(Protocol):
    """Puts one question to a person and returns the answer, or BACK."""

    def ask(self, q: Question, *, number: int, total: int, default: Answer | None, can_go_back: bool) -> Answer | str:
        """`total`: the questions on the longest path from here (0 before the service is known)."""

    def review(self, lines: Sequence[tuple[str, str, str]]) -> str:
        """Show (question id, prompt, answer) lines; return DONE or the id of the answer to change."""


def run(
    catalog: Catalog, answers: Mapping[str, Answer], prompter: Prompter, lang: Lang,
    keep: Callable[[dict[str, Answer]], None] | None = None, resumed: bool = False,
) -> dict[str, Answer]:
    """Ask until the flow is done and the person accepts the summary; return the answers.

    "Back" undoes the last answer given here (answers given beforehand stay); a change from the
    summary asks that one question again and keeps later answers still on the path; "start again"
    forgets every answer. `keep` is told the answers so far after each one (the CLI keeps them
    when the person stops half-way). `resumed`: the answers were given in an earlier, unfinished
    session, and "back" may undo them too.
    """
    wiz = catalog.wizard
    graph = Graph(wiz, [])  # (for the length of the path: the service is answered by then)
    given: dict[str, Answer] = dict(answers)
    remembered: dict[str, Answer] = dict(answers)  # defaults when a question comes round again
    stack: list[str] = list(answers) if resumed else []  # ids answered here, latest last
    while True:
        pos = walk(wiz.questions, given)
        if pos.next is not None:
            q = pos.next
            default = remembered.get(q.id)
            if default is None and q.default_from is not None:
                default = pos.answers.get(q.default_from)  # e.g. where you live: where your hukou is
            total = graph.longest(pos.answers) if SERVICE_QUESTION in pos.answers else 0
            got = prompter.ask(q, number=pos.number, total=total, default=default, can_go_back=bool(stack))
            if got == BACK:
                given.pop(stack.pop(), None)
            else:
                given[q.id] = remembered[q.id] = got
                if q.id in stack:
                    stack.remove(q.id)
                stack.append(q.id)
            if keep is not None:
                keep(dict(given))
            continue
        qs = wiz.by_id()
        lines = [(qid, qs[qid].prompt.get(lang), answer_label(qs[qid], v, catalog).get(lang)) for qid, v in pos.answers.items()]
        choice = prompter.review(lines)
        if choice == DONE:
            return pos.answers
        if choice == RESTART:
            given, remembered, stack = {}, {}, []
            continue
        given = forget(pos.answers, choice)
