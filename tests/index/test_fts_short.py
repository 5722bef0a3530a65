"""On a large catalog, a query of one or two characters (what a person has typed after the first
key or two) finds its candidates through the index's trigrams, never by reading every row's text:
with 66,000 services a substring scan took 0.1–0.2 s a key."""

from __future__ import annotations

import sqlite3
import sys

import pytest

from conftest import REPO
from hanban import index as ix
from hanban.index import fts as ix_fts

sys.path.insert(0, str(REPO / "benchmarks"))
import gen_catalog


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    root = tmp_path_factory.mktemp("fts")
    gen_catalog.generate(300, root / "overlay")
    catalog = ix.open_catalog([root / "overlay"], directory=root / "cache")
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
