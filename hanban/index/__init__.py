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

The package: `store` (the SQLite file and the `Index` that updates and reads it), `files` (listing the
YAML files), `compile` (parsing files into rows, in a process pool for large builds), `codec` (the
model as JSON), `lazy` (the Mappings read from the rows) and `fts` (FTS5 candidates for search).
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from hanban import model as m
from hanban.errors import CatalogError
from hanban.index.files import _list_files
from hanban.index.fts import narrow_for_search
from hanban.index.lazy import IndexedServices, learn_traditional, services_with
from hanban.index.store import Index, ProgressFactory, _roots, _Unwritable, cache_dir, index_path

__all__ = ["IndexedServices", "cache_dir", "learn_traditional", "narrow_for_search", "open_catalog", "services_with"]

_warned = False


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
