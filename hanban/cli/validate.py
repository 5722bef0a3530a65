"""`hanban validate`: the catalog linter, one FILE:LINE: field: problem line per problem."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from hanban.cli.errors import handles_errors, invocation
from hanban.errors import ExitStatus


@handles_errors
def command(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(None, metavar="[PATH]...", help="Files or folders to check (default: the catalog and its overlays)."),
    seeds: Path | None = typer.Option(
        None, "--seeds", metavar="DIR", help="Also check every quote verbatim against the seed texts in DIR (also HANBAN_SEEDS)."
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
        io.out(str(p))
    if problems or cat is None:
        io.say(f"hanban: {len(problems)} problem(s) found")
        raise typer.Exit(ExitStatus.NOT_FOUND)
    checked = "quotes checked" if seed_dir else "quotes not checked (use --seeds)"
    io.say(
        f"hanban: catalog OK: {len(cat.services)} services, {len(cat.measures)} measures, "
        f"{len(cat.places)} places, {len(cat.documents)} document kinds; {checked}"
    )
