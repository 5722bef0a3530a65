"""Plain text for pipes and dumb terminals: no colour, no box drawing, one fact a line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hanban.catalog import model as m
from hanban.catalog.store import Catalog
from hanban.errors import field
from hanban.render.views import ServiceView, list_state, where_not_stated
from hanban.strings import Lang, labeled, word

if TYPE_CHECKING:
    from hanban.catalog.changes import Change


def row(*fields: str) -> str:
    """One tab-separated line; each field escaped (`errors.field`) so it can never add a column or a row."""
    return "\t".join(field(f) for f in fields)


def list_line(s: m.Service, lang: Lang, today: str) -> str:
    """One tab-separated line per service: id, name, then channel=status for each channel (and
    expired=DATE for a service past its last day, listed by `list --all`; ends=DATE when a fact of it
    is announced to end within 60 days)."""
    states = [f"{name}={list_state(s.channels[name])}" for name in m.CHANNELS]
    if m.expired(s.validity, today):
        states.append(f"expired={s.validity.valid_until}")  # type: ignore[union-attr]
    else:
        from hanban.catalog.age import soonest_end

        end = soonest_end(s, today)
        if end is not None:
            states.append(f"ends={end}")  # something in it is announced to end within 60 days
    return row(s.id, s.name.get(lang), *states)


def measure_lines(catalog: Catalog, lang: Lang) -> list[str]:
    """One tab-separated line per measure: number, title, part, status, services."""
    return [row(str(x.number), x.title.get(lang), x.part, x.status, ",".join(x.services)) for x in catalog.measures.values()]


def show_lines(v: ServiceView, lang: Lang) -> list[str]:
    """The whole service as plain text lines."""
    def pair(p: tuple[str, str]) -> str:
        return labeled(p[0], p[1], lang)

    def head(label: str) -> str:
        return labeled(label, "", lang).rstrip()

    out = [f"{v.name} ({v.id})", ""]
    if v.status:
        out += [v.status, ""]
    out += [v.summary, ""]
    out.append(f"{pair(v.category)}    {pair(v.audience)}")
    reviewed = f"    {pair(v.reviewed_on)}" if v.reviewed_on else ""
    defined = f"    {pair(v.defined_in)}" if v.defined_in else ""
    out.append(f"{pair(v.as_of)}{reviewed}{defined}")
    if v.age_warning:
        out.append(v.age_warning)
    if v.measures:
        out.append(pair(v.measures))
    out += ["", head(v.channels_heading)]
    for row in v.channels:
        out.append(f"  {labeled(row.label, row.state, lang)}{row.cites}")
        out += [f"    - {c}" for c in row.conditions]
        if row.regions:
            out.append(f"    {row.regions}")
    out += ["", head(v.documents_heading)]
    for group in v.documents:
        out.append(f"  {head(group.label) if group.lines else group.label}")
        out += [f"    - {line}" for line in group.lines]
    out += ["", head(v.where.label)]
    out += [f"  - {line}" for line in v.where.lines] or [f"  {where_not_stated(lang)}"]
    for facts, numbered in ((v.steps, True), (v.notes, False)):
        if facts is not None:
            out += ["", head(facts.label)]
            out += [f"  {f'{i}.' if numbered else '-'} {line}" for i, line in enumerate(facts.lines, 1)]
    if v.figures:
        out += ["", head(v.figures_heading)]
        out += [f"  - {text} {when}" for text, when in v.figures]
    out += ["", head(v.sources_heading)]
    out += [f"  [{i}] {labeled(label, f'“{quote}”', lang) if quote else label}" for i, label, quote in v.sources]
    return out


def change_words(c: Change, catalog: Catalog, lang: Lang, today: str) -> tuple[str, str, str]:
    """(date, what happened, "service: fact [outlet, date]") of one change, in `lang`."""
    happened = "future" if c.date > today else "past"
    source = next((catalog.seeds[s.file] for s in c.fact.sources if s.file in catalog.seeds), None)
    cited = f" [{source.outlet.get(lang)}{word('punct.comma', lang)}{source.date}]" if source is not None else ""
    fact = c.fact.text.get(lang)
    if c.fact.reported:  # rests only on other outlets: said as reported
        outlets = word("punct.list_sep", lang).join(o.get(lang) for o in m.outlets(c.fact.sources, catalog.seeds))
        fact = word("cl.reported", lang, outlets=outlets, fact=fact)
    return c.date, word(f"changes.{c.event}.{happened}", lang), f"{c.service.name.get(lang)}{word('punct.colon', lang)}{fact}{cited}"


def change_lines(found: list[Change], catalog: Catalog, lang: Lang, today: str) -> list[str]:
    """One tab-separated line per change: date, what happened, the service and the fact."""
    return [row(*change_words(c, catalog, lang, today)) for c in found]
