"""The index file: the pipeline's units remembered per file in SQLite (a `catalog.load.UnitCache`).

On every command the files are listed with their stat; when nothing moved, the catalog is read
straight from the index. Otherwise, under SQLite's write lock, the changed files are parsed again
(`catalog.parse`), their units replace the old ones, and `catalog.link` runs over every stored
unit, exactly as for direct loading; the cache only ever holds a catalog that links. A corrupt
index, or one written by other code, is deleted and rebuilt.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import sqlite3
import sys
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hanban import __version__
from hanban.catalog.files import FileRef, Root
from hanban.catalog.load import CacheUnavailable
from hanban.catalog.progress import ProgressFactory
from hanban.catalog.store import Catalog, Tables
from hanban.index.codec import decoder
from hanban.index.services import IndexedServices

if TYPE_CHECKING:
    from hanban.catalog.wizard_model import Wizard

FORMAT = 4  # bump when the stored shape changes (3: one pipeline; 4: catalog identity, validity dates)
ENV_CACHE = "HANBAN_CACHE"
LOCK_WAIT = 600  # seconds another hanban may wait while one compiles a large catalog
CODE_PACKAGES = ("catalog", "index", "find")  # their code decides what a file compiles to

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE units(id INTEGER PRIMARY KEY, path TEXT NOT NULL, layer INT NOT NULL, fkey TEXT NOT NULL,
                   display TEXT NOT NULL, size INT NOT NULL, mtime INT NOT NULL, hash TEXT NOT NULL,
                   sids TEXT NOT NULL, refkeys TEXT NOT NULL, small_defs TEXT NOT NULL, small TEXT NOT NULL,
                   defs TEXT NOT NULL, refs TEXT NOT NULL);
CREATE INDEX units_order ON units(layer, fkey);
CREATE TABLE services(rid INTEGER PRIMARY KEY, unit INT NOT NULL, layer INT NOT NULL, fkey TEXT NOT NULL,
                      seq INT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL,
                      ow INT NOT NULL, fo INT NOT NULL, cp INT NOT NULL, cat TEXT NOT NULL, name TEXT NOT NULL,
                      search TEXT, first INT NOT NULL DEFAULT 1, top INT NOT NULL DEFAULT 1);
CREATE INDEX services_id ON services(id, top);
CREATE INDEX services_order ON services(layer, fkey, seq);
CREATE INDEX services_unit ON services(unit);
CREATE TABLE names(key TEXT NOT NULL, rid INT NOT NULL);
CREATE INDEX names_key ON names(key);
CREATE INDEX names_rid ON names(rid);
CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='trigram');
"""


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """HANBAN_CACHE, else $XDG_CACHE_HOME/hanban, else ~/.cache/hanban."""
    env = os.environ if environ is None else environ
    if env.get(ENV_CACHE):
        return Path(env[ENV_CACHE])
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "hanban"


def index_path(roots: Sequence[Root], directory: Path) -> Path:
    """One index file per set of catalog folders (so switching overlays does not thrash one cache)."""
    key = "\0".join(f"{r.key or os.path.abspath(r.path)}\1{r.label}" for r in roots).encode()
    return directory / f"index-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.sqlite"


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """The format, versions and the code that decides what a file compiles to (by content)."""
    here = Path(__file__).resolve().parent.parent  # the hanban package
    # (the Python minor version too: stored normalised texts depend on its Unicode tables)
    parts = [str(FORMAT), __version__, sqlite3.sqlite_version, f"py{sys.version_info[0]}.{sys.version_info[1]}"]
    for package in CODE_PACKAGES:
        for path in sorted((here / package).glob("*.py")):
            try:
                parts.append(f"{package}/{path.name}:{zlib.crc32(path.read_bytes()):08x}")
            except OSError:
                parts.append(path.name)
    return "|".join(parts)


