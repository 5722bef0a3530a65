"""Checks of the wizard's data across files: ids that conditions, rules and placeholders name, and
that every question can be reached. Run by `link` whenever the catalog is (re)built."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from hanban.catalog import conditions as cond
from hanban.catalog import verdict
from hanban.catalog.flowgraph import MAX_QUESTIONS, FlowTooIntricate, Graph
from hanban.catalog.model import Origin, Place, Service, Text
from hanban.catalog.wizard_model import SERVICE_QUESTION, Question, Wizard
from hanban.errors import Problem

PLACEHOLDER_RE = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def check_wizard(wiz: Wizard, service_ids: Sequence[str]) -> list[Problem]:
    """Every cross-file problem of the wizard's data (empty when it is sound)."""
    if not wiz.questions and not wiz.rules:
        return []  # a catalog without a wizard (e.g. a bare overlay check)
    problems = _check_references(wiz, service_ids)
    if not problems:
        problems = _check_reachable(wiz, service_ids)
    return problems


def signature(wiz: Wizard, services: Mapping[str, object]) -> str | None:
    """What the wizard's checks read, as one digest: its data, which of the services it names
    exist, and whether any other service does (any one of those stands for all of them, see
    `Graph.service_representatives`). Equal digests mean equal results; None: no shortcut here."""
    import hashlib

    if any(q.choices_from and q.id != SERVICE_QUESTION for q in wiz.questions):
        return None  # another question whose answers are services: its values depend on the catalog
    named = {str(v) for c in [q.when for q in wiz.questions] + [r.when for r in wiz.rules] for _, v in cond.literals(c)}
    named.update(sid for r in wiz.rules for sid in r.services)
    present = sorted(n for n in named if n in services)
    others = len(services) > len(present)
    return hashlib.blake2b(f"{wiz!r}|{present}|{others}".encode(), digest_size=16).hexdigest()


def lint(wiz: Wizard, services: Mapping[str, Service], places: Mapping[str, Place]) -> list[Problem]:
    """Problems `hanban validate` reports but loading tolerates: services without rules, notes
    that claim a channel the service denies, place examples no question can show."""
    if not wiz.questions:
        return []
    covered = {sid for r in wiz.rules for sid in r.services}
    problems = [
        _problem(s.origin, f"services[{sid}]", "problem.no_rules")
        for sid, s in services.items()
        if sid not in covered
    ]
    return problems + _check_claims(wiz, services) + _check_widening(wiz, services) + _check_place_examples(wiz, places)


def _check_widening(wiz: Wizard, services: Mapping[str, Service]) -> list[Problem]:
    """A rule that says more of a channel than the service entry does (offered where the entry does
    not mention it, or nationwide where the entry says pilot): `ask` would contradict `show` and
    `list`. The checklist narrows such a rule anyway (`verdict.narrow`); this says which to fix."""
    problems = []
    for r in wiz.rules:
        if r.channel is None:
            continue
        for sid in r.services:
            s = services.get(sid)
            if s is None or r.channel.name not in s.channels:
                continue
            anyone = verdict.for_anyone(s.channels[r.channel.name])
            what = verdict.widens(anyone, r.channel.available, r.channel.status)
            if what is not None:
                problems.append(_problem(r.origin, f"rules.{r.id}.channel.{what}", "problem.rule_widens", service=sid, channel=r.channel.name))
    return problems


def _check_place_examples(wiz: Wizard, places: Mapping[str, Place]) -> list[Problem]:
    """A place's example for a province no `place: true` question offers would never be shown."""
    offered = {c.value for q in wiz.questions if q.place for c in q.choices}
    if not offered:
        return []
    return [
        _problem(p.origin, f"places[{pid}].examples[{i}].province", "problem.example_province", province=ex.province)
        for pid, p in places.items()
        for i, ex in enumerate(p.examples)
        if ex.province not in offered
    ]


# Words by which a note claims a channel (in the zh-Hans text, where the sources' own terms are).
CLAIMS = {
    "cross_province": ("跨省通办", "全国通办"),  # not 异地受理: acceptance away from the hukou place is not 跨省通办
    "fully_online": ("全程网办",),
    "one_window": ("一窗通办", "一窗受理", "一窗办"),
}


def _check_claims(wiz: Wizard, services: Mapping[str, Service]) -> list[Problem]:
    """A note that claims a channel (跨省通办, 全程网办, 一窗通办) on a service whose channel field
    does not mention (no rule can open it: `verdict.narrow`): the checklist would contradict
    itself (a "not stated" channel line above a note saying it can be done)."""
    problems = []
    for sid, s in services.items():
        for i, note in enumerate(s.notes):
            for name, words in CLAIMS.items():
                ch = s.channels.get(name)
                if ch is None or ch.available:
                    continue
                said = [w for w in words if w in note.text.zh_hans]
                if said:
                    problems.append(_problem(s.origin, f"services[{sid}].notes[{i}]", "problem.note_claims_channel", word=said[0], channel=name))
    return problems


