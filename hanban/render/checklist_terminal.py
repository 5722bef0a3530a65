"""The checklist with rich, for terminals."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from hanban.catalog.store import Catalog
from hanban.render.checklist_common import cites, heading, sections, source_line, title
from hanban.strings import Lang
from hanban.wizard.checklist import Checklist

KIND_STYLE = {"warning": "yellow", "channel": "", "may_be_exempt": "", "bring": "", "where": "", "step": "", "note": ""}
VERDICT_STYLE = {True: "green", False: "red", None: "yellow"}


def print_checklist(console: Console, cl: Checklist, catalog: Catalog, lang: Lang, age: str | None = None) -> None:
    """The checklist in a panel; `age` is the age warning to show first (None: none)."""
    numbers = cl.numbers()
    parts: list[object] = []
    if age:
        parts.append(Text(f"⚠ {age}", style="yellow"))
    if cl.answers:
        body = Text()
        body.append(heading("answers", lang) + "\n", style="bold underline")
        for a in cl.answers:
            body.append(f"  {a.prompt.get(lang)} ", style="dim")
            body.append(a.label.get(lang) + "\n", style="bold")
        parts.append(body)
    for kind, items in sections(cl):
        body = Text()
        body.append(heading(kind, lang) + "\n", style="bold underline")
        for i, it in enumerate(items, 1):
            if kind == "channel":
                v = list(cl.channels.values())[i - 1] if i <= len(cl.channels) else None
                style = "dim" if v is None or (v.status == "not_stated" and v.available is not True) else VERDICT_STYLE[v.available]
                body.append("  ● ", style=style)
            elif kind == "step":
                body.append(f"  {i}. ")
            elif kind == "warning":
                body.append("  ⚠ ", style="yellow")
            else:
                body.append("  • ")
            body.append(it.text.get(lang), style=KIND_STYLE.get(kind, ""))
            body.append(cites(it, numbers) + "\n", style="cyan")
        parts.append(body)
    src = Text()
    src.append(heading("sources", lang) + "\n", style="bold underline")
    for s, i in numbers.items():
        src.append(f"  [{i}] ", style="bold cyan")
        src.append(source_line(s, catalog, lang) + "\n", style="dim")
    parts.append(src)
    foot = Text()
    foot.append(f"{heading('as_of', lang)}: {cl.as_of}\n", style="bold")
    foot.append(heading("disclaimer", lang), style="dim italic")
    parts.append(foot)
    console.print(Panel(Group(*parts), title=Text(title(cl, lang), style="bold"), title_align="left"))  # type: ignore[arg-type]
