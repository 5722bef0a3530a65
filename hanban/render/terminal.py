"""Rich output for terminals. The only module (besides the CLI's console) that draws with rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from hanban.catalog import model as m
from hanban.catalog.store import Catalog
from hanban.render.views import ServiceView, channel_state, where_not_stated
from hanban.render.wrap import Hanging, titled_panel
from hanban.strings import Lang, labeled, word

if TYPE_CHECKING:
    from hanban.catalog.changes import Change

STATUS_STYLE = {"nationwide": "green", "pilot": "yellow", "exploring": "magenta", "not_stated": "dim", "unavailable": "dim"}


def status_text(c: m.Channel, lang: Lang, short: bool = False) -> Text:
    """The verdict for anyone (`channel_state`), styled; `short`: "yes" where how widely is not said."""
    if short and c.available and c.status == "not_stated":
        return Text(word("show.available_short", lang), style="green")
    return Text(channel_state(c, lang), style=STATUS_STYLE.get(c.status if c.available else "not_stated", ""))


NARROW = 72  # below this many columns the five-column table has no room for names or channels


def _name(s: m.Service, lang: Lang, today: str) -> Text:
    """The service's name, marked when it is past its last day (`list --all`)."""
    name = Text(s.name.get(lang))
    if m.expired(s.validity, today):
        name.stylize("dim strike")
        name.append(" " + word("show.flag", lang, note=word("age.expired", lang, date=s.validity.valid_until)).strip(), style="red")  # type: ignore[union-attr]
    elif today:
        from hanban.catalog.age import soonest_end

        end = soonest_end(s, today)
        if end is not None:
            name.append(" " + word("show.flag", lang, note=word("list.ends", lang, date=end)).strip(), style="yellow")
    return name


def list_table(services: list[m.Service], lang: Lang, width: int | None = None, today: str = "") -> Table:
    """id, name, and the three channels with their status; one block per service when narrow."""
    if width is not None and width < NARROW:
        blocks = Table.grid(padding=(0, 0, 1, 0))
        blocks.add_column(overflow="fold")
        for s in services:
            block = Text(s.id, style="cyan")
            block.append("\n")
            block.append_text(_name(s, lang, today))
            for name in m.CHANNELS:
                block.append(f"\n  {word(f'channel.{name}', lang)}: ")
                block.append_text(status_text(s.channels[name], lang, short=True))
            blocks.add_row(block)
        return blocks
    # The name takes the room: the id goes under it (an id is as long as 27 columns, and a column
    # of its own squeezed the name to "No-criminal-re…"), and the channels' columns are as wide as
    # their words ("nationwide", "not stated"), never cut.
    table = Table(show_lines=False, expand=False)
    table.add_column(word("table.name_id", lang), ratio=1, min_width=16, overflow="fold")
    for name in m.CHANNELS:
        table.add_column(word(f"table.{name}", lang), no_wrap=True)
    for s in services:
        cell = _name(s, lang, today)
        cell.append("\n" + s.id, style="cyan")
        table.add_row(cell, *(status_text(s.channels[n], lang, short=True) for n in m.CHANNELS))
    return table


def measures_table(catalog: Catalog, lang: Lang) -> Table:
    table = Table()
    table.add_column("#", justify="right")
    table.add_column(word("table.title", lang))
    table.add_column(word("table.part", lang))
    table.add_column(word("table.status", lang))
    for x in catalog.measures.values():
        status = Text(word(f"status.{x.status}", lang), style=STATUS_STYLE.get(x.status, ""))
        table.add_row(str(x.number), x.title.get(lang), word(f"part.{x.part}", lang), status)
    return table


def _pair(label: str, value: str, lang: Lang) -> Text:
    text = Text(labeled(label, "", lang), style="bold")
    text.append(value, style="")
    return text


