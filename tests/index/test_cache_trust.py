"""A cache that cannot be poisoned, a lock that is waited for aloud, a full disk: each ends with the
right catalog, one warning at most, and never a traceback or a file deleted under another process."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cache_helpers import held, index_file
from conftest import service_yaml
from hanban import index as ix
from hanban.catalog.files import catalog_roots
from hanban.catalog.load import load_catalog
from hanban.cli.app import app
from hanban.errors import HanbanError
from hanban.index import store as ix_store
from hanban.index.services import IndexedServices

Write = Callable[[str, str], Path]
ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
OTHER_UID = 65534  # nobody


def clean_list() -> str:
    """What `list` prints from the YAML itself."""
    from hanban.render.plain import list_line

    return "".join(list_line(s, "en", "2026-12-01") + "\n" for s in load_catalog().services.values())


def run_list(runner: CliRunner) -> Any:
    return runner.invoke(app, ["--lang", "en", "list"])


class Warnings(list[tuple[float, str]]):
    """What `warn` was handed, with when (seconds since made)."""

    def __init__(self) -> None:
        super().__init__()
        self.start = time.monotonic()

    def __call__(self, exc: HanbanError) -> None:
        self.append((time.monotonic() - self.start, exc.text("en")))

    def texts(self) -> list[str]:
        return [t for _, t in self]


# -- a private folder; nobody else's files --------------------------------------------------------
def test_the_cache_folder_is_private_and_the_index_is_the_users_alone(runner: CliRunner, own_cache: Path) -> None:
    assert run_list(runner).exit_code == 0
    assert stat.S_IMODE(own_cache.stat().st_mode) == 0o700
    assert stat.S_IMODE(index_file(own_cache).stat().st_mode) == 0o600


def test_a_folder_others_may_write_to_is_not_used(runner: CliRunner, own_cache: Path) -> None:
    own_cache.mkdir(mode=0o777)
    own_cache.chmod(0o777)
    got = run_list(runner)
    assert got.exit_code == 0 and got.stdout == clean_list()
    assert got.stderr.count("can be written by other users (mode 777, no sticky bit)") == 1
    assert list(own_cache.iterdir()) == []


def test_a_shared_folder_with_the_sticky_bit_is_used(runner: CliRunner, own_cache: Path) -> None:
    own_cache.mkdir()
    own_cache.chmod(0o1777)
    got = run_list(runner)
    assert got.exit_code == 0 and got.stderr == ""
    assert stat.S_IMODE(index_file(own_cache).stat().st_mode) == 0o600


@ROOT_ONLY
def test_a_folder_owned_by_another_user_is_not_used(runner: CliRunner, own_cache: Path) -> None:
    own_cache.mkdir(mode=0o700)
    os.chown(own_cache, OTHER_UID, OTHER_UID)
    got = run_list(runner)
    assert got.exit_code == 0 and got.stdout == clean_list()
    assert f"{own_cache} belongs to another user (uid {OTHER_UID})" in got.stderr


@ROOT_ONLY
def test_an_index_planted_by_another_user_is_not_read(runner: CliRunner, own_cache: Path) -> None:
    assert run_list(runner).exit_code == 0
    planted = index_file(own_cache)
    db = sqlite3.connect(planted)
    db.execute("UPDATE services SET name = ? WHERE id = 'no-crime-certificate'", ('["x","Forged name","x"]',))
    db.commit()
    db.close()
    os.chown(planted, OTHER_UID, OTHER_UID)
    got = run_list(runner)
    assert got.exit_code == 0 and got.stdout == clean_list() and "Forged" not in got.stdout
    assert "belongs to another user" in got.stderr
    assert planted.stat().st_uid == OTHER_UID  # left alone


def test_an_index_others_may_write_to_is_built_again(runner: CliRunner, own_cache: Path) -> None:
    assert run_list(runner).exit_code == 0
    path = index_file(own_cache)
    with sqlite3.connect(path) as db:  # a mark that only this file has (a new file may reuse its inode)
        db.execute("INSERT INTO meta VALUES ('planted', 'x')")
    db.close()
    path.chmod(0o666)
    got = run_list(runner)
    assert got.exit_code == 0 and got.stdout == clean_list() and got.stderr == ""
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM meta WHERE key = 'planted'").fetchone() == (0,)
    db.close()


@pytest.mark.parametrize("side", ["", "-journal"])
def test_a_symlink_planted_at_the_index_name_is_not_followed(runner: CliRunner, own_cache: Path, tmp_path: Path, side: str) -> None:
    own_cache.mkdir(mode=0o700)
    name = ix_store.index_path(catalog_roots([]), own_cache)
    target = tmp_path / "victim"
    Path(str(name) + side).symlink_to(target)
    got = run_list(runner)
    assert got.exit_code == 0 and got.stdout == clean_list()
    assert "is not a regular file (a symbolic link?)" in got.stderr
    assert not target.exists()  # nothing was created or written through the link


# -- another hanban holding the lock -----------------------------------------------------------------
def _stale(write: Write, cache: Path) -> Path:
    """An overlay whose index is built, then an edit, so that the next run must write."""
    f = write("ov/a.yaml", service_yaml("local-a", en="Local A"))
    ix.open_catalog([f.parent], directory=cache)
    f.write_text(service_yaml("local-a", en="Local A edited"), encoding="utf-8")
    return f.parent


def test_waiting_for_another_hanban_is_said_within_a_second_then_the_yaml_is_read(
    write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    overlay = _stale(write, cache)
    path = index_file(cache)
    monkeypatch.setattr(ix_store, "LOCK_WAIT", 2)
    with held(path):
        warned = Warnings()
        cat = ix.open_catalog([overlay], directory=cache, warn=warned)
        took = time.monotonic() - warned.start
    # said first, after NOTICE_AFTER (under a second), long before giving up after LOCK_WAIT
    assert ix_store.NOTICE_AFTER < 1 and warned[0][0] < took
    assert warned[0][1].startswith("waiting for another hanban that is updating the catalog index")
    assert warned.texts()[1:] == ["another hanban has held the catalog index for over 2 seconds; loading the catalog directly"]
    assert took >= 2
    assert not isinstance(cat.services, IndexedServices) and cat.services["local-a"].name.en == "Local A edited"
    assert path.exists()  # never deleted under the other process


def test_a_lock_released_in_time_is_waited_for_and_the_index_used(write: Write, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    overlay = _stale(write, cache)
    with held(index_file(cache), seconds=1.5):
        warned = Warnings()
        cat = ix.open_catalog([overlay], directory=cache, warn=warned)
    assert [t.split(" (")[0] for t in warned.texts()] == ["waiting for another hanban that is updating the catalog index"]
    assert isinstance(cat.services, IndexedServices) and cat.services["local-a"].name.en == "Local A edited"


def test_an_index_another_process_is_reading_is_never_deleted(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    ix.open_catalog(directory=cache)
    path = index_file(cache)
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = 'hanban 0.0.1' WHERE key = 'version'")  # an older hanban's index
    db.commit()
    db.close()
    inode = path.stat().st_ino
    with held(path, "BEGIN"):  # the older hanban, reading it
        warned = Warnings()
        cat = ix.open_catalog(directory=cache, warn=warned)
        assert path.stat().st_ino == inode
    assert warned.texts() == [f"the catalog index {path} needs rebuilding but another hanban is using it; loading the catalog directly this time"]
    assert list(cat.services) == list(load_catalog().services)
    assert isinstance(ix.open_catalog(directory=cache).services, IndexedServices)  # and rebuilt once it is free


# -- a full disk ---------------------------------------------------------------------------------------
@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Index files may not grow past 40 pages (160 KiB): SQLite's own "database or disk is full"."""
    real = sqlite3.connect

    def connect(path: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        db = real(path, *args, **kwargs)
        if str(path).endswith(".sqlite"):
            db.execute("PRAGMA max_page_count = 40")
        return db

    monkeypatch.setattr(sqlite3, "connect", connect)


def test_a_full_disk_during_the_first_build_leaves_no_empty_index_file(runner: CliRunner, own_cache: Path, full_disk: None) -> None:
    # the schema fits, the catalog does not: the file made for it held nothing but its empty tables
    # (64 KiB) and was left behind on every run
    got = run_list(runner)
    assert got.exit_code == 0 and got.stdout == clean_list()
    assert sorted(p.name for p in own_cache.iterdir()) == []


def test_a_full_disk_during_an_update_keeps_the_index_it_had(runner: CliRunner, own_cache: Path, write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    ov = write("ov/a.yaml", service_yaml("local-a", en="Local A")).parent
    ix.open_catalog([ov], directory=own_cache)
    before = index_file(own_cache).read_bytes()
    for i in range(40):
        write(f"ov/b{i}.yaml", service_yaml(f"local-b{i}", zh=f"测试服务乙{i}", en=f"Local B {i} " + "x" * 2000))
    real = sqlite3.connect

    def connect(path: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        db = real(path, *args, **kwargs)
        if str(path).endswith(".sqlite"):
            db.execute(f"PRAGMA max_page_count = {len(before) // 4096 + 2}")  # (the update does not fit)
        return db

    monkeypatch.setattr(sqlite3, "connect", connect)
    warned: list[str] = []
    cat = ix.open_catalog([ov], directory=own_cache, warn=lambda e: warned.append(e.key))
    assert "local-b39" in cat.services and warned == ["cache.full"]
    assert index_file(own_cache).read_bytes() == before  # the built index stays for the next run


def test_a_full_disk_under_the_cache_warns_once_and_loads_directly_on_every_run(runner: CliRunner, own_cache: Path, full_disk: None) -> None:
    for _ in range(2):
        got = run_list(runner)
        assert got.exit_code == 0, got.output
        assert got.stdout == clean_list()
        assert got.stderr.count("is full: the catalog index cannot be updated (database or disk is full)") == 1
        assert len(got.stderr.splitlines()) == 1 and "rollback" not in got.stderr
