"""Shell completion of service ids (for `show` and `ask --set service=`), read through the same
loader as every command, so overlays are read with the same guards and names are printable."""

from __future__ import annotations

import typer

from hanban.errors import printable

MAX_COMPLETIONS = 200


def service_ids(ctx: typer.Context | None, incomplete: str) -> list[tuple[str, str]]:
    """(id, English name) of the services whose id starts with what has been typed."""
    from hanban.cli.context import Invocation, Io
    from hanban.errors import HanbanError

    params = ctx.find_root().params if ctx is not None else {}
    inv = Invocation(Io.system(), overlays=[str(p) for p in params.get("catalog") or []])
    inv.io.stderr_tty = False  # no progress bar in the middle of a command line
    typed = incomplete.casefold()
    try:
        found = [(printable(s.id, 80), printable(s.name.en, 80)) for s in inv.catalog().services.summaries() if s.id.startswith(typed)]
    except (HanbanError, OSError):
        return []  # the command itself will say what is wrong
    return sorted(found)[:MAX_COMPLETIONS]


def complete_service(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Completion for a SERVICE argument."""
    return service_ids(ctx, incomplete)


def complete_set(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Completion for --set: `service=` and then the service ids."""
    key, sep, value = incomplete.partition("=")
    if not sep:
        return [("service=", "the service, by id or name")] if "service=".startswith(incomplete) else []
    if key != "service":
        return []
    return [(f"service={sid}", name) for sid, name in service_ids(ctx, value)]
