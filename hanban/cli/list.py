"""`hanban list`: services and their channels; the filters combine with AND."""

from __future__ import annotations

import typer

from hanban.cli.errors import handles_errors, invocation
from hanban.errors import ExitStatus
from hanban.strings import word


@handles_errors
def command(
    ctx: typer.Context,
    cross_province: bool = typer.Option(False, "--cross-province", help="help.list.cross_province"),
    fully_online: bool = typer.Option(False, "--fully-online", help="help.list.fully_online"),
    one_window: bool = typer.Option(False, "--one-window", help="help.list.one_window"),
    json_: bool = typer.Option(False, "--json", help="help.list.json"),
) -> None:
    """List services; the filters combine with AND."""
    inv = invocation(ctx)
    io, lang, cat = inv.io, inv.lang, inv.catalog()
    wanted = [name for name, on in (("cross_province", cross_province), ("fully_online", fully_online), ("one_window", one_window)) if on]
    matches = cat.services.select(wanted)  # streamed from the index, not held in memory
    if json_:
        from hanban.render import json as rj

        found = rj.stream_array((rj.service(s, cat) for s in matches), io.stdout.write, io.ascii_only)
    elif io.stdout_tty:
        from hanban.render.terminal import list_table

        services = list(matches)
        found = len(services)
        con = io.console()
        con.print(list_table(services, lang, width=con.width))
    else:
        from hanban.render.plain import list_line

        found = 0
        for s in matches:
            io.out(list_line(s, lang))
            found += 1
    if not found:
        io.say(word("msg.no_filter_match", lang))
        raise typer.Exit(ExitStatus.NOT_FOUND)
