"""The text forms finding compares, side by side:

- `exact_key`: a name as typed, only width, case and spacing folded (``ＩＤ  Card`` == ``id card``):
  what `show` and `--set service=` match exactly;
- `search_form`: also punctuation to spaces (``no-crime-certificate`` == ``no crime certificate``)
  and regional spellings to the mainland's (身分证 -> 身份证): what search scores on;
- `fold`: a query's search form, Traditional folded to Simplified with OpenCC when it may be
  Traditional (OpenCC is imported only then, and conversions are cached).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import opencc

# Regional spellings folded after Traditional -> Simplified (Taiwan writes 身分證, the mainland 身份证).
VARIANTS: tuple[tuple[str, str], ...] = (("身分证", "身份证"), ("纪录", "记录"), ("登记簿", "户口簿"))
_NOT_WORD = re.compile(r"[^\w]+|_+")


def is_cjk(c: str) -> bool:
    """A Chinese character (CJK unified ideographs, extension A, compatibility ideographs)."""
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


def exact_key(text: str) -> str:
    """Case-, width- and spacing-insensitive form (full-width letters fold to half-width)."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def normalize(text: str) -> str:
    """NFKC (full-width -> half-width), casefold, punctuation to spaces, spaces collapsed."""
    return " ".join(_NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split())


def fold_variants(text: str) -> str:
    """Regional spellings to the mainland ones the catalog uses."""
    for old, new in VARIANTS:
        text = text.replace(old, new)
    return text


def search_form(text: str) -> str:
    """How search compares a text: normalised, regional spellings folded."""
    return fold_variants(normalize(text))


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    import opencc  # ~15-50 ms to import: only when a query may be Traditional

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1024)
def to_simplified(text: str) -> str:
    """Traditional -> Simplified Chinese (OpenCC t2s), cached; ASCII text is returned as is."""
    if not text or text.isascii():
        return text
    return str(_t2s().convert(text))


def may_be_traditional(text: str, known: frozenset[str] | None = None) -> bool:
    """Whether `text` holds a Chinese character outside `known` (the catalog's Simplified characters)."""
    chars = {c for c in text if is_cjk(c)}
    if not chars:
        return False
    return known is None or not chars <= known


def fold(text: str, known: frozenset[str] | None = None) -> str:
    """The matching form of a query: normalised, Traditional -> Simplified when it may be Traditional."""
    q = normalize(text)
    if may_be_traditional(q, known):
        q = normalize(to_simplified(q))
    return fold_variants(q)
