"""The compiled catalog index: the pipeline's units cached per file in SQLite, in the user's cache folder.

The YAML files stay the source of truth. Each file is remembered by path, size, modification time
and content hash; only changed files are parsed again, and `catalog.link` runs over the stored
units as it does for direct loading (so the cache only ever holds a catalog that loads). Services
are read lazily (`services.IndexedServices`, a `catalog.store.ServiceStore`), with FTS5 trigram
candidates for search on very large catalogs. Rows hold JSON, never pickles.

The package: `store` (the file, its schema, waiting for its lock, reading), `cachedir` (the folder:
who may have written it, locks held elsewhere, eviction), `build` (one update), `rows` (a unit as
rows and back), `codec` (model values as JSON, checked as they are read), `services` (the lazy
store, rebuilt once when what it reads is damaged), `fts` (search candidates) and `prebuilt` (the
built-in catalog's index compiled when the wheel is built, copied into a new index file).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hanban.catalog.files import FileRef
    from hanban.catalog.progress import ProgressFactory
    from hanban.catalog.store import Catalog
    from hanban.errors import HanbanError
    from hanban.index.store import Seed


def open_catalog(
    overlays: Sequence[Path] = (),
    *,
    directory: Path | None = None,
    builtin: Path | None = None,
    pack: Path | str | None = "installed",
    progress: ProgressFactory | None = None,
    warn: Callable[[HanbanError], None] | None = None,
    prebuilt: Path | None = None,
) -> Catalog:
    """The catalog (built-in, the pack, then `overlays`) through its index file in `directory` (default: the
    cache folder); loaded directly, after `warn`, when the index cannot be written. A new index file
    starts from the prebuilt index `prebuilt` (default: the package's own, for its own catalog) when it may."""
    from hanban.catalog.files import catalog_roots, resolve_pack
    from hanban.catalog.load import load_catalog
    from hanban.index.store import SqliteIndex, cache_dir, index_path

    folder = resolve_pack(pack)  # read once: the same pack for the index file and the files
    roots = catalog_roots(overlays, builtin, folder)
    seed = _seed(prebuilt) if prebuilt is not None or builtin is None else None
    index = SqliteIndex(index_path(roots, directory or cache_dir()), warn=warn, labels=[r.label for r in roots], seed=seed)
    return load_catalog(overlays, builtin=builtin, pack=folder, cache=index, progress=progress, warn=warn)



def _seed(source: Path | None) -> Seed:
    """Puts a new index file in place from the prebuilt index at `source` (None: the package's own,
    if it has one), when it may be used (`prebuilt.place`)."""

    def seed(path: Path, files: list[FileRef], labels: list[str]) -> bool:
        from hanban.index import prebuilt

        found = source or prebuilt.shipped()
        return found is not None and prebuilt.place(path, files, labels, found)

    return seed
