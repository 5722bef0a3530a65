"""The cache does not grow for ever: indexes unused for 30 days, then the least recently used past
1 GiB, are deleted (never the one in use, nor one another process holds); `hanban cache info`
lists them and `hanban cache clear` deletes them."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cache_helpers import held
from conftest import service_yaml
from hanban import index as ix
from hanban.cli.app import app
from hanban.index import cachedir

Write = Callable[[str, str], Path]
DAY = 86_400


def old_index(cache: Path, name: str, days: float, size: int = 4096) -> Path:
    """An index file last used `days` ago (a real SQLite file, so another process can lock it)."""
    cache.mkdir(mode=0o700, exist_ok=True)
    path = cache / f"index-{name}.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO meta VALUES ('catalogs', ?)", (f"catalog\n/overlays/{name}",))
    db.execute("CREATE TABLE pad(x BLOB)")
    db.execute("INSERT INTO pad VALUES (zeroblob(?))", (size,))
    db.commit()
    db.close()
    when = time.time() - days * DAY
    os.utime(path, (when, when))
    return path


def names(cache: Path) -> list[str]:
    return sorted(p.name for p in cache.glob("index-*.sqlite"))


def test_indexes_unused_for_30_days_are_deleted_when_an_index_is_updated(write: Write, own_cache: Path) -> None:
    stale = old_index(own_cache, "stale", 40)
    recent = old_index(own_cache, "recent", 5)
    f = write("ov/a.yaml", service_yaml("local-a"))
    cat = ix.open_catalog([f.parent], directory=own_cache)
    assert "local-a" in cat.services
    assert not stale.exists() and recent.exists()
    assert len(names(own_cache)) == 2  # the recent one and the one just built


def test_an_old_index_another_process_holds_is_kept(write: Write, own_cache: Path) -> None:
    stale = old_index(own_cache, "stale", 40)
    with held(stale, "BEGIN"):
        ix.open_catalog(directory=own_cache)
        assert stale.exists()


def test_past_the_size_cap_the_least_recently_used_go_first_never_the_one_in_use(
    write: Write, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    oldest = old_index(own_cache, "oldest", 20, size=700_000)
    middle = old_index(own_cache, "middle", 10, size=700_000)
    newest = old_index(own_cache, "newest", 1, size=700_000)
    monkeypatch.setattr(cachedir, "MAX_BYTES", 2_700_000)  # (the built-in catalog's index is about 1.6 MB)
    cat = ix.open_catalog(directory=own_cache)
    assert len(cat.services) > 10
    assert not oldest.exists() and not middle.exists() and newest.exists()
    assert sum(f.bytes for f in cachedir.index_files(own_cache)) <= 2_700_000
    monkeypatch.setattr(cachedir, "MAX_BYTES", 1)  # the index in use stays, whatever the cap
    f = write("ov/a.yaml", service_yaml("local-a"))
    ix.open_catalog([f.parent], directory=own_cache)
    assert len(names(own_cache)) == 1 and not newest.exists()


def test_using_an_index_marks_it_used_once_a_day(own_cache: Path) -> None:
    ix.open_catalog(directory=own_cache)
    (path,) = own_cache.glob("index-*.sqlite")
    long_ago = time.time() - 3 * DAY
    os.utime(path, (long_ago, long_ago))
    ix.open_catalog(directory=own_cache)  # warm: nothing to update, but used
    assert time.time() - path.stat().st_mtime < 60


# -- hanban cache info / clear ------------------------------------------------------------------------
def test_cache_info_lists_each_index_with_its_catalogs(runner: CliRunner, own_cache: Path) -> None:
    assert runner.invoke(app, ["list"]).exit_code == 0
    old_index(own_cache, "other", 3, size=10_000)
    got = runner.invoke(app, ["--lang", "en", "cache", "info"])
    assert got.exit_code == 0 and got.stderr == ""
    lines = got.stdout.splitlines()
    assert lines[0] == f"cache folder: {own_cache}"
    assert sorted(line.split("\t")[3] for line in lines[1:3]) == ["catalog", "catalog + /overlays/other"]
    assert lines[3].startswith("2 index file(s), ") and "unused for 30 days" in lines[3]
    data = json.loads(runner.invoke(app, ["cache", "info", "--json"]).stdout)
    assert data["folder"] == str(own_cache) and len(data["indexes"]) == 2
    assert data["rules"] == {"unused_days": 30, "max_bytes": 1024**3}
    assert data["bytes"] == sum(x["bytes"] for x in data["indexes"])


def test_cache_clear_deletes_every_index_but_one_in_use(runner: CliRunner, own_cache: Path) -> None:
    assert runner.invoke(app, ["list"]).exit_code == 0
    busy = old_index(own_cache, "busy", 1)
    with held(busy, "BEGIN"):
        got = runner.invoke(app, ["--lang", "en", "cache", "clear"])
    assert got.exit_code == 0
    assert got.stderr.startswith("hanban: deleted 1 catalog index file(s) (")
    assert "kept 1 index file(s) another hanban is using" in got.stderr
    assert names(own_cache) == [busy.name]
    got = runner.invoke(app, ["--lang", "zh-Hans", "cache", "clear"])
    assert got.exit_code == 0 and "已删除 1 个目录索引" in got.stderr and names(own_cache) == []
    assert runner.invoke(app, ["list"]).exit_code == 0  # and the next command builds again


def test_cache_info_on_a_machine_with_no_cache_yet(runner: CliRunner, own_cache: Path) -> None:
    got = runner.invoke(app, ["--lang", "en", "cache", "info"])
    assert got.exit_code == 0 and got.stdout.splitlines()[1].startswith("0 index file(s)")
    assert not own_cache.exists()  # looking does not make it
