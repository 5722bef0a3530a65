"""The catalog's entries: immutable records (named tuples), no I/O, no terminal.

Every `Text` carries all three scripts: Traditional is derived from Simplified when the catalog
is compiled (`hanban.catalog.hant`), so nothing derives it while a command runs.
"""

import re
from collections.abc import Mapping
from typing import NamedTuple

from hanban.strings import LANGS, Lang

__all__ = ["LANGS", "Lang"]

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # ids: lowercase kebab-case ASCII
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
    "not-covered",  # a common need hanban's sources do not describe: says so, and where it is handled
)
PARTS = ("reform", "service", "supervision")
PLACE_KINDS = ("office", "platform", "app", "mini-program", "hotline")
STRENGTHS = ("official", "state", "other")  # an outside page: a government site, a state outlet, any other outlet


class Text(NamedTuple):
    """A string in Simplified Chinese, English and Traditional Chinese."""

    zh_hans: str
    en: str
    zh_hant: str

    def get(self, lang: Lang) -> str:
        """The text in `lang`."""
        if lang == "en":
            return self.en
        return self.zh_hant if lang == "zh-Hant" else self.zh_hans

    def as_dict(self) -> dict[str, str]:
        """All three scripts, keyed by language tag."""
        return {"zh-Hans": self.zh_hans, "zh-Hant": self.zh_hant, "en": self.en}

    def sentence(self) -> "Text":
        """The English with its first letter a capital, as a line that starts with it reads
        ("Vehicle administration office: ..."); Chinese has no capitals."""
        return self._replace(en=self.en[:1].upper() + self.en[1:])

    @classmethod
    def same(cls, value: str) -> "Text":
        """A text that reads the same in every script (a number, an id)."""
        return cls(value, value, value)

    @classmethod
    def of(cls, scripts: tuple[str, str, str]) -> "Text":
        """From a (zh-Hans, zh-Hant, en) row of the interface string table."""
        return cls(scripts[0], scripts[2], scripts[1])


class Origin(NamedTuple):
    """Where an entry was defined: file and 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


class Source(NamedTuple):
    """A citation: a seed text (file, measure number 1-26 or None, verbatim quote) or an outside
    page (`file` is the page's id in `sources:`, no measure, no quote: the fact citing it says what
    the page supports in our own words; `effective` is the day the page says the change took effect)."""

    file: str
    measure: int | None
    quote: str
    effective: str = ""  # an outside page's citation: the day it says the change took effect ("" when not cited for that)

    # A citation is the same source whatever day it is cited for: one number in a list of sources.
    def __eq__(self, other: object) -> bool:
        return isinstance(other, Source) and self[:3] == other[:3]

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self[:3])


class Validity(NamedTuple):
    """When an entry holds and when a person last checked it against its sources.

    Dates are full ISO dates (YYYY-MM-DD), "" when not given; they compare as strings.
    """

    reviewed_on: str = ""  # when a person last checked it against its source
    valid_from: str = ""  # the first day it holds
    valid_until: str = ""  # the last day it holds
    superseded_by: str = ""  # what replaces it: a service id (for a service), a fact id of the same service (for a fact)

    def expired(self, today: str) -> bool:
        """Whether its last day has passed."""
        return bool(self.valid_until) and today > self.valid_until

    def pending(self, today: str) -> bool:
        """Whether its first day is still to come."""
        return bool(self.valid_from) and today < self.valid_from


def expired(validity: Validity | None, today: str) -> bool:
    """Whether an entry with this validity (None: always valid) is past its last day."""
    return validity is not None and validity.expired(today)


class Fact(NamedTuple):
    """A statement with its sources (and, optionally, an id and the dates it holds)."""

    text: Text
    sources: tuple[Source, ...] = ()
    id: str = ""  # optional: what another fact's `superseded_by` names
    validity: Validity | None = None
    reported: bool = False  # rests only on `other` outlets: said as "reported by ...; check"


class Figure(NamedTuple):
    """A progress figure and the date it was true."""

    text: Text
    as_of: str
    sources: tuple[Source, ...] = ()


class Channel(NamedTuple):
    """One way of getting a service done: one-window, fully online or cross-province."""

    name: str
    available: bool
    status: str
    conditions: tuple[Text, ...] = ()
    regions: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()


class Document(NamedTuple):
    """A document a service may ask for, and whether it may be left at home."""

    kind: str | None
    name: Text | None  # None: the name of its kind (documents.yaml), filled in by `finish_service`
    exemption: str
    note: Text | None = None
    sources: tuple[Source, ...] = ()

    def title(self) -> Text:
        """Its name (a document read through `finish_service` always has one)."""
        return self.name if self.name is not None else Text.same(self.kind or "")


class Service(NamedTuple):
    """One public-security service and everything the sources say about it."""

    id: str
    name: Text
    aliases: Mapping[str, tuple[str, ...]]  # as written in the catalog, by script
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
    hant_aliases: tuple[str, ...] = ()  # the Simplified aliases in Traditional (derived at compile time)
    pinyin: tuple[str, ...] = ()  # pinyin syllables of its Simplified name and aliases (derived at compile time)
    as_of: str = ""  # the newest seed date the service cites (filled in by `finish_service`)
    validity: Validity | None = None
    issues: tuple[str, ...] = ()  # document kinds this service issues or replaces (never one to bring)

    def checked_on(self) -> str:
        """The date its facts are known to hold as of: its newest source, or a later review."""
        reviewed = self.validity.reviewed_on if self.validity is not None else ""
        return max(self.as_of, reviewed, key=date_key)

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

    def names(self) -> list[str]:
        """Every name the service answers to exactly: id, names in every script, aliases."""
        keys = [self.id, self.name.zh_hans, self.name.en, self.name.zh_hant]
        for names in self.aliases.values():
            keys.extend(names)
        keys.extend(self.hant_aliases)
        return keys


class CatalogInfo(NamedTuple):
    """A catalog's identity (its `catalog:` entry): a calendar version and the date its facts are current as of."""

    version: str  # YYYY.MM.DD, with .N for another release on the same day
    as_of: str  # YYYY-MM-DD
    publisher: str
    origin: Origin


