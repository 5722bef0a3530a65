"""Pack archives and manifests on their own: names, versions, a round trip, the store's state."""

from __future__ import annotations

from pathlib import Path

import pytest

from hanban.errors import PackRefused
from hanban.packs.archive import read_pack, safe_name, write_pack
from hanban.packs.manifest import FileEntry, Manifest, version_tuple
from hanban.packs.store import PackStore
from pack_helpers import Member, folder_files, manifest, pack_folder, sha256, tar_gz


@pytest.mark.parametrize(
    ("name", "safe"),
    [("catalog.yaml", "catalog.yaml"), ("./services/a.yaml", "services/a.yaml"), ("services//a.yaml", "services/a.yaml"), (".", "")],
)
def test_a_relative_name_is_normalised(name: str, safe: str) -> None:
    assert safe_name(name, "p") == safe


@pytest.mark.parametrize(
    ("name", "key"),
    [("/etc/x.yaml", "pack.member.absolute"), ("C:/x.yaml", "pack.member.absolute"), ("a/../../x.yaml", "pack.member.parent"),
     ("..", "pack.member.parent"), ("a\\b.yaml", "pack.member.name"), (".hidden/x.yaml", "pack.member.name")],
)
def test_a_name_that_would_leave_the_folder_is_refused(name: str, key: str) -> None:
    with pytest.raises(PackRefused) as info:
        safe_name(name, "p")
    assert info.value.key == key


def test_versions_compare_as_numbers() -> None:
    assert version_tuple("0.10.0") > version_tuple("0.9.9")
    assert version_tuple("0.2") == (0, 2)
    assert version_tuple("1.0.0rc1") == (1, 0, 0)


def test_a_pack_reads_back_as_written_and_names_with_dot_slash_are_accepted(tmp_path: Path) -> None:
    files = folder_files(pack_folder(tmp_path / "f"))
    m = Manifest(1, "2026.12.01", "2026-11-30", "", "0.2.0", {n: FileEntry(sha256(b), len(b)) for n, b in files.items()})
    got_manifest, got_files = read_pack(write_pack(m, files, 0), "p")
    assert got_files == files and got_manifest == m
    by_gnu_tar = tar_gz([Member(".", kind="dir"), Member("./manifest.json", manifest(files)), *(Member(f"./{n}", b) for n, b in files.items())])
    assert read_pack(by_gnu_tar, "p")[1] == files


def test_rollback_toggles_and_refuses_when_the_previous_pack_is_gone(tmp_path: Path) -> None:
    store = PackStore(tmp_path / "data")
    with pytest.raises(PackRefused) as info:
        store.rollback()
    assert info.value.key == "pack.err.no_previous"
    (tmp_path / "data" / "packs" / "2026.12.01-abc").mkdir(parents=True)
    (tmp_path / "data" / "state.json").write_text('{"current": "builtin", "previous": "2026.12.01-abc"}')
    assert store.rollback() == ("2026.12.01-abc", "builtin")
    assert store.rollback() == ("builtin", "2026.12.01-abc")
    (tmp_path / "data" / "packs" / "2026.12.01-abc").rmdir()
    with pytest.raises(PackRefused) as info:
        store.rollback()
    assert info.value.key == "pack.err.previous_gone"
