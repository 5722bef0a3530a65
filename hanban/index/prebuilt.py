"""The built-in catalog's index, compiled when the wheel is built and shipped in the package.

`hatch_build.py` runs `python -m hanban.index.prebuilt` while the wheel is built: the built-in
catalog is compiled as on any first run, into `hanban/_index/builtin.sqlite`, beside a manifest
naming the code it was compiled by (`store.code_version`) and the hash of its bytes. The first
command after install then copies its rows instead of compiling (`seed`); overlays and packs are
parsed and linked on top of them as after an edit (with the progress bar).

The shipped file is never opened in place, and never trusted more than the cache folder's rules
allow (`cachedir`). Its rows are copied, under the new index's write lock, only when:

- it and its manifest are regular files of this user's or root's, in a folder others cannot write,
  and nobody else may write them;
- the manifest names this code (the format, hanban's version, the code that compiles, SQLite and
  Python: another version's file is ignored) and the file's bytes have the manifest's hash (a
  damaged file is ignored);
- the built-in catalog on disk is, file by file, what it was compiled from (same names, same
  content): a catalog edited after install is compiled instead.

Otherwise the catalog is compiled as before. An editable install or a source checkout has no
prebuilt file: it compiles on first use.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import sys
from pathlib import Path
from typing import Any

from hanban.catalog.files import FileRef, digest
from hanban.index import cachedir

DIR = "_index"  # in the package: hanban/_index/
NAME = "builtin.sqlite"
MANIFEST = "builtin.json"
MAX_BYTES = 64 * 1024 * 1024  # read no further (the built-in catalog's index is about 1 MiB)
TABLES = ("units", "services", "names")
META = ("tables", "wizard", "services", "wizard_signature")  # what `link` made of the built-in catalog


def shipped() -> Path | None:
    """The package's prebuilt index, when it has one (a wheel install)."""
    path = Path(__file__).resolve().parent.parent / DIR / NAME
    return path if path.is_file() else None


def read_trusted(path: Path, limit: int = MAX_BYTES) -> bytes | None:
    """The bytes of `path`, when the cache's rules would trust it: a regular file (not a symbolic
    link) of this user's or root's that nobody else may write, in a folder of theirs that others
    cannot write (or that has the sticky bit). None otherwise, or when it cannot be read."""
    try:
        folder = os.stat(path.parent)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_mode & 0o022 or not cachedir.trusted_owner(st.st_uid):
            return None
        if not cachedir.trusted_owner(folder.st_uid) or (folder.st_mode & 0o022 and not folder.st_mode & stat.S_ISVTX):
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            raw = fh.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return raw if len(raw) <= limit else None


def _open_checked(source: Path) -> sqlite3.Connection | None:
    """The prebuilt index, read into memory, when its manifest names this code and its hash matches."""
    from hanban.index.store import code_version

    manifest_raw = read_trusted(source.with_name(MANIFEST), 1 << 20)
    raw = read_trusted(source)
    if manifest_raw is None or raw is None:
        return None
    try:
        manifest = json.loads(manifest_raw)
    except ValueError:
        return None
    if not isinstance(manifest, dict) or manifest.get("version") != code_version() or manifest.get("digest") != digest(raw):
        return None
    try:
        db = sqlite3.connect(":memory:", isolation_level=None)
        db.execute("PRAGMA trusted_schema = OFF")
        if hasattr(db, "deserialize"):  # Python 3.11+: the very bytes whose hash was checked
            db.deserialize(raw)
        else:  # (Python 3.10: the file, read-only)
            from urllib.parse import quote

            db.close()
            db = sqlite3.connect(f"file:{quote(str(source))}?mode=ro&immutable=1", uri=True, isolation_level=None)
            db.execute("PRAGMA trusted_schema = OFF")
        row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except sqlite3.Error:
        return None
    if row is None or row[0] != code_version():
        db.close()
        return None
    return db


def _content_digests(files: list[FileRef]) -> dict[str, str | None]:
    from hanban.index.store import content_digest

    return {f.key: f.digest or content_digest(f) for f in files}


