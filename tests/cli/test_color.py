"""Colour: off when piped, with NO_COLOR or TERM=dumb; FORCE_COLOR draws the coloured view into a
pipe too (for `| less -R`), and never makes hanban prompt."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest

from conftest import REPO
from hanban.cli.context import Io

ESC = "\x1b["
COLOURS = {*range(30, 39), *range(40, 49), *range(90, 98), *range(100, 108)}  # SGR foreground and background


def piped(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "TERM")}
    return subprocess.run([sys.executable, "-m", "hanban", "--lang", "en", *args], capture_output=True, text=True,
                          env={**base, "TERM": "xterm-256color", **env}, cwd=REPO, check=False, timeout=60, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize(
    "env,styled",
    [({}, False), ({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "true"}, True), ({"FORCE_COLOR": ""}, False),
     ({"FORCE_COLOR": "1", "TERM": "dumb"}, False)],
)
def test_force_color_asks_for_the_drawn_view_unless_the_terminal_is_dumb(env: dict[str, str], styled: bool) -> None:
    got = Io.system(env)  # (the test's streams are not terminals)
    assert got.styled is styled and got.stdout_tty is False and got.interactive is False


def test_piped_output_has_no_colour_unless_force_color_is_set() -> None:
    plain = piped("show", "port-visa")
    assert plain.returncode == 0 and ESC not in plain.stdout and plain.stdout.startswith("Port visa")
    forced = piped("show", "port-visa", FORCE_COLOR="1")
    assert forced.returncode == 0 and ESC in forced.stdout and "Port visa" in forced.stdout
    listed = piped("list", FORCE_COLOR="1")
    assert listed.returncode == 0 and ESC in listed.stdout and "\t" not in listed.stdout  # the table, not tab-separated lines


def test_force_color_leaves_json_and_dumb_terminals_alone() -> None:
    assert ESC not in piped("show", "port-visa", "--json", FORCE_COLOR="1").stdout
    dumb = piped("show", "port-visa", FORCE_COLOR="1", TERM="dumb")
    assert dumb.returncode == 0 and ESC not in dumb.stdout


def test_no_color_wins_over_force_color_for_colour() -> None:
    got = piped("show", "port-visa", FORCE_COLOR="1", NO_COLOR="1")
    assert got.returncode == 0
    codes = {int(n) for params in re.findall(r"\x1b\[([0-9;]*)m", got.stdout) for n in params.split(";") if n}
    assert codes and not codes & COLOURS  # still bold and dim, as on a terminal with NO_COLOR; no colour
    forced = piped("show", "port-visa", FORCE_COLOR="1").stdout
    assert {int(n) for params in re.findall(r"\x1b\[([0-9;]*)m", forced) for n in params.split(";") if n} & COLOURS


def test_force_color_never_makes_ask_prompt_without_a_terminal() -> None:
    got = piped("ask", FORCE_COLOR="1")
    assert got.returncode == 2 and "service" in got.stderr


def test_an_io_made_in_a_test_is_not_forced() -> None:
    assert Io(io.StringIO(), io.StringIO(), io.StringIO(), False, False, False).styled is False
