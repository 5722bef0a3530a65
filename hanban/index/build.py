"""One update of the index, inside its write transaction: which files changed, their units parsed
again (`catalog.parse`, in a pool for many files), their rows replaced, then `catalog.link` over
every stored unit and its verdict (which definition of each service is in force) written back."""

from __future__ import annotations

import functools
import json
import sqlite3
from typing import Any

from hanban.catalog.files import FileRef, digest
from hanban.catalog.link import link
from hanban.catalog.parse import POOL_MIN_FILES, parse_files
from hanban.catalog.progress import ProgressFactory
from hanban.catalog.store import Tables
from hanban.catalog.wizard_model import Wizard
from hanban.errors import CatalogError, Problem
from hanban.index.codec import encode
from hanban.index.rows import StoredUnit, unit_rows

BATCH = 2000  # service rows per executemany
# Search's prepared fields are stored for catalogs of fewer files (the shipped one and small overlays). A
# large catalog's search scores only a few FTS5 candidates, so preparing all its services would slow its
# builds and edits for nothing; a service without them is prepared when searched.
SEARCH_PREPARE_MAX_FILES = 48
LinkInputs = tuple[str, str, str, str]  # a unit's service ids, reference keys, small definitions and small entries
Before = tuple[LinkInputs, list[tuple[int, int, int]]]  # an edited file's old unit: its LinkInputs, its rows' (seq, first, top)


