"""`hanban changes`: what changed, newest first, from the catalog's own dates and sources."""

from __future__ import annotations

import typer

from hanban.cli.errors import handles_errors, invocation
from hanban.errors import ExitStatus
from hanban.strings import word


@handles_errors
def command(
    ctx: typer.Context,
    since: str = typer.Option("", "--since", metavar="metavar.date", help="help.changes.since"),
    json_: bool = typer.Option(False, "--json", help="help.changes.json"),
) -> None:
    """What changed, newest first: each dated fact's first day and announced last day."""
    import datetime

    from hanban.catalog.changes import changes

    inv = invocation(ctx)
    io, lang, cat, clock = inv.io, inv.lang, inv.catalog(), inv.clock
    if since:
        try:
            since = datetime.date.fromisoformat(since).isoformat()
        except ValueError:
            io.say(word("err.bad_since", lang, value=since))
            raise typer.Exit(ExitStatus.USAGE) from None
    found = changes(cat.services.values(), since)

    def as_json() -> list[dict[str, object]]:
        from hanban.render.json import change, versioned

        return [versioned("changes", change(c, cat, clock.today)) for c in found]

    def terminal(console: object) -> None:
        from hanban.render.terminal import change_lines

        for line in change_lines(found, cat, lang, clock.today):
            console.print(line)  # type: ignore[attr-defined]

    def plain() -> list[str]:
        from hanban.render.plain import change_lines

        return change_lines(found, cat, lang, clock.today)

    io.emit(json=as_json, terminal=terminal, plain=plain, as_json=json_)
    if not found and not json_:
        io.say(word("msg.no_changes", lang, since=since or "-"))
