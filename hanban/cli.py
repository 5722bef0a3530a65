"""Typer commands: parse options, call the core, hand the result to a renderer."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

import typer

from hanban import __version__, fastargs
from hanban import model as m
from hanban.errors import CatalogError, ExitStatus, HanbanError, NotFound

F = TypeVar("F", bound=Callable[..., Any])
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


@dataclass
class State:
    """Global options, shared by every command."""

    overlays: list[str] = field(default_factory=list)
    lang: m.Lang = "zh-Hans"
    _catalog: m.Catalog | None = None

    def catalog(self) -> m.Catalog:
        if self._catalog is None:
            # Through the compiled index (hanban.index): only changed files are parsed again.
            from hanban.catalog import overlay_dirs
            from hanban.index import open_catalog
            from hanban.render.progress import terminal_progress

            self._catalog = open_catalog(overlay_dirs(self.overlays), progress=terminal_progress())
        return self._catalog


def is_terminal(stream: Any) -> bool:
    """Whether a stream is an interactive terminal (tests replace this)."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def stdout_is_terminal() -> bool:
    return is_terminal(sys.stdout) and os.environ.get("TERM") != "dumb"


def say(message: str) -> None:
    """A message for the person: always stderr, never mixed with data; never raw escape codes."""
    from hanban.errors import printable

    print(printable(message), file=sys.stderr)


def out(text: str) -> None:
    """Data: always stdout."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def console() -> Any:
    """A rich console on stdout; colour follows the terminal, NO_COLOR and TERM=dumb."""
    from rich.console import Console

    return Console(file=sys.stdout, highlight=False, soft_wrap=False)


def report(exc: HanbanError) -> int:
    """Print an error as clear lines on stderr and return its exit code."""
    if isinstance(exc, CatalogError):
        for p in exc.problems[:10]:
            say(str(p))
        if len(exc.problems) > 10:
            say(f"... and {len(exc.problems) - 10} more")
        say(f"hanban: the catalog has {len(exc.problems)} problem(s); run `hanban validate` for details")
    else:
        say(f"hanban: {exc}")
        if isinstance(exc, NotFound) and exc.candidates:
            say("did you mean: " + ", ".join(exc.candidates) + "?")
    return int(exc.exit_code)


def handles_errors(fn: F) -> F:
    """Map user-facing failures to a message and an exit code; Ctrl-C and Ctrl-D exit 130."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except HanbanError as exc:
            raise typer.Exit(report(exc)) from None
        except (KeyboardInterrupt, EOFError):  # Ctrl-C, or Ctrl-D (end of input) at a prompt
            say("hanban: interrupted")
            raise typer.Exit(ExitStatus.INTERRUPTED) from None

    return cast(F, wrapper)


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    if not isinstance(obj, State):
        obj = State()
        ctx.find_root().obj = obj
    return obj


def _version(value: bool) -> None:
    if value:
        out(f"hanban {__version__}")
        raise typer.Exit()


def _lang_option(value: str | None) -> str | None:
    if value is None:
        return None
    from hanban.i18n import parse_lang

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
    from hanban.i18n import lang_from_locale

    ctx.obj = State(overlays=[str(p) for p in catalog], lang=lang or lang_from_locale())  # type: ignore[arg-type]


@app.command("list")
@handles_errors
def list_services(
    ctx: typer.Context,
    cross_province: bool = typer.Option(False, "--cross-province", help="Only services available across provinces (跨省通办)."),
    fully_online: bool = typer.Option(False, "--fully-online", help="Only services available fully online (全程网办)."),
    one_window: bool = typer.Option(False, "--one-window", help="Only services available at one window (一窗通办)."),
    json_: bool = typer.Option(False, "--json", help="Print a JSON array of service objects."),
) -> None:
    """List services; the filters combine with AND."""
    st = state(ctx)
    cat = st.catalog()
    wanted = [name for name, on in (("cross_province", cross_province), ("fully_online", fully_online), ("one_window", one_window)) if on]
    from hanban.index import services_with

    matches = services_with(cat, wanted)  # streamed from the index, not held in memory
    if json_:
        from hanban.render import json as rj

        found = rj.stream_array((rj.service(s, cat) for s in matches), sys.stdout.write)
    elif stdout_is_terminal():
        from hanban.render.terminal import list_table

        services = list(matches)
        found = len(services)
        con = console()
        con.print(list_table(services, st.lang, width=con.width))
    else:
        from hanban.render.plain import list_line

        found = 0
        for s in matches:
            out(list_line(s, st.lang))
            found += 1
    if not found:
        say("hanban: no service matches these filters")
        raise typer.Exit(ExitStatus.NOT_FOUND)


