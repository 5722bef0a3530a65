"""The index file: the pipeline's units remembered per file in SQLite (a `catalog.load.UnitCache`).

On every command the files are listed with their stat (and, for a catalog of at most 2 MiB, a hash
of their content); when nothing moved, the catalog is read straight from the index. Otherwise, under
SQLite's write lock, the changed files are parsed again (`catalog.parse`), their units replace the
old ones, and `catalog.link` runs over every stored unit, exactly as for direct loading; the cache
only ever holds a catalog that links.

What the index may not do is decided in `cachedir` (a private folder, no file of another user's, no
symbolic link, never deleting a file another process holds, eviction). Here: another hanban holding
the write lock is waited for, saying so within a second, for at most LOCK_WAIT; a full disk, a
folder that cannot be written or trusted, or a lock held too long make the command load the YAML
directly after one warning (`CacheUnavailable`). A corrupt index, one written by other code, or one
found damaged while reading (`services.Reader`) is deleted and built again, once.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import sqlite3
import sys
import time
import zlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from hanban import __version__
from hanban.catalog import model as m
from hanban.catalog.files import FileRef, Root, digest, user_dir
from hanban.catalog.load import CacheUnavailable
from hanban.catalog.progress import ProgressFactory
from hanban.catalog.store import Catalog, Tables
from hanban.errors import CatalogError, HanbanError
from hanban.index import cachedir
from hanban.index.services import IndexedServices, Reader, check_tables, is_busy, read_meta, unavailable

if TYPE_CHECKING:
    from hanban.catalog.wizard_model import Wizard

FORMAT = 9  # bump when the stored shape changes (4: content hashes, catalog folders in meta; 5: catalog identity, validity dates; 6: names without rowid; 7: outside pages, reported facts, rules resting on facts; 8: an index of the row flags, checked before reading in order; 9: glossary pinyin)
ENV_CACHE = "HANBAN_CACHE"
LOCK_WAIT = 120  # seconds another hanban may hold the index's lock before this one loads directly
NOTICE_AFTER = 0.5  # seconds of waiting for that lock before saying so
HASH_ALL_MAX = 2 * 1024 * 1024  # catalogs up to this size are compared by content on every run
CODE_PACKAGES = ("catalog", "index", "find")  # their code decides what a file compiles to
T = TypeVar("T")
# Where there is no index file yet: put one there, a copy of the built-in catalog's index compiled when
# the wheel was built (`prebuilt`), for these files and catalog labels, when it may.
Seed = Callable[[Path, list[FileRef], list[str]], object]

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
CREATE INDEX services_id ON services(id, top); CREATE INDEX services_order ON services(layer, fkey, seq);
CREATE INDEX services_unit ON services(unit); CREATE INDEX services_flags ON services(top, first);
CREATE TABLE names(key TEXT NOT NULL, rid INT NOT NULL, PRIMARY KEY (key, rid)) WITHOUT ROWID; CREATE INDEX names_rid ON names(rid);
CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='trigram')
"""


class CacheNotice(HanbanError):
    """Something about the cache a person should hear that is not a failure (waiting for a lock)."""


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """HANBAN_CACHE, else $XDG_CACHE_HOME/hanban, else the platform's (`catalog.files.user_dir`)."""
    return user_dir("cache", ENV_CACHE, environ)


def index_path(roots: Sequence[Root], directory: Path) -> Path:
    """One index file per set of catalog folders (so switching overlays does not thrash one cache)."""
    key = "\0".join(f"{r.key or os.path.abspath(r.path)}\1{r.label}" for r in roots).encode()
    return directory / f"{cachedir.PREFIX}{zlib.crc32(key):08x}{zlib.adler32(key):08x}{cachedir.SUFFIX}"


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """The format, versions and the code that decides what a file compiles to (by content), then
    SQLite's and Python's versions (`environment`: a prebuilt index checks what depends on them)."""
    return f"{code_identity()}|{environment()}"


def environment() -> str:  # (FTS5's tokenizer; the Unicode tables of stored normalised texts)
    return f"{sqlite3.sqlite_version}|py{sys.version_info[0]}.{sys.version_info[1]}"


@functools.lru_cache(maxsize=1)
def code_identity() -> str:
    here = Path(__file__).resolve().parent.parent  # the hanban package
    parts = [str(FORMAT), __version__]
    for package in CODE_PACKAGES:
        for path in sorted((here / package).glob("*.py")):
            try:
                parts.append(f"{package}/{path.name}:{zlib.crc32(path.read_bytes()):08x}")
            except OSError:
                parts.append(path.name)
    return "|".join(parts)


def snapshot(files: list[FileRef]) -> str:
    """Every file's path, size and mtime (and content hash, for a small catalog) as one digest:
    when it is unchanged, the units table is not even read."""
    if sum(f.size for f in files) <= HASH_ALL_MAX:
        for f in files:
            f.digest = content_digest(f)
    text = "\n".join(f"{f.layer}\t{f.path}\t{f.display}\t{f.size}\t{f.mtime}\t{f.digest or ''}" for f in files)
    return digest(text.encode("utf-8", "surrogateescape"))


