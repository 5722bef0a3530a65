"""Hostile paths: overlay paths the system cannot take, output targets that are not files, and
what shell completion reads from overlays (a pipe, /dev/zero, an escape sequence in a name)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanban.cli.app import app

Write = Callable[[str, str], Path]


# -- overlay paths ------------------------------------------------------------------------------
def _deep_folder(tmp_path: Path, chars: int) -> Path:
    """A real folder whose path is over `chars` characters (each part under NAME_MAX)."""
    d = tmp_path
    while len(str(d)) <= chars:
        d = d / ("d" * 200)
    fd = os.open(tmp_path, os.O_RDONLY)
    try:  # build it part by part, relative to the last one (the whole path is too long to use)
        for part in d.relative_to(tmp_path).parts:
            os.mkdir(part, dir_fd=fd)
            nxt = os.open(part, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nxt
    finally:
        os.close(fd)
    return d


@pytest.mark.parametrize("exists", [False, True], ids=["missing", "a real folder"])
@pytest.mark.parametrize("command", [["list"], ["show", "no-crime-certificate"], ["ask", "--set", "service=settlement"]])
def test_a_5000_character_overlay_path_exits_2_naming_the_overlay(
    runner: CliRunner, tmp_path: Path, exists: bool, command: list[str]
) -> None:
    overlay = _deep_folder(tmp_path, 5000) if exists else tmp_path / ("a" * 5000)
    got = runner.invoke(app, ["--catalog", str(overlay), *command])
    assert got.exit_code == 2, got.output
    first = got.stderr.splitlines()[0]
    assert first.startswith(str(overlay)[:400]) and first.endswith(": cannot read: File name too long")
    assert "cannot write output" not in got.stderr and "Traceback" not in got.output
