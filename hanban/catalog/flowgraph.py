"""The question graph: answers so far -> the next question, what can be reached, every path.

Questions are asked in catalog order; a question is asked when its `when` holds over the answers
to the questions asked before it. Answers are kept in asking order, and only for questions the
flow actually reaches. This is what checking a catalog needs (is every question reachable? see
`Graph.reach`, a walk whose cost is bounded) and what the wizard runs on (`hanban.wizard.flow`).

The service question (`choices_from: services`) takes the catalog's service ids as its values:
functions that enumerate answers are given them (`service_ids`, in catalog order).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from hanban.catalog import conditions as cond
from hanban.catalog.wizard_model import SERVICE_QUESTION, Answer, Question, Wizard
from hanban.errors import HanbanError

# The wizard's documented limits (README, "Limits"): a catalog past them does not load.
MAX_QUESTIONS = 300
# How many combinations of the answers that later conditions still read the graph walk keeps at one
# question. Shipped: at most a few thousand; only conditions that read many earlier answers at once
# come near it (a chain of yes/no questions each reading all the earlier ones doubles it each time).
MAX_STATES = 100_000

END = "done"  # the end of the flow, as an edge target


class FlowTooIntricate(HanbanError):
    """The questions' conditions tell apart more combinations of answers than the walk keeps."""

    def __init__(self, question: str, states: int) -> None:
        self.question = question
        super().__init__(key="err.flow_too_intricate", q=question, n=f"{states:,}", limit=f"{MAX_STATES:,}")


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
    for q in questions:
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


# -- enumeration (validation, tests, the --graph view) ------------------------------------------


