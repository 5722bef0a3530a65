"""Shell completion: services (for `show` and `ask --set service=`) by id, and by Chinese name or
alias as typed (Simplified or Traditional), each with a description the shells that show one
(zsh, fish) print beside it; and `--show-completion [SHELL]`, which prints the script of the shell
it names. Services are read through the same loader as every command, so overlays are read with
the same guards and what is offered is printable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from hanban.errors import printable

if TYPE_CHECKING:
    from hanban.strings import Lang

MAX_COMPLETIONS = 200
ALIASES_UP_TO = 5000  # services: above this, Chinese names only (aliases mean reading every service)
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def service_ids(ctx: typer.Context | None, incomplete: str) -> list[tuple[str, str]]:
    """(what to put on the command line, its description) for the services matching what has been
    typed: ids that start with it (described by the name in the run's language); once it holds
    Chinese, the Chinese names and aliases that start with it (described by the id)."""
    from hanban.cli.context import Invocation, Io
    from hanban.errors import HanbanError
    from hanban.strings import lang_from_locale

    params = ctx.find_root().params if ctx is not None else {}
    lang = params.get("lang") or lang_from_locale()
    inv = Invocation(Io.system(), lang=lang, overlays=[str(p) for p in params.get("catalog") or []])
    inv.io.stderr_tty = False  # no progress bar in the middle of a command line
    try:
        services = inv.catalog().services
        if incomplete.isascii():
            typed = incomplete.casefold()
            found = [(s.id, s.name.get(inv.lang)) for s in services.summaries() if s.id.startswith(typed)]
        else:
            found = _by_name(services, incomplete)
    except (HanbanError, OSError):
        return []  # the command itself will say what is wrong
    return sorted({(printable(value, 80), printable(help_, 80)) for value, help_ in found})[:MAX_COMPLETIONS]


def _by_name(services: Any, typed: str) -> list[tuple[str, str]]:
    """Names and aliases (both Chinese scripts) starting with `typed`, each with its service's id;
    none with a space in it (a shell would split it)."""
    found: list[tuple[str, str]] = []
    if len(services) <= ALIASES_UP_TO:
        for s in services.values():
            forms = [s.name.zh_hans, s.name.zh_hant, *s.aliases.get("zh-Hans", ()), *s.aliases.get("zh-Hant", ()), *s.hant_aliases]
            found += [(form, s.id) for form in forms if form.startswith(typed) and " " not in form]
    else:
        for s in services.summaries():
            found += [(form, s.id) for form in (s.name.zh_hans, s.name.zh_hant) if form.startswith(typed) and " " not in form]
    return found


def complete_service(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Completion for a SERVICE argument."""
    return service_ids(ctx, incomplete)


def complete_set(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Completion for --set: `service=` and then the services."""
    key, sep, value = incomplete.partition("=")
    if not sep:
        return [("service=", "the service, by id or name")] if "service=".startswith(incomplete) else []
    if key != "service":
        return []
    return [(f"service={sid}", name) for sid, name in service_ids(ctx, value)]


# -- --show-completion [SHELL] ----------------------------------------------------------------------


def show_completion(argv: list[str], lang: Lang) -> int | None:
    """`hanban --show-completion SHELL`: print SHELL's completion script (typer's own option is a
    flag that prints the script of the shell it detects, whatever follows it). The exit status when
    it was asked for with a shell named (2: a shell with no script, said on stderr); None otherwise
    (`--show-completion` alone: typer detects the shell)."""
    i = argv.index("--show-completion")
    shell = argv[i + 1] if i + 1 < len(argv) else ""
    if not shell or shell.startswith("-"):
        return None
    import sys

    from typer._completion_shared import get_completion_script

    from hanban.strings import word

    if shell.lower() not in SHELLS:
        print(word("completion.unknown_shell", lang, shell=shell, shells=", ".join(SHELLS)), file=sys.stderr)
        return 2
    print(get_completion_script(prog_name="hanban", complete_var="_HANBAN_COMPLETE", shell=shell.lower()))
    return 0