class SqliteIndex:
    """One SQLite index file for one set of catalog folders."""

    def __init__(self, path: Path) -> None:
        self.path = path

    # -- the UnitCache interface --------------------------------------------------------------
    def load(self, files: list[FileRef], progress: ProgressFactory | None) -> Catalog:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheUnavailable(f"cannot use the catalog index folder {self.path.parent} ({exc.strerror or exc})") from None
        for attempt in (1, 2):
            db = self._connect()
            try:
                self._update(db, files, progress)
                return self._catalog(db)
            except sqlite3.OperationalError as exc:
                text = str(exc)
                if "readonly" in text or "read-only" in text or "unable to open" in text:
                    raise CacheUnavailable(self._unwritable(text)) from None
                raise
            except sqlite3.DatabaseError:
                # Damaged beyond what opening it showed ("database disk image is malformed"): never
                # trusted; deleted and built again, once.
                db.close()
                self._remove()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _unwritable(self, why: str) -> str:
        return f"cannot write the catalog index in {self.path.parent} ({why}); loading the catalog directly"

    # -- the file -------------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        version = code_version()
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
                raise CacheUnavailable(self._unwritable("the folder is not writable"))
            self._remove()
            try:
                db = sqlite3.connect(self.path, timeout=LOCK_WAIT, isolation_level=None, check_same_thread=False)
                db.executescript("PRAGMA journal_mode=DELETE;" + SCHEMA)
                db.execute("INSERT INTO meta VALUES ('version', ?)", (version,))
                return db
            except sqlite3.OperationalError as exc:
                if attempt == 2:
                    raise CacheUnavailable(self._unwritable(str(exc))) from None
        raise CacheUnavailable(self._unwritable("cannot create the index"))

    def _remove(self) -> None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                os.unlink(str(self.path) + suffix)
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise CacheUnavailable(self._unwritable(exc.strerror or str(exc))) from None

    # -- bringing it up to date -------------------------------------------------------------------
    def _update(self, db: sqlite3.Connection, files: list[FileRef], progress: ProgressFactory | None) -> None:
        # Every file's path, size and mtime as one digest: when nothing moved, the units table is not even read.
        snapshot = "{:08x}".format(zlib.crc32("\n".join(f"{f.layer}\t{f.path}\t{f.display}\t{f.size}\t{f.mtime}" for f in files).encode()))
        row = db.execute("SELECT value FROM meta WHERE key = 'snapshot'").fetchone()
        if row is not None and row[0] == snapshot:
            return
        # Plan and write under the write lock: another hanban updating the same index at the same
        # moment either finished first (and there is nothing left to do) or waits for this one.
        db.execute("BEGIN IMMEDIATE")
        thresholds = gc.get_threshold()
        try:
            gc.set_threshold(50_000, 20, 100)  # a build makes many short-lived objects (~15% faster)
            row = db.execute("SELECT value FROM meta WHERE key = 'snapshot'").fetchone()
            if row is None or row[0] != snapshot:
                from hanban.index.build import Build

                Build(db, files, progress).run()
                db.execute("INSERT OR REPLACE INTO meta VALUES ('snapshot', ?)", (snapshot,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        finally:
            gc.set_threshold(*thresholds)

    # -- reading ----------------------------------------------------------------------------------
    def _catalog(self, db: sqlite3.Connection) -> Catalog:
        @functools.lru_cache(maxsize=1)
        def tables() -> Tables:
            return decoder(Tables)(json.loads(_meta(db, "tables")))  # type: ignore[no-any-return]

        def wizard() -> Wizard:
            from hanban.catalog.wizard_model import Wizard

            return decoder(Wizard)(json.loads(_meta(db, "wizard")))  # type: ignore[no-any-return]

        return Catalog(IndexedServices(db, tables), tables, wizard)


def _meta(db: sqlite3.Connection, key: str) -> str:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise sqlite3.DatabaseError(f"the index has no {key}")
    return str(row[0])
