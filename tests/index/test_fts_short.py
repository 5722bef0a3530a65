"""On a large catalog, a query of one or two characters (what a person has typed after the first
key or two) finds its candidates through the index's trigrams, never by reading every row's text:
with 66,000 services a substring scan took 0.1–0.2 s a key."""

from __future__ import annotations

import sqlite3
import sys

import pytest

from conftest import REPO
from hanban import index as ix
from hanban.catalog.store import Catalog
from hanban.find import fields
from hanban.find import search as s
from hanban.index import fts as ix_fts
from hanban.index import services as ix_services

sys.path.insert(0, str(REPO / "benchmarks"))
import gen_catalog


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = tmp_path_factory.mktemp("fts")
    gen_catalog.generate(300, root / "overlay")
    return ix.open_catalog([root / "overlay"], directory=root / "cache")


@pytest.fixture
def db(catalog: Catalog) -> sqlite3.Connection:
    return catalog.services.db  # type: ignore[attr-defined,no-any-return]


def holding(db: sqlite3.Connection, piece: str) -> set[str]:
    rows = db.execute("SELECT s.id, f.text FROM fts f JOIN services s ON s.rid = f.rowid WHERE s.top = 1").fetchall()
    return {sid for sid, text in rows if piece in text.casefold()}


@pytest.mark.parametrize("piece", ["护照", "户口", "驾", "p", "hu"])
def test_a_short_piece_finds_services_that_hold_it_without_a_scan(db: sqlite3.Connection, piece: str) -> None:
    statements: list[str] = []
    db.set_trace_callback(statements.append)
    try:
        found = ix_fts.fts_candidates(db, 400, piece)
    finally:
        db.set_trace_callback(None)
    have = holding(db, piece)
    assert found and set(found) <= have
    assert len(found) == min(ix_fts.SEARCH_CANDIDATES, len(have))
    assert not any("LIKE" in s for s in statements)


def test_a_rare_short_piece_finds_every_service_that_holds_it(db: sqlite3.Connection) -> None:
    have = holding(db, "护照")
    assert 0 < len(have) < ix_fts.SEARCH_CANDIDATES
    assert set(ix_fts.fts_candidates(db, 400, "护照")) == have


def test_keys_typed_one_after_another_read_each_candidate_once(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ix_services, "SEARCH_SCAN_MAX", 100)  # (so that search scores FTS candidates)
    read: list[str] = []
    rows = catalog.services.search_rows

    def counted(ids: list[str] | None = None) -> object:
        read.extend(ids or ())
        return rows(ids)

    typed = ["户", "户口", "户口迁", "户口迁移", "hukou", "hukou t", "hukou transfer"]
    fresh = []
    for t in typed:
        fields._cache.clear()
        fields._kept.clear()
        fresh.append(s.search(catalog, t, 12, typing=True))
    fields._kept.clear()
    monkeypatch.setattr(catalog.services, "search_rows", counted)
    again = [s.search(catalog, t, 12, typing=True) for t in typed]
    assert again == fresh and all(again)
    assert read and len(read) == len(set(read))  # never the same service twice
