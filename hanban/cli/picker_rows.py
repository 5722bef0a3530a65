"""The rows of a long list (provinces, passports) for what has been typed: pure, no terminal, so
the picker's ranking is tested and benchmarked without prompt_toolkit."""

from __future__ import annotations

from hanban.catalog.wizard_model import Answer, Question
from hanban.errors import printable
from hanban.find import pinyin
from hanban.strings import Lang, word
from hanban.wizard.session import BACK

TEXT_BACK = "<"

Row = tuple[str, str, object]  # (label shown and typed in, a note beside it, the value it stands for)


class PickerRows:
    """The rows of a long list for what has been typed: ranked by how well they match (the whole
    name, its start, anywhere in it, then pinyin), which one Enter may take, and why not."""

    def __init__(self, q: Question, lang: Lang, default: Answer | None, can_go_back: bool) -> None:
        self.lang = lang
        self.default = default
        self.can_go_back = can_go_back
        self.choices = sorted(q.choices, key=lambda c: c.value != default)  # the default first
        self.rows: list[Row] = [(c.label.get(lang), c.label.en if lang != "en" else c.label.zh_hans, c.value) for c in self.choices]
        if can_go_back:
            self.rows.append((word("w.back", lang), "", BACK))
        # Each row's names, folded once (a key re-ranks every row: 194 passports at each keystroke).
        self.names = [
            [n.casefold() for n in [row[0], *([c.label.zh_hans, c.label.zh_hant, c.label.en, c.value] if c else [])]]
            for row, c in zip(self.rows, [*self.choices, None])
        ]
        self._last: tuple[str, list[tuple[float, int, Row]]] = ("", [])

    def ranked(self, typed: str) -> list[tuple[float, int, Row]]:
        t = typed.strip().casefold()
        if not t:
            return [(0.0, i, row) for i, row in enumerate(self.rows)]
        if self._last[0] == t:  # (the menu, Enter and the toolbar ask for the same text in turn)
            return self._last[1]
        letters = pinyin.letters(t)
        ranked = []
        for i, (row, c, names) in enumerate(zip(self.rows, [*self.choices, None], self.names)):
            if t in names:
                tier = 0.0
            elif any(n.startswith(t) for n in names):
                tier = 1.0
            elif any(t in n for n in names):
                tier = 2.0
            elif letters and c is not None and (sound := pinyin.score(letters, c.pinyin)):
                tier = 3.0 - sound
            else:
                continue
            ranked.append((tier, i, row))
        self._last = (t, sorted(ranked))
        return self._last[1]

    def find(self, typed: str) -> list[Row]:
        return [row for _, _, row in self.ranked(typed)]

    def clear(self, typed: str) -> bool:
        """The first row leads: the only one, or the only one in the best tier (河 is not clear)."""
        ranked = self.ranked(typed)
        return len(ranked) == 1 or (len(ranked) > 1 and ranked[0][0] < ranked[1][0])

    def pick(self, typed: str) -> object | None:
        if not typed.strip():
            return self.default if self.default is not None else None
        if typed.strip() == TEXT_BACK and self.can_go_back:
            return BACK
        found = self.find(typed)
        exact = [r for r in found if r[0].casefold() == typed.strip().casefold()]
        if exact or len(found) == 1:
            return (exact or found)[0][2]
        return None

    def which(self, typed: str) -> str:
        """Why Enter did not choose: nothing matches, or several do (河北、河南…)."""
        found = [r[0] for r in self.find(typed) if r[2] != BACK]
        if not found:
            return word("w.no_match", self.lang, text=printable(typed))
        more = "…" if len(found) > 4 else ""
        return word("w.ambiguous", self.lang, text=printable(typed), options=word("punct.list_sep", self.lang).join(found[:4]) + more)
