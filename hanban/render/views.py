"""What `show` presents of a service, in the person's language: one view that the terminal (rich)
and plain renderers both draw, each in its own way."""

from __future__ import annotations

from typing import NamedTuple

from hanban.catalog import model as m
from hanban.catalog import verdict as vd
from hanban.catalog.age import Clock, as_of_text, end_note, validity_note, warning
from hanban.catalog.store import Catalog
from hanban.strings import Lang, labeled, word


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
    defined_in: tuple[str, str] | None  # the catalog file and line: only with `show --verbose`
    reviewed_on: tuple[str, str] | None
    age_warning: str | None  # "As of 2023-08-03, 3 years ago: ..." when the facts are stale
    status: str | None  # "This service is expired: in force until ..." / "... not yet in force ..."
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
    """The verdict word for anyone ('nationwide', 'pilot', 'not stated' ...): the one `ask` starts from."""
    return word(vd.word_key(vd.for_anyone(c)), lang)


def list_state(c: m.Channel) -> str:
    """yes | nationwide | pilot | exploring (available), or not_stated (the sources do not say it exists)."""
    v = vd.for_anyone(c)
    if not v.stated:
        return "not_stated"
    return "yes" if v.status == "not_stated" else v.status


def oldest_date(sources: tuple[m.Source, ...], catalog: Catalog) -> str:
    """The date of the oldest of these sources ("" when none is dated)."""
    dates = [catalog.seeds[s.file].date for s in sources if s.file in catalog.seeds and catalog.seeds[s.file].date]
    return min(dates, key=m.date_key) if dates else ""


def measure_name(catalog: Catalog, n: int, lang: Lang) -> str:
    label = word("show.measure", lang, n=n)
    x = catalog.measures.get(n)
    return f"{label} {x.title.get(lang)}" if x else label


def source_label(src: m.Source, catalog: Catalog, lang: Lang) -> str:
    """"People's Daily Online, “公安部发布…26条措施”, 2023-08-03, measure 15": outlet (in the page's
    language), title as published, date, and the measure quoted. An outside page: outlet, title, date
    published and address (it is never quoted). The seed's file name is for checking quotes, not for
    people: it is in `--json` and the validator's messages only."""
    seed = catalog.seeds.get(src.file)
    if seed is not None and seed.is_page:
        title = word("show.title", lang, title=seed.title) if seed.title else word("show.untitled", lang)
        parts = [seed.outlet.get(lang), title, word("show.published", lang, date=seed.date), seed.url]
        return word("punct.comma", lang).join(parts)
    if seed is None:  # (a catalog that cites a text it does not list fails validation)
        return src.file
    parts = [seed.outlet.get(lang), *([word("show.title", lang, title=seed.title)] if seed.title else []), seed.date]
    if src.measure is not None:
        parts.append(word("show.measure", lang, n=src.measure))
    return word("punct.comma", lang).join(parts)


DOCUMENT_GROUPS = (("required", "show.bring"), ("may_be_exempt", "show.may_be_exempt"), ("exempt", "show.exempt"), ("not_stated", "show.doc_not_stated"))