class Build:
    """Bring the index's units up to date with `files` (the files as listed now, in load order)."""

    def __init__(self, db: sqlite3.Connection, files: list[FileRef], progress: ProgressFactory | None) -> None:
        self.db = db
        self.files = files
        self.progress = progress
        # new unit id -> its file's (layer, path) and what `link` reads of it (see `_same_links`)
        self.link_inputs: dict[int, tuple[int, str, LinkInputs]] = {}

    def run(self) -> None:
        db = self.db
        stored = {(r[1], r[2]): r for r in db.execute("SELECT id, layer, path, fkey, display, size, mtime, hash FROM units")}
        current = {(f.layer, f.path) for f in self.files}
        gone = [row[0] for key, row in stored.items() if key not in current]
        todo: list[FileRef] = []
        for f in self.files:
            row = stored.get((f.layer, f.path))
            if row is not None and (row[3], row[4]) == (f.key, f.display):
                if (row[5], row[6]) == (f.size, f.mtime) and f.digest in (None, row[7]):
                    continue  # (a small catalog's files are compared by content too: see store.snapshot)
                if self._same_content(f, row[7]):
                    db.execute("UPDATE units SET size = ?, mtime = ? WHERE id = ?", (f.size, f.mtime, row[0]))
                    continue
            if row is not None:
                gone.append(row[0])
            todo.append(f)
        if not gone and not todo:
            return
        known = self._known_traditional(gone) if len(todo) < POOL_MIN_FILES else {}
        before = self._before_edit(gone, todo, stored)
        touched = self._drop(gone)
        touched |= self._store(todo, known)
        if before is not None and self._same_links(before):
            return  # what `link` reads did not change: its verdict, tables and flags stand
        self._link(touched, full=not stored)

    def _before_edit(self, gone: list[int], todo: list[FileRef], stored: dict[tuple[int, str], Any]) -> dict[tuple[int, str], Before] | None:
        """When a few files (read one query each) replace as many stored ones, at the same places (an
        edit, not an added, removed or renamed file): what `link` read of each old unit and its
        services' flags."""
        if not stored or len(gone) != len(todo) or len(todo) >= POOL_MIN_FILES:
            return None
        old = {
            row[0]: (f.layer, f.path)
            for f in todo
            if (row := stored.get((f.layer, f.path))) is not None and (row[3], row[4]) == (f.key, f.display)
        }
        if set(old) != set(gone) or len(old) != len(todo):
            return None
        before: dict[tuple[int, str], Before] = {}
        for unit, sids, refkeys, small_defs, small in self.db.execute(
            f"SELECT id, sids, refkeys, small_defs, small FROM units WHERE id IN ({','.join('?' * len(gone))})", gone
        ):
            flags = self.db.execute("SELECT seq, first, top FROM services WHERE unit = ? ORDER BY seq", (unit,)).fetchall()
            before[old[unit]] = ((sids, refkeys, small_defs, small), flags)
        return before

    def _same_links(self, before: dict[tuple[int, str], Before]) -> bool:
        """Whether every edited unit gives `link` what its old unit gave (its service ids, the
        references it makes, its small entries): `link` reads units only through these, so its
        result is the same. Then the new rows take the old rows' flags (which definition is first
        and which in force), and True."""
        new: dict[tuple[int, str], tuple[int, LinkInputs]] = {
            (layer, path): (unit, inputs) for unit, (layer, path, inputs) in self.link_inputs.items()
        }
        if set(new) != set(before) or any(new[key][1] != before[key][0] for key in before):
            return False
        self.db.executemany(
            "UPDATE services SET first = ?, top = ? WHERE unit = ? AND seq = ?",
            [(first, top, new[key][0], seq) for key, (_, flags) in before.items() for seq, first, top in flags],
        )
        return True

    @staticmethod
    def _same_content(f: FileRef, stored_hash: str) -> bool:
        try:
            with open(f.path, "rb") as fh:
                raw = fh.read(f.size + 1)
        except OSError:
            return False
        return len(raw) == f.size and digest(raw) == stored_hash

    def _known_traditional(self, units: list[int]) -> dict[str, str]:
        """The Traditional forms the changed files' old units hold: an edit that brings no new
        Chinese text is then parsed without loading OpenCC. (Their pinyin is remembered likewise,
        for pypinyin.)"""
        from hanban.catalog import model as m
        from hanban.catalog import pinyin
        from hanban.catalog.hant import known_forms
        from hanban.index.codec import decoder

        if not units:
            return {}
        marks = ",".join("?" * len(units))
        entries: list[Any] = []
        service = decoder(m.Service)
        entries += [service(json.loads(d)) for (d,) in self.db.execute(f"SELECT data FROM services WHERE unit IN ({marks})", units)]
        for (small,) in self.db.execute(f"SELECT small FROM units WHERE id IN ({marks})", units):
            entries += [e for kind, es in StoredUnit.decode_small(small).items() for e in es]
        pinyin.remember(pinyin.known(entries))
        return known_forms(entries)

    def _drop(self, units: list[int]) -> set[str]:
        """Delete the rows of these units; the ids of the services they defined."""
        if not units:
            return set()
        db = self.db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS gone(id INTEGER PRIMARY KEY)")
        db.execute("DELETE FROM gone")
        db.executemany("INSERT INTO gone VALUES (?)", [(i,) for i in units])
        ids = {r[0] for r in db.execute("SELECT id FROM services WHERE unit IN (SELECT id FROM gone)")}
        db.execute("DELETE FROM names WHERE rid IN (SELECT rid FROM services WHERE unit IN (SELECT id FROM gone))")
        db.execute("DELETE FROM fts WHERE rowid IN (SELECT rid FROM services WHERE unit IN (SELECT id FROM gone))")
        db.execute("DELETE FROM services WHERE unit IN (SELECT id FROM gone)")
        db.execute("DELETE FROM units WHERE id IN (SELECT id FROM gone)")
        return ids

    def _store(self, todo: list[FileRef], known_hant: dict[str, str]) -> set[str]:
        """Parse and store these files; the ids of the services they define. Raise CatalogError
        (nothing is kept: the transaction is rolled back) when any file has problems."""
        db = self.db
        prepare = len(self.files) < SEARCH_PREPARE_MAX_FILES
        then = functools.partial(unit_rows, prepare_search=prepare)
        problems: list[Problem] = []
        ids: set[str] = set()
        next_unit = db.execute("SELECT coalesce(max(id), 0) FROM units").fetchone()[0]
        next_rid = db.execute("SELECT coalesce(max(rid), 0) FROM services").fetchone()[0]
        db.execute("PRAGMA cache_size = -65536")  # 64 MiB: keeps the index B-trees in memory while filling them
        batch: dict[str, list[tuple[Any, ...]]] = {k: [] for k in ("units", "services", "names", "fts")}
        for f, r in zip(todo, parse_files(todo, then=then, progress=self.progress, known_hant=known_hant)):
            if r["problems"] or problems:  # once a file has problems, only collect the others' problems
                problems += r["problems"]
                continue
            next_unit += 1
            batch["units"].append((next_unit, f.path, f.layer, f.key, f.display, r["size"], r["mtime"], r["digest"],
                                   r["sids"], r["refkeys"], r["small_defs"], r["small"], r["defs"], r["refs"]))
            self.link_inputs[next_unit] = (f.layer, f.path, (r["sids"], r["refkeys"], r["small_defs"], r["small"]))
            for seq, sid, data, ow, fo, cp, cat, name, prep, names, text in r["services"]:
                next_rid += 1
                batch["services"].append((next_rid, next_unit, f.layer, f.key, seq, sid, data, ow, fo, cp, cat, name, prep))
                batch["names"] += [(k, next_rid) for k in names]
                batch["fts"].append((next_rid, text))
                ids.add(sid)
            if len(batch["services"]) >= BATCH:
                self._flush(batch)
        if problems:
            raise CatalogError(problems)
        self._flush(batch)
        return ids

    def _flush(self, batch: dict[str, list[tuple[Any, ...]]]) -> None:
        db = self.db
        db.executemany("INSERT INTO units VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch["units"])
        db.executemany("INSERT INTO services(rid, unit, layer, fkey, seq, id, data, ow, fo, cp, cat, name, search) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", batch["services"])
        db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", batch["names"])
        db.executemany("INSERT INTO fts(rowid, text) VALUES (?, ?)", batch["fts"])
        for rows in batch.values():
            rows.clear()

    def _link(self, touched: set[str], full: bool) -> None:
        """`link` over every stored unit; then mark, for the services whose definitions changed,
        which row is first in the catalog order and which is in force."""
        db = self.db
        rows = db.execute("SELECT id, display, layer, sids, refkeys, small_defs, small FROM units ORDER BY layer, fkey").fetchall()
        unit_ids = [r[0] for r in rows]
        # (a unit's full definitions and its references, with their places, are read only to report a problem)
        units = [
            StoredUnit(r[1], r[2], r[3], r[4], r[5], r[6], functools.partial(_column, db, "defs", r[0]), functools.partial(_column, db, "refs", r[0]))
            for r in rows
        ]
        passed = db.execute("SELECT value FROM meta WHERE key = 'wizard_signature'").fetchone()
        linked = link(units, wizard_passed=passed[0] if passed else None)
        # Rows are stored as both first and in force; only an id defined by several units needs
        # telling which is which (on a first build, only those; after an edit, every id it touched).
        first, top = linked.first, linked.top
        ids = (sid for sid in top if first[sid] != top[sid]) if full else (sid for sid in touched if sid in top)
        flags = [(unit_ids[first[sid]], unit_ids[top[sid]], sid) for sid in ids]
        db.executemany("UPDATE services SET first = (unit = ?), top = (unit = ?) WHERE id = ?", flags)
        store_linked(db, linked.tables, linked.wizard, len(linked.service_ids))
        if linked.wizard_signature is not None:
            db.execute("INSERT OR REPLACE INTO meta VALUES ('wizard_signature', ?)", (linked.wizard_signature,))


def _column(db: sqlite3.Connection, column: str, unit: int) -> str:
    return str(db.execute(f"SELECT {column} FROM units WHERE id = ?", (unit,)).fetchone()[0])


def store_linked(db: sqlite3.Connection, tables: Tables, wizard: Wizard, count: int) -> None:
    """What `link` made of the units, for reading without linking again."""
    rows = [("tables", json.dumps(encode(tables), ensure_ascii=False)),
            ("glossary", json.dumps(encode(tables.glossary), ensure_ascii=False)),  # (search reads it alone)
            ("wizard", json.dumps(encode(wizard), ensure_ascii=False)),
            ("services", str(count))]
    db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", rows)

