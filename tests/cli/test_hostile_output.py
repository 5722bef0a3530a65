"""`--output` and `--save-answers` when the file exists, the folder is missing or read-only, or
the disk fills up: refused with exit 2 and one message, and a file already there survives intact.

(test_ask.py covers the plain refusal to overwrite --output without --force.)
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hanban.cli.app import app

ANSWERS = ["--set", "service=no-crime-certificate", "--set", "hukou_province=beijing", "--set", "live_province=hebei"]


def ask(runner: CliRunner, *args: str) -> Any:
    return runner.invoke(app, ["--lang", "en", "ask", *ANSWERS, *args])


def test_save_answers_over_an_existing_file_without_force_is_refused_before_anything_is_written(runner: CliRunner, tmp_path: Path) -> None:
    kept = tmp_path / "answers.yaml"
    kept.write_text("mine: true\n", encoding="utf-8")
    got = ask(runner, "--save-answers", str(kept), "--output", str(tmp_path / "c.md"))
    assert got.exit_code == 2
    assert got.stdout == ""
    assert f"{kept} already exists; use --force" in got.stderr
    assert kept.read_text(encoding="utf-8") == "mine: true\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.yaml"]  # no checklist either


def test_output_into_a_missing_folder_is_refused_with_the_path(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "c.md"
    got = ask(runner, "--output", str(target))
    assert got.exit_code == 2
    assert str(target) in got.stderr and "does not exist" in got.stderr
    assert not (tmp_path / "no").exists()


def test_output_onto_a_folder_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "c.md").mkdir()
    got = ask(runner, "--output", str(tmp_path / "c.md"), "--force")
    assert got.exit_code == 2
    assert "is a folder" in got.stderr
    assert (tmp_path / "c.md").is_dir()


def test_output_where_no_file_can_be_created_is_one_message(runner: CliRunner) -> None:
    # /proc refuses new files even to root.
    got = ask(runner, "--output", "/proc/hanban-checklist.md")
    assert got.exit_code == 2
    assert got.stderr.startswith("hanban: cannot write /proc/hanban-checklist.md: ")
    assert "Traceback" not in got.output


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only folders")
def test_output_into_a_read_only_folder_is_one_message(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        got = ask(runner, "--output", str(folder / "c.md"))
    finally:
        folder.chmod(0o755)
    assert got.exit_code == 2
    assert "Permission denied" in got.stderr
    assert list(folder.iterdir()) == []


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every temporary file hanban creates writes to /dev/full (ENOSPC on flush)."""
    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full")
    made: list[Path] = []
    real_mkstemp = tempfile.mkstemp

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real_mkstemp(*args, **kwargs)
        os.close(fd)
        made.append(Path(name))
        return os.open("/dev/full", os.O_WRONLY), name

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    return made


@pytest.mark.parametrize("option", ["--output", "--save-answers"])
def test_a_full_disk_leaves_the_old_file_intact_and_no_temporary_file(runner: CliRunner, tmp_path: Path, full_disk: list[Path], option: str) -> None:
    old = tmp_path / ("c.md" if option == "--output" else "answers.yaml")
    old.write_text("the old version\n", encoding="utf-8")
    got = ask(runner, option, str(old), "--force")
    assert got.exit_code == 2
    assert got.stderr.strip().endswith(f"hanban: cannot write {old}: No space left on device")
    assert old.read_text(encoding="utf-8") == "the old version\n"
    assert full_disk and not any(p.exists() for p in full_disk)
    assert [p.name for p in tmp_path.iterdir()] == [old.name]


def test_a_failed_rename_leaves_the_old_file_intact(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = tmp_path / "c.md"
    old.write_text("the old version\n", encoding="utf-8")

    def replace(src: Any, dst: Any) -> None:
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))

    monkeypatch.setattr(os, "replace", replace)
    got = ask(runner, "--output", str(old), "--force")
    assert got.exit_code == 2
    assert old.read_text(encoding="utf-8") == "the old version\n"
    assert [p.name for p in tmp_path.iterdir()] == ["c.md"]
