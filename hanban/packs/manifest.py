"""A pack's `manifest.json`: what it holds and who can read it."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from hanban import __version__
from hanban.catalog.entries import CATALOG_VERSION_RE
from hanban.catalog.schema import DAY_RE
from hanban.errors import PackRefused
from hanban.packs import limits

FORMAT = 1  # the newest pack format this hanban reads and writes
MANIFEST = "manifest.json"
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
VERSION_RE = re.compile(r"^\d{1,9}(?:\.\d{1,9}){0,3}$")  # (bounded: int() of 5,000 digits raises)
MAX_VERSION = 32  # characters of a catalog version


class FileEntry(NamedTuple):
    sha256: str
    size: int


class Manifest(NamedTuple):
    """What a pack says about itself."""

    format: int
    version: str  # the catalog's calendar version
    as_of: str
    publisher: str
    min_hanban: str  # the oldest hanban that reads it
    files: dict[str, FileEntry]  # relative path -> hash and size
    expires: str = ""  # YYYY-MM-DD: the last day it may be installed ("" in packs made before 0.2)

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "format": self.format,
            "catalog": {"version": self.version, "as_of": self.as_of, "publisher": self.publisher or None},
            "min_hanban": self.min_hanban,
        }
        if self.expires:
            data["expires"] = self.expires
        data["files"] = {name: {"sha256": f.sha256, "size": f.size} for name, f in sorted(self.files.items())}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def version_tuple(version: str) -> tuple[int, ...]:
    """'0.2.0' -> (0, 2, 0) (anything after a number, such as 'rc1', is ignored)."""
    return tuple(int(re.match(r"\d*", part).group() or 0) for part in version.split("."))  # type: ignore[union-attr]


def read_manifest(raw: bytes, source: str) -> Manifest:
    """The manifest of a pack, checked: a format this hanban reads, a hanban version it satisfies,
    a catalog identity and a SHA-256 and size for every file (raise PackRefused)."""

    def bad(problem: str, name: str = "") -> PackRefused:
        return PackRefused(key=f"pack.manifest.{problem}", source=source, name=name)

    if len(raw) > limits.MAX_MANIFEST_BYTES:
        raise PackRefused(key="pack.member.too_big", source=source, name=MANIFEST)
    if limits.json_depth(raw) > limits.MAX_DEPTH:  # (json.loads recurses once per level)
        raise PackRefused(key="pack.manifest.too_deep", source=source, limit=limits.MAX_DEPTH)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise bad("json") from None
    if not isinstance(data, dict):
        raise bad("json")
    fmt = data.get("format")
    if isinstance(fmt, bool) or not isinstance(fmt, int) or fmt < 1:
        raise bad("field", "format")
    if fmt > FORMAT:
        raise PackRefused(key="pack.err.format", source=source, got=fmt, ours=FORMAT)
    need = data.get("min_hanban")
    if not isinstance(need, str) or not VERSION_RE.match(need):
        raise bad("field", "min_hanban")
    if version_tuple(need) > version_tuple(__version__):
        raise PackRefused(key="pack.err.min_version", source=source, need=need, ours=__version__)
    cat = data.get("catalog")
    # (the version names the pack's folder: only a calendar version may)
    if not isinstance(cat, dict) or not isinstance(cat.get("version"), str) or len(cat["version"]) > MAX_VERSION \
            or not CATALOG_VERSION_RE.match(cat["version"]):
        raise bad("field", "catalog.version")
    if not isinstance(cat.get("as_of"), str) or not DAY_RE.match(cat["as_of"]):
        raise bad("field", "catalog.as_of")
    publisher = cat.get("publisher")
    expires = data.get("expires", "")
    if not isinstance(expires, str) or (expires and not (DAY_RE.match(expires) and _real_day(expires))):
        raise bad("field", "expires")
    files = _files(data.get("files"), bad)
    return Manifest(fmt, cat["version"], cat["as_of"], publisher if isinstance(publisher, str) else "", need, files, expires)


def _real_day(day: str) -> bool:
    try:
        datetime.date.fromisoformat(day)
    except ValueError:
        return False
    return True


def _files(value: Any, bad: Callable[[str, str], PackRefused]) -> dict[str, FileEntry]:
    if not isinstance(value, dict) or not value:
        raise bad("field", "files")
    out: dict[str, FileEntry] = {}
    for name, entry in value.items():
        sha = entry.get("sha256") if isinstance(entry, dict) else None
        size = entry.get("size") if isinstance(entry, dict) else None
        if not isinstance(sha, str) or not SHA256_RE.match(sha) or isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise bad("entry", str(name))
        out[name] = FileEntry(sha, size)
    return out
