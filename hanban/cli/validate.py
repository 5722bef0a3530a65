"""`hanban validate`: the catalog linter, one FILE:LINE: field: problem line per problem."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from hanban.cli.errors import handles_errors, invocation
from hanban.errors import ExitStatus
from hanban.strings import word


@handles_errors
def command(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(None, metavar="metavar.path", help="help.validate.paths"),
    seeds: Path | None = typer.Option(
        None, "--seeds", metavar="metavar.dir", help="help.validate.seeds"
    ),
) -> None:
    """Check catalog files against the schema and their references; one line per problem."""
    from hanban.catalog.files import overlay_paths
    from hanban.catalog.load import ENV_SEEDS, full_check

    inv = invocation(ctx)
    io = inv.io
    overlays = list(paths) if paths else overlay_paths(inv.overlays)
    seed_dir = seeds or (Path(os.environ[ENV_SEEDS]) if os.environ.get(ENV_SEEDS) else None)
    cat, problems = full_check(overlays, seeds=seed_dir)  # always the files themselves, never the index
    for p in problems:
        io.out(p.text(inv.lang))
    if problems or cat is None:
        io.say(word("msg.problems_found", inv.lang, n=len(problems)))
        raise typer.Exit(ExitStatus.NOT_FOUND)
    checked = word("msg.quotes_checked" if seed_dir else "msg.quotes_not_checked", inv.lang)
    counts = {"services": len(cat.services), "measures": len(cat.measures), "places": len(cat.places), "documents": len(cat.documents)}
    io.say(word("msg.catalog_ok", inv.lang, quotes=checked, **counts))
