"""Making a pack from a catalog folder, and checking a pack's catalog: both with the full validator
(`hanban.catalog.load.full_check`, what `hanban validate` runs)."""

from __future__ import annotations

import calendar
import datetime
from pathlib import Path

from hanban import __version__
from hanban.catalog.files import Root, is_folder, list_files
from hanban.catalog.load import full_check
from hanban.errors import CatalogError, PackRefused, Problem
from hanban.packs.archive import sha256, write_pack
from hanban.packs.manifest import FORMAT, FileEntry, Manifest

PACK_LAYER = 1  # a pack checked on its own sits right above the built-in catalog


EXPIRES_DAYS = 365  # a pack's default life: a year after its catalog's as-of date


def build_pack(folder: Path, seeds: Path | None = None, *, key: Path | None = None, expires: str | None = None,
               today: str | None = None) -> tuple[bytes, Manifest]:
    """The pack of `folder` (a catalog layer over the built-in catalog) and its manifest, signed
    with the private key in the file `key` if given, and expiring after `expires` (by default
    EXPIRES_DAYS after its as-of date); raise CatalogError with every problem when the folder
    does not validate, PackRefused when it gives no catalog identity, or would expire by `today`."""
    if not is_folder(folder):
        raise PackRefused(key="pack.err.not_folder", folder=str(folder))
    private = None
    if key is not None:
        from hanban.packs.sign import load_private

        private = load_private(key)  # (before the long check: a wrong key file is said at once)
    cat, problems = full_check([folder], pack=None, seeds=seeds)
    if problems:
        raise CatalogError(problems)
    assert cat is not None
    info = cat.tables.catalogs.get(PACK_LAYER)
    if info is None:
        raise PackRefused(key="pack.err.no_identity", folder=str(folder))
    files, unreadable = list_files([Root(folder, str(folder), PACK_LAYER)])
    if unreadable:
        raise CatalogError(unreadable)
    contents: dict[str, bytes] = {}
    for f in files:
        try:
            contents["/".join(f.key.split("\0"))] = Path(f.path).read_bytes()
        except OSError as exc:
            raise CatalogError([Problem(f.display, 0, "", "problem.cannot_read", why=exc.strerror or str(exc))]) from None
    day = datetime.date.fromisoformat(info.as_of)
    until = expires or (day + datetime.timedelta(days=EXPIRES_DAYS)).isoformat()
    if until < (today or datetime.date.today().isoformat()):
        raise PackRefused(key="pack.err.would_expire", folder=str(folder), day=until)
    manifest = Manifest(
        FORMAT, info.version, info.as_of, info.publisher, __version__,
        {name: FileEntry(sha256(body), len(body)) for name, body in contents.items()}, until,
    )
    signature = None
    if private is not None:
        from hanban.packs.sign import sign

        signature = sign(manifest.to_json().encode("utf-8"), private)
    return write_pack(manifest, contents, calendar.timegm(day.timetuple()), signature), manifest


def check_installed(folder: Path, manifest: Manifest, seeds: Path | None = None) -> None:
    """Refuse (in one line) a staged pack whose catalog does not validate over the built-in
    catalog (every quote checked against the seed texts in `seeds`, if given), or whose identity
    is not the one its manifest gives. The citation checks are the publisher's (`catalog pack`), not run here."""
    cat, problems = full_check([], pack=folder, seeds=seeds, citations=False)
    if problems:
        raise PackRefused(key="pack.err.invalid", n=len(problems), first=problems[0])  # printed in the reader's language
    assert cat is not None
    info = cat.tables.catalogs.get(PACK_LAYER)
    if info is None or (info.version, info.as_of) != (manifest.version, manifest.as_of):
        got = f"{info.version} / {info.as_of}" if info is not None else "-"
        raise PackRefused(key="pack.err.identity", want=f"{manifest.version} / {manifest.as_of}", got=got)
