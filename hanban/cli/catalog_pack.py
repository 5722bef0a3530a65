"""`hanban catalog pack DIR --output FILE.tar.gz`: a folder that passes the full validator, as a pack."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from hanban.cli.errors import handles_errors, invocation
from hanban.cli.files import check_writable, write_atomic
from hanban.errors import CatalogError, PackRefused
from hanban.strings import word


@handles_errors
def command(
    ctx: typer.Context,
    folder: Path = typer.Argument(..., metavar="metavar.dir", help="help.catalog.pack.folder"),
    output: Path = typer.Option(..., "--output", "-o", metavar="metavar.file", help="help.catalog.pack.output"),
    force: bool = typer.Option(False, "--force", help="help.catalog.pack.force"),
    seeds: Path | None = typer.Option(None, "--seeds", metavar="metavar.dir", help="help.catalog.pack.seeds"),
    key: Path | None = typer.Option(None, "--key", metavar="metavar.file", help="help.catalog.pack.key"),
    expires: str | None = typer.Option(None, "--expires", metavar="metavar.date", help="help.catalog.pack.expires"),
) -> None:
    """Validate a catalog folder (as `validate` does) and write it as a pack; its SHA-256 goes to stdout."""
    import datetime

    from hanban.catalog.age import clock_from_env
    from hanban.catalog.load import ENV_SEEDS
    from hanban.packs.archive import sha256
    from hanban.packs.build import build_pack

    inv = invocation(ctx)
    io, lang = inv.io, inv.lang
    if expires is not None:
        try:
            expires = datetime.date.fromisoformat(expires).isoformat() if len(expires) == 10 else "?"
        except ValueError:
            expires = "?"
        if expires == "?":
            raise PackRefused(key="pack.err.expires_arg")
    check_writable(output, force)
    seed_dir = seeds or (Path(os.environ[ENV_SEEDS]) if os.environ.get(ENV_SEEDS) else None)
    try:
        data, manifest = build_pack(folder, seed_dir, key=key, expires=expires, today=clock_from_env().today)
    except CatalogError as exc:
        for p in exc.problems:
            io.say(p.text(lang))
        raise PackRefused(key="pack.err.not_valid_folder", folder=str(folder), n=len(exc.problems)) from None
    write_atomic(output, data, force=force)
    io.out(f"{sha256(data)}  {output}")  # as sha256sum prints it: `sha256sum -c` checks a download
    io.say(f"hanban: {word('pack.done.pack', lang, file=str(output), version=manifest.version, n=len(manifest.files))}")
