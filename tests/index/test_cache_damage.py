"""Damage SQLite still opens, found while reading (zeroed pages, rows that are not JSON, that do not
decode as UTF-8, that miss a key, that carry escape sequences): the index is deleted and built again,
once, saying so in one line, and the command prints what the YAML says. And a same-size edit with its old timestamp put
back is seen."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cache_helpers import index_file
from conftest import service_yaml
from hanban import index as ix
from hanban.catalog.load import load_catalog
from hanban.cli.app import app
from hanban.index import services as ix_services
from hanban.index import store as ix_store

Write = Callable[[str, str], Path]
SID = "no-crime-certificate"


_direct: dict[tuple[str, ...], str] = {}


def direct(args: list[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """What the command prints from the YAML itself."""
    from hanban.cli.context import Invocation
    from wizard_helpers import real

    if tuple(args) not in _direct:
        cat, _ = real()
        with monkeypatch.context() as m:
            m.setattr(Invocation, "catalog", lambda self: cat)
            _direct[tuple(args)] = CliRunner().invoke(app, args).stdout
    return _direct[tuple(args)]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the built-in catalog, built once for the module."""
    cache = tmp_path_factory.mktemp("pristine")
    ix.open_catalog(directory=cache)
    return index_file(cache)


@pytest.fixture
def built(own_cache: Path, pristine: Path) -> Path:
    """The test's own cache folder, holding a copy of the pristine index."""
    import shutil

    own_cache.mkdir(mode=0o700)
    shutil.copy2(pristine, own_cache / pristine.name)
    return own_cache


def sql(cache: Path, statement: str, *params: Any) -> None:
    db = sqlite3.connect(index_file(cache))
    db.execute(statement, params)
    db.commit()
    db.close()


def data_of(cache: Path, sid: str = SID) -> Any:
    db = sqlite3.connect(index_file(cache))
    (data,) = db.execute("SELECT data FROM services WHERE id = ?", (sid,)).fetchone()
    db.close()
    return json.loads(data)


def zero_a_page_of_services(cache: Path) -> None:
    """Zero one leaf page of the services table (SQLite still opens the file)."""
    path = index_file(cache)
    db = sqlite3.connect(path)
    try:
        (page,) = db.execute("SELECT pageno FROM dbstat WHERE name = 'services' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 3").fetchone()
        size = db.execute("PRAGMA page_size").fetchone()[0]
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table")
    finally:
        db.close()
    raw = bytearray(path.read_bytes())
    raw[(page - 1) * size:page * size] = bytes(size)
    path.write_bytes(bytes(raw))


def forge_name(cache: Path) -> None:
    d = data_of(cache)
    d[1] = ["\x1b]0;pwned\x07\x1b[41m"] * 3  # the name, every script; valid JSON: "\u001b..."
    sql(cache, "UPDATE services SET data = ? WHERE id = ?", json.dumps(d, ensure_ascii=False), SID)


def drop_channel(cache: Path) -> None:
    d = data_of(cache)
    d[7].pop("one_window")  # channels: renderers would meet a KeyError
    sql(cache, "UPDATE services SET data = ? WHERE id = ?", json.dumps(d, ensure_ascii=False), SID)


DAMAGE: dict[str, Callable[[Path], None]] = {
    "a zeroed page": zero_a_page_of_services,
    "a row that is not JSON": lambda c: sql(c, "UPDATE services SET data = 'not json' WHERE id = ?", SID),
    "a row that is not UTF-8": lambda c: sql(c, "UPDATE services SET data = CAST(x'ff8081' AS TEXT) WHERE id = ?", SID),
    "a row one value short": lambda c: sql(c, "UPDATE services SET data = ? WHERE id = ?", json.dumps(data_of(c)[:-1]), SID),
    "a row missing a channel": drop_channel,
    "a row with an escape sequence": forge_name,
    "a name row with an escape sequence": lambda c: sql(c, "UPDATE services SET name = ? WHERE id = ?", '["\\u001b[2J","x","y"]', SID),
    "the tables row gone": lambda c: sql(c, "DELETE FROM meta WHERE key = 'tables'"),
    "the tables row not JSON": lambda c: sql(c, "UPDATE meta SET value = '{' WHERE key = 'tables'"),
}
LIST, SHOW, JSON, SEARCH, MEASURES = ["list"], ["show", SID], ["list", "--json"], ["search", "无犯罪记录"], ["measures"]
CASES = [  # each damage, with commands that read what it damaged
    ("a zeroed page", LIST), ("a zeroed page", SEARCH),
    ("a row that is not JSON", SHOW), ("a row that is not JSON", JSON),
    ("a row that is not UTF-8", LIST), ("a row that is not UTF-8", SHOW),
    ("a row one value short", SHOW), ("a row missing a channel", LIST),
    ("a row with an escape sequence", SHOW), ("a row with an escape sequence", JSON),
    ("a name row with an escape sequence", SEARCH),
    ("the tables row gone", MEASURES), ("the tables row gone", SHOW), ("the tables row not JSON", LIST),
]


