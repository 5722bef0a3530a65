"""The command line in the person's language: help, metavars and click's own words.

Command and option help in the modules of `hanban.cli` are keys of the string table; `localized`
turns a command function into one whose parameters carry the text in one language (and adds
`--lang`, so it can follow the command too). The app is built once the language is known, before
any help is shown. `LocalizedCommand` / `LocalizedGroup` draw help with rich (which measures
Chinese characters as two columns), and `usage_error` words click's usage errors.
"""

from __future__ import annotations

import copy
import functools
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.models import ArgumentInfo, OptionInfo

from hanban.strings import WORDS, Lang, parse_lang, word

if TYPE_CHECKING:
    from typer import _click

# Options typer adds itself, and the key of their help.
BUILT_IN_HELP = {"--install-completion": "help.opt.install_completion", "--show-completion": "help.opt.show_completion"}


def text(value: str | None, lang: Lang) -> str | None:
    """`value` in `lang` when it is a key of the string table, else as it is."""
    return word(value, lang) if value is not None and value in WORDS else value


def lang_option(value: str | None) -> str | None:
    """Typer callback of --lang: the tag, or a usage error in both scripts."""
    if value is None:
        return None
    try:
        return parse_lang(value)
    except ValueError:
        raise typer.BadParameter(word("err.lang", "en", value=repr(value)) + " / " + word("err.lang", "zh-Hans", value=repr(value))) from None


def lang_parameter(lang: Lang) -> inspect.Parameter:
    """The --lang option, with its help in `lang`."""
    option = typer.Option(None, "--lang", metavar="zh-Hans|zh-Hant|en", callback=lang_option, help=word("help.opt.lang", lang))
    return inspect.Parameter("lang", inspect.Parameter.KEYWORD_ONLY, default=option, annotation="str | None")


def localized(fn: Callable[..., Any], lang: Lang, *, with_lang: bool = True) -> Callable[..., Any]:
    """`fn` whose typer parameters carry their help and metavar in `lang`, plus a --lang option
    (its value becomes the run's language: see `cli.errors.invocation`)."""
    sig = inspect.signature(fn)
    params = []
    for p in sig.parameters.values():
        info = p.default
        if isinstance(info, (OptionInfo, ArgumentInfo)):
            info = copy.copy(info)
            info.help = text(info.help, lang)
            info.metavar = text(info.metavar, lang)
            p = p.replace(default=info)
        params.append(p)
    if with_lang:
        params.append(lang_parameter(lang))

    @functools.wraps(fn)
    def wrapper(ctx: typer.Context, *args: Any, **kwargs: Any) -> Any:
        chosen = kwargs.pop("lang", None) if with_lang else None
        if chosen:
            from hanban.cli.errors import invocation

            invocation(ctx).lang = chosen
        return fn(ctx, *args, **kwargs)

    wrapper.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {**fn.__annotations__, "lang": "str | None"}
    return wrapper


# -- help -------------------------------------------------------------------------------------------


def lang_of(ctx: _click.Context) -> Lang:
    """The language the app was built for (what typer's own callbacks should speak)."""
    return _lang_of(ctx)


def _lang_of(ctx: _click.Context) -> Lang:
    root = ctx.find_root()
    got = getattr(root.command, "lang", "en")
    return "zh-Hans" if got == "zh-Hans" else "zh-Hant" if got == "zh-Hant" else "en"


def _metavar(param: _click.Parameter) -> str:
    name = param.metavar or str(param.name).upper()
    return f"{name}..." if param.nargs == -1 and not name.endswith("...") else name


def _usage(cmd: _click.Command, ctx: _click.Context, lang: Lang) -> str:
    pieces = [word("metavar.options", lang)]
    for param in cmd.get_params(ctx):
        if param.param_type_name == "argument":
            pieces.append(_metavar(param))
    if isinstance(cmd, TyperGroup):
        pieces.append(word("metavar.command", lang))
    return f"{word('usage.usage', lang)}{ctx.command_path} {' '.join(pieces)}"


def _rows(cmd: _click.Command, ctx: _click.Context, lang: Lang, kind: str) -> list[tuple[str, str]]:
    rows = []
    for param in cmd.get_params(ctx):
        if param.param_type_name != kind or getattr(param, "hidden", False):
            continue
        if kind == "argument":
            name = _metavar(param)
        else:
            names = ", ".join(sorted(list(param.opts) + list(param.secondary_opts), key=lambda o: (o.startswith("--"), o)))
            metavar = "" if getattr(param, "is_flag", False) or getattr(param, "count", False) else f" {_metavar(param)}"
            name = names + metavar
        help_text = getattr(param, "help", None) or ""
        if getattr(param, "is_eager", False) and "--help" in param.opts:
            help_text = word("help.opt.help", lang)
        for opt, key in BUILT_IN_HELP.items():
            if opt in param.opts:
                help_text = word(key, lang)
        extras = []
        default = param.default
        if kind == "option" and getattr(param, "show_default", False) and default not in (None, False, [], (), "") and not callable(default):
            extras.append(word("usage.default", lang, value=default))
        if param.required:
            extras.append(word("usage.required", lang))
        rows.append((name, " ".join([help_text, *extras]).strip()))
    return rows


