"""`catalog update` and `catalog rollback` as one call each: fetch, verify, check, switch."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import NamedTuple

from hanban.errors import PackRefused
from hanban.packs.archive import read_pack, sha256
from hanban.packs.build import check_installed
from hanban.packs.fetch import DEFAULT_TIMEOUT, fetch
from hanban.packs.manifest import SHA256_RE, Manifest
from hanban.packs.store import PackStore


class Installed(NamedTuple):
    name: str
    manifest: Manifest
    previous: str  # the pack now kept as the previous one, or BUILTIN


def update(data: Path, source: str, *, digest: str | None = None, timeout: float = DEFAULT_TIMEOUT, allow_unsigned: bool = False) -> Installed:
    """Install the pack at `source` (a file or an http(s) URL) as the current one, keeping the one
    before; raise PackRefused (nothing changed) or store.AlreadyCurrent."""
    if digest is not None and not SHA256_RE.match(digest.lower()):
        raise PackRefused(key="pack.err.sha256_arg")
    raw = fetch(source, timeout)
    got = sha256(raw)
    if digest is not None and got != digest.lower():
        raise PackRefused(key="pack.err.digest", source=source, got=got, want=digest.lower())
    manifest, files = read_pack(raw, source)
    where = source if "://" in source else str(Path(source).resolve())
    install = {"source": where, "sha256": got, "installed_on": datetime.date.today().isoformat()}
    name, previous = PackStore(data).install(manifest, files, install, lambda folder: check_installed(folder, manifest))
    return Installed(name, manifest, previous)


def rollback(data: Path) -> tuple[str, str]:
    """Back to the previous pack (or the built-in catalog): (now current, the one left)."""
    return PackStore(data).rollback()
