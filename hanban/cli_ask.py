"""`hanban ask` (the wizard) and `hanban questions`. Heavy imports stay inside the functions."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import typer

from hanban import model as m
from hanban.cli import app, handles_errors, is_terminal, out, say, state, stdout_is_terminal
from hanban.errors import AnswerError, OutputError

OUTPUT_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".json")


def complete_set(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for --set: `service=` and then the service ids (cheap: no catalog load)."""
    from hanban.cli_search import complete_service_id

    key, sep, value = incomplete.partition("=")
    if not sep:
        return [("service=", "the service, by id or name")] if "service=".startswith(incomplete) else []
    if key != "service":
        return []
    return [(f"service={sid}", name) for sid, name in complete_service_id(ctx, value)]


def write_atomic(path: Path, text: str, *, force: bool) -> None:
    """Write via a temporary file in the same folder and os.replace; never clobber without force."""
    import tempfile

    if path.exists() and not force:
        raise OutputError(f"{path} already exists; use --force to overwrite it")
    if path.is_dir():
        raise OutputError(f"{path} is a folder")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _check_output_path(path: Path | None, force: bool) -> None:
    """Fail before asking anything when the output cannot be written."""
    if path is None:
        return
    if path.suffix.lower() not in OUTPUT_SUFFIXES:
        raise OutputError(f"{path}: unknown output format; use a .md, .html or .json file name")
    if path.exists() and not force:
        raise OutputError(f"{path} already exists; use --force to overwrite it")
    if not (path.parent if str(path.parent) else Path(".")).is_dir():
        raise OutputError(f"{path}: the folder does not exist")


def _missing_message(wiz: Any, pos: Any) -> str:
    from hanban import conditions as cond
    from hanban.answers import allowed_text

    pending = frozenset(q.id for q in wiz.questions if q.id not in pos.answers)
    needed = [pos.next] + [
        q for q in wiz.questions
        if q.id in pending and q is not pos.next and cond.might_hold(q.when, pos.answers, pending) is True
    ]
    lines = [f"  {q.id}: {allowed_text(q)}" for q in needed]
    return (
        "no terminal to ask the remaining questions; answer them with --set ID=VALUE or --answers FILE:\n"
        + "\n".join(lines)
    )


def run_wizard(wiz: Any, catalog: m.Catalog, answers: dict[str, Any], lang: m.Lang, io: dict[str, Any] | None = None) -> dict[str, Any]:
    """Ask until the flow is done and the person accepts the summary; return the answers.

    "Back" undoes the last answer given here (answers from --set/--answers stay); a change from
    the summary asks that one question again and keeps later answers still on the path.
    """
    from hanban import flow, prompts
    from hanban.checklist import answer_label

    given: dict[str, Any] = dict(answers)
    remembered: dict[str, Any] = dict(answers)  # defaults when a question comes round again
    stack: list[str] = []  # ids answered here, latest last
    while True:
        pos = flow.walk(wiz.questions, given)
        if pos.next is not None:
            q = pos.next
            got = prompts.ask(q, lang, number=pos.number, total=pos.total, default=remembered.get(q.id), can_go_back=bool(stack), io=io)
            if got == prompts.BACK:
                given.pop(stack.pop(), None)
            else:
                given[q.id] = remembered[q.id] = got
                if q.id in stack:
                    stack.remove(q.id)
                stack.append(q.id)
            continue
        lines = [
            (qid, wiz.question(qid).prompt.get(lang), answer_label(wiz.question(qid), v).get(lang))
            for qid, v in pos.answers.items()
        ]
        choice = prompts.review(lines, lang, io=io)
        if choice == prompts.DONE:
            return pos.answers
        given = flow.forget(pos.answers, choice)


