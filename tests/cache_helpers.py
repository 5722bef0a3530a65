"""Helpers for the cache tests: the index file, and another process holding SQLite's locks on it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOLD = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)
db.execute(sys.argv[2])
if sys.argv[2] == "BEGIN":  # a reader in the middle of reading: SQLite's shared lock
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()
print("held", flush=True)
time.sleep(float(sys.argv[3]))
db.execute("COMMIT")
print("released", flush=True)
time.sleep(60)
"""


def index_file(cache: Path) -> Path:
    (found,) = cache.glob("index-*.sqlite")
    return found


@contextmanager
def held(path: Path, how: str = "BEGIN IMMEDIATE", seconds: float = 120) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the write lock (BEGIN IMMEDIATE) or a reader's lock (BEGIN) on `path`
    for `seconds`."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), how, str(seconds)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        proc.kill()
        proc.wait()
