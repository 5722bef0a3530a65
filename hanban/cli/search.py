"""`hanban search`: find a service by what you would call it.

Importing this module must stay cheap: the search core, rich and OpenCC are imported inside functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from hanban.cli.errors import handles_errors, invocation
from hanban.errors import ExitStatus
from hanban.strings import word

if TYPE_CHECKING:
    from rich.console import Console

    from hanban.find.search import Hit
    from hanban.strings import Lang

DEFAULT_LIMIT = 10


def _limit(ctx: typer.Context, value: str) -> str:
    # A str option checked here: an int-typed option would pull pydantic into start-up (see fastargs).
    if not value.strip().isdigit() or int(value) < 1:
        from hanban.cli.localize import lang_of
        from hanban.strings import word

        raise typer.BadParameter(word("err.limit", lang_of(ctx), value=repr(value)))
    return value


@handles_errors
def command(
    ctx: typer.Context,
    query: list[str] = typer.Argument(..., metavar="metavar.query", help="help.search.query"),
    json_: bool = typer.Option(False, "--json", help="help.search.json"),
    limit: str = typer.Option(str(DEFAULT_LIMIT), "--limit", "-n", metavar="metavar.n", callback=_limit, help="help.search.limit"),
) -> None:
    """Find services by name, alias, glossary term or text: 身份证丢了, 身分證補領, "lost ID card"."""
    from hanban.find.search import search

    text = " ".join(query)
    inv = invocation(ctx)
    io, lang = inv.io, inv.lang
    hits = search(inv.catalog(), text, int(limit))

    def plain() -> list[str]:
        from hanban.render.plain import row

        return [row(h.id, h.name.get(lang), f"{h.score:.3f}", "; ".join(f"{mt.field}: {mt.text}" for mt in h.matched)) for h in hits]

    def as_json() -> list[dict[str, object]]:
        from hanban.render import json as rj  # (only for --json: it costs start-up time)

        return [rj.versioned("search", rj.hit(h)) for h in hits]

    io.emit(json=as_json, terminal=lambda con: _print_hits(con, hits, lang), plain=plain, as_json=json_)
    if not hits:
        io.say(word("msg.no_hit", lang, query=repr(text)))
        raise typer.Exit(ExitStatus.NOT_FOUND)


def _print_hits(con: Console, hits: list[Hit], lang: Lang) -> None:
    from rich.text import Text

    for h in hits:
        line = Text()
        line.append(h.id, style="bold cyan")
        line.append("  " + h.name.get(lang))
        line.append(f"  {h.score:.2f}", style="dim")
        con.print(line)
        for mt in h.matched:
            why = Text("    " + mt.field + ": ", style="dim")
            why.append(_clip(mt.text, 70))
            con.print(why)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
