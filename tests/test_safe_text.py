"""The character checks every output goes through skip their regular expression for printable
text: that is right only if each character they match is one `str.isprintable()` refuses. Checked
here over every code point, so a character added to a class cannot slip past the shortcut."""

from __future__ import annotations

import sys

import pytest

from hanban import errors
from hanban.index import services

PATTERNS = {
    "CONTROL_RE": errors.CONTROL_RE,
    "UNSAFE_RE": errors.UNSAFE_RE,
    "NAME_UNSAFE_RE": errors.NAME_UNSAFE_RE,
    "RAW_RE": services.RAW_RE,
}
EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))


@pytest.mark.parametrize("name", PATTERNS)
def test_every_character_a_check_matches_is_not_printable(name: str) -> None:
    matched = [c for c in EVERY_CHARACTER if PATTERNS[name].search(c)]
    assert matched  # (the pattern matches something at all)
    assert [f"U+{ord(c):04X}" for c in matched if c.isprintable()] == []


def test_has_unsafe_agrees_with_the_full_search_for_every_character() -> None:
    unsafe = {c for c in EVERY_CHARACTER if errors.UNSAFE_RE.search(c)}
    for c in EVERY_CHARACTER:
        for text in (c, f"第一行\n{c}\tsecond", f"plain {c}"):
            assert errors.has_unsafe(text) == (c in unsafe), (f"U+{ord(c):04X}", text)


@pytest.mark.parametrize("text", ["身份证丢了", "line one\nline two\ttab", "\u3000全角空格", "", "nbsp\u00a0here"])
def test_safe_text_passes_every_check_unchanged(text: str) -> None:
    assert errors.printable(text, None) == text
    assert errors.field(text.replace("\n", " ").replace("\t", " ")) == text.replace("\n", " ").replace("\t", " ")
    assert errors.unsafe_in_name(text.replace("\n", "").replace("\t", "")) is None


@pytest.mark.parametrize("text", ["\x1b[31mred", "zero\u200bwidth", "bidi\u202eevil", "tag\U000e0041", "nl\n\x07bell"])
def test_unsafe_text_is_escaped_by_every_check(text: str) -> None:
    assert errors.has_unsafe(text)
    assert "\\" in errors.printable(text, None)
    assert errors.unsafe_in_name(text) is not None
    assert "\\" in errors.field(text)
