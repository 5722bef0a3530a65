"""A symbolic link planted at the data folder's lock: hanban refuses it (one line, exit 3) and never
creates or opens a file where it points."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanban.cli.app import app


@pytest.mark.parametrize("target_exists", [False, True], ids=["dangling", "to-a-file"])
def test_a_lock_that_is_a_symbolic_link_is_refused_and_its_target_left_alone(
    runner: CliRunner, tmp_path: Path, target_exists: bool
) -> None:
    data = Path(os.environ["HANBAN_DATA"])
    data.mkdir(parents=True)
    target = tmp_path / "elsewhere" / "victim"
    target.parent.mkdir()
    if target_exists:
        target.write_text("precious\n")
    (data / "lock").symlink_to(target)
    got = runner.invoke(app, ["--lang", "en", "catalog", "rollback"])
    assert got.exit_code == 3, got.output
    assert got.stderr == f"hanban: refused, nothing changed: {data / 'lock'} is a symbolic link, not hanban's lock file: it is not followed (remove it and try again)\n"
    assert (data / "lock").is_symlink()
    if target_exists:
        assert target.read_text() == "precious\n"
    else:
        assert not target.exists()  # no file was created where the link points
