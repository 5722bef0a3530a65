"""The rich console every terminal renderer draws on: whatever it is handed, text passes the one
`printable()` filter on its way out (rich's own colour and cursor codes are not text, and pass)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Text

from hanban.errors import has_unsafe, printable


class SafeConsole(Console):
    """A rich Console whose rendered text never carries a raw control or invisible character.

    A `Text` (what every renderer builds, and what table cells become) is escaped before rich lays
    it out, so widths stay right; any other text is escaped as it is rendered, as a last net."""

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        if isinstance(renderable, Text) and has_unsafe(renderable.plain):
            renderable = escaped(renderable, self)
        for seg in super().render(renderable, options):
            if seg.control is None and has_unsafe(seg.text):
                yield seg._replace(text=printable(seg.text, None))
            else:
                yield seg


def escaped(text: Text, console: Console) -> Text:
    """`text` with its characters escaped by printable(), its styles kept."""
    out = Text(style=text.style, justify=text.justify, overflow=text.overflow, no_wrap=text.no_wrap, end=text.end, tab_size=text.tab_size)
    for seg in text.render(console, end=""):
        out.append(printable(seg.text, None), seg.style)
    return out
