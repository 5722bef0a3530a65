"""The compiled catalog index: the YAML catalog compiled into SQLite in the user's cache folder.

The YAML files stay the source of truth. Each file is remembered by path, size, modification time
and content hash; only changed files are parsed and validated again, a deleted file's entries go
away, and a file with problems is never stored (its problems are raised as `CatalogError`, FILE:LINE
as with direct loading). Cross-file checks (duplicate ids, references) run in the same transaction,
so the cache only ever holds a catalog that loads.

Services are read lazily: `open_catalog` returns a `model.Catalog` whose `services` is a Mapping
backed by SQLite (lookup by id, name or alias through an index table; FTS5 trigram candidates for
search), while the small tables (measures, places, documents, ...) are read whole.

Entries are serialised as JSON, never pickle: a cache file cannot run code. A cache that is corrupt
or written by another version is deleted and rebuilt; a cache folder that cannot be written makes
hanban load the YAML directly, with one warning.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from hanban import __version__
from hanban import model as m
from hanban.errors import CatalogError, Problem

FORMAT = 2  # bump when the stored shape changes (2: services.search, search's prepared fields)
ENV_CACHE = "HANBAN_CACHE"
POOL_MIN_FILES = 48  # below this, a process pool costs more than it saves
PROGRESS_MIN_FILES = 200
# Search's prepared fields (services.search) are stored for catalogs of fewer files (the shipped one and
# small overlays). A large catalog's search scores only a few FTS5 candidates, so preparing all its services
# would slow its builds and edits for nothing; a service without them is prepared when searched.
SEARCH_PREPARE_MAX_FILES = 48
LOCK_WAIT = 600  # seconds another hanban may wait while one compiles a large catalog
# The modules whose code decides what a file compiles to: a change to any of them invalidates the cache.
_CODE = ("model.py", "validate.py", "yamlio.py", "catalog.py", "index.py", "resolve.py", "i18n.py",
         "wizard.py", "conditions.py", "flow.py", "search.py")
_warned = False

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
    here = Path(__file__).resolve().parent
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


# -- public entry point -----------------------------------------------------------------------
def open_catalog(
    overlays: Sequence[Path] = (),
    *,
    builtin: Path | None = None,
    directory: Path | None = None,
    progress: ProgressFactory | None = None,
) -> m.Catalog:
    """The catalog through the compiled index: built or brought up to date first, then read lazily.

    `progress`, given by a terminal front-end, makes a progress bar for a large first build.

    Falls back to `catalog.load_catalog` (with one warning) when the cache cannot be written.
    """
    roots = _roots(overlays, builtin)
    where = directory or cache_dir()
    files, problems = _list_files(roots)
    if problems:
        raise CatalogError(problems)
    try:
        where.mkdir(parents=True, exist_ok=True)
        for attempt in (1, 2):
            db = Index(index_path(roots, where))
            try:
                return db.update_and_open(files, progress=progress)
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.OperationalError):  # locked, I/O: not a damaged file
                    raise
                # Damaged beyond what opening it showed ("database disk image is malformed"): never
                # trusted; deleted and built again, once.
                db.db.close()
                db._remove()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")
    except _Unwritable as exc:
        _warn_once(f"hanban: cannot write the catalog index in {where} ({exc}); loading the catalog directly")
    except OSError as exc:
        _warn_once(f"hanban: cannot use the catalog index folder {where} ({exc.strerror or exc}); loading the catalog directly")
    from hanban.catalog import load_catalog

    return load_catalog(overlays, builtin=builtin)


def _warn_once(message: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        print(message, file=sys.stderr)


class _Unwritable(Exception):
    """The cache file or its folder cannot be written."""


# -- listing files ----------------------------------------------------------------------------
class FileRef:
    """One catalog file as found on disk: layer, sort key, display name and stat."""

    __slots__ = ("display", "fkey", "layer", "mtime", "path", "size")

    def __init__(self, path: str, layer: int, fkey: str, display: str, size: int, mtime: int) -> None:
        self.path, self.layer, self.fkey, self.display, self.size, self.mtime = path, layer, fkey, display, size, mtime


class _Unusual(Exception):
    """Something the fast walk leaves to catalog.yaml_files (which words the problem)."""


def _walk(root: Path) -> list[tuple[str, tuple[str, ...], int, int]] | None:
    """(absolute path, parts relative to root, size, mtime) of each YAML file under the folder `root`,
    in catalog.yaml_files' order -- with strings and scandir, as this runs on every command.
    None when anything is unusual (not a folder, unreadable, a symlink loop): the caller then uses yaml_files."""
    from hanban.catalog import YAML_SUFFIXES

    out: list[tuple[str, tuple[str, ...], int, int]] = []
    seen: set[tuple[int, int]] = set()

    def walk(d: str, rel: tuple[str, ...]) -> None:
        st = os.stat(d)
        if (st.st_dev, st.st_ino) in seen:
            raise _Unusual
        seen.add((st.st_dev, st.st_ino))
        with os.scandir(d) as it:
            entries = sorted(it, key=lambda e: e.name)
        for e in entries:
            if e.name.startswith("."):
                continue
            if e.is_dir():
                walk(e.path, rel + (e.name,))
            elif e.name.endswith(YAML_SUFFIXES):
                st = e.stat()
                if not stat.S_ISREG(st.st_mode):  # a pipe or device named *.yaml: yaml_files words the problem
                    raise _Unusual
                out.append((e.path, rel + (e.name,), st.st_size, st.st_mtime_ns))

    top = os.path.join(os.getcwd(), root) if not root.is_absolute() else str(root)
    try:
        if not os.path.isdir(top):
            return None
        walk(top, ())
    except (OSError, _Unusual):
        return None
    return out


def _list_files(roots: Sequence[tuple[Path, str]]) -> tuple[list[FileRef], list[Problem]]:
    """Every YAML file of every layer, in load order, with its stat; listing problems as load_catalog has them."""
    from hanban.catalog import display_name, yaml_files

    out: list[FileRef] = []
    problems: list[Problem] = []
    for layer, (root, label) in enumerate(roots):
        fast = _walk(root)
        if fast is not None:
            for path, rel, size, mtime in fast:
                shown = "/".join(rel)
                out.append(FileRef(path, layer, "\0".join(rel), f"{label}/{shown}" if label else shown, size, mtime))
            continue
        try:
            paths = yaml_files(root)
        except CatalogError as exc:
            problems.extend(exc.problems)
            continue
        base = root if root.is_dir() else root.parent
        for p in paths:
            try:
                st = p.stat()
            except OSError as exc:
                problems.append(Problem(display_name(p, base, label), 0, "", f"cannot read: {exc.strerror or exc}"))
                continue
            try:
                rel = p.relative_to(base).parts
            except ValueError:
                rel = p.parts
            out.append(FileRef(str(p.absolute()), layer, "\0".join(rel), display_name(p, base, label), st.st_size, st.st_mtime_ns))
    return out, problems


# -- (de)serialising the model as JSON ----------------------------------------------------------
def _t(t: m.Text | None) -> Any:
    if t is None:
        return None
    return [t.zh_hans, t.en] if t.zh_hant is None else [t.zh_hans, t.en, t.zh_hant]


def _T(v: Any) -> Any:
    return None if v is None else m.Text(*v)


def _srcs(ss: Iterable[m.Source]) -> list[Any]:
    return [[s.file, s.measure, s.quote] for s in ss]


def _S(v: list[Any]) -> tuple[m.Source, ...]:
    return tuple(m.Source(f, n, q) for f, n, q in v)


def encode_service(s: m.Service) -> dict[str, Any]:
    return {
        "id": s.id, "n": _t(s.name), "a": {k: list(v) for k, v in s.aliases.items()}, "c": s.category,
        "au": list(s.audience), "s": _t(s.summary), "m": list(s.measures),
        "ch": {k: [c.available, c.status, [_t(x) for x in c.conditions], list(c.regions), _srcs(c.sources)]
               for k, c in s.channels.items()},
        "d": [[d.kind, _t(d.name), d.exemption, _t(d.note), _srcs(d.sources)] for d in s.documents],
        "w": list(s.where), "st": [[_t(f.text), _srcs(f.sources)] for f in s.steps],
        "no": [[_t(f.text), _srcs(f.sources)] for f in s.notes],
        "f": [[_t(f.text), f.as_of, _srcs(f.sources)] for f in s.figures],
        "so": _srcs(s.sources), "o": [s.origin.file, s.origin.line], "as": s.as_of,
    }


def decode_service(d: dict[str, Any]) -> m.Service:
    return m.Service(
        id=d["id"], name=m.Text(*d["n"]), aliases={k: tuple(v) for k, v in d["a"].items()}, category=d["c"],
        audience=tuple(d["au"]), summary=m.Text(*d["s"]), measures=tuple(d["m"]),
        channels={k: m.Channel(k, c[0], c[1], tuple(m.Text(*x) for x in c[2]), tuple(c[3]), _S(c[4]))
                  for k, c in d["ch"].items()},
        documents=tuple(m.Document(x[0], m.Text(*x[1]), x[2], _T(x[3]), _S(x[4])) for x in d["d"]),
        where=tuple(d["w"]), steps=tuple(m.Fact(m.Text(*x[0]), _S(x[1])) for x in d["st"]),
        notes=tuple(m.Fact(m.Text(*x[0]), _S(x[1])) for x in d["no"]),
        figures=tuple(m.Figure(m.Text(*x[0]), x[1], _S(x[2])) for x in d["f"]),
        sources=_S(d["so"]), origin=m.Origin(*d["o"]), as_of=d["as"],
    )


def encode_entry(kind: str, e: Any) -> Any:
    o = [e.origin.file, e.origin.line]
    if kind == "measures":
        return [e.number, _t(e.title), e.part, e.status, _t(e.summary), list(e.services), _srcs(e.sources), o]
    if kind == "documents":
        return [e.id, _t(e.name), e.measure_16, _srcs(e.sources), o]
    if kind == "places":
        return [e.id, _t(e.name), e.kind, _t(e.description), _srcs(e.sources), o]
    if kind == "regions":
        return [e.id, _t(e.name), _srcs(e.sources), o]
    if kind == "glossary":
        return [_t(e.term), _t(e.note), _srcs(e.sources), o]
    if kind == "sources":
        return [e.file, e.outlet, e.date, e.script, e.title, o]
    raise ValueError(kind)


def decode_entry(kind: str, v: list[Any]) -> Any:
    o = m.Origin(*v[-1])
    if kind == "measures":
        return m.Measure(v[0], m.Text(*v[1]), v[2], v[3], m.Text(*v[4]), tuple(v[5]), _S(v[6]), o)
    if kind == "documents":
        return m.DocumentKind(v[0], m.Text(*v[1]), v[2], _S(v[3]), o)
    if kind == "places":
        return m.Place(v[0], m.Text(*v[1]), v[2], m.Text(*v[3]), _S(v[4]), o)
    if kind == "regions":
        return m.Region(v[0], m.Text(*v[1]), _S(v[2]), o)
    if kind == "glossary":
        return m.GlossaryTerm(m.Text(*v[0]), _T(v[1]), _S(v[2]), o)
    if kind == "sources":
        return m.SeedText(v[0], v[1], v[2], v[3], v[4], o)
    raise ValueError(kind)


def _entry_key(kind: str, e: Any) -> str:
    if kind == "measures":
        return str(e.number)
    if kind == "sources":
        return str(e.file)
    if kind == "glossary":
        return str(e.term.zh_hans)
    return str(e.id)


def _texts(value: Any) -> Iterator[m.Text]:
    """Every Text inside a model value (for deriving Traditional ahead of time)."""
    if isinstance(value, m.Service):  # the common case, walked directly (it is the hot path of a build)
        yield value.name
        yield value.summary
        for c in value.channels.values():
            yield from c.conditions
        for d in value.documents:
            yield d.name
            if d.note is not None:
                yield d.note
        for f in value.steps + value.notes:
            yield f.text
        for g in value.figures:
            yield g.text
    elif isinstance(value, m.Text):
        yield value
    elif isinstance(value, (tuple, list)):
        for v in value:
            yield from _texts(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _texts(v)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _texts(getattr(value, name))


def _hant_map(value: Any, extra: Iterable[str] = ()) -> dict[str, str]:
    """Simplified -> derived Traditional for every Text without a Traditional form (OpenCC s2t)."""
    wanted = [t.zh_hans for t in _texts(value) if t.zh_hant is None] + list(extra)
    return {z: _trad(z) for z in wanted if z and not z.isascii()}


# Set while updating in this process: Traditional forms already in the index, so that an edit that
# brings no new Chinese text does not need to load OpenCC.
_known_hant: Any = None


# -- parsing one file (runs in worker processes) ----------------------------------------------
def parse_task(task: tuple[str, str] | tuple[str, str, bool]) -> dict[str, Any]:
    """Read, hash, parse and validate one file; everything returned is plain data.

    `task` is (path, display name[, whether to store search's prepared fields of its services]).
    """
    from hanban.resolve import exact_keys, normalize
    from hanban.validate import check_document
    from hanban.yamlio import MAX_BYTES, load_bytes, load_file

    path, display = task[0], task[1]
    prepare = task[2] if len(task) > 2 else True
    p = Path(path)
    out: dict[str, Any] = {"problems": [], "services": [], "entries": [], "refs": [], "raw": []}
    try:
        st = p.stat()
        out["size"], out["mtime"] = st.st_size, st.st_mtime_ns
        if st.st_size > MAX_BYTES:
            load_file(p, display)  # raises the size problem exactly as direct loading does
        with p.open("rb") as fh:  # bounded, as yamlio.load_file: the size on disk may lie
            raw = fh.read(MAX_BYTES + 1)
    except CatalogError as exc:
        out["problems"] = [_problem_tuple(x) for x in exc.problems]
        return out
    except OSError as exc:
        out["problems"] = [(display, 0, "", f"cannot read: {exc.strerror or exc}")]
        return out
    out["hash"] = _hash(raw)
    try:
        doc = load_bytes(raw, display)
    except CatalogError as exc:
        out["problems"] = [_problem_tuple(x) for x in exc.problems]
        return out
    parsed = check_document(doc)
    if parsed.problems:
        out["problems"] = [_problem_tuple(x) for x in parsed.problems]
        return out
    for kind, entries in parsed.entries.items():
        for seq, e in enumerate(entries):
            if kind == "services":
                names = set(exact_keys(e))
                derived = [e.name.zh_hant or _trad(e.name.zh_hans)] + [_trad(a) for a in e.aliases.get("zh-Hans", ())]
                names.update(normalize(d) for d in derived)
                hant = _hant_map(e, e.aliases.get("zh-Hans", ()))
                ch = e.channels
                text = "\n".join([*sorted(names), e.summary.zh_hans, e.summary.en])  # FTS5 trigram candidates for search
                out["services"].append((
                    seq, e.id, e.origin.line, json.dumps(encode_service(e), ensure_ascii=False, separators=(",", ":")),
                    json.dumps(hant, ensure_ascii=False), int(ch["one_window"].available),
                    int(ch["fully_online"].available), int(ch["cross_province"].available), sorted(names), text,
                    e.category, json.dumps(_t(e.name), ensure_ascii=False), _prepared(e) if prepare else None,
                ))
            else:
                out["entries"].append((
                    seq, kind, _entry_key(kind, e), e.origin.line,
                    json.dumps(encode_entry(kind, e), ensure_ascii=False, separators=(",", ":")),
                    json.dumps(_hant_map(e), ensure_ascii=False),
                ))
    for (owner_kind, owner), rs in parsed.refs.items():
        out["refs"].append((owner_kind, owner, json.dumps([[r.kind, r.value, r.file, r.line, r.field] for r in rs], ensure_ascii=False)))
    for key in parsed.raw:
        # Wizard sections are parsed again from this text when a command asks for them (_LazyRaw).
        out["raw"].append((key, raw.decode("utf-8")))
    return out


def _prepared(s: m.Service) -> str:
    """Search's fields of a service (normalised texts, features), so a search need not decode or fold it."""
    from hanban.search import prepare

    return json.dumps(prepare(s), ensure_ascii=False, separators=(",", ":"))


def _trad(text: str) -> str:
    if not text or text.isascii():
        return text
    if _known_hant is not None:
        known = _known_hant(text)
        if known is not None:
            return str(known)
    from hanban.i18n import to_traditional

    return to_traditional(text)


def _fewer_collections() -> None:
    """A build allocates many short-lived objects: collect less often (measured: ~15% faster parsing)."""
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def _hash(raw: bytes) -> str:
    try:
        from _blake2 import blake2b  # what hashlib.blake2b is, without hashlib's OpenSSL start-up cost
    except ImportError:
        from hashlib import blake2b
    return blake2b(raw, digest_size=16).hexdigest()


def _problem_tuple(p: Problem) -> tuple[str, int, str, str]:
    return (p.file, p.line, p.field, p.message)


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

    def _parse(self, todo: list[FileRef], progress: ProgressFactory | None) -> Iterator[dict[str, Any]]:
        """Parse results in file order, from a process pool when there are many files."""
        global _known_hant
        tasks = [(f.path, f.display, self._prepare_search) for f in todo]
        bar = progress(len(tasks)) if progress is not None and len(tasks) >= PROGRESS_MIN_FILES else None
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        try:
            if len(tasks) >= POOL_MIN_FILES and cpus > 1:
                import multiprocessing

                _hant_map(m.Text("预热", "warm-up"))  # load OpenCC once, before forking
                methods = multiprocessing.get_all_start_methods()
                ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
                with ctx.Pool(min(cpus, 8), initializer=_fewer_collections) as pool:
                    for r in pool.imap(parse_task, tasks, chunksize=4):
                        if bar:  # before the yield: the consumer may stop at the last file
                            bar.advance()
                        yield r
                return
            _known_hant = self._old_hant.get
            for t in tasks:
                r = parse_task(t)
                if bar:
                    bar.advance()
                yield r
        finally:
            _known_hant = None
            if bar:
                bar.close()

    def _apply(
        self, removed: list[int], parsed: list[FileRef], progress: ProgressFactory | None, *, full: bool
    ) -> None:
        """Inside a transaction: drop the rows of removed/changed files, store the new ones, check across files."""
        db = self.db
        touched_ids: set[str] = set()
        existed: set[str] = set()
        small_touched = full
        raw_touched = False
        if removed and len(parsed) < POOL_MIN_FILES:
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

        for f, r in zip(parsed, self._parse(parsed, progress)):
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

            ui = _hant_map(None, [zh for zh, _ in UI.values()])
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
SEARCH_CANDIDATES = 30  # best FTS5 matches handed to search's own scoring on a large catalog


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

    def fts_candidates(self, query: str, limit: int = SEARCH_CANDIDATES) -> list[str]:
        """Ids of services whose names, aliases or summary share pieces with `query`, strongest first (FTS5 trigram).

        Pieces are Latin words of 3+ letters and every 3-character run of Chinese. First the services
        holding every piece; then those holding the pieces that are rare in this catalog, ranked by bm25;
        then any piece. (Ranking a piece that thousands of services hold is what costs, so it is not
        ranked.) Shorter pieces (a 2-character word such as 户口) fall back to a substring scan.
        """
        from hanban.resolve import normalize

        grams: list[str] = []
        short: list[str] = []
        for w in normalize(query).split():
            if w.isascii():
                (grams if len(w) >= 3 else short).append(w)
            elif len(w) >= 3:
                grams += [w[i:i + 3] for i in range(len(w) - 2)]
            else:
                short.append(w)
        grams = list(dict.fromkeys(grams))
        ids: dict[str, None] = {}

        def add(sql: str, *params: Any) -> None:
            rows = self.db.execute(
                "SELECT s.id FROM fts JOIN services s ON s.rid = fts.rowid WHERE " + sql, (*params, limit - len(ids)))
            ids.update((r[0], None) for r in rows)

        def match(pieces: Iterable[str], op: str) -> str:
            return f" {op} ".join('"' + g.replace('"', '""') + '"' for g in pieces)

        if grams:
            add("fts MATCH ? AND s.top = 1 LIMIT ?", match(grams, "AND"))
            if len(ids) < limit:
                rare = self._rare(grams)
                if rare:
                    add("fts MATCH ? AND s.top = 1 ORDER BY fts.rank LIMIT ?", match(rare, "OR"))
            if len(ids) < limit:
                add("fts MATCH ? AND s.top = 1 LIMIT ?", match(grams, "OR"))
        for w in short if len(ids) < limit else ():
            like = "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            add("fts.text LIKE ? ESCAPE '\\' AND s.top = 1 LIMIT ?", like)
        return list(ids)

    def _rare(self, pieces: list[str]) -> list[str]:
        """The pieces held by at most 2% of the services (a word counts as its rarest trigram)."""
        self.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocab USING fts5vocab(main, 'fts', 'row')")
        grams = {p: [p.lower()[i:i + 3] for i in range(len(p) - 2)] for p in pieces}
        wanted = sorted({g for gs in grams.values() for g in gs})
        marks = ",".join("?" * len(wanted))
        docs = dict(self.db.execute(f"SELECT term, doc FROM temp.fts_vocab WHERE term IN ({marks})", wanted).fetchall())
        cap = max(200, len(self) // 50)
        return [p for p, gs in grams.items() if min(docs.get(g, 0) for g in gs) <= cap]


SEARCH_SCAN_MAX = 5000  # up to this many services, search scores every one (results as without an index)


def narrow_for_search(catalog: m.Catalog, query: str) -> m.Catalog:
    """For a large indexed catalog, the catalog cut down to the FTS5 candidates for `query`.

    Small catalogs (the shipped one) come back unchanged, so search results there do not depend on the index.
    """
    services = catalog.services
    if not isinstance(services, IndexedServices) or len(services) <= SEARCH_SCAN_MAX:
        return catalog
    return replace(catalog, services=services.subset(services.fts_candidates(query)))


def services_with(catalog: m.Catalog, channels: Sequence[str]) -> Iterator[m.Service]:
    """The catalog's services with every named channel available, streamed from the index when there is one."""
    services = catalog.services
    if isinstance(services, IndexedServices):
        return services.select(channels)
    return (s for s in services.values() if all(s.channels[c].available for c in channels))
