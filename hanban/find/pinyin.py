"""Matching what a person types in Latin letters against the pinyin of Chinese names.

The pinyin was made when the catalog was compiled (`hanban.catalog.pinyin`): each name is a
string of syllables ("shen fen zheng"). A query matches by whole syllables, run together or not
(`shenfenzheng`, `shen fen`), from the start of a syllable and possibly stopping inside one (as
people type: `shenfenz`), or by initials from the start of a name (`sfz` for 身份证补办).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

MIN_SEARCH = 3  # letters: shorter queries match too many names to be worth it in search


def letters(query: str) -> str:
    """The query as a run of lower-case letters, or "" when it holds anything else."""
    q = "".join(unicodedata.normalize("NFKC", query).split()).lower()  # (full-width letters from an input method)
    return q if q.isascii() and q.isalpha() else ""


def score(q: str, form: str) -> float:
    """How well letters `q` match one pinyin form (0 when they do not)."""
    syls = form.split()
    if not q or not syls:
        return 0.0
    joined = "".join(syls)
    starts, ends, at = set(), set(), 0
    for s in syls:
        starts.add(at)
        at += len(s)
        ends.add(at)
    best = 0.0
    i = joined.find(q)
    while i >= 0:
        if i in starts:
            whole = (i + len(q)) in ends
            got = (0.55 + 0.4 * len(q) / len(joined)) * (1.0 if whole else 0.9)
            best = max(best, got)
        i = joined.find(q, i + 1)
    initials = "".join(s[0] for s in syls)
    if len(q) >= 2 and initials.startswith(q):  # from the start: `sfz` is 身份证…, not the middle of a name
        best = max(best, 0.5 + 0.4 * len(q) / len(initials))
    return best


def best(q: str, forms: Iterable[str]) -> tuple[float, str]:
    """The best score of letters `q` over `forms`, and that form."""
    top = (0.0, "")
    for form in forms:
        got = score(q, form)
        if got > top[0]:
            top = (got, form)
    return top
