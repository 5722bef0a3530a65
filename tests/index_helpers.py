"""Helpers the index tests share: comparing an indexed catalog with direct loading, and counting
the files the index parses."""

from __future__ import annotations

from typing import Any

import pytest

from hanban.catalog import parse as ix_parse
from hanban.catalog.store import Catalog


def same_catalog(a: Catalog, b: Catalog) -> None:
    """`b` holds exactly what `a` holds: services in order, every table, the glossary, the wizard."""
    assert list(a.services) == list(b.services)
    assert len(a.services) == len(b.services)
    for sid, s in a.services.items():
        assert b.services[sid] == s, sid
    assert list(a.services.values()) == list(b.services.values())
    for table in ("measures", "documents", "places", "regions", "seeds"):
        assert dict(getattr(a, table)) == dict(getattr(b, table)), table
    assert a.glossary == b.glossary
    assert a.wizard == b.wizard


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The display names of the files the index parses from now on (the pool off, so calls are seen)."""
    seen: list[str] = []
    real = ix_parse.parse_file

    def counting(ref: Any, seeds: Any = None, known: Any = None) -> Any:
        seen.append(ref.display)
        return real(ref, seeds, known)

    monkeypatch.setattr(ix_parse, "parse_file", counting)
    monkeypatch.setattr(ix_parse, "POOL_MIN_FILES", 10**9)
    return seen
