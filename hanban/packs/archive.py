"""Packs as archives: writing one (byte for byte the same for the same files) and reading one with
every member checked before anything touches the disk."""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import tarfile
import zlib
from collections.abc import Callable, Mapping

from hanban.catalog.files import YAML_SUFFIXES
from hanban.errors import PackRefused
from hanban.packs import limits
from hanban.packs.manifest import MANIFEST, Manifest, read_manifest
from hanban.packs.sign import MAX_SIGNATURE_BYTES, SIGNATURE

MAX_MEMBERS = 10_000
MAX_FILE_BYTES = 5 * 1024 * 1024  # as for any catalog file (hanban.catalog.yamlio.MAX_BYTES)
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
DRIVE_RE = re.compile(r"^[A-Za-z]:")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_pack(manifest: Manifest, files: Mapping[str, bytes], mtime: int, signature: bytes | None = None) -> bytes:
    """The pack as .tar.gz bytes: manifest.json first (then its signature, if any), then the files
    in sorted order, with fixed owners, modes and times (`mtime`), so the same catalog always gives
    the same bytes and digest."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as gz, tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
        head = [(MANIFEST, manifest.to_json().encode("utf-8"))] + ([(SIGNATURE, signature)] if signature is not None else [])
        for name, data in [*head, *sorted(files.items())]:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), mtime, 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def read_pack(data: bytes, source: str, verify: Callable[[bytes, bytes | None], object] | None = None) -> tuple[Manifest, dict[str, bytes]]:
    """The manifest and files of a pack, every member and hash checked (raise PackRefused).
    `verify(manifest bytes, signature bytes or None)` raises to refuse the pack, before the
    manifest is parsed or a file is looked at."""
    if not data.startswith(b"\x1f\x8b"):
        head = data[:1024].lstrip().lower()
        web_page = head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")) or b"<html" in head
        raise PackRefused(key="pack.err.web_page" if web_page else "pack.err.not_pack", source=source)
    members = _members(data, source)
    raw = members.pop(MANIFEST, None)
    if raw is None:
        raise PackRefused(key="pack.err.no_manifest", source=source)
    signature = members.pop(SIGNATURE, None)
    if verify is not None:
        verify(raw, signature)
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
    budget = limits.YamlBudget(source)
    for name, body in sorted(members.items()):
        budget.scan(name, body)
    return manifest, members


class _TarInfo(tarfile.TarInfo):
    """tarfile's member header, refusing what would make tarfile read without bound: an extended
    header (PAX records, a GNU long name) over limits.MAX_HEADER_BYTES, a chain of them, and any
    block that is neither a header nor the archive's end (data after the archive, or no end)."""

    @classmethod
    def frombuf(cls, buf: bytes | bytearray, encoding: str, errors: str) -> _TarInfo:
        try:
            return super().frombuf(buf, encoding, errors)
        except _EOF_HEADER:  # a block of zeros: the archive's end (what follows is checked)
            raise
        except tarfile.HeaderError:  # no end blocks, a cut block, or a block that is not a header
            raise _NotHeader from None

    def _proc_member(self, tar: tarfile.TarFile) -> tarfile.TarInfo:
        stream: limits.Counted = tar.fileobj.fileobj  # type: ignore[attr-defined]  # (tarfile's _Stream over ours)
        if self.type in _EXTENDED:
            if self.size > limits.MAX_HEADER_BYTES or stream.chain >= limits.MAX_HEADER_CHAIN:
                raise PackRefused(key="pack.member.header_too_big", source=stream.source, limit=f"{limits.MAX_HEADER_BYTES:,}")
            stream.chain += 1
        else:
            stream.chain = 0
        return super()._proc_member(tar)  # type: ignore[misc,no-any-return]


_EOF_HEADER: type[Exception] = tarfile.EOFHeaderError  # type: ignore[attr-defined]  # (not in typeshed)


class _NotHeader(Exception):
    """A block where a member's header or the archive's end should be."""


_EXTENDED = (tarfile.XHDTYPE, tarfile.XGLTYPE, tarfile.SOLARIS_XHDTYPE, tarfile.GNUTYPE_LONGNAME, tarfile.GNUTYPE_LONGLINK)


def _members(data: bytes, source: str) -> dict[str, bytes]:
    """Every regular file of the archive, by its normalised name (links, devices and names that
    would leave the folder are refused; a damaged or truncated archive, or one with data after its
    end, is refused). The archive is streamed: see hanban.packs.limits for what it may cost."""
    out: dict[str, bytes] = {}
    total = 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb") as gz:
            stream = limits.Counted(gz, source)
            with tarfile.open(fileobj=stream, mode="r|", tarinfo=_TarInfo) as tar:  # type: ignore[call-overload]
                for count, info in enumerate(iter(tar.next, None), 1):
                    if count > MAX_MEMBERS:
                        raise PackRefused(key="pack.err.too_many", source=source, limit=MAX_MEMBERS)
                    name = _check_member(info, source, out)
                    if name is not None:
                        out[name] = _body(tar, info, source, total)
                        total += info.size
                rest = tar.fileobj.read(limits.CHUNK)
                while rest:  # the end blocks and the record's padding: zeros only
                    if rest.count(0) != len(rest):
                        raise PackRefused(key="pack.err.trailing", source=source)
                    rest = tar.fileobj.read(limits.CHUNK)
    except (tarfile.TarError, EOFError, zlib.error, OSError, _NotHeader, RecursionError, ValueError):
        # (ValueError: tarfile reads some PAX records, GNU.sparse.size for one, with a bare int())
        raise PackRefused(key="pack.err.damaged", source=source) from None
    return out


def _check_member(info: tarfile.TarInfo, source: str, seen: Mapping[str, bytes]) -> str | None:
    """The member's name when it is a file to read (None for a folder); refuse anything else."""
    name = safe_name(info.name, source)
    if info.isdir():
        return None
    if info.issym() or info.islnk():
        raise PackRefused(key="pack.member.link", source=source, name=info.name)
    if not info.isreg() or info.issparse():
        raise PackRefused(key="pack.member.special", source=source, name=info.name)
    if name not in (MANIFEST, SIGNATURE) and not name.endswith(YAML_SUFFIXES):
        raise PackRefused(key="pack.member.not_yaml", source=source, name=info.name)
    if name in seen:
        raise PackRefused(key="pack.member.twice", source=source, name=info.name)
    return name


def _body(tar: tarfile.TarFile, info: tarfile.TarInfo, source: str, total: int) -> bytes:
    """A member's bytes, its size checked against the limits before any is read."""
    name = safe_name(info.name, source)
    limit = limits.MAX_MANIFEST_BYTES if name == MANIFEST else MAX_SIGNATURE_BYTES if name == SIGNATURE else MAX_FILE_BYTES
    if info.size > limit or total + info.size > MAX_UNPACKED_BYTES:
        raise PackRefused(key="pack.member.too_big", source=source, name=info.name)
    fh = tar.extractfile(info)
    body = fh.read(info.size) if fh is not None else b""
    if len(body) != info.size:
        raise PackRefused(key="pack.err.damaged", source=source)
    return body


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
