"""`hanban list`: services and their channels; the filters combine with AND."""

from __future__ import annotations

import typer

from hanban.cli.errors import handles_errors, invocation
from hanban.errors import ExitStatus


@handles_errors
def command(
    ctx: typer.Context,
    cross_province: bool = typer.Option(False, "--cross-province", help="Only services available across provinces (跨省通办)."),
    fully_online: bool = typer.Option(False, "--fully-online", help="Only services available fully online (全程网办)."),
    one_window: bool = typer.Option(False, "--one-window", help="Only services available at one window (一窗通办)."),
    json_: bool = typer.Option(False, "--json", help="Print a JSON array of service objects."),
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
        io.say("hanban: no service matches these filters")
        raise typer.Exit(ExitStatus.NOT_FOUND)
