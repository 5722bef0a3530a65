"""The wizard's data: questions and checklist rules, as the catalog defines them (typed, checked).

`choices_from: services` questions (the first question, "what do you need to get done?") hold no
choices of their own: their answers are the catalog's service ids, read from its service store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hanban.catalog import conditions as cond
from hanban.catalog.model import Origin, Source, Text

QUESTION_TYPES = ("select", "confirm", "number", "text")
RULE_ITEM_KINDS = ("where", "bring", "may_be_exempt", "step", "note", "warning", "next")
SERVICE_QUESTION = "service"
CHOICES_FROM = ("services",)

Answer = str | int | bool


@dataclass(frozen=True)
class Choice:
    """One allowed answer of a select question: a stable value and its label."""

    value: str
    label: Text
    pinyin: str = ""  # syllables of its Simplified label (derived at compile time), for typing `henan`


@dataclass(frozen=True)
class Question:
    """A wizard question; asked when its `when` holds over earlier answers."""

    id: str
    type: str
    prompt: Text
    help: Text | None = None
    choices: tuple[Choice, ...] = ()
    choices_from: str | None = None
    when: cond.Condition | None = None
    minimum: int | None = None
    maximum: int | None = None
    example: Answer | None = None
    origin: Origin = Origin("", 0)
    order: tuple[str, ...] = ()  # for `choices_from: services`: the services offered first, in this order
    default_from: str | None = None  # a question whose answer is this one's default (where you live: your hukou)
    place: bool = False  # its answer is the province where the person applies (for where-to-go examples)

    def choice(self, value: Answer) -> Choice | None:
        """The choice with this value, if any."""
        for c in self.choices:
            if c.value == value:
                return c
        return None


@dataclass(frozen=True)
class ChannelEffect:
    """What a rule says about one channel for this person."""

    name: str
    available: bool | None  # None: it depends (e.g. the person is not sure of a date)
    why: Text
    status: str | None = None


@dataclass(frozen=True)
class RuleItem:
    kind: str
    text: Text


@dataclass(frozen=True)
class Rule:
    """Turns answers into checklist lines for some services; cites its sources."""

    id: str
    services: tuple[str, ...]
    when: cond.Condition | None
    channel: ChannelEffect | None
    items: tuple[RuleItem, ...]
    sources: tuple[Source, ...]
    origin: Origin
    outcome: Text | None = None  # the answer to the person, first in the checklist (the last rule that gives one wins)
    stop: bool = False  # the service is not for this person: the checklist is the outcome and `see`, nothing else
    see: tuple[str, ...] = ()  # services to look at instead (ids)
    rests_on: str = ""  # the id of a fact of its services: the rule holds only while that fact is in force


@dataclass(frozen=True)
class Wizard:
    """Questions in asking order (the service question first) and rules in file order."""

    questions: tuple[Question, ...] = ()
    rules: tuple[Rule, ...] = ()

    def question(self, qid: str) -> Question | None:
        return self.by_id().get(qid)

    def by_id(self) -> Mapping[str, Question]:
        return {q.id: q for q in self.questions}

    def rules_for(self, service_id: str) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if service_id in r.services)
