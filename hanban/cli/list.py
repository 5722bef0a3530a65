"""`hanban list`: services and their channels; the filters combine with AND."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import typer

from hanban.cli.errors import handles_errors, invocation
from hanban.errors import ExitStatus
from hanban.strings import word

if TYPE_CHECKING:
    from hanban.catalog.model import Service


@handles_errors
def command(
    ctx: typer.Context,
    cross_province: bool = typer.Option(False, "--cross-province", help="help.list.cross_province"),
    fully_online: bool = typer.Option(False, "--fully-online", help="help.list.fully_online"),
    one_window: bool = typer.Option(False, "--one-window", help="help.list.one_window"),
    json_: bool = typer.Option(False, "--json", help="help.list.json"),
    all_: bool = typer.Option(False, "--all", help="help.list.all"),
) -> None:
    """List services in force; the filters combine with AND."""
    from hanban.catalog.model import expired

    inv = invocation(ctx)
    io, lang, cat, clock = inv.io, inv.lang, inv.catalog(), inv.clock
    wanted = [name for name, on in (("cross_province", cross_province), ("fully_online", fully_online), ("one_window", one_window)) if on]
    hidden = [0]

    def in_force(services: Iterator[Service]) -> Iterator[Service]:
        for s in services:
            if not all_ and expired(s.validity, clock.today):
                hidden[0] += 1
                continue
            yield s

    matches = in_force(cat.services.select(wanted))  # streamed from the index, not held in memory
    if json_:
        from hanban.render import json as rj

        found = rj.stream_array((rj.versioned("list", rj.service(s, cat, clock)) for s in matches), io.stdout.write, io.ascii_only)
    elif io.styled:
        from hanban.render.terminal import list_table

        services = list(matches)
        found = len(services)
        con = io.console()
        con.print(list_table(services, lang, width=con.width, today=clock.today))
    else:
        from hanban.render.plain import list_line

        found = 0
        for s in matches:
            io.out(list_line(s, lang, clock.today))
            found += 1
    if hidden[0]:
        io.say(f"hanban: {word('list.hidden', lang, n=hidden[0])}")
    if not found:
        io.say(word("msg.no_filter_match", lang))
        raise typer.Exit(ExitStatus.NOT_FOUND)