class Measure(NamedTuple):
    """One of the 26 measures of August 2023."""

    number: int
    title: Text
    part: str
    status: str
    summary: Text
    services: tuple[str, ...]
    sources: tuple[Source, ...]
    origin: Origin


class DocumentKind(NamedTuple):
    """A kind of document; measure 16 names seven the reform aims to exempt."""

    id: str
    name: Text
    measure_16: bool
    sources: tuple[Source, ...]
    origin: Origin


class PlaceExample(NamedTuple):
    """A figure about a place in one province (Beijing's 394 windows): shown to people who apply there."""

    province: str  # a choice value of the wizard's province questions
    text: Text
    sources: tuple[Source, ...]


class Place(NamedTuple):
    """An office or platform a service sends people to."""

    id: str
    name: Text
    kind: str
    description: Text
    sources: tuple[Source, ...]
    origin: Origin
    url: str | None = None  # its official address: an outside fact, named in catalog/README.md
    examples: tuple[PlaceExample, ...] = ()


class Region(NamedTuple):
    """A region the sources name (京津冀, 长三角, 粤港澳大湾区)."""

    id: str
    name: Text
    sources: tuple[Source, ...]
    origin: Origin


class GlossaryTerm(NamedTuple):
    """A Chinese term and its English rendering."""

    term: Text
    note: Text | None
    sources: tuple[Source, ...]
    origin: Origin
    pinyin: str = ""  # of its Simplified form (made when compiled): `luodiqian` finds 落地签


class SeedText(NamedTuple):
    """A source the catalog cites: one of the seed texts (quoted verbatim) or an outside page
    (cited by outlet, title, date and address, never quoted). Keyed by `file`: the seed's file name,
    or the page's id."""

    file: str
    outlet: Text
    date: str  # a seed: the date of the facts it reports; a page: the day it was published
    script: str  # the language it is written in (zh-Hans, zh-Hant, en, or another code for a page)
    title: str
    origin: Origin
    url: str = ""  # an outside page's address ("" for a seed text)
    strength: str = ""  # an outside page's: official | state | other ("" for a seed text)

    @property
    def is_page(self) -> bool:
        """Whether it is an outside page (not one of the seed texts)."""
        return bool(self.url)


def outlets(sources: tuple[Source, ...], seeds: Mapping[str, SeedText]) -> tuple[Text, ...]:
    """The outlets these sources come from, first-seen order, without repeats ("reported by ...")."""
    return tuple(dict.fromkeys(seeds[s.file].outlet for s in sources if s.file in seeds))


def date_key(date: str) -> str:
    """Sort key for partial ISO dates: '2020' sorts before '2020-05'."""
    return date.ljust(10, " ")
