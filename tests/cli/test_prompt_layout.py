"""Prompts broken between words and Chinese characters at every width, said again whole once
answered (with the answer as a person reads it), and redrawn cleanly when the window is resized."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from prompt_toolkit.input.defaults import create_pipe_input
from prompt_toolkit.output.plain_text import PlainTextOutput

from hanban.cli.prompt_layout import lines, message, rows_added
from hanban.cli.prompts import QuestionaryPrompter
from hanban.wizard.session import run
from wizard_helpers import real

DOWN = "\x1b[B"
ENTER = "\r"
VISA_TIME = "Before you travel, is there time to get a Chinese visa abroad?"
VISA_TIME_ZH = "出发前，您是否来得及在境外办理来华签证？"


# -- broken between words, at any width -----------------------------------------------------------


@pytest.mark.parametrize("width", [40, 60, 80, 100])
def test_a_message_breaks_between_words_and_chinese_characters(width: int) -> None:
    english = f"{VISA_TIME} [question 4 of about 4] (arrow keys to move, Enter to choose)"
    got = lines((english,), width)
    assert " ".join(got) == english  # every break at a space: no word cut ("abr" / "oad?")
    assert all(len(line) <= width - 3 for line in got)
    chinese = lines((VISA_TIME_ZH + "（上下键选择，回车确认）",), width // 2)
    assert "".join(chinese) == VISA_TIME_ZH + "（上下键选择，回车确认）"
    assert not any(line.startswith(("，", "？", "）")) for line in chinese)


def test_a_message_is_broken_for_the_width_at_each_redraw(monkeypatch: pytest.MonkeyPatch) -> None:
    m = message(VISA_TIME, after="\n  ›")
    monkeypatch.setattr("hanban.cli.prompt_layout.columns", lambda output=None: 100)
    assert f" {m} " == f" {VISA_TIME}\n  › "
    monkeypatch.setattr("hanban.cli.prompt_layout.columns", lambda output=None: 40)
    assert f" {m} " == " Before you travel, is there time to\n  get a Chinese visa abroad?\n  › "


def test_the_rows_a_narrower_terminal_adds_are_counted() -> None:
    def row(text: str) -> dict[int, SimpleNamespace]:
        return {x: SimpleNamespace(char=c, style="") for x, c in enumerate(text)}

    screen = SimpleNamespace(data_buffer={0: row("x" * 90), 1: row("y" * 30), 2: row("z" * 61)})
    assert rows_added(screen, SimpleNamespace(x=0, y=3), 60) == 2  # 90 columns take 2 rows, 61 take 2
    assert rows_added(screen, SimpleNamespace(x=70, y=1), 60) == 2  # (and the cursor's own row)
    assert rows_added(screen, SimpleNamespace(x=0, y=3), 100) == 0


# -- said again once answered ----------------------------------------------------------------------


@pytest.fixture
def keys() -> Iterator[object]:
    with create_pipe_input() as inp:
        yield inp


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "? Does your business need you to come and go several times? No"),
        ("zh-Hans", "? 您的商贸业务是否需要多次往返中国？ 否"),
        ("zh-Hant", "? 您的商貿業務是否需要多次往返中國？ 否"),
    ],
)
def test_a_yes_no_answer_is_said_again_as_a_person_reads_it(keys: object, lang: str, said: str) -> None:
    cat, _ = real()
    out = io.StringIO()
    prompter = QuestionaryPrompter(cat, lang, io={"input": keys, "output": PlainTextOutput(out)})  # type: ignore[arg-type]
    keys.send_text(ENTER + DOWN + ENTER + ENTER)  # type: ignore[attr-defined]
    got = run(cat, {"service": "business-multi-entry-visa"}, prompter, lang)  # type: ignore[arg-type]
    assert got["repeat_trips"] is False
    text = out.getvalue()
    assert said.replace(" ", "") in text.replace(" ", "").replace("\n", "")
    assert "→ no" not in text


# -- in a real terminal, resized while a question waits ------------------------------------------------

TMUX = shutil.which("tmux")


class Pane:
    """A hanban prompt in a tmux window of its own."""

    def __init__(self, tmp_path: Path, lang: str, width: int) -> None:
        self.name = f"hanban-{os.getpid()}-{lang}-{width}"
        env = {"HANBAN_DATA": str(tmp_path / "data"), "LANG": "C.UTF-8", "TERM": "xterm-256color", "NO_COLOR": "1"}
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        command = (  # (no $COLUMNS: the width is the window's, as in a person's terminal)
            f"env -u COLUMNS -u LINES {exports} {sys.executable} -m hanban --lang {lang} ask --set service=port-visa "
            "--set nationality=us --set visit_purpose=business-talks; sleep 30"
        )
        subprocess.run([TMUX, "-L", self.name, "new-session", "-d", "-s", "t", "-x", str(width), "-y", "30", command], check=True)

    def text(self) -> str:
        got = subprocess.run([TMUX, "-L", self.name, "capture-pane", "-p", "-t", "t"], capture_output=True, text=True, check=True)
        return got.stdout

    def wait_for(self, pattern: str, *, flat: bool = False) -> str:
        for _ in range(300):  # (up to a minute on a busy machine; nothing is timed)
            text = self.text()
            if re.search(pattern, joined(text) if flat else text):
                return text
            time.sleep(0.2)
        raise AssertionError(f"never showed {pattern!r}:\n{self.text()}")

    def resize(self, width: int) -> None:
        subprocess.run([TMUX, "-L", self.name, "resize-window", "-t", "t", "-x", str(width)], check=True)

    def keys(self, *keys: str) -> None:
        subprocess.run([TMUX, "-L", self.name, "send-keys", "-t", "t", *keys], check=True)

    def close(self) -> None:
        subprocess.run([TMUX, "-L", self.name, "kill-server"], check=False)


def joined(text: str) -> str:
    """The screen's lines run together as one text (a line's indent dropped)."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


@pytest.fixture
def pane(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Pane]:
    if TMUX is None:
        pytest.skip("tmux is not installed")
    lang, width = request.param
    p = Pane(tmp_path, lang, width)
    try:
        yield p
    finally:
        p.close()


def _once(screen: str, prompt: str, lang: str) -> int:
    flat = joined(screen) if lang == "en" else joined(screen).replace(" ", "")
    return flat.count(prompt if lang == "en" else prompt.replace(" ", ""))


@pytest.mark.parametrize("pane", [("en", 100), ("en", 80), ("zh-Hans", 60)], indirect=True, ids=["en-100", "en-80", "zh-Hans-60"])
def test_a_question_resized_while_it_waits_is_drawn_once_and_whole(pane: Pane) -> None:
    lang = "en" if pane.name.split("-")[2] == "en" else "zh-Hans"
    prompt = VISA_TIME if lang == "en" else VISA_TIME_ZH
    pane.wait_for("question 4|第4题")
    for width in (60, 100, 45, 80):
        pane.resize(width)
        screen = pane.wait_for(r"\[(question 4|第4题)", flat=True)
        time.sleep(0.5)  # (let a redraw that is under way finish before reading the screen)
        screen = pane.text()
        assert _once(screen, prompt, lang) == 1, (width, screen)
        assert all(len(line.rstrip()) <= width for line in screen.splitlines()), screen
    pane.keys("Enter")
    screen = pane.wait_for("Your answers|您的回答")
    said = prompt + (" No, there is not enough time" if lang == "en" else " 来不及")
    assert _once(screen, said, lang) == 1, screen  # said again whole, with the answer
