"""Random keystrokes for the wizard (`hanban ask` on a terminal), shared by the property test
(tests/cli/test_keystrokes.py, a small CI budget) and `benchmarks/keystrokes.py` (as long as asked).

Each run types a random sequence — arrows, Enter, Backspace, Esc, Tab, Ctrl-C, Ctrl-D, function
keys, mouse reports, half escape sequences, printable ASCII and Chinese, bracketed pastes — into `hanban ask` through prompt_toolkit's pipe input, for a
random service (or none, so the first question is asked too) and language, on the shipped flow or
one with a number and a text question added; then the input ends (as Ctrl-D would). Every run must
end in a checklist (exit 0, nothing on stderr) or the documented interrupt (exit 130, the one line
"hanban: interrupted", in the person's language, after the line saying the answers so far are
kept when there are some), never anything else.
"""

from __future__ import annotations

import io
from dataclasses import replace
from typing import Any

from hypothesis import strategies as st
from prompt_toolkit.input.defaults import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from hanban.catalog.model import Text
from hanban.catalog.store import Catalog
from hanban.catalog.wizard_model import Question
from hanban.cli import prompts
from hanban.cli.app import app
from hanban.cli.context import Invocation, Io
from hanban.strings import LANGS, word
from wizard_helpers import real

KEYS = {
    "up": "\x1b[A", "down": "\x1b[B", "right": "\x1b[C", "left": "\x1b[D", "home": "\x1b[H", "end": "\x1b[F",
    "page up": "\x1b[5~", "delete": "\x1b[3~", "enter": "\r", "newline": "\n", "backspace": "\x7f", "esc": "\x1b",
    "tab": "\t", "ctrl-c": "\x03", "ctrl-d": "\x04", "ctrl-a": "\x01", "ctrl-u": "\x15", "j": "j", "k": "k", "back": "<",
    "ctrl-space": "\x00", "f1": "\x1bOP", "alt-x": "\x1bx", "mouse": "\x1b[<0;10;5M", "cursor report": "\x1b[5;1R",
    "half a sequence": "\x1b[",
}
TYPED = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789 -<>?身份证丢补办户口迁移签证北京河南無犯罪記錄"), min_size=1, max_size=8)
PASTE = st.text(min_size=1, max_size=60).map(lambda t: "\x1b[200~" + t + "\x1b[201~")
KEYSTROKE = st.one_of(st.sampled_from(list(KEYS.values())), st.sampled_from(list(KEYS.values())), TYPED, PASTE)
SEQUENCES = st.lists(KEYSTROKE, max_size=40).map("".join)

EXTRA = (
    Question("age", "number", Text("年龄？", "Age?", "年齡？"), minimum=0, maximum=150),
    Question("note", "text", Text("备注？", "A note?", "備註？")),
)


def services() -> list[str | None]:
    cat, _ = real()
    return [None, *cat.services]


def scenarios() -> st.SearchStrategy[tuple[str, str | None, str, bool]]:
    """(keystrokes, preset service or None, language, with the extra number and text questions)."""
    return st.tuples(SEQUENCES, st.sampled_from(services()), st.sampled_from(list(LANGS)), st.booleans())


def catalog(extended: bool) -> Catalog:
    cat, wiz = real()
    if not extended:
        return cat
    return Catalog(cat.services, cat.tables, replace(wiz, questions=wiz.questions + EXTRA))


