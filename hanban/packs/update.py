"""`catalog update` and `catalog rollback` as one call each: fetch, verify, check, switch.

An update refuses, in this order and before anything is written: a wrong digest (`digest`), a
damaged or unsafe archive, a signature that is missing, not by a trusted key or wrong (unless
`allow_unsigned`), a manifest that does not hold, a pack past its expiry, a pack older than the
installed one (unless `allow_downgrade`); then, staged beside the installed packs, a catalog that
does not validate (every quote checked when `seeds` names the seed texts).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from hanban.catalog.files import BUILTIN
from hanban.errors import PackRefused
from hanban.packs.archive import read_pack, sha256
from hanban.packs.build import check_installed
from hanban.packs.fetch import DEFAULT_TIMEOUT, fetch
from hanban.packs.manifest import SHA256_RE, Manifest, version_tuple
from hanban.packs.store import PackStore


class Installed(NamedTuple):
    name: str
    manifest: Manifest
    previous: str  # the pack now kept as the previous one, or BUILTIN
    signed_by: str  # the key id that signed it, or "" (installed with allow_unsigned)


class Trust(NamedTuple):
    """What an update accepts beyond a pack signed by a key the built-in catalog trusts."""

    keys: Sequence[Path] = ()  # public key files trusted for this update (--trust)
    allow_unsigned: bool = False
    allow_downgrade: bool = False


SIGNED_ONLY = Trust()


def update(data: Path, source: str, *, digest: str | None = None, timeout: float = DEFAULT_TIMEOUT, trust: Trust = SIGNED_ONLY,
           seeds: Path | None = None, today: str | None = None) -> Installed:
    """Install the pack at `source` (a file or an http(s) URL) as the current one, keeping the one
    before; raise PackRefused (nothing changed) or store.AlreadyCurrent."""
    if digest is not None and not SHA256_RE.match(digest.lower()):
        raise PackRefused(key="pack.err.sha256_arg")
    checker = _Signature(source, trust)  # (a --trust file that cannot be read is said before the download)
    raw = fetch(source, timeout)
    got = sha256(raw)
    if digest is not None and got != digest.lower():
        raise PackRefused(key="pack.err.digest", source=source, got=got, want=digest.lower())
    manifest, files = read_pack(raw, source, checker)
    day = today or datetime.date.today().isoformat()
    if manifest.expires and manifest.expires < day:
        raise PackRefused(key="pack.err.expired", source=source, day=manifest.expires)
    store = PackStore(data)
    where = source if "://" in source else str(Path(source).resolve())
    install = {"source": where, "sha256": got, "installed_on": day, "signed_by": checker.signed_by}
    guard = None if trust.allow_downgrade else lambda current: _refuse_older(store, current, manifest, source)
    name, previous = store.install(manifest, files, install, lambda folder: check_installed(folder, manifest, seeds), guard)
    return Installed(name, manifest, previous, checker.signed_by)


class _Signature:
    """Checks a pack's signature against the trusted keys (see hanban.packs.sign)."""

    def __init__(self, source: str, trust: Trust) -> None:
        self.source, self.trust, self.signed_by = source, trust, ""
        self.keys = None
        if not trust.allow_unsigned or trust.keys:
            from hanban.packs.sign import builtin_keys, load_public

            self.keys = builtin_keys() + [load_public(path) for path in trust.keys]

    def __call__(self, manifest: bytes, signature: bytes | None) -> None:
        if self.keys is None:
            return
        from hanban.packs.sign import verify

        try:
            self.signed_by = verify(manifest, signature, self.keys, self.source).keyid
        except PackRefused:
            if not self.trust.allow_unsigned:
                raise


def _refuse_older(store: PackStore, current: str, manifest: Manifest, source: str) -> None:
    """Refuse a pack whose catalog version is older than the current pack's (a rollback attack)."""
    if current == BUILTIN:
        return
    installed = store.describe(current).manifest
    if installed is not None and version_tuple(manifest.version) < version_tuple(installed.version):
        raise PackRefused(key="pack.err.older", source=source, version=manifest.version, installed=installed.version)


def rollback(data: Path) -> tuple[str, str]:
    """Back to the previous pack (or the built-in catalog): (now current, the one left)."""
    return PackStore(data).rollback()