@app.command()
@handles_errors
def ask(
    ctx: typer.Context,
    set_: list[str] = typer.Option([], "--set", metavar="ID=VALUE", autocompletion=complete_set, help="Answer a question without being asked (repeatable); --set service=ID picks the service by id or name."),
    answers_file: Path | None = typer.Option(None, "--answers", metavar="FILE", help="Read answers from a YAML file (e.g. one written by --save-answers)."),
    json_: bool = typer.Option(False, "--json", help="Print the checklist as JSON: {service, answers, channels, items, sources, as_of}."),
    output: Path | None = typer.Option(None, "--output", "-o", metavar="FILE", help="Also write the checklist to FILE: Markdown (.md), HTML (.html) or JSON (.json)."),
    force: bool = typer.Option(False, "--force", help="Overwrite --output / --save-answers files that exist."),
    save_answers: Path | None = typer.Option(None, "--save-answers", metavar="FILE", help="Write the answers the flow asked to FILE (YAML), for --answers later."),
) -> None:
    """Answer a few questions and get a checklist for your case: channels, where, what to bring, steps, sources."""
    from hanban import flow
    from hanban.answers import check_all, parse_set, read_answers_file
    from hanban.wizard import load_wizard

    st = state(ctx)
    catalog = st.catalog()
    wiz = load_wizard(catalog)
    _check_output_path(output, force)
    if save_answers is not None and save_answers.exists() and not force:
        raise OutputError(f"{save_answers} already exists; use --force to overwrite it")
    given: dict[str, Any] = {}
    if answers_file is not None:
        given.update(read_answers_file(answers_file))
    given.update(parse_set(set_))
    answers = check_all(wiz, given, catalog)
    pos = flow.walk(wiz.questions, answers)
    if pos.ignored:
        say("hanban: ignored (the flow does not ask these for your case): " + ", ".join(f"{k}={v}" for k, v in pos.ignored.items()))
    interactive = is_terminal(sys.stdin) and stdout_is_terminal() and not json_
    if pos.next is not None and not interactive:
        raise AnswerError(_missing_message(wiz, pos))
    if interactive and (pos.next is not None or not given):
        answers = run_wizard(wiz, catalog, pos.answers, st.lang)
    else:
        answers = pos.answers
    emit(catalog, wiz, answers, st.lang, json_=json_, output=output, force=force, save_answers=save_answers)


def emit(catalog: m.Catalog, wiz: Any, answers: dict[str, Any], lang: m.Lang, *, json_: bool, output: Path | None, force: bool, save_answers: Path | None) -> None:
    """Build the checklist and hand it to the renderers and files asked for."""
    from hanban import checklist
    from hanban.render import json as rj

    service = catalog.services[str(answers["service"])]
    cl = checklist.build(catalog, wiz, service, answers)
    if save_answers is not None:
        import yaml

        from hanban.answers import answers_document

        text = yaml.safe_dump(answers_document(answers, service.id), allow_unicode=True, sort_keys=False)
        write_atomic(save_answers, text, force=force)
        say(f"hanban: answers saved to {save_answers}")
    if output is not None:
        write_atomic(output, render_file(cl, catalog, lang, output.suffix.lower()), force=force)
        say(f"hanban: checklist written to {output}")
    if json_:
        from hanban.render.checklist_json import checklist as to_json

        out(rj.dumps(to_json(cl, catalog)))
    elif stdout_is_terminal():
        from hanban.cli import console
        from hanban.render.checklist_terminal import print_checklist

        print_checklist(console(), cl, catalog, lang)
    else:
        from hanban.render.checklist_markdown import markdown

        out(markdown(cl, catalog, lang))


def render_file(cl: Any, catalog: m.Catalog, lang: m.Lang, suffix: str) -> str:
    if suffix in (".html", ".htm"):
        from hanban.render.checklist_html import html

        return html(cl, catalog, lang)
    if suffix == ".json":
        from hanban.render import json as rj
        from hanban.render.checklist_json import checklist as to_json

        return rj.dumps(to_json(cl, catalog)) + "\n"
    from hanban.render.checklist_markdown import markdown

    return markdown(cl, catalog, lang)


@app.command()
@handles_errors
def questions(
    ctx: typer.Context,
    json_: bool = typer.Option(False, "--json", help="Print a JSON array of questions."),
    service: str | None = typer.Option(None, "--service", metavar="ID", help="Only the questions this service's flow can ask."),
    graph: bool = typer.Option(False, "--graph", help="Print the flow as a Mermaid flowchart."),
) -> None:
    """List the wizard's questions: id, prompt, type, choices and the condition for asking."""
    from hanban import conditions as cond
    from hanban import flow
    from hanban.render import json as rj
    from hanban.resolve import resolve_service
    from hanban.wizard import load_wizard

    st = state(ctx)
    catalog = st.catalog()
    wiz = load_wizard(catalog)
    sid = resolve_service(catalog, service).id if service else None
    if graph:
        out(flow.mermaid(wiz, sid, st.lang))
        return
    asked: set[str] = set()
    if sid:
        for p in flow.paths(wiz, sid):
            asked.update(p)
    qs = [q for q in wiz.questions if sid is None or q.id in asked]
    if json_:
        out(rj.dumps([
            {
                "id": q.id,
                "type": q.type,
                "prompt": rj.text(q.prompt),
                "help": rj.text(q.help),
                "choices": [{"value": c.value, "label": rj.text(c.label)} for c in q.choices],
                "when": cond.to_data(q.when),
                "origin": {"file": q.origin.file, "line": q.origin.line},
            }
            for q in qs
        ]))
        return
    for q in qs:
        out(f"{q.id}\t{q.type}\t{q.prompt.get(st.lang)}\twhen: {cond.describe(q.when)}")
        if q.type == "select" and q.choices_from is None:
            for c in q.choices:
                out(f"  {c.value}\t{c.label.get(st.lang)}")
        elif q.choices_from:
            out(f"  (one of the {len(q.choices)} services: see `hanban list`)")
