"""The checklist with rich, for terminals: every item a hanging indent (see `render.wrap`)."""

from __future__ import annotations

from rich.console import Console, RenderableType
from rich.text import Text

from hanban.catalog.store import Catalog
from hanban.render.checklist_common import (
    as_of_line,
    cites,
    heading,
    outcome_cites,
    sections,
    see_key,
    see_lines,
    source_line,
    title,
)
from hanban.render.wrap import Hanging, titled_panel
from hanban.strings import Lang
from hanban.wizard.checklist import Checklist, known

KIND_STYLE = {"warning": "yellow", "channel": "", "may_be_exempt": "", "bring": "", "where": "", "step": "", "next": "", "note": ""}
VERDICT_STYLE = {True: "green", False: "red", None: "yellow"}


def _heading(key: str, lang: Lang) -> Hanging:
    return Hanging("", Text(heading(key, lang), style="bold underline"))


def print_checklist(console: Console, cl: Checklist, catalog: Catalog, lang: Lang, age: str | None = None) -> None:
    """The checklist in a panel; `age` is the age warning to show first (None: none)."""
    numbers = cl.numbers()
    parts: list[RenderableType] = [_heading("outcome", lang)]
    body = Text(cl.outcome.text.get(lang), style="bold")
    body.append(outcome_cites(cl, numbers), style="cyan")
    parts.append(Hanging("  ", body))
    if cl.outcome.see:
        parts.append(Hanging("  ", Text(heading(see_key(cl), lang), style="bold")))
        parts += [Hanging("    → ", line) for line in see_lines(cl, catalog, lang)]
    parts.append(Text())
    if age:
        parts += [Hanging(Text("⚠ ", style="yellow"), Text(age, style="yellow")), Text()]
    if cl.answers:
        parts.append(_heading("answers", lang))
        for a in cl.answers:
            body = Text(a.prompt.get(lang) + " ", style="dim")
            body.append(a.label.get(lang), style="bold")
            parts.append(Hanging("  ", body))
        parts.append(Text())
    for kind, items in sections(cl):
        parts.append(_heading(kind, lang))
        for i, it in enumerate(items, 1):
            if kind == "channel":
                v = cl.channels.get(it.channel) if it.channel else None
                lead = Text("  ● ", style="dim" if v is None else VERDICT_STYLE[known(v)])
            elif kind == "step":
                lead = Text(f"  {i}. ")
            elif kind == "warning":
                lead = Text("  ⚠ ", style="yellow")
            else:
                lead = Text("  • ")
            body = Text(it.text.get(lang), style=KIND_STYLE.get(kind, ""))
            body.append(cites(it, numbers), style="cyan")
            parts.append(Hanging(lead, body))
        parts.append(Text())
    parts.append(_heading("sources", lang))
    for s, i in numbers.items():
        parts.append(Hanging(Text(f"  [{i}] ", style="bold cyan"), Text(source_line(s, catalog, lang), style="dim")))
    parts.append(Text())
    parts.append(Text(as_of_line(cl, lang), style="bold"))
    parts.append(Hanging("", Text(heading("disclaimer", lang), style="dim italic")))
    console.print(titled_panel(parts, Text(title(cl, lang), style="bold"), console.width))
