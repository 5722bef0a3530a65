"""`hanban questions`: the wizard's questions, as a list, JSON or a Mermaid flowchart."""

from __future__ import annotations

import typer

from hanban.cli.errors import handles_errors, invocation
from hanban.strings import word


@handles_errors
def command(
    ctx: typer.Context,
    json_: bool = typer.Option(False, "--json", help="help.questions.json"),
    service: str | None = typer.Option(None, "--service", metavar="metavar.id", help="help.questions.service"),
    graph: bool = typer.Option(False, "--graph", help="help.questions.graph"),
) -> None:
    """List the wizard's questions: id, prompt, type, choices and the condition for asking."""
    from hanban.catalog import conditions as cond
    from hanban.find.resolve import resolve_service
    from hanban.render import json as rj
    from hanban.render.plain import row
    from hanban.wizard import flow

    inv = invocation(ctx)
    io, lang, catalog = inv.io, inv.lang, inv.catalog()
    g = flow.graph(catalog)
    sid = resolve_service(catalog, service).id if service else None
    if graph:
        io.out(flow.mermaid(g, sid, lang))
        return
    asked = g.asked_for(sid) if sid else None
    qs = [q for q in catalog.wizard.questions if asked is None or q.id in asked]
    if json_:
        io.out(io.dumps([rj.versioned("questions", rj.question(q, catalog)) for q in qs]))
        return
    for q in qs:
        io.out(row(q.id, q.type, q.prompt.get(lang), f"when: {cond.describe(q.when)}"))
        if q.choices_from:
            io.out("  " + word("questions.service_choices", lang, n=len(catalog.services)))
        elif q.type == "select":
            for c in q.choices:
                io.out("  " + row(c.value, c.label.get(lang)))
