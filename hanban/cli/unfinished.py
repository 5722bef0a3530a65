"""Answers kept when a person stops `hanban ask` half-way (Ctrl-C), so the next `hanban ask`
can offer to carry on: one small JSON file in the data folder, readable by its owner only,
written atomically, dropped once used, declined, or older than `KEEP_DAYS`."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

KEEP_DAYS = 7
NAME = "unfinished-answers.json"
MAX_BYTES = 64 * 1024  # answers are a few short values: a larger file is not ours


def path() -> Path:
    from hanban.catalog.files import data_dir

    return data_dir() / NAME


def save(answers: dict[str, Any], now: float | None = None) -> None:
    """Keep `answers` (mode 0600, atomically); silently nothing when the data folder cannot be written."""
    target = path()
    data = json.dumps({"saved": now if now is not None else time.time(), "answers": answers}, ensure_ascii=False)
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=f".{NAME}.", suffix=".tmp", dir=target.parent)  # (mkstemp: mode 0600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(data)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return


def load(now: float | None = None) -> tuple[dict[str, Any], float] | None:
    """The kept answers and when they were kept; None (and the file dropped) when there are none,
    they are older than KEEP_DAYS, or the file is not one hanban wrote."""
    target = path()
    try:
        if not target.is_file() or target.is_symlink() or target.stat().st_size > MAX_BYTES:
            return None
        data = json.loads(target.read_text("utf-8"))
        saved, answers = float(data["saved"]), data["answers"]
        if not isinstance(answers, dict) or not all(isinstance(k, str) for k in answers):
            raise ValueError("not answers")
    except (OSError, ValueError, KeyError, TypeError):
        drop()
        return None
    if (now if now is not None else time.time()) - saved > KEEP_DAYS * 86400:
        drop()
        return None
    return answers, saved


def drop() -> None:
    """Forget the kept answers (nothing when there are none)."""
    try:
        path().unlink()
    except OSError:
        pass
