"""Draw the README's pictures from a real run of `hanban ask` in a terminal (tmux):

    python docs/make_ask_svg.py     # needs tmux; writes docs/ask-picker.svg and docs/ask.svg

ask-picker.svg: the first question with 身份证丢失 typed and the menu it opens. ask.svg: the
checklist after the remaining answers (a province typed as pinyin, the rest as offered). The
screens are captured with their colours and drawn with rich, so they are what a person sees.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.text import Text

HERE = Path(__file__).resolve().parent
SESSION = "hanban-docs"
COLS, ROWS = 76, 30


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def screen(history: bool = False) -> str:
    return tmux("capture-pane", "-e", "-p", "-t", SESSION, *(["-S", "-"] if history else []))


def wait_for(text: str, history: bool = False, timeout: float = 15) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        got = screen(history)
        if text in Text.from_ansi(got).plain:
            return got
        time.sleep(0.2)
    raise SystemExit(f"make_ask_svg: {text!r} did not appear:\n{Text.from_ansi(screen(True)).plain}")


def save(ansi: str, name: str, title: str) -> None:
    console = Console(record=True, width=COLS, force_terminal=True, color_system="truecolor", file=open(os.devnull, "w"))  # noqa: SIM115
    lines = ansi.rstrip("\n").split("\n")
    while lines and not Text.from_ansi(lines[-1]).plain.strip():
        lines.pop()
    for line in lines:
        console.print(Text.from_ansi(line), soft_wrap=True)
    svg = _cell_lengths(console.export_svg(title=title))
    (HERE / name).write_text(svg, encoding="utf-8")
    print(f"wrote {HERE / name}")


def _cell_lengths(svg: str) -> str:
    """rich sizes each text run by its number of characters; a Chinese character takes two cells,
    so Chinese runs were squeezed into half their width. Size them by cells."""
    import html
    import re

    from rich.cells import cell_len

    char_width = 0.61 * 20  # rich's export_svg: the cell width for its 20px font

    def fix(m: re.Match[str]) -> str:
        text = html.unescape(m.group(3))
        return f'{m.group(1)}textLength="{cell_len(text) * char_width:g}"{m.group(2)}>{m.group(3)}</text>'

    return re.sub(r'(<text [^>]*?)textLength="[0-9.]+"([^>]*)>([^<]*)</text>', fix, svg)


def main() -> None:
    if shutil.which("tmux") is None:
        raise SystemExit("make_ask_svg: needs tmux")
    command = f"{shlex.quote(sys.executable)} -m hanban --lang zh-Hans ask"
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True, check=False)
    env = {"LANG": "C.UTF-8", "TERM": "xterm-256color", "COLUMNS": str(COLS)}
    tmux("new-session", "-d", "-s", SESSION, "-x", str(COLS), "-y", str(ROWS),
         "env", *(f"{k}={v}" for k, v in env.items()), "sh", "-c", f"{command}; sleep 30")
    try:
        wait_for("您要办理什么事项")
        tmux("send-keys", "-t", SESSION, "身份证丢失")
        wait_for("› 身份证丢失")
        time.sleep(1)  # the menu follows the text
        save(wait_for("居民身份证异地办理"), "ask-picker.svg", "hanban ask")
        tmux("send-keys", "-t", SESSION, "Enter")
        wait_for("户口登记在哪个省")
        tmux("send-keys", "-t", SESSION, "henan", "Enter")
        wait_for("居住")
        tmux("send-keys", "-t", SESSION, "guangdong", "Enter")
        wait_for("什么时候领取")
        tmux("send-keys", "-t", SESSION, "Down", "Enter")
        wait_for("请核对您的回答")
        tmux("send-keys", "-t", SESSION, "Enter")
        whole = wait_for("资料来源", history=True).split("\n")
        plain = [Text.from_ansi(line).plain for line in whole]
        start = max(i for i, line in enumerate(plain) if "您要办理什么事项" in line and i + 2 < len(plain) and "›" in plain[i + 2])
        save("\n".join(whole[start:]), "ask.svg", "hanban ask")  # the answers as given, then the checklist
    finally:
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True, check=False)


if __name__ == "__main__":
    main()
