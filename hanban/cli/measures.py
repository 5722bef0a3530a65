"""`hanban measures`: the 26 measures of August 2023."""

from __future__ import annotations

import typer

from hanban.cli.errors import handles_errors, invocation


@handles_errors
def command(
    ctx: typer.Context,
    json_: bool = typer.Option(False, "--json", help="help.measures.json"),
) -> None:
    """List the 26 measures of August 2023 and the services each touches."""
    from hanban.render import json as rj

    inv = invocation(ctx)
    io, lang, cat = inv.io, inv.lang, inv.catalog()

    def terminal(console: object) -> None:
        from hanban.render.terminal import measures_table

        console.print(measures_table(cat, lang))  # type: ignore[attr-defined]

    def plain() -> list[str]:
        from hanban.render.plain import measure_lines

        return measure_lines(cat, lang)

    io.emit(json=lambda: [rj.versioned("measures", rj.measure(x)) for x in cat.measures.values()], terminal=terminal, plain=plain, as_json=json_)
