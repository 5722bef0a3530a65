"""`hanban search`: find a service by what you would call it.

Importing this module must stay cheap: the search core, rich and OpenCC are imported inside functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from hanban.cli.errors import handles_errors, invocation
from hanban.errors import ExitStatus
from hanban.strings import WORDS, labeled, word

if TYPE_CHECKING:
    from rich.console import Console

    from hanban.catalog.model import GlossaryTerm
    from hanban.catalog.store import Catalog
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
    catalog = inv.catalog()
    hits = search(catalog, text, int(limit))
    notes = _glossary_notes(catalog, hits, lang)
    if lang == "zh-Hant" and not json_:  # the snippets as written are Simplified: show the catalog's Traditional
        hits = _in_traditional(catalog, hits)

    def plain() -> list[str]:
        from hanban.render.plain import row

        return [row(h.id, h.name.get(lang), f"{h.score:.3f}", "; ".join(f"{mt.field}: {mt.text}" for mt in h.matched)) for h in hits]

    def as_json() -> list[dict[str, object]]:
        from hanban.render import json as rj  # (only for --json: it costs start-up time)

        return [rj.versioned("search", rj.hit(h)) for h in hits]

    io.emit(json=as_json, terminal=lambda con: _print_hits(con, hits, lang, notes), plain=plain, as_json=json_)
    if notes and not (json_ or io.styled):  # (drawn under the hits on a terminal; a pipe keeps its rows clean)
        for note in notes:
            io.say(note)
    if not hits:
        io.say(word("msg.no_hit", lang, query=repr(text)))
        raise typer.Exit(ExitStatus.NOT_FOUND)


def _print_hits(con: Console, hits: list[Hit], lang: Lang, notes: list[str]) -> None:
    from rich.text import Text

    from hanban.render.wrap import Hanging

    for h in hits:
        line = Text()
        line.append(h.id, style="bold cyan")
        line.append("  " + h.name.get(lang))
        line.append(f"  {h.score:.2f}", style="dim")
        con.print(line)
        for mt in h.matched:  # (clipped to one line; broken between words and characters if narrower)
            field = word(f"search.field.{mt.field}", lang) if f"search.field.{mt.field}" in WORDS else mt.field
            lead = Text("    " + labeled(field, "", lang), style="dim")
            con.print(Hanging(lead, Text(_clip(mt.text, max(con.width - lead.cell_len, 20)), style="dim")))
    if hits and notes:
        con.print()
        for note in notes:
            con.print(Hanging("※ ", note))


def _glossary_terms(catalog: Catalog, hits: list[Hit]) -> list[GlossaryTerm]:
    """The glossary terms the hits matched through (a label "落地签 = port visa (口岸签证)"), in order."""
    labels = {mt.text for h in hits for mt in h.matched if mt.field == "glossary"}
    return [t for t in catalog.glossary if f"{t.term.zh_hans} = {t.term.en}" in labels]


def _glossary_notes(catalog: Catalog, hits: list[Hit], lang: Lang) -> list[str]:
    """What a matched glossary term's note says (落地签: not a visa on arrival), once per term."""
    return [
        word("search.term_note", lang, term=t.term.zh_hant if lang == "zh-Hant" else t.term.zh_hans, note=t.note.get(lang))
        for t in _glossary_terms(catalog, hits) if t.note is not None
    ]


def _in_traditional(catalog: Catalog, hits: list[Hit]) -> list[Hit]:
    """The hits with their snippets in the catalog's own Traditional text (its names, aliases,
    summaries, notes, glossary terms, and the Chinese inside English glosses); only a text the
    catalog holds no Traditional for is converted (OpenCC, which costs a second to load)."""
    import re

    from hanban.catalog.hant import known_forms, to_traditional

    known = known_forms([s for h in hits if (s := catalog.services.get(h.id)) is not None])
    known.update((t.term.zh_hans, t.term.zh_hant) for t in catalog.glossary)
    chinese = re.compile("[\u3400-\u9fff]+")

    def hant(text: str) -> str:
        if text.isascii() or text in known:
            return known.get(text, text)
        runs = chinese.findall(text)
        if runs and all(r in known for r in runs):  # ("落地签 = port visa (口岸签证)")
            return chinese.sub(lambda mt: known[mt.group()], text)
        return to_traditional(text)

    return [h._replace(matched=tuple(mt._replace(text=hant(mt.text)) for mt in h.matched)) for h in hits]


def _clip(text: str, width: int) -> str:
    """`text` cut to `width` terminal columns with an ellipsis (a Chinese character takes two)."""
    from rich.cells import cell_len, set_cell_size

    return text if cell_len(text) <= width else set_cell_size(text, max(width - 1, 1)) + "…"
