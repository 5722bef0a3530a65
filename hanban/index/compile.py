"""Parsing catalog files into the index's rows: one file per task, in a process pool for a large
build, with Traditional forms derived and search's fields prepared ahead of time."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hanban import model as m
from hanban.errors import CatalogError, Problem
from hanban.index.codec import _entry_key, _t, encode_entry, encode_service
from hanban.index.store import _hash

if TYPE_CHECKING:
    from hanban.index.files import FileRef
    from hanban.index.store import ProgressFactory

POOL_MIN_FILES = 48  # below this, a process pool costs more than it saves
PROGRESS_MIN_FILES = 200


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


def _problem_tuple(p: Problem) -> tuple[str, int, str, str]:
    return (p.file, p.line, p.field, p.message)


# -- the files of a build, in order (from worker processes when there are many) ----------------
def parse_files(
    todo: list[FileRef], prepare_search: bool, old_hant: Mapping[str, str], progress: ProgressFactory | None
) -> Iterator[dict[str, Any]]:
    """Parse results in file order, from a process pool when there are many files."""
    global _known_hant
    tasks = [(f.path, f.display, prepare_search) for f in todo]
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
        _known_hant = old_hant.get
        for t in tasks:
            r = parse_task(t)
            if bar:
                bar.advance()
            yield r
    finally:
        _known_hant = None
        if bar:
            bar.close()
