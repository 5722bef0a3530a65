"""End to end in a real pseudo-terminal: a person answers by keys and reads the checklist; Ctrl-C."""

from __future__ import annotations

import os
import re
import sys

import pytest

pexpect = pytest.importorskip("pexpect")

DOWN = "\x1b[B"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def spawn() -> pexpect.spawn:
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "120", "LINES": "40", "NO_COLOR": "1", "LANG": "C.UTF-8"}
    env.pop("HANBAN_CATALOG", None)
    return pexpect.spawn(sys.executable, ["-m", "hanban", "--lang", "en", "ask"], env=env, encoding="utf-8", timeout=30, dimensions=(40, 120))


def test_a_person_answers_by_keys_and_reads_the_checklist_off_the_screen() -> None:
    child = spawn()
    child.expect("What do you need to get done")
    child.send("lost")
    child.expect("lost resident identity card")
    child.send("\r")
    child.expect("hukou")
    child.send("henan\r")
    child.expect("live in now")
    child.send("guangdong\r")
    child.expect("When was the lost ID card issued")
    child.send(DOWN + "\r")
    child.expect("Your answers")
    child.send("\r")
    child.expect(pexpect.EOF)
    screen = ANSI.sub("", child.before)
    child.close()
    assert child.exitstatus == 0, screen[-2000:]
    flat = " ".join(screen.split())
    assert "Your checklist" in flat
    assert "Fully online (全程网办): no" in flat
    assert "two years" in flat


def test_ctrl_c_leaves_quietly_with_exit_130() -> None:
    child = spawn()
    child.expect("What do you need to get done")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    rest = child.before
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in rest
