"""The Typer app: global options, the commands (one module each, registered here), and `main`,
which keeps tracebacks away from people."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import typer

from hanban import __version__
from hanban.cli import ask, cache, fastargs, measures, questions, search, show, validate
from hanban.cli import list as list_cmd
from hanban.cli.context import Invocation, Io
from hanban.errors import ExitStatus

fastargs.install()  # str/Path options coerced without importing pydantic (start-up time)

app = typer.Typer(
    name="hanban",
    help="Which public-security services you can get done where, and how: one window (一窗通办), "
    "fully online (全程网办), across provinces (跨省通办) — from the Ministry of Public Security's "
    "26 measures of August 2023 and the sources behind them.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"hanban {__version__}\n")
        raise typer.Exit()


def _lang_option(value: str | None) -> str | None:
    if value is None:
        return None
    from hanban.strings import parse_lang

    try:
        return parse_lang(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


@app.callback()
def root(
    ctx: typer.Context,
    catalog: list[Path] = typer.Option(
        [],
        "--catalog",
        metavar="DIR",
        help="Add a catalog overlay folder on top of the built-in catalog (repeatable; "
        "also HANBAN_CATALOG, a path list). A service with the same id replaces the built-in one.",
    ),
    lang: str | None = typer.Option(
        None,
        "--lang",
        metavar="zh-Hans|zh-Hant|en",
        callback=_lang_option,
        help="Language of the output (default: from the locale: zh_TW/zh_HK -> zh-Hant, en_* -> en, "
        "else zh-Hans).",
    ),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    from hanban.strings import lang_from_locale

    io = ctx.obj if isinstance(ctx.obj, Io) else Io.system()
    ctx.obj = Invocation(io, lang=lang or lang_from_locale(), overlays=[str(p) for p in catalog])  # type: ignore[arg-type]


# The order here is the order of the commands in --help.
app.command("list")(list_cmd.command)
app.command("show")(show.command)
app.command("measures")(measures.command)
app.command("validate")(validate.command)
app.command("search")(search.command)
app.command("ask")(ask.command)
app.command("questions")(questions.command)
app.add_typer(cache.app, name="cache")


def main() -> None:
    """Console-script entry point: run the app, keep tracebacks away from people."""
    if sys.stderr is None:  # started with 2>&-: print(file=None) would write to stdout
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (stderr for the rest of the run)
    if sys.stdout is None:  # started with >&-
        print("hanban: cannot write output: standard output is closed", file=sys.stderr)
        sys.exit(ExitStatus.NOT_FOUND)
    from hanban.cli.encoding import note_replacements, tolerate

    tolerate(sys.stdout, sys.stderr)  # an ascii or Latin-1 terminal: '?' for what it cannot show
    code: Any = 0
    try:
        app(prog_name="hanban")
    except SystemExit as exc:  # click ends every run with sys.exit
        code = exc.code
    except KeyboardInterrupt:
        print("hanban: interrupted", file=sys.stderr)
        code = ExitStatus.INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        code = ExitStatus.NOT_FOUND
    except OSError as exc:  # e.g. stdout on a full disk (`> /dev/full`)
        _silence_stdout()
        print(f"hanban: cannot write output: {exc.strerror or exc}", file=sys.stderr)
        code = ExitStatus.NOT_FOUND
    code = _flush_stdout(code)
    note_replacements(sys.stderr, sys.stdout)
    sys.exit(code)


def _flush_stdout(code: Any) -> Any:
    """Flush here, not at interpreter exit, where a reader that went away (`hanban list |
    head -1`) would print "Exception ignored ... BrokenPipeError" and exit 120."""
    was_ok = code in (0, None)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return ExitStatus.NOT_FOUND if was_ok else code
    except OSError as exc:
        _silence_stdout()
        print(f"hanban: cannot write output: {exc.strerror or exc}", file=sys.stderr)
        return ExitStatus.NOT_FOUND if was_ok else code
    except ValueError:  # stdout already closed
        pass
    return code


def _silence_stdout() -> None:
    # Python flushes stdout at exit; point it at /dev/null so a closed pipe stays quiet.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
