"""Pinyin of Chinese names, made when the catalog is compiled (pypinyin is never imported by a
command that reads a compiled catalog), so that a person can type `shenfenzheng` or `sfz`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

# Phrases pypinyin reads with the wrong sound for a character that has several.
PHRASES: dict[str, list[list[str]]] = {
    "长三角": [["cháng"], ["sān"], ["jiǎo"]],
}
_known: dict[str, str] = {}  # texts whose syllables are already known (`remember`): pypinyin not needed


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
    if text in _known:
        return _known[text]
    # pypinyin reads each run of Chinese characters on its own (its phrases never cross other
    # characters), so a run is read once however many names hold it: "北京户口迁移第" in
    # "北京户口迁移第0项" and "北京户口迁移第1项" (a large catalog's names share most of theirs).
    return " ".join(s for run in _han_runs().findall(text) if (s := _run_syllables(run)))


@lru_cache(maxsize=1)
def _han_runs() -> re.Pattern[str]:
    """The runs of characters pypinyin reads as Chinese: the runs its `simple_seg` splits a text
    into (character by character, in Python), found by one regular expression."""
    from pypinyin.constants import RE_HANS

    return re.compile(RE_HANS.pattern.removeprefix("^").removesuffix("$"))


@lru_cache(maxsize=65536)
def _run_syllables(run: str) -> str:
    p = _pypinyin()
    out = p.lazy_pinyin(run, style=p.Style.NORMAL, errors=lambda chars: [])
    return " ".join(s for s in out if s.isascii() and s.isalpha()).lower()


def known(entries: Iterable[Any]) -> dict[str, str]:
    """The syllables these services already hold, by the name or alias they were read from (where
    that can be told: `Service.pinyin` keeps each distinct reading once)."""
    from hanban.catalog.model import Service

    out: dict[str, str] = {}
    for e in entries:
        if isinstance(e, Service):
            texts = [t for t in (e.name.zh_hans, *e.aliases.get("zh-Hans", ())) if not t.isascii()]
            if len(e.pinyin) == len(texts):  # (then each text had a reading of its own, in this order)
                out.update(zip(texts, e.pinyin))
    return out


def remember(readings: Mapping[str, str]) -> None:
    """Take these readings as known (an edited file's old ones): an edit that adds no Chinese name
    is then compiled without loading pypinyin (about half a second)."""
    _known.update(readings)
