"""Rich output for terminals. The only module (besides the CLI's console) that draws with rich."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from hanban import model as m
from hanban.i18n import ui
from hanban.model import Lang
from hanban.render.plain import channel_state, cites, grouped_documents, measure_name, source_label

STATUS_STYLE = {"nationwide": "green", "pilot": "yellow", "exploring": "magenta", "not_stated": "dim"}


def status_text(c: m.Channel, lang: Lang, short: bool = False) -> Text:
    if not c.available:
        return Text(ui("not_stated", lang), style="dim")
    if short and c.status == "not_stated":
        return Text(ui("available_short", lang), style="green")
    return Text(channel_state(c, lang), style=STATUS_STYLE.get(c.status, ""))


NARROW = 72  # below this many columns the five-column table has no room for names or channels


def list_table(services: list[m.Service], lang: Lang, width: int | None = None) -> Table:
    """id, name, and the three channels with their status; one block per service when narrow."""
    if width is not None and width < NARROW:
        blocks = Table.grid(padding=(0, 0, 1, 0))
        blocks.add_column(overflow="fold")
        for s in services:
            block = Text(s.id, style="cyan")
            block.append("\n" + s.name.get(lang))
            for name in m.CHANNELS:
                block.append(f"\n  {ui(name, lang)}: ")
                block.append_text(status_text(s.channels[name], lang, short=True))
            blocks.add_row(block)
        return blocks
    table = Table(show_lines=False, expand=False)
    table.add_column(ui("id", lang), style="cyan", no_wrap=True)
    table.add_column(ui("name", lang))
    for name in m.CHANNELS:
        table.add_column(ui(name, lang))
    for s in services:
        table.add_row(s.id, s.name.get(lang), *(status_text(s.channels[n], lang, short=True) for n in m.CHANNELS))
    return table


def measures_table(catalog: m.Catalog, lang: Lang) -> Table:
    table = Table()
    table.add_column("#", justify="right")
    table.add_column(ui("title", lang))
    table.add_column(ui("part", lang))
    table.add_column(ui("status", lang))
    for x in catalog.measures.values():
        table.add_row(str(x.number), x.title.get(lang), ui(x.part, lang), Text(ui(x.status, lang), style=STATUS_STYLE.get(x.status, "")))
    return table


def print_service(console: Console, s: m.Service, catalog: m.Catalog, lang: Lang) -> None:
    """One service in full: channels, documents, where to go, notes, numbered sources."""
    numbers = {src: i for i, src in enumerate(s.all_sources(), 1)}
    head = Text()
    head.append(s.summary.get(lang) + cites(s.sources, numbers) + "\n\n")
    head.append(f"{ui('audience', lang)}: ", style="bold")
    head.append(", ".join(ui(a, lang) for a in s.audience))
    head.append(f"   {ui('as_of', lang)}: ", style="bold")
    head.append(s.as_of)
    if s.measures:
        head.append(f"\n{ui('measures', lang)}: ", style="bold")
        head.append("; ".join(measure_name(catalog, n, lang) for n in s.measures))
    head.append(f"\n{ui('defined_in', lang)}: {s.origin}", style="dim")

    channels = Table(box=None, show_header=False, pad_edge=False)
    channels.add_column(style="bold", no_wrap=True)
    channels.add_column(no_wrap=True)
    channels.add_column()
    for name in m.CHANNELS:
        c = s.channels[name]
        detail = [cond.get(lang) for cond in c.conditions]
        if c.regions:
            detail.append(f"{ui('regions', lang)}: " + ", ".join(
                catalog.regions[r].name.get(lang) if r in catalog.regions else r for r in c.regions))
        if not c.available:
            detail = [ui("check_local", lang)]
        channels.add_row(ui(name, lang), status_text(c, lang), escape("\n".join(detail)) + cites(c.sources, numbers))

    docs = Text()
    groups = grouped_documents(s)
    if not groups["required"]:
        docs.append(f"{ui('bring', lang)}: ", style="bold")
        docs.append(ui("bring_not_stated", lang) + "\n")
    for key, label in (("required", "bring"), ("may_be_exempt", "may_be_exempt"), ("exempt", "exempt"), ("not_stated", "doc_not_stated")):
        if groups[key]:
            docs.append(ui(label, lang) + "\n", style="bold")
            for d in groups[key]:
                note = f" — {d.note.get(lang)}" if d.note else ""
                docs.append(f"  • {d.name.get(lang)}{note}{cites(d.sources, numbers)}\n")

    where = Text()
    if not s.where:
        where.append(ui("where_not_stated", lang) + "\n")
    for pid in s.where:
        p = catalog.places.get(pid)
        if p:
            where.append(f"  • {p.name.get(lang)}", style="bold")
            where.append(f": {p.description.get(lang)}\n")

    parts: list[object] = [head, Text(""), _heading(ui("channels", lang)), channels, Text(""),
                           _heading(ui("documents", lang)), docs, _heading(ui("where", lang)), where]
    for key, facts in (("steps", s.steps), ("notes", s.notes)):
        if facts:
            body = Text()
            for i, f in enumerate(facts, 1):
                body.append(f"  {i}. " if key == "steps" else "  • ")
                body.append(f.text.get(lang) + cites(f.sources, numbers) + "\n")
            parts += [_heading(ui(key, lang)), body]
    if s.figures:
        body = Text()
        for fig in s.figures:
            body.append(f"  • {fig.text.get(lang)} ")
            body.append(f"({ui('as_of', lang)} {fig.as_of})", style="dim")
            body.append(cites(fig.sources, numbers) + "\n")
        parts += [_heading(ui("figures", lang)), body]
    src = Text()
    for source, i in numbers.items():
        src.append(f"  [{i}] ", style="bold")
        src.append(source_label(source, catalog, lang), style="cyan")
        src.append(f": “{source.quote}”\n", style="dim")
    parts += [_heading(ui("sources", lang)), src]
    title = Text(f"{s.name.get(lang)} ", style="bold")
    title.append(f"({s.id})", style="cyan")
    console.print(Panel(Group(*parts), title=title, title_align="left"))  # type: ignore[arg-type]


def _heading(label: str) -> Text:
    return Text(label, style="bold underline")
