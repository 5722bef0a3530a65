"""Find the catalog folders (built-in + overlays), load them safely and build the model."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hanban import model as m
from hanban.errors import CatalogError, Problem

if TYPE_CHECKING:  # the parser and validator are imported where used: the index's warm path needs neither
    from hanban.validate import Parsed, Ref

ENV_OVERLAYS = "HANBAN_CATALOG"
ENV_SEEDS = "HANBAN_SEEDS"
YAML_SUFFIXES = (".yaml", ".yml")


def builtin_dir() -> Path:
    """The catalog shipped with the package (or the source tree's catalog/ in a checkout)."""
    packaged = Path(__file__).resolve().parent / "_catalog"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "catalog"


def overlay_dirs(cli_dirs: Sequence[str] = (), environ: Mapping[str, str] | None = None) -> list[Path]:
    """Overlay folders: HANBAN_CATALOG (a path list) first, then --catalog options, in order."""
    env = os.environ if environ is None else environ
    dirs = [Path(p) for p in env.get(ENV_OVERLAYS, "").split(os.pathsep) if p.strip()]
    dirs += [Path(p) for p in cli_dirs]
    return dirs


def yaml_files(root: Path) -> list[Path]:
    """Every YAML file under `root` (or `root` itself), sorted; unreadable folders are errors."""
    if root.is_file():
        return [root]
    if not root.exists():
        raise CatalogError([Problem(str(root), 0, "", "no such file or folder")])
    if not root.is_dir():
        raise CatalogError([Problem(str(root), 0, "", "not a file or folder")])
    found: list[Path] = []
    problems: list[Problem] = []
    seen_dirs: set[tuple[int, int]] = set()

    def walk(d: Path) -> None:
        try:
            st = d.stat()
        except OSError as exc:
            problems.append(Problem(str(d), 0, "", f"cannot read folder: {exc.strerror or exc}"))
            return
        if (st.st_dev, st.st_ino) in seen_dirs:
            problems.append(Problem(str(d), 0, "", "symlink loop: folder already visited"))
            return
        seen_dirs.add((st.st_dev, st.st_ino))
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem(str(d), 0, "", f"cannot read folder: {exc.strerror or exc}"))
            return
        for e in entries:
            p = Path(e.path)
            try:
                if e.is_dir():
                    if not e.name.startswith("."):
                        walk(p)
                elif e.name.endswith(YAML_SUFFIXES) and not e.name.startswith("."):
                    # A pipe or device named *.yaml would block or never end: regular files only.
                    if not stat.S_ISREG(os.stat(p).st_mode):
                        problems.append(Problem(str(p), 0, "", "not a regular file"))
                    else:
                        found.append(p)
            except OSError as exc:
                problems.append(Problem(str(p), 0, "", f"cannot read: {exc.strerror or exc}"))

    walk(root)
    if problems:
        raise CatalogError(problems)
    return found


def display_name(path: Path, root: Path, label: str) -> str:
    """How a file is named in messages: relative to its catalog folder, prefixed by a label."""
    try:
        rel = path.relative_to(root)
    except ValueError:
        return str(path)
    return f"{label}/{rel.as_posix()}" if label else rel.as_posix()


@dataclass
class Layer:
    """The parsed files of one catalog folder."""

    root: Path
    parsed: list[Parsed] = field(default_factory=list)


def read_layer(root: Path, label: str, seed_texts: Mapping[str, str] | None = None) -> Layer:
    """Parse and schema-check every file of one folder; raise CatalogError with all problems."""
    from hanban.validate import check_document
    from hanban.yamlio import load_file

    layer = Layer(root)
    problems: list[Problem] = []
    base = root if root.is_dir() else root.parent
    for path in yaml_files(root):
        name = display_name(path, base, label)
        try:
            doc = load_file(path, name)
        except CatalogError as exc:
            problems.extend(exc.problems)
            continue
        parsed = check_document(doc, seed_texts)
        problems.extend(parsed.problems)
        layer.parsed.append(parsed)
    if problems:
        raise CatalogError(problems)
    return layer


def load_catalog(
    overlays: Sequence[Path] = (),
    *,
    seeds: Path | None = None,
    builtin: Path | None = None,
) -> m.Catalog:
    """Load the built-in catalog with overlays on top; raise CatalogError listing every problem."""
    seed_texts = read_seed_texts(seeds) if seeds is not None else None
    roots: list[tuple[Path, str]] = [(builtin or builtin_dir(), "catalog")]
    # A file given on its own is named by its own path, a folder's files relative to the folder.
    roots += [(Path(d), str(Path(d).parent if Path(d).is_file() else d)) for d in overlays]
    problems: list[Problem] = []
    layers: list[Layer] = []
    for root, label in roots:
        try:
            layers.append(read_layer(root, label, seed_texts))
        except CatalogError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CatalogError(problems)
    return assemble(layers)


