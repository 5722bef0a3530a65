"""`hanban search`: find a service by what you would call it; completion of service ids.

Importing this module must stay cheap: the search core, rich and OpenCC are imported inside functions.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from hanban.cli import app, handles_errors, out, say, state, stdout_is_terminal
from hanban.errors import ExitStatus

DEFAULT_LIMIT = 10


def _limit(value: str) -> str:
    # A str option checked here: an int-typed option would pull pydantic into start-up (see fastargs).
    if not value.strip().isdigit() or int(value) < 1:
        raise typer.BadParameter(f"{value!r} is not a whole number of at least 1")
    return value


@app.command()
@handles_errors
def search(
    ctx: typer.Context,
    query: list[str] = typer.Argument(..., metavar="QUERY", help="What you would call the service, in any script or English (words are joined)."),
    json_: bool = typer.Option(False, "--json", help="Print a JSON array of {id, name, score, matched}."),
    limit: str = typer.Option(str(DEFAULT_LIMIT), "--limit", "-n", metavar="N", callback=_limit, help="Show at most N matches."),
) -> None:
    """Find services by name, alias, glossary term or text: 身份证丢了, 身分證補領, "lost ID card"."""
    from hanban.search import search as find

    n = int(limit)
    text = " ".join(query)
    st = state(ctx)
    hits = find(st.catalog(), text, n)
    if json_:
        from hanban.render import json as rj

        out(rj.dumps([
            {
                "id": h.id,
                "name": h.name.as_dict(),
                "score": h.score,
                "matched": [{"field": mt.field, "text": mt.text} for mt in h.matched],
            }
            for h in hits
        ]))
    elif stdout_is_terminal():
        _print_hits(hits, st.lang)
    else:
        for h in hits:
            why = "; ".join(f"{mt.field}: {mt.text}" for mt in h.matched)
            out("\t".join([h.id, h.name.get(st.lang), f"{h.score:.3f}", why]))
    if not hits:
        say(f"hanban: no service matches {text!r}; try other words, or `hanban list`")
        raise typer.Exit(ExitStatus.NOT_FOUND)


def _print_hits(hits: list[Any], lang: Any) -> None:
    from rich.text import Text

    from hanban.cli import console

    con = console()
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


# --------------------------------------------------------------------------- completion

_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
_ITEM_ID = re.compile(r"^\s*-\s+id:\s*['\"]?([a-z0-9][a-z0-9-]*)['\"]?\s*(?:#.*)?$")
_EN = re.compile(r"^\s+en:\s*(.+?)\s*$")
_FLOW_NAME = re.compile(r"^\s+name:\s*\{.*\ben:\s*([^,}]+)")


def scan_service_ids(root: Path) -> Iterator[tuple[str, str]]:
    """(id, English name) of every service under `root`, read line by line without parsing YAML.

    Completion runs on every TAB, so it must not load and validate the whole catalog; a file
    it cannot read is skipped (the command itself will report it).
    """
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml"))
    for path in files:
        try:
            lines = path.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        section = ""
        current: str | None = None
        in_name = False
        for line in lines:
            top = _TOP_KEY.match(line)
            if top:
                section, current = top.group(1), None
                continue
            if section != "services":
                continue
            item = _ITEM_ID.match(line)
            if item:
                if current:
                    yield current, ""
                current, in_name = item.group(1), False
                continue
            if current is None:
                continue
            flow = _FLOW_NAME.match(line)
            if flow:
                yield current, flow.group(1).strip().strip("'\"")
                current = None
            elif line.strip() == "name:":
                in_name = True
            elif in_name and (en := _EN.match(line)):
                yield current, en.group(1).strip("'\"")
                current = None
        if current:
            yield current, ""


def complete_service_id(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Service ids (with their English names) starting with what has been typed."""
    from hanban.catalog import ENV_OVERLAYS, builtin_dir

    roots = [builtin_dir()]
    roots += [Path(p) for p in os.environ.get(ENV_OVERLAYS, "").split(os.pathsep) if p.strip()]
    root_params = ctx.find_root().params if ctx is not None else {}
    roots += [Path(p) for p in (root_params.get("catalog") or [])]
    found: dict[str, str] = {}
    for root in roots:
        if root.exists():
            for sid, name in scan_service_ids(root):
                found[sid] = name or found.get(sid, "")
    typed = incomplete.casefold()
    return [(sid, name) for sid, name in sorted(found.items()) if sid.startswith(typed)]
