"""`hanban show SERVICE`: one service in full."""

from __future__ import annotations

import typer

from hanban.cli.complete import complete_service
from hanban.cli.errors import handles_errors, invocation


@handles_errors
def command(
    ctx: typer.Context,
    service: str = typer.Argument(
        ...,
        metavar="metavar.service",
        help="help.show.service",
        autocompletion=complete_service,
    ),
    json_: bool = typer.Option(False, "--json", help="help.show.json"),
    verbose: bool = typer.Option(False, "--verbose", help="help.show.verbose"),
) -> None:
    """Show one service in full: channels, documents, where to go, sources."""
    from hanban.find.resolve import resolve_service
    from hanban.render.views import service_view

    inv = invocation(ctx)
    io, lang, cat, clock = inv.io, inv.lang, inv.catalog(), inv.clock
    s = resolve_service(cat, service, note=io.say, lang=lang)

    def terminal(console: object) -> None:
        from hanban.render.terminal import print_service

        print_service(console, service_view(s, cat, lang, clock, verbose=verbose), lang)  # type: ignore[arg-type]

    def plain() -> list[str]:
        from hanban.render.plain import show_lines

        return show_lines(service_view(s, cat, lang, clock, verbose=verbose), lang)

    def as_json() -> object:
        from hanban.render import json as rj

        return rj.versioned("show", rj.shown_service(s, cat, clock))

    io.emit(json=as_json, terminal=terminal, plain=plain, as_json=json_)
