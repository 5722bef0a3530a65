"""Step one of the pipeline: one file -> a `Unit` (its typed entries, references and problems).

`parse_file` reads, parses (safe YAML, `yamlio`) and schema-checks one file; `parse_files` does
it for many, in a process pool when there are many (the first build of a large overlay).
Nothing here looks at other files: that is `link`'s job.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, overload

from hanban.catalog.entries import BUILDERS, catalog_info, entry_key
from hanban.catalog.files import FileRef, digest
from hanban.catalog.progress import ProgressBar, ProgressFactory
from hanban.catalog.schema import Checker, Hant, Ref, kind_of
from hanban.catalog.yamlio import MAX_BYTES, Located, load_bytes
from hanban.errors import CatalogError, Problem

TOP_LEVEL = ("catalog", "services", "measures", "documents", "places", "regions", "glossary", "sources", "questions", "rules")
POOL_MIN_FILES = 48  # below this, a process pool costs more than it saves

R = TypeVar("R")


@dataclass
class Unit:
    """What one catalog file contributes: entries by kind (file order), references, problems."""

    file: str  # display name
    layer: int = 0
    entries: dict[str, list[Any]] = field(default_factory=dict)
    refs: list[Ref] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    digest: str = ""  # hash of the bytes read
    size: int = 0
    mtime: int = 0

    # -- what `link` reads of a unit (see link.UnitView) --
    def service_ids(self) -> list[str]:
        return [s.id for s in self.entries.get("services", ())]

    def defs(self) -> Iterator[tuple[str, str | int, int]]:
        for kind, entries in self.entries.items():
            for e in entries:
                yield kind, entry_key(kind, e), e.origin.line

    def small_defs(self) -> Iterator[tuple[str, str | int, int]]:
        return (d for d in self.defs() if d[0] != "services")

    def ref_keys(self) -> set[str]:
        return {r.key for r in self.refs}

    def all_refs(self) -> list[Ref]:
        return self.refs

    def small(self) -> Mapping[str, Sequence[Any]]:
        return {k: v for k, v in self.entries.items() if k != "services"}



def default_hant(known: Mapping[str, str] | None = None) -> Hant:
    """Simplified -> Traditional: from `known` conversions first (so an edit that brings no new
    Chinese text needs no OpenCC), else OpenCC."""
    from hanban.catalog.hant import to_traditional

    if not known:
        return to_traditional
    return lambda text: known.get(text) or to_traditional(text)


def check_document(
    doc: Located, hant: Hant | None = None, seed_texts: Mapping[str, str] | None = None, pinyin: Hant | None = None
) -> Unit:
    """Check one parsed file against the schema; its entries, references and problems."""
    from hanban.catalog.wizard_schema import section

    c = Checker(doc, hant or default_hant(), seed_texts, pinyin)
    unit = Unit(doc.file)
    if doc.data is None:
        c.err((), "problem.empty_file")
    else:
        top = c.mapping(doc.data, (), (), TOP_LEVEL)
        if top is not None and not top:
            c.err((), "problem.expected_one_of", choices=TOP_LEVEL)
        for key, value in (top or {}).items():
            if key not in TOP_LEVEL:
                continue
            if key in ("questions", "rules"):
                unit.entries[key] = section(c, key, value)
            elif key == "catalog":  # one mapping, not a list: the identity of the catalog this file belongs to
                info = catalog_info(c, value, (key,))
                unit.entries[key] = [info] if info is not None else []
            elif not isinstance(value, list):
                c.err((key,), "problem.expected_list", got=kind_of(value))
            else:
                build = BUILDERS[key]
                unit.entries[key] = [e for i, v in enumerate(value) if (e := build(c, v, (key, i))) is not None]
    unit.refs, unit.problems = c.refs, c.problems
    return unit


def parse_file(ref: FileRef, seed_texts: Mapping[str, str] | None = None, known_hant: Mapping[str, str] | None = None) -> Unit:
    """Read, parse and check one file (bounded: the size on disk may lie, as /dev/zero's does)."""
    unit = Unit(ref.display, ref.layer)
    try:
        p = Path(ref.path)
        st = p.stat()
        unit.size, unit.mtime = st.st_size, st.st_mtime_ns
        if st.st_size > MAX_BYTES:
            raise CatalogError([Problem(ref.display, 0, "", "problem.file_too_big", size=st.st_size, limit=MAX_BYTES)])
        with p.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
        unit.digest = digest(raw)
        checked = check_document(load_bytes(raw, ref.display), default_hant(known_hant), seed_texts)
    except CatalogError as exc:
        unit.problems = list(exc.problems)
        return unit
    except OSError as exc:
        unit.problems = [Problem(ref.display, 0, "", "problem.cannot_read", why=exc.strerror or str(exc))]
        return unit
    unit.entries, unit.refs, unit.problems = checked.entries, checked.refs, checked.problems
    return unit


Task = tuple[FileRef, "Mapping[str, str] | None", "Callable[[Unit], Any] | None", "Mapping[str, str] | None"]


def _parse_then(task: Task) -> Any:
    ref, seeds, then, known = task
    unit = parse_file(ref, seeds, known)
    return then(unit) if then is not None else unit


_tasks: list[Task] = []  # a pool worker's tasks, given once when it starts (`_start_worker`)


def _start_worker(tasks: list[Task]) -> None:
    """A pool worker's start: its tasks (inherited when forked: nothing is pickled per task), and
    fewer collections: a build allocates many short-lived objects (measured: ~15% faster parsing).

    Ctrl-C reaches every process of the terminal's group: a worker ignores it, and the main process
    (interrupted, exit 130, its transaction rolled back) ends the pool. A worker that took it would
    print its own traceback."""
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _tasks
    _tasks = tasks
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def _run_task(i: int) -> Any:
    return _parse_then(_tasks[i])


@overload
def parse_files(
    files: Sequence[FileRef], *, seed_texts: Mapping[str, str] | None = ..., then: None = ..., progress: ProgressFactory | None = ...,
    known_hant: Mapping[str, str] | None = ...,
) -> Iterator[Unit]: ...


@overload
def parse_files(
    files: Sequence[FileRef], *, seed_texts: Mapping[str, str] | None = ..., then: Callable[[Unit], R], progress: ProgressFactory | None = ...,
    known_hant: Mapping[str, str] | None = ...,
) -> Iterator[R]: ...


def parse_files(
    files: Sequence[FileRef],
    *,
    seed_texts: Mapping[str, str] | None = None,
    then: Callable[[Unit], Any] | None = None,
    progress: ProgressFactory | None = None,
    known_hant: Mapping[str, str] | None = None,
) -> Iterator[Any]:
    """`parse_file` over `files`, in order; from a process pool when there are many.

    `then`, a module-level function, runs on each unit where it was parsed (in the worker), so that
    work such as encoding a unit for the index is spread over the pool too. `known_hant` holds
    Traditional forms already derived (an edited file's old ones), for the few-files case.
    """
    pooled = len(files) >= POOL_MIN_FILES
    tasks: list[Task] = [(f, seed_texts, then, None if pooled else known_hant) for f in files]
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    bar = progress(len(tasks)) if progress is not None and len(tasks) >= PROGRESS_MIN_FILES else None
    try:
        if pooled and cpus > 1:
            yield from _pooled(tasks, cpus, bar)
            return
        for t in tasks:
            r = _parse_then(t)
            if bar:
                bar.advance()
            yield r
    finally:
        if bar:
            bar.close()


PROGRESS_MIN_FILES = 200


def _pool_class() -> type[Any]:
    """multiprocessing's Pool, except that its worker-handler thread does not wake for results.

    That thread waits on the workers, a change notifier and the result pipe. While a result waits
    in the pipe for the result-handler thread to read it, which during a build is most of the time,
    it wakes again at once, over and over: measured, 1.1 s of the main process's 5 s of CPU (on the
    66,000-service overlay), taken from the workers on a 2-core machine. It has nothing to do for a
    result: the pool's cache tells the notifier when the last task is done, and a worker that dies
    is seen by its own sentinel."""
    from multiprocessing.pool import Pool

    class QuietPool(Pool):
        def _get_sentinels(self) -> list[Any]:
            return [self._change_notifier._reader]  # type: ignore[attr-defined]

    return QuietPool


def _pooled(tasks: list[Any], cpus: int, bar: ProgressBar | None) -> Iterable[Any]:
    import multiprocessing

    from hanban.catalog.pinyin import syllables

    default_hant()("预热")  # load OpenCC and pypinyin once, before forking
    syllables("预热")
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with _pool_class()(min(cpus, 8), initializer=_start_worker, initargs=(tasks,), context=ctx) as pool:
        for r in pool.imap(_run_task, range(len(tasks)), chunksize=4):
            if bar:  # before the yield: the consumer may stop at the last file
                bar.advance()
            yield r
