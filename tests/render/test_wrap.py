"""Line breaking for Chinese and Latin text, and every terminal screen drawn with it: at 40, 60
and 100 columns no line is too wide, no bullet stands alone, no line starts with closing
punctuation, and no number is split."""

from __future__ import annotations

import re
from io import StringIO
from itertools import islice, pairwise

import pytest
from rich.cells import cell_len
from rich.console import Console

from hanban.catalog import flowgraph
from hanban.catalog.age import Clock
from hanban.render.checklist_common import title as checklist_title
from hanban.render.checklist_terminal import print_checklist
from hanban.render.terminal import print_service
from hanban.render.views import service_view
from hanban.render.wrap import NO_START, wrap
from hanban.strings import LANGS, Lang
from hanban.wizard.checklist import build
from wizard_helpers import real

WIDTHS = (40, 60, 100)
CLOCK = Clock(today="2026-12-01")
TEXT = "跨省通办：可以——可以在居住地北京申请，不必回户籍地河南（2023年8月措施第15条要求全面实施“跨省通办”）。[2]"


@pytest.mark.parametrize("width", [8, 12, 20, 34, 60])
def test_chinese_breaks_between_characters_never_inside_a_number_or_before_closing_punctuation(width: int) -> None:
    lines = wrap(TEXT, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines) == TEXT  # nothing lost, nothing added (no spaces in this text)
    assert not any(line[0] in NO_START for line in lines[1:])
    for a, b in pairwise(lines):
        assert not (a[-1].isdigit() and b[0].isdigit()), (a, b)
    if width >= 12:  # (narrower, the last unbreakable piece 办”）。[2] is folded)
        assert any(line.endswith("办”）。[2]") for line in lines)  # the citation stays with its sentence


def test_latin_breaks_at_spaces_and_folds_only_a_word_wider_than_the_line() -> None:
    text = "Cross-province (跨省通办): yes — apply in Beijing, where you live. [2]"
    assert wrap(text, 26) == ["Cross-province (跨省通办):", "yes — apply in Beijing,", "where you live. [2]"]
    assert wrap(text, 24)[:2] == ["Cross-province (跨省通", "办): yes — apply in"]  # "):" never starts a line
    assert wrap("supercalifragilistic word", 8) == ["supercal", "ifragili", "stic", "word"]
    assert wrap("", 10) == [""]
    assert wrap("a\nb", 10) == ["a", "b"]


def _screen(draw: object, width: int) -> list[str]:
    out = StringIO()
    console = Console(file=out, width=width, force_terminal=False, color_system=None, highlight=False)
    draw(console)  # type: ignore[operator]
    return out.getvalue().splitlines()


def _check(lines: list[str], width: int, title: str | None = None) -> None:
    assert lines
    if title is not None:  # whole, on the top border or as the first lines (never cut by the border)
        text = "".join(line.strip("╭╮╰╯│─ ") for line in lines[:6]).replace(" ", "")
        assert title.replace(" ", "") in text, (title, lines[:4])
    for n, line in enumerate(lines):
        assert cell_len(line) <= width, line
        inner = line.strip("│ ").strip()
        assert inner not in ("•", "●", "⚠"), f"a bullet alone on line {n}: {lines[n - 1 : n + 2]}"
        if inner and n and line.startswith("│ ") and inner[0] in "，。、；：！？）」』】》":
            raise AssertionError(f"closing punctuation starts line {n}: {lines[n - 1 : n + 1]}")
    for a, b in pairwise(lines):
        left, right = a.rstrip("│ ").rstrip(), b.lstrip("│ ")
        if re.search(r"第\d+$", left) and re.match(r"\d", right):
            raise AssertionError(f"a measure number split: {a!r} / {b!r}")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_service_screen_reads_at_every_width(lang: Lang, width: int) -> None:
    cat, _ = real()
    for s in cat.services.values():
        view = service_view(s, cat, lang, CLOCK)
        _check(_screen(lambda c, v=view: print_service(c, v, lang), width), width, f"{view.name} ({view.id})")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_a_checklist_of_every_service_reads_at_every_width(lang: Lang, width: int) -> None:
    cat, wiz = real()
    graph = flowgraph.Graph(wiz, [s.id for s in cat.service_choices()])
    for s in cat.service_choices():
        for answers in islice(graph.paths(s.id), 2):
            cl = build(cat, cat.service(s.id), answers, CLOCK.today)
            lines = _screen(lambda c, cl=cl: print_checklist(c, cl, cat, lang, "As of 2023-08-03, 3 years ago"), width)
            _check(lines, width, checklist_title(cl, lang))
