"""Packs as archives: writing one (byte for byte the same for the same files) and reading one with
every member checked before anything touches the disk."""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import tarfile
import zlib
from collections.abc import Mapping

from hanban.catalog.files import YAML_SUFFIXES
from hanban.errors import PackRefused
from hanban.packs.manifest import MANIFEST, Manifest, read_manifest

MAX_MEMBERS = 10_000
MAX_FILE_BYTES = 5 * 1024 * 1024  # as for any catalog file (hanban.catalog.yamlio.MAX_BYTES)
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
DRIVE_RE = re.compile(r"^[A-Za-z]:")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_pack(manifest: Manifest, files: Mapping[str, bytes], mtime: int) -> bytes:
    """The pack as .tar.gz bytes: manifest.json first, then the files in sorted order, with fixed
    owners, modes and times (`mtime`), so the same catalog always gives the same bytes and digest."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as gz, tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in [(MANIFEST, manifest.to_json().encode("utf-8")), *sorted(files.items())]:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), mtime, 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def read_pack(data: bytes, source: str) -> tuple[Manifest, dict[str, bytes]]:
    """The manifest and files of a pack, every member and hash checked (raise PackRefused)."""
    if not data.startswith(b"\x1f\x8b"):
        head = data[:1024].lstrip().lower()
        web_page = head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")) or b"<html" in head
        raise PackRefused(key="pack.err.web_page" if web_page else "pack.err.not_pack", source=source)
    members = _members(data, source)
    raw = members.pop(MANIFEST, None)
    if raw is None:
        raise PackRefused(key="pack.err.no_manifest", source=source)
    manifest = read_manifest(raw, source)
    for name in members:
        if name not in manifest.files:
            raise PackRefused(key="pack.err.unlisted", source=source, name=name)
    for name, entry in manifest.files.items():
        if safe_name(name, source) != name:
            raise PackRefused(key="pack.manifest.entry", source=source, name=name)
        if name not in members:
            raise PackRefused(key="pack.err.missing", source=source, name=name)
        body = members[name]
        if len(body) != entry.size or sha256(body) != entry.sha256:
            raise PackRefused(key="pack.err.hash", source=source, name=name)
    return manifest, members


def _members(data: bytes, source: str) -> dict[str, bytes]:
    """Every regular file of the archive, by its normalised name (links, devices and names that
    would leave the folder are refused; a damaged or truncated archive is refused)."""
    out: dict[str, bytes] = {}
    total = 0
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            for count, info in enumerate(iter(tar.next, None), 1):
                if count > MAX_MEMBERS:
                    raise PackRefused(key="pack.err.too_many", source=source, limit=MAX_MEMBERS)
                name = safe_name(info.name, source)
                if info.isdir():
                    continue
                if info.issym() or info.islnk():
                    raise PackRefused(key="pack.member.link", source=source, name=info.name)
                if not info.isreg():
                    raise PackRefused(key="pack.member.special", source=source, name=info.name)
                if name != MANIFEST and not name.endswith(YAML_SUFFIXES):
                    raise PackRefused(key="pack.member.not_yaml", source=source, name=info.name)
                if name in out:
                    raise PackRefused(key="pack.member.twice", source=source, name=info.name)
                total += info.size
                if info.size > MAX_FILE_BYTES or total > MAX_UNPACKED_BYTES:
                    raise PackRefused(key="pack.member.too_big", source=source, name=info.name)
                fh = tar.extractfile(info)
                body = fh.read(info.size) if fh is not None else b""
                if len(body) != info.size:
                    raise PackRefused(key="pack.err.damaged", source=source)
                out[name] = body
    except (tarfile.TarError, EOFError, zlib.error, OSError):
        raise PackRefused(key="pack.err.damaged", source=source) from None
    return out


def safe_name(name: str, source: str) -> str:
    """A member name as a relative path inside the pack ('./a/b.yaml' -> 'a/b.yaml'); refuse
    absolute paths, '..', backslashes and hidden names."""
    if name.startswith("/") or DRIVE_RE.match(name):
        raise PackRefused(key="pack.member.absolute", source=source, name=name)
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise PackRefused(key="pack.member.parent", source=source, name=name)
    if "\\" in name or "\0" in name or any(p.startswith(".") for p in parts):
        raise PackRefused(key="pack.member.name", source=source, name=name)
    return "/".join(parts)
