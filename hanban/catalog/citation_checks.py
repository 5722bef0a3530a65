"""Does every citation earn its place? Checks run by `hanban validate` (through `load.full_check`):

- a measure linked to a service (its `measures`, or the measure's `services`) is cited by at least
  one of the service's facts or of its rules' (a link nothing uses sends people to the measure for
  nothing), and the two sides name each other;
- a measure a service's own note or step cites is linked to the service (or listed in
  `CITED_UNLINKED`, with why);
- one quote of one seed is cited under one measure number everywhere (else one checklist numbers
  the same sentence twice);
- no two notes or steps of a service quote the same words of a seed and read alike (they say the same thing);
- a fact's seed quotes share a key term with the fact (`unsupported`): a heuristic, so a citation
  it flags is either fixed or, once a person has read it against the seed and found it sound,
  listed in `REVIEWED` below (its field path, and why).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from hanban.catalog import model as m
from hanban.catalog.wizard_model import Wizard
from hanban.errors import Problem

# Two-character words too common in the catalog's and the seeds' sentences to tie a quote to a fact.
COMMON = frozenset(
    ["公安", "机关", "全国", "推进", "实施", "实现", "加快", "进一步", "办理", "服务", "群众", "推行", "全面", "深化", "持续", "工作", "措施", "相关", "事项", "等事"]
)
# Two texts "read alike" when their Chinese letters match at least this much (difflib's ratio).
SAME_TEXT = 0.5
CJK = re.compile(r"[\u4e00-\u9fff]+")


def check_citations(
    services: Mapping[str, m.Service], measures: Mapping[int, m.Measure], places: Mapping[str, m.Place], wizard: Wizard
) -> list[Problem]:
    """Every citation problem of the catalog (empty when sound)."""
    return (
        _measure_links(services, measures, places, wizard)
        + _one_measure_per_quote(services, measures, wizard)
        + _repeated_notes(services)
        + [p for p in unsupported(services, wizard) if p.field not in REVIEWED]
    )


def _rule_sources(wizard: Wizard, sid: str) -> Iterator[m.Source]:
    for r in wizard.rules_for(sid):
        yield from r.sources


def _measure_links(
    services: Mapping[str, m.Service], measures: Mapping[int, m.Measure], places: Mapping[str, m.Place], wizard: Wizard
) -> list[Problem]:
    problems = []
    for sid, s in services.items():
        where = [src for p in s.where if p in places for src in places[p].sources]  # the checklist cites its places too
        cited = {src.measure for src in (*s.all_sources(), *where, *_rule_sources(wizard, sid)) if src.measure is not None}
        for n in s.measures:
            if n not in cited:
                problems.append(Problem(s.origin.file, s.origin.line, f"services[{sid}].measures", "problem.measure_unused", n=n))
            elif n in measures and sid not in measures[n].services:
                x = measures[n]
                problems.append(Problem(x.origin.file, x.origin.line, f"measures[{n}].services", "problem.measure_one_sided", n=n, service=sid))
        for field, n in _own_citations(s):
            if n not in s.measures and field not in CITED_UNLINKED:
                problems.append(Problem(s.origin.file, s.origin.line, field, "problem.measure_unlinked", n=n))
    for n, x in measures.items():
        for sid in x.services:
            linked = services.get(sid)
            if linked is not None and n not in linked.measures:
                problems.append(Problem(x.origin.file, x.origin.line, f"measures[{n}].services", "problem.measure_one_sided", n=n, service=sid))
    return problems


def _own_citations(s: m.Service) -> Iterator[tuple[str, int]]:
    """(field, measure) of each measure a service's own notes and steps cite."""
    for key, facts in (("notes", s.notes), ("steps", s.steps)):
        for i, f in enumerate(facts):
            for n in sorted({src.measure for src in f.sources if src.measure is not None}):
                yield f"services[{s.id}].{key}[{i}]", n


def _all_cited(services: Mapping[str, m.Service], measures: Mapping[int, m.Measure], wizard: Wizard) -> Iterator[tuple[m.Origin, m.Source]]:
    for s in services.values():
        for src in s.all_sources():
            yield s.origin, src
    for r in wizard.rules:
        for src in r.sources:
            yield r.origin, src
    for x in measures.values():
        for src in x.sources:
            yield x.origin, src


