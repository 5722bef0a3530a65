"""Listing the catalog's YAML files, every layer in load order with their stat (on every command, so fast)."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from hanban.errors import CatalogError, Problem


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
