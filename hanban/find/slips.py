"""What people get slightly wrong when they type, so that search still finds what they mean.

- a Latin word one slip from a known one (a letter left out, added or changed, two swapped:
  `pasport`, `foriegner`, `jiaozhao`) is read as that word (`respelled`);
- a Chinese name typed with one wrong character, as an input method's homophone gives it
  (居注证 for 居住证), still matches it (`one_character_off`);
- the words a question wraps around what it asks about (在外地可以办身份证吗) are dropped in a
  second reading of the query (`without_fillers`), so that 在外地办身份证 matches whole.

Each gives search another reading of the query, which counts a little less than the query as typed.
"""

from __future__ import annotations

from hanban.find.fields import Index, substantial
from hanban.find.objects import OBJECT_WORDS
from hanban.find.text import is_cjk

# Words a question wraps around what it asks about, longest first (能不能 before 能否).
FILLERS = ("请问", "能不能", "可不可以", "可以", "能否", "怎么办", "怎么", "如何", "吗", "呢", "啊", "吧")
FILLER_FACTOR = 0.95  # the question without them matches a little less than as typed
RESPELLED_FACTOR = 0.9  # a query with a mistyped word, likewise
HANZI_TYPO_SCORE = 0.6  # a name typed with one wrong character
MIN_RESPELL = 5  # letters: shorter words have too many neighbours to guess which was meant


def without_fillers(q: str) -> str:
    """The query with the words a question wraps around its subject dropped ("" when none is there)."""
    out = q
    for w in FILLERS:
        out = out.replace(w, "")
    out = " ".join(out.split())
    return out if out != q and substantial(out) else ""


def near_word(word: str, known: frozenset[str]) -> str | None:
    """A known word one slip from `word` (a letter left out, added, changed, or two swapped), None
    when there is none; of several, the first in sorted order (the same answer every time)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in letters}
    edits |= {a + c + b for a, b in splits for c in letters}
    found = sorted(edits & known)
    return found[0] if found else None


def respelled(q: str, index: Index) -> str:
    """The query with each Latin word of five letters or more that no service and no object or
    action form holds replaced by a known word one slip from it ("" when none is)."""
    words = q.split()
    known: frozenset[str] | None = None
    for i, w in enumerate(words):
        if len(w) >= MIN_RESPELL and w.isascii() and w.isalpha() and w not in OBJECT_WORDS and not index.document_frequency("w:" + w):
            known = index.words() | OBJECT_WORDS if known is None else known
            if (near := near_word(w, known)) is not None:
                words[i] = near
    out = " ".join(words)
    return out if out != q else ""


def one_character_off(q: str, t: str) -> bool:
    """Three or more Chinese characters that differ from a name's in exactly one place."""
    return len(q) == len(t) >= 3 and sum(a != b for a, b in zip(q, t)) == 1 and all(map(is_cjk, q + t))
