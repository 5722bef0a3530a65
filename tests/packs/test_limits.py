"""A hostile pack's cost: every header, member, manifest and YAML value is bounded before it is read,
parsed or held (hanban.packs.limits states the bounds). Memory is measured with tracemalloc."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import tracemalloc
from collections.abc import Callable

import pytest

from hanban.errors import PackRefused
from hanban.packs import limits
from hanban.packs.archive import read_pack
from pack_helpers import Member, folder_files, manifest, pack_folder, pack_of, tar_gz

MiB = 1024 * 1024


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return folder_files(pack_folder(tmp_path_factory.mktemp("limits") / "f"))


def refusal(data: bytes) -> str:
    with pytest.raises(PackRefused) as info:
        read_pack(data, "p")
    assert info.value.params.get("source", "p") == "p"  # (named in the message)
    return info.value.key


def peak(action: Callable[[], object]) -> int:
    """The most memory (bytes) `action` held at once."""
    tracemalloc.start()
    try:
        action()
    except PackRefused:
        pass
    finally:
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return top


def gz(raw: bytes) -> bytes:
    return gzip.compress(raw, compresslevel=1, mtime=0)


def header(name: str, size: int, kind: bytes) -> bytes:
    info = tarfile.TarInfo(name)
    info.size, info.type = size, kind
    return info.tobuf(tarfile.USTAR_FORMAT)


def zeros_member(kind: bytes, size: int) -> bytes:
    """A gzip'd tar whose first member is an extended header (PAX or GNU) of `size` zero bytes, streamed."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=1, mtime=0) as g:
        g.write(header("././@PaxHeader" if kind == tarfile.XHDTYPE else "././@LongLink", size, kind))
        block = b"\0" * MiB
        for _ in range(size // MiB):
            g.write(block)
        g.write(b"\0" * (1024 * 10))
    return out.getvalue()


# -- item 3: the manifest's JSON ------------------------------------------------------------------


def with_manifest(files: dict[str, bytes], raw: bytes) -> bytes:
    return tar_gz([Member("manifest.json", raw), *(Member(n, b) for n, b in files.items())])


def test_a_deeply_nested_manifest_is_refused_before_it_is_parsed(files: dict[str, bytes]) -> None:
    assert refusal(with_manifest(files, b"[" * 200_000 + b"]" * 200_000)) == "pack.manifest.too_deep"
    assert refusal(with_manifest(files, b'{"a":' * 100 + b"1" + b"}" * 100)) == "pack.manifest.too_deep"
    shallow = json.loads(manifest(files))
    shallow["x"] = [[["[[not a bracket"]]]
    assert read_pack(with_manifest(files, json.dumps(shallow).encode()), "p")[1] == files  # brackets in strings do not count


def test_a_huge_version_number_is_refused_not_a_traceback(files: dict[str, bytes]) -> None:
    assert refusal(pack_of(files, min_hanban="1" * 5000)) == "pack.manifest.field"
    assert refusal(pack_of(files, min_hanban="0." + "9" * 20)) == "pack.manifest.field"
    assert refusal(pack_of(files, version="2026.12.01." + "9" * 5000)) == "pack.manifest.field"


def test_a_manifest_over_its_size_limit_is_refused_from_its_header(files: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_MANIFEST_BYTES", 100)
    assert refusal(pack_of(files)) == "pack.member.too_big"


# -- items 4 and 10: headers, members, values -----------------------------------------------------


@pytest.mark.parametrize("kind", [tarfile.XHDTYPE, tarfile.GNUTYPE_LONGNAME], ids=["PAX", "GNU long name"])
def test_an_extended_header_over_the_limit_is_refused_before_it_is_read(kind: bytes) -> None:
    bomb = zeros_member(kind, 256 * MiB)  # 256 MiB of zeros: a download of about 1 MB
    assert len(bomb) < 2 * MiB
    assert refusal(bomb) == "pack.member.header_too_big"
    assert peak(lambda: read_pack(bomb, "p")) < 4 * MiB


def test_a_small_pax_header_is_read(files: dict[str, bytes]) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz", format=tarfile.PAX_FORMAT) as tar:
        for name, data in [("manifest.json", manifest(files)), *files.items()]:
            info = tarfile.TarInfo(name)
            info.size, info.pax_headers = len(data), {"comment": "x" * 1000}
            tar.addfile(info, io.BytesIO(data))
    assert read_pack(buf.getvalue(), "p")[1] == files


def test_a_gzip_bomb_is_stopped_at_the_unpacked_limit_in_bounded_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_TAR_BYTES", 8 * MiB)
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=1, mtime=0) as g:
        for i in range(64):  # 64 members of 1 MiB of zeros each, in 64 KB
            g.write(header(f"m{i}.yaml", MiB, tarfile.REGTYPE) + b"\0" * MiB)
    assert refusal(out.getvalue()) in {"pack.err.too_big_unpacked", "pack.err.unlisted", "pack.err.no_manifest"}
    # whatever is refused first, no more than the limit is read
    assert peak(lambda: read_pack(out.getvalue(), "p")) < 8 * MiB + 4 * MiB


def test_a_chain_of_extended_headers_is_refused_not_a_recursion_error() -> None:
    one = header("././@PaxHeader", 512, tarfile.XHDTYPE) + (b"11 path=abc\n").ljust(512, b"\0")
    assert refusal(gz(one * 5000 + b"\0" * 10240)) in {"pack.member.header_too_big", "pack.err.damaged"}


def test_a_sparse_member_is_refused(files: dict[str, bytes]) -> None:
    data = manifest(files)
    info = header("manifest.json", len(data), tarfile.GNUTYPE_SPARSE)
    raw = tar_gz([])  # the end blocks
    assert refusal(gz(info + data.ljust(512 * ((len(data) + 511) // 512), b"\0") + gzip.decompress(raw))) in {"pack.member.special", "pack.err.damaged"}


def test_too_many_yaml_values_in_a_pack_are_refused_before_the_catalog_is_parsed(files: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    glossary = b"glossary:\n" + b"".join(b"  - {term: t%d, means: m}\n" % i for i in range(10_000))
    many = {**files, **{f"g{i}.yaml": glossary for i in range(4)}}  # 4 x 60,000 events (6 per entry)
    monkeypatch.setattr(limits, "MAX_VALUES", 100_000)
    assert refusal(pack_of(many)) == "pack.err.too_many_values"
    assert peak(lambda: read_pack(pack_of(many), "p")) < 16 * MiB
    assert read_pack(pack_of({**files, "g0.yaml": glossary}), "p")  # under the limit: read (the validator judges it)


def test_deep_yaml_in_a_pack_is_refused_before_the_catalog_is_parsed(files: dict[str, bytes]) -> None:
    assert refusal(pack_of({**files, "deep.yaml": b"a: " + b"[" * 100 + b"]" * 100 + b"\n"})) == "pack.err.yaml_too_deep"
    assert refusal(pack_of({**files, "deep.yaml": b"".join(b"  " * i + b"k:\n" for i in range(1000))})) == "pack.err.yaml_too_deep"


def test_the_built_in_catalog_is_well_within_the_yaml_limits() -> None:
    from conftest import REPO

    budget = limits.YamlBudget("p")
    for path in sorted((REPO / "catalog").rglob("*.yaml")):
        budget.scan(path.name, path.read_bytes())
    assert budget.values * 5 < limits.MAX_VALUES and budget.deepest * 2 < limits.MAX_DEPTH


# -- trailing garbage (item 11) -------------------------------------------------------------------


def test_data_after_the_archive_is_refused(files: dict[str, bytes]) -> None:
    tar = gzip.decompress(pack_of(files))
    assert tar.endswith(b"\0" * 1024)
    assert refusal(gz(tar + b"garbage")) == "pack.err.trailing"
    assert refusal(gz(tar[:-1024] + b"x" * 512 + b"\0" * 1024)) in {"pack.err.trailing", "pack.err.damaged"}  # a broken block mid-way
    assert refusal(pack_of(files) + b"garbage after the gzip stream") in {"pack.err.trailing", "pack.err.damaged"}
    assert refusal(pack_of(files) + gz(b"more")) == "pack.err.trailing"  # a second gzip member
    cut = tar.rstrip(b"\0")
    assert refusal(gz(cut.ljust(-(-len(cut) // 512) * 512, b"\0"))) == "pack.err.damaged"  # no end-of-archive blocks
    assert read_pack(gz(tar + b"\0" * 4096), "p")[1] == files  # zero padding is not data


@pytest.mark.parametrize("record", [{"GNU.sparse.size": ""}, {"GNU.sparse.size": "x"}, {"size": "-1"}, {"GNU.sparse.map": "1,a"}])
def test_a_pax_record_tarfile_cannot_read_is_a_damaged_pack(files: dict[str, bytes], record: dict[str, str]) -> None:
    """(Found by the fuzz test: tarfile reads GNU.sparse.size with a bare int(), a ValueError traceback.)"""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz", format=tarfile.PAX_FORMAT) as tar:
        for name, data in [("manifest.json", manifest(files)), *files.items()]:
            info = tarfile.TarInfo(name)
            info.size, info.pax_headers = len(data), record if name == "catalog.yaml" else {}
            tar.addfile(info, io.BytesIO(data))
    assert refusal(buf.getvalue()) in {"pack.err.damaged", "pack.member.special", "pack.member.too_big"}
