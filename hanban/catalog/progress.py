"""What the pipeline needs of a progress bar; the front end decides how (or whether) to draw it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class ProgressBar(Protocol):
    def advance(self) -> None: ...

    def close(self) -> None: ...


ProgressFactory = Callable[[int], ProgressBar]  # total number of files -> a started bar