def _complete_service(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of service ids (cheap: scans the catalog files, see cli_search)."""
    from hanban.cli_search import complete_service_id

    return complete_service_id(ctx, incomplete)


@app.command()
@handles_errors
def show(
    ctx: typer.Context,
    service: str = typer.Argument(
        ...,
        metavar="SERVICE",
        help="A service id, its name in any script, or an alias; a clear near miss is taken (and said so).",
        autocompletion=_complete_service,
    ),
    json_: bool = typer.Option(False, "--json", help="Print the full service object as JSON."),
) -> None:
    """Show one service in full: channels, documents, where to go, sources."""
    from hanban.resolve import resolve_service

    st = state(ctx)
    cat = st.catalog()
    s = resolve_service(cat, service, note=say, lang=st.lang)
    if json_:
        from hanban.render import json as rj

        out(rj.dumps(rj.service(s, cat)))
    elif stdout_is_terminal():
        from hanban.render.terminal import print_service

        print_service(console(), s, cat, st.lang)
    else:
        from hanban.render.plain import show_lines

        out("\n".join(show_lines(s, cat, st.lang)))


@app.command()
@handles_errors
def measures(
    ctx: typer.Context,
    json_: bool = typer.Option(False, "--json", help="Print a JSON array of the 26 measures."),
) -> None:
    """List the 26 measures of August 2023 and the services each touches."""
    st = state(ctx)
    cat = st.catalog()
    if json_:
        from hanban.render import json as rj

        out(rj.dumps([rj.measure(x) for x in cat.measures.values()]))
    elif stdout_is_terminal():
        from hanban.render.terminal import measures_table

        console().print(measures_table(cat, st.lang))
    else:
        for x in cat.measures.values():
            out("\t".join([str(x.number), x.title.get(st.lang), x.part, x.status, ",".join(x.services)]))


@app.command()
@handles_errors
def validate(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(None, metavar="[PATH]...", help="Files or folders to check (default: the catalog and its overlays)."),
    seeds: Path | None = typer.Option(
        None, "--seeds", metavar="DIR", help="Also check every quote verbatim against the seed texts in DIR (also HANBAN_SEEDS)."
    ),
) -> None:
    """Check catalog files against the schema and their references; one line per problem."""
    from hanban.catalog import ENV_SEEDS, load_catalog, overlay_dirs

    st = state(ctx)
    overlays = [p for p in paths] if paths else overlay_dirs(st.overlays)
    seed_dir = seeds or (Path(os.environ[ENV_SEEDS]) if os.environ.get(ENV_SEEDS) else None)
    try:
        cat = load_catalog(overlays, seeds=seed_dir)
    except CatalogError as exc:
        for p in exc.problems:
            out(str(p))
        say(f"hanban: {len(exc.problems)} problem(s) found")
        raise typer.Exit(ExitStatus.NOT_FOUND) from None
    from hanban.wizard import lint  # wizard problems loading tolerates (a service with no rules)

    wizard_problems = lint(cat)
    for p in wizard_problems:
        out(str(p))
    if wizard_problems:
        say(f"hanban: {len(wizard_problems)} problem(s) found")
        raise typer.Exit(ExitStatus.NOT_FOUND)
    checked = "quotes checked" if seed_dir else "quotes not checked (use --seeds)"
    say(
        f"hanban: catalog OK: {len(cat.services)} services, {len(cat.measures)} measures, "
        f"{len(cat.places)} places, {len(cat.documents)} document kinds; {checked}"
    )


def main() -> None:
    """Console-script entry point: run the app, keep tracebacks away from people."""
    if sys.stderr is None:  # started with 2>&-: print(file=None) would write to stdout
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (stderr for the rest of the run)
    if sys.stdout is None:  # started with >&-
        say("hanban: cannot write output: standard output is closed")
        sys.exit(ExitStatus.NOT_FOUND)
    code: Any = 0
    try:
        app(prog_name="hanban")
    except SystemExit as exc:  # click ends every run with sys.exit
        code = exc.code
    except KeyboardInterrupt:
        say("hanban: interrupted")
        code = ExitStatus.INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        code = ExitStatus.NOT_FOUND
    except OSError as exc:  # e.g. stdout on a full disk (`> /dev/full`)
        _silence_stdout()
        say(f"hanban: cannot write output: {exc.strerror or exc}")
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
        say(f"hanban: cannot write output: {exc.strerror or exc}")
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


# Commands defined in their own modules register themselves on `app` when imported.
# (Each import must stay cheap: heavy modules are imported inside the command functions.)
# Import order is the order of the commands in --help, so isort's order does not apply.
# isort: off
# -- command modules --
import hanban.cli_search  # (hanban search)
import hanban.cli_ask  # noqa: F401  (hanban ask, hanban questions)
