"""The built-in catalog's index, compiled when the wheel is built and shipped in the package.

`hatch_build.py` runs `python -m hanban.index.prebuilt` while the wheel is built: the built-in
catalog is compiled as on any first run, into `hanban/_index/builtin.sqlite`, beside a manifest
naming the code it was compiled by (`store.code_version`) and the hash of its bytes. The first
command after install then copies it into the cache folder instead of compiling (`place`): its
bytes to a private file, the units' paths and stats made this machine's, linked into place as the
new index file. Overlays and packs are then parsed and linked on top of it as after an edit (with
the progress bar).

The shipped file is never opened in place. It is copied only when:

- it and its manifest are regular files that nobody may have written who may not also write
  hanban's own code (`read_trusted`): a file that anybody else may write is ignored;
- the manifest names this code (the format, hanban's version, the code that compiles: another
  version's file is ignored) and the file's bytes have the manifest's hash (a damaged file is
  ignored);
- it was compiled under this Python and SQLite, or under others that store the same (`portable`):
  the wheel is built by one Python and installed under any from 3.10 on. What Python's version
  changes in the index is its Unicode tables (normalised texts: NFKC, case folding, what is a
  letter): the manifest lists every character the index holds and a hash of what those tables say
  of each, checked against this Python's. What SQLite's version changes is its FTS5 tokenizer: the
  full-text table is made again in the copy (a few milliseconds);
- the built-in catalog on disk is, file by file, what it was compiled from (same names, same
  content): a catalog edited after install is compiled instead.

Otherwise the catalog is compiled as before. An editable install or a source checkout has no
prebuilt file (`hanban/_index/` is not in git) and compiles on first use, unless
`python -m hanban.index.prebuilt` made one for it (a developer measuring the wheel's first run).
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import sys
import unicodedata
from pathlib import Path

from hanban.catalog.files import FileRef, digest
from hanban.index import cachedir
from hanban.index.store import SCHEMA, SqliteIndex, code_identity, code_version, content_digest, snapshot

DIR = "_index"  # in the package: hanban/_index/
NAME = "builtin.sqlite"
MANIFEST = "builtin.json"
MAX_BYTES = 64 * 1024 * 1024  # read no further (the built-in catalog's index is about 1 MiB)
META = ("tables", "wizard", "services", "wizard_signature")  # what `link` made of the built-in catalog


def shipped() -> Path | None:
    """The package's prebuilt index, when it has one (a wheel install)."""
    path = Path(__file__).resolve().parent.parent / DIR / NAME
    return path if path.is_file() else None


def read_trusted(path: Path, limit: int = MAX_BYTES) -> bytes | None:
    """The bytes of `path`, when nobody may have written it who may not also write the code that
    reads it: a regular file (not a symbolic link), in a folder, owned by this user, root or the
    owner of hanban's own files, and writable by no group or others that may not write those files
    too (a pip install under umask 002 makes both group-writable). None otherwise, or when it
    cannot be read."""
    code = Path(__file__)
    try:
        code_st, package_st = os.stat(code), os.stat(code.parent.parent)
        folder = os.stat(path.parent)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not (_no_wider(st, code_st) and _no_wider(folder, package_st)):
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            raw = fh.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return raw if len(raw) <= limit else None


def _no_wider(st: os.stat_result, code: os.stat_result) -> bool:
    """Whether whoever may write `st` may write `code` too (owner, group, others)."""
    if not (cachedir.trusted_owner(st.st_uid) or st.st_uid == code.st_uid):
        return False
    if st.st_mode & 0o020 and not (code.st_mode & 0o020 and st.st_gid == code.st_gid):
        return False
    return not (st.st_mode & 0o002 and not code.st_mode & 0o002)


def verified_bytes(source: Path) -> tuple[bytes, dict[str, object]] | None:
    """The prebuilt index's bytes and manifest, when it may be trusted (`read_trusted`), its manifest
    names this code (`portable`) and the bytes have the manifest's hash."""
    manifest_raw = read_trusted(source.with_name(MANIFEST), 1 << 20)
    raw = read_trusted(source)
    if manifest_raw is None or raw is None:
        return None
    try:
        manifest = json.loads(manifest_raw)
    except ValueError:
        return None
    if not isinstance(manifest, dict) or not portable(manifest) or manifest.get("digest") != digest(raw):
        return None
    return raw, manifest


def portable(manifest: dict[str, object]) -> bool:
    """Whether an index compiled as the manifest says is what this code would compile here: the same
    code_version, or the same code (code_identity) under a Python whose Unicode tables say the same
    of every character it holds."""
    if manifest.get("version") == code_version():
        return True
    chars = manifest.get("chars")
    return (manifest.get("code") == code_identity() and isinstance(chars, str)
            and manifest.get("unicode_hash") == unicode_hash(chars))


def unicode_hash(chars: str) -> str:
    """A hash of what this Python's Unicode tables say of each of `chars`, as far as compiling uses
    them: NFKC, case folding, \\w, white space and the predicates the catalog code calls (not
    isnumeric, which Unicode 15.1 turned on for 两 and 京)."""
    import re

    word = re.compile(r"\w")
    nfkc = unicodedata.normalize
    rows = [
        f"{unicodedata.category(c)}|{unicodedata.combining(c)}|{nfkc('NFKC', c)}|{c.casefold()}|{c.lower()}|{c.upper()}|"
        f"{c.isalnum():d}{c.isalpha():d}{c.isspace():d}{c.isdigit():d}{c.isdecimal():d}{c.isprintable():d}{bool(word.match(c)):d}"
        for c in chars
    ]
    return digest("\n".join(rows).encode("utf-8", "surrogatepass"))


