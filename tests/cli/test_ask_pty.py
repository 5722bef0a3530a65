"""End to end in a real pseudo-terminal: a person answers by keys and reads the checklist; Ctrl-C."""

from __future__ import annotations

import os
import re
import sys

import pytest

from hanban.strings import word

pexpect = pytest.importorskip("pexpect")

DOWN = "\x1b[B"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def spawn(lang: str = "en", rows: int = 40, cols: int = 120) -> pexpect.spawn:
    env = {**os.environ, "TERM": "xterm", "COLUMNS": str(cols), "LINES": str(rows), "NO_COLOR": "1", "LANG": "C.UTF-8"}
    env.pop("HANBAN_CATALOG", None)
    return pexpect.spawn(sys.executable, ["-m", "hanban", "--lang", lang, "ask"], env=env, encoding="utf-8", timeout=30, dimensions=(rows, cols))


FIRST = {"zh-Hans": "您要办理什么事项", "zh-Hant": "您要辦理什麼事項", "en": "What do you need to get done"}
REVIEW = {"zh-Hans": "您的回答：", "zh-Hant": "您的回答：", "en": "Your answers:"}  # the summary


@pytest.mark.parametrize(
    ("lang", "typed", "chosen"),
    [
        ("zh-Hans", "身份证丢失", "居民身份证丢失补领"),
        ("zh-Hans", "shenfenzheng diu", "居民身份证丢失补领"),
        ("zh-Hant", "無犯罪", "無犯罪記錄證明開具"),
        ("en", "police clearance", "No-criminal-record certificate"),
        ("en", "residence", "Residence permit (居住证, for Chinese citizens)"),
    ],
)
def test_typing_chinese_pinyin_or_english_and_enter_picks_a_service_on_a_small_screen(lang: str, typed: str, chosen: str) -> None:
    child = spawn(lang, rows=24, cols=60)
    child.expect(FIRST[lang])
    child.send(typed + "\r")
    for n in range(2, 14):  # the questions that follow, each known by its number (an echo of the last is not)
        if child.expect([REVIEW[lang], rf"第{n}[题題]|question {n}\b"]) == 0:
            break
        child.send("henan\r")  # a province is typed; a list ignores the letters and takes what it offers
    child.expect("→ ")  # the summary (printed whole, not redrawn) names the service taken
    child.expect("\n")
    first_answer = ANSI.sub("", child.before).strip()
    child.expect(word("w.review", lang).rstrip("：:"))  # drawn: the prompt reads keys now (a key sent earlier may be flushed)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    rest = child.before
    child.close()
    assert first_answer == chosen
    assert child.exitstatus == 130 and "Traceback" not in rest, (child.signalstatus, rest[-500:])


def test_ctrl_c_leaves_quietly_with_exit_130() -> None:
    child = spawn()
    child.expect("What do you need to get done")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    rest = child.before
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in rest