@pytest.mark.parametrize(("damage", "args"), CASES, ids=[f"{d}-{' '.join(a)}" for d, a in CASES])
def test_damage_found_while_reading_rebuilds_the_index_once(
    runner: CliRunner, built: Path, monkeypatch: pytest.MonkeyPatch, damage: str, args: list[str]
) -> None:
    DAMAGE[damage](built)
    got = runner.invoke(app, ["--lang", "en", *args])
    assert got.exit_code == 0, got.output
    assert got.stdout == direct(["--lang", "en", *args], monkeypatch)
    assert got.stderr == f"hanban: the catalog index in {built} was damaged or inconsistent; it was built again\n"
    assert "\x1b" not in got.output
    again = runner.invoke(app, ["--lang", "en", *args])  # the rebuilt index serves the next run as is
    assert again.stdout == got.stdout and again.stderr == ""


def test_completion_reads_past_damage_too(built: Path) -> None:
    from hanban.cli import complete

    DAMAGE["a name row with an escape sequence"](built)
    assert (SID, "No-criminal-record certificate") in complete.service_ids(None, "no-")


def test_damage_that_comes_back_after_the_rebuild_is_one_message(runner: CliRunner, built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def never(s: Any) -> Any:
        raise ValueError("still damaged")

    monkeypatch.setattr(ix_services, "check_service", never)
    got = runner.invoke(app, ["--lang", "en", "show", SID])
    assert got.exit_code == 2 and "Traceback" not in got.output
    assert got.stderr == "hanban: the catalog index could not be read even after it was rebuilt (still damaged); run `hanban cache clear` and try again\n"


def test_a_rebuild_the_cache_folder_cannot_hold_goes_on_in_memory(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cat = ix.open_catalog(directory=built)
    DAMAGE["a row that is not JSON"](built)
    real_open = ix_store.SqliteIndex._open

    def full(self: Any) -> Any:  # from now on, the folder cannot take a new index
        monkeypatch.setattr(ix_store.SqliteIndex, "_open", real_open)
        raise ix_store.CacheUnavailable(key="cache.full", folder=str(built), why="database or disk is full")

    monkeypatch.setattr(ix_store.SqliteIndex, "_open", full)
    assert cat.services[SID] == load_catalog().services[SID]


# -- an edit that hides itself ----------------------------------------------------------------------
def _edit_keeping_size_and_time(f: Path, old: str, new: str) -> None:
    st = f.stat()
    text = f.read_text(encoding="utf-8")
    assert len(old.encode()) == len(new.encode()) and old in text
    f.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert (f.stat().st_size, f.stat().st_mtime_ns) == (st.st_size, st.st_mtime_ns)


def test_a_same_size_edit_with_the_old_timestamp_put_back_is_seen(write: Write, tmp_path: Path) -> None:
    f = write("ov/a.yaml", service_yaml("local-a", en="Local AAA"))
    cache = tmp_path / "cache"
    assert ix.open_catalog([f.parent], directory=cache).services["local-a"].name.en == "Local AAA"
    _edit_keeping_size_and_time(f, "Local AAA", "Local BBB")
    assert ix.open_catalog([f.parent], directory=cache).services["local-a"].name.en == "Local BBB"


def test_past_the_content_limit_only_size_and_time_are_compared(write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The documented limit: a catalog over 2 MiB is compared by size and modification time only."""
    monkeypatch.setattr(ix_store, "HASH_ALL_MAX", 1000)
    f = write("ov/a.yaml", service_yaml("local-a", en="Local AAA"))
    cache = tmp_path / "cache"
    ix.open_catalog([f.parent], directory=cache)
    _edit_keeping_size_and_time(f, "Local AAA", "Local BBB")
    assert ix.open_catalog([f.parent], directory=cache).services["local-a"].name.en == "Local AAA"