def _one_measure_per_quote(services: Mapping[str, m.Service], measures: Mapping[int, m.Measure], wizard: Wizard) -> list[Problem]:
    first: dict[tuple[str, str], m.Source] = {}
    problems = []
    for origin, src in _all_cited(services, measures, wizard):
        if not src.quote:
            continue
        seen = first.setdefault((src.file, src.quote), src)
        if seen.measure != src.measure:
            problems.append(
                Problem(origin.file, origin.line, "sources.measure", "problem.quote_two_measures", quote=src.quote[:30], a=str(seen.measure), b=str(src.measure))
            )
    return problems


def _repeated_notes(services: Mapping[str, m.Service]) -> list[Problem]:
    """Two notes or steps of one service that rest on the same words of a seed (one quote within
    the other) and read alike say the same thing twice: say it once."""
    problems = []
    for sid, s in services.items():
        facts = [(f"notes[{i}]", f) for i, f in enumerate(s.notes)] + [(f"steps[{i}]", f) for i, f in enumerate(s.steps)]
        for i, (a_field, a) in enumerate(facts):
            for b_field, b in facts[i + 1 :]:
                if same_passage(a.sources, b.sources) and similar(a.text.zh_hans, b.text.zh_hans):
                    problems.append(Problem(s.origin.file, s.origin.line, f"services[{sid}].{b_field}", "problem.same_note", other=a_field))
    return problems


def same_passage(a: Iterable[m.Source], b: Iterable[m.Source]) -> bool:
    """Whether two groups of citations quote the same words of a seed (one quote within the other)."""
    return any(x.file == y.file and x.quote and y.quote and (x.quote in y.quote or y.quote in x.quote) for x in a for y in b)


def similar(a: str, b: str) -> bool:
    """Whether two texts read alike (their Chinese letters, punctuation ignored)."""
    a, b = "".join(CJK.findall(a)) or a, "".join(CJK.findall(b)) or b
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= SAME_TEXT


def key_terms(text: str) -> set[str]:
    """The two-character runs of a Chinese text, but the commonest (a cheap stand-in for words)."""
    out: set[str] = set()
    for run in CJK.findall(text):
        out.update(run[i : i + 2] for i in range(len(run) - 1))
    return out - COMMON


def unsupported(services: Mapping[str, m.Service], wizard: Wizard) -> list[Problem]:
    """Facts (notes, steps, channel conditions, rule outcomes) whose seed quotes share no key term
    with what they support. Quotes in Traditional (seed 002) are read through their Simplified form."""
    problems = []
    for origin, field, text, sources in _facts(services, wizard):
        quotes = [s.quote for s in sources if s.quote]
        if not quotes:
            continue  # outside pages are not quoted; a fact without a seed quote is checked elsewhere
        terms = key_terms(text)
        if not any(terms & key_terms(_simplified(q)) for q in quotes):
            problems.append(Problem(origin.file, origin.line, field, "problem.quote_off_topic"))
    return problems


@lru_cache(maxsize=4096)
def _simplified(text: str) -> str:
    """A quote in Simplified (seed 002 is in Traditional); OpenCC, imported only by `validate`."""
    return str(_t2s().convert(text)) if not text.isascii() else text


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _facts(services: Mapping[str, m.Service], wizard: Wizard) -> Iterable[tuple[m.Origin, str, str, tuple[m.Source, ...]]]:
    for sid, s in services.items():
        base = f"services[{sid}]"
        for key, facts in (("notes", s.notes), ("steps", s.steps)):
            for i, f in enumerate(facts):
                yield s.origin, f"{base}.{key}[{i}]", f.text.zh_hans, f.sources
        for name, c in s.channels.items():
            if c.conditions:
                yield s.origin, f"{base}.channels.{name}", " ".join(t.zh_hans for t in c.conditions), c.sources
    for r in wizard.rules:
        said = [t.zh_hans for t in ([r.outcome] if r.outcome else [])] + [it.text.zh_hans for it in r.items]
        if r.channel is not None:
            said.append(r.channel.why.zh_hans)
        if said:
            yield r.origin, f"rules[{r.id}]", " ".join(said), r.sources


# Notes that cite a measure the service is rightly not linked to: the field, and why.
CITED_UNLINKED: dict[str, str] = {
    "services[id-card-lost-reissue].notes[0]": "quotes measure 15's list to say a lost card's replacement is not on it",
}

# Citations the key-term lint flags that a person has read against the seed and found sound: the
# field, and why (the support is real but worded differently).
REVIEWED: dict[str, str] = {}
