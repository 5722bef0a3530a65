"""The index file: its SQLite schema, where it lives, the code version it was written by, and the
`Index` that brings it up to date from the YAML files (under SQLite's write lock, rebuilding a corrupt
or outdated file) and then reads it."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from hanban import __version__
from hanban import model as m
from hanban.errors import CatalogError, Problem
from hanban.index.codec import decode_entry
from hanban.index.files import FileRef
from hanban.index.lazy import IndexedServices, _LazyRaw, _WizardView

FORMAT = 2  # bump when the stored shape changes (2: services.search, search's prepared fields)
ENV_CACHE = "HANBAN_CACHE"
# Search's prepared fields (services.search) are stored for catalogs of fewer files (the shipped one and
# small overlays). A large catalog's search scores only a few FTS5 candidates, so preparing all its services
# would slow its builds and edits for nothing; a service without them is prepared when searched.
SEARCH_PREPARE_MAX_FILES = 48
LOCK_WAIT = 600  # seconds another hanban may wait while one compiles a large catalog
# The modules whose code decides what a file compiles to: a change to any of them invalidates the cache.
# (Paths relative to the hanban package.)
_CODE = ("model.py", "validate.py", "yamlio.py", "catalog.py", "index/__init__.py", "index/codec.py", "index/compile.py",
         "index/files.py", "index/fts.py", "index/lazy.py", "index/store.py", "resolve.py", "i18n.py",
         "wizard.py", "conditions.py", "flow.py", "search.py")

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(id INTEGER PRIMARY KEY, path TEXT NOT NULL, layer INT NOT NULL, fkey TEXT NOT NULL,
                   display TEXT NOT NULL, size INT NOT NULL, mtime INT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE services(rid INTEGER PRIMARY KEY, file INT NOT NULL, layer INT NOT NULL, fkey TEXT NOT NULL,
                      seq INT NOT NULL, id TEXT NOT NULL, line INT NOT NULL, data TEXT NOT NULL, hant TEXT NOT NULL,
                      ow INT NOT NULL, fo INT NOT NULL, cp INT NOT NULL, cat TEXT NOT NULL, name TEXT NOT NULL,
                      first INT NOT NULL DEFAULT 1, top INT NOT NULL DEFAULT 1, search TEXT);
CREATE INDEX services_id ON services(id, layer);
CREATE INDEX services_order ON services(layer, fkey, seq);
CREATE INDEX services_file ON services(file);
CREATE TABLE names(key TEXT NOT NULL, rid INT NOT NULL);
CREATE INDEX names_key ON names(key);
CREATE INDEX names_rid ON names(rid);
CREATE TABLE entries(file INT NOT NULL, layer INT NOT NULL, fkey TEXT NOT NULL, seq INT NOT NULL, kind TEXT NOT NULL,
                     key TEXT NOT NULL, line INT NOT NULL, data TEXT NOT NULL, hant TEXT NOT NULL);
CREATE INDEX entries_file ON entries(file);
CREATE TABLE refs(file INT NOT NULL, layer INT NOT NULL, fkey TEXT NOT NULL, owner_kind TEXT NOT NULL,
                  owner TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX refs_file ON refs(file);
CREATE INDEX refs_owner ON refs(owner_kind, owner);
CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='trigram');
"""


# -- where the cache lives --------------------------------------------------------------------
def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """HANBAN_CACHE, else $XDG_CACHE_HOME/hanban, else ~/.cache/hanban."""
    env = os.environ if environ is None else environ
    if env.get(ENV_CACHE):
        return Path(env[ENV_CACHE])
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "hanban"


def _roots(overlays: Sequence[Path], builtin: Path | None) -> list[tuple[Path, str]]:
    from hanban.catalog import builtin_dir

    roots = [(builtin or builtin_dir(), "catalog")]
    roots += [(Path(d), str(d)) for d in overlays]
    return roots


def index_path(roots: Sequence[tuple[Path, str]], directory: Path) -> Path:
    """One index file per set of catalog folders (so switching overlays does not thrash one cache)."""
    import zlib  # (hashlib is imported only when files are hashed: it is slow to import)

    key = "\0".join(f"{os.path.abspath(r)}\1{label}" for r, label in roots).encode()
    return directory / f"index-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.sqlite"


def _code_version() -> str:
    here = Path(__file__).resolve().parent.parent  # the hanban package (see _CODE)
    # (the Python minor version too: stored normalised texts depend on its Unicode tables)
    parts = [str(FORMAT), __version__, sqlite3.sqlite_version, f"py{sys.version_info[0]}.{sys.version_info[1]}"]
    import zlib

    for name in _CODE:  # by content, so a checkout or a touch that changes nothing keeps the cache
        try:
            parts.append(f"{name}:{zlib.crc32((here / name).read_bytes()):08x}")
        except OSError:
            parts.append(name)
    return "|".join(parts)


