"""`hanban cache clear` facing index files this user may not touch (a cache made by `sudo hanban`)
says so (permission), not that another hanban is using them.

The suite runs as root here, and root may open and delete anything: the denial is simulated where
hanban meets it (opening the file to probe SQLite's locks, deleting it). As another user, the real
case runs too."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cache_helpers import index_file
from hanban import index as ix
from hanban.cli.app import app
from hanban.index import cachedir


@pytest.fixture
def cache_with_an_index(own_cache: Path) -> Path:
    ix.open_catalog(directory=own_cache)
    return index_file(own_cache)


def _deny(monkeypatch: pytest.MonkeyPatch, folder: Path, call: str) -> None:
    real = getattr(os, call)

    def denied(path: Any, *args: Any, **kwargs: Any) -> Any:
        if str(path).startswith(str(folder)) and (call != "open" or args[0] & os.O_RDWR):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(cachedir.os, call, denied)


@pytest.mark.parametrize("call", ["open", "unlink"], ids=["a file it may not open", "a folder it may not write"])
def test_clear_says_permission_denied_not_in_use(
    runner: CliRunner, own_cache: Path, cache_with_an_index: Path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    _deny(monkeypatch, own_cache, call)
    got = runner.invoke(app, ["--lang", "en", "cache", "clear"])
    assert got.exit_code == 0, got.output
    assert "another hanban" not in got.stderr
    assert got.stderr == (
        "hanban: deleted 0 catalog index file(s) (0.0 KiB); the next command compiles the one it needs again\n"
        f"hanban: could not delete 1 index file(s): Permission denied ({cache_with_an_index}, owned by uid {os.geteuid()})\n"
    )
    assert cache_with_an_index.exists()


def test_clear_still_keeps_a_file_another_hanban_holds_and_says_so(
    runner: CliRunner, own_cache: Path, cache_with_an_index: Path
) -> None:
    from cache_helpers import held

    with held(cache_with_an_index, "BEGIN"):
        got = runner.invoke(app, ["--lang", "en", "cache", "clear"])
    assert got.exit_code == 0
    assert got.stderr.endswith("hanban: kept 1 index file(s) another hanban is using\n")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may open and delete any file: the denial is simulated above")
def test_clear_as_another_user_facing_a_folder_it_may_not_write(runner: CliRunner, own_cache: Path, cache_with_an_index: Path) -> None:
    own_cache.chmod(0o500)
    try:
        got = runner.invoke(app, ["--lang", "en", "cache", "clear"])
    finally:
        own_cache.chmod(0o700)
    assert "Permission denied" in got.stderr and "another hanban" not in got.stderr
