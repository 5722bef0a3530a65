"""A rich progress bar on stderr for long catalog builds, offered only to a terminal."""

from __future__ import annotations

import os
import sys
from typing import Any


class RichProgress:
    """A transient bar on stderr: "hanban: compiling the catalog index ━━━━ 120/3000"."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("hanban: compiling the catalog index"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task = self.bar.add_task("compile", total=total)
        self.bar.start()

    def advance(self) -> None:
        self.bar.advance(self.task)

    def close(self) -> None:
        self.bar.stop()


def terminal_progress(stream: Any = None) -> type[RichProgress] | None:
    """The bar's factory when `stream` (stderr) is a terminal and TERM is not dumb, else None."""
    stream = sys.stderr if stream is None else stream
    try:
        if stream.isatty() and os.environ.get("TERM") != "dumb":
            return RichProgress
    except (AttributeError, ValueError):
        pass
    return None
