"""User-facing failures: one exception type per kind, each mapped to an exit code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hanban.strings import Lang

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides: what must
# never reach a terminal raw (escape sequences can recolour, retitle or rewrite the screen).
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MAX_MESSAGE_LINE = 1000


def printable(text: str, limit: int = MAX_MESSAGE_LINE) -> str:
    """`text` safe for a terminal: control characters escaped (\\x1b), over-long lines elided."""
    text = CONTROL_RE.sub(lambda c: c.group().encode("unicode_escape").decode("ascii"), text)
    if len(text) <= limit:
        return text
    half = limit // 2
    return "\n".join(
        line if len(line) <= limit else f"{line[:half]} ...({len(line) - 2 * half:,} characters left out)... {line[-half:]}"
        for line in text.split("\n")
    )


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
