"""hanban's data and cache folders: HANBAN_DATA / HANBAN_CACHE, then XDG_DATA_HOME /
XDG_CACHE_HOME, then the platform's own (platformdirs' on macOS and Windows, ~/.local/share and
~/.cache elsewhere). platformdirs is not imported on Linux (start-up time)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hanban.catalog.files import data_dir
from hanban.index.store import cache_dir


def test_the_overrides_win_everywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for platform in ("linux", "darwin"):
        monkeypatch.setattr(sys, "platform", platform)
        env = {"HANBAN_DATA": str(tmp_path / "d"), "HANBAN_CACHE": str(tmp_path / "c"), "XDG_DATA_HOME": "/x", "XDG_CACHE_HOME": "/y"}
        assert (data_dir(env), cache_dir(env)) == (tmp_path / "d", tmp_path / "c")
        env = {"XDG_DATA_HOME": str(tmp_path / "x"), "XDG_CACHE_HOME": str(tmp_path / "y")}
        assert (data_dir(env), cache_dir(env)) == (tmp_path / "x" / "hanban", tmp_path / "y" / "hanban")


def test_linux_keeps_the_xdg_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    home = Path(os.path.expanduser("~"))
    assert data_dir({}) == home / ".local" / "share" / "hanban"
    assert cache_dir({}) == home / ".cache" / "hanban"


def test_macos_uses_its_library_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    home = Path(os.path.expanduser("~"))
    assert data_dir({}) == home / "Library" / "Application Support" / "hanban"
    assert cache_dir({}) == home / "Library" / "Caches" / "hanban"


def test_windows_uses_local_app_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from platformdirs import windows

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(windows, "get_win_folder", lambda name: str(tmp_path / name))
    assert data_dir({}) == tmp_path / "CSIDL_LOCAL_APPDATA" / "hanban"
    assert cache_dir({}) == tmp_path / "CSIDL_LOCAL_APPDATA" / "hanban" / "Cache"


def test_a_command_on_linux_does_not_import_platformdirs(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("HANBAN_CACHE", "HANBAN_DATA", "XDG_CACHE_HOME", "XDG_DATA_HOME")}
    env["HOME"] = str(tmp_path)
    code = "import sys, hanban.index.store as s, hanban.catalog.files as f; f.data_dir(); s.cache_dir(); print('platformdirs' in sys.modules)"
    got = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert got.returncode == 0, got.stderr
    assert got.stdout.strip() == ("True" if sys.platform in ("darwin", "win32") else "False")
