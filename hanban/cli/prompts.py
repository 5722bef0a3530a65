"""The only module that imports questionary: it asks (a `wizard.session.Prompter`), and nothing else.

Every prompt uses `.unsafe_ask()`, so Ctrl-C raises KeyboardInterrupt (questionary's `.ask()`
would swallow it and print to stdout); end of input (Ctrl-D) is turned into KeyboardInterrupt
too, and the CLI exits 130. Tests pass `input=`/`output=` (prompt_toolkit pipe input) as `io`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import questionary
from questionary import Choice as QChoice
from questionary import Separator

from hanban.catalog.store import Catalog
from hanban.catalog.wizard_model import Answer, Question
from hanban.errors import printable
from hanban.strings import Lang, word
from hanban.wizard.session import BACK, DONE

TEXT_BACK = "<"
SEARCHABLE = 8  # a select with more choices than this can be filtered by typing


def _run(question: Any) -> Any:
    # prompt_toolkit binds Ctrl-D only in text prompts (on an empty line); make it end input at
    # every prompt, selects included, so that it exits 130 like Ctrl-C instead of doing nothing.
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    eof = KeyBindings()

    @eof.add("c-d", eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, eof]) if app.key_bindings else eof
    try:
        return question.unsafe_ask()
    except EOFError:
        raise KeyboardInterrupt from None


class QuestionaryPrompter:
    """Asks with questionary, in the person's language."""

    def __init__(self, catalog: Catalog, lang: Lang, io: Mapping[str, Any] | None = None) -> None:
        self.catalog = catalog
        self.lang = lang
        self.io = dict(io or {})

    def _choices(self, q: Question) -> tuple[list[Any], int]:
        """The choices of a select (services grouped by category) and how many can be chosen."""
        lang = self.lang
        if q.type == "confirm":
            return [QChoice(word("w.yes", lang), value=True), QChoice(word("w.no", lang), value=False)], 2
        if q.choices_from == "services":
            services = self.catalog.service_choices()
            out: list[Any] = []
            group = None
            for s in services:
                if s.category != group:
                    group = s.category
                    out.append(Separator(f"── {word(f'category.{group}', lang)} ──"))
                out.append(QChoice(printable(s.name.get(lang)), value=s.id))
            return out, len(services)
        return [QChoice(printable(c.label.get(lang)), value=c.value) for c in q.choices], len(q.choices)

    def ask(self, q: Question, *, number: int, total: int, default: Answer | None, can_go_back: bool) -> Answer | str:
        """Ask one question; return its value, or BACK."""
        lang = self.lang
        progress = word("w.progress", lang, n=number, total=total)
        message = printable(q.prompt.get(lang))
        if q.type in ("select", "confirm"):
            choices, count = self._choices(q)
            if can_go_back:
                choices.append(QChoice(word("w.back", lang), value=BACK))
            searchable = count > SEARCHABLE
            first = next((c for c in choices if isinstance(c, QChoice) and c.value == default), None)
            instruction = f"[{progress}] " + word("w.search" if searchable else "w.keys", lang)
            return _run(  # type: ignore[no-any-return]
                questionary.select(
                    message,
                    choices=choices,
                    default=first,
                    instruction=instruction,
                    use_search_filter=searchable,
                    use_jk_keys=not searchable,
                    **self.io,
                )
            )
        hint = f"[{progress}] " + (word("w.text_back", lang) if can_go_back else "")
        from hanban.errors import AnswerError
        from hanban.wizard.answers import coerce

        def valid(text: str) -> bool | str:
            if can_go_back and text.strip() == TEXT_BACK:
                return True
            try:
                coerce(q, text)
            except AnswerError as exc:
                return str(exc)
            return True

        got = _run(questionary.text(f"{message} {hint}", default="" if default is None else str(default), validate=valid, **self.io))
        if can_go_back and str(got).strip() == TEXT_BACK:
            return BACK
        return coerce(q, got)

    def review(self, lines: Sequence[tuple[str, str, str]]) -> str:
        """Show the answers with a change entry beside each; return DONE or the id to change."""
        lang = self.lang
        choices: list[Any] = [QChoice(word("w.show", lang), value=DONE)]
        for qid, prompt, label in lines:
            choices.append(QChoice(printable(f"{word('w.change', lang)}: {prompt} — {label}"), value=qid))
        return _run(questionary.select(word("w.review", lang), choices=choices, instruction=word("w.keys", lang), **self.io))  # type: ignore[no-any-return]
