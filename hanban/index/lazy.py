"""The catalog read lazily from the index: `Catalog.services` and `Catalog.raw` as Mappings over its rows."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

from hanban import model as m
from hanban.index.codec import decode_service


class _WizardView(Mapping[str, Any]):
    """Just enough of `Catalog.services` for the wizard's cross-file checks: ids, names, categories."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __getitem__(self, sid: str) -> Any:
        row = self.db.execute("SELECT cat, name FROM services WHERE id = ? AND top = 1", (sid,)).fetchone()
        if row is None:
            raise KeyError(sid)
        return _Stub(sid, row[0], m.Text(*json.loads(row[1])))

    def __contains__(self, sid: object) -> bool:
        return isinstance(sid, str) and self.db.execute("SELECT 1 FROM services WHERE id = ? LIMIT 1", (sid,)).fetchone() is not None

    def __iter__(self) -> Iterator[str]:
        return (r[0] for r in self.db.execute("SELECT id FROM services WHERE first = 1 ORDER BY layer, fkey, seq"))

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM services WHERE first = 1").fetchone()[0])

    def values(self) -> Iterator[Any]:  # type: ignore[override]
        rows = self.db.execute("SELECT id, top, cat, name FROM services WHERE first = 1 ORDER BY layer, fkey, seq")
        return (_Stub(sid, cat, m.Text(*json.loads(name))) if top else self[sid] for sid, top, cat, name in rows.fetchall())


class _Stub:
    __slots__ = ("category", "id", "name")

    def __init__(self, sid: str, category: str, name: m.Text) -> None:
        self.id, self.category, self.name = sid, category, name


class _LazyRaw(Mapping[str, list[tuple[str, Any]]]):
    """`Catalog.raw` (wizard questions and rules), parsed from the stored file text on first use."""

    def __init__(self, files: dict[str, list[tuple[str, str]]]) -> None:
        self.files = files
        self.done: dict[str, list[tuple[str, Any]]] = {}

    def __getitem__(self, key: str) -> list[tuple[str, Any]]:
        if key not in self.files:
            raise KeyError(key)
        if key not in self.done:
            from hanban.validate import check_document
            from hanban.yamlio import load_bytes

            self.done[key] = [(display, check_document(load_bytes(text.encode("utf-8"), display)).raw[key])
                              for display, text in self.files[key]]
        return self.done[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)


# -- services, read lazily ----------------------------------------------------------------------
MAX_KNOWN_HANT = 50_000


def learn_traditional(hant: str) -> None:
    """Remember a service's stored Traditional forms (JSON), so its texts show in Traditional without OpenCC."""
    if hant != "{}":
        from hanban import i18n

        known = i18n.KNOWN_TRADITIONAL
        if len(known) > MAX_KNOWN_HANT:
            known.clear()
        known.update(json.loads(hant))


