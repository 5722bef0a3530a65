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


@pytest.mark.parametrize(("sig", "status", "name"), [(15, 143, "SIGTERM"), (1, 129, "SIGHUP")])
def test_sigterm_and_sighup_restore_the_terminal_keep_the_answers_and_say_so(sig: int, status: int, name: str) -> None:
    import json
    import termios
    from pathlib import Path

    data = Path(os.environ["HANBAN_DATA"])
    child = spawn()
    child.expect(FIRST["en"])
    child.send("police clearance\r")
    child.expect(r"question 2\b")  # a service chosen: there is an answer to keep
    raw = termios.tcgetattr(child.child_fd)[3]
    assert not raw & termios.ICANON  # (the prompt reads keys: the terminal is raw now)
    child.kill(sig)
    child.expect(pexpect.EOF)
    rest = ANSI.sub("", child.before)
    lflag = termios.tcgetattr(child.child_fd)[3]  # the pty's settings as hanban left them
    child.close()
    assert child.exitstatus == status, (child.signalstatus, rest[-500:])
    assert lflag & termios.ICANON and lflag & termios.ECHO  # not left -icanon -echo
    assert "Traceback" not in rest
    assert f"hanban: stopped by {name}" in rest and rest.count(f"stopped by {name}") == 1
    assert word("w.kept", "en") in rest
    kept = json.loads((data / "unfinished-answers.json").read_text("utf-8"))
    assert kept["answers"] == {"service": "no-crime-certificate"}
    assert sorted(p.name for p in data.iterdir()) == ["unfinished-answers.json"]  # nothing half-written


def test_sigterm_at_the_offer_to_carry_on_keeps_the_earlier_answers() -> None:
    import json
    import termios
    import time
    from pathlib import Path

    data = Path(os.environ["HANBAN_DATA"])
    data.mkdir(parents=True)
    kept = {"saved": time.time(), "answers": {"service": "no-crime-certificate"}}
    (data / "unfinished-answers.json").write_text(json.dumps(kept), "utf-8")
    child = spawn()
    child.expect("Carry on where you stopped")
    child.kill(15)
    child.expect(pexpect.EOF)
    rest = ANSI.sub("", child.before)
    lflag = termios.tcgetattr(child.child_fd)[3]
    child.close()
    assert child.exitstatus == 143 and "Traceback" not in rest, rest[-500:]
    assert lflag & termios.ICANON and lflag & termios.ECHO
    assert rest.count("hanban: stopped by SIGTERM") == 1
    assert json.loads((data / "unfinished-answers.json").read_text("utf-8"))["answers"] == kept["answers"]
