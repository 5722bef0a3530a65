"""A rich progress bar on stderr for long catalog builds (the pipeline takes it as a factory)."""

from __future__ import annotations


class RichProgress:
    """A transient bar on stderr: "hanban: compiling the catalog index ━━━━ 120/3000", its words
    (`label`) in the person's language."""

    def __init__(self, total: int, label: str) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn(f"hanban: {label}", markup=False),
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
