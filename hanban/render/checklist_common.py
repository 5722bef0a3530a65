"""Headings and helpers shared by the checklist renderers (no rich here)."""

from __future__ import annotations

from hanban import model as m
from hanban.checklist import Checklist, Item
from hanban.i18n import pick
from hanban.render.plain import source_label

HEADINGS: dict[str, tuple[str, str]] = {
    "title": ("办事清单", "Your checklist"),
    "answers": ("您的回答", "Your answers"),
    "channel": ("您可以怎么办", "How you can get it done"),
    "warning": ("注意", "Caveats"),
    "where": ("去哪里办", "Where to go"),
    "bring": ("需携带", "What to bring"),
    "may_be_exempt": ("如被要求提供，以下公安证照可能免交（不确定时请带上）", "Police-issued documents you may not have to hand in if asked for them (bring them if unsure)"),
    "step": ("步骤", "Steps"),
    "note": ("说明", "Notes"),
    "sources": ("资料来源", "Sources"),
    "as_of": ("信息截至", "Information as of"),
    "disclaimer": (
        "本清单依据所列资料生成；各地执行情况可能不同，请以当地公安机关为准。",
        "This checklist is built from the sources listed; local practice may differ, so the local police have the final word.",
    ),
}
SECTION_ORDER = ("channel", "warning", "where", "bring", "may_be_exempt", "step", "note")


def heading(key: str, lang: m.Lang) -> str:
    return pick(HEADINGS[key], lang)


def sections(cl: Checklist) -> list[tuple[str, list[Item]]]:
    """Items grouped by kind, in reading order, empty kinds left out."""
    out = []
    for kind in SECTION_ORDER:
        items = [it for it in cl.items if it.kind == kind]
        if items:
            out.append((kind, items))
    return out


def cites(item: Item, numbers: dict[m.Source, int]) -> str:
    return "".join(f"[{numbers[s]}]" for s in item.sources if s in numbers)


def source_line(src: m.Source, catalog: m.Catalog, lang: m.Lang) -> str:
    return f"{source_label(src, catalog, lang)}: “{src.quote}”"


def title(cl: Checklist, lang: m.Lang) -> str:
    return f"{heading('title', lang)}: {cl.service.name.get(lang)}"
