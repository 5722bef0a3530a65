"""The installed packs under the data folder: staging, switching atomically, rolling back, a lock.

A switch is one `os.replace` of `state.json`, which names the current pack and the one before
it; a reader (every command, through `hanban.catalog.files.installed_pack`) sees the old state or
the new one, never a mix. Each pack lives in a folder of its own, named by its version and
digest, so a switch changes the catalog's file paths and the index sees new files.

Crash-safe in every order (tests/packs/test_crash.py kills the process at each `_step`): a folder
that `state.json` names is never written to, renamed or deleted. An install writes the new pack
beside the others under a name no folder has (a pack installed again, kept as the previous one,
gets a new folder: `VERSION-DIGEST-2`), renames it into place, switches, and only then deletes
the folders the new state no longer names, each first renamed to `.trash-*`. Whatever a killed
install or rollback leaves (`.staging-*`, `.trash-*`, `.state-*`) is never named by the state,
and the next install or rollback removes it.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from hanban.catalog.files import BUILTIN, PACKS, STATE, pack_state
from hanban.errors import PackRefused
from hanban.packs.manifest import MANIFEST, Manifest, read_manifest

INSTALL = "install.json"  # beside a pack's files: where it came from, its digest, when
LOCK = "lock"
STAGING = ".staging-"
TRASH = ".trash-"
STATE_TMP = ".state-"


class PackInfo(NamedTuple):
    """An installed pack as `hanban catalog info` shows it."""

    name: str
    folder: Path
    manifest: Manifest | None  # None when its manifest cannot be read
    install: dict[str, Any]  # source, sha256, installed_on


class AlreadyCurrent(Exception):
    """The pack asked for is the current one already: nothing to do."""


def _step(what: str) -> None:
    """Called between the steps of an install or rollback (a test kills the process here)."""


def _write_file(path: Path, data: bytes) -> None:
    """Write a new file (a test replaces this to fill the disk)."""
    with open(path, "xb") as fh:
        fh.write(data)


class PackStore:
    """The packs of one data folder."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.packs = data / PACKS

    # -- reading --------------------------------------------------------------------------------
    def state(self) -> dict[str, str | None]:
        return pack_state(self.data)

    def current(self) -> str:
        """The current pack's name, or BUILTIN."""
        return self.state().get("current") or BUILTIN

    def describe(self, name: str) -> PackInfo:
        folder = self.packs / name
        try:
            manifest: Manifest | None = read_manifest((folder / MANIFEST).read_bytes(), name)
        except (OSError, PackRefused):
            manifest = None
        try:
            install = json.loads((folder / INSTALL).read_text("utf-8"))
        except (OSError, ValueError):
            install = {}
        return PackInfo(name, folder, manifest, install if isinstance(install, dict) else {})

    # -- changing ----------------------------------------------------------------------------------
    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the data folder's lock; refuse at once when another update or rollback holds it."""
        try:
            self.packs.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.data / LOCK, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)  # (never where a link points)
        except OSError as exc:
            if (self.data / LOCK).is_symlink():
                raise PackRefused(key="pack.err.lock_link", lock=str(self.data / LOCK)) from None
            raise PackRefused(key="pack.err.disk", folder=str(self.data), why=exc.strerror or str(exc)) from None
        try:
            if not _try_lock(fd):
                raise PackRefused(key="pack.err.busy", lock=str(self.data / LOCK))
            yield
        finally:
            os.close(fd)  # (closing releases the lock)

    def install(self, manifest: Manifest, files: Mapping[str, bytes], install: Mapping[str, Any],
                check: Callable[[Path], None], guard: Callable[[str], None] | None = None) -> tuple[str, str]:
        """Stage the pack, `check` it there (raise to refuse), then make it current; keep the
        previous one. `guard(current name)` may refuse first, under the lock (so no other update
        changes the current pack in between). Returns (its name, the previous current name).
        Nothing changes on refusal."""
        base = f"{manifest.version}-{install['sha256'][:12]}"
        with self.locked():
            self._sweep()
            current = self.current()
            if guard is not None:
                guard(current)
            if (current == base or current.startswith(f"{base}-")) and (self.packs / current).is_dir():
                raise AlreadyCurrent(current)
            name = self._free_name(base)
            staging = Path(self._disk(lambda: tempfile.mkdtemp(prefix=STAGING, dir=self.packs)))
            _step("staging")
            try:
                for rel, body in sorted(files.items()):
                    target = staging.joinpath(*rel.split("/"))
                    self._disk(lambda: target.parent.mkdir(parents=True, exist_ok=True))  # noqa: B023 (called at once)
                    self._disk(lambda: _write_file(target, body))  # noqa: B023
                    _step("file")
                self._disk(lambda: _write_file(staging / MANIFEST, manifest.to_json().encode("utf-8")))
                self._disk(lambda: _write_file(staging / INSTALL, json.dumps(dict(install), indent=2).encode("utf-8")))
                _step("staged")
                check(staging)
                self._disk(lambda: os.replace(staging, self.packs / name))  # (a name no folder has: see _free_name)
                _step("renamed")
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            self._switch(name, current)
            self._prune({name, current})
        return name, current

    def rollback(self) -> tuple[str, str]:
        """Make the previous pack (or the built-in catalog) current again; returns (now current, left)."""
        with self.locked():
            self._sweep()
            state = self.state()
            previous = state.get("previous")
            if not previous:
                raise PackRefused(key="pack.err.no_previous")
            if previous != BUILTIN and not (self.packs / previous).is_dir():
                raise PackRefused(key="pack.err.previous_gone", name=previous)
            current = state.get("current") or BUILTIN
            self._switch(previous, current)
        return previous, current

    # -- helpers ------------------------------------------------------------------------------------
    def _disk(self, action: Callable[[], Any]) -> Any:
        """Run a file operation; a failure (a full disk, no permission) refuses the install."""
        try:
            return action()
        except OSError as exc:
            raise PackRefused(key="pack.err.disk", folder=str(self.data), why=exc.strerror or str(exc)) from None

    def _switch(self, current: str, previous: str) -> None:
        """Point the state at `current` (and `previous`) in one os.replace."""
        text = json.dumps({"current": current, "previous": previous}) + "\n"
        fd, tmp = self._disk(lambda: tempfile.mkstemp(prefix=STATE_TMP, dir=self.data))
        done = False
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            _step("state written")
            os.replace(tmp, self.data / STATE)
            done = True
            _step("switched")
        except OSError as exc:
            raise PackRefused(key="pack.err.disk", folder=str(self.data), why=exc.strerror or str(exc)) from None
        finally:
            if not done:  # (also on Ctrl-C: a killed process leaves it to _sweep)
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

    def _free_name(self, base: str) -> str:
        """`base`, or `base-2`, `base-3`...: the first name no folder in packs/ has."""
        name, n = base, 1
        while os.path.lexists(self.packs / name):
            n += 1
            name = f"{base}-{n}"
        return name

    def _sweep(self) -> None:
        """Remove what an interrupted install or rollback left (only ever called under the lock,
        and never a folder or file that state.json names)."""
        for entry in self.packs.iterdir():
            if entry.name.startswith((STAGING, TRASH)):
                shutil.rmtree(entry, ignore_errors=True)
        for entry in self.data.iterdir():
            if entry.name.startswith(STATE_TMP) and entry.is_file():
                try:
                    entry.unlink()
                except OSError:
                    pass

    def _prune(self, keep: set[str]) -> None:
        """Remove installed packs that are neither current nor previous: each renamed aside first,
        so a folder is never seen half-deleted under a pack's name."""
        for entry in self.packs.iterdir():
            if entry.is_dir() and not entry.name.startswith(".") and entry.name not in keep:
                aside = self.packs / f"{TRASH}{entry.name}"
                try:
                    os.replace(entry, aside)
                except OSError:
                    continue
                _step("put aside")
                shutil.rmtree(aside, ignore_errors=True)
                _step("deleted")


def _try_lock(fd: int) -> bool:
    """Take an exclusive lock on `fd` without waiting; False when another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True
