"""User-facing failures: one exception type per kind, each mapped to an exit code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hanban.strings import Lang

# C0 controls but tab and newline, DEL, C1 controls, the bidirectional overrides and isolates, and
# lone surrogates (a file name that is not UTF-8): what must never reach a terminal raw (escape
# sequences can recolour, retitle or rewrite the screen). Catalog text refuses them outright.
CONTROL_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
CONTROL_RE = re.compile(f"[{CONTROL_CHARS}]")
# Characters that do not show, or change how the text around them shows: soft hyphen, Arabic letter
# mark, Mongolian vowel separator, zero-width space and joiners, direction marks, line and paragraph
# separators, word joiner and invisible operators, deprecated format characters, byte-order mark,
# interlinear annotation, tag characters. They make look-alike names: refused in ids, names and file
# names, escaped in any other text that reaches output.
INVISIBLE_CHARS = "\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f"
UNSAFE_RE = re.compile(f"[{CONTROL_CHARS}{INVISIBLE_CHARS}]")
# A name (of a service, a file, ...) holds none of these, tab and newline included.
NAME_UNSAFE_RE = re.compile(f"[\t\n{CONTROL_CHARS}{INVISIBLE_CHARS}]")
# In a field of a tab-separated line: what printable() escapes, and tab and newline too.
FIELD_UNSAFE_RE = NAME_UNSAFE_RE
MAX_MESSAGE_LINE = 1000


def _escape(c: re.Match[str]) -> str:
    return c.group().encode("unicode_escape", "backslashreplace").decode("ascii")


def printable(text: str, limit: int | None = MAX_MESSAGE_LINE) -> str:
    """`text` safe for any output: control and invisible characters escaped (`\\x1b`, `\\u200b`),
    lines over `limit` characters elided in the middle (None: no limit, for data).

    The one filter every string that reaches stdout, stderr or a shell's completion list goes
    through, whatever its origin (catalog text, file names, cache rows, what a person typed)."""
    if UNSAFE_RE.search(text):
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
    return FIELD_UNSAFE_RE.sub(_escape, text) if FIELD_UNSAFE_RE.search(text) else text


def unsafe_in_name(text: str) -> str | None:
    """The first character a name may not hold (control, invisible, tab, newline), as U+XXXX; or None."""
    found = NAME_UNSAFE_RE.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


class ExitStatus(IntEnum):
    """Exit codes every command keeps to (documented in the README)."""

    OK = 0
    NOT_FOUND = 1  # nothing matched, or problems were found
    USAGE = 2  # bad input: usage, unknown service, bad answers, unreadable catalog
    REFUSED = 3  # a catalog pack was refused (or there is nothing to roll back to): nothing was changed
    INTERRUPTED = 130  # Ctrl-C


@dataclass(frozen=True)
class Problem:
    """One problem in a catalog file, printed as FILE:LINE: field.path: message."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return printable(text)  # a file name or key from an overlay may carry escape sequences


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

        return word(self.key, lang, **self.params)


class CatalogError(HanbanError):
    """The catalog (built-in or an overlay) is broken: carries every problem found."""

    exit_code = ExitStatus.USAGE

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


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
    pack store cannot do what was asked now: nothing was changed."""

    exit_code = ExitStatus.REFUSED
