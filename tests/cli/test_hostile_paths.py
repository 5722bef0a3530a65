"""Hostile paths: overlay paths the system cannot take, output targets that are not files, and
what shell completion reads from overlays (a pipe, /dev/zero, an escape sequence in a name)."""

from __future__ import annotations

import os
import subprocess
import sys
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


# -- output targets that are not files ----------------------------------------------------------
ASK = ["--lang", "en", "ask", "--set", "service=no-crime-certificate", "--set", "hukou_province=beijing", "--set", "live_province=hebei"]


def ask(runner: CliRunner, option: str, target: Path, *more: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [*ASK, option, str(target), *more])


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _device(path: Path) -> Path:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    os.mknod(path, 0o666 | 0o020000, os.makedev(1, 3))  # a character device: the null device's numbers
    return path


def _link_to_file(path: Path) -> Path:
    (path.parent / "real.txt").write_text("kept\n", encoding="utf-8")
    path.symlink_to(path.parent / "real.txt")
    return path


def _dangling(path: Path) -> Path:
    path.symlink_to(path.parent / "nowhere" / "x")
    return path


def _stdout_link(path: Path) -> Path:
    path.symlink_to("/proc/self/fd/1")
    return path


TARGETS = {"a FIFO": (_fifo, "is not a regular file"), "a device node": (_device, "is not a regular file"),
           "a symlink to a file": (_link_to_file, "is a symbolic link"), "a dangling symlink": (_dangling, "is a symbolic link"),
           "a symlink to /proc/self/fd/1": (_stdout_link, "is a symbolic link")}


@pytest.mark.parametrize("force", [False, True], ids=["", "--force"])
@pytest.mark.parametrize("option", ["--output", "--save-answers"])
@pytest.mark.parametrize("kind", list(TARGETS))
def test_an_output_target_that_is_not_a_regular_file_is_refused(runner: CliRunner, tmp_path: Path, kind: str, option: str, force: bool) -> None:
    make, why = TARGETS[kind]
    target = make(tmp_path / ("c.md" if option == "--output" else "a.yaml"))
    before = os.lstat(target)
    got = ask(runner, option, target, *(["--force"] if force else []))
    assert got.exit_code == 2, got.output
    assert f"hanban: {target} {why}" in got.stderr and got.stdout == ""
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)  # still there, untouched
    if kind == "a symlink to a file":
        assert (tmp_path / "real.txt").read_text(encoding="utf-8") == "kept\n"


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
@pytest.mark.parametrize("option", ["--output", "--save-answers"])
def test_a_new_file_gets_the_persons_umask(runner: CliRunner, tmp_path: Path, umask: int, option: str) -> None:
    target = tmp_path / ("c.md" if option == "--output" else "a.yaml")
    old = os.umask(umask)
    try:
        got = ask(runner, option, target)
    finally:
        os.umask(old)
    assert got.exit_code == 0, got.output
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~umask)


@pytest.mark.parametrize("option", ["--output", "--save-answers"])
def test_a_replaced_file_keeps_its_mode(runner: CliRunner, tmp_path: Path, option: str) -> None:
    target = tmp_path / ("c.md" if option == "--output" else "a.yaml")
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    got = ask(runner, option, target, "--force")
    assert got.exit_code == 0, got.output
    assert target.read_text(encoding="utf-8") != "old\n" and oct(target.stat().st_mode & 0o777) == oct(0o640)


@pytest.mark.parametrize("name", ["answers.txt", "answers.json", "answers", "answers.md"])
def test_save_answers_takes_only_yaml_file_names(runner: CliRunner, tmp_path: Path, name: str) -> None:
    got = ask(runner, "--save-answers", tmp_path / name)
    assert got.exit_code == 2 and "answers are saved as YAML; use a .yaml or .yml file name" in got.stderr
    assert list(tmp_path.iterdir()) == []
    assert ask(runner, "--save-answers", tmp_path / "answers.yml").exit_code == 0


# -- shell completion reads overlays with the loader's guards -----------------------------------------
def complete(overlay: Path, words: str, shell: str = "zsh") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "_HANBAN_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": f"hanban --catalog {overlay} {words}"}
    return subprocess.run([sys.executable, "-m", "hanban"], env=env, capture_output=True, text=True, timeout=60, check=False)


def test_completion_is_not_held_up_by_a_pipe_named_like_a_catalog_file(tmp_path: Path) -> None:
    overlay = tmp_path / "ov"
    overlay.mkdir()
    os.mkfifo(overlay / "pipe.yaml")  # opening it would wait for a writer for ever
    got = complete(overlay, "show no-c")
    assert got.returncode == 0 and "Traceback" not in got.stderr


def test_completion_does_not_read_dev_zero_through_a_link(tmp_path: Path) -> None:
    overlay = tmp_path / "ov"
    overlay.mkdir()
    (overlay / "z.yaml").symlink_to("/dev/zero")  # reading it would never end
    got = complete(overlay, "show no-c")
    assert got.returncode == 0 and "MemoryError" not in got.stderr and "Traceback" not in got.stderr


def test_completion_of_a_sound_overlay_offers_its_services(write: Write) -> None:
    from conftest import service_yaml

    f = write("ov/x.yaml", service_yaml("local-thing", en="Local thing"))
    got = complete(f.parent, "show local")
    assert got.returncode == 0 and '"local-thing":"Local thing"' in got.stdout


def test_completion_descriptions_are_printable(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_hostile_names import renamed

    from hanban.cli import complete as completion
    from hanban.cli.context import Invocation

    cat = renamed({"no-crime-certificate": "good\x1b]0;pwned\x07\u202eevil\u200b"})
    monkeypatch.setattr(Invocation, "catalog", lambda self: cat)
    ((sid, description),) = completion.service_ids(None, "no-c")
    assert sid == "no-crime-certificate"
    assert description == "good\\x1b]0;pwned\\x07\\u202eevil\\u200b"
    f = write("ov/\x1bx.yaml", "services: []\n")  # and an escape in a file name refuses the overlay
    got = complete(f.parent, "show no-c")
    assert got.returncode == 0 and "\x1b" not in got.stdout + got.stderr