def place(path: Path, files: list[FileRef], labels: list[str], source: Path) -> bool:
    """Put a new index file at `path` (where there is none) made from the prebuilt index at `source`,
    when it may be used for `files`: its bytes written to a private file beside it, its units made
    the files' own, then linked into place at once (never over a file another hanban made
    meanwhile). Whether it was."""
    verified = verified_bytes(source)
    if verified is None:
        return False
    raw, manifest = verified
    temp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        if not _rebase(temp, files, labels, manifest):
            return False
        # Not synced to disk (a sync costs more than the rest of this): it is a cache, the catalog
        # is the truth. Should the machine lose power before the system writes it, what is left
        # is an empty, short or damaged file, made anew as any damaged index is.
        os.link(temp, path)  # fails when a file is there: another hanban was quicker, and its file is used
        return True
    except (OSError, sqlite3.Error):
        return False
    finally:
        try:
            os.unlink(temp)
        except OSError:
            pass


def _rebase(temp: Path, files: list[FileRef], labels: list[str], manifest: dict[str, object]) -> bool:
    """In the private copy: check that it is the manifest's index of exactly the built-in files among
    `files` (names, the way messages name them, and content), and make their paths and stats the
    files' own (and, when they are all there is, record the snapshot: nothing is left to build);
    under another SQLite, its full-text table made anew; its version made this code's."""
    builtin = [f for f in files if f.layer == 0]
    db = sqlite3.connect(temp, isolation_level=None)
    try:
        db.execute("PRAGMA trusted_schema = OFF")
        db.execute("PRAGMA journal_mode = OFF")  # (a private file, linked into place once it is complete)
        db.execute("PRAGMA synchronous = OFF")
        meta = dict(db.execute(f"SELECT key, value FROM meta WHERE key IN ('version', {','.join('?' * len(META))})", META))
        if meta.get("version") != manifest.get("version") or not {"tables", "wizard", "services"} <= set(meta):
            return False
        units = db.execute("SELECT id, layer, fkey, display, hash FROM units").fetchall()
        by_key = {f.key: f for f in builtin}
        if not builtin or len(units) != len(builtin) or {u[2] for u in units} != set(by_key):
            return False
        rebased = []
        for uid, layer, fkey, display, stored in units:
            f = by_key[fkey]
            if layer != 0 or display != f.display or stored != (f.digest or content_digest(f)):
                return False
            rebased.append((f.path, f.size, f.mtime, uid))
        db.execute("BEGIN")
        db.executemany("UPDATE units SET path = ?, size = ?, mtime = ? WHERE id = ?", rebased)
        if manifest.get("sqlite") != sqlite3.sqlite_version:
            _remake_fts(db)
        db.execute("UPDATE meta SET value = ? WHERE key = 'version'", (code_version(),))
        if len(builtin) == len(files):
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [("snapshot", snapshot(files)), ("catalogs", "\n".join(labels))])
        db.execute("COMMIT")
        return True
    finally:
        db.close()


def _remake_fts(db: sqlite3.Connection) -> None:
    """The full-text table tokenized by this SQLite (in the transaction the caller began)."""
    rows = db.execute("SELECT rowid, text FROM fts").fetchall()
    db.execute("DROP TABLE fts")
    db.execute(next(s for s in SCHEMA.split(";") if "VIRTUAL TABLE fts" in s))
    db.executemany("INSERT INTO fts(rowid, text) VALUES (?, ?)", rows)


def held_chars(db: sqlite3.Connection) -> str:
    """Every character of every text the index holds, once, in order."""
    chars: set[str] = set()
    for table in ("meta", "units", "services", "names"):
        for row in db.execute(f"SELECT * FROM {table}"):
            for value in row:
                if isinstance(value, str):
                    chars.update(value)
    return "".join(sorted(chars))


def write(out: Path, builtin: Path) -> Path:
    """Compile the built-in catalog at `builtin` into out/NAME, and its manifest beside it."""
    from hanban.catalog.files import catalog_roots, list_files
    from hanban.errors import CatalogError

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
        chars = held_chars(db)
    finally:
        db.close()
    raw = path.read_bytes()
    manifest = {"version": code_version(), "digest": digest(raw), "bytes": len(raw), "code": code_identity(),
                "sqlite": sqlite3.sqlite_version, "unicode": unicodedata.unidata_version,
                "chars": chars, "unicode_hash": unicode_hash(chars)}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    for p in (path, out / MANIFEST):
        p.chmod(0o644)
    return path


def main(argv: list[str]) -> None:
    """python -m hanban.index.prebuilt [OUT_FOLDER CATALOG_FOLDER]: the wheel's build hook names both;
    without them, the package's own hanban/_index/ from its built-in catalog (a checkout)."""
    from hanban.catalog.files import builtin_dir
    from hanban.strings import lang_from_locale, word

    lang = lang_from_locale()
    if len(argv) not in (0, 2):
        raise SystemExit(word("prebuilt.usage", lang))
    out, catalog = (Path(argv[0]), Path(argv[1])) if argv else (Path(__file__).resolve().parent.parent / DIR, builtin_dir())
    path = write(out, catalog)
    print(word("prebuilt.made", lang, path=path, size=f"{path.stat().st_size:,}"))


if __name__ == "__main__":
    main(sys.argv[1:])
