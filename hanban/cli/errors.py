"""Every user-facing failure becomes clear lines on stderr and an exit code, here and only here."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

import typer

from hanban.cli.context import Invocation, Io
from hanban.errors import CatalogError, ExitStatus, HanbanError, NotFound, PackRefused, Stopped
from hanban.strings import Lang, word

F = TypeVar("F", bound=Callable[..., Any])
MAX_PROBLEMS = 10


def report(io: Io, exc: HanbanError, lang: Lang = "en") -> int:
    """Print an error as clear lines on stderr and return its exit code."""
    if isinstance(exc, CatalogError):
        for p in exc.problems[:MAX_PROBLEMS]:
            io.say(p.text(lang))
        if len(exc.problems) > MAX_PROBLEMS:
            io.say(word("msg.and_more", lang, n=len(exc.problems) - MAX_PROBLEMS))
        io.say(word("msg.catalog_problems", lang, n=len(exc.problems)))
    elif isinstance(exc, PackRefused):
        io.say(f"hanban: {word('pack.refused', lang, why=exc.text(lang))}")
    else:
        io.say(("hanban：" if lang != "en" else "hanban: ") + exc.text(lang))
        if isinstance(exc, NotFound) and exc.candidates:
            io.say(word("msg.did_you_mean", lang, ids=", ".join(exc.candidates)))
    return int(exc.exit_code)


def invocation(ctx: typer.Context) -> Invocation:
    """The run's Invocation (made by the root callback; made here for a command run on its own)."""
    root = ctx.find_root()
    if not isinstance(root.obj, Invocation):
        root.obj = Invocation(root.obj if isinstance(root.obj, Io) else Io.system())
    return root.obj


def handles_errors(fn: F) -> F:
    """Map user-facing failures to a message and an exit code; Ctrl-C and Ctrl-D exit 130."""

    @functools.wraps(fn)
    def wrapper(ctx: typer.Context, *args: Any, **kwargs: Any) -> Any:
        inv = invocation(ctx)
        io = inv.io
        try:
            return fn(ctx, *args, **kwargs)
        except HanbanError as exc:
            raise typer.Exit(report(io, exc, inv.lang)) from None
        except Stopped as exc:  # SIGTERM or SIGHUP during the wizard (cli.signals)
            io.say(word("msg.stopped", inv.lang, name=exc.name))
            raise typer.Exit(128 + exc.signum) from None
        except (KeyboardInterrupt, EOFError):  # Ctrl-C, or Ctrl-D (end of input) at a prompt
            io.say(word("msg.interrupted", inv.lang))
            raise typer.Exit(ExitStatus.INTERRUPTED) from None

    return cast(F, wrapper)
