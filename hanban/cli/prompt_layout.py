"""How the wizard's prompts sit on a terminal, for `cli.prompts` (prompt_toolkit, no questionary).

prompt_toolkit draws a prompt's message as it is given and lets the terminal fold a long line
anywhere ("Chinese visa abr" / "oad?", "Enter to cho" / "ose"). Here:

- a `Message` is broken between words and between Chinese characters (`render.wrap`, as the
  checklist is) for the width the window has at each redraw, so a resize reflows it;
- a finished prompt is erased and said again as one line of our own, "? question  answer", broken
  the same way, with the answer as the person reads it (Yes / No / 是 / 否, a choice's label);
- on a resize to fewer columns the terminal itself re-wraps what is on the screen (tmux, VTE,
  iTerm2, kitty, Windows Terminal do), so the rows prompt_toolkit drew take more rows than it
  counts and its redraw would leave the top ones behind as duplicated fragments: `redraw_on_resize`
  moves up over the rows the re-wrap added before prompt_toolkit erases and redraws.
"""

from __future__ import annotations

import itertools
import shutil
from typing import Any

INDENT = "  "  # continuation lines start under the message (after questionary's "? ")


def columns(output: Any = None) -> int:
    """The terminal's width now, as prompt_toolkit measures it (the terminal's own, not $COLUMNS):
    the running prompt's output, else `output`, else the one prompts write to."""
    from prompt_toolkit.application.current import get_app_or_none, get_app_session

    app = get_app_or_none()
    running = app.output if app is not None and app.is_running else None
    for out in (running, output, get_app_session().output if output is None else None):
        if out is not None:
            try:
                return max(int(out.get_size().columns), 20)
            except (OSError, ValueError):  # (a closed or odd output)
                continue
    return max(shutil.get_terminal_size().columns, 20)


def lines(paragraphs: tuple[str, ...], width: int) -> list[str]:
    """The paragraphs broken for a line of `width` columns after the two-column lead."""
    from hanban.render.wrap import wrap

    return [line for p in paragraphs for line in wrap(p, max(width - len(INDENT) - 1, 10))]


class Message(str):
    """A prompt's message that questionary formats (`" {} ".format(message)`) at every redraw:
    its paragraphs broken for the window's width at that moment, then `after` (a picker's "›").
    Made by `message`."""

    paragraphs: tuple[str, ...] = ()
    after: str = ""

    def __format__(self, spec: str) -> str:
        return ("\n" + INDENT).join(lines(self.paragraphs, columns())) + self.after


def message(*paragraphs: str, after: str = "") -> Message:
    """A `Message` of these paragraphs (empty ones left out)."""
    kept = tuple(p for p in paragraphs if p)
    m = Message("\n".join(kept) + after)
    m.paragraphs, m.after = kept, after
    return m


def echo(prompt: str, answer: str, output: Any = None, style: Any = None) -> None:
    """"? prompt  answer" after a finished prompt, broken like a `Message`, in `style` (questionary's:
    `cli.prompts` hands it over, the one module that imports questionary)."""
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText

    from hanban.render.wrap import line_starts

    text = f"{prompt} {answer}"
    cut = len(prompt) + 1  # where the answer starts
    starts = [0, *line_starts(text, max(columns(output) - len(INDENT) - 1, 10)), len(text)]
    fragments: list[tuple[str, str]] = [("class:qmark", "?"), ("", " ")]
    for n, (a, b) in enumerate(itertools.pairwise(starts)):
        b = a + len(text[a:b].rstrip())
        if n:
            fragments.append(("", "\n" + INDENT))
        if a < cut:
            fragments.append(("class:question", text[a:min(b, cut)]))
        if b > cut:
            fragments.append(("class:answer", text[max(a, cut):b]))
    kwargs: dict[str, Any] = {"style": style}
    if output is not None:
        kwargs["output"] = output
    print_formatted_text(FormattedText(fragments), **kwargs)


def _used(row: dict[int, Any], has_style: Any) -> int:
    """How many columns of a drawn row hold something (as prompt_toolkit itself counts them)."""
    from prompt_toolkit.utils import get_cwidth

    used = [x + get_cwidth(c.char) for x, c in row.items() if c.char != " " or (has_style is not None and has_style[c.style])]
    return int(max(used, default=0))


def rows_added(screen: Any, cursor: Any, now: int, has_style: Any = None) -> int:
    """How many rows the terminal's re-wrap to `now` columns added above the cursor."""
    extra = 0
    for y in range(cursor.y):
        used = _used(screen.data_buffer[y], has_style) if y in screen.data_buffer else 0
        extra += max(0, (used - 1) // now)
    return extra + int(cursor.x) // now


def redraw_on_resize(app: Any) -> None:
    """Make `app` erase what it drew as the terminal shows it after a resize (see the module)."""
    default = app._on_resize

    def on_resize() -> None:
        r = app.renderer
        screen, size = r._last_screen, r._last_size
        try:
            now = int(app.output.get_size().columns)
        except (OSError, ValueError):
            now = 0
        if screen is not None and size is not None and 0 < now < size.columns:
            extra = rows_added(screen, r._cursor_pos, now, r._style_string_has_style)
            if extra:
                app.output.cursor_up(extra)
        default()

    app._on_resize = on_resize
