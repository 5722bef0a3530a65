"""The catalog's services read lazily from the index (a `catalog.store.ServiceStore`).

What is read is checked again (`checked`): rows that are not the JSON hanban writes, hold escaped
control characters no catalog file can hold, or decode to values of the wrong shape count as
damage, like an error SQLite reports while reading (a page that no longer decodes). So do integers
and references that disagree (`Inconsistent`): an id's rows must have exactly one row first in
catalog order and one in force (`first`, `top`, each 0 or 1; checked per id as it is read, and for
the whole table before an iteration, from a small index of the two flags, against the count of
services `link` stored; a few search candidates: per id); a name must point at a row; on a
catalog searched through FTS5, the FTS table must hold a row per service row (counted from B-tree
pages, not rows). Damage found while reading deletes the index and builds it
again, once, saying so in one line (`Reader`), and the read goes on where it was; an iteration
already under way skips what it had handed out.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from hanban.catalog import model as m
from hanban.catalog.store import SearchRow, Summary, Tables, finish_service
from hanban.errors import HanbanError, LazyPattern
from hanban.index.codec import decoder

CHANNEL_COLUMNS = {"one_window": "ow", "fully_online": "fo", "cross_province": "cp"}
SEARCH_SCAN_MAX = 5000  # up to this many services, search scores every one (results as without an index)
IN_FORCE = "first = 1"  # a row in catalog order: where its id was first defined (its content may be a later layer's)
# In a row's JSON text: a raw DEL, C1, bidirectional control or surrogate (json.loads refuses raw
# C0 characters itself), or an escape of a control character (C0 but tab and newline, DEL, C1,
# bidirectional controls, surrogates). Catalog text never holds these, so a row that does was not
# written by hanban. (An escaped backslash is matched too, so that what follows it is read right.)
RAW_RE = LazyPattern("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")  # (none of them printable)
ESCAPE_RE = LazyPattern(r"\\(?:\\|[bfr]|u(?i:00[01]|007f|00[89]|202[a-e]|206[6-9]|d[89a-f]))")
DAMAGE = (sqlite3.DatabaseError, ValueError, KeyError, TypeError, IndexError)
T = TypeVar("T")
_END = object()


class IndexDamaged(HanbanError):
    """The index was damaged again right after it was rebuilt (or cannot be rebuilt)."""


class Inconsistent(ValueError):
    """The index's integers or references disagree with each other (damage, like a row that is not JSON)."""


def check_flags(sid: str, flags: Sequence[tuple[Any, Any]]) -> None:
    """An id's rows' (top, first): each 0 or 1, exactly one row in force and one first."""
    if not all(type(t) is int and type(f) is int and t in (0, 1) and f in (0, 1) for t, f in flags):
        raise Inconsistent(f"a flag of {sid!r} out of range")
    if sum(t for t, _ in flags) != 1 or sum(f for _, f in flags) != 1:
        raise Inconsistent(f"{sid!r} has not one row in force and one first")


def is_busy(exc: BaseException) -> bool:
    """An SQLite error that means another connection holds a lock, not damage."""
    text = str(exc)
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def unavailable(exc: sqlite3.Error, folder: str, wait: int) -> None:
    """Raise CacheUnavailable for an error that is not damage (a lock, a full disk, a read-only folder)."""
    from hanban.catalog.load import CacheUnavailable

    text = str(exc)
    if is_busy(exc):
        raise CacheUnavailable(key="cache.busy", seconds=wait) from None
    if "full" in text or "disk I/O" in text:
        raise CacheUnavailable(key="cache.full", folder=folder, why=text) from None
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        raise CacheUnavailable(key="cache.unwritable", folder=folder, why=text) from None


def checked(text: str) -> Any:
    """A row's JSON, parsed; ValueError when it is not what hanban writes."""
    if (not text.isprintable() and RAW_RE.search(text)) or ("\\" in text and any(m.group() != "\\\\" for m in ESCAPE_RE.finditer(text))):
        raise ValueError("a control character in a row")
    return json.loads(text)