def content_digest(f: FileRef) -> str | None:
    """The file's content hash, as `catalog.parse` computes it; None when it cannot be read as a
    regular file of its listed size (never blocking on a pipe put in its place)."""
    import stat

    try:
        fd = os.open(f.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            raw = fh.read(f.size + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return digest(raw) if len(raw) == f.size else None


class SqliteIndex:
    """One SQLite index file for one set of catalog folders."""

    def __init__(
        self, path: Path, warn: Callable[[HanbanError], None] | None = None, labels: Sequence[str] = (), seed: Seed | None = None
    ) -> None:
        self.path = path
        self.warn = warn
        self.labels = list(labels)  # the catalog folders, as `hanban cache info` names them
        self.seed = seed  # puts a new index file in place from a prebuilt one, when it may (`prebuilt.place`)
        self.files: list[FileRef] = []
        self._told_waiting = False
        self._rebuilt = False  # the index was found damaged while reading and built again on disk
        self._first_build = False  # the update under way is the index's first

    # -- the UnitCache interface --------------------------------------------------------------
    def load(self, files: list[FileRef], progress: ProgressFactory | None) -> Catalog:
        cachedir.prepare_folder(self.path.parent)
        self.files = files
        for attempt in (1, 2):
            db = self._open()
            try:
                built = self._update(db, files, progress)
                break
            except (CacheUnavailable, CatalogError):
                db.close()
                raise
            except sqlite3.Error as exc:
                db.close()
                if self._first_build:  # (a full disk: an index of empty tables would stay behind)
                    with contextlib.suppress(CacheUnavailable):
                        self._remove()
                self._unavailable(exc)
                # Damaged beyond what opening it showed ("database disk image is malformed"): never
                # trusted; deleted and built again, once.
                self._remove()
                if attempt == 2:
                    raise CacheUnavailable(key="cache.damaged", folder=str(self.path.parent)) from None
        db.execute(f"PRAGMA busy_timeout = {LOCK_WAIT * 1000}")  # reads wait quietly for a commit
        if built:
            cachedir.evict(self.path.parent, keep=self.path)
        else:
            cachedir.mark_used(self.path, self._stat())
        return self._catalog(db)

    def compile(self, files: list[FileRef]) -> None:
        """Bring the index file up to date with `files` and close it (the wheel's prebuilt index)."""
        cachedir.prepare_folder(self.path.parent)
        self.files = files
        db = self._open()
        try:
            self._update(db, files, None)
        finally:
            db.close()

    def _unavailable(self, exc: sqlite3.Error) -> None:
        unavailable(exc, str(self.path.parent), LOCK_WAIT)

    def _stat(self) -> os.stat_result | None:
        try:
            return os.stat(self.path)
        except OSError:
            return None

    # -- the file -------------------------------------------------------------------------------
    def _sqlite(self, path: str) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=NOTICE_AFTER, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA trusted_schema = OFF")  # the schema's own SQL is never run for a row
        return db

    def _open(self) -> sqlite3.Connection:
        """A connection to an index of this code's version: the file as it is, or made anew."""
        st = cachedir.check_file(self.path)
        if st is not None and st.st_mode & 0o022:  # others may have written it: not trusted
            self._remove()
            st = None
        if st is None:
            self._place_prebuilt()
            cachedir.create_file(self.path)
        db = self._sqlite(str(self.path))
        try:
            if self._version(db) == code_version():
                return db
            self._lock(db)  # nobody else can be making it now: an empty file is made here
            if self._version(db) == code_version():
                db.execute("COMMIT")
                return db
            if not db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                self._make(db)
                return db
            db.execute("ROLLBACK")
        except CacheUnavailable:
            db.close()
            raise
        except sqlite3.Error as exc:
            self._unavailable(exc)  # else not a database, or another code's: made anew below
        db.close()
        self._remove()
        self._place_prebuilt()
        cachedir.create_file(self.path)
        db = self._sqlite(str(self.path))
        try:
            self._lock(db)
            if self._version(db) == code_version():  # another hanban made it meanwhile
                db.execute("COMMIT")
            elif not db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                self._make(db)
            else:
                raise CacheUnavailable(key="cache.in_use", path=str(self.path))
        except CacheUnavailable:
            db.close()
            raise
        except sqlite3.Error as exc:
            db.close()
            self._unavailable(exc)
            raise CacheUnavailable(key="cache.unwritable", folder=str(self.path.parent), why=str(exc)) from None
        return db

    def _version(self, db: sqlite3.Connection) -> str | None:
        def read() -> str | None:
            try:
                row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
            except sqlite3.OperationalError as exc:
                if "no such table" in str(exc):
                    return None
                raise
            return None if row is None else str(row[0])

        return self._waiting(read)

    def _make(self, db: sqlite3.Connection) -> None:
        """The schema and version, in the write transaction `_lock` began (committed here)."""
        for statement in SCHEMA.split(";"):
            db.execute(statement)
        db.execute("INSERT INTO meta VALUES ('version', ?)", (code_version(),))
        db.execute("COMMIT")

    def _place_prebuilt(self) -> None:
        """Where there is no index file: the seed puts one there from a prebuilt index of the built-in
        catalog, when there is one and it may be used; else nothing."""
        if self.seed is not None and self.files:
            self.seed(self.path, self.files, self.labels)

    def _remove(self) -> None:
        if not cachedir.remove(self.path):
            raise CacheUnavailable(key="cache.in_use", path=str(self.path))

    # -- waiting for another hanban ---------------------------------------------------------------
    def _waiting(self, fn: Callable[[], T]) -> T:
        """fn(), retried while another connection holds the lock; said within a second; given up
        (CacheUnavailable: load directly) after LOCK_WAIT."""
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise
            if time.monotonic() >= deadline:
                raise CacheUnavailable(key="cache.busy", seconds=LOCK_WAIT)
            if not self._told_waiting and self.warn is not None:
                self._told_waiting = True
                self.warn(CacheNotice(key="cache.waiting", path=str(self.path), seconds=LOCK_WAIT))

    def _lock(self, db: sqlite3.Connection) -> None:
        self._waiting(lambda: db.execute("BEGIN IMMEDIATE"))

    # -- bringing it up to date -------------------------------------------------------------------
    def _update(self, db: sqlite3.Connection, files: list[FileRef], progress: ProgressFactory | None) -> bool:
        """Bring the index up to date with `files`; whether anything was written."""
        now = snapshot(files)

        def stored() -> Any:
            return db.execute("SELECT value FROM meta WHERE key = 'snapshot'").fetchone()

        row = self._waiting(stored)
        if row is not None and row[0] == now:
            return False
        self._first_build = row is None  # nothing stored yet: a failed build leaves nothing worth keeping
        # Plan and write under the write lock: another hanban updating the same index at the same
        # moment either finished first (and there is nothing left to do) or waits for this one.
        self._lock(db)
        db.execute(f"PRAGMA busy_timeout = {LOCK_WAIT * 1000}")  # (a commit waits for readers to finish)
        thresholds = gc.get_threshold()
        try:
            gc.set_threshold(50_000, 20, 100)  # a build makes many short-lived objects (~15% faster)
            row = stored()
            if row is None or row[0] != now:
                from hanban.index.build import Build

                Build(db, files, progress).run()
                db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [("snapshot", now), ("catalogs", "\n".join(self.labels))])
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:  # (SQLite has already rolled back after some errors, a full disk among them)
                try:
                    db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise
        finally:
            gc.set_threshold(*thresholds)
            try:
                db.execute(f"PRAGMA busy_timeout = {int(NOTICE_AFTER * 1000)}")
            except sqlite3.Error:
                pass
        return True

    # -- reading ----------------------------------------------------------------------------------
    def _catalog(self, db: sqlite3.Connection) -> Catalog:
        reader = Reader(db, self._recover, self._say_rebuilt)

        @functools.lru_cache(maxsize=1)
        def tables() -> Tables:
            return check_tables(read_meta(reader, "tables", Tables))

        def wizard() -> Wizard:
            from hanban.catalog.wizard_model import Wizard

            return read_meta(reader, "wizard", Wizard)  # type: ignore[no-any-return]

        def glossary() -> tuple[m.GlossaryTerm, ...]:
            return read_meta(reader, "glossary", tuple[m.GlossaryTerm, ...])  # type: ignore[no-any-return]

        return Catalog(IndexedServices(reader, tables), tables, wizard, glossary)

    def _say_rebuilt(self) -> None:
        """One line, once the rebuilt index was read (a rebuild into memory has said its own)."""
        if self._rebuilt and self.warn is not None:
            self.warn(CacheNotice(key="cache.rebuilt", folder=str(self.path.parent)))

    def _recover(self, why: str) -> sqlite3.Connection:
        """After damage was read (`why`, not repeated: it may hold what the damage wrote): the index
        deleted and built again, said in one line (or, when it cannot be, the catalog built into
        memory the same way, after a warning)."""
        self.seed = None  # (what was read may have come from it: compiled this time)
        try:
            self._remove()
            db = self._open()
            try:
                self._update(db, self.files, None)
            except BaseException:
                db.close()
                raise
            db.execute(f"PRAGMA busy_timeout = {LOCK_WAIT * 1000}")
            self._rebuilt = True
            return db
        except CacheUnavailable as exc:
            if self.warn is not None:
                self.warn(exc)
        except sqlite3.Error:
            if self.warn is not None:
                self.warn(CacheUnavailable(key="cache.damaged", folder=str(self.path.parent)))
        db = self._sqlite(":memory:")
        self._lock(db)
        self._make(db)
        self._update(db, self.files, None)
        return db
