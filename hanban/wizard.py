"""Wizard data: questions and checklist rules, read from the catalog and checked.

`parse_section` is called by the schema checker for each file's `questions:` / `rules:` (so
problems carry FILE:LINE and quotes are checked like the rest of the catalog); `check_catalog`
runs once the whole catalog is assembled and checks references across files; `load_wizard`
turns the checked data into the questions and rules the flow and the checklist use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from hanban import conditions as cond
from hanban import model as m
from hanban.errors import CatalogError, Problem

if TYPE_CHECKING:
    from hanban.validate import Checker

QUESTION_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
PLACEHOLDER_RE = re.compile(r"\{([a-z][a-z0-9_]*)\}")
QUESTION_TYPES = ("select", "confirm", "number", "text")
RULE_ITEM_KINDS = ("where", "bring", "may_be_exempt", "step", "note", "warning")
SERVICE_QUESTION = "service"
CHOICES_FROM = ("services",)

Answer = str | int | bool


@dataclass(frozen=True)
class Choice:
    """One allowed answer of a select question: a stable value and its label."""

    value: str
    label: m.Text
    group: str = ""  # e.g. the service category, for grouping in prompts


@dataclass(frozen=True)
class Question:
    """A wizard question; asked when its `when` holds over earlier answers."""

    id: str
    type: str
    prompt: m.Text
    help: m.Text | None = None
    choices: tuple[Choice, ...] = ()
    choices_from: str | None = None
    when: cond.Condition | None = None
    minimum: int | None = None
    maximum: int | None = None
    example: Answer | None = None
    origin: m.Origin = m.Origin("", 0)

    def choice(self, value: Answer) -> Choice | None:
        """The choice with this value, if any."""
        for c in self.choices:
            if c.value == value:
                return c
        return None

    def allowed(self) -> list[str]:
        """The allowed values, as a person would type them."""
        if self.type == "select":
            return [c.value for c in self.choices]
        if self.type == "confirm":
            return ["yes", "no"]
        if self.type == "number":
            lo = "" if self.minimum is None else str(self.minimum)
            hi = "" if self.maximum is None else str(self.maximum)
            return [f"a whole number {lo}..{hi}".rstrip(".") if (lo or hi) else "a whole number"]
        return ["any text"]


@dataclass(frozen=True)
class ChannelEffect:
    """What a rule says about one channel for this person."""

    name: str
    available: bool | None  # None: it depends (e.g. the person is not sure of a date)
    why: m.Text
    status: str | None = None


@dataclass(frozen=True)
class RuleItem:
    kind: str
    text: m.Text


@dataclass(frozen=True)
class Rule:
    """Turns answers into checklist lines for some services; cites its sources."""

    id: str
    services: tuple[str, ...]
    when: cond.Condition | None
    channel: ChannelEffect | None
    items: tuple[RuleItem, ...]
    sources: tuple[m.Source, ...]
    origin: m.Origin


@dataclass(frozen=True)
class Wizard:
    """Questions in asking order and rules in file order."""

    questions: tuple[Question, ...]
    rules: tuple[Rule, ...]

    def question(self, qid: str) -> Question | None:
        for q in self.questions:
            if q.id == qid:
                return q
        return None

    def rules_for(self, service_id: str) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if service_id in r.services)


# -- per-file parsing (called from validate.check_document) ------------------------------


def parse_section(c: Checker, key: str, value: Any) -> tuple[Any, ...]:
    """Parse a file's `questions:` or `rules:` list with the catalog's checker."""
    if not isinstance(value, list):
        c.err((key,), "expected a list")
        return ()
    build = _question if key == "questions" else _rule
    out = []
    for i, v in enumerate(value):
        got = build(c, v, (key, i))
        c._refs_into_glossary()  # seed/measure references: checked once the catalog is assembled
        if got is not None:
            out.append(got)
    return tuple(out)


def _condition(c: Checker, raw: Any, path: tuple[Any, ...]) -> cond.Condition | None:
    try:
        return cond.parse(raw)
    except cond.ConditionSyntaxError as exc:
        c.err(path + exc.path, str(exc))
        return None


def _question(c: Checker, value: Any, path: tuple[Any, ...]) -> Question | None:
    d = c.mapping(value, path, ("id", "type", "prompt"), ("help", "choices", "choices_from", "when", "min", "max", "example"))
    if d is None:
        return None
    qid = c.string(d.get("id"), path + ("id",)) if "id" in d else None
    if qid is not None and not QUESTION_ID_RE.match(qid):
        c.err(path + ("id",), f"{qid!r} is not a lowercase snake_case ascii id")
        qid = None
    qtype = c.string(d.get("type"), path + ("type",), choices=QUESTION_TYPES) if "type" in d else None
    prompt = c.text(d.get("prompt"), path + ("prompt",)) if "prompt" in d else None
    help_ = c.text(d["help"], path + ("help",)) if "help" in d else None
    when = _condition(c, d["when"], path + ("when",)) if "when" in d else None
    choices: list[Choice] = []
    choices_from = None
    if "choices_from" in d:
        choices_from = c.string(d["choices_from"], path + ("choices_from",), choices=CHOICES_FROM)
    if qtype == "select":
        if "choices" in d and "choices_from" in d:
            c.err(path, "give either 'choices' or 'choices_from', not both")
        elif "choices" not in d and "choices_from" not in d:
            c.err(path, "a select question needs 'choices' (or 'choices_from: services')")
        elif "choices" in d:
            choices = _choices(c, d["choices"], path + ("choices",))
    elif "choices" in d or "choices_from" in d:
        c.err(path + ("choices",), f"only select questions have choices (this one is {qtype})")
    minimum = _int(c, d, "min", path) if qtype == "number" else None
    maximum = _int(c, d, "max", path) if qtype == "number" else None
    example = d.get("example")
    if example is not None and not isinstance(example, (str, int, bool)):
        c.err(path + ("example",), "expected a plain value")
        example = None
    if None in (qid, qtype, prompt):
        return None
    assert qid and qtype and prompt
    return Question(qid, qtype, prompt, help_, tuple(choices), choices_from, when, minimum, maximum, example, c.origin(path))


def _int(c: Checker, d: dict[str, Any], key: str, path: tuple[Any, ...]) -> int | None:
    if key not in d:
        return None
    v = d[key]
    if isinstance(v, bool) or not isinstance(v, int):
        c.err(path + (key,), f"expected a whole number, got {v!r}")
        return None
    return v


def _choices(c: Checker, value: Any, path: tuple[Any, ...]) -> list[Choice]:
    if not isinstance(value, list) or not value:
        c.err(path, "expected a non-empty list of {value, label}")
        return []
    out: list[Choice] = []
    seen: set[str] = set()
    for i, v in enumerate(value):
        p = path + (i,)
        d = c.mapping(v, p, ("value", "label"))
        if d is None:
            continue
        val = d.get("value")
        if not isinstance(val, str) or not val.strip():
            # YAML reads bare yes/no/on/off as booleans: choice values must be quoted strings.
            c.err(p + ("value",), f"expected a string value, got {val!r} (quote it)")
            continue
        if "label" not in d:
            continue  # reported by mapping(): missing required key 'label'
        label = c.text(d["label"], p + ("label",))
        if val in seen:
            c.err(p + ("value",), f"duplicate choice value {val!r}")
            continue
        seen.add(val)
        if label is not None:
            out.append(Choice(val, label))
    return out


def _rule(c: Checker, value: Any, path: tuple[Any, ...]) -> Rule | None:
    d = c.mapping(value, path, ("id", "services", "sources"), ("when", "channel", "items"))
    if d is None:
        return None
    rid = c.ident(d.get("id"), path + ("id",)) if "id" in d else None
    services = c.seq(d.get("services"), path + ("services",), c.ident) if "services" in d else ()
    if "services" in d and not services:
        c.err(path + ("services",), "list at least one service id")
    when = _condition(c, d["when"], path + ("when",)) if "when" in d else None
    channel = _channel_effect(c, d["channel"], path + ("channel",)) if "channel" in d else None
    items = c.seq(d.get("items"), path + ("items",), lambda v, p: _rule_item(c, v, p))
    if "channel" not in d and "items" not in d:
        c.err(path, "a rule needs a 'channel' or 'items' (or both)")
    sources = c.sources(d.get("sources"), path + ("sources",))
    if rid is None or not services:
        return None
    return Rule(rid, services, when, channel, items, sources, c.origin(path))


def _channel_effect(c: Checker, value: Any, path: tuple[Any, ...]) -> ChannelEffect | None:
    d = c.mapping(value, path, ("name", "available", "why"), ("status",))
    if d is None:
        return None
    name = c.string(d.get("name"), path + ("name",), choices=m.CHANNELS) if "name" in d else None
    available = d.get("available")
    if "available" in d and available is not None and not isinstance(available, bool):
        c.err(path + ("available",), "expected true, false or null (it depends)")
        return None
    status = c.string(d["status"], path + ("status",), choices=m.STATUSES) if "status" in d else None
    why = c.text(d.get("why"), path + ("why",)) if "why" in d else None
    if name is None or why is None or "available" not in d:
        return None
    return ChannelEffect(name, available, why, status)


def _rule_item(c: Checker, value: Any, path: tuple[Any, ...]) -> RuleItem | None:
    d = c.mapping(value, path, ("kind", "text"))
    if d is None:
        return None
    kind = c.string(d.get("kind"), path + ("kind",), choices=RULE_ITEM_KINDS) if "kind" in d else None
    text = c.text(d.get("text"), path + ("text",)) if "text" in d else None
    if kind is None or text is None:
        return None
    return RuleItem(kind, text)


# -- whole-catalog checks (called from catalog.assemble) ---------------------------------


def _merged(raw: Mapping[str, list[tuple[str, Any]]], key: str, problems: list[Problem]) -> list[Any]:
    """Entries of every file in load order; a later id replaces an earlier one, except in one file."""
    by_id: dict[str, Any] = {}
    for file, entries in raw.get(key, []):
        seen_here: dict[str, Any] = {}
        for e in entries:
            if e.id in seen_here:
                problems.append(Problem(e.origin.file, e.origin.line, f"{key}.id", f"duplicate id {e.id!r} (first defined at {seen_here[e.id].origin})"))
                continue
            seen_here[e.id] = e
            by_id.pop(e.id, None)  # a replacing entry takes the replaced one's place at the end
            by_id[e.id] = e
    return list(by_id.values())


def _with_services(q: Question, services: Iterable[m.Service]) -> Question:
    order = {c: i for i, c in enumerate(m.CATEGORIES)}
    ordered = sorted(services, key=lambda s: (order.get(s.category, 99), s.id))
    return replace(q, choices=tuple(Choice(s.id, s.name, s.category) for s in ordered))


def build(catalog: m.Catalog) -> tuple[Wizard, list[Problem]]:
    """The wizard, and every cross-file problem found (empty when the data is sound)."""
    problems: list[Problem] = []
    questions = _merged(catalog.raw, "questions", problems)
    rules = _merged(catalog.raw, "rules", problems)
    questions = [_with_services(q, catalog.services.values()) if q.choices_from == "services" else q for q in questions]
    # The service question comes first whatever file order says: everything depends on it.
    questions.sort(key=lambda q: q.id != SERVICE_QUESTION)
    wiz = Wizard(tuple(questions), tuple(rules))
    if not questions and not rules:
        return wiz, problems  # a catalog without a wizard (e.g. a bare overlay check)
    problems += _check_references(wiz, catalog)
    if not problems:
        problems += _check_reachable(wiz)
    return wiz, problems


def _problem(origin: m.Origin, field: str, message: str) -> Problem:
    return Problem(origin.file, origin.line, field, message)


def _check_condition(
    c: cond.Condition | None,
    known: Mapping[str, Question],
    origin: m.Origin,
    field: str,
    earlier: set[str] | None,
    choice_values: Mapping[str, frozenset[str]],
) -> list[Problem]:
    out: list[Problem] = []
    for qid in dict.fromkeys(cond.questions_in(c)):
        if qid not in known:
            out.append(_problem(origin, field, f"unknown question id {qid!r}"))
        elif earlier is not None and qid not in earlier:
            out.append(_problem(origin, field, f"question {qid!r} is not asked before this one (a condition reads earlier answers only)"))
    for qid, value in cond.literals(c):
        q = known.get(qid)
        if q is None:
            continue
        if q.type == "select" and (not isinstance(value, str) or value not in choice_values[qid]):
            out.append(_problem(origin, field, f"{value!r} is not a choice of question {qid!r}"))
        elif q.type == "confirm" and not isinstance(value, bool):
            out.append(_problem(origin, field, f"question {qid!r} is yes/no: compare with true or false, not {value!r}"))
        elif q.type == "number" and (isinstance(value, bool) or not isinstance(value, int)):
            out.append(_problem(origin, field, f"question {qid!r} takes numbers, not {value!r}"))
    return out


def _placeholders(t: m.Text | None) -> set[str]:
    if t is None:
        return set()
    return set(PLACEHOLDER_RE.findall(t.zh_hans + " " + t.en + " " + (t.zh_hant or "")))


def _check_references(wiz: Wizard, catalog: m.Catalog) -> list[Problem]:
    out: list[Problem] = []
    known = {q.id: q for q in wiz.questions}
    # a set per select question: the service question has one choice per service, and scanning
    # them for every literal a condition names would cost services x literals
    choice_values = {q.id: frozenset(ch.value for ch in q.choices) for q in wiz.questions if q.type == "select"}
    if SERVICE_QUESTION not in known:
        out.append(Problem("catalog/questions.yaml", 0, "questions", f"no question with id {SERVICE_QUESTION!r} (the first question)"))
    earlier: set[str] = set()
    for i, q in enumerate(wiz.questions):
        out += _check_condition(q.when, known, q.origin, f"questions.{q.id}.when", earlier, choice_values)
        if q.type == "select" and not q.choices and q.choices_from is None:
            out.append(_problem(q.origin, f"questions.{q.id}.choices", "no choices"))
        earlier.add(q.id)
    for r in wiz.rules:
        out += _check_condition(r.when, known, r.origin, f"rules.{r.id}.when", None, choice_values)
        for sid in r.services:
            if sid not in catalog.services:
                out.append(_problem(r.origin, f"rules.{r.id}.services", f"unknown service {sid!r}"))
        texts = [r.channel.why if r.channel else None] + [it.text for it in r.items]
        for name in sorted(set().union(*(_placeholders(t) for t in texts))):
            if name not in known:
                out.append(_problem(r.origin, f"rules.{r.id}", f"placeholder {{{name}}} names no question"))
    return out


def lint(catalog: m.Catalog) -> list[Problem]:
    """Problems `hanban validate` reports but loading tolerates: services without rules."""
    wiz, problems = build(catalog)
    if problems or not wiz.questions:
        return problems
    covered = {sid for r in wiz.rules for sid in r.services}
    return [
        _problem(s.origin, f"services[{sid}]", "the service has no wizard rules (add at least one to rules.yaml)")
        for sid, s in catalog.services.items()
        if sid not in covered
    ]


def _check_reachable(wiz: Wizard) -> list[Problem]:
    # Walks one representative per class of services the conditions cannot tell apart (see
    # flow.service_representatives), so it costs the same for 66,000 services as for 33.
    from hanban.flow import reachable_questions

    seen = reachable_questions(wiz)
    return [
        _problem(q.origin, f"questions.{q.id}.when", "unreachable: no combination of earlier answers makes this question asked")
        for q in wiz.questions
        if q.id not in seen
    ]


def load_wizard(catalog: m.Catalog) -> Wizard:
    """The checked wizard of a loaded catalog; raise CatalogError if its data is unsound."""
    wiz, problems = build(catalog)
    if problems:
        raise CatalogError(problems)
    return wiz
