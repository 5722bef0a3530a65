"""Writing the files a person asks for (`--output`, `--save-answers`): atomically, never over an
existing file without `--force`."""

from __future__ import annotations

import os
from pathlib import Path

from hanban.errors import OutputError

OUTPUT_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".json")


def write_atomic(path: Path, text: str | bytes, *, force: bool) -> None:
    """Write via a temporary file in the same folder and os.replace; never clobber without force."""
    import tempfile

    if path.exists() and not force:
        raise OutputError(f"{path} already exists; use --force to overwrite it")
    if path.is_dir():
        raise OutputError(f"{path} is a folder")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        os.chmod(tmp, _mode_for(path))  # (mkstemp makes it owner-only; a written file gets the usual mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8") if isinstance(text, str) else text)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _mode_for(path: Path) -> int:
    """The mode a file written at `path` should have: the existing file's, else what the umask gives."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def check_writable(path: Path | None, force: bool, suffixes: tuple[str, ...] = ()) -> None:
    """Fail before asking anything when `path` cannot or may not be written."""
    if path is None:
        return
    if suffixes and path.suffix.lower() not in suffixes:
        raise OutputError(f"{path}: unknown output format; use a .md, .html or .json file name")
    if path.exists() and not force:
        raise OutputError(f"{path} already exists; use --force to overwrite it")
    if suffixes and not (path.parent if str(path.parent) else Path(".")).is_dir():
        raise OutputError(f"{path}: the folder does not exist")
