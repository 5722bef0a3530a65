"""`hanban catalog schema [NAME]`: the JSON Schemas of the catalog files, the pack manifest and every `--json` output."""

from __future__ import annotations

from pathlib import Path

import typer

from hanban.cli.errors import handles_errors, invocation
from hanban.errors import NotFound


def schema_dir() -> Path:
    """The schemas shipped in the package (hanban/schemas/*.json)."""
    return Path(__file__).resolve().parent.parent / "schemas"


def names() -> list[str]:
    return sorted(p.stem for p in schema_dir().glob("*.json"))


@handles_errors
def command(
    ctx: typer.Context,
    name: str | None = typer.Argument(None, metavar="metavar.name", help="help.catalog.schema.name"),
) -> None:
    """Print a JSON Schema: catalog-file, manifest, or a command's --json output (list, show, ask, ...)."""
    io = invocation(ctx).io
    known = names()
    if name is None:
        io.out("\n".join(known))
        return
    if name not in known:
        raise NotFound(key="err.schema", name=name, known=", ".join(known))
    io.out((schema_dir() / f"{name}.json").read_text("utf-8"))
