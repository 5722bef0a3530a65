"""Random packs built from a valid one -- members, tar headers, the manifest, the YAML and the raw
bytes mutated -- are each either refused clearly (exit 3, one line on stderr, no traceback) or
installed correctly, with the previous state intact and memory bounded. A few seconds in CI (the
`ci` profile draws the same examples every run)."""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import shutil
import tarfile
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hanban.cli.app import app
from pack_helpers import fingerprint, folder_files, pack_folder

REFUSED = "hanban: refused, nothing changed: "
MiB = 1024 * 1024
MEMORY_BOUND = 256 * MiB  # for the whole update of a pack of at most about 1 MB (limits.py states the parts)

KINDS = {"file": tarfile.REGTYPE, "dir": tarfile.DIRTYPE, "symlink": tarfile.SYMTYPE, "hardlink": tarfile.LNKTYPE,
         "fifo": tarfile.FIFOTYPE, "sparse": tarfile.GNUTYPE_SPARSE, "pax": tarfile.XHDTYPE, "longname": tarfile.GNUTYPE_LONGNAME}
NAMES = ["../x.yaml", "/etc/x.yaml", "a\\b.yaml", ".hidden.yaml", "x.txt", "services/new.yaml", "manifest.json", "manifest.json.sig",
         "services//certificates.yaml", "./catalog.yaml", "ü.yaml", "a" * 300 + ".yaml"]


class Member:
    def __init__(self, name: str, body: bytes, kind: str = "file", size: int | None = None, pax: dict[str, str] | None = None) -> None:
        self.name, self.body, self.kind, self.size, self.pax = name, body, kind, size, pax or {}

    def raw(self, fmt: int) -> bytes:
        """The member's header block(s) (tarfile writes PAX or GNU extras as the format needs) and its body, padded."""
        info = tarfile.TarInfo(self.name)
        info.type = KINDS[self.kind]
        info.size = len(self.body) if self.size is None else self.size
        info.pax_headers = self.pax
        if self.kind in ("symlink", "hardlink"):
            info.linkname = "catalog.yaml"
        try:
            head = info.tobuf(fmt, "utf-8", "surrogateescape")
        except ValueError:  # a name or value this format cannot hold
            head = info.tobuf(tarfile.PAX_FORMAT, "utf-8", "surrogateescape")
        return head + self.body + b"\0" * (-len(self.body) % 512)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], Path]:
    """The files of a valid pack, and a data folder with another valid pack installed."""
    from hanban.packs.build import build_pack
    from hanban.packs.update import Trust, update

    tmp = tmp_path_factory.mktemp("fuzz")
    old = tmp / "old.tar.gz"
    old.write_bytes(build_pack(pack_folder(tmp / "old", version="2026.11.01", as_of="2026-10-31", name="Old name"))[0])
    update(tmp / "data", str(old), trust=Trust(allow_unsigned=True))
    return folder_files(pack_folder(tmp / "new")), tmp / "data"


def manifest_of(files: dict[str, bytes]) -> dict[str, Any]:
    return {"format": 1, "catalog": {"version": "2026.12.01", "as_of": "2026-11-30"}, "min_hanban": "0.2.0", "expires": "2027-11-30",
            "files": {n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in files.items()}}


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers(-2, 10**12) | st.text(max_size=20) | st.just("9" * 5000),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)
YAML_NOISE = st.sampled_from([b"[" * 40 + b"]" * 40, b"&a x: *a\n", b"!!python/object:os.system 'x'\n", b"\xff\xfe", b"- " * 50 + b"x\n",
                              b"x: " + b"1" * 200 + b"\n", b"\t", b"services:\n  - id: x\n", b"'unclosed", b"{a: b, a: c}\n"])


def mutate_member(draw: st.DrawFn, members: list[Member]) -> None:
    """One change to a member or its header, or one member dropped, repeated or added."""
    i = draw(st.integers(0, len(members) - 1))
    change = draw(st.sampled_from(["kind", "name", "size", "pax", "drop", "twice", "insert"]))
    m = members[i]
    if change == "kind":
        m.kind = draw(st.sampled_from(sorted(KINDS)))
    elif change == "name":
        m.name = draw(st.sampled_from(NAMES) | st.text(min_size=1, max_size=12))
    elif change == "size":
        m.size = draw(st.integers(0, 20 * MiB))
    elif change == "pax":
        m.pax = {draw(st.sampled_from(["comment", "path", "size", "GNU.sparse.size", "mtime"])): draw(st.text(max_size=8)) * draw(st.integers(1, 20_000))}
    elif change == "drop":
        members.pop(i)
    elif change == "twice":
        members.append(Member(m.name, m.body))
    else:
        members.insert(i, Member(draw(st.sampled_from(NAMES)), draw(YAML_NOISE)))


