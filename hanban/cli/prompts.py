"""The only module that imports questionary: it asks (a `wizard.session.Prompter`), and nothing else.

Long lists (what you need to get done; provinces) are type-ahead pickers: a text prompt with a
completion menu, so Chinese typed with an input method, pinyin and English all work, and the
menu holds only choices (never a heading). The service picker ranks with `hanban search`; a
province picker matches labels in any script, ids and pinyin. Short lists and yes/no are
questionary selects.

Every prompt uses `.unsafe_ask()`, so Ctrl-C raises KeyboardInterrupt (questionary's `.ask()`
would swallow it and print to stdout); end of input (Ctrl-D) is turned into KeyboardInterrupt
too, and the CLI exits 130. Tests pass `input=`/`output=` (prompt_toolkit pipe input) as `io`.

Messages are broken between words and Chinese characters at every width and redrawn cleanly on a
resize; a finished prompt is said again as "? question  answer" (`cli.prompt_layout`).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import questionary
from prompt_toolkit.completion import Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.validation import ValidationError, Validator
from questionary import Choice as QChoice

from hanban.catalog.store import Catalog
from hanban.catalog.wizard_model import Answer, Question
from hanban.cli.picker_rows import TEXT_BACK, Row
from hanban.cli.picker_rows import PickerRows as _PickerRows
from hanban.cli.prompt_layout import Message, echo, message, redraw_on_resize
from hanban.errors import printable
from hanban.strings import Lang, word
from hanban.wizard.session import BACK, DONE, RESTART

SEARCHABLE = 8  # a select with more choices than this is a type-ahead picker
MENU_ROWS = 8  # rows the completion menu may take (a 24-row terminal keeps room for the question)
FIRST_ROWS = 200  # services the empty service picker lists (a catalog of more is found by typing)


def _run(question: Any, back: bool = False) -> Any:
    # prompt_toolkit binds Ctrl-D only in text prompts (on an empty line); make it end input at
    # every prompt, selects included, so that it exits 130 like Ctrl-C instead of doing nothing.
    # With `back`, Esc goes back one question (the arrow keys reach the bindings as keys of their
    # own, parsed from their escape sequences, so they are never taken for it).
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    eof = KeyBindings()

    @eof.add("c-d", eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    if back:

        @eof.add("escape", eager=True)  # (before the menu's own Esc, which would only close it)
        def _back(event: Any) -> None:
            event.app.exit(result=BACK)

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, eof]) if app.key_bindings else eof
    app.erase_when_done = True  # (said again, whole, by `echo`)
    redraw_on_resize(app)
    try:
        return question.unsafe_ask()
    except EOFError:
        raise KeyboardInterrupt from None


class _Rows(Completer):
    """The completion menu: the rows `find` gives for what has been typed so far."""

    def __init__(self, find: Callable[[str], list[Row]]) -> None:
        self.find = find

    def get_completions(self, document: Document, complete_event: Any) -> Iterator[Completion]:
        typed = document.text
        for label, note, _ in self.find(typed):
            yield Completion(label, start_position=-len(typed), display=label, display_meta=note)


class _Which(Validator):
    """Enter is accepted only when the text names one row; otherwise the message says which rows it
    could mean, or that none matches."""

    def __init__(self, pick: Callable[[str], object | None], which: Callable[[str], str]) -> None:
        self.pick = pick
        self.which = which

    def validate(self, document: Document) -> None:
        if self.pick(document.text) is None:
            raise ValidationError(message=self.which(document.text), cursor_position=len(document.text))


def _enter_takes_first(find: Callable[[str], list[Row]], when_empty: bool, clear: Callable[[str], bool] | None = None) -> Any:
    """Enter with nothing highlighted takes the first row for what was typed (what ranks first),
    so typing 身份证丢失 and Enter picks a service, never the bare text; with `clear`, only when
    the first row clearly leads (河 matches 河北 and 河南 alike: the person is asked to choose). The
    rows are found here, not read from the menu, which may not have caught up with fast typing."""
    from prompt_toolkit.filters import completion_is_selected
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()

    @bindings.add("enter", filter=~completion_is_selected, eager=True)
    def _(event: Any) -> None:
        buffer = event.current_buffer
        if buffer.text.strip() or when_empty:
            rows = find(buffer.text)
            if rows and (clear is None or not buffer.text.strip() or clear(buffer.text)):
                buffer.text = rows[0][0]
        buffer.complete_state = None
        buffer.validate_and_handle()

    return bindings


def _toolbar(find: Callable[[str], list[Row]], nothing: Callable[[str], str]) -> Callable[[], Any]:
    """A line under the prompt that says so, while typing, when nothing matches what was typed."""
    from prompt_toolkit.application.current import get_app

    def line() -> Any:
        typed = get_app().current_buffer.text
        return nothing(typed) if typed.strip() and not find(typed) else None

    return line


def _shorten(text: str, width: int) -> str:
    """`text` cut to `width` terminal columns with an ellipsis (Chinese characters take two)."""
    from rich.cells import cell_len, set_cell_size

    return text if cell_len(text) <= width else set_cell_size(text, max(width - 1, 1)) + "…"


def _message(prompt: str, progress: str, *hints: str) -> Message:
    """A picker's message: the question and its number, the hints, and the text typed on a line of
    its own, so the menu opens at the left edge, not after a wrapped question."""
    return message(f"{prompt} [{progress}]", *hints, after="\n  ›")


class QuestionaryPrompter:
    """Asks with questionary and prompt_toolkit, in the person's language."""

    def __init__(self, catalog: Catalog, lang: Lang, io: Mapping[str, Any] | None = None) -> None:
        self.catalog = catalog
        self.lang = lang
        self.io = dict(io or {})

    # -- the session's interface ----------------------------------------------------------------
    def ask(self, q: Question, *, number: int, total: int, default: Answer | None, can_go_back: bool) -> Answer | str:
        """Ask one question; return its value, or BACK."""
        lang = self.lang
        progress = word("w.progress", lang, n=number, total=total) if total else word("w.progress_first", lang, n=number)
        got: Answer | str
        if q.choices_from == "services":
            got = self._service(q, progress)
        elif q.type == "select" and len(q.choices) > SEARCHABLE:
            got = self._picker(q, progress, default, can_go_back)
        elif q.type in ("select", "confirm"):
            got = self._select(q, progress, default, can_go_back)
        else:
            got = self._text(q, progress, default, can_go_back)
        return got

    def resume(self, answers: Mapping[str, Answer], saved: float) -> bool:
        """Offer to carry on with answers kept when the person stopped half-way."""
        import datetime

        service = self.catalog.services.get(str(answers.get("service", "")))
        when = datetime.datetime.fromtimestamp(saved).strftime("%Y-%m-%d %H:%M")
        name = service.name.get(self.lang) if service is not None else "-"
        return bool(self._choose(word("w.resume", self.lang, when=when, service=printable(name)), [(word("w.yes", self.lang), True), (word("w.no", self.lang), False)]))

    def review(self, lines: Sequence[tuple[str, str, str]]) -> str:
        """Print every answer (wrapped, never cut), then offer "all correct" or a change of one."""
        lang = self.lang
        self._print_summary(lines)
        width = shutil.get_terminal_size().columns - 6
        choices: list[Any] = [QChoice(word("w.show", lang), value=DONE)]
        for n, (qid, prompt, _label) in enumerate(lines, 1):
            choices.append(QChoice(_shorten(word("w.change_n", lang, n=n, prompt=prompt), width), value=qid))
        choices.append(QChoice(word("w.start_again", lang), value=RESTART))
        return self._choose(word("w.review", lang), choices)  # type: ignore[no-any-return]

    def _choose(self, prompt: str, choices: Sequence[Any], *, keys: str = "", help: str = "", default: Any = None, back: bool = False) -> Any:
        """A select (question, help, keys: broken to the window's width), said again once answered."""
        choices = [c if isinstance(c, QChoice) else QChoice(c[0], value=c[1]) for c in choices]
        keys = keys or word("w.keys", self.lang)
        text = message(prompt, help, keys) if help else message(prompt + ("" if prompt[-1:] in "：？" else " ") + keys)
        first = next((c for c in choices if c.value == default), None)
        got = _run(questionary.select(text, choices=choices, default=first, instruction=" ", use_jk_keys=True, **self.io), back)
        if got != BACK:
            self._echo(prompt, next((str(c.title) for c in choices if c.value == got), str(got)))
        return got

    def _echo(self, prompt: str, answer: str) -> None:
        echo(prompt, printable(answer), self.io.get("output"), questionary.constants.DEFAULT_STYLE)

    # -- the kinds of prompt ------------------------------------------------------------------------
    def _autocomplete(
        self, message: str, find: Callable[[str], list[Row]], validate: Validator | None, *, first_when_empty: bool,
        clear: Callable[[str], bool] | None = None, back: bool = False,
    ) -> str:
        """A text prompt with a menu of what matches the text so far; Enter takes the highlighted
        row, or the first one when none is highlighted (an empty text only if `first_when_empty`;
        with `clear`, only when that row clearly leads). A line says so when nothing matches."""
        lang = self.lang
        question = questionary.autocomplete(
            message,
            choices=[],
            completer=_Rows(find),
            validate=validate,
            complete_while_typing=True,
            reserve_space_for_menu=MENU_ROWS,
            key_bindings=_enter_takes_first(find, first_when_empty, clear),
            bottom_toolbar=_toolbar(find, lambda typed: word("w.no_match", lang, text=printable(typed))),
            **self.io,
        )
        buffer = question.application.current_buffer
        question.application.pre_run_callables.append(lambda: buffer.start_completion(select_first=False))
        return str(_run(question, back)).strip()

    def service_rows(self) -> tuple[Callable[[str], list[Row]], dict[str, str]]:
        """The service picker's rows for what was typed (re-ranked at each keystroke), and the service each label names."""
        from hanban.find.search import MAX_QUERY, search
        lang = self.lang
        ordered = self.catalog.first_service_choices(FIRST_ROWS)  # (not all 66,000: typing finds the rest)
        notes = {s.id: word(f"category.{s.category}", lang) for s in ordered}
        by_label = {s.name.get(lang): s.id for s in reversed(ordered)}  # the first of equal names wins

        def find(typed: str) -> list[Row]:
            if not typed.strip():
                return [(s.name.get(lang), notes[s.id], s.id) for s in ordered]
            if len(typed) > MAX_QUERY:  # (said when Enter is pressed)
                return []
            hits = search(self.catalog, typed, 12, typing=True)
            for h in hits:  # a label offered names its first service; a category is read once
                by_label.setdefault(h.name.get(lang), h.id)
                if h.id not in notes:
                    notes[h.id] = word(f"category.{self.catalog.service(h.id).category}", lang)
            return [(h.name.get(lang), notes[h.id], h.id) for h in hits]

        return find, by_label

    def _service(self, q: Question, progress: str) -> str:
        """What do you need to get done: typed in any script, pinyin or English; search ranks it."""
        from hanban.find.resolve import is_clear
        from hanban.find.search import MAX_QUERY, QueryTooLong, search

        lang = self.lang
        find, by_label = self.service_rows()
        prompt = printable(q.prompt.get(lang))
        text = _message(prompt, progress, word("w.type_to_find", lang))
        while True:
            typed = self._autocomplete(text, find, None, first_when_empty=False)
            if typed in by_label:
                self._echo(prompt, typed)
                return by_label[typed]
            if not typed:
                print(word("w.need_something", lang), file=sys.stderr)
                continue
            if len(typed) > MAX_QUERY:
                print(QueryTooLong(MAX_QUERY).text(lang), file=sys.stderr)
                continue
            hits = search(self.catalog, typed, 6)
            if hits and is_clear(hits[0].score, hits[1].score if len(hits) > 1 else None):
                self._echo(prompt, hits[0].name.get(lang))
                return hits[0].id
            if not hits:
                print(word("w.nothing_found", lang, text=printable(typed)), file=sys.stderr)
                continue
            choices = [QChoice(h.name.get(lang), value=h.id) for h in hits] + [QChoice(word("w.none_of_these", lang), value=BACK)]
            got = self._choose(word("w.which_one", lang), choices)
            if got != BACK:
                return str(got)

    def _picker(self, q: Question, progress: str, default: Answer | None, can_go_back: bool) -> Answer | str:
        """A long list of choices (provinces, passports): type any script, the id or pinyin; Enter alone takes the default."""
        lang = self.lang
        rows = _PickerRows(q, lang, default, can_go_back)
        hints = ([printable(q.help.get(lang))] if q.help else []) + [word("w.type_to_find", lang)]
        if default is not None and (chosen := q.choice(default)) is not None:
            hints.append(word("w.enter_default", lang, label=chosen.label.get(lang)))
        text = _message(printable(q.prompt.get(lang)), progress, *hints)
        typed = self._autocomplete(
            text, rows.find, _Which(rows.pick, rows.which), first_when_empty=default is not None, clear=rows.clear, back=can_go_back
        )
        got = rows.pick(typed)
        if not isinstance(got, (str, int, bool)) or got == BACK:
            return BACK
        self._echo(printable(q.prompt.get(lang)), next((r[0] for r in rows.rows if r[2] == got), str(got)))
        return got

    def _select(self, q: Question, progress: str, default: Answer | None, can_go_back: bool) -> Answer | str:
        lang = self.lang
        if q.type == "confirm":
            choices = [QChoice(word("w.yes", lang), value=True), QChoice(word("w.no", lang), value=False)]
        else:
            choices = [QChoice(c.label.get(lang), value=c.value) for c in q.choices]
        if can_go_back:
            choices.append(QChoice(word("w.back", lang), value=BACK))
        keys = f"[{progress}] " + word("w.keys", lang)
        help = printable(q.help.get(lang)) if q.help else ""
        return self._choose(printable(q.prompt.get(lang)), choices, keys=keys, help=help, default=default, back=can_go_back)  # type: ignore[no-any-return]

    def _text(self, q: Question, progress: str, default: Answer | None, can_go_back: bool) -> Answer | str:
        from hanban.errors import AnswerError
        from hanban.wizard.answers import coerce

        lang = self.lang
        hint = f"[{progress}] " + (word("w.text_back", lang) if can_go_back else "")

        def valid(text: str) -> bool | str:
            if can_go_back and text.strip() == TEXT_BACK:
                return True
            try:
                coerce(q, text)
            except AnswerError as exc:
                return exc.text(lang)
            return True

        prompt = printable(q.prompt.get(lang))
        got = _run(questionary.text(message(f"{prompt} {hint}"), default="" if default is None else str(default), validate=valid, **self.io), can_go_back)
        if can_go_back and (got == BACK or str(got).strip() == TEXT_BACK):
            return BACK
        self._echo(prompt, str(got).strip())
        return coerce(q, got)

    def _print_summary(self, lines: Sequence[tuple[str, str, str]]) -> None:
        """The answers as a numbered list, wrapped with a hanging indent (nothing is cut)."""
        from io import StringIO

        from rich.console import Console

        from hanban.render.wrap import Hanging

        drawn_elsewhere = self.io.get("output") is not None  # a test's output: keep stdout clean
        console = Console(file=StringIO() if drawn_elsewhere else None, highlight=False, markup=False)
        console.print(word("w.summary", self.lang))
        indent = " " * (len(str(len(lines))) + 2)
        for n, (_qid, prompt, label) in enumerate(lines, 1):
            console.print(Hanging(f"{n}.".ljust(len(indent)), printable(prompt)))
            console.print(Hanging(indent + "→ ", printable(label)))

