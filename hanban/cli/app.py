"""The Typer app: global options, the commands (one module each, registered here), and `main`,
which keeps tracebacks away from people."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import typer
from typer._click.exceptions import UsageError
from typer.exceptions import Abort

from hanban import __version__
from hanban.cli import fastargs
from hanban.cli.context import Invocation, Io
from hanban.cli.errors import handles_errors
from hanban.cli.localize import LocalizedCommand, LocalizedGroup, lang_option, localized, usage_error
from hanban.errors import ExitStatus
from hanban.strings import Lang, word

fastargs.install()  # str/Path options coerced without importing pydantic (start-up time)

# Each command's module (under hanban.cli) is imported only when the command is registered: a run
# registers only the command it invokes (see `invoked_command`).
COMMANDS: list[tuple[str, str]] = [  # name, module: in the order of --help
    ("list", "list"),
    ("show", "show"),
    ("measures", "measures"),
    ("validate", "validate"),
    ("search", "search"),
    ("ask", "ask"),
    ("questions", "questions"),
    ("changes", "changes"),
]
GROUPS: list[tuple[str, str]] = [  # commands with subcommands (their module's COMMANDS), after them
    ("cache", "cache"),
    ("catalog", "catalog"),
]


def _module(name: str) -> Any:
    return importlib.import_module(f"hanban.cli.{name}")


def root(
    ctx: typer.Context,
    catalog: list[Path] = typer.Option([], "--catalog", metavar="metavar.dir", help="help.opt.catalog"),
    lang: str | None = typer.Option(None, "--lang", metavar="zh-Hans|zh-Hant|en", callback=lang_option, help="help.opt.lang"),
    version: bool = typer.Option(False, "--version", "-V", help="help.opt.version"),
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
    """hanban 0.2.0 (catalog 2026.12.07, 38 services, facts as of 2026-12-07, newest source 2026-02-15)."""
    cat = inv.catalog()
    info = cat.info
    line = word(
        "version.line", inv.lang, version=__version__,
        catalog=info.version if info is not None else word("version.unversioned", inv.lang),
        n=len(cat.services),
        as_of=cat.as_of() or "?",
        newest=cat.newest_source() or "?",
    )
    inv.io.out(line)
    raise typer.Exit()


def build_app(lang: Lang, only: str | None = None) -> typer.Typer:
    """The Typer app with its help in `lang` (built once the language is known): every command, or
    only the command (or group) `only`, when that is the one this run invokes (typer reads each
    command's signature on every run: the others are not read at all)."""
    group = type("Group", (LocalizedGroup,), {"lang": lang})
    application = typer.Typer(
        name="hanban",
        invoke_without_command=True,  # so that `hanban --version` reaches the callback (a missing command is still an error)
        help=word("help.app", lang),
        cls=group,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    application.callback()(localized(root, lang, with_lang=False))
    for name, module in COMMANDS:
        if only is None or only == name:
            fn = _module(module).command
            application.command(name, help=word(f"help.cmd.{name}", lang), cls=LocalizedCommand)(localized(fn, lang))
    for group_name, module in GROUPS:
        if only is not None and only != group_name:
            continue
        commands: list[tuple[str, Callable[..., Any]]] = _module(module).COMMANDS
        sub = typer.Typer(name=group_name, help=word(f"help.cmd.{group_name}", lang), cls=group, no_args_is_help=True, rich_markup_mode=None)
        for name, fn in commands:
            sub.command(name, help=word(f"help.cmd.{group_name}.{name}", lang), cls=LocalizedCommand)(localized(fn, lang))
        application.add_typer(sub, name=group_name)
    return application


def app_language(argv: list[str]) -> Lang:
    """The language of this run: --lang anywhere on the command line, else the locale."""
    from hanban.strings import lang_from_locale, parse_lang

    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value is not None:
            try:
                return parse_lang(value)
            except ValueError:
                break  # the option's own check says so
    return lang_from_locale()


ROOT_OPTIONS_WITH_VALUE = ("--catalog", "--lang")


def invoked_command(argv: list[str], environ: Mapping[str, str] = os.environ) -> str | None:
    """The command (or command group) this command line runs, when it names one hanban has; None
    when it names none, names another (click's error then suggests the right one from all of
    them), or a shell is asking for completions (they list every command)."""
    if any(key.endswith("_COMPLETE") for key in environ if key.startswith("_")):
        return None
    known = {name for name, _ in COMMANDS} | {name for name, _ in GROUPS}
    args = iter(argv)
    for arg in args:
        if arg in ROOT_OPTIONS_WITH_VALUE:
            next(args, None)
        elif arg == "--" or not arg.startswith("-"):
            return arg if arg in known else None
    return None


def __getattr__(name: str) -> typer.Typer:
    """`app`: every command, in the locale's language (for tests and the shell's completion), made
    on first use, since a run makes its own (`main`)."""
    if name == "app":
        application = build_app(app_language([]))
        globals()["app"] = application
        return application
    raise AttributeError(name)


def main() -> None:
    """Run the app (`start.main` loads it), keeping tracebacks away from people."""
    if sys.stderr is None:  # started with 2>&-: print(file=None) would write to stdout
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (stderr for the rest of the run)
    if sys.stdout is None:  # started with >&-
        print("hanban: cannot write output: standard output is closed", file=sys.stderr)
        sys.exit(ExitStatus.NOT_FOUND)
    from hanban.cli.encoding import note_replacements, tolerate

    tolerate(sys.stdout, sys.stderr)  # an ascii or Latin-1 terminal: '?' for what it cannot show
    argv = sys.argv[1:]
    lang = app_language(argv)
    _check_env_lang(lang)
    code: Any = 0
    try:
        shown = _show_completion(argv, lang)
        code = shown if shown is not None else build_app(lang, only=invoked_command(argv))(prog_name="hanban", args=argv, standalone_mode=False)
    except UsageError as exc:  # click's own words, in the person's language
        print(usage_error(exc, lang), file=sys.stderr)
        code = exc.exit_code
    except SystemExit as exc:
        code = exc.code
    except (KeyboardInterrupt, Abort):
        print(word("msg.interrupted", lang), file=sys.stderr)
        code = ExitStatus.INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        code = ExitStatus.NOT_FOUND
    except OSError as exc:  # e.g. stdout on a full disk (`> /dev/full`)
        _silence_stdout()
        print(f"hanban: cannot write output: {exc.strerror or exc}", file=sys.stderr)
        code = ExitStatus.NOT_FOUND
    try:
        code = _flush_stdout(code)
        note_replacements(sys.stderr, sys.stdout)
    except KeyboardInterrupt:  # Ctrl-C while the last of the output drains to a slow terminal
        print(word("msg.interrupted", lang), file=sys.stderr)
        code = ExitStatus.INTERRUPTED
    sys.exit(code)


def _show_completion(argv: list[str], lang: Lang) -> int | None:
    """`--show-completion SHELL` (typer's flag would print the detected shell's script)."""
    if "--show-completion" not in argv:
        return None
    from hanban.cli.complete import show_completion

    return show_completion(argv, lang)


def _check_env_lang(lang: Lang, environ: Mapping[str, str] = os.environ) -> None:
    """Say on stderr that HANBAN_LANG names no language hanban speaks (the locale decides instead);
    not while a shell asks for completions, where it would land in the person's prompt."""
    from hanban.strings import env_lang, render

    value = environ.get("HANBAN_LANG", "").strip()
    if value and env_lang(environ) is None and not any(k.startswith("_") and k.endswith("_COMPLETE") for k in environ):
        print(render("msg.bad_env_lang", lang, value=value), file=sys.stderr)


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
