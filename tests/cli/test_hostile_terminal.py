"""Hostile terminals: no TTY, Ctrl-C and Ctrl-D at every prompt, 40 columns, TERM=dumb, a closed
stdout. Real processes, in a real pseudo-terminal where a terminal is the point (pexpect)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pexpect = pytest.importorskip("pexpect")

ESCAPE_RE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
SERVICE = "What do you need to get done"
PROVINCE = "Which province is your hukou"
PURPOSE = "What is the purpose of your trip"
REPEAT = "come and go several times"
REVIEW = "check them"
VISA = ["--set", "service=business-multi-entry-visa"]
VISA_FOREIGN = VISA + ["--set", "visit_purpose=business-talks"]


def env(**extra: str) -> dict[str, str]:
    """The test environment as a user's shell would have it: no forced width, real buffering."""
    e = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "PYTHONUNBUFFERED")}
    e.update({"TERM": "xterm-256color", **extra})
    return e


def spawn(args: list[str], *, cols: int = 80, term: str = "xterm-256color") -> Any:
    return pexpect.spawn(
        sys.executable, ["-m", "hanban", "--lang", "en", *args],
        env=env(TERM=term), dimensions=(24, cols), encoding="utf-8", timeout=60,
    )


def finish(child: Any) -> tuple[int, str]:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, child.before


def run_in_pty(args: list[str], *, cols: int = 80, term: str = "xterm-256color") -> tuple[int, str]:
    text, status = pexpect.run(
        f"{sys.executable} -m hanban --lang en " + " ".join(args),
        env=env(TERM=term), dimensions=(24, cols), encoding="utf-8", withexitstatus=True, timeout=60,
    )
    return status, text


# -- Ctrl-C and Ctrl-D at every prompt -----------------------------------------------------------
STAGES = {
    "the first question (a searchable select)": ([], [SERVICE]),
    "a later searchable select": (["--set", "service=no-crime-certificate"], [PROVINCE]),
    "a short select": (VISA, [PURPOSE]),
    "a yes/no question": (VISA_FOREIGN, [REPEAT]),
    "the summary of answers": (VISA_FOREIGN, [REPEAT, REVIEW]),
}


@pytest.mark.parametrize("key", ["c", "d"], ids=["ctrl-c", "ctrl-d"])
@pytest.mark.parametrize("stage", list(STAGES))
def test_ctrl_c_or_ctrl_d_at_a_prompt_exits_130_and_writes_nothing(tmp_path: Path, stage: str, key: str) -> None:
    preset, prompts = STAGES[stage]
    out = tmp_path / "out"
    out.mkdir()
    child = spawn(["ask", *preset, "--output", str(out / "checklist.md"), "--save-answers", str(out / "answers.yaml")])
    for i, prompt in enumerate(prompts):
        child.expect(prompt)
        if i < len(prompts) - 1:
            child.send("\r")  # take the highlighted choice and go on to the next prompt
    child.sendcontrol(key)
    status, text = finish(child)
    assert status == 130
    assert "hanban: interrupted" in text
    assert "Traceback" not in text and "Aborted" not in text
    assert list(out.iterdir()) == []  # no checklist, no answers, no temporary file


def test_an_interrupt_leaves_an_existing_output_file_as_it_was(tmp_path: Path) -> None:
    old = tmp_path / "checklist.md"
    old.write_text("my notes\n", encoding="utf-8")
    child = spawn(["ask", *VISA_FOREIGN, "--output", str(old), "--force"])
    child.expect(REPEAT)
    child.sendcontrol("c")
    status, _ = finish(child)
    assert status == 130
    assert old.read_text(encoding="utf-8") == "my notes\n"
    assert [p.name for p in tmp_path.iterdir()] == ["checklist.md"]


# -- no terminal ---------------------------------------------------------------------------------
def test_ask_without_a_terminal_exits_2_naming_the_flags_instead_of_waiting(tmp_path: Path) -> None:
    got = subprocess.run(
        [sys.executable, "-m", "hanban", "--lang", "en", "ask"],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env(), check=False, timeout=60,
    )
    assert got.returncode == 2
    assert got.stdout == ""
    assert "--set ID=VALUE" in got.stderr and "service: a service id or name" in got.stderr


