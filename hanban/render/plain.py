"""Plain text for pipes and dumb terminals: no colour, no box drawing, one fact a line."""

from __future__ import annotations

from hanban.catalog import model as m
from hanban.catalog.store import Catalog
from hanban.errors import field
from hanban.render.views import ServiceView, list_state, where_not_stated
from hanban.strings import Lang


def row(*fields: str) -> str:
    """One tab-separated line; each field escaped (`errors.field`) so it can never add a column or a row."""
    return "\t".join(field(f) for f in fields)


def list_line(s: m.Service, lang: Lang, today: str) -> str:
    """One tab-separated line per service: id, name, then channel=status for each channel (and
    expired=DATE for a service past its last day, listed by `list --all`)."""
    states = [f"{name}={list_state(s.channels[name])}" for name in m.CHANNELS]
    if m.expired(s.validity, today):
        states.append(f"expired={s.validity.valid_until}")  # type: ignore[union-attr]
    return row(s.id, s.name.get(lang), *states)


def measure_lines(catalog: Catalog, lang: Lang) -> list[str]:
    """One tab-separated line per measure: number, title, part, status, services."""
    return [row(str(x.number), x.title.get(lang), x.part, x.status, ",".join(x.services)) for x in catalog.measures.values()]


def show_lines(v: ServiceView, lang: Lang) -> list[str]:
    """The whole service as plain text lines."""
    out = [f"{v.name} ({v.id})", ""]
    if v.status:
        out += [v.status, ""]
    out += [v.summary, ""]
    out.append(f"{v.category[0]}: {v.category[1]}    {v.audience[0]}: {v.audience[1]}")
    reviewed = f"    {v.reviewed_on[0]}: {v.reviewed_on[1]}" if v.reviewed_on else ""
    out.append(f"{v.as_of[0]}: {v.as_of[1]}{reviewed}    {v.defined_in[0]}: {v.defined_in[1]}")
    if v.age_warning:
        out.append(v.age_warning)
    if v.measures:
        out.append(f"{v.measures[0]}: {v.measures[1]}")
    out += ["", f"{v.channels_heading}:"]
    for row in v.channels:
        out.append(f"  {row.label}: {row.state}{row.cites}")
        out += [f"    - {c}" for c in row.conditions]
        if row.regions:
            out.append(f"    {row.regions}")
    out += ["", f"{v.documents_heading}:"]
    for group in v.documents:
        out.append(f"  {group.label}" + (":" if group.lines else ""))
        out += [f"    - {line}" for line in group.lines]
    out += ["", f"{v.where.label}:"]
    out += [f"  - {line}" for line in v.where.lines] or [f"  {where_not_stated(lang)}"]
    for facts, numbered in ((v.steps, True), (v.notes, False)):
        if facts is not None:
            out += ["", f"{facts.label}:"]
            out += [f"  {f'{i}.' if numbered else '-'} {line}" for i, line in enumerate(facts.lines, 1)]
    if v.figures:
        out += ["", f"{v.figures_heading}:"]
        out += [f"  - {text} {when}" for text, when in v.figures]
    out += ["", f"{v.sources_heading}:"]
    out += [f"  [{i}] {label}: “{quote}”" for i, label, quote in v.sources]
    return out