def drive(keys: str, service: str | None, lang: str, extended: bool) -> tuple[int, str, str]:
    """Run `hanban ask` on a (pretend) terminal fed `keys`, then end of input: (exit code, stdout, stderr)."""
    cat = catalog(extended)
    real_init = prompts.QuestionaryPrompter.__init__
    with create_pipe_input() as inp:
        inp.send_text(keys)
        inp.close()  # the input ends after the keys: a prompt still waiting sees end of input

        def init(self: Any, catalog: Any, lang: Any, io: Any = None) -> None:
            real_init(self, catalog, lang, io={"input": inp, "output": DummyOutput()})

        out, err = io.StringIO(), io.StringIO()
        terminal = Io(io.StringIO(), out, err, True, True, False)
        saved = (prompts.QuestionaryPrompter.__init__, Invocation.catalog)
        prompts.QuestionaryPrompter.__init__ = init  # type: ignore[method-assign]
        Invocation.catalog = lambda self: cat  # type: ignore[method-assign]
        try:
            args = ["--lang", lang, "ask", *(["--set", f"service={service}"] if service else [])]
            got = CliRunner().invoke(app, args, obj=terminal)
        finally:
            prompts.QuestionaryPrompter.__init__, Invocation.catalog = saved  # type: ignore[method-assign]
    if got.exception is not None and not isinstance(got.exception, SystemExit):
        raise got.exception
    return got.exit_code, out.getvalue(), err.getvalue()


def check(keys: str, service: str | None, lang: str, extended: bool) -> int:
    """One run ends in a checklist or the documented interrupt, and nothing else; its exit code."""
    code, out, err = drive(keys, service, lang, extended)
    assert code in (0, 130), (code, err)
    if code == 0:
        assert out.strip() and err == "", err
    else:
        kept = word("w.kept", lang) + "\n"  # (when some answer was given before the interrupt)  # type: ignore[arg-type]
        assert err.removeprefix(kept) == word("msg.interrupted", lang) + "\n" and out == "", (out, err)  # type: ignore[arg-type]
    return code


# -- the fewest keystrokes a person needs, from launch to checklist --------------------------------

DOWN, ENTER = "\x1b[B", "\r"


def typings(names: list[str]) -> list[str]:
    """What a person may type for a name without a Chinese input method: each prefix of its English
    words or of its pinyin (lower case), shortest first."""
    out: list[str] = []
    for name in names:
        name = name.lower()
        out += [name[:n] for n in range(1, len(name) + 1)]
    return sorted(dict.fromkeys(out), key=len)


def person_keys(answers: dict[str, Any], lang: str = "en") -> list[str]:
    """The fewest keystrokes (each a character or a key) that answer the wizard as `answers` does,
    then accept the summary: the shortest text that puts each answer first where the list is typed
    in, arrows then Enter where it is a short list."""
    from hanban.catalog.pinyin import syllables
    from hanban.find.search import search
    from hanban.wizard import flow

    cat, wiz = real()
    keys: list[str] = []
    given: dict[str, Any] = {}
    while True:
        pos = flow.walk(wiz.questions, given)
        q = pos.next
        if q is None:
            return [*keys, ENTER]  # the summary: all correct
        value = answers[q.id]
        default = given.get(q.default_from) if q.default_from else None
        if q.choices_from == "services":
            s = cat.services[value]
            names = [s.name.en, *s.aliases.get("en", ()), *s.pinyin, syllables(s.name.zh_hans).replace(" ", "")]
            typed = next(t for t in typings(names) if (hits := search(cat, t, 1, typing=True)) and hits[0].id == value)
            keys += [*typed, ENTER]
        elif q.type == "select" and len(q.choices) > prompts.SEARCHABLE:
            if default == value:
                keys.append(ENTER)
            else:
                rows = prompts._PickerRows(q, lang, default, bool(given))  # type: ignore[arg-type]
                c = q.choice(value)
                assert c is not None
                names = [c.value, c.label.en, c.pinyin.replace(" ", "")]
                typed = next(t for t in typings(names) if rows.clear(t) and rows.find(t)[0][2] == value)
                keys += [*typed, ENTER]
        else:
            order = [True, False] if q.type == "confirm" else [c.value for c in q.choices]
            start = order.index(default) if default in order else 0
            keys += [DOWN] * (order.index(value) - start) + [ENTER]
        given[q.id] = value