class IndexedServices(Mapping[str, m.Service]):
    """`Catalog.services` read from the index: in catalog order, overlays replacing by id."""

    def __init__(self, db: sqlite3.Connection, kinds: Mapping[str, m.DocumentKind], seeds: Mapping[str, m.SeedText]) -> None:
        self.db = db
        self.kinds = kinds
        self.seeds = seeds
        self._len: int | None = None

    def _decode(self, data: str, hant: str) -> m.Service:
        from hanban.catalog import date_key

        learn_traditional(hant)
        s = decode_service(json.loads(data))
        # As catalog._finish_service: document kind names and as_of depend on other files.
        kinds, seeds = self.kinds, self.seeds
        docs = tuple(
            replace(d, name=kinds[d.kind].name) if d.kind and not d.name.zh_hans else d for d in s.documents
        )
        dates = [seeds[src.file].date for src in s.all_sources() if src.file in seeds]
        return replace(s, documents=docs, as_of=max(dates, key=date_key) if dates else "")

    def __getitem__(self, sid: str) -> m.Service:
        row = self.db.execute("SELECT data, hant FROM services WHERE id = ? AND top = 1", (sid,)).fetchone()
        if row is None:
            raise KeyError(sid)
        return self._decode(*row)

    def __contains__(self, sid: object) -> bool:
        return isinstance(sid, str) and self.db.execute("SELECT 1 FROM services WHERE id = ? LIMIT 1", (sid,)).fetchone() is not None

    def __len__(self) -> int:
        if self._len is None:  # counted when the index was last updated (a count(*) reads the whole table)
            row = self.db.execute("SELECT value FROM meta WHERE key = 'services'").fetchone()
            self._len = int(row[0]) if row else self.db.execute("SELECT count(*) FROM services WHERE first = 1").fetchone()[0]
        return self._len

    def __iter__(self) -> Iterator[str]:
        for (sid,) in self.db.execute("SELECT id FROM services WHERE first = 1 ORDER BY layer, fkey, seq"):
            yield sid

    def values(self) -> Iterator[m.Service]:  # type: ignore[override]
        return self.select(())

    def items(self) -> Iterator[tuple[str, m.Service]]:  # type: ignore[override]
        return ((s.id, s) for s in self.select(()))

    def search_rows(self) -> Iterator[tuple[str, m.Text, Any, str]]:
        """What search reads of every service, in catalog order: (id, name, search's prepared fields, Traditional
        forms as JSON). Where they were not stored (see SEARCH_PREPARE_MAX_FILES), the service itself instead."""
        cols = "name, search, hant, CASE WHEN search IS NULL THEN data END"  # the large data only when needed
        rows = self.db.execute(f"SELECT id, top, {cols} FROM services WHERE first = 1 ORDER BY layer, fkey, seq")
        for sid, top, name, prep, hant, data in rows.fetchall():
            if not top:  # an overlay replaced it: its content is the top layer's
                name, prep, hant, data = self.db.execute(
                    f"SELECT {cols} FROM services WHERE id = ? AND top = 1", (sid,)).fetchone()
            yield sid, m.Text(*json.loads(name)), self._decode(data, hant) if prep is None else json.loads(prep), hant

    def select(self, channels: Sequence[str]) -> Iterator[m.Service]:
        """Services in catalog order whose every named channel is available (streamed)."""
        cols = {"one_window": "ow", "fully_online": "fo", "cross_province": "cp"}
        cond = " AND ".join(f"{cols[c]} = 1" for c in channels)
        sql = "SELECT id, top, data, hant FROM services WHERE first = 1"
        if cond:
            sql += f" AND (top = 0 OR ({cond}))"
        cur = self.db.cursor()
        cur.execute(sql + " ORDER BY layer, fkey, seq")
        while True:
            batch = cur.fetchmany(256)
            if not batch:
                return
            for sid, top, data, hant in batch:
                s = self._decode(data, hant) if top else self[sid]
                if top or all(s.channels[c].available for c in channels):
                    yield s

    def subset(self, ids: Iterable[str]) -> dict[str, m.Service]:
        """The services with these ids, in catalog order, read in one query per 500."""
        ids = list(dict.fromkeys(ids))
        rows: list[tuple[int, str, int, str, int, str, str]] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows += self.db.execute(
                f"SELECT layer, fkey, seq, id, top, data, hant FROM services WHERE id IN ({marks}) AND first = 1", chunk
            ).fetchall()
        rows.sort()
        return {sid: self._decode(data, hant) if top else self[sid] for _, _, _, sid, top, data, hant in rows}

    def narrowed(self, keys: Iterable[str]) -> dict[str, m.Service]:
        """The services (catalog order) that have any of `keys` as id or normalised name/alias key."""
        keys = [k for k in dict.fromkeys(keys) if k]
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        ids = {r[0] for r in self.db.execute(
            f"SELECT s.id FROM names n JOIN services s ON s.rid = n.rid WHERE n.key IN ({marks}) AND s.top = 1", keys)}
        ids.update(r[0] for r in self.db.execute(f"SELECT id FROM services WHERE id IN ({marks})", keys))
        return self.subset(ids)


def services_with(catalog: m.Catalog, channels: Sequence[str]) -> Iterator[m.Service]:
    """The catalog's services with every named channel available, streamed from the index when there is one."""
    services = catalog.services
    if isinstance(services, IndexedServices):
        return services.select(channels)
    return (s for s in services.values() if all(s.channels[c].available for c in channels))
