"""The small declarative `when` language, evaluated over answers. No eval, no templates.

A condition is a mapping with exactly one operator:

    {equals: {nationality: foreign}}              every listed answer equals its value
    {equals: {hukou_province: {answer: live_province}}}   two answers are equal
    {in: {service: [id-card-lost-reissue, id-card-first-application]}}
    {not: CONDITION}
    {all: [CONDITION, ...]}
    {any: [CONDITION, ...]}

An answer that was not given (the question was not asked) equals nothing and is in nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

Value = str | int | bool
OPERATORS = ("equals", "in", "not", "all", "any")


@dataclass(frozen=True)
class AnswerRef:
    """The value of another answer, for comparing two answers."""

    question: str


@dataclass(frozen=True)
class Equals:
    question: str
    value: Value | AnswerRef


@dataclass(frozen=True)
class In:
    question: str
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Not:
    operand: Condition


@dataclass(frozen=True)
class All:
    operands: tuple[Condition, ...]


@dataclass(frozen=True)
class Any_:
    operands: tuple[Condition, ...]


Condition = Equals | In | Not | All | Any_
PathKey = tuple[str | int, ...]


class ConditionSyntaxError(ValueError):
    """A malformed condition; `path` is relative to the condition's own position, `key` and
    `params` the problem in the string table (the message, in English, is the exception's text)."""

    def __init__(self, path: PathKey, key: str, /, **params: object) -> None:
        from hanban.strings import render

        self.path = path
        self.key = key
        self.params = params
        super().__init__(render(key, "en", **params))


def _is_value(v: Any) -> bool:
    return isinstance(v, (str, int, bool)) and not (isinstance(v, str) and not v.strip())


def parse(raw: Any, path: PathKey = ()) -> Condition:
    """Parse a raw YAML condition; raise ConditionSyntaxError naming the offending path."""
    if not isinstance(raw, dict) or len(raw) != 1:
        raise ConditionSyntaxError(path, "problem.cond.shape", ops=OPERATORS)
    (op, arg), = raw.items()
    here = path + (str(op),)
    if op == "equals":
        if not isinstance(arg, dict) or not arg:
            raise ConditionSyntaxError(here, "problem.cond.equals")
        parts: list[Condition] = []
        for qid, value in arg.items():
            if isinstance(value, dict) and set(value) == {"answer"} and isinstance(value["answer"], str):
                parts.append(Equals(str(qid), AnswerRef(value["answer"])))
            elif _is_value(value):
                parts.append(Equals(str(qid), value))
            else:
                raise ConditionSyntaxError(here + (str(qid),), "problem.cond.equals_value")
        return parts[0] if len(parts) == 1 else All(tuple(parts))
    if op == "in":
        if not isinstance(arg, dict) or len(arg) != 1:
            raise ConditionSyntaxError(here, "problem.cond.in")
        (qid, values), = arg.items()
        if not isinstance(values, list) or not values or not all(_is_value(v) for v in values):
            raise ConditionSyntaxError(here + (str(qid),), "problem.cond.in_values")
        return In(str(qid), tuple(values))
    if op == "not":
        return Not(parse(arg, here))
    if op in ("all", "any"):
        if not isinstance(arg, list) or not arg:
            raise ConditionSyntaxError(here, "problem.cond.list", op=op)
        operands = tuple(parse(c, here + (i,)) for i, c in enumerate(arg))
        return All(operands) if op == "all" else Any_(operands)
    raise ConditionSyntaxError(path, "problem.cond.unknown_op", op=op, ops=OPERATORS)


def _same(a: Any, b: Any) -> bool:
    # True == 1 in Python; answers of different types are never equal here.
    return type(a) is type(b) and a == b


def holds(cond: Condition | None, answers: Mapping[str, Any]) -> bool:
    """Whether `cond` holds for `answers`; no condition always holds."""
    if cond is None:
        return True
    if isinstance(cond, Equals):
        if cond.question not in answers:
            return False
        if isinstance(cond.value, AnswerRef):
            return cond.value.question in answers and _same(answers[cond.question], answers[cond.value.question])
        return _same(answers[cond.question], cond.value)
    if isinstance(cond, In):
        return cond.question in answers and any(_same(answers[cond.question], v) for v in cond.values)
    if isinstance(cond, Not):
        return not holds(cond.operand, answers)
    if isinstance(cond, All):
        return all(holds(c, answers) for c in cond.operands)
    return any(holds(c, answers) for c in cond.operands)


def might_hold(cond: Condition | None, answers: Mapping[str, Any], pending: frozenset[str]) -> bool | None:
    """Three-valued evaluation: True/False, or None when it depends on a `pending` answer."""
    if cond is None:
        return True
    if isinstance(cond, (Equals, In)):
        refs = set(questions_in(cond))
        if refs & pending:
            return None
        return holds(cond, answers)
    if isinstance(cond, Not):
        inner = might_hold(cond.operand, answers, pending)
        return None if inner is None else not inner
    results = [might_hold(c, answers, pending) for c in cond.operands]
    if isinstance(cond, All):
        if any(r is False for r in results):
            return False
        return True if all(r is True for r in results) else None
    if any(r is True for r in results):
        return True
    return False if all(r is False for r in results) else None


def questions_in(cond: Condition | None) -> Iterator[str]:
    """Every question id a condition reads (with repeats)."""
    if cond is None:
        return
    if isinstance(cond, Equals):
        yield cond.question
        if isinstance(cond.value, AnswerRef):
            yield cond.value.question
    elif isinstance(cond, In):
        yield cond.question
    elif isinstance(cond, Not):
        yield from questions_in(cond.operand)
    else:
        for c in cond.operands:
            yield from questions_in(c)


def literals(cond: Condition | None) -> Iterator[tuple[str, Value]]:
    """Every (question id, literal value) a condition compares against."""
    if cond is None:
        return
    if isinstance(cond, Equals):
        if not isinstance(cond.value, AnswerRef):
            yield cond.question, cond.value
    elif isinstance(cond, In):
        for v in cond.values:
            yield cond.question, v
    elif isinstance(cond, Not):
        yield from literals(cond.operand)
    else:
        for c in cond.operands:
            yield from literals(c)


def compared_pairs(cond: Condition | None) -> Iterator[tuple[str, str]]:
    """Pairs of question ids compared with each other ({answer: ...})."""
    if cond is None:
        return
    if isinstance(cond, Equals):
        if isinstance(cond.value, AnswerRef):
            yield cond.question, cond.value.question
    elif isinstance(cond, Not):
        yield from compared_pairs(cond.operand)
    elif isinstance(cond, (All, Any_)):
        for c in cond.operands:
            yield from compared_pairs(c)


def to_data(cond: Condition | None) -> Any:
    """The condition back as plain data (for `hanban questions --json`)."""
    if cond is None:
        return None
    if isinstance(cond, Equals):
        v = {"answer": cond.value.question} if isinstance(cond.value, AnswerRef) else cond.value
        return {"equals": {cond.question: v}}
    if isinstance(cond, In):
        return {"in": {cond.question: list(cond.values)}}
    if isinstance(cond, Not):
        return {"not": to_data(cond.operand)}
    key = "all" if isinstance(cond, All) else "any"
    return {key: [to_data(c) for c in cond.operands]}


def describe(cond: Condition | None) -> str:
    """A short one-line rendering: service in [a, b] and not (x = y)."""
    if cond is None:
        return "always"
    if isinstance(cond, Equals):
        v = f"answer {cond.value.question}" if isinstance(cond.value, AnswerRef) else _show(cond.value)
        return f"{cond.question} = {v}"
    if isinstance(cond, In):
        return f"{cond.question} in [{', '.join(_show(v) for v in cond.values)}]"
    if isinstance(cond, Not):
        return f"not ({describe(cond.operand)})"
    joiner = " and " if isinstance(cond, All) else " or "
    return "(" + joiner.join(describe(c) for c in cond.operands) + ")"


def _show(v: Value) -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    return str(v)