def mutate_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """The gzip'd bytes, mostly as they are; else cut, with bytes after them, or one byte changed."""
    tail = draw(st.sampled_from(["", "", "", "", "", "cut", "append", "flip"]))
    if tail == "cut":
        return data[: draw(st.integers(0, len(data)))]
    if tail == "append":
        return data + draw(st.binary(min_size=1, max_size=20))
    if tail == "flip":
        at = draw(st.integers(0, len(data) - 1))
        return data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]
    return data


@st.composite
def hostile_packs(draw: st.DrawFn, files: dict[str, bytes]) -> tuple[bytes, dict[str, bytes]]:
    """A pack's bytes and the files it should install if accepted."""
    files = dict(files)
    if draw(st.booleans()):  # the YAML: noise somewhere in a file, its hash kept right (so the validator sees it) or not
        name = draw(st.sampled_from(sorted(files)))
        body = files[name]
        at = draw(st.integers(0, len(body)))
        files[name] = body[:at] + draw(YAML_NOISE | st.binary(max_size=30)) + body[at:]
    manifest = manifest_of(files)
    if draw(st.booleans()):  # the manifest: a value replaced at a random path
        path = draw(st.sampled_from([("format",), ("min_hanban",), ("expires",), ("catalog",), ("catalog", "version"), ("catalog", "as_of"),
                                     ("files",), ("files", "catalog.yaml"), ("files", "catalog.yaml", "size"), ("files", "catalog.yaml", "sha256")]))
        node = manifest
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = draw(JSON_VALUES)
    raw_manifest = json.dumps(manifest).encode() if draw(st.integers(0, 9)) else draw(st.binary(max_size=40)) + b"[" * draw(st.integers(0, 3000))
    members = [Member("manifest.json", raw_manifest)] + [Member(n, b) for n, b in sorted(files.items())]
    for _ in range(draw(st.integers(0, 3))):  # members and headers
        if members:
            mutate_member(draw, members)
    fmt = draw(st.sampled_from([tarfile.PAX_FORMAT, tarfile.GNU_FORMAT, tarfile.USTAR_FORMAT]))
    try:
        tar = b"".join(m.raw(fmt) for m in members) + b"\0" * 1024
    except (ValueError, UnicodeError):
        tar = b"\0" * 1024
    data = gzip.compress(tar, compresslevel=1, mtime=0)
    return mutate_bytes(draw, data), files


COUNTER = itertools.count()


def test_a_random_pack_is_refused_clearly_or_installed_correctly(
    base: tuple[dict[str, bytes], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files, template = base

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(hostile_packs(files))
    def check(case: tuple[bytes, dict[str, bytes]]) -> None:
        data_bytes, want = case
        where = tmp_path / str(next(COUNTER))
        data = Path(shutil.copytree(template, where / "data", symlinks=True))
        pack = where / "p.tar.gz"
        pack.write_bytes(data_bytes)
        monkeypatch.setenv("HANBAN_DATA", str(data))
        before = fingerprint(data)
        old = json.loads((data / "state.json").read_text())["current"]
        tracemalloc.start()
        try:
            got = CliRunner().invoke(app, ["--lang", "en", "catalog", "update", str(pack), "--allow-unsigned"])
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < MEMORY_BOUND
        assert got.exit_code in (0, 3), (got.exit_code, got.output, got.exception)
        assert isinstance(got.exception, SystemExit) or got.exception is None, got.exception
        assert "Traceback" not in got.output
        if got.exit_code == 3:
            lines = got.stderr.splitlines()
            assert len(lines) == 1 and lines[0].startswith(REFUSED), lines
            assert fingerprint(data) == before
            return
        state = json.loads((data / "state.json").read_text())
        assert state["previous"] == old
        assert {k: v for k, v in fingerprint(data).items() if k.startswith(f"packs/{old}/")} == {k: v for k, v in before.items() if k.startswith(f"packs/{old}/")}
        installed = data / "packs" / state["current"]
        assert folder_files(installed) == want
        shutil.rmtree(where)

    check()