def check_service(s: m.Service) -> m.Service:
    """A decoded service whose values the renderers can use (ValueError otherwise)."""
    ok = (
        bool(m.ID_RE.match(s.id))
        and s.category in m.CATEGORIES
        and set(s.audience) <= set(m.AUDIENCES)
        and set(s.channels) == set(m.CHANNELS)
        and all(c.status in m.STATUSES for c in s.channels.values())
        and all(d.exemption in m.EXEMPTIONS for d in s.documents)
    )
    if not ok:
        raise ValueError(f"service {s.id!r} does not have the catalog's shape")
    return s


class Reader:
    """The index's connection, and what to do when what it reads is damaged: `recover` (given by
    the index) deletes and rebuilds it and hands back a new connection, once; `rebuilt` is told
    once the read after that succeeded (damage that comes back is one message, not two)."""

    def __init__(
        self, db: sqlite3.Connection, recover: Callable[[str], sqlite3.Connection] | None = None, rebuilt: Callable[[], None] | None = None
    ) -> None:
        self.db = db
        self._recover = recover
        self._rebuilt = rebuilt
        self.recovered = False

    def _succeeded(self) -> None:
        if self.recovered and self._rebuilt is not None:
            told, self._rebuilt = self._rebuilt, None
            told()

    def _damaged(self, exc: BaseException) -> None:
        if is_busy(exc):
            raise IndexDamaged(key="cache.busy_reading") from None
        if self._recover is None or self.recovered:
            raise IndexDamaged(key="cache.damaged_again", why=str(exc)[:200]) from None
        self.recovered = True
        try:
            self.db.close()  # (before the file is probed for other processes' locks, and deleted)
        except sqlite3.Error:
            pass
        self.db = self._recover(str(exc)[:200])

    def call(self, fn: Callable[[], T]) -> T:
        """fn(), read again from a rebuilt index when what it read was damaged."""
        while True:
            db = self.db
            try:
                got = fn()
                self._succeeded()
                return got
            except DAMAGE as exc:
                if self.db is db:  # (else a read inside fn already rebuilt it: read again)
                    self._damaged(exc)

    def iterate(self, make: Callable[[], Iterator[T]]) -> Iterator[T]:
        """The items of make(); after a rebuild, those already handed out are skipped."""
        done = 0
        while True:
            db = self.db
            try:
                it = make()
                for _ in range(done):
                    if next(it, _END) is _END:  # (fewer now: the files changed meanwhile)
                        return
                for item in it:
                    done += 1
                    self._succeeded()
                    yield item
                self._succeeded()
                return
            except DAMAGE as exc:
                if self.db is db:
                    self._damaged(exc)


