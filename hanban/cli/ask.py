"""`hanban ask`: the wizard. Answers come from --set / --answers and, on a terminal, from prompts;
the checklist goes to the terminal, to stdout (Markdown or JSON) and to --output files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from hanban.cli.complete import complete_set
from hanban.cli.errors import handles_errors, invocation
from hanban.cli.files import ANSWERS_SUFFIXES, OUTPUT_SUFFIXES, check_writable, write_atomic
from hanban.errors import AnswerError
from hanban.strings import word

if TYPE_CHECKING:
    from hanban.catalog.age import Clock
    from hanban.catalog.store import Catalog
    from hanban.catalog.wizard_model import Answer, Question
    from hanban.cli.context import Io
    from hanban.strings import Lang
    from hanban.wizard.checklist import Checklist


@handles_errors
def command(
    ctx: typer.Context,
    set_: list[str] = typer.Option([], "--set", metavar="metavar.id_value", autocompletion=complete_set, help="help.ask.set"),
    answers_file: Path | None = typer.Option(None, "--answers", metavar="metavar.file", help="help.ask.answers"),
    json_: bool = typer.Option(False, "--json", help="help.ask.json"),
    output: Path | None = typer.Option(None, "--output", "-o", metavar="metavar.file", help="help.ask.output"),
    force: bool = typer.Option(False, "--force", help="help.ask.force"),
    save_answers: Path | None = typer.Option(None, "--save-answers", metavar="metavar.file", help="help.ask.save_answers"),
) -> None:
    """Answer a few questions and get a checklist for your case: channels, where, what to bring, steps, sources."""
    from hanban.wizard import flow
    from hanban.wizard.answers import check_all, parse_set, read_answers_file

    inv = invocation(ctx)
    io, lang, catalog = inv.io, inv.lang, inv.catalog()
    wiz = catalog.wizard
    check_writable(output, force, OUTPUT_SUFFIXES)
    check_writable(save_answers, force, ANSWERS_SUFFIXES, what="answers")
    given: dict[str, Any] = {}
    if answers_file is not None:
        given.update(read_answers_file(answers_file))
    given.update(parse_set(set_))
    answers = check_all(wiz, given, catalog)
    pos = flow.walk(wiz.questions, answers)
    if pos.ignored:
        said = ", ".join(f"{k}={({True: 'yes', False: 'no'}.get(v) if isinstance(v, bool) else v)}" for k, v in pos.ignored.items())  # (no False)
        io.say(word("msg.ignored", lang, answers=said))
    interactive = io.interactive and not json_
    if pos.next is not None and not interactive:
        raise MissingAnswers(flow.needed(wiz, pos))
    if interactive and (pos.next is not None or not given):
        answers = _ask(io, catalog, lang, pos.answers, resumable=not given)
    else:
        answers = pos.answers
    deliver(io, catalog, answers, lang, inv.clock, json_=json_, output=output, force=force, save_answers=save_answers)


def _ask(io: Io, catalog: Catalog, lang: Lang, preset: dict[str, Any], *, resumable: bool) -> dict[str, Any]:
    """The questions on a terminal. Stopped half-way (Ctrl-C, SIGTERM, SIGHUP: `cli.signals`), the
    answers so far are kept for the next `hanban ask`, which offers to carry on (`cli.unfinished`);
    finished, they are dropped."""
    from hanban.cli.signals import stopping_on_signals

    with stopping_on_signals():
        return _questions(io, catalog, lang, preset, resumable=resumable)


def _questions(io: Io, catalog: Catalog, lang: Lang, preset: dict[str, Any], *, resumable: bool) -> dict[str, Any]:
    from hanban.cli import unfinished
    from hanban.cli.prompts import QuestionaryPrompter
    from hanban.wizard import flow
    from hanban.wizard.answers import check_all
    from hanban.wizard.session import run

    prompter = QuestionaryPrompter(catalog, lang)
    resumed = False
    kept = unfinished.load() if resumable else None
    if kept is not None:
        try:
            earlier = flow.walk(catalog.wizard.questions, check_all(catalog.wizard, kept[0], catalog)).answers
        except AnswerError:  # (the catalog changed since: they no longer fit)
            earlier = {}
        if earlier and prompter.resume(earlier, kept[1]):
            preset, resumed = earlier, True
        unfinished.drop()
    latest: dict[str, Any] = {}

    def keep(answers: dict[str, Any]) -> None:
        latest.clear()
        latest.update(answers)

    try:
        answers = run(catalog, preset, prompter, lang, keep=keep, resumed=resumed)
    except KeyboardInterrupt:
        if latest:
            unfinished.save(latest)
            io.say(word("w.kept", lang))
        raise
    unfinished.drop()
    return answers


class MissingAnswers(AnswerError):
    """No terminal to ask the questions still open: name each, with what it takes."""

    def __init__(self, needed: list[Question]) -> None:
        self.needed = needed
        super().__init__(self.text("en"))

    def text(self, lang: Lang) -> str:
        from hanban.wizard.answers import allowed_text

        return "\n".join([word("err.no_terminal", lang)] + [f"  {q.id}: {allowed_text(q, lang)}" for q in self.needed])


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
        io.say(word("msg.answers_saved", lang, path=save_answers))
    if output is not None:
        write_atomic(output, render_file(cl, catalog, lang, output.suffix.lower(), clock), force=force)
        io.say(word("msg.checklist_written", lang, path=output))

    def terminal(console: Any) -> None:
        from hanban.render.checklist_terminal import print_checklist

        print_checklist(console, cl, catalog, lang, age)

    def plain() -> list[str]:
        from hanban.render.checklist_markdown import markdown

        return [markdown(cl, catalog, lang, age)]

    io.emit(json=lambda: to_json(cl, catalog, clock), terminal=terminal, plain=plain, as_json=json_)


def render_file(cl: Checklist, catalog: Catalog, lang: Lang, suffix: str, clock: Clock) -> str:
    """The checklist in the format a file name's suffix asks for (through the printable() filter)."""
    from hanban.catalog.age import warning
    from hanban.errors import printable

    age = warning(cl.checked_on(), clock, lang)
    if suffix in (".html", ".htm"):
        from hanban.render.checklist_html import html

        return printable(html(cl, catalog, lang, age), None)
    if suffix == ".json":
        from hanban.render import json as rj
        from hanban.render.checklist_json import checklist as to_json

        return rj.dumps(to_json(cl, catalog, clock)) + "\n"
    from hanban.render.checklist_markdown import markdown

    return printable(markdown(cl, catalog, lang, age), None)
