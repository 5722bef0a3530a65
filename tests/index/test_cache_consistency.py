"""The index's integers and references are checked as they are read, not trusted: a row flag out of
range, an id without its row in force or its first row, a count that disagrees with the rows, a
name that points nowhere, FTS rows deleted. Each was trusted forever (a KeyError traceback on every
`show`, a `list` that printed nothing, a search that found nothing); now each rebuilds the index,
saying so in one line on stderr, and the command prints what the YAML says."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from test_cache_damage import built, direct, pristine, sql
from typer.testing import CliRunner

from cache_helpers import index_file
from conftest import REPO
from hanban import index as ix
from hanban.cli.app import app
from hanban.index import services as ix_services

sys.path.insert(0, str(REPO / "benchmarks"))
import gen_catalog

__all__ = ["built", "pristine"]  # (fixtures, shared with the damage tests)

SID = "hukou-transfer"
LIST, SHOW, JSON, BY_NAME = ["list"], ["show", SID], ["list", "--json"], ["show", "无犯罪记录证明"]

TAMPER: dict[str, str] = {
    "top out of range": f"UPDATE services SET top = 2 WHERE id = '{SID}'",
    "no row in force": f"UPDATE services SET top = 0 WHERE id = '{SID}'",
    "first out of range": f"UPDATE services SET first = 2 WHERE id = '{SID}'",
    "no service first": "UPDATE services SET first = 0",
    "one service not first": f"UPDATE services SET first = 0 WHERE id = '{SID}'",
    "the count of services": "UPDATE meta SET value = '3' WHERE key = 'services'",
    "a count that is not a number": "UPDATE meta SET value = 'many' WHERE key = 'services'",
    "names pointing nowhere": "UPDATE names SET rid = rid + 1000000",
}
CASES = [
    ("top out of range", SHOW), ("top out of range", LIST),
    ("no row in force", SHOW), ("no row in force", LIST),
    ("first out of range", LIST), ("first out of range", SHOW),
    ("no service first", LIST), ("no service first", JSON),
    ("one service not first", LIST), ("one service not first", SHOW),
    ("the count of services", LIST), ("a count that is not a number", LIST),
    ("names pointing nowhere", BY_NAME),
]


@pytest.mark.parametrize(("tamper", "args"), CASES, ids=[f"{t}-{' '.join(a)}" for t, a in CASES])
def test_an_inconsistent_index_is_rebuilt_with_one_line(
    runner: CliRunner, built: Path, monkeypatch: pytest.MonkeyPatch, tamper: str, args: list[str]
) -> None:
    sql(built, TAMPER[tamper])
    got = runner.invoke(app, ["--lang", "en", *args])
    assert got.exit_code == 0, got.output
    assert got.stdout == direct(["--lang", "en", *args], monkeypatch)
    assert got.stderr == f"hanban: the catalog index in {built} was damaged or inconsistent; it was built again\n"
    again = runner.invoke(app, ["--lang", "en", *args])  # the rebuilt index serves the next run as is
    assert again.stdout == got.stdout and again.stderr == ""


def _search(cat: Any, query: str) -> list[str]:
    from hanban.find.search import search

    return [h.id for h in search(cat, query)]


def test_fts_rows_deleted_on_a_large_overlay_are_found_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    overlay = tmp_path / "overlay"
    gen_catalog.generate(400, overlay)
    monkeypatch.setattr(ix_services, "SEARCH_SCAN_MAX", 100)  # (as a 6,000-service overlay: FTS candidates)
    cache = tmp_path / "cache"
    cat = ix.open_catalog([overlay], directory=cache)
    query = cat.services[list(cat.services)[-31]].name.zh_hans
    expected = _search(cat, query)
    assert expected
    db = sqlite3.connect(index_file(cache))
    db.execute("DELETE FROM fts")
    db.commit()
    db.close()
    warned: list[str] = []
    again = ix.open_catalog([overlay], directory=cache, warn=lambda e: warned.append(e.key))
    assert _search(again, query) == expected
    assert warned == ["cache.rebuilt"]