def test_ask_with_stdin_a_terminal_but_stdout_piped_does_not_prompt(tmp_path: Path) -> None:
    child = pexpect.spawn(
        "/bin/sh", ["-c", f"{sys.executable} -m hanban --lang en ask --set service=no-crime-certificate | cat"],
        env=env(), dimensions=(24, 80), encoding="utf-8", timeout=60,
    )
    _status, text = finish(child)
    assert "hukou_province: one of:" in text
    assert PROVINCE not in text


# -- narrow and dumb terminals -------------------------------------------------------------------
def visible_lines(text: str) -> list[str]:
    return ESCAPE_RE.sub("", text).split("\r\n")


@pytest.mark.parametrize("args", [["list"], ["show", "no-crime-certificate"], ["measures"], ["search", "身份证"]])
def test_a_40_column_terminal_gets_output_that_fits(args: list[str]) -> None:
    from rich.cells import cell_len

    status, text = run_in_pty(args, cols=40)
    assert status == 0, text
    assert "Traceback" not in text
    assert max(cell_len(line) for line in visible_lines(text)) <= 40


def test_a_40_column_list_still_shows_every_channel() -> None:
    status, text = run_in_pty(["list"], cols=40)
    plain = "\n".join(visible_lines(text))
    assert status == 0
    assert "No-criminal-record certificate" in plain
    assert plain.count("cross-province service:") >= 30


def test_the_wizard_runs_to_its_checklist_in_40_columns(tmp_path: Path) -> None:
    child = spawn(["ask", "--set", "service=no-crime-certificate", "--output", str(tmp_path / "c.md")], cols=40)
    for prompt, keys in (("Which province", "henan\r"), ("Which province", "\r"), (REVIEW, "\r")):  # where you live: Enter keeps the hukou's province
        child.expect(prompt)
        child.send(keys)
    status, text = finish(child)
    assert status == 0, text
    assert "Traceback" not in text
    assert (tmp_path / "c.md").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("args", [["list"], ["show", "no-crime-certificate"], ["measures"], ["questions"], ["--help"]])
def test_term_dumb_gets_no_escape_codes(args: list[str]) -> None:
    status, text = run_in_pty(args, term="dumb")
    assert status == 0, text
    assert "\x1b" not in text


def test_term_dumb_ask_does_not_draw_prompts_and_names_the_flags() -> None:
    status, text = run_in_pty(["ask"], term="dumb")
    assert status == 2
    assert "\x1b" not in text
    assert "--set ID=VALUE" in text


# -- a closed or failing stdout ------------------------------------------------------------------
COMMANDS = [
    ["list"], ["list", "--json"], ["show", "no-crime-certificate"], ["show", "no-crime-certificate", "--json"],
    ["measures"], ["search", "身份证"], ["questions"], ["--version"], ["--help"],
    ["ask", "--set", "service=no-crime-certificate", "--set", "hukou_province=beijing", "--set", "live_province=hebei"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_a_reader_that_went_away_gets_no_broken_pipe_error(args: list[str]) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first byte: `hanban ... | head -0`
    try:
        got = subprocess.run([sys.executable, "-m", "hanban", *args], stdout=write, stderr=subprocess.PIPE, text=True, env=env(), check=False, timeout=60)
    finally:
        os.close(write)
    assert got.returncode == 1
    assert got.stderr == ""


def test_list_piped_to_head_prints_one_line_and_no_error() -> None:
    got = subprocess.run(
        f"{sys.executable} -m hanban list | head -1", shell=True, capture_output=True, text=True, env=env(), check=False, timeout=60,
    )
    assert got.stdout.startswith("no-crime-certificate\t") and got.stdout.count("\n") == 1
    assert got.stderr == ""


def test_a_closed_stdout_is_one_message_and_exit_1() -> None:
    got = subprocess.run(f"{sys.executable} -m hanban list >&-", shell=True, capture_output=True, text=True, env=env(), check=False, timeout=60)
    assert got.returncode == 1
    assert got.stderr == "hanban: cannot write output: standard output is closed\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["list"], ["list", "--json"], ["show", "no-crime-certificate"]])
def test_a_full_disk_on_stdout_is_one_message_and_exit_1(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        got = subprocess.run([sys.executable, "-m", "hanban", *args], stdout=full, stderr=subprocess.PIPE, text=True, env=env(), check=False, timeout=60)
    assert got.returncode == 1
    assert got.stderr == "hanban: cannot write output: No space left on device\n"