def seed(db: sqlite3.Connection, files: list[FileRef], source: Path) -> bool:
    """Copy the prebuilt index's rows into `db` (a new, empty index in its write transaction) when
    it may be trusted and the built-in files in `files` (layer 0) are exactly the ones it was
    compiled from; their paths and stats are then the files' own. Whether it was copied."""
    pre = _open_checked(source)
    if pre is None:
        return False
    try:
        rows = _matching_rows(pre, [f for f in files if f.layer == 0])
    except sqlite3.Error:
        rows = None
    finally:
        pre.close()
    if rows is None:
        return False
    units, services, names, fts, meta = rows
    db.executemany(f"INSERT INTO units VALUES ({','.join('?' * len(units[0]))})", units)
    db.executemany(f"INSERT INTO services VALUES ({','.join('?' * len(services[0]))})", services)
    db.executemany("INSERT INTO names VALUES (?, ?)", names)
    db.executemany("INSERT INTO fts(rowid, text) VALUES (?, ?)", fts)
    db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta)
    return True


def _matching_rows(pre: sqlite3.Connection, builtin: list[FileRef]) -> tuple[list[Any], ...] | None:
    """The prebuilt rows, the units' paths and stats made the files' own; None unless its units are
    exactly `builtin` (names, the way messages name them, and content)."""
    units = pre.execute("SELECT * FROM units ORDER BY id").fetchall()
    by_key = {f.key: f for f in builtin}
    if not units or len(units) != len(builtin) or {u[3] for u in units} != set(by_key):
        return None
    digests = _content_digests(builtin)
    rebased = []
    for u in units:
        f = by_key[u[3]]
        if u[2] != 0 or u[4] != f.display or u[7] != digests[f.key]:
            return None
        rebased.append((u[0], f.path, 0, u[3], u[4], f.size, f.mtime, *u[7:]))
    services = pre.execute("SELECT * FROM services ORDER BY rid").fetchall()
    names = pre.execute("SELECT key, rid FROM names").fetchall()
    fts = pre.execute("SELECT rowid, text FROM fts").fetchall()
    meta = pre.execute(f"SELECT key, value FROM meta WHERE key IN ({','.join('?' * len(META))})", META).fetchall()
    if not services or {k for k, _ in meta} < {"tables", "wizard", "services"}:
        return None
    return rebased, services, names, fts, meta


def write(out: Path, builtin: Path) -> Path:
    """Compile the built-in catalog at `builtin` into out/NAME, and its manifest beside it."""
    from hanban.catalog.files import catalog_roots, list_files
    from hanban.errors import CatalogError
    from hanban.index.store import SqliteIndex, code_version

    out.mkdir(parents=True, exist_ok=True)
    path = out / NAME
    for p in (path, out / MANIFEST):
        p.unlink(missing_ok=True)
    files, problems = list_files(catalog_roots(builtin=builtin, pack=None))
    if problems:
        raise CatalogError(problems)
    SqliteIndex(path, labels=["catalog"]).compile(files)
    db = sqlite3.connect(path, isolation_level=None)
    try:
        # Nothing of the machine it was built on: paths are the files' names, stats are rebased on use.
        db.execute("UPDATE units SET path = display, mtime = 0")
        db.execute("DELETE FROM meta WHERE key IN ('snapshot', 'catalogs')")
        db.execute("VACUUM")
    finally:
        db.close()
    raw = path.read_bytes()
    manifest = {"version": code_version(), "digest": digest(raw), "bytes": len(raw)}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    for p in (path, out / MANIFEST):
        p.chmod(0o644)
    return path


def main(argv: list[str]) -> None:
    """python -m hanban.index.prebuilt OUT_FOLDER CATALOG_FOLDER (the wheel's build hook runs this)."""
    if len(argv) != 2:
        raise SystemExit("usage: python -m hanban.index.prebuilt OUT_FOLDER CATALOG_FOLDER")
    path = write(Path(argv[0]), Path(argv[1]))
    print(f"prebuilt index of the built-in catalog: {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1:])
