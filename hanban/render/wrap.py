"""Line breaking for Chinese and Latin text alike, and a hanging indent that uses it.

rich breaks lines only at spaces: a Chinese sentence is one long "word" to it, so after a bullet it
moves the whole sentence to the next line and then folds it anywhere (the bullet alone on a line,
the text back at column 0, "第1|5条" split inside a number). Here a line may break between two
Chinese characters or at a space, never inside a run of Latin letters or digits (unless the run
alone is wider than the line), never before closing punctuation (，。、）」 …) and never after
opening punctuation (（「 …), and a citation mark like [1] stays with the word before it.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.text import Text

NO_START = set("，。、；：！？）」』】》〉”’…%)]},.;:!?·～—")  # never begins a line
NO_END = set("（「『【《〈“‘([{")  # never ends a line


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _units(text: str) -> list[tuple[int, int]]:
    """(start, end) of each piece a line may not break inside; spaces are left between them."""
    units: list[list[int]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        j = i + 1
        if not _wide(text[i]):  # a run of Latin letters, digits and their punctuation
            while j < n and not text[j].isspace() and not _wide(text[j]):
                j += 1
        if units and units[-1][1] == i and (text[i] in NO_START or text[i - 1] in NO_END or _is_cite(text, i)):
            units[-1][1] = j
        else:
            units.append([i, j])
        i = j
    return [(a, b) for a, b in units]


def _is_cite(text: str, i: int) -> bool:
    """A citation mark `[12]` starting at i."""
    if text[i] != "[":
        return False
    end = text.find("]", i)
    return end > i + 1 and text[i + 1:end].isdigit()


def line_starts(text: str, width: int) -> list[int]:
    """The offsets at which the second, third, ... line of `text` start, for lines of `width` cells."""
    width = max(width, 2)
    starts: list[int] = []
    col, prev_end = 0, -1  # cells used on this line; end of its last piece (-1: none yet)
    for a, b in _units(text):
        gap = cell_len(text[prev_end:a]) if prev_end >= 0 else 0
        w = cell_len(text[a:b])
        if prev_end >= 0 and col + gap + w > width:
            starts.append(a)
            col, prev_end, gap = 0, -1, 0
        if w > width:  # wider than a whole line on its own: fold it between characters
            col = 0
            for k in range(a, b):
                cw = cell_len(text[k])
                if col + cw > width and k > a:
                    starts.append(k)
                    col = 0
                col += cw
            prev_end = b
            continue
        col += gap + w
        prev_end = b
    return starts


def wrap(text: str, width: int) -> list[str]:
    """`text` as lines of at most `width` terminal columns (see the module's rules)."""
    out: list[str] = []
    for para in text.split("\n"):
        cuts = [0, *line_starts(para, width), len(para)]
        out.extend(para[a:b].rstrip() for a, b in itertools.pairwise(cuts))
    return out


def wrap_text(text: Text, width: int) -> list[Text]:
    """A styled `Text` broken the same way (its styles kept)."""
    lines: list[Text] = []
    for para in text.split("\n", allow_blank=True):
        for line in para.divide(line_starts(para.plain, width)):
            line.rstrip()  # (in place)
            lines.append(line)
    return lines


class Hanging:
    """`lead` (a bullet, a number) then `body`, every further line indented under the body's start."""

    def __init__(self, lead: str | Text, body: str | Text) -> None:
        self.lead = lead if isinstance(lead, Text) else Text(lead)
        self.body = body if isinstance(body, Text) else Text(body)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = self.lead.cell_len
        lines = wrap_text(self.body, max(options.max_width - indent, 8))
        out = Text(no_wrap=True, overflow="ignore", end="")
        for n, line in enumerate(lines or [Text()]):
            out.append_text(self.lead if n == 0 else Text(" " * indent))
            out.append_text(line)
            out.append("\n")
        yield out

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((cell_len(part) for part in self.body.plain.split("\n")), default=0)
        return Measurement(min(self.lead.cell_len + 8, options.max_width), min(self.lead.cell_len + longest, options.max_width))


def hanging(rows: Iterable[tuple[str | Text, str | Text]]) -> list[Hanging]:
    """One `Hanging` per (lead, body)."""
    return [Hanging(lead, body) for lead, body in rows]


def titled_panel(parts: list[RenderableType], title: Text, width: int) -> Panel:
    """A panel with `title` on its top border, or, when the border cannot hold it whole (rich would
    cut it: "…foreigners (居留许─╮" at 60 columns), the title wrapped as the panel's first lines."""
    if title.cell_len + 6 <= width:
        return Panel(Group(*parts), title=title, title_align="left")
    return Panel(Group(Hanging("", title), Text(), *parts))
