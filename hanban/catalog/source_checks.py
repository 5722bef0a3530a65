"""Checks of what the catalog's facts rest on, across files (run by `hanban validate` and by every
pack made or installed, through `load.full_check`):

- a fact resting only on `other` outlets (neither a government site nor a state outlet) must be
  marked `reported_only`, so that hanban says "reported by ...; check" instead of stating it;
  a fact marked so that has an official or state source is mislabelled;
- a dated fact that rests only on outside pages says, on one citation, the day the page gives
  for the change (`effective`), and it is not valid from before the earliest such day;
- a rule's `rests_on` names a fact of one of its services (the rule holds only while that fact does).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import NamedTuple, Protocol

from hanban.catalog import model as m
from hanban.catalog.wizard_model import Wizard
from hanban.errors import Problem


class Cited(NamedTuple):
    """A group of citations and where it stands: the entry's origin and a field path."""

    origin: m.Origin
    field: str
    sources: tuple[m.Source, ...]
    fact: m.Fact | None = None  # the fact the citations support (a rule's: the fact it rests on)
    rule: bool = False


def check_sources(services: Mapping[str, m.Service], seeds: Mapping[str, m.SeedText], wizard: Wizard) -> list[Problem]:
    """Every problem of what the facts rest on (empty when sound)."""
    problems: list[Problem] = []
    for cited in _cited(services, wizard):
        problems += _strength(cited, seeds)
        if cited.fact is not None and not cited.rule:
            problems += _dates(cited, cited.fact, seeds)
    return problems + _rests_on(services, wizard)


def _cited(services: Mapping[str, m.Service], wizard: Wizard) -> Iterator[Cited]:
    for sid, s in services.items():
        base = f"services[{sid}]"
        yield Cited(s.origin, f"{base}.sources", s.sources)
        for name, c in s.channels.items():
            yield Cited(s.origin, f"{base}.channels.{name}.sources", c.sources)
        for i, d in enumerate(s.documents):
            yield Cited(s.origin, f"{base}.documents[{i}].sources", d.sources)
        for key, facts in (("steps", s.steps), ("notes", s.notes)):
            for i, f in enumerate(facts):
                yield Cited(s.origin, f"{base}.{key}[{i}]", f.sources, f)
        for i, fig in enumerate(s.figures):
            yield Cited(s.origin, f"{base}.figures[{i}].sources", fig.sources)
    for r in wizard.rules:
        # A rule resting on a reported-only fact says so in its outcome: it may rest on what that fact rests on.
        rests = fact_of(services, r.services, r.rests_on) if r.rests_on else None
        yield Cited(r.origin, f"rules[{r.id}].sources", r.sources, rests if rests is not None and rests.reported else None, rule=True)


def _strength(cited: Cited, seeds: Mapping[str, m.SeedText]) -> list[Problem]:
    pages = [seeds[s.file] for s in cited.sources if s.file in seeds and seeds[s.file].is_page]
    weak_only = bool(pages) and len(pages) == len(cited.sources) and all(p.strength == "other" for p in pages)
    origin = cited.origin
    if weak_only and (cited.fact is None or not cited.fact.reported):
        key = "problem.reported_only_needed" if cited.fact is not None else "problem.other_only"
        return [Problem(origin.file, origin.line, cited.field, key, outlets=", ".join(p.outlet.en for p in pages))]
    if cited.fact is not None and cited.fact.reported and not weak_only and not cited.rule:
        return [Problem(origin.file, origin.line, cited.field, "problem.reported_only_strong")]
    return []


def _dates(cited: Cited, fact: m.Fact, seeds: Mapping[str, m.SeedText]) -> list[Problem]:
    start = fact.validity.valid_from if fact.validity is not None else ""
    if not start:
        return []
    origin = cited.origin
    effective = [s.effective for s in fact.sources if s.effective]
    if not effective:
        if fact.sources and all(s.file in seeds and seeds[s.file].is_page for s in fact.sources):
            return [Problem(origin.file, origin.line, cited.field, "problem.effective_needed", start=start)]
        return []
    earliest = min(effective)
    if start < earliest:
        return [Problem(origin.file, origin.line, cited.field + ".valid_from", "problem.before_effective", start=start, effective=earliest)]
    return []


class Services(Protocol):
    def get(self, sid: str, /) -> m.Service | None: ...


def holder_of(services: Services, service_ids: tuple[str, ...], fact_id: str) -> tuple[m.Service, m.Fact] | None:
    """The first of these services with a fact of this id, and the fact."""
    for sid in service_ids:
        s = services.get(sid)
        if s is None:
            continue
        for f in s.steps + s.notes:
            if f.id == fact_id:
                return s, f
    return None


def fact_of(services: Services, service_ids: tuple[str, ...], fact_id: str) -> m.Fact | None:
    """The fact with this id in the first of these services that has one."""
    got = holder_of(services, service_ids, fact_id)
    return got[1] if got is not None else None


def _rests_on(services: Mapping[str, m.Service], wizard: Wizard) -> list[Problem]:
    return [
        Problem(r.origin.file, r.origin.line, f"rules[{r.id}].rests_on", "problem.rests_on_unknown", id=r.rests_on)
        for r in wizard.rules
        if r.rests_on and fact_of(services, r.services, r.rests_on) is None
    ]