def placeholders(t: Text | None) -> set[str]:
    """The {question_id} placeholders in a text."""
    if t is None:
        return set()
    return set(PLACEHOLDER_RE.findall(t.zh_hans + " " + t.en + " " + t.zh_hant))


def _problem(origin: Origin, field: str, key: str, /, **params: object) -> Problem:
    return Problem(origin.file, origin.line, field, key, **params)


def _check_condition(
    c: cond.Condition | None,
    known: Mapping[str, Question],
    origin: Origin,
    field: str,
    earlier: set[str] | None,
    choice_values: Mapping[str, Collection[str]],
) -> list[Problem]:
    out: list[Problem] = []
    for qid in dict.fromkeys(cond.questions_in(c)):
        if qid not in known:
            out.append(_problem(origin, field, "problem.unknown.question", value=qid))
        elif earlier is not None and qid not in earlier:
            out.append(_problem(origin, field, "problem.not_asked_before", q=qid))
    for qid, value in cond.literals(c):
        q = known.get(qid)
        if q is None:
            continue
        if q.type == "select" and (not isinstance(value, str) or value not in choice_values[qid]):
            out.append(_problem(origin, field, "problem.not_a_choice_of", value=value, q=qid))
        elif q.type == "confirm" and not isinstance(value, bool):
            out.append(_problem(origin, field, "problem.yes_no_literal", q=qid, value=value))
        elif q.type == "number" and (isinstance(value, bool) or not isinstance(value, int)):
            out.append(_problem(origin, field, "problem.number_literal", q=qid, value=value))
    return out


def _check_references(wiz: Wizard, service_ids: Sequence[str]) -> list[Problem]:
    out: list[Problem] = []
    known = wiz.by_id()
    services = frozenset(service_ids)
    # a set per select question: the service question has one value per service, and scanning
    # them for every literal a condition names would cost services x literals
    choice_values: dict[str, Collection[str]] = {
        q.id: services if q.choices_from == "services" else frozenset(ch.value for ch in q.choices)
        for q in wiz.questions
        if q.type == "select"
    }
    if SERVICE_QUESTION not in known:
        out.append(Problem("catalog/questions.yaml", 0, "questions", "problem.no_service_question", q=SERVICE_QUESTION))
    earlier: set[str] = set()
    for q in wiz.questions:
        out += _check_condition(q.when, known, q.origin, f"questions.{q.id}.when", earlier, choice_values)
        if q.type == "select" and not q.choices and q.choices_from is None:
            out.append(_problem(q.origin, f"questions.{q.id}.choices", "problem.no_choices"))
        out += [_problem(q.origin, f"questions.{q.id}.order", "problem.unknown.service", value=sid) for sid in q.order if sid not in services]
        if q.default_from is not None and (q.default_from not in earlier or known[q.default_from].type != q.type):
            out.append(_problem(q.origin, f"questions.{q.id}.default_from", "problem.bad_default_from", value=q.default_from))
        earlier.add(q.id)
    for r in wiz.rules:
        out += _check_condition(r.when, known, r.origin, f"rules.{r.id}.when", None, choice_values)
        for sid in r.services:
            if sid not in services:
                out.append(_problem(r.origin, f"rules.{r.id}.services", "problem.unknown.service", value=sid))
        texts = [r.channel.why if r.channel else None] + [it.text for it in r.items]
        for name in sorted(set().union(*(placeholders(t) for t in texts))):
            if name not in known:
                out.append(_problem(r.origin, f"rules.{r.id}", "problem.unknown_placeholder", name=name))
    return out


def _check_reachable(wiz: Wizard, service_ids: Sequence[str]) -> list[Problem]:
    # A walk of the question graph (`Graph.reach`), bounded by the questions and MAX_STATES; it
    # groups the services no condition tells apart (see Graph.service_representatives), so it costs
    # the same for 66,000 services as for 33.
    if len(wiz.questions) > MAX_QUESTIONS:
        q = wiz.questions[MAX_QUESTIONS]
        return [_problem(q.origin, f"questions.{q.id}", "err.too_many_questions", n=f"{len(wiz.questions):,}", limit=MAX_QUESTIONS)]
    try:
        seen = Graph(wiz, service_ids).reach().asked
    except FlowTooIntricate as exc:
        q = wiz.by_id()[exc.question]
        return [_problem(q.origin, f"questions.{q.id}.when", exc.key, **exc.params)]
    return [
        _problem(q.origin, f"questions.{q.id}.when", "problem.unreachable")
        for q in wiz.questions
        if q.id not in seen
    ]
