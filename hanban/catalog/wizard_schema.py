"""The schema of the wizard's data in one file: `questions:` and `rules:` (cross-file checks are in
`wizard_checks`)."""

from __future__ import annotations

import re
from typing import Any

from hanban.catalog import conditions as cond
from hanban.catalog import model as m
from hanban.catalog.schema import Checker, kind_of
from hanban.catalog.wizard_model import (
    CHOICES_FROM,
    QUESTION_TYPES,
    RULE_ITEM_KINDS,
    ChannelEffect,
    Choice,
    Question,
    Rule,
    RuleItem,
)
from hanban.catalog.yamlio import PathKey

QUESTION_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def section(c: Checker, key: str, value: Any) -> list[Any]:
    """A file's `questions:` or `rules:` list, typed; problems recorded on the checker."""
    if not isinstance(value, list):
        c.err((key,), "problem.expected_list", got=kind_of(value))
        return []
    build = question if key == "questions" else rule
    out = []
    for i, v in enumerate(value):
        got = build(c, v, (key, i))
        c.keep_refs(None)  # seed and measure references of their sources always count
        if got is not None:
            out.append(got)
    return out


def condition(c: Checker, raw: Any, path: PathKey) -> cond.Condition | None:
    try:
        return cond.parse(raw)
    except cond.ConditionSyntaxError as exc:
        c.err(path + exc.path, exc.key, **exc.params)
        return None


def question(c: Checker, value: Any, path: PathKey) -> Question | None:
    d = c.mapping(
        value, path, ("id", "type", "prompt"), ("help", "choices", "choices_from", "when", "min", "max", "example", "order", "default_from", "place")
    )
    if d is None:
        return None
    qid = c.field(d, "id", path, c.string)
    if qid is not None and not QUESTION_ID_RE.match(qid):
        c.err(path + ("id",), "problem.bad_question_id", value=qid)
        qid = None
    qtype = c.field(d, "type", path, lambda v, p: c.string(v, p, choices=QUESTION_TYPES))
    prompt = c.field(d, "prompt", path, c.text)
    help_ = c.field(d, "help", path, c.text)
    when = condition(c, d["when"], path + ("when",)) if "when" in d else None
    choices: tuple[Choice, ...] = ()
    choices_from = c.field(d, "choices_from", path, lambda v, p: c.string(v, p, choices=CHOICES_FROM))
    if qtype == "select":
        if "choices" in d and "choices_from" in d:
            c.err(path, "problem.choices_and_from")
        elif "choices" not in d and "choices_from" not in d:
            c.err(path, "problem.select_needs_choices")
        elif "choices" in d:
            choices = choice_list(c, d["choices"], path + ("choices",))
    elif "choices" in d or "choices_from" in d:
        c.err(path + ("choices",), "problem.choices_not_select", type=qtype)
    minimum = whole_number(c, d, "min", path) if qtype == "number" else None
    maximum = whole_number(c, d, "max", path) if qtype == "number" else None
    example = d.get("example")
    if example is not None and not isinstance(example, (str, int, bool)):
        c.err(path + ("example",), "problem.expected_plain")
        example = None
    order = c.seq(d.get("order"), path + ("order",), c.ident) if "order" in d else ()
    if order and choices_from != "services":
        c.err(path + ("order",), "problem.order_needs_services")
    default_from = c.field(d, "default_from", path, c.string)
    place = bool(c.field(d, "place", path, c.boolean))
    if place and qtype != "select":
        c.err(path + ("place",), "problem.place_not_select")
    if qid is None or qtype is None or prompt is None:
        return None
    return Question(qid, qtype, prompt, help_, choices, choices_from, when, minimum, maximum, example, c.origin(path), order, default_from, place)


def whole_number(c: Checker, d: dict[str, Any], key: str, path: PathKey) -> int | None:
    if key not in d:
        return None
    v = d[key]
    if isinstance(v, bool) or not isinstance(v, int):
        c.err(path + (key,), "problem.expected_whole_number", value=v)
        return None
    return v


def choice_list(c: Checker, value: Any, path: PathKey) -> tuple[Choice, ...]:
    if not isinstance(value, list) or not value:
        c.err(path, "problem.expected_choice_list")
        return ()
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
            c.err(p + ("value",), "problem.choice_value_not_string", value=val)
            continue
        if c.name_string(val, p + ("value",)) is None:  # a value is typed, and printed, like an id
            continue
        if "label" not in d:
            continue  # reported by mapping(): missing required key 'label'
        label = c.name(d["label"], p + ("label",))
        if val in seen:
            c.err(p + ("value",), "problem.duplicate_choice", value=val)
            continue
        seen.add(val)
        if label is not None:
            out.append(Choice(val, label, c.pinyin(label.zh_hans)))
    return tuple(out)


def rule(c: Checker, value: Any, path: PathKey) -> Rule | None:
    d = c.mapping(value, path, ("id", "services", "sources"), ("when", "channel", "items", "outcome", "stop", "see", "rests_on"))
    if d is None:
        return None
    rid = c.field(d, "id", path, c.ident)
    rests_on = c.field(d, "rests_on", path, c.ident) or ""  # a dated fact of its services: checked by `hanban validate`
    services = c.seq(d.get("services"), path + ("services",), c.ident) if "services" in d else ()
    if "services" in d and not services:
        c.err(path + ("services",), "problem.services_required")
    when = condition(c, d["when"], path + ("when",)) if "when" in d else None
    channel = c.field(d, "channel", path, lambda v, p: channel_effect(c, v, p))
    items = c.seq(d.get("items"), path + ("items",), lambda v, p: rule_item(c, v, p))
    outcome = c.field(d, "outcome", path, c.text)
    stop = bool(c.field(d, "stop", path, c.boolean))
    see = c.id_list(d.get("see"), path + ("see",), "service")
    if "channel" not in d and "items" not in d and "outcome" not in d:
        c.err(path, "problem.rule_needs_effect")
    if stop and "outcome" not in d:
        c.err(path + ("stop",), "problem.stop_needs_outcome")
    sources = c.sources(d.get("sources"), path + ("sources",))
    if rid is None or not services:
        return None
    return Rule(rid, services, when, channel, items, sources, c.origin(path), outcome, stop, see, rests_on)


def channel_effect(c: Checker, value: Any, path: PathKey) -> ChannelEffect | None:
    d = c.mapping(value, path, ("name", "available", "why"), ("status",))
    if d is None:
        return None
    name = c.field(d, "name", path, lambda v, p: c.string(v, p, choices=m.CHANNELS))
    available = d.get("available")
    if "available" in d and available is not None and not isinstance(available, bool):
        c.err(path + ("available",), "problem.expected_true_false_null")
        return None
    status = c.field(d, "status", path, lambda v, p: c.string(v, p, choices=m.STATUSES))
    why = c.field(d, "why", path, c.text)
    if name is None or why is None or "available" not in d:
        return None
    return ChannelEffect(name, available, why, status)


def rule_item(c: Checker, value: Any, path: PathKey) -> RuleItem | None:
    d = c.mapping(value, path, ("kind", "text"))
    if d is None:
        return None
    kind = c.field(d, "kind", path, lambda v, p: c.string(v, p, choices=RULE_ITEM_KINDS))
    text = c.field(d, "text", path, c.text)
    if kind is None or text is None:
        return None
    return RuleItem(kind, text)
