"""The catalog model: frozen dataclasses, no I/O, no terminal."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Lang = Literal["zh-Hans", "zh-Hant", "en"]
LANGS: tuple[Lang, ...] = ("zh-Hans", "zh-Hant", "en")

CHANNELS = ("one_window", "fully_online", "cross_province")
STATUSES = ("nationwide", "pilot", "exploring", "not_stated")
EXEMPTIONS = ("exempt", "may_be_exempt", "required", "not_stated")
AUDIENCES = ("citizen", "foreigner", "business")
CATEGORIES = (
    "hukou",
    "id-card",
    "residence",
    "certificates",
    "immigration",
    "traffic",
    "security",
    "maritime",
    "business",
    "general",
)
PARTS = ("reform", "service", "supervision")
PLACE_KINDS = ("office", "platform", "app", "mini-program", "hotline")


@dataclass(frozen=True)
class Text:
    """A string in Simplified Chinese and English, optionally Traditional."""

    zh_hans: str
    en: str
    zh_hant: str | None = None

    def get(self, lang: Lang) -> str:
        """The text in `lang`; Traditional is derived from Simplified when not given."""
        if lang == "en":
            return self.en
        if lang == "zh-Hant":
            if self.zh_hant is not None:
                return self.zh_hant
            from hanban.i18n import to_traditional

            return to_traditional(self.zh_hans)
        return self.zh_hans

    def as_dict(self) -> dict[str, str]:
        """All three scripts, Traditional derived where absent."""
        return {"zh-Hans": self.zh_hans, "zh-Hant": self.get("zh-Hant"), "en": self.en}


@dataclass(frozen=True)
class Origin:
    """Where an entry was defined: file and 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Source:
    """A citation: seed file, measure number (1-26) or None, verbatim quote."""

    file: str
    measure: int | None
    quote: str


@dataclass(frozen=True)
class Fact:
    """A statement with its sources."""

    text: Text
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A progress figure and the date it was true."""

    text: Text
    as_of: str
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Channel:
    """One way of getting a service done: one-window, fully online or cross-province."""

    name: str
    available: bool
    status: str
    conditions: tuple[Text, ...] = ()
    regions: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Document:
    """A document a service may ask for, and whether it may be left at home."""

    kind: str | None
    name: Text
    exemption: str
    note: Text | None = None
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Service:
    """One public-security service and everything the sources say about it."""

    id: str
    name: Text
    aliases: Mapping[str, tuple[str, ...]]
    category: str
    audience: tuple[str, ...]
    summary: Text
    measures: tuple[int, ...]
    channels: Mapping[str, Channel]
    documents: tuple[Document, ...]
    where: tuple[str, ...]
    steps: tuple[Fact, ...]
    notes: tuple[Fact, ...]
    figures: tuple[Figure, ...]
    sources: tuple[Source, ...]
    origin: Origin
    as_of: str = ""

    def all_sources(self) -> tuple[Source, ...]:
        """Every source cited anywhere in the service, first-seen order, without repeats."""
        seen: dict[Source, None] = {}
        groups: list[tuple[Source, ...]] = [self.sources]
        groups += [c.sources for c in self.channels.values()]
        groups += [d.sources for d in self.documents]
        groups += [f.sources for f in self.steps + self.notes]
        groups += [f.sources for f in self.figures]
        for group in groups:
            for s in group:
                seen.setdefault(s, None)
        return tuple(seen)


@dataclass(frozen=True)
class Measure:
    """One of the 26 measures of August 2023."""

    number: int
    title: Text
    part: str
    status: str
    summary: Text
    services: tuple[str, ...]
    sources: tuple[Source, ...]
    origin: Origin


@dataclass(frozen=True)
class DocumentKind:
    """A kind of document; measure 16 names seven the reform aims to exempt."""

    id: str
    name: Text
    measure_16: bool
    sources: tuple[Source, ...]
    origin: Origin


@dataclass(frozen=True)
class Place:
    """An office or platform a service sends people to."""

    id: str
    name: Text
    kind: str
    description: Text
    sources: tuple[Source, ...]
    origin: Origin


@dataclass(frozen=True)
class Region:
    """A region the sources name (京津冀, 长三角, 粤港澳大湾区)."""

    id: str
    name: Text
    sources: tuple[Source, ...]
    origin: Origin


@dataclass(frozen=True)
class GlossaryTerm:
    """A Chinese term and its English rendering."""

    term: Text
    note: Text | None
    sources: tuple[Source, ...]
    origin: Origin


@dataclass(frozen=True)
class SeedText:
    """One of the source texts: its file name, outlet and date."""

    file: str
    outlet: str
    date: str
    script: str
    title: str
    origin: Origin


@dataclass(frozen=True)
class Catalog:
    """The whole validated catalog."""

    services: Mapping[str, Service]
    measures: Mapping[int, Measure] = field(default_factory=dict)
    documents: Mapping[str, DocumentKind] = field(default_factory=dict)
    places: Mapping[str, Place] = field(default_factory=dict)
    regions: Mapping[str, Region] = field(default_factory=dict)
    glossary: tuple[GlossaryTerm, ...] = ()
    seeds: Mapping[str, SeedText] = field(default_factory=dict)
    # Wizard data (questions, rules) as (file, raw value) pairs, checked by the flow loader.
    raw: Mapping[str, list[tuple[str, Any]]] = field(default_factory=dict)