def render_help(cmd: _click.Command, ctx: _click.Context) -> str:
    """The whole help of a command (or the app) in the run's language, wrapped to the terminal."""
    import shutil
    from io import StringIO

    from rich.cells import cell_len
    from rich.console import Console
    from rich.table import Table

    from hanban.render.wrap import wrap

    lang = _lang_of(ctx)
    out = StringIO()
    width = min(ctx.terminal_width or shutil.get_terminal_size().columns, ctx.max_content_width or 100)
    con = Console(file=out, width=max(width, 30), no_color=True, highlight=False, markup=False, emoji=False, force_terminal=False)
    con.print(_usage(cmd, ctx, lang), soft_wrap=False)
    if cmd.help:
        con.print()
        for paragraph in inspect.cleandoc(cmd.help).split("\n"):  # (broken where Chinese may break: never inside 2023)
            for line in wrap(paragraph, con.width) or [""]:
                con.print(line, style="", overflow="ignore", crop=False)
    sections = [("usage.arguments", _rows(cmd, ctx, lang, "argument")), ("usage.options", _rows(cmd, ctx, lang, "option"))]
    if isinstance(cmd, TyperGroup):
        commands = [(name, sub.help or "") for name in cmd.list_commands(ctx) if (sub := cmd.get_command(ctx, name)) and not sub.hidden]
        sections.append(("usage.commands", commands))
    for key, rows in sections:
        if not rows:
            continue
        con.print()
        con.print(word(key, lang) + ("：" if lang != "en" else ":"))
        grid = Table.grid(padding=(0, 2), pad_edge=False)
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        room = con.width - max(cell_len("  " + name) for name, _ in rows) - 2
        for name, help_text in rows:
            grid.add_row("  " + name, "\n".join(wrap(help_text, room)) if room >= 10 else help_text)
        con.print(grid)
    return "\n".join(line.rstrip() for line in out.getvalue().rstrip("\n").split("\n"))


class LocalizedCommand(TyperCommand):
    """A command whose help and usage line are in the run's language."""

    def get_help(self, ctx: _click.Context) -> str:
        return render_help(self, ctx)

    def get_usage(self, ctx: _click.Context) -> str:
        return _usage(self, ctx, _lang_of(ctx))


class LocalizedGroup(TyperGroup):
    """The app: its help, and the language every command's help is drawn in (`lang`)."""

    lang: Lang = "en"

    def get_help(self, ctx: _click.Context) -> str:
        return render_help(self, ctx)

    def get_usage(self, ctx: _click.Context) -> str:
        return _usage(self, ctx, _lang_of(ctx))


# -- usage errors -----------------------------------------------------------------------------------


def usage_error(exc: Exception, lang: Lang) -> str:
    """A click usage error as the lines hanban prints: usage, where to get help, what went wrong."""
    from typer._click import exceptions as ce

    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, ce.NoArgsIsHelpError):
        return exc.format_message()  # the help itself
    lines = []
    if ctx is not None:
        lines.append(ctx.command.get_usage(ctx))
        lines.append(word("usage.try_help", lang, command=ctx.command_path, option=ctx.help_option_names[0]))
        lines.append("")
    if isinstance(exc, ce.NoSuchOption):
        message = word("usage.no_such_option", lang, option=exc.option_name)
        if exc.possibilities:
            message += " " + word("usage.did_you_mean", lang, options=", ".join(sorted(exc.possibilities)))
    elif isinstance(exc, ce.MissingParameter) and exc.param is not None:
        kind = "usage.missing_argument" if exc.param.param_type_name == "argument" else "usage.missing_option"
        name = _metavar(exc.param) if exc.param.param_type_name == "argument" else (exc.param.opts or [exc.param.name])[0]
        message = word(kind, lang, name=name)
    elif isinstance(exc, ce.BadParameter):
        hint = exc.param_hint or (exc.param.opts[0] if exc.param is not None and exc.param.opts else "")
        message = word("usage.bad_value", lang, name=hint if isinstance(hint, str) else " / ".join(hint), message=exc.message)
    else:
        message = _known_message(str(getattr(exc, "message", exc)), lang)
    lines.append(word("usage.error", lang, message=message))
    return "\n".join(lines)


def _known_message(message: str, lang: Lang) -> str:
    """click's other usage messages, recognised by their English wording."""
    import re

    patterns = [
        (r"Option '(.+)' requires an argument\.", "usage.needs_value", "option"),
        (r"Option '(.+)' does not take a value\.", "usage.no_value", "option"),
        (r"Got unexpected extra arguments? \((.*)\)", "usage.extra_arguments", "args"),
        (r"No such command '(.+)'\.", "usage.no_such_command", "name"),
        (r"Missing command\.", "usage.missing_command", ""),
    ]
    for pattern, key, field in patterns:
        m = re.fullmatch(pattern, message)
        if m:
            return word(key, lang, **({field: m.group(1)} if field else {}))
    return message
