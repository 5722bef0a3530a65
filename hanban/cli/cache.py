"""`hanban cache info` and `hanban cache clear`: the compiled catalog indexes in the cache folder."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from hanban.cli.errors import handles_errors, invocation

if TYPE_CHECKING:
    from hanban.strings import Lang


def _folder() -> Path:
    from hanban.index.store import cache_dir

    return cache_dir()


def _catalogs(path: Path) -> list[str]:
    """The catalog folders an index was built for (as its build recorded them)."""
    import sqlite3

    from hanban.errors import HanbanError
    from hanban.index import cachedir

    try:
        cachedir.check_file(path)
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'catalogs'").fetchone()
        finally:
            db.close()
    except (sqlite3.Error, OSError, HanbanError):  # another version's index, damaged, someone else's
        return []
    return str(row[0]).split("\n") if row and row[0] else []


def _size(n: int) -> str:
    for unit, scale in (("GiB", 1024**3), ("MiB", 1024**2)):
        if n >= scale:
            return f"{n / scale:,.1f} {unit}"
    return f"{n / 1024:,.1f} KiB"


@handles_errors
def info(ctx: typer.Context, json_: bool = typer.Option(False, "--json", help="help.cache.info.json")) -> None:
    """Show the cache folder, each index in it (size, last use, catalog folders) and the rules that delete them."""
    from hanban.index import cachedir
    from hanban.render.plain import row
    from hanban.strings import word

    inv = invocation(ctx)
    io, lang = inv.io, inv.lang
    folder = _folder()
    files = list(cachedir.index_files(folder))
    used = [time.strftime("%Y-%m-%d", time.localtime(f.used)) for f in files]
    catalogs = [_catalogs(f.path) for f in files]
    total = sum(f.bytes for f in files)
    if json_:
        entries = [{"file": f.path.name, "bytes": f.bytes, "last_used": u, "catalogs": c} for f, u, c in zip(files, used, catalogs)]
        io.out(io.dumps({"folder": str(folder), "indexes": entries, "bytes": total,
                         "rules": {"unused_days": cachedir.UNUSED_DAYS, "max_bytes": cachedir.MAX_BYTES}}))
        return
    io.out(word("cache.info_folder", lang, folder=folder))
    for f, u, c in zip(files, used, catalogs):
        io.out(row(f.path.name, _size(f.bytes), word("cache.info_used", lang, date=u), " + ".join(c) or "?"))
    io.out(word("cache.info_total", lang, n=len(files), size=_size(total), days=cachedir.UNUSED_DAYS, cap=_size(cachedir.MAX_BYTES)))


@handles_errors
def clear(ctx: typer.Context) -> None:
    """Delete every index in the cache folder (the next command builds its index again)."""
    from hanban.index import cachedir
    from hanban.strings import word

    inv = invocation(ctx)
    io, lang = inv.io, inv.lang
    from hanban.catalog.load import CacheUnavailable

    removed, kept, freed = 0, 0, 0
    denied: list[tuple[cachedir.IndexFile, str]] = []  # (a file, why this user may not delete it)
    for f in cachedir.index_files(_folder()):
        try:
            gone = cachedir.remove(f.path)
        except CacheUnavailable as exc:
            denied.append((f, str(exc.params.get("why", ""))))
            continue
        if gone:
            removed += 1
            freed += f.bytes
        else:
            kept += 1
    io.say("hanban: " + word("cache.cleared", lang, n=removed, size=_size(freed)))
    if kept:
        io.say("hanban: " + word("cache.kept_in_use", lang, n=kept))
    if denied:
        io.say("hanban: " + _denied(denied, lang))


def _denied(denied: list[tuple[Any, str]], lang: Lang) -> str:
    """The truth about files this user may not delete: why, the first of them and its owner."""
    from hanban.strings import word

    first, why = denied[0]
    try:
        uid: object = first.path.stat().st_uid
    except OSError:
        uid = "?"
    return word("cache.kept_denied", lang, n=len(denied), why=why, path=str(first.path), uid=uid)


COMMANDS = [("info", info), ("clear", clear)]  # registered (with their help in the person's language) by cli.app