def service_view(s: m.Service, catalog: Catalog, lang: Lang, clock: Clock, *, verbose: bool = False) -> ServiceView:
    """The view of one service in `lang`, as of `clock.today`."""
    numbers = {src: i for i, src in enumerate(s.all_sources(), 1)}
    channels = []
    for name in m.CHANNELS:
        c = s.channels[name]
        regions = None
        if c.regions:
            regions = labeled(word("show.regions", lang), word("punct.list_sep", lang).join(
                catalog.regions[r].name.get(lang) if r in catalog.regions else r for r in c.regions), lang)
        status = c.status if c.available else "unavailable"
        state = channel_state(c, lang)
        conditions = [cond.get(lang) for cond in c.conditions]
        channels.append(ChannelRow(word(f"channel.{name}", lang), state, status, conditions, regions, cites(c.sources, numbers)))
    documents: list[Bullets] = []
    if not any(d.exemption == "required" for d in s.documents):
        documents.append(Bullets(labeled(word("show.bring", lang), word("show.bring_not_stated", lang), lang), []))
    for key, label in DOCUMENT_GROUPS:
        lines = [
            f"{d.title().get(lang)}{' — ' + d.note.get(lang) if d.note else ''}{cites(d.sources, numbers)}"
            for d in s.documents
            if d.exemption == key
        ]
        if lines:
            documents.append(Bullets(word(label, lang), lines))
    places = [catalog.places[p] for p in s.where if p in catalog.places]
    where = Bullets(word("show.where", lang), [labeled(p.name.sentence().get(lang), p.description.get(lang), lang) for p in places])
    if not s.where:
        where = Bullets(word("show.where", lang), [])

    by_id = {f.id: f for f in s.steps + s.notes if f.id}

    def fact_line(f: m.Fact) -> str:
        then = by_id.get(f.validity.superseded_by) if f.validity is not None else None
        note = validity_note(f.validity, clock.today, lang, then.text.get(lang) if then is not None else "") or end_note(f.validity, clock.today, lang)
        text = f.text.get(lang)
        if f.reported:
            outlets = word("punct.list_sep", lang).join(o.get(lang) for o in m.outlets(f.sources, catalog.seeds))
            text = word("cl.reported", lang, outlets=outlets, fact=text)
        line = text + cites(f.sources, numbers)
        return word("show.flag", lang, note=note) + line if note else line

    def facts(key: str, items: tuple[m.Fact, ...]) -> Bullets | None:
        return Bullets(word(key, lang), [fact_line(f) for f in items]) if items else None

    reviewed = s.validity.reviewed_on if s.validity is not None else ""

    return ServiceView(
        id=s.id,
        name=s.name.get(lang),
        summary=s.summary.get(lang) + cites(s.sources, numbers),
        category=(word("show.category", lang), word(f"category.{s.category}", lang)),
        audience=(word("show.audience", lang), word("punct.list_sep", lang).join(word(f"audience.{a}", lang) for a in s.audience)),
        as_of=(word("show.as_of", lang), as_of_text(s.as_of, oldest_date(s.all_sources(), catalog), clock.today, lang)),
        defined_in=(word("show.defined_in", lang), str(s.origin)) if verbose else None,
        reviewed_on=(word("show.reviewed_on", lang), reviewed) if reviewed else None,
        age_warning=warning(s.checked_on(), clock, lang),
        status=service_status(s, catalog, lang, clock.today),
        measures=(word("show.measures", lang), word("punct.item_sep", lang).join(measure_name(catalog, n, lang) for n in s.measures)) if s.measures else None,
        channels_heading=word("show.channels", lang),
        channels=channels,
        documents_heading=word("show.documents", lang),
        documents=documents,
        where=where,
        steps=facts("show.steps", s.steps),
        notes=facts("show.notes", s.notes),
        figures=[(fig.text.get(lang), word("show.figure_as_of", lang, as_of=fig.as_of) + cites(fig.sources, numbers)) for fig in s.figures],
        figures_heading=word("show.figures", lang),
        sources_heading=word("show.sources", lang),
        sources=[(i, source_label(src, catalog, lang), src.quote) for src, i in numbers.items()],
    )


def service_status(s: m.Service, catalog: Catalog, lang: Lang, today: str) -> str | None:
    """'This service is expired: in force until ...; replaced by “...”.' (or not yet in force); None when in force."""
    successor = ""
    if s.validity is not None and s.validity.superseded_by:
        then = catalog.services.get(s.validity.superseded_by)
        successor = f"{then.name.get(lang)} ({then.id})" if then is not None else ""
    note = validity_note(s.validity, today, lang, successor)
    return word("show.service_expired", lang, note=note) if note else None


def where_not_stated(lang: Lang) -> str:
    return word("show.where_not_stated", lang)