def read_seed_texts(seeds: Path) -> dict[str, str]:
    """The seed texts, whitespace removed, by file name (for quote checks)."""
    from hanban.validate import squash

    if not seeds.is_dir():
        raise CatalogError([Problem(str(seeds), 0, "", "seed folder not found")])
    return {p.name: squash(p.read_text("utf-8")) for p in sorted(seeds.glob("*.txt"))}


def assemble(layers: Iterable[Layer]) -> m.Catalog:
    """Merge layers (later ids replace earlier), check references, fill derived fields."""
    problems: list[Problem] = []
    tables: dict[str, dict[Any, Any]] = {k: {} for k in ("services", "measures", "documents", "places", "regions", "sources")}
    refs: dict[tuple[str, str], list[Ref]] = {}
    glossary: dict[str, m.GlossaryTerm] = {}
    raw: dict[str, list[tuple[str, Any]]] = {}
    for layer in layers:
        layer_ids: dict[tuple[str, Any], m.Origin] = {}
        for parsed in layer.parsed:
            for kind, entries in parsed.entries.items():
                for entry in entries:
                    key = _key(kind, entry)
                    origin = entry.origin
                    if kind == "glossary":
                        glossary[key] = entry
                        continue
                    if (kind, key) in layer_ids:
                        first = layer_ids[(kind, key)]
                        problems.append(
                            Problem(origin.file, origin.line, f"{kind}.id", f"duplicate id {key!r} (first defined at {first})")
                        )
                        continue
                    layer_ids[(kind, key)] = origin
                    tables[kind][key] = entry
            for rk, rs in parsed.refs.items():
                if rk[0] == "glossary":
                    refs.setdefault(rk, []).extend(rs)
                else:
                    refs[rk] = list(rs)  # a replacing entry's references replace the old ones
            for key, value in parsed.raw.items():
                raw.setdefault(key, []).append((parsed.file, value))
    known: dict[str, Mapping[Any, Any]] = {
        "place": tables["places"],
        "document": tables["documents"],
        "region": tables["regions"],
        "service": tables["services"],
        "seed": tables["sources"],
    }
    measures_known = tables["measures"]
    for (owner_kind, owner), rs in refs.items():
        if owner_kind != "glossary" and _key_of(owner_kind, owner) not in tables[_table(owner_kind)]:
            continue
        for r in rs:
            if r.kind == "measure":
                if measures_known and r.value not in measures_known:
                    problems.append(Problem(r.file, r.line, r.field, f"measure {r.value} is not in measures.yaml"))
            elif r.value not in known[r.kind]:
                what = {"seed": "source file", "document": "document kind"}.get(r.kind, r.kind)
                problems.append(Problem(r.file, r.line, r.field, f"unknown {what} {r.value!r}"))
    if problems:
        raise CatalogError(problems)
    seeds: dict[str, m.SeedText] = tables["sources"]
    services = {
        sid: _finish_service(s, tables["documents"], seeds) for sid, s in tables["services"].items()
    }
    catalog = m.Catalog(
        services=services,
        measures=dict(sorted(measures_known.items())),
        documents=tables["documents"],
        places=tables["places"],
        regions=tables["regions"],
        glossary=tuple(glossary.values()),
        seeds=seeds,
        raw=raw,
    )
    # Wizard questions and rules: cross-file checks (unknown ids, unreachable questions, ...).
    from hanban.wizard import build as build_wizard

    wizard_problems = build_wizard(catalog)[1]
    if wizard_problems:
        raise CatalogError(wizard_problems)
    return catalog


def _finish_service(s: m.Service, kinds: Mapping[str, m.DocumentKind], seeds: Mapping[str, m.SeedText]) -> m.Service:
    docs = tuple(
        replace(d, name=kinds[d.kind].name) if d.kind and not d.name.zh_hans else d for d in s.documents
    )
    s = replace(s, documents=docs)
    dates = [seeds[src.file].date for src in s.all_sources() if src.file in seeds]
    return replace(s, as_of=max(dates, key=date_key) if dates else "")


def date_key(date: str) -> str:
    """Sort key for partial ISO dates: '2020' sorts before '2020-05'."""
    return date.ljust(10, " ")


def _key(kind: str, entry: Any) -> Any:
    if kind == "measures":
        return entry.number
    if kind == "sources":
        return entry.file
    if kind == "glossary":
        return entry.term.zh_hans
    return entry.id


def _table(owner_kind: str) -> str:
    return {"service": "services", "measure": "measures", "document": "documents", "place": "places", "region": "regions"}[owner_kind]


def _key_of(owner_kind: str, owner: str) -> Any:
    return int(owner) if owner_kind == "measure" else owner