class ProgressBar(Protocol):
    """What the index needs of a progress bar: the front-end decides how (or whether) to draw it."""

    def advance(self) -> None: ...

    def close(self) -> None: ...


ProgressFactory = Callable[[int], ProgressBar]  # total number of files -> a started bar


class _Unwritable(Exception):
    """The cache file or its folder cannot be written."""


def _hash(raw: bytes) -> str:
    try:
        from _blake2 import blake2b  # what hashlib.blake2b is, without hashlib's OpenSSL start-up cost
    except ImportError:
        from hashlib import blake2b
    return blake2b(raw, digest_size=16).hexdigest()


# -- the index itself -------------------------------------------------------------------------
class Index:
    """One SQLite index file: brought up to date from the YAML files, then read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = self._connect()
        self._old_hant: dict[str, str] = {}
        self._prepare_search = True

    def _connect(self) -> sqlite3.Connection:
        version = _code_version()
        for attempt in (1, 2):
            try:
                db = sqlite3.connect(self.path, timeout=LOCK_WAIT, isolation_level=None, check_same_thread=False)
                row = None
                try:
                    row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
                except sqlite3.OperationalError as exc:
                    if "no such table" not in str(exc):
                        raise
                if row is not None and row[0] == version:
                    return db
                db.close()
            except sqlite3.DatabaseError:
                pass  # corrupt: never trusted, rebuilt below
            if not os.access(self.path.parent, os.W_OK):
                raise _Unwritable("the folder is not writable")
            self._remove()
            try:
                db = sqlite3.connect(self.path, timeout=LOCK_WAIT, isolation_level=None, check_same_thread=False)
                db.executescript("PRAGMA journal_mode=DELETE;" + SCHEMA)
                db.execute("INSERT INTO meta VALUES ('version', ?)", (version,))
                return db
            except sqlite3.OperationalError as exc:
                if attempt == 2:
                    raise _Unwritable(str(exc)) from None
        raise _Unwritable("cannot create the index")

    def _remove(self) -> None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                os.unlink(str(self.path) + suffix)
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise _Unwritable(exc.strerror or str(exc)) from None

    # -- bringing the index up to date --------------------------------------------------------
    def update_and_open(self, files: list[FileRef], *, progress: ProgressFactory | None = None) -> m.Catalog:
        import gc

        thresholds = gc.get_threshold()
        try:
            gc.set_threshold(50_000, 20, 100)  # while building (see _fewer_collections); restored below
            self._update(files, progress)
        except sqlite3.OperationalError as exc:
            if "readonly" in str(exc) or "read-only" in str(exc) or "unable to open" in str(exc):
                raise _Unwritable(str(exc)) from None
            raise
        finally:
            gc.set_threshold(*thresholds)
        return self._catalog()

    def _update(self, files: list[FileRef], progress: ProgressFactory | None) -> None:
        db = self.db
        # Every file's path, size and mtime as one digest: when nothing moved, the files table is not even read.
        snapshot = _hash("\n".join(f"{f.layer}\t{f.path}\t{f.display}\t{f.size}\t{f.mtime}" for f in files).encode())
        row = db.execute("SELECT value FROM meta WHERE key = 'snapshot'").fetchone()
        if row is not None and row[0] == snapshot:
            return
        remember = ("INSERT OR REPLACE INTO meta VALUES ('snapshot', ?)", (snapshot,))
        # Plan and write under the write lock: another hanban updating the same index at the same
        # moment either finished first (and there is nothing left to do) or waits for this one.
        db.execute("BEGIN IMMEDIATE")
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'snapshot'").fetchone()
            if row is None or row[0] != snapshot:
                self._plan_and_apply(files, progress)
                db.execute(*remember)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _plan_and_apply(self, files: list[FileRef], progress: ProgressFactory | None) -> None:
        db = self.db
        self._prepare_search = len(files) < SEARCH_PREPARE_MAX_FILES
        stored = {(row[2], row[1]): row for row in db.execute("SELECT id, path, layer, fkey, display, size, mtime, hash FROM files")}
        current = {(f.layer, f.path) for f in files}
        gone = [row[0] for key, row in stored.items() if key not in current]
        to_parse: list[FileRef] = []
        touch: list[tuple[int, int, int]] = []  # content unchanged, only the stat moved
        for f in files:
            row = stored.get((f.layer, f.path))
            if row is not None and (row[3], row[4]) == (f.fkey, f.display):
                if (row[5], row[6]) == (f.size, f.mtime):
                    continue
                try:
                    with open(f.path, "rb") as fh:
                        raw = fh.read(f.size + 1)
                except OSError:
                    to_parse.append(f)
                    continue
                if len(raw) == f.size and _hash(raw) == row[7]:
                    touch.append((f.size, f.mtime, row[0]))
                    continue
            to_parse.append(f)
        db.executemany("UPDATE files SET size=?, mtime=? WHERE id=?", touch)
        if gone or to_parse:
            replaced = [stored[(f.layer, f.path)][0] for f in to_parse if (f.layer, f.path) in stored]
            self._apply(gone + replaced, to_parse, progress, full=not stored)

    def _apply(
        self, removed: list[int], parsed: list[FileRef], progress: ProgressFactory | None, *, full: bool
    ) -> None:
        """Inside a transaction: drop the rows of removed/changed files, store the new ones, check across files."""
        from hanban.index import compile as compiler  # (parsing is imported only when files changed)

        db = self.db
        touched_ids: set[str] = set()
        existed: set[str] = set()
        small_touched = full
        raw_touched = False
        if removed and len(parsed) < compiler.POOL_MIN_FILES:
            # Traditional forms the changed files had: an edit that brings no new Chinese text needs no OpenCC.
            marks = ",".join("?" * len(removed))
            for table in ("services", "entries"):
                for (h,) in db.execute(f"SELECT hant FROM {table} WHERE file IN ({marks}) AND hant != '{{}}'", removed):
                    self._old_hant.update(json.loads(h))
        if removed:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS gone(id INTEGER PRIMARY KEY)")
            db.execute("DELETE FROM gone")
            db.executemany("INSERT INTO gone VALUES (?)", [(i,) for i in removed])
            gone_ids = {r[0] for r in db.execute("SELECT id FROM services WHERE file IN (SELECT id FROM gone)")}
            touched_ids.update(gone_ids)
            existed.update(gone_ids)
            for (kind,) in db.execute("SELECT DISTINCT kind FROM entries WHERE file IN (SELECT id FROM gone)").fetchall():
                raw_touched = raw_touched or kind == "raw"
                small_touched = small_touched or kind not in ("glossary", "raw")
            db.execute("DELETE FROM names WHERE rid IN (SELECT rid FROM services WHERE file IN (SELECT id FROM gone))")
            db.execute("DELETE FROM fts WHERE rowid IN (SELECT rid FROM services WHERE file IN (SELECT id FROM gone))")
            for table in ("services", "entries", "refs"):
                db.execute(f"DELETE FROM {table} WHERE file IN (SELECT id FROM gone)")
            db.execute("DELETE FROM files WHERE id IN (SELECT id FROM gone)")
        problems: list[Problem] = []
        db.execute("PRAGMA cache_size = -65536")  # 64 MiB: keeps the index B-trees in memory while filling them
        next_fid = db.execute("SELECT coalesce(max(id), 0) FROM files").fetchone()[0]
        next_rid = db.execute("SELECT coalesce(max(rid), 0) FROM services").fetchone()[0]
        batch: dict[str, list[tuple[Any, ...]]] = {k: [] for k in ("files", "services", "names", "fts", "entries", "refs")}

        def flush() -> None:  # many rows per statement: most of a large build's time in this process
            db.executemany("INSERT INTO files(id, path, layer, fkey, display, size, mtime, hash) VALUES (?,?,?,?,?,?,?,?)", batch["files"])
            db.executemany("INSERT INTO services(rid, file, layer, fkey, seq, id, line, data, hant, ow, fo, cp, cat, name, search) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch["services"])
            db.executemany("INSERT INTO names VALUES (?, ?)", batch["names"])
            db.executemany("INSERT INTO fts(rowid, text) VALUES (?, ?)", batch["fts"])
            db.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?)", batch["entries"])
            db.executemany("INSERT INTO refs VALUES (?,?,?,?,?,?)", batch["refs"])
            for rows in batch.values():
                rows.clear()

        for f, r in zip(parsed, compiler.parse_files(parsed, self._prepare_search, self._old_hant, progress)):
            if r["problems"] or problems:  # once a file has problems, only collect the others' problems
                problems += [Problem(*p) for p in r["problems"]]
                continue
            next_fid += 1
            fid = next_fid
            batch["files"].append((fid, f.path, f.layer, f.fkey, f.display, r["size"], r["mtime"], r["hash"]))
            for seq, sid, line, data, hmap, ow, fo, cp, keys, text, cat, name, prep in r["services"]:
                if (
                    not full
                    and sid not in existed
                    and sid not in touched_ids
                    and db.execute("SELECT 1 FROM services WHERE id = ? LIMIT 1", (sid,)).fetchone()
                ):
                    existed.add(sid)
                next_rid += 1
                batch["services"].append((next_rid, fid, f.layer, f.fkey, seq, sid, line, data, hmap, ow, fo, cp, cat, name, prep))
                batch["names"] += [(k, next_rid) for k in keys]
                batch["fts"].append((next_rid, text))
                touched_ids.add(sid)
            batch["entries"] += [(fid, f.layer, f.fkey, seq, kind, key, line, data, h) for seq, kind, key, line, data, h in r["entries"]]
            batch["entries"] += [(fid, f.layer, f.fkey, 0, "raw", key, 0, data, "{}") for key, data in r["raw"]]
            raw_touched = raw_touched or bool(r["raw"])
            small_touched = small_touched or any(e[1] != "glossary" for e in r["entries"])
            batch["refs"] += [(fid, f.layer, f.fkey, ok, o, data) for ok, o, data in r["refs"]]
            if len(batch["services"]) >= 2000:
                flush()
        flush()
        if problems:
            raise CatalogError(problems)
        self._mark_layers(touched_ids, full)
        problems = self._duplicates(touched_ids, full) + self._check_refs(touched_ids, small_touched or full)
        if problems:
            raise CatalogError(problems)
        after = {i for i in touched_ids if db.execute("SELECT 1 FROM services WHERE id = ? LIMIT 1", (i,)).fetchone()}
        if full or raw_touched or after != existed:
            # As catalog.assemble: the wizard's cross-file checks, run only when their inputs changed
            # (wizard files, or which service ids exist). They need ids, names and categories only.
            from hanban.wizard import build as build_wizard

            catalog = self._catalog()
            wizard_problems = build_wizard(replace(catalog, services=_WizardView(self.db)))[1]
            if wizard_problems:
                raise CatalogError(wizard_problems)
        stored_count = db.execute("SELECT value FROM meta WHERE key = 'services'").fetchone()
        if full or stored_count is None:
            count = db.execute("SELECT count(*) FROM services WHERE first = 1").fetchone()[0]
        else:  # ids that came or went (a count(*) would read the whole table)
            count = int(stored_count[0]) + len(after - existed) - len(existed - after)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('services', ?)", (str(count),))
        if db.execute("SELECT 1 FROM meta WHERE key = 'ui_hant'").fetchone() is None:
            from hanban.i18n import UI

            ui = compiler._hant_map(None, [zh for zh, _ in UI.values()])
            db.execute("INSERT INTO meta VALUES ('ui_hant', ?)", (json.dumps(ui, ensure_ascii=False),))

    def _mark_layers(self, ids: set[str], full: bool) -> None:
        """Which definition of an id is the first (its place in the order) and which the top (its content)."""
        db = self.db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS touched(id TEXT PRIMARY KEY)")
        db.execute("DELETE FROM touched")
        if full:
            db.execute("INSERT INTO touched SELECT id FROM services GROUP BY id HAVING count(*) > 1")
        else:
            db.executemany("INSERT OR IGNORE INTO touched VALUES (?)", [(i,) for i in ids])
        db.execute(
            "UPDATE services SET "
            "first = (layer = (SELECT min(s.layer) FROM services s WHERE s.id = services.id)), "
            "top = (layer = (SELECT max(s.layer) FROM services s WHERE s.id = services.id)) "
            "WHERE id IN (SELECT id FROM touched)"
        )

    def _duplicates(self, ids: set[str], full: bool) -> list[Problem]:
        db = self.db
        problems: list[Problem] = []
        cond = "(SELECT count(*) FROM services t WHERE t.id = s.id AND t.layer = s.layer) > 1"
        if not full:
            cond = "s.id IN (SELECT id FROM touched) AND " + cond
        rows = db.execute(
            f"SELECT s.layer, s.id, f.display, s.line FROM services s JOIN files f ON f.id = s.file WHERE {cond} "
            "ORDER BY s.layer, s.fkey, s.seq"
        ).fetchall()
        entry_rows = db.execute(
            "SELECT e.layer, e.kind, e.key, f.display, e.line FROM entries e JOIN files f ON f.id = e.file "
            "WHERE e.kind NOT IN ('glossary', 'raw') AND (SELECT count(*) FROM entries t WHERE t.kind = e.kind "
            "AND t.key = e.key AND t.layer = e.layer) > 1 ORDER BY e.layer, e.fkey, e.seq"
        ).fetchall()
        firsts: dict[tuple[int, str, str], str] = {}
        for layer, kind, key, display, line in [(r[0], "services", r[1], r[2], r[3]) for r in rows] + entry_rows:
            first = firsts.setdefault((layer, kind, key), f"{display}:{line}")
            if first != f"{display}:{line}":
                shown: Any = int(key) if kind == "measures" else key
                problems.append(Problem(display, line, f"{kind}.id", f"duplicate id {shown!r} (first defined at {first})"))
        return problems

    def _check_refs(self, ids: set[str], everything: bool) -> list[Problem]:
        """References from the definitions in force (the last layer's), as catalog.assemble checks them."""
        db = self.db
        known: dict[str, set[Any]] = {"place": set(), "document": set(), "region": set(), "seed": set(), "measure": set()}
        names = {"places": "place", "documents": "document", "regions": "region", "sources": "seed", "measures": "measure"}
        for kind, key in db.execute("SELECT kind, key FROM entries WHERE kind IN ('places','documents','regions','sources','measures')"):
            known[names[kind]].add(int(key) if kind == "measures" else key)
        in_force = ("(r.owner_kind = 'glossary' OR NOT EXISTS (SELECT 1 FROM refs t WHERE t.owner_kind = r.owner_kind "
                    "AND t.owner = r.owner AND (t.layer > r.layer OR (t.layer = r.layer AND t.fkey > r.fkey))))")
        select = "SELECT r.layer, r.fkey, r.data FROM refs r WHERE "
        if everything:
            found = db.execute(select + in_force).fetchall()
        else:  # the (few) non-service owners, and the services whose definitions changed; both through refs_owner
            found = db.execute(
                select + "r.owner_kind IN ('measure', 'glossary', 'document', 'place', 'region') AND " + in_force
            ).fetchall()
            found += db.execute(
                select + "r.owner_kind = 'service' AND r.owner IN (SELECT id FROM touched) AND " + in_force
            ).fetchall()
        found.sort(key=lambda r: (r[0], r[1]))
        rows = [(None, None, data) for _, _, data in found]
        problems: list[Problem] = []
        service_seen: dict[str, bool] = {}
        for _owner_kind, _owner, data in rows:
            for kind, value, file, line, field in json.loads(data):
                if kind == "measure":
                    if known["measure"] and value not in known["measure"]:
                        problems.append(Problem(file, line, field, f"measure {value} is not in measures.yaml"))
                    continue
                if kind == "service":
                    if value not in service_seen:
                        service_seen[value] = db.execute("SELECT 1 FROM services WHERE id = ? LIMIT 1", (value,)).fetchone() is not None
                    ok = service_seen[value]
                else:
                    ok = value in known[kind]
                if not ok:
                    what = {"seed": "source file", "document": "document kind"}.get(kind, kind)
                    problems.append(Problem(file, line, field, f"unknown {what} {value!r}"))
        return problems

    # -- reading --------------------------------------------------------------------------------
    def _catalog(self) -> m.Catalog:
        from hanban import i18n

        db = self.db
        tables: dict[str, dict[Any, Any]] = {k: {} for k in ("measures", "documents", "places", "regions", "sources")}
        glossary: dict[str, m.GlossaryTerm] = {}
        raw_files: dict[str, list[tuple[str, str]]] = {}
        known_hant = i18n.KNOWN_TRADITIONAL
        ui = db.execute("SELECT value FROM meta WHERE key = 'ui_hant'").fetchone()
        if ui:
            known_hant.update(json.loads(ui[0]))
        rows = db.execute(
            "SELECT e.kind, e.key, e.data, e.hant, f.display FROM entries e JOIN files f ON f.id = e.file "
            "ORDER BY e.layer, e.fkey, e.seq"
        )
        for kind, key, data, hant, display in rows:
            if kind == "raw":
                raw_files.setdefault(key, []).append((display, data))
                continue
            value = json.loads(data)
            if hant != "{}":
                known_hant.update(json.loads(hant))
            entry = decode_entry(kind, value)
            if kind == "glossary":
                glossary[key] = entry
            else:
                tables[kind][entry.number if kind == "measures" else key] = entry
        services = IndexedServices(db, tables["documents"], tables["sources"])
        return m.Catalog(
            services=services,
            measures=dict(sorted(tables["measures"].items())),
            documents=tables["documents"],
            places=tables["places"],
            regions=tables["regions"],
            glossary=tuple(glossary.values()),
            seeds=tables["sources"],
            raw=_LazyRaw(raw_files),
        )
