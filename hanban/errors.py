"""User-facing failures: one exception type per kind, each mapped to an exit code."""

from __future__ import annotations

import re
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from hanban.strings import Lang

# C0 controls but tab and newline, DEL, C1 controls, the bidirectional overrides and isolates, and
# lone surrogates (a file name that is not UTF-8): what must never reach a terminal raw (escape
# sequences can recolour, retitle or rewrite the screen). Catalog text refuses them outright.
CONTROL_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"


class LazyPattern:
    """A regular expression compiled when first used. These character classes take about half a
    millisecond each to compile, on every run, and most runs never need them: every character they
    match is one `str.isprintable()` refuses, so text that is printable is never searched."""

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        return self.compiled.sub(repl, text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)


CONTROL_RE = LazyPattern(f"[{CONTROL_CHARS}]")
# Characters that do not show, or change how the text around them shows: soft hyphen, Arabic letter
# mark, Mongolian vowel separator, zero-width space and joiners, direction marks, line and paragraph
# separators, word joiner and invisible operators, deprecated format characters, byte-order mark,
# interlinear annotation, tag characters. They make look-alike names: refused in ids, names and file
# names, escaped in any other text that reaches output.
INVISIBLE_CHARS = "\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f"
UNSAFE_RE = LazyPattern(f"[{CONTROL_CHARS}{INVISIBLE_CHARS}]")
# A name (of a service, a file, ...) holds none of these, tab and newline included.
NAME_UNSAFE_RE = LazyPattern(f"[\t\n{CONTROL_CHARS}{INVISIBLE_CHARS}]")
# In a field of a tab-separated line: what printable() escapes, and tab and newline too.
FIELD_UNSAFE_RE = NAME_UNSAFE_RE
MAX_MESSAGE_LINE = 1000


def _escape(c: re.Match[str]) -> str:
    return c.group().encode("unicode_escape", "backslashreplace").decode("ascii")


_TAB_NEWLINE = str.maketrans("\t\n", "  ")


def has_unsafe(text: str) -> bool:
    """Whether `text` holds a character `printable()` escapes (tab and newline are safe)."""
    return not text.isprintable() and not text.translate(_TAB_NEWLINE).isprintable() and UNSAFE_RE.search(text) is not None


def printable(text: str, limit: int | None = MAX_MESSAGE_LINE) -> str:
    """`text` safe for any output: control and invisible characters escaped (`\\x1b`, `\\u200b`),
    lines over `limit` characters elided in the middle (None: no limit, for data).

    The one filter every string that reaches stdout, stderr or a shell's completion list goes
    through, whatever its origin (catalog text, file names, cache rows, what a person typed)."""
    if has_unsafe(text):
        text = UNSAFE_RE.sub(_escape, text)
    if limit is None or len(text) <= limit:
        return text
    half = limit // 2
    return "\n".join(
        line if len(line) <= limit else f"{line[:half]} ...({len(line) - 2 * half:,} characters left out)... {line[-half:]}"
        for line in text.split("\n")
    )


def field(text: str) -> str:
    """One field of a tab-separated line: printable, with tab and newline escaped too (`\\t`, `\\n`),
    so a field can never add a column or a row."""
    return FIELD_UNSAFE_RE.sub(_escape, text) if not text.isprintable() and FIELD_UNSAFE_RE.search(text) else text


def unsafe_in_name(text: str) -> str | None:
    """The first character a name may not hold (control, invisible, tab, newline), as U+XXXX; or None."""
    found = None if text.isprintable() else NAME_UNSAFE_RE.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


class ExitStatus(IntEnum):
    """Exit codes every command keeps to (documented in the README)."""

    OK = 0
    NOT_FOUND = 1  # nothing matched, or problems were found
    USAGE = 2  # bad input: usage, unknown service, bad answers, unreadable catalog
    REFUSED = 3  # a catalog pack was refused (or there is nothing to roll back to): nothing was changed
    HANGUP = 129  # SIGHUP during the wizard (the terminal went away): 128 + 1
    INTERRUPTED = 130  # Ctrl-C
    TERMINATED = 143  # SIGTERM during the wizard: 128 + 15


class Stopped(KeyboardInterrupt):
    """A SIGTERM or SIGHUP during the wizard, handled as Ctrl-C is (the answers kept, one line,
    nothing half-written), with its own exit status (128 + the signal's number)."""

    def __init__(self, signum: int, name: str) -> None:
        super().__init__(name)
        self.signum = signum
        self.name = name


