"""Streams whose encoding cannot hold every character (`PYTHONIOENCODING=ascii`, a Latin-1 locale):
what they cannot hold is printed as `?`, and one line at the end of the run says so and how to fix
it. Nothing raises, so exit codes stay what the command decided. JSON is written with `\\u`
escapes there instead (`ascii_only`), which lose nothing."""

from __future__ import annotations

import codecs
import io
from typing import IO, Any

from hanban.strings import Lang, word

HANDLER = "hanban-replace"
_state: dict[str, Any] = {"replaced": False, "lang": None}


def _replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    _state["replaced"] = True
    return "?" * (exc.end - exc.start), exc.end


def tolerate(*streams: IO[str] | None) -> None:
    """Make writing to these streams replace what their encoding cannot hold (and remember it)."""
    try:
        codecs.lookup_error(HANDLER)
    except LookupError:
        codecs.register_error(HANDLER, _replace)
    for stream in streams:
        if isinstance(stream, io.TextIOWrapper):
            try:
                stream.reconfigure(errors=HANDLER)
            except (ValueError, OSError):  # closed, or not reconfigurable
                pass


def remember_lang(lang: Lang) -> None:
    """The run's language, for the closing note."""
    _state["lang"] = lang


def ascii_only(stream: IO[str]) -> bool:
    """Whether `stream` cannot hold every character (its encoding is not a Unicode one)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return not codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return True


def note_replacements(stderr: IO[str], stdout: IO[str]) -> None:
    """One line on stderr when some character could not be printed (nothing otherwise)."""
    if not _state["replaced"]:
        return
    encoding = getattr(stdout, "encoding", None) or "?"
    lang: Lang = _state["lang"] or "en"
    text = word("enc.cannot_show", lang, encoding=encoding)
    try:
        text.encode(getattr(stderr, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = word("enc.cannot_show", "en", encoding=encoding)
    try:
        print(f"hanban: {text}", file=stderr)
    except (OSError, ValueError):
        pass
