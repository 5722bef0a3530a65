"""The cache folder and the index files in it: who may have written them, whether another hanban
is using one, and which to delete.

Rules (README, "The catalog index"):

- The folder is made private (0700). A folder or index file owned by another user (root aside), or
  a folder others may write to without the sticky bit, is not used: another user could have
  planted or altered an index (its rows are printed, its facts believed).
- An index file is never a symbolic link, and never opened through one (`check_file`).
- An index file another process holds (SQLite's locks, `held_elsewhere`) is never deleted.
- Index files unused for `UNUSED_DAYS` are deleted, and then the least recently used while all of
  them together are over `MAX_BYTES` (never the one in use): `evict`. Use is marked on the file's
  modification time, at most once a day (`mark_used`).
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from hanban.catalog.load import CacheUnavailable

PREFIX, SUFFIX = "index-", ".sqlite"
SIDE_FILES = ("-journal", "-wal", "-shm")
UNUSED_DAYS = 30
MAX_BYTES = 1024**3  # all index files together
MARK_EVERY = 86_400  # seconds: how often using an index moves its modification time
# SQLite's lock bytes (os_unix.c): PENDING, RESERVED, then the 510-byte SHARED range.
LOCK_START, LOCK_LENGTH = 0x40000000, 512


def trusted_owner(uid: int) -> bool:
    """This user, or root (who can change anything anyway). (No owners to compare on Windows.)"""
    geteuid = getattr(os, "geteuid", None)
    return geteuid is None or uid in (geteuid(), 0)


def prepare_folder(folder: Path) -> None:
    """Make the cache folder (0700) or check the one there; raise CacheUnavailable when it may not
    be trusted or used."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        st = os.stat(folder)
    except OSError as exc:
        raise CacheUnavailable(key="cache.folder_unusable", folder=str(folder), why=exc.strerror or str(exc)) from None
    if not stat.S_ISDIR(st.st_mode):
        raise CacheUnavailable(key="cache.folder_unusable", folder=str(folder), why="not a folder")
    if not trusted_owner(st.st_uid):
        raise CacheUnavailable(key="cache.not_yours", path=str(folder), uid=st.st_uid)
    if st.st_mode & 0o022 and not st.st_mode & stat.S_ISVTX:
        raise CacheUnavailable(key="cache.folder_open", folder=str(folder), mode=f"{stat.S_IMODE(st.st_mode):o}")


def check_file(path: Path) -> os.stat_result | None:
    """The index file's status when it may be opened (None: absent). Refuse a symbolic link, or
    anything but a regular file, at its name or a side file's; and a file owned by another user."""
    found = None
    for name in (str(path), *(str(path) + s for s in SIDE_FILES)):
        try:
            st = os.lstat(name)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise CacheUnavailable(key="cache.folder_unusable", folder=str(path.parent), why=exc.strerror or str(exc)) from None
        if stat.S_ISLNK(st.st_mode) or not stat.S_ISREG(st.st_mode):
            raise CacheUnavailable(key="cache.not_a_file", path=name)
        if not trusted_owner(st.st_uid):
            raise CacheUnavailable(key="cache.not_yours", path=name, uid=st.st_uid)
        if name == str(path):
            found = st
    return found


def create_file(path: Path) -> None:
    """Make an empty index file, private (0600), never through a link planted at its name."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        os.close(os.open(path, flags, 0o600))
    except FileExistsError:
        check_file(path)  # another hanban made it first: it is checked like any other
    except OSError as exc:
        raise CacheUnavailable(key="cache.unwritable", folder=str(path.parent), why=exc.strerror or str(exc)) from None


def held_elsewhere(path: Path) -> bool:
    """Whether another process holds one of SQLite's locks on the file (reading or writing it).

    (Only ever called when this process has no connection to the file open: closing the probe
    would drop this process's own locks on it.)"""
    try:
        import fcntl
    except ImportError:  # no POSIX locks: the system refuses to delete a file in use anyway
        return False
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return False
    except PermissionError as exc:  # (another user's file, e.g. made by `sudo hanban`: not a lock)
        raise CacheUnavailable(key="cache.unwritable", folder=str(path.parent), why=exc.strerror or str(exc)) from None
    except OSError:
        return True  # cannot tell: keep it
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, LOCK_LENGTH, LOCK_START)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, LOCK_LENGTH, LOCK_START)
        return False
    finally:
        os.close(fd)


def remove(path: Path) -> bool:
    """Delete an index file and its side files, unless another process holds it (False then).
    CacheUnavailable when this user may not (another user's file, a folder it cannot write)."""
    if held_elsewhere(path):
        return False
    for suffix in ("", *SIDE_FILES):
        try:
            os.unlink(str(path) + suffix)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise CacheUnavailable(key="cache.unwritable", folder=str(path.parent), why=exc.strerror or str(exc)) from None
    return True


def mark_used(path: Path, st: os.stat_result | None) -> None:
    """Move the file's modification time to now, at most once a day (what eviction goes by)."""
    now = time.time()
    if st is not None and now - st.st_mtime < MARK_EVERY:
        return
    try:
        os.utime(path, (now, now))
    except OSError:
        pass


class IndexFile(NamedTuple):
    path: Path
    bytes: int
    used: float  # modification time: last marked use or update


def index_files(folder: Path) -> Iterator[IndexFile]:
    """The index files in the cache folder (regular files only), with their sizes (side files too)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for e in sorted(entries, key=lambda e: e.name):
        if not (e.name.startswith(PREFIX) and e.name.endswith(SUFFIX)):
            continue
        try:
            st = e.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        size = st.st_size
        for side in SIDE_FILES:
            try:
                size += os.lstat(e.path + side).st_size
            except OSError:
                pass
        yield IndexFile(Path(e.path), size, st.st_mtime)


def evict(folder: Path, keep: Path) -> list[IndexFile]:
    """Delete the index files unused for UNUSED_DAYS, then the least recently used while all are
    over MAX_BYTES; never `keep` nor a file another process holds. The files deleted."""
    files = [f for f in index_files(folder) if f.path != keep]
    total = sum(f.bytes for f in files) + sum(f.bytes for f in index_files(folder) if f.path == keep)
    cutoff = time.time() - UNUSED_DAYS * 86_400
    gone: list[IndexFile] = []
    for f in sorted(files, key=lambda f: f.used):
        if f.used >= cutoff and total <= MAX_BYTES:
            break
        try:
            removed = remove(f.path)
        except CacheUnavailable:
            removed = False
        if removed:
            gone.append(f)
            total -= f.bytes
    return gone