class _Record:
    """An immutable value compared by its fields (plain classes: a dataclass would write its
    methods on every run's start-up, for two types that are rarely made)."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, f) for f in self._fields)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()

    def __hash__(self) -> int:  # a value it names may be a list read from YAML: only the first four
        return hash(self._values()[:4])

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{f}={getattr(self, f)!r}' for f in self._fields)})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __reduce__(self) -> tuple[object, ...]:  # (problems travel back from the parsing processes)
        return _remake, (type(self), self._values())


def _remake(cls: type[_Record], values: tuple[object, ...]) -> _Record:
    made = object.__new__(cls)
    for name, value in zip(cls._fields, values, strict=True):
        object.__setattr__(made, name, value)
    return made


class Phrase(_Record):
    """Words of the string table that a message names as a value (what a YAML value is: "a list"),
    rendered in the message's language."""

    __slots__ = ("key", "params")
    _fields = __slots__
    key: str
    params: tuple[tuple[str, object], ...]

    def __init__(self, key: str, /, **params: object) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "params", tuple(params.items()))

    def text(self, lang: Lang) -> str:
        """The words in `lang`."""
        from hanban.strings import render

        return render(self.key, lang, **localized(self.params, lang))


class Problem(_Record):
    """One problem in a catalog file, printed as FILE:LINE: field.path: message.

    The message is a key of the string table and the values it names (`Problem(file, 3,
    "services[0].catgory", "problem.unknown_key_hint", hint="category")`), so it is printed in the
    reader's language (`text(lang)`); `str()` and `message` are English. File names, field paths
    and the catalog's own values are printed as they are, in every language.
    """

    __slots__ = ("field", "file", "key", "line", "params")
    _fields = ("file", "line", "field", "key", "params")
    file: str
    line: int
    field: str
    key: str
    params: tuple[tuple[str, object], ...]

    def __init__(self, file: str, line: int, field: str, key: str, /, **params: object) -> None:
        object.__setattr__(self, "file", file)
        object.__setattr__(self, "line", line)
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "params", tuple(params.items()))

    def message_in(self, lang: Lang) -> str:
        """The message alone (no file, line or field), in `lang`."""
        from hanban.strings import render

        return render(self.key, lang, **localized(self.params, lang))

    @property
    def message(self) -> str:
        """The message alone, in English."""
        return self.message_in("en")

    def text(self, lang: Lang) -> str:
        """FILE:LINE: field.path: message, the message in `lang`, safe to print."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        message = self.message_in(lang)
        text = f"{where}: {self.field}: {message}" if self.field else f"{where}: {message}"
        return printable(text)  # a file name or key from an overlay may carry escape sequences

    def __str__(self) -> str:
        return self.text("en")


def localized(params: Iterable[tuple[str, object]], lang: Lang) -> dict[str, object]:
    """A message's values, those that are words themselves (a `Phrase`, a `Problem`, an error) in `lang`."""
    return {name: v.text(lang) if isinstance(v, (Phrase, Problem, HanbanError)) else v for name, v in params}


class HanbanError(Exception):
    """Base of every error the CLI turns into a message and an exit code.

    Raise it with a key of the string table (`hanban.strings`) and the values its placeholders
    take, so the person reads it in their language: `AnswerError(key="err.answer_required", q=qid)`.
    A plain message (English) is for messages not yet in the table.
    """

    exit_code: int = ExitStatus.USAGE

    def __init__(self, message: str = "", *, key: str = "", **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(message or (self.text("en") if key else ""))

    def text(self, lang: Lang) -> str:
        """The message in `lang`."""
        if not self.key:
            return str(self)
        from hanban.strings import word

        return word(self.key, lang, **localized(self.params.items(), lang))


class CatalogError(HanbanError):
    """The catalog (built-in or an overlay) is broken: carries every problem found."""

    exit_code = ExitStatus.USAGE

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def text(self, lang: Lang) -> str:
        """Every problem, one line each, in `lang`."""
        return "\n".join(p.text(lang) for p in self.problems)


class NotFound(HanbanError):
    """A named service (or other entry) does not exist."""

    exit_code = ExitStatus.USAGE

    def __init__(self, message: str = "", candidates: tuple[str, ...] = (), *, key: str = "", **params: object) -> None:
        self.candidates = candidates
        super().__init__(message, key=key, **params)


class AnswerError(HanbanError):
    """An answer (typed, --set or from a file) is not acceptable."""

    exit_code = ExitStatus.USAGE


class OutputError(HanbanError):
    """An output file cannot or may not be written."""

    exit_code = ExitStatus.USAGE


class PackRefused(HanbanError):
    """A catalog pack was refused (damaged, unsafe, unverifiable, invalid, not downloadable), or the
    pack store cannot do what was asked now: nothing was changed. Said in one line: a line break in
    what the pack names (a member called "a\nb") is written escaped."""

    exit_code = ExitStatus.REFUSED

    def __init__(self, message: str = "", *, key: str = "", **params: object) -> None:
        one_line = {k: v.replace("\r", "\\r").replace("\n", "\\n") if isinstance(v, str) else v for k, v in params.items()}
        super().__init__(message, key=key, **one_line)
