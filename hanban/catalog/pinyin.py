"""Pinyin of Chinese names, made when the catalog is compiled (pypinyin is never imported by a
command that reads a compiled catalog), so that a person can type `shenfenzheng` or `sfz`."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Phrases pypinyin reads with the wrong sound for a character that has several.
PHRASES: dict[str, list[list[str]]] = {
    "长三角": [["cháng"], ["sān"], ["jiǎo"]],
}


@lru_cache(maxsize=1)
def _pypinyin() -> Any:
    import pypinyin  # ~150 ms: only while compiling

    pypinyin.load_phrases_dict(PHRASES)
    return pypinyin


@lru_cache(maxsize=65536)
def syllables(text: str) -> str:
    """The pinyin syllables of the Chinese in `text`, space-separated, lower case, no tones
    ("身份证" -> "shen fen zheng"); other characters are left out. Empty when there is no Chinese."""
    if text.isascii():
        return ""
    p = _pypinyin()
    out = p.lazy_pinyin(text, style=p.Style.NORMAL, errors=lambda chars: [])
    return " ".join(s for s in out if s.isascii() and s.isalpha()).lower()
