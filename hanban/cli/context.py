"""What every command is handed (in `ctx.obj`): the streams and whether they are terminals (`Io`),
the global options, and the catalog, loaded once on first use (`Invocation`). Tests replace the `Io`."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from typing import IO, TYPE_CHECKING, Any

from hanban.errors import printable
from hanban.strings import Lang, word

if TYPE_CHECKING:
    from rich.console import Console

    from hanban.catalog.age import Clock
    from hanban.catalog.store import Catalog
    from hanban.errors import HanbanError


def is_terminal(stream: Any) -> bool:
    """Whether a stream is an interactive terminal."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class Io:
    """The streams a command reads and writes, and whether each is a terminal a person reads."""

    def __init__(
        self, stdin: IO[str], stdout: IO[str], stderr: IO[str], stdin_tty: bool, stdout_tty: bool, stderr_tty: bool,
        *, force_color: bool = False,
    ) -> None:
        self.stdin, self.stdout, self.stderr = stdin, stdout, stderr
        self.stdin_tty = stdin_tty
        self.stdout_tty = stdout_tty  # False under TERM=dumb too: no drawing, no prompts
        self.stderr_tty = stderr_tty
        self.force_color = force_color  # FORCE_COLOR: drawn in colour even into a pipe (never prompts)

    @classmethod
    def system(cls, environ: Mapping[str, str] = os.environ) -> Io:
        """The process's own streams."""
        dumb = environ.get("TERM") == "dumb"
        return cls(
            sys.stdin, sys.stdout, sys.stderr,
            is_terminal(sys.stdin), is_terminal(sys.stdout) and not dumb, is_terminal(sys.stderr) and not dumb,
            force_color=bool(environ.get("FORCE_COLOR")) and not dumb,  # (any value but empty, as force-color.org says)
        )

    @property
    def styled(self) -> bool:
        """Whether stdout gets the drawn, coloured view (a terminal, or FORCE_COLOR) rather than plain lines."""
        return self.stdout_tty or self.force_color

    @property
    def interactive(self) -> bool:
        """Whether a person can be asked questions: stdin and stdout are both terminals."""
        return self.stdin_tty and self.stdout_tty

    def say(self, message: str) -> None:
        """A message for the person: always stderr, never mixed with data; never raw escape codes."""
        print(printable(message), file=self.stderr)

    def out(self, text: str) -> None:
        """Data: always stdout, through the one printable() filter (no line is shortened)."""
        text = printable(text, None)
        self.stdout.write(text if text.endswith("\n") else text + "\n")

    @property
    def ascii_only(self) -> bool:
        """Whether stdout cannot hold every character (JSON is then written with \\u escapes)."""
        from hanban.cli.encoding import ascii_only

        return ascii_only(self.stdout)

    def dumps(self, data: Any) -> str:
        """`data` as JSON for stdout (`render.json.dumps`, ASCII where stdout cannot hold more)."""
        from hanban.render.json import dumps

        return dumps(data, ascii=self.ascii_only)

    def console(self) -> Console:
        """A rich console on stdout; colour follows the terminal, FORCE_COLOR, NO_COLOR and TERM=dumb."""
        from hanban.render.console import SafeConsole

        forced = True if self.force_color and not self.stdout_tty else None  # (None: rich asks the stream)
        return SafeConsole(file=self.stdout, highlight=False, soft_wrap=False, force_terminal=forced)

    def emit(
        self,
        *,
        json: Callable[[], Any] | None = None,
        terminal: Callable[[Console], None],
        plain: Callable[[], list[str]],
        as_json: bool = False,
    ) -> None:
        """One output, three ways: JSON when asked, rich on a terminal (or with FORCE_COLOR), plain lines otherwise."""
        if as_json and json is not None:
            self.out(self.dumps(json()))
        elif self.styled:
            terminal(self.console())
        else:
            lines = plain()
            if lines:
                self.out("\n".join(lines))


class Invocation:
    """One run of hanban: its Io, the global options, and the catalog (loaded on first use)."""

    def __init__(self, io: Io, lang: Lang = "zh-Hans", overlays: list[str] | None = None) -> None:
        from hanban.cli.encoding import remember_lang

        self.io = io
        self.lang: Lang = lang
        remember_lang(lang)
        self.overlays = overlays or []
        self._catalog: Catalog | None = None
        self._warned: set[str] = set()
        self._clock: Clock | None = None

    @property
    def clock(self) -> Clock:
        """Today and the age warning's settings (from HANBAN_TODAY, HANBAN_AGE_WARNING_DAYS, HANBAN_NO_AGE_WARNING)."""
        if self._clock is None:
            from hanban.catalog.age import clock_from_env

            self._clock = clock_from_env()
        return self._clock

    def catalog(self) -> Catalog:
        """The catalog, through the compiled index (only changed files are parsed again)."""
        if self._catalog is None:
            from hanban.catalog.files import overlay_paths
            from hanban.index import open_catalog

            progress = None
            if self.io.stderr_tty:
                import functools

                from hanban.render.progress import RichProgress

                progress = functools.partial(RichProgress, label=word("cache.compiling", self.lang))
            self._catalog = open_catalog(overlay_paths(self.overlays), progress=progress, warn=self._warn)
        return self._catalog

    def _warn(self, exc: HanbanError) -> None:
        """A warning about the cache, in the person's language; each said once a run."""
        text = exc.text(self.lang)
        if text not in self._warned:
            self._warned.add(text)
            self.io.say(f"hanban: {text}")
