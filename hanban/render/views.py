"""What `show` presents of a service, in the person's language: one view that the terminal (rich)
and plain renderers both draw, each in its own way."""

from __future__ import annotations

from typing import NamedTuple

from hanban.catalog import model as m
from hanban.catalog.store import Catalog
from hanban.strings import Lang, word


class ChannelRow(NamedTuple):
    label: str  # "cross-province service"
    state: str  # "nationwide", "not stated", ...
    status: str  # the status key, for styling: nationwide | pilot | exploring | not_stated | unavailable
    conditions: list[str]
    regions: str | None  # "Regions: 京津冀, ..."
    cites: str  # "[1][3]"


class Bullets(NamedTuple):
    label: str
    lines: list[str]


class ServiceView(NamedTuple):
    id: str
    name: str
    summary: str  # with its citations
    category: tuple[str, str]  # (label, value)
    audience: tuple[str, str]
    as_of: tuple[str, str]
    defined_in: tuple[str, str]
    measures: tuple[str, str] | None
    channels_heading: str
    channels: list[ChannelRow]
    documents_heading: str
    documents: list[Bullets]  # "Bring: not stated ..." comes as a group with no lines
    where: Bullets
    steps: Bullets | None
    notes: Bullets | None
    figures: list[tuple[str, str]]  # (text, "(as of ...)[cites]")
    figures_heading: str
    sources_heading: str
    sources: list[tuple[int, str, str]]  # (number, label, quote)


def cites(sources: tuple[m.Source, ...], numbers: dict[m.Source, int]) -> str:
    """'[1][3]' for the given sources."""
    return "".join(f"[{numbers[s]}]" for s in sources if s in numbers)


def channel_state(c: m.Channel, lang: Lang) -> str:
    """'pilot', 'nationwide', or 'not stated' for a channel."""
    if not c.available:
        return word("status.not_stated", lang)
    return word(f"status.{c.status}", lang) if c.status != "not_stated" else word("show.available", lang)


def list_state(c: m.Channel) -> str:
    """yes | nationwide | pilot | exploring (available), or not_stated (the sources do not say it exists)."""
    if not c.available:
        return "not_stated"
    return "yes" if c.status == "not_stated" else c.status


def measure_name(catalog: Catalog, n: int, lang: Lang) -> str:
    label = word("show.measure", lang, n=n)
    x = catalog.measures.get(n)
    return f"{label} {x.title.get(lang)}" if x else label


def source_label(src: m.Source, catalog: Catalog, lang: Lang) -> str:
    """'000_….txt, measure 15 (People's Daily Online, 2023-08-03)'."""
    label = src.file
    if src.measure is not None:
        label += ", " + word("show.measure", lang, n=src.measure)
    seed = catalog.seeds.get(src.file)
    if seed:
        label += f" ({seed.outlet}, {seed.date})"
    return label


DOCUMENT_GROUPS = (("required", "show.bring"), ("may_be_exempt", "show.may_be_exempt"), ("exempt", "show.exempt"), ("not_stated", "show.doc_not_stated"))


def service_view(s: m.Service, catalog: Catalog, lang: Lang) -> ServiceView:
    """The view of one service in `lang`."""
    numbers = {src: i for i, src in enumerate(s.all_sources(), 1)}
    channels = []
    for name in m.CHANNELS:
        c = s.channels[name]
        regions = None
        if c.regions:
            regions = f"{word('show.regions', lang)}: " + ", ".join(
                catalog.regions[r].name.get(lang) if r in catalog.regions else r for r in c.regions)
        status = c.status if c.available else "unavailable"
        state = channel_state(c, lang) if c.available else word("show.check_local", lang)
        conditions = [cond.get(lang) for cond in c.conditions]
        channels.append(ChannelRow(word(f"channel.{name}", lang), state, status, conditions, regions, cites(c.sources, numbers)))
    documents: list[Bullets] = []
    if not any(d.exemption == "required" for d in s.documents):
        documents.append(Bullets(f"{word('show.bring', lang)}: {word('show.bring_not_stated', lang)}", []))
    for key, label in DOCUMENT_GROUPS:
        lines = [
            f"{d.title().get(lang)}{' — ' + d.note.get(lang) if d.note else ''}{cites(d.sources, numbers)}"
            for d in s.documents
            if d.exemption == key
        ]
        if lines:
            documents.append(Bullets(word(label, lang), lines))
    places = [catalog.places[p] for p in s.where if p in catalog.places]
    where = Bullets(word("show.where", lang), [f"{p.name.get(lang)}: {p.description.get(lang)}" for p in places])
    if not s.where:
        where = Bullets(word("show.where", lang), [])

    def facts(key: str, items: tuple[m.Fact, ...]) -> Bullets | None:
        return Bullets(word(key, lang), [f.text.get(lang) + cites(f.sources, numbers) for f in items]) if items else None

    return ServiceView(
        id=s.id,
        name=s.name.get(lang),
        summary=s.summary.get(lang) + cites(s.sources, numbers),
        category=(word("show.category", lang), s.category),
        audience=(word("show.audience", lang), ", ".join(word(f"audience.{a}", lang) for a in s.audience)),
        as_of=(word("show.as_of", lang), s.as_of),
        defined_in=(word("show.defined_in", lang), str(s.origin)),
        measures=(word("show.measures", lang), "; ".join(measure_name(catalog, n, lang) for n in s.measures)) if s.measures else None,
        channels_heading=word("show.channels", lang),
        channels=channels,
        documents_heading=word("show.documents", lang),
        documents=documents,
        where=where,
        steps=facts("show.steps", s.steps),
        notes=facts("show.notes", s.notes),
        figures=[(fig.text.get(lang), f"({word('show.as_of', lang)} {fig.as_of})" + cites(fig.sources, numbers)) for fig in s.figures],
        figures_heading=word("show.figures", lang),
        sources_heading=word("show.sources", lang),
        sources=[(i, source_label(src, catalog, lang), src.quote) for src, i in numbers.items()],
    )


def where_not_stated(lang: Lang) -> str:
    return word("show.where_not_stated", lang)