def _head(v: ServiceView, lang: Lang, narrow: bool) -> list[RenderableType]:
    """Status, summary, audience, dates, measures and where it is defined."""
    parts: list[RenderableType] = []
    if v.status:
        parts += [Hanging(Text("⚠ ", style="bold red"), Text(v.status, style="bold red")), Text()]
    parts += [Hanging("", v.summary), Text()]
    pairs = [_pair(*p, lang) for p in (v.category, v.audience, v.as_of, v.reviewed_on) if p]
    if narrow:
        parts += [Hanging("", p) for p in pairs]
    else:
        parts.append(Hanging("", Text("   ").join(pairs)))
    if v.age_warning:
        parts.append(Hanging(Text("⚠ ", style="yellow"), Text(v.age_warning, style="yellow")))
    if v.measures:
        parts.append(Hanging(Text(labeled(v.measures[0], "", lang), style="bold"), v.measures[1]))
    if v.defined_in:
        parts.append(Hanging(Text(labeled(v.defined_in[0], "", lang), style="dim"), Text(v.defined_in[1], style="dim")))
    return parts


def print_service(console: Console, v: ServiceView, lang: Lang) -> None:
    """One service in full: channels, documents, where to go, notes, numbered sources."""
    narrow = console.width < NARROW
    channels = Table(box=None, show_header=False, pad_edge=False)
    channels.add_column(style="bold", no_wrap=True)
    channels.add_column(no_wrap=not narrow)
    if not narrow:
        channels.add_column()
    for row in v.channels:
        detail = row.conditions + ([row.regions] if row.regions else [])
        state = row.state
        if row.status == "unavailable" and not narrow:
            detail, state = [row.state], word("status.not_stated", lang)
        if row.cites:  # the citations after the last detail (or alone)
            detail = [*detail[:-1], detail[-1] + row.cites] if detail else [row.cites]
        details = [Hanging("", d) for d in detail]
        if narrow:  # the state, then its conditions under it: no third column to squeeze
            channels.add_row(row.label, Group(Hanging("", Text(state, style=STATUS_STYLE.get(row.status, ""))), *details))
        else:
            channels.add_row(row.label, Text(state, style=STATUS_STYLE.get(row.status, "")), Group(*details))

    docs: list[RenderableType] = []
    for group in v.documents:
        docs.append(Hanging("", Text(group.label, style="bold" if group.lines else "")))
        docs += [Hanging("  • ", line) for line in group.lines]
    where: list[RenderableType] = [Hanging("  • ", line) for line in v.where.lines] or [Hanging("", where_not_stated(lang))]

    parts: list[RenderableType] = [*_head(v, lang, narrow), Text(""), _heading(v.channels_heading), channels, Text(""),
                                   _heading(v.documents_heading), *docs, Text(""), _heading(v.where.label), *where]
    for facts, numbered in ((v.steps, True), (v.notes, False)):
        if facts is not None:
            parts += [Text(""), _heading(facts.label)]
            parts += [Hanging(f"  {i}. " if numbered else "  • ", line) for i, line in enumerate(facts.lines, 1)]
    if v.figures:
        parts += [Text(""), _heading(v.figures_heading)]
        for text, when in v.figures:
            body = Text(text + " ")
            body.append(when, style="dim")
            parts.append(Hanging("  • ", body))
    parts += [Text(""), _heading(v.sources_heading)]
    for i, label, quote in v.sources:
        body = Text(label, style="cyan")
        if quote:  # an outside page is cited, never quoted
            body.append(labeled("", f"“{quote}”", lang), style="dim")
        parts.append(Hanging(Text(f"  [{i}] ", style="bold"), body))
    title = Text(f"{v.name} ", style="bold")
    title.append(f"({v.id})", style="cyan")
    console.print(titled_panel(parts, title, console.width))


def _heading(label: str) -> Hanging:
    return Hanging("", Text(label, style="bold underline"))


CHANGE_STYLE = {("from", "past"): "green", ("from", "future"): "cyan", ("until", "past"): "red", ("until", "future"): "yellow"}


def change_lines(found: list[Change], catalog: Catalog, lang: Lang, today: str) -> list[Hanging]:
    """One wrapped line per change: the date and what happened, coloured, then the service and fact."""
    from hanban.render.plain import change_words

    out = []
    for c in found:
        date, happened, text = change_words(c, catalog, lang, today)
        head = Text(f"{date} ", style="bold")
        head.append(f"{happened} ", style=CHANGE_STYLE[(c.event, "future" if c.date > today else "past")])
        out.append(Hanging(head, Text(text)))
    return out
