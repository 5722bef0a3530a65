"""Output streams that cannot hold Chinese (PYTHONIOENCODING=ascii or latin-1, as under an
ISO-8859-1 locale): no traceback, '?' for what cannot be shown and one line saying so, the same
exit codes; JSON written with \\u escapes, so it loses nothing. Real processes (main() sets this up)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

ASK = ["ask", "--set", "service=no-crime-certificate", "--set", "hukou_province=beijing", "--set", "live_province=hebei"]
COMMANDS = {
    "list": (["list"], 0),
    "show": (["show", "no-crime-certificate"], 0),
    "measures": (["measures"], 0),
    "ask": (ASK, 0),
    "search": (["search", "身份证丢了"], 0),
    "unknown service": (["show", "没有这种服务"], 2),
}


def run(args: list[str], encoding: str, lang: str = "zh-Hans") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run([sys.executable, "-m", "hanban", "--lang", lang, *args], check=False, env=env, capture_output=True, timeout=120)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_terminal_that_cannot_show_chinese_gets_question_marks_and_one_note(name: str, encoding: str) -> None:
    args, code = COMMANDS[name]
    got = run(args, encoding)
    err = got.stderr.decode(encoding)
    assert got.returncode == code, err
    assert "Traceback" not in err and "UnicodeEncodeError" not in err
    assert err.count("cannot show some characters") == 1 and "PYTHONIOENCODING=utf-8" in err
    assert err.endswith("\n") and err.splitlines()[-1].startswith("hanban: this terminal's character set")
    if code == 0:
        assert b"?" in got.stdout


def test_nothing_is_said_when_everything_could_be_shown() -> None:
    got = run(["--version"], "ascii", lang="en")
    assert got.returncode == 0 and got.stderr == b""


@pytest.mark.parametrize("args", [["list", "--json"], ["show", "no-crime-certificate", "--json"], [*ASK, "--json"]])
def test_json_on_an_ascii_stream_is_escaped_and_loses_nothing(args: list[str]) -> None:
    ascii_run, utf8_run = run(args, "ascii"), run(args, "utf-8")
    assert ascii_run.returncode == utf8_run.returncode == 0
    assert ascii_run.stdout.isascii() and ascii_run.stderr == b""
    assert json.loads(ascii_run.stdout) == json.loads(utf8_run.stdout)
