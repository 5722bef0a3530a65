"""Per-keystroke timings of the wizard's pickers, for benchmarks/bench.py (which runs them).

    python benchmarks/keystroke_bench.py rerank [--catalog DIR]     # one round, in this process: JSON on stdout

`rerank`: the service picker's re-rank at each keystroke, in process, as prompt_toolkit asks for it
(the completer's rows for the text so far: `hanban search` with the last word unfinished, and the
rows' notes), over the prefixes of everyday phrasings typed one key at a time; and the province
picker's, over province prefixes. The first keystroke of a process pays for building the search
index, as a person's first keystroke does.

`redraw_times` (used by bench.py): the time from a keystroke written to a pseudo-terminal running
`hanban ask` to the last byte of the redraw it causes (the text and the menu), found as the last
byte before the terminal has been quiet for `QUIET` seconds.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

# What people type at "what do you need to get done", one key at a time (an input method commits a
# Chinese character as one key).
PHRASES = ["身份证丢了", "shenfenzheng", "lost id card", "护照到期", "hukou transfer", "驾照", "无犯罪证明", "passport"]
PROVINCES = ["河", "河南", "guang", "guangdong", "Zhe", "浙江", "hub", "hubei"]
QUIET = 0.4  # seconds without output that end a redraw


def prefixes(phrases: list[str]) -> list[str]:
    return [p[:i] for p in phrases for i in range(1, len(p) + 1)]


def rerank(overlay: str | None) -> dict[str, list[float]]:
    from prompt_toolkit.document import Document

    from hanban.catalog.files import overlay_paths
    from hanban.catalog.wizard_model import SERVICE_QUESTION
    from hanban.cli.prompts import SEARCHABLE, QuestionaryPrompter, _PickerRows, _Rows
    from hanban.index import open_catalog

    catalog = open_catalog(overlay_paths([overlay] if overlay else []))
    find, _ = QuestionaryPrompter(catalog, "zh-Hans").service_rows()
    services = _Rows(find)
    list(services.get_completions(Document(""), None))  # the menu before anything is typed
    out: dict[str, list[float]] = {"service": [], "province": []}
    for typed in prefixes(PHRASES):
        start = time.perf_counter()
        list(services.get_completions(Document(typed), None))
        out["service"].append(time.perf_counter() - start)
    q = next(q for q in catalog.wizard.questions if q.id != SERVICE_QUESTION and len(q.choices) > SEARCHABLE)
    provinces = _Rows(_PickerRows(q, "zh-Hans", None, True).find)
    for typed in prefixes(PROVINCES):
        start = time.perf_counter()
        list(provinces.get_completions(Document(typed), None))
        out["province"].append(time.perf_counter() - start)
    return out


def _drain(fd: int, quiet: float, until: bytes | None = None, limit: float = 60.0) -> tuple[bytes, float | None]:
    """Read until something came and `until` has been seen (if given), and then `quiet` seconds pass
    with nothing; the output and the time its last byte arrived (None when nothing came)."""
    got = b""
    last: float | None = None
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], quiet if got else max(deadline - time.perf_counter(), 0))
        if not ready:
            if until is None or until in got:
                break
            continue
        try:
            chunk = os.read(fd, 1 << 16)
        except OSError:
            break
        if not chunk:
            break
        got += chunk
        last = time.perf_counter()
    return got, last


def redraw_times(cmd: list[str], env: dict[str, str], cwd: Path, phrases: list[str] = PHRASES) -> list[float]:
    """Seconds from each key written to the last byte of its redraw, for every key of `phrases`
    (the line is cleared with Ctrl-U between phrases; that key is not counted)."""
    import fcntl
    import struct
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    child_env = {**env, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=child_env, cwd=cwd, start_new_session=True)
    os.close(slave)
    times: list[float] = []
    try:
        _drain(master, QUIET, until=b"What do you need to get done")
        for phrase in phrases:
            for key in phrase:
                sent = time.perf_counter()
                os.write(master, key.encode())
                _, last = _drain(master, QUIET)
                if last is None:
                    raise SystemExit(f"no redraw after typing {key!r} into {' '.join(cmd)}")
                times.append(last - sent)
            os.write(master, b"\x15")  # Ctrl-U: an empty line for the next phrase
            _drain(master, QUIET)
        os.write(master, b"\x03")
        _drain(master, QUIET, limit=10)
    finally:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        os.close(master)
    return times


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] != "rerank":
        raise SystemExit(__doc__)
    where = sys.argv[sys.argv.index("--catalog") + 1] if "--catalog" in sys.argv else None
    print(json.dumps(rerank(where)))
