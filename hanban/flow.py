"""The flow: questions + answers so far -> the next question, or done. Pure, no terminal.

Questions are asked in catalog order; a question is asked when its `when` holds over the answers
to the questions asked before it. Answers are kept in asking order, and only for questions the
flow actually reaches: changing an earlier answer drops answers the new path no longer asks.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from hanban import conditions as cond
from hanban.wizard import SERVICE_QUESTION, Answer, Question, Wizard


@dataclass(frozen=True)
class Position:
    """Where a person is in the flow."""

    answers: dict[str, Answer]  # answers on the path, in asking order
    next: Question | None  # None: done
    ignored: dict[str, Answer]  # answers given for questions the path does not reach
    number: int  # 1-based number of the next question (or of answers given, when done)
    total: int  # about how many questions in all, recomputed as answers change the path

    @property
    def done(self) -> bool:
        return self.next is None


def walk(questions: Sequence[Question], given: Mapping[str, Answer]) -> Position:
    """Follow the flow over `given` answers until a question has no answer, or the end."""
    kept: dict[str, Answer] = {}
    nxt: Question | None = None
    for i, q in enumerate(questions):
        if not cond.holds(q.when, kept):
            continue
        if q.id in given:
            kept[q.id] = given[q.id]
            continue
        nxt = q
        break
    ignored = {k: v for k, v in given.items() if k not in kept}
    number = len(kept) + (1 if nxt is not None else 0)
    return Position(kept, nxt, ignored, max(number, 1), estimate_total(questions, kept))


def estimate_total(questions: Sequence[Question], answers: Mapping[str, Answer]) -> int:
    """Answered questions plus those still unanswered that may yet be asked."""
    pending = frozenset(q.id for q in questions if q.id not in answers)
    total = 0
    for q in questions:
        if q.id in answers or cond.might_hold(q.when, answers, pending) is not False:
            total += 1
    return max(total, 1)


def next_question(questions: Sequence[Question], answers: Mapping[str, Answer]) -> Question | None:
    """The next question to ask, or None when the flow is done."""
    return walk(questions, answers).next


def answer(questions: Sequence[Question], answers: Mapping[str, Answer], qid: str, value: Answer) -> dict[str, Answer]:
    """Set (or change) one answer; answers the new path no longer reaches are dropped."""
    given = dict(answers)
    given[qid] = value
    return walk(questions, given).answers


def back(questions: Sequence[Question], answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """Undo the last answer on the path (going back to the previous question)."""
    kept = walk(questions, answers).answers
    if kept:
        kept.pop(next(reversed(kept)))
    return kept


def forget(answers: Mapping[str, Answer], qid: str) -> dict[str, Answer]:
    """Drop one answer so that it is asked again (a change from the summary); the later answers
    stay, and `walk` keeps those the new path still reaches."""
    return {k: v for k, v in answers.items() if k != qid}


# -- enumeration (tests, validation, the --graph view) -----------------------------------


def _representatives(wiz: Wizard) -> dict[str, list[Answer]]:
    """For each question, a few values that together take every branch any condition has."""
    conds = [q.when for q in wiz.questions] + [r.when for r in wiz.rules]
    named: dict[str, list[Answer]] = {}
    for c in conds:
        for qid, v in cond.literals(c):
            named.setdefault(qid, [])
            if v not in named[qid]:
                named[qid].append(v)
    linked: dict[str, set[str]] = {}
    for c in conds:
        for a, b in cond.compared_pairs(c):
            linked.setdefault(a, {a}).add(b)
            linked.setdefault(b, {b}).add(a)
    out: dict[str, list[Answer]] = {}
    for q in wiz.questions:
        vals: list[Answer] = list(named.get(q.id, []))
        for other in sorted(linked.get(q.id, set())):
            vals += [v for v in named.get(other, []) if v not in vals]
        out[q.id] = _complete(q, vals, linked.get(q.id, set()))
    return out


def _complete(q: Question, vals: list[Answer], linked: set[str]) -> list[Answer]:
    if q.type == "confirm":
        return [True, False]
    if q.type == "select":
        # sets, not lists: the service question has one choice per service (66,000 in a big overlay)
        allowed = {c.value for c in q.choices}
        vals = [v for v in vals if v in allowed]
        named = set(vals)
        # one value no condition names; two when compared with another answer (equal and unequal)
        want = 2 if linked else 1
        rest: list[Answer] = []
        for c in q.choices:
            if len(rest) == want:
                break
            if c.value not in named:
                rest.append(c.value)
        vals += rest
        return list(vals) or [c.value for c in q.choices[:1]]
    fallback: Answer = q.example if q.example is not None else (q.minimum if q.type == "number" and q.minimum is not None else (0 if q.type == "number" else "x"))
    return list(vals) + ([fallback] if fallback not in vals else [])


def all_values(q: Question) -> list[Answer]:
    """Every value of a select or confirm question; an example for number and text."""
    if q.type == "select":
        return [c.value for c in q.choices]
    return _complete(q, [], set())


def paths(wiz: Wizard, service: str | None = None, *, full: bool = False) -> Iterator[dict[str, Answer]]:
    """Every path through the flow (for one service, or all), as the answers it ends with.

    With full=False, choices that no condition distinguishes are represented by one of them, so
    every distinct sequence of questions and every rule outcome is still taken; for the service
    question (one choice per service) see `service_representatives`. With full=True every choice
    of every question is taken, every service included.
    """
    reps = {} if full else _representatives(wiz)
    services: list[Answer] | None = None
    if service is None and not full:
        services = list(service_representatives(wiz, reps))

    def values(q: Question) -> list[Answer]:
        if q.id == SERVICE_QUESTION:
            if service is not None:
                return [service]
            return services if services is not None else all_values(q)
        return all_values(q) if full else reps[q.id]

    def go(answers: dict[str, Answer]) -> Iterator[dict[str, Answer]]:
        pos = walk(wiz.questions, answers)
        if pos.next is None:
            yield pos.answers
            return
        for v in values(pos.next):
            yield from go({**pos.answers, pos.next.id: v})

    yield from go({})


def service_representatives(wiz: Wizard, reps: Mapping[str, list[Answer]] | None = None) -> list[str]:
    """The service choices `paths(wiz)` takes: every distinguished service, and one for the rest.

    A service is *distinguished* when the wizard can tell it apart by name: a condition (of a
    question or a rule) compares the service answer with it (`equals`, or an `in` list), a rule
    lists it under `services:`, or it is among the values `paths` gives a question whose answer
    a condition compares with the service answer (`{equals: {service: {answer: q}}}`, either way
    round). Every distinguished service is kept, in choice order, and so is the first choice that
    is not distinguished (when there is one): it stands for all the others.

    Why that loses nothing. Take two undistinguished services s and t, and answers A and A' that
    differ only in that the service answer is s in A and t in A'. Every condition has the same
    truth value over A and A', by induction on its structure: `not`, `all` and `any` combine
    equal values; a test that does not read the service answer sees equal answers; `equals` /
    `in` against literals compares the service with named services only, so it is false for both
    s and t; `equals` between the service answer and the answer to another question q is false
    for both too, since q's answer is one of the values `paths` gives q, none of which is s or t
    (and a comparison of the service answer with itself holds for both). The walk reads answers
    only through conditions, and the values `paths` offers each later question do not depend on
    the service answer, so the enumeration from s and the one from t take the same branches in
    the same order: the same questions are asked, the same rules hold (neither s nor t is in any
    rule's `services:`), and their paths differ only in the service answer. Grouping the
    undistinguished services therefore keeps every question sequence, every rule outcome and
    every question-to-question edge, and keeping the *first* of them in choice order keeps the
    order in which `paths` first meets each of them (so `mermaid` draws the same graph).
    """
    q = wiz.question(SERVICE_QUESTION)
    if q is None or q.type != "select":
        return []
    if reps is None:
        reps = _representatives(wiz)
    conds = [x.when for x in wiz.questions] + [r.when for r in wiz.rules]
    named: set[Answer] = {v for c in conds for qid, v in cond.literals(c) if qid == SERVICE_QUESTION}
    named.update(sid for r in wiz.rules for sid in r.services)
    for c in conds:
        for a, b in cond.compared_pairs(c):
            if SERVICE_QUESTION in (a, b):
                other = b if a == SERVICE_QUESTION else a
                if other != SERVICE_QUESTION:
                    named.update(reps.get(other, ()))
    out: list[str] = []
    stand_in = False
    for ch in q.choices:
        if ch.value in named:
            out.append(ch.value)
        elif not stand_in:
            out.append(ch.value)
            stand_in = True
    return out


def reachable_questions(wiz: Wizard) -> set[str]:
    """Ids of the questions some path asks (see `service_representatives` for why this is cheap)."""
    seen: set[str] = set()
    for p in paths(wiz):
        seen.update(p)
    return seen


def mermaid(wiz: Wizard, service: str | None = None, lang: Any = "en") -> str:
    """The flow as a Mermaid flowchart: one node per question, edges labelled by conditions."""
    qs = [q for q in wiz.questions if service is None or q.id == "service" or q.id in _asked_for(wiz, service)]
    lines = ["flowchart TD"]
    for q in qs:
        label = q.prompt.get(lang).replace('"', "'")
        lines.append(f'    {q.id}["{q.id}: {label}"]')
    lines.append('    done(["checklist"])')
    # an edge from each question to the next question that may follow it on some path
    follows: dict[tuple[str, str], None] = {}
    for p in paths(wiz, service):
        ids = [qid for qid in p if any(q.id == qid for q in qs)] + ["done"]
        for a, b in pairwise(ids):
            follows[(a, b)] = None
    for a, b in follows:
        target = next((q for q in qs if q.id == b), None)
        edge = cond.describe(target.when).replace('"', "'") if target is not None and target.when is not None else ""
        lines.append(f'    {a} -->|"{edge}"| {b}' if edge else f"    {a} --> {b}")
    return "\n".join(lines) + "\n"


def _asked_for(wiz: Wizard, service: str) -> set[str]:
    seen: set[str] = set()
    for p in paths(wiz, service):
        seen.update(p)
    return seen
