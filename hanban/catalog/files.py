"""Where the catalog's files are: the built-in folder, overlays, and the YAML files under each.

This is the one walk over catalog folders: the loader and the index both list files here, and
both name a file the same way in messages (`display`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from hanban.errors import Problem, unsafe_in_name

ENV_OVERLAYS = "HANBAN_CATALOG"
ENV_DATA = "HANBAN_DATA"
YAML_SUFFIXES = (".yaml", ".yml")
PACKS = "packs"  # under the data folder: one folder per installed pack
STATE = "state.json"  # under the data folder: {"current": NAME | "builtin", "previous": NAME | "builtin" | null}
BUILTIN = "builtin"  # the state's name for "no pack: the built-in catalog"
INSTALLED = "installed"  # `catalog_roots(pack=...)`: the pack the data folder says is current


# Plain classes, not dataclasses: every command lists the files, and making a dataclass costs
# about a millisecond at import.
class Root(NamedTuple):
    """A catalog folder (or a single file) and the label its files are named by in messages."""

    path: Path
    label: str  # "catalog" for the built-in folder, "pack" for the installed pack, the path as given for an overlay
    layer: int  # 0 for the built-in catalog, then the pack, then overlays in order: a later layer replaces by id
    key: str = ""  # what names the layer when choosing its index file, if not its path (the pack: any pack)


class FileRef:
    """One catalog file as found on disk."""

    __slots__ = ("digest", "display", "key", "layer", "mtime", "path", "size")

    def __init__(self, path: str, layer: int, key: str, display: str, size: int, mtime: int) -> None:
        self.path = path  # absolute
        self.layer = layer
        self.key = key  # sort key within its layer: the relative path's parts joined by NUL
        self.display = display  # how messages name it: label/relative/path.yaml (or an overlay file as given)
        self.size = size
        self.mtime = mtime
        self.digest: str | None = None  # its content hash, when the index compared content (see hanban.index)


def digest(raw: bytes) -> str:
    """A content hash (what the index compares to see whether a file changed)."""
    try:
        from _blake2 import blake2b  # what hashlib.blake2b is, without hashlib's OpenSSL start-up cost
    except ImportError:
        from hashlib import blake2b
    return blake2b(raw, digest_size=16).hexdigest()


def builtin_dir() -> Path:
    """The catalog shipped with the package (or the source tree's catalog/ in a checkout)."""
    here = Path(__file__).resolve().parent.parent  # the hanban package
    packaged = here / "_catalog"
    return packaged if packaged.is_dir() else here.parent / "catalog"


def overlay_paths(cli_paths: Sequence[str | Path] = (), environ: Mapping[str, str] | None = None) -> list[Path]:
    """Overlay folders: HANBAN_CATALOG (a path list) first, then --catalog options, in order."""
    env = os.environ if environ is None else environ
    paths = [Path(p) for p in env.get(ENV_OVERLAYS, "").split(os.pathsep) if p.strip()]
    return paths + [Path(p) for p in cli_paths]


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Where packs are installed (and unfinished answers kept): `user_dir("data", HANBAN_DATA)`."""
    return user_dir("data", ENV_DATA, environ)


def user_dir(kind: str, override: str, environ: Mapping[str, str] | None = None) -> Path:
    """hanban's `kind` ("data" or "cache") folder: the variable `override` (HANBAN_DATA,
    HANBAN_CACHE), else $XDG_DATA_HOME/hanban or $XDG_CACHE_HOME/hanban when set, else the
    platform's own: on macOS and Windows platformdirs' (~/Library/Application Support/hanban,
    ~/Library/Caches/hanban; %LOCALAPPDATA%\\hanban, %LOCALAPPDATA%\\hanban\\Cache), elsewhere
    ~/.local/share/hanban and ~/.cache/hanban (platformdirs is imported only on macOS and Windows)."""
    import sys

    env = os.environ if environ is None else environ
    if env.get(override):
        return Path(env[override])
    xdg = env.get(f"XDG_{kind.upper()}_HOME")
    if xdg:
        return Path(xdg) / "hanban"
    if sys.platform in ("darwin", "win32"):
        if sys.platform == "darwin":
            from platformdirs.macos import MacOS as Native
        else:
            from platformdirs.windows import Windows as Native
        dirs = Native("hanban", appauthor=False)
        return Path(dirs.user_data_dir if kind == "data" else dirs.user_cache_dir)
    home = os.path.expanduser("~")
    return Path(home, ".local", "share", "hanban") if kind == "data" else Path(home, ".cache", "hanban")


def is_folder(path: Path) -> bool:
    """Whether `path` is a folder; False, as for a missing one, when the system cannot look it up
    (a name longer than it takes, ENAMETOOLONG, which Path.is_dir raises)."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def pack_state(data: Path) -> dict[str, str | None]:
    """The data folder's state: which pack is current and which was before ({} when none was ever installed)."""
    import json

    try:
        with open(data / STATE, encoding="utf-8") as fh:
            state = json.load(fh)
    except (OSError, ValueError):
        return {}
    if not isinstance(state, dict):
        return {}
    return {k: v for k, v in state.items() if k in ("current", "previous") and (v is None or isinstance(v, str))}


def installed_pack(environ: Mapping[str, str] | None = None) -> Path | None:
    """The folder of the current pack, or None (the built-in catalog alone; also when the state
    names a folder that is not there: `hanban catalog info` says so)."""
    data = data_dir(environ)
    name = pack_state(data).get("current")
    if not name or name == BUILTIN or "/" in name or "\\" in name or name.startswith("."):
        return None
    folder = data / PACKS / name
    return folder if folder.is_dir() else None


def resolve_pack(pack: Path | str | None) -> Path | None:
    """The pack folder `pack` means: `INSTALLED` -> the installed one (or None)."""
    return installed_pack() if pack == INSTALLED else Path(pack) if pack is not None else None


