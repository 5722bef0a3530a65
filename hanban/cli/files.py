"""Writing the files a person asks for (`--output`, `--save-answers`): atomically, only ever as a
regular file, never over an existing file without `--force`.

A target must be absent or a regular file: a symlink (dangling or not, `/proc/self/fd/1`
included), a pipe, a device or a socket is refused, with or without `--force`, and checked again
just before the rename. A new file gets the person's umask (0644 under 022); a replaced file keeps
its mode.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from hanban.errors import OutputError

OUTPUT_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".json")
ANSWERS_SUFFIXES = (".yaml", ".yml")


def check_target(path: Path, force: bool) -> os.stat_result | None:
    """The target's own status when it is a regular file we may replace; None when it is absent.
    Raise OutputError for anything else."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(key="out.cannot_write", path=str(path), why=exc.strerror or str(exc)) from None
    if stat.S_ISLNK(st.st_mode):
        raise OutputError(key="out.symlink", path=str(path))
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(key="out.folder", path=str(path))
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(key="out.not_regular", path=str(path))
    if not force:
        raise OutputError(key="out.exists", path=str(path))
    return st


def write_atomic(path: Path, text: str | bytes, *, force: bool) -> None:
    """Write via a temporary file in the same folder and os.replace; never clobber without force."""
    import tempfile

    old = check_target(path, force)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(key="out.cannot_write", path=str(path), why=exc.strerror or str(exc)) from None
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):  # (only ever the file just made: never a device's mode)
            os.fchmod(fd, stat.S_IMODE(old.st_mode) if old is not None else 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8") if isinstance(text, str) else text)
        check_target(path, force)  # again: nothing may have taken the name's place meanwhile
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(key="out.cannot_write", path=str(path), why=exc.strerror or str(exc)) from None
        raise


def check_writable(path: Path | None, force: bool, suffixes: tuple[str, ...] = (), *, what: str = "output") -> None:
    """Fail before asking anything when `path` cannot or may not be written."""
    if path is None:
        return
    if suffixes and path.suffix.lower() not in suffixes:
        raise OutputError(key="out.answers_suffix" if what == "answers" else "out.unknown_format", path=str(path))
    check_target(path, force)
    if not (path.parent if str(path.parent) else Path(".")).is_dir():
        raise OutputError(key="out.no_folder", path=str(path))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
