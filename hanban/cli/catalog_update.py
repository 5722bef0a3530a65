"""`hanban catalog update SOURCE` and `hanban catalog rollback`: switch the installed pack, atomically."""

from __future__ import annotations

from pathlib import Path

import typer

from hanban.cli.errors import handles_errors, invocation
from hanban.strings import Lang, word


def _label(name: str, lang: Lang) -> str:
    """'the built-in catalog' or 'pack 2026.12.01' for a pack's folder name."""
    from hanban.catalog.files import BUILTIN

    if name == BUILTIN:
        return word("pack.label.builtin", lang)
    return word("pack.label.pack", lang, version=name.split("-", 1)[0])  # (VERSION-DIGEST or VERSION-DIGEST-N)


@handles_errors
def update(
    ctx: typer.Context,
    source: str = typer.Argument(..., metavar="metavar.source", help="help.catalog.update.source"),
    sha256: str | None = typer.Option(None, "--sha256", metavar="metavar.hex", help="help.catalog.update.sha256"),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, max=3600, metavar="metavar.seconds", help="help.catalog.update.timeout"),
    trust: list[Path] = typer.Option([], "--trust", metavar="metavar.file", help="help.catalog.update.trust"),
    allow_unsigned: bool = typer.Option(False, "--allow-unsigned", help="help.catalog.update.allow_unsigned"),
    allow_downgrade: bool = typer.Option(False, "--allow-downgrade", help="help.catalog.update.allow_downgrade"),
    seeds: Path | None = typer.Option(None, "--seeds", metavar="metavar.dir", help="help.catalog.update.seeds"),
) -> None:
    """Install a catalog pack: verify it, validate its catalog, then switch to it atomically (the previous one is kept)."""
    import os

    from hanban.catalog.age import clock_from_env
    from hanban.catalog.files import data_dir
    from hanban.catalog.load import ENV_SEEDS
    from hanban.packs.store import AlreadyCurrent
    from hanban.packs.update import Trust
    from hanban.packs.update import update as install

    inv = invocation(ctx)
    io, lang = inv.io, inv.lang
    seed_dir = seeds or (Path(os.environ[ENV_SEEDS]) if os.environ.get(ENV_SEEDS) else None)
    rules = Trust(tuple(trust), allow_unsigned, allow_downgrade)
    try:
        got = install(data_dir(), source, digest=sha256, timeout=timeout, trust=rules, seeds=seed_dir, today=clock_from_env().today)
    except AlreadyCurrent as exc:
        io.say(f"hanban: {word('pack.done.same', lang, version=str(exc).split('-', 1)[0])}")
        return
    m = got.manifest
    io.say(f"hanban: {word('pack.done.update', lang, version=m.version, as_of=m.as_of, source=source, previous=_label(got.previous, lang))}")


@handles_errors
def rollback(ctx: typer.Context) -> None:
    """Go back to the previous pack (or the built-in catalog), atomically; run again to undo."""
    from hanban.catalog.files import data_dir
    from hanban.packs.update import rollback as back

    inv = invocation(ctx)
    now, left = back(data_dir())
    inv.io.say(f"hanban: {word('pack.done.rollback', inv.lang, now=_label(now, inv.lang), left=_label(left, inv.lang))}")