def catalog_roots(overlays: Sequence[Path] = (), builtin: Path | None = None, pack: Path | str | None = INSTALLED) -> list[Root]:
    """The layers: the built-in catalog, the pack (`INSTALLED`: the installed one, if any; None:
    none; or a folder), then each overlay."""
    roots = [Root(builtin or builtin_dir(), "catalog", 0)]
    folder = resolve_pack(pack)
    if folder is not None:
        # Packs share one index file: a switch changes the pack's file paths, so the index sees
        # new files (and keeps the built-in catalog's).
        roots.append(Root(folder, "pack", 1, os.path.abspath(folder.parent)))
    return roots + [Root(Path(p), str(p), i) for i, p in enumerate(overlays, len(roots))]


def list_files(roots: Sequence[Root]) -> tuple[list[FileRef], list[Problem]]:
    """Every YAML file of every layer, in load order, with its stat; and what could not be read."""
    files: list[FileRef] = []
    problems: list[Problem] = []
    for root in roots:
        _list_root(root, files, problems)
    return files, problems


def _list_root(root: Root, files: list[FileRef], problems: list[Problem]) -> None:
    path = root.path
    st = _stat_root(root, problems)
    if st is None:
        return
    if stat.S_ISREG(st.st_mode):  # a single file given as an overlay: named as given
        files.append(FileRef(os.path.abspath(path), root.layer, path.name, str(path), st.st_size, st.st_mtime_ns))
        return
    if not stat.S_ISDIR(st.st_mode):
        problems.append(Problem(str(path), 0, "", "problem.not_file_or_folder"))
        return
    _walk_folder(root, files, problems)


def _walk_folder(root: Root, files: list[FileRef], problems: list[Problem]) -> None:
    path = root.path
    seen: set[tuple[int, int]] = set()
    # Every command lists every file (a 66,000-service overlay has 3,000): the loop does no more per
    # file than it must. Paths under the absolute root are absolute already; a name is built for
    # messages only when there is one to give. Where the system can, each folder is opened once and
    # its files are looked at relative to it (a shorter path for the kernel to walk per file).
    label, layer, files_append = root.label, root.layer, files.append
    is_reg, yaml_suffixes, sep = stat.S_ISREG, YAML_SUFFIXES, os.sep

    def walk(folder: str, rel: tuple[str, ...]) -> None:
        def shown(*more: str) -> str:
            return os.path.join(str(path), *rel, *more)

        fd = -1
        try:
            fd, entries = _read_folder(folder, seen)
            if entries is None:
                problems.append(Problem(shown(), 0, "", "problem.symlink_loop"))
                return
            prefix = f"{label}/{'/'.join(rel)}/" if rel else f"{label}/"
            key_prefix = "\0".join(rel) + "\0" if rel else ""
            folder_sep = folder + sep
            for e in entries:
                name = e.name
                if name[0] == ".":
                    continue
                bad = None if name.isascii() and name.isprintable() else unsafe_in_name(name)
                if bad and (name.endswith(yaml_suffixes) or _is_dir(e)):  # it would be named in messages and `show`
                    problems.append(Problem(shown(name), 0, "", "err.unsafe_file_name", char=bad))
                    continue
                try:
                    if e.is_dir():
                        walk(folder_sep + name, rel + (name,))
                    elif name.endswith(yaml_suffixes):
                        est = e.stat()  # follows symlinks: a dangling one raises
                        if not is_reg(est.st_mode):  # a pipe or device would block or never end
                            problems.append(Problem(shown(name), 0, "", "problem.not_regular_file"))
                            continue
                        files_append(FileRef(folder_sep + name, layer, key_prefix + name, prefix + name, est.st_size, est.st_mtime_ns))
                except OSError as exc:
                    problems.append(Problem(shown(name), 0, "", "problem.cannot_read", why=exc.strerror or str(exc)))
        except OSError as exc:
            problems.append(Problem(shown(), 0, "", "problem.cannot_read_folder", why=exc.strerror or str(exc)))
        finally:
            if fd >= 0:
                os.close(fd)

    walk(os.path.abspath(path), ())


def _read_folder(folder: str, seen: set[tuple[int, int]]) -> tuple[int, list[os.DirEntry[str]] | None]:
    """A folder's descriptor (-1 where scandir takes a path) and its entries by name; None for the
    entries when the folder was seen already (a symlink loop)."""
    fd = -1
    if BY_FD:
        fd = os.open(folder, _DIR_FLAGS)
    try:
        st = os.fstat(fd) if BY_FD else os.stat(folder)
        if (st.st_dev, st.st_ino) in seen:
            return fd, None
        seen.add((st.st_dev, st.st_ino))
        with os.scandir(fd if BY_FD else folder) as it:
            return fd, sorted(it, key=_by_name)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        raise


# Folders opened once, their entries looked at relative to them (where scandir takes a descriptor).
BY_FD = os.scandir in os.supports_fd
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
_by_name = attrgetter("name")


def _stat_root(root: Root, problems: list[Problem]) -> os.stat_result | None:
    bad = unsafe_in_name(root.label)
    if bad:
        problems.append(Problem(root.label, 0, "", "err.unsafe_file_name", char=bad))
        return None
    try:
        return os.stat(root.path)
    except FileNotFoundError:
        problems.append(Problem(str(root.path), 0, "", "problem.no_such_path"))
    except OSError as exc:  # e.g. a path longer than the system takes (File name too long)
        problems.append(Problem(str(root.path), 0, "", "problem.cannot_read", why=exc.strerror or str(exc)))
    return None


def _is_dir(e: os.DirEntry[str]) -> bool:
    try:
        return e.is_dir()
    except OSError:
        return False
