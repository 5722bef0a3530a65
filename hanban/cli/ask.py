"""`hanban ask`: the wizard. Answers come from --set / --answers and, on a terminal, from prompts;
the checklist goes to the terminal, to stdout (Markdown or JSON) and to --output files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from hanban.cli.complete import complete_set
from hanban.cli.errors import handles_errors, invocation
from hanban.cli.files import OUTPUT_SUFFIXES, check_writable, write_atomic
from hanban.errors import AnswerError

if TYPE_CHECKING:
    from hanban.catalog.age import Clock
    from hanban.catalog.store import Catalog
    from hanban.catalog.wizard_model import Answer
    from hanban.cli.context import Io
    from hanban.strings import Lang
    from hanban.wizard.checklist import Checklist


@handles_errors
def command(
    ctx: typer.Context,
    set_: list[str] = typer.Option([], "--set", metavar="ID=VALUE", autocompletion=complete_set, help="Answer a question without being asked (repeatable); --set service=ID picks the service by id or name."),
    answers_file: Path | None = typer.Option(None, "--answers", metavar="FILE", help="Read answers from a YAML file (e.g. one written by --save-answers)."),
    json_: bool = typer.Option(False, "--json", help="Print the checklist as JSON: {service, answers, channels, items, sources, as_of, stale, catalog}."),
    output: Path | None = typer.Option(None, "--output", "-o", metavar="FILE", help="Also write the checklist to FILE: Markdown (.md), HTML (.html) or JSON (.json)."),
    force: bool = typer.Option(False, "--force", help="Overwrite --output / --save-answers files that exist."),
    save_answers: Path | None = typer.Option(None, "--save-answers", metavar="FILE", help="Write the answers the flow asked to FILE (YAML), for --answers later."),
) -> None:
    """Answer a few questions and get a checklist for your case: channels, where, what to bring, steps, sources."""
    from hanban.wizard import flow
    from hanban.wizard.answers import check_all, parse_set, read_answers_file

    inv = invocation(ctx)
    io, lang, catalog = inv.io, inv.lang, inv.catalog()
    wiz = catalog.wizard
    check_writable(output, force, OUTPUT_SUFFIXES)
    check_writable(save_answers, force)
    given: dict[str, Any] = {}
    if answers_file is not None:
        given.update(read_answers_file(answers_file))
    given.update(parse_set(set_))
    answers = check_all(wiz, given, catalog)
    pos = flow.walk(wiz.questions, answers)
    if pos.ignored:
        io.say("hanban: ignored (the flow does not ask these for your case): " + ", ".join(f"{k}={v}" for k, v in pos.ignored.items()))
    interactive = io.interactive and not json_
    if pos.next is not None and not interactive:
        raise AnswerError(_missing_message(flow.needed(wiz, pos)))
    if interactive and (pos.next is not None or not given):
        from hanban.cli.prompts import QuestionaryPrompter
        from hanban.wizard.session import run

        answers = run(catalog, pos.answers, QuestionaryPrompter(catalog, lang), lang)
    else:
        answers = pos.answers
    deliver(io, catalog, answers, lang, inv.clock, json_=json_, output=output, force=force, save_answers=save_answers)


def _missing_message(needed: list[Any]) -> str:
    from hanban.wizard.answers import allowed_text

    lines = [f"  {q.id}: {allowed_text(q)}" for q in needed]
    return "no terminal to ask the remaining questions; answer them with --set ID=VALUE or --answers FILE:\n" + "\n".join(lines)


def deliver(
    io: Io, catalog: Catalog, answers: dict[str, Answer], lang: Lang, clock: Clock, *,
    json_: bool, output: Path | None, force: bool, save_answers: Path | None,
) -> None:
    """Build the checklist and hand it to the renderers and files asked for."""
    from hanban.catalog.age import warning
    from hanban.render.checklist_json import checklist as to_json
    from hanban.wizard import checklist

    service = catalog.service(str(answers["service"]))
    cl = checklist.build(catalog, service, answers, clock.today)
    age = warning(cl.checked_on(), clock, lang)
    if save_answers is not None:
        import yaml

        from hanban.wizard.answers import answers_document

        text = yaml.safe_dump(answers_document(answers, service.id), allow_unicode=True, sort_keys=False)
        write_atomic(save_answers, text, force=force)
        io.say(f"hanban: answers saved to {save_answers}")
    if output is not None:
        write_atomic(output, render_file(cl, catalog, lang, output.suffix.lower(), clock), force=force)
        io.say(f"hanban: checklist written to {output}")

    def terminal(console: Any) -> None:
        from hanban.render.checklist_terminal import print_checklist

        print_checklist(console, cl, catalog, lang, age)

    def plain() -> list[str]:
        from hanban.render.checklist_markdown import markdown

        return [markdown(cl, catalog, lang, age)]

    io.emit(json=lambda: to_json(cl, catalog, clock), terminal=terminal, plain=plain, as_json=json_)


def render_file(cl: Checklist, catalog: Catalog, lang: Lang, suffix: str, clock: Clock) -> str:
    """The checklist in the format a file name's suffix asks for."""
    from hanban.catalog.age import warning

    age = warning(cl.checked_on(), clock, lang)
    if suffix in (".html", ".htm"):
        from hanban.render.checklist_html import html

        return html(cl, catalog, lang, age)
    if suffix == ".json":
        from hanban.render import json as rj
        from hanban.render.checklist_json import checklist as to_json

        return rj.dumps(to_json(cl, catalog, clock)) + "\n"
    from hanban.render.checklist_markdown import markdown

    return markdown(cl, catalog, lang, age)