class IndexedServices(Mapping[str, m.Service]):
    """`Catalog.services` read from the index: in catalog order, overlays replacing by id."""

    def __init__(self, reader: Reader, tables: Callable[[], Tables]) -> None:
        self.reader = reader
        self._tables = tables
        self._len: int | None = None
        self._rows_total: int | None = None  # every service row (replaced definitions too), once the flags were checked
        self._decode_service = decoder(m.Service)

    @property
    def db(self) -> sqlite3.Connection:
        return self.reader.db

    def _decode(self, data: str) -> m.Service:
        t = self._tables()
        return finish_service(check_service(self._decode_service(checked(data))), t.documents, t.seeds)

    def _get(self, sid: str) -> m.Service | None:
        rows = self.db.execute("SELECT top, first, CASE WHEN top = 1 THEN data END FROM services WHERE id = ?", (sid,)).fetchall()
        if not rows:
            return None
        check_flags(sid, [(t, f) for t, f, _ in rows])
        (data,) = [d for t, _, d in rows if t == 1]
        return self._decode(data)

    def __getitem__(self, sid: str) -> m.Service:
        s = self.reader.call(lambda: self._get(sid))
        if s is None:
            raise KeyError(sid)
        return s

    def __iter__(self) -> Iterator[str]:
        return self.ids()

    def values(self) -> Iterator[m.Service]:  # type: ignore[override]  # streamed, not a view
        return self.select()

    def items(self) -> Iterator[tuple[str, m.Service]]:  # type: ignore[override]
        return ((s.id, s) for s in self.select())

    def __contains__(self, sid: object) -> bool:
        return isinstance(sid, str) and self.reader.call(
            lambda: self.db.execute("SELECT 1 FROM services WHERE id = ? LIMIT 1", (sid,)).fetchone() is not None)

    def __len__(self) -> int:
        if self._len is None:  # counted when the index was last updated (a count(*) reads the whole table)
            self._len = self.reader.call(self._count)
        return self._len

    def _count(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'services'").fetchone()
        if row is None:
            raise Inconsistent("the index has no count of services")
        count = int(row[0])
        if count < 0:
            raise Inconsistent("a negative count of services")
        return count

    def check_table(self) -> int:
        """Before reading the table in order: its flags agree with the count of services `link`
        stored (every id one row first and one in force; read from the index of the two flags, not
        the rows). The number of service rows (replaced definitions included)."""
        if self._rows_total is None:
            self._rows_total = self.reader.call(self._check_table)
        return self._rows_total

    def _check_table(self) -> int:
        counts = {(t, f): n for t, f, n in self.db.execute(
            "SELECT top, first, count(*) FROM services INDEXED BY services_flags GROUP BY top, first")}
        if not set(counts) <= {(0, 0), (0, 1), (1, 0), (1, 1)}:
            raise Inconsistent("a row's flag out of range")
        n = self._count()
        if counts.get((1, 0), 0) + counts.get((1, 1), 0) != n or counts.get((0, 1), 0) + counts.get((1, 1), 0) != n:
            raise Inconsistent(f"not {n:,} services in force and first")
        return sum(counts.values())

    def _check_ids(self, ids: Sequence[str]) -> None:
        """The flags of these ids' rows (a few search candidates: not the whole table)."""
        flags: dict[str, list[tuple[Any, Any]]] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start:start + 500])
            for sid, top, first in self.db.execute(f"SELECT id, top, first FROM services WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                flags.setdefault(sid, []).append((top, first))
        for sid, found in flags.items():
            check_flags(sid, found)

    def ids(self) -> Iterator[str]:
        def make() -> Iterator[str]:
            self.check_table()
            for (sid,) in self.db.execute(f"SELECT id FROM services WHERE {IN_FORCE} ORDER BY layer, fkey, seq"):
                yield sid

        return self.reader.iterate(make)

    def _rows(
        self, sql: str, params: Sequence[Any], columns: str, convert: Callable[..., T], ids: Sequence[str] | None = None
    ) -> Iterator[T]:
        """convert(id, *columns) of the rows in catalog order; where a later layer replaced an id,
        that layer's columns. Read again from a rebuilt index when damaged. The flags are checked
        first: of these `ids` when the rows are only theirs, else of the whole table."""

        def make() -> Iterator[T]:
            if ids is None:
                self.check_table()
            else:
                self._check_ids(ids)
            cur = self.db.cursor()
            cur.execute(f"SELECT id, top, {columns} FROM services WHERE {IN_FORCE} {sql} ORDER BY layer, fkey, seq", params)
            while batch := cur.fetchmany(256):
                for sid, top, *rest in batch:
                    if top != 1:
                        (found,) = self.db.execute(f"SELECT {columns} FROM services WHERE id = ? AND top = 1", (sid,)).fetchall()
                        rest = list(found)
                    yield convert(sid, *rest)

        return self.reader.iterate(make)

    def select(self, channels: Sequence[str] = ()) -> Iterator[m.Service]:
        cond = " AND ".join(f"{CHANNEL_COLUMNS[c]} = 1" for c in channels)
        cols = ", ".join(["data", *(CHANNEL_COLUMNS[c] for c in channels)])

        def convert(sid: str, data: str, *flags: int) -> m.Service | None:
            return self._decode(data) if all(flags) else None

        return (s for s in self._rows(f"AND (top = 0 OR ({cond}))" if cond else "", (), cols, convert) if s is not None)

    def subset(self, ids: Iterable[str]) -> list[m.Service]:
        wanted = list(dict.fromkeys(ids))

        def find() -> list[tuple[Any, ...]]:
            rows: list[tuple[Any, ...]] = []
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                marks = ",".join("?" * len(chunk))
                rows += self.db.execute(
                    f"SELECT layer, fkey, seq, id FROM services WHERE id IN ({marks}) AND {IN_FORCE}", chunk
                ).fetchall()
            rows.sort()
            return rows

        return [s for _, _, _, sid in self.reader.call(find) if (s := self.get(sid)) is not None]

    def summaries(self) -> Iterator[Summary]:
        decode_text = decoder(m.Text)
        return self._rows("", (), "name, cat", lambda sid, name, cat: Summary(sid, decode_text(checked(name)), cat))

    def named(self, keys: Sequence[str]) -> list[m.Service] | None:
        keys = [k for k in dict.fromkeys(keys) if k]
        if not keys:
            return []
        marks = ",".join("?" * len(keys))

        def find() -> list[str]:
            rows = self.db.execute(f"SELECT n.rid, s.id, s.top FROM names n LEFT JOIN services s ON s.rid = n.rid WHERE n.key IN ({marks})", keys).fetchall()
            if any(sid is None or top not in (0, 1) for _, sid, top in rows):
                raise Inconsistent("a name of no service row")
            return [sid for _, sid, top in rows if top == 1]

        return self.subset(self.reader.call(find))

    def search_candidates(self, query: str) -> list[str] | None:
        if len(self) <= SEARCH_SCAN_MAX:
            return None
        from hanban.index.fts import fts_candidates

        def find() -> list[str]:
            # one FTS row per service row, else search would miss services without a word (both
            # counted from B-tree pages, not rows: the FTS table's sizes, one row per document)
            rows = self.db.execute("SELECT (SELECT count(*) FROM fts_docsize) - (SELECT count(*) FROM services)").fetchone()[0]
            if rows != 0:
                raise Inconsistent("the search table does not hold every service")
            return fts_candidates(self.db, len(self), query)

        return self.reader.call(find)

    def search_rows(self, ids: Sequence[str] | None = None) -> Iterator[SearchRow]:
        decode_text = decoder(m.Text)
        where, params = "", ()  # type: tuple[str, tuple[str, ...]]
        if ids is not None:
            if not ids:
                return iter(())
            where, params = f"AND id IN ({','.join('?' * len(ids))})", tuple(ids)

        def convert(sid: str, name: str, prep: str | None, data: str | None) -> SearchRow:
            if prep is not None:
                return SearchRow(sid, decode_text(checked(name)), checked(prep), None)
            s = self._decode(data or "")
            return SearchRow(sid, s.name, None, s)

        # the large data only where nothing was prepared for search
        return self._rows(where, params, "name, search, CASE WHEN search IS NULL THEN data END", convert, ids)


def check_tables(t: Tables) -> Tables:
    """Decoded small tables whose values the renderers can use (ValueError otherwise)."""
    ok = all(x.part in m.PARTS and x.status in m.STATUSES for x in t.measures.values()) and all(
        p.kind in m.PLACE_KINDS for p in t.places.values())
    if not ok:
        raise ValueError("the tables do not have the catalog's shape")
    return t


def read_meta(reader: Reader, key: str, tp: Any) -> Any:
    """A table `link` made (the small tables, the wizard), decoded from the index's meta rows."""

    def read() -> Any:
        row = reader.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise sqlite3.DatabaseError(f"the index has no {key}")
        return decoder(tp)(checked(str(row[0])))

    return reader.call(read)
