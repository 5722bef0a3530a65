"""The Typer app: global options, the commands (one module each, registered here), and `main`,
which keeps tracebacks away from people."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import typer

from hanban import __version__
from hanban.cli import ask, catalog, fastargs, measures, questions, search, show, validate
from hanban.cli import list as list_cmd
from hanban.cli.context import Invocation, Io
from hanban.cli.errors import handles_errors
from hanban.errors import ExitStatus

fastargs.install()  # str/Path options coerced without importing pydantic (start-up time)

app = typer.Typer(
    invoke_without_command=True,  # so that `hanban --version` reaches the callback (a missing command is still an error)
    name="hanban",
    help="Which public-security services you can get done where, and how: one window (一窗通办), "
    "fully online (全程网办), across provinces (跨省通办) — from the Ministry of Public Security's "
    "26 measures of August 2023 and the sources behind them.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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
    version: bool = typer.Option(False, "--version", help="Show the version of hanban and of the catalog in use, and exit."),
) -> None:
    from hanban.strings import lang_from_locale

    io = ctx.obj if isinstance(ctx.obj, Io) else Io.system()
    ctx.obj = inv = Invocation(io, lang=lang or lang_from_locale(), overlays=[str(p) for p in catalog])  # type: ignore[arg-type]
    if version:  # (not an eager option: the version names the catalog, which the other options choose)
        _print_version(ctx, inv)
    if ctx.invoked_subcommand is None:
        ctx.fail("Missing command.")


@handles_errors
def _print_version(ctx: typer.Context, inv: Invocation) -> None:
    """hanban 0.2.0 (catalog 2023.08.03, 33 services, facts as of 2020–2023)."""
    from hanban.strings import word

    cat = inv.catalog()
    info = cat.info
    years = cat.source_years()
    line = word(
        "version.line", inv.lang, version=__version__,
        catalog=info.version if info is not None else word("version.unversioned", inv.lang),
        n=len(cat.services),
        years=("–".join(dict.fromkeys(years)) if years else "?"),
    )
    inv.io.out(line)
    raise typer.Exit()


# The order here is the order of the commands in --help.
app.command("list")(list_cmd.command)
app.command("show")(show.command)
app.command("measures")(measures.command)
app.command("validate")(validate.command)
app.command("search")(search.command)
app.command("ask")(ask.command)
app.command("questions")(questions.command)
app.add_typer(catalog.app, name="catalog")


def main() -> None:
    """Console-script entry point: run the app, keep tracebacks away from people."""
    if sys.stderr is None:  # started with 2>&-: print(file=None) would write to stdout
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (stderr for the rest of the run)
    if sys.stdout is None:  # started with >&-
        print("hanban: cannot write output: standard output is closed", file=sys.stderr)
        sys.exit(ExitStatus.NOT_FOUND)
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
    sys.exit(_flush_stdout(code))


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
