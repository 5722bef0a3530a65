"""The catalog's services read lazily from the index (a `catalog.store.ServiceStore`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from hanban.catalog import model as m
from hanban.catalog.store import SearchRow, Summary, Tables, finish_service
from hanban.index.codec import decoder

CHANNEL_COLUMNS = {"one_window": "ow", "fully_online": "fo", "cross_province": "cp"}
SEARCH_SCAN_MAX = 5000  # up to this many services, search scores every one (results as without an index)
IN_FORCE = "first = 1"  # a row in catalog order: where its id was first defined (its content may be a later layer's)


class IndexedServices(Mapping[str, m.Service]):
    """`Catalog.services` read from the index: in catalog order, overlays replacing by id."""

    def __init__(self, db: sqlite3.Connection, tables: Callable[[], Tables]) -> None:
        self.db = db
        self._tables = tables
        self._len: int | None = None
        self._decode_service = decoder(m.Service)

    def _decode(self, data: str) -> m.Service:
        t = self._tables()
        return finish_service(self._decode_service(json.loads(data)), t.documents, t.seeds)

    def _top(self, sid: str, column: str) -> Any:
        row = self.db.execute(f"SELECT {column} FROM services WHERE id = ? AND top = 1", (sid,)).fetchone()
        return None if row is None else row[0]

    def __getitem__(self, sid: str) -> m.Service:
        data = self._top(sid, "data")
        if data is None:
            raise KeyError(sid)
        return self._decode(data)

    def __iter__(self) -> Iterator[str]:
        return self.ids()

    def values(self) -> Iterator[m.Service]:  # type: ignore[override]  # streamed, not a view
        return self.select()

    def items(self) -> Iterator[tuple[str, m.Service]]:  # type: ignore[override]
        return ((s.id, s) for s in self.select())

    def __contains__(self, sid: object) -> bool:
        return isinstance(sid, str) and self.db.execute("SELECT 1 FROM services WHERE id = ? LIMIT 1", (sid,)).fetchone() is not None

    def __len__(self) -> int:
        if self._len is None:  # counted when the index was last updated (a count(*) reads the whole table)
            row = self.db.execute("SELECT value FROM meta WHERE key = 'services'").fetchone()
            self._len = int(row[0]) if row else int(self.db.execute(f"SELECT count(*) FROM services WHERE {IN_FORCE}").fetchone()[0])
        return self._len

    def ids(self) -> Iterator[str]:
        for (sid,) in self.db.execute(f"SELECT id FROM services WHERE {IN_FORCE} ORDER BY layer, fkey, seq"):
            yield sid

    def _rows(self, sql: str, params: Sequence[Any], columns: str) -> Iterator[tuple[Any, ...]]:
        """Rows in catalog order; where a later layer replaced an id, that layer's columns."""
        cur = self.db.cursor()
        cur.execute(f"SELECT id, top, {columns} FROM services WHERE {IN_FORCE} {sql} ORDER BY layer, fkey, seq", params)
        while batch := cur.fetchmany(256):
            for sid, top, *rest in batch:
                if not top:
                    rest = list(self.db.execute(f"SELECT {columns} FROM services WHERE id = ? AND top = 1", (sid,)).fetchone())
                yield (sid, *rest)

    def select(self, channels: Sequence[str] = ()) -> Iterator[m.Service]:
        cond = " AND ".join(f"{CHANNEL_COLUMNS[c]} = 1" for c in channels)
        cols = ", ".join(["data", *(CHANNEL_COLUMNS[c] for c in channels)])
        for sid, data, *flags in self._rows(f"AND (top = 0 OR ({cond}))" if cond else "", (), cols):
            if all(flags):
                yield self._decode(data)

    def subset(self, ids: Iterable[str]) -> list[m.Service]:
        wanted = list(dict.fromkeys(ids))
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows += self.db.execute(
                f"SELECT layer, fkey, seq, id FROM services WHERE id IN ({marks}) AND {IN_FORCE}", chunk
            ).fetchall()
        rows.sort()
        return [s for _, _, _, sid in rows if (s := self.get(sid)) is not None]

    def summaries(self) -> Iterator[Summary]:
        decode_text = decoder(m.Text)
        for sid, name, cat in self._rows("", (), "name, cat"):
            yield Summary(sid, decode_text(json.loads(name)), cat)

    def named(self, keys: Sequence[str]) -> list[m.Service] | None:
        keys = [k for k in dict.fromkeys(keys) if k]
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        ids = [r[0] for r in self.db.execute(
            f"SELECT s.id FROM names n JOIN services s ON s.rid = n.rid WHERE n.key IN ({marks}) AND s.top = 1", keys)]
        return self.subset(ids)

    def search_candidates(self, query: str) -> list[str] | None:
        if len(self) <= SEARCH_SCAN_MAX:
            return None
        from hanban.index.fts import fts_candidates

        return fts_candidates(self.db, len(self), query)

    def search_rows(self, ids: Sequence[str] | None = None) -> Iterator[SearchRow]:
        decode_text = decoder(m.Text)
        where, params = "", ()  # type: tuple[str, tuple[str, ...]]
        if ids is not None:
            if not ids:
                return
            where, params = f"AND id IN ({','.join('?' * len(ids))})", tuple(ids)
        # the large data only where nothing was prepared for search
        for sid, name, prep, data in self._rows(where, params, "name, search, CASE WHEN search IS NULL THEN data END"):
            if prep is not None:
                yield SearchRow(sid, decode_text(json.loads(name)), json.loads(prep), None)
            else:
                s = self._decode(data)
                yield SearchRow(sid, s.name, None, s)
