"""The one way files become a catalog: list -> parse each file -> link across files -> `Catalog`.

    load_catalog(overlays)                      # parse every file, keep everything in memory
    load_catalog(overlays, cache=SqliteIndex)   # the same steps, remembered per file in a cache

A cache (`UnitCache`, implemented by `hanban.index`) runs the same `parse_files` and `link` on the
files that changed and keeps their units; it never checks or merges anything itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from hanban.catalog.files import INSTALLED, FileRef, catalog_roots, is_folder, list_files
from hanban.catalog.progress import ProgressFactory
from hanban.catalog.store import Catalog
from hanban.errors import CatalogError, HanbanError, Problem

ENV_SEEDS = "HANBAN_SEEDS"


class CacheUnavailable(HanbanError):
    """The cache cannot be used (its folder cannot be written or trusted, the disk is full, another
    hanban holds it too long): load directly instead, after warning with this message."""


class UnitCache(Protocol):
    """Somewhere the units of unchanged files are kept between runs."""

    def load(self, files: list[FileRef], progress: ProgressFactory | None) -> Catalog:
        """The catalog of `files`: changed files parsed again, then linked (raises CatalogError or
        CacheUnavailable)."""


def load_catalog(
    overlays: Sequence[Path] = (),
    *,
    builtin: Path | None = None,
    pack: Path | str | None = INSTALLED,
    seeds: Path | None = None,
    cache: UnitCache | None = None,
    progress: ProgressFactory | None = None,
    warn: Callable[[HanbanError], None] | None = None,
) -> Catalog:
    """The built-in catalog, the pack (default: the installed one) and the overlays on top; raise
    CatalogError listing every problem.

    `seeds` (a folder of seed texts) also checks every quote verbatim; such a load is never cached.
    """
    files, problems = list_files(catalog_roots(overlays, builtin, pack))
    if problems:
        raise CatalogError(problems)
    if cache is not None and seeds is None:
        try:
            return cache.load(files, progress)
        except CacheUnavailable as exc:
            if warn is not None:
                warn(exc)
    from hanban.catalog.link import link, memory_catalog
    from hanban.catalog.parse import Unit, parse_files

    seed_texts = read_seed_texts(seeds) if seeds is not None else None
    units: list[Unit] = list(parse_files(files, seed_texts=seed_texts, progress=progress))
    problems = [p for u in units for p in u.problems]
    if problems:
        raise CatalogError(problems)
    return memory_catalog(units, link(units))


def read_seed_texts(seeds: Path) -> dict[str, str]:
    """The seed texts, whitespace removed, by file name (for quote checks)."""
    from hanban.catalog.schema import squash

    if not is_folder(seeds):
        raise CatalogError([Problem(str(seeds), 0, "", "problem.no_seed_folder")])
    return {p.name: squash(p.read_text("utf-8")) for p in sorted(seeds.glob("*.txt"))}


def full_check(
    overlays: Sequence[Path] = (),
    *,
    builtin: Path | None = None,
    pack: Path | str | None = INSTALLED,
    seeds: Path | None = None,
    citations: bool = True,
) -> tuple[Catalog | None, list[Problem]]:
    """The full validator (`hanban validate`, and every catalog pack made or installed): the
    catalog read from its files (never a cache), then what loading tolerates but a catalog should
    not have (`wizard_checks.lint`, `source_checks.check_sources`), and, unless `citations` is
    False, the editorial checks of citations (`citation_checks`: run where a catalog is written
    and packed, not when a published pack is installed). The catalog (None when it does not load) and every problem."""
    from hanban.catalog.citation_checks import check_citations
    from hanban.catalog.source_checks import check_sources
    from hanban.catalog.wizard_checks import lint

    try:
        cat = load_catalog(overlays, builtin=builtin, pack=pack, seeds=seeds)
    except CatalogError as exc:
        return None, list(exc.problems)
    services = {s.id: s for s in cat.services.select()}
    problems = lint(cat.wizard, services, cat.places) + check_sources(services, cat.seeds, cat.wizard)
    return cat, problems + (check_citations(services, cat.measures, cat.places, cat.wizard) if citations else [])
