"""Rich output for terminals. The only module (besides the CLI's console) that draws with rich."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from hanban.catalog import model as m
from hanban.catalog.store import Catalog
from hanban.render.views import ServiceView, channel_state, where_not_stated
from hanban.strings import Lang, word

STATUS_STYLE = {"nationwide": "green", "pilot": "yellow", "exploring": "magenta", "not_stated": "dim", "unavailable": "dim"}


def status_text(c: m.Channel, lang: Lang, short: bool = False) -> Text:
    if not c.available:
        return Text(word("status.not_stated", lang), style="dim")
    if short and c.status == "not_stated":
        return Text(word("show.available_short", lang), style="green")
    return Text(channel_state(c, lang), style=STATUS_STYLE.get(c.status, ""))


NARROW = 72  # below this many columns the five-column table has no room for names or channels


def _name(s: m.Service, lang: Lang, today: str) -> Text:
    """The service's name, marked when it is past its last day (`list --all`)."""
    name = Text(s.name.get(lang))
    if m.expired(s.validity, today):
        name.stylize("dim strike")
        name.append(" " + word("show.flag", lang, note=word("age.expired", lang, date=s.validity.valid_until)).strip(), style="red")  # type: ignore[union-attr]
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
    table = Table(show_lines=False, expand=False)
    table.add_column(word("table.id", lang), style="cyan", no_wrap=True)
    table.add_column(word("table.name", lang))
    for name in m.CHANNELS:
        table.add_column(word(f"channel.{name}", lang))
    for s in services:
        table.add_row(s.id, _name(s, lang, today), *(status_text(s.channels[n], lang, short=True) for n in m.CHANNELS))
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


def _head(v: ServiceView) -> Text:
    """Status, summary, audience, dates, measures and where it is defined."""
    head = Text()
    if v.status:
        head.append(f"⚠ {v.status}\n\n", style="bold red")
    head.append(v.summary + "\n\n")
    head.append(f"{v.audience[0]}: ", style="bold")
    head.append(v.audience[1])
    head.append(f"   {v.as_of[0]}: ", style="bold")
    head.append(v.as_of[1])
    if v.reviewed_on:
        head.append(f"   {v.reviewed_on[0]}: ", style="bold")
        head.append(v.reviewed_on[1])
    if v.age_warning:
        head.append(f"\n⚠ {v.age_warning}", style="yellow")
    if v.measures:
        head.append(f"\n{v.measures[0]}: ", style="bold")
        head.append(v.measures[1])
    head.append(f"\n{v.defined_in[0]}: {v.defined_in[1]}", style="dim")
    return head


def print_service(console: Console, v: ServiceView, lang: Lang) -> None:
    """One service in full: channels, documents, where to go, notes, numbered sources."""
    head = _head(v)

    channels = Table(box=None, show_header=False, pad_edge=False)
    channels.add_column(style="bold", no_wrap=True)
    channels.add_column(no_wrap=True)
    channels.add_column()
    for row in v.channels:
        detail = row.conditions + ([row.regions] if row.regions else [])
        state = row.state
        if row.status == "unavailable":
            detail, state = [row.state], word("status.not_stated", lang)
        channels.add_row(row.label, Text(state, style=STATUS_STYLE.get(row.status, "")), escape("\n".join(detail)) + row.cites)

    docs = Text()
    for group in v.documents:
        if not group.lines:
            label, _, rest = group.label.partition(": ")
            docs.append(f"{label}: ", style="bold")
            docs.append(rest + "\n")
            continue
        docs.append(group.label + "\n", style="bold")
        for line in group.lines:
            docs.append(f"  • {line}\n")

    where = Text()
    if not v.where.lines:
        where.append(where_not_stated(lang) + "\n")
    for line in v.where.lines:
        name, _, desc = line.partition(": ")
        where.append(f"  • {name}", style="bold")
        where.append(f": {desc}\n")

    parts: list[object] = [head, Text(""), _heading(v.channels_heading), channels, Text(""),
                           _heading(v.documents_heading), docs, _heading(v.where.label), where]
    for facts, numbered in ((v.steps, True), (v.notes, False)):
        if facts is not None:
            body = Text()
            for i, line in enumerate(facts.lines, 1):
                body.append(f"  {i}. " if numbered else "  • ")
                body.append(line + "\n")
            parts += [_heading(facts.label), body]
    if v.figures:
        body = Text()
        for text, when in v.figures:
            body.append(f"  • {text} ")
            body.append(when + "\n", style="dim")
        parts += [_heading(v.figures_heading), body]
    src = Text()
    for i, label, quote in v.sources:
        src.append(f"  [{i}] ", style="bold")
        src.append(label, style="cyan")
        src.append(f": “{quote}”\n", style="dim")
    parts += [_heading(v.sources_heading), src]
    title = Text(f"{v.name} ", style="bold")
    title.append(f"({v.id})", style="cyan")
    console.print(Panel(Group(*parts), title=title, title_align="left"))  # type: ignore[arg-type]


def _heading(label: str) -> Text:
    return Text(label, style="bold underline")