class Graph:
    """A wizard and the values each of its questions can take (services: the catalog's ids)."""

    def __init__(self, wiz: Wizard, service_ids: Iterable[str]) -> None:
        self.wiz = wiz
        self.service_ids = service_ids if isinstance(service_ids, Sequence) else list(service_ids)
        self._reps: dict[str, list[Answer]] | None = None

    def choice_values(self, q: Question) -> Sequence[str]:
        return self.service_ids if q.choices_from == "services" else [c.value for c in q.choices]

    def all_values(self, q: Question) -> list[Answer]:
        """Every value of a select or confirm question; an example for number and text."""
        if q.type == "select":
            return list(self.choice_values(q))
        return self._complete(q, [], set())

    def representatives(self) -> dict[str, list[Answer]]:
        """For each question, a few values that together take every branch any condition has."""
        if self._reps is not None:
            return self._reps
        conds = [q.when for q in self.wiz.questions] + [r.when for r in self.wiz.rules]
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
        for q in self.wiz.questions:
            vals: list[Answer] = list(named.get(q.id, []))
            for other in sorted(linked.get(q.id, set())):
                vals += [v for v in named.get(other, []) if v not in vals]
            out[q.id] = self._complete(q, vals, linked.get(q.id, set()))
        self._reps = out
        return out

    def _complete(self, q: Question, vals: list[Answer], linked: set[str]) -> list[Answer]:
        if q.type == "confirm":
            return [True, False]
        if q.type == "select":
            choices = self.choice_values(q)
            # sets, not lists: the service question has one value per service (66,000 in a big overlay)
            allowed = set(choices)
            vals = [v for v in vals if v in allowed]
            named = set(vals)
            # one value no condition names; two when compared with another answer (equal and unequal)
            want = 2 if linked else 1
            rest: list[Answer] = []
            for c in choices:
                if len(rest) == want:
                    break
                if c not in named:
                    rest.append(c)
            vals += rest
            return list(vals) or list(choices[:1])
        fallback: Answer
        if q.example is not None:
            fallback = q.example
        elif q.type == "number":
            fallback = q.minimum if q.minimum is not None else 0
        else:
            fallback = "x"
        return list(vals) + ([fallback] if fallback not in vals else [])

    def paths(self, service: str | None = None, *, full: bool = False) -> Iterator[dict[str, Answer]]:
        """Every path through the flow (for one service, or all), as the answers it ends with.

        This enumerates the answer product (exponential in the questions): it is for tests and for
        looking at small flows. Checking a catalog and drawing the flow use `reach`.

        With full=False, choices that no condition distinguishes are represented by one of them, so
        every distinct sequence of questions and every rule outcome is still taken; for the service
        question see `service_representatives`. With full=True every choice of every question is
        taken, every service included.
        """
        reps = {} if full else self.representatives()
        services: list[Answer] | None = None
        if service is None and not full:
            services = list(self.service_representatives())

        def values(q: Question) -> list[Answer]:
            if q.id == SERVICE_QUESTION:
                if service is not None:
                    return [service]
                return services if services is not None else self.all_values(q)
            return self.all_values(q) if full else reps[q.id]

        def go(answers: dict[str, Answer]) -> Iterator[dict[str, Answer]]:
            pos = walk(self.wiz.questions, answers)
            if pos.next is None:
                yield pos.answers
                return
            for v in values(pos.next):
                yield from go({**pos.answers, pos.next.id: v})

        yield from go({})

    def service_representatives(self) -> list[str]:
        """The service values `paths()` takes: every distinguished service, and one for the rest.

        A service is *distinguished* when the wizard can tell it apart by name: a condition (of a
        question or a rule) compares the service answer with it (`equals`, or an `in` list), a rule
        lists it under `services:`, or it is among the values `paths` gives a question whose answer
        a condition compares with the service answer (`{equals: {service: {answer: q}}}`, either way
        round). Every distinguished service is kept, in catalog order, and so is the first service
        that is not distinguished (when there is one): it stands for all the others.

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
        every question-to-question edge, and keeping the *first* of them in catalog order keeps the
        order in which `paths` first meets each of them (so `mermaid` draws the same graph).
        """
        q = self.wiz.question(SERVICE_QUESTION)
        if q is None or q.type != "select":
            return []
        reps = self.representatives()
        conds = [x.when for x in self.wiz.questions] + [r.when for r in self.wiz.rules]
        named: set[Answer] = {v for c in conds for qid, v in cond.literals(c) if qid == SERVICE_QUESTION}
        named.update(sid for r in self.wiz.rules for sid in r.services)
        for c in conds:
            for a, b in cond.compared_pairs(c):
                if SERVICE_QUESTION in (a, b):
                    other = b if a == SERVICE_QUESTION else a
                    if other != SERVICE_QUESTION:
                        named.update(reps.get(other, ()))
        out: list[str] = []
        stand_in = False
        for value in self.choice_values(q):
            if value in named:
                out.append(value)
            elif not stand_in:
                out.append(value)
                stand_in = True
        return out

    def longest(self, answers: Mapping[str, Answer]) -> int:
        """How many questions the longest path from these answers asks in all (answered ones
        included), taking the representative values of each later question (`representatives`).

        A walk over the questions in asking order, as `reach` does: a state keeps only the answers a
        later condition reads, with the most questions a path to it has asked; paths that agree on
        those answers ask the same questions from here on. The work is the states times the values,
        summed over the questions (independent questions: one state all along), not the paths.
        """
        qs = self.wiz.questions
        start = walk(qs, answers)
        if start.next is None:
            return len(start.answers)
        reps = self.representatives()
        first = next(i for i, q in enumerate(qs) if q is start.next)
        live = self._live()
        states: dict[tuple[tuple[str, Answer], ...], int] = {tuple(start.answers.items()): len(start.answers)}
        for i in range(first, len(qs)):
            q, keep = qs[i], live[i]
            values = reps.get(q.id) or self.all_values(q)
            nxt: dict[tuple[tuple[str, Answer], ...], int] = {}
            for state, count in states.items():
                kept = tuple(a for a in state if a[0] in keep)
                if not cond.holds(q.when, dict(state)):
                    grown = [(kept, count)]
                elif q.id in keep:
                    grown = [((*kept, (q.id, v)), count + 1) for v in values]
                else:
                    grown = [(kept, count + 1)]
                for key, n in grown:
                    if n > nxt.get(key, -1):
                        nxt[key] = n
            if len(nxt) > MAX_STATES:
                raise FlowTooIntricate(q.id, len(nxt))
            states = nxt
        return max(states.values(), default=len(start.answers))

    def _live(self) -> list[frozenset[str]]:
        """After each question (by position): the ids of the answers a later condition reads."""
        live: list[frozenset[str]] = []
        later: set[str] = set()
        for q in reversed(self.wiz.questions):
            live.append(frozenset(later))
            later.update(cond.questions_in(q.when))
        live.reverse()
        return live

    def reach(self, service: str | None = None, *, edges: bool = False) -> Reach:
        """Which questions some path asks (for one service, or any), and with `edges` which
        question can follow which: a walk over the question graph, not over the answer product.

        Questions are taken in asking order. A *state* is what a path has answered so far, kept only
        for the questions whose answers a later condition reads (and, for edges, the last question
        asked); paths that agree on those are alike from here on, so one state stands for all of
        them. Each question splits a state by the values `paths` would give it (representatives)
        when its condition holds there. The work is the number of states times the values, summed
        over the questions: linear in the questions for conditions that read a few answers each,
        and refused past MAX_STATES (`FlowTooIntricate`) for conditions that read ever more.
        """
        qs = self.wiz.questions
        live = self._live()  # after question i: the ids a later condition reads
        reps = self.representatives()
        services: list[Answer] = [service] if service is not None else list(self.service_representatives())
        if service is not None:
            reps = self._with_service(reps, service)
        states: set[tuple[str, tuple[tuple[str, Answer], ...]]] = {("", ())}
        asked: set[str] = set()
        follows: set[tuple[str, str]] = set()
        for i, q in enumerate(qs):
            keep = live[i]
            values = services if q.id == SERVICE_QUESTION else reps[q.id]
            nxt: set[tuple[str, tuple[tuple[str, Answer], ...]]] = set()
            for last, answers in states:
                kept = tuple(a for a in answers if a[0] in keep)
                if not cond.holds(q.when, dict(answers)):
                    nxt.add((last, kept))
                    continue
                asked.add(q.id)
                if edges and last:
                    follows.add((last, q.id))
                here = q.id if edges else ""
                if q.id in keep:
                    nxt.update((here, kept + ((q.id, v),)) for v in values)
                else:
                    nxt.add((here, kept))
            if len(nxt) > MAX_STATES:
                raise FlowTooIntricate(q.id, len(nxt))
            states = nxt
        follows.update((last, END) for last, _ in states if last)
        order = {q.id: i for i, q in enumerate(qs)} | {END: len(qs)}
        return Reach(frozenset(asked), sorted(follows, key=lambda e: (order[e[0]], order[e[1]])))

    def _with_service(self, reps: dict[str, list[Answer]], service: str) -> dict[str, list[Answer]]:
        """The representatives when the service answer is `service`: a select question compared with
        the service answer also takes that value (so that "equal" is a branch too)."""
        conds = [q.when for q in self.wiz.questions] + [r.when for r in self.wiz.rules]
        out = dict(reps)
        for c in conds:
            for pair in cond.compared_pairs(c):
                if SERVICE_QUESTION not in pair:
                    continue
                for qid in pair:
                    q = self.wiz.question(qid)
                    if q is not None and q.type == "select" and service not in out[qid] and service in self.choice_values(q):
                        out[qid] = [*out[qid], service]  # (the service question's own values are [service])
        return out

    def reachable_questions(self) -> set[str]:
        """Ids of the questions some path asks."""
        return set(self.reach().asked)

    def asked_for(self, service: str) -> set[str]:
        """Ids of the questions some path for `service` asks."""
        return set(self.reach(service).asked)


@dataclass(frozen=True)
class Reach:
    """What the graph walk found: the questions some path asks, and (when asked for) the edges
    (question, next question or END) in asking order."""

    asked: frozenset[str]
    edges: list[tuple[str, str]]
