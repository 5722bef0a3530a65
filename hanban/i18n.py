"""Language choice and interface strings; Traditional Chinese derived with OpenCC."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from hanban.model import LANGS, Lang

if TYPE_CHECKING:
    import opencc


def lang_from_locale(environ: Mapping[str, str] | None = None) -> Lang:
    """zh_TW/zh_HK/zh_MO (or zh_Hant) -> zh-Hant, en_* -> en, anything else -> zh-Hans."""
    env = os.environ if environ is None else environ
    value = ""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        if env.get(var):
            value = env[var].split(":")[0]
            break
    low = value.lower().replace("-", "_")
    if low.startswith("zh"):
        if any(tag in low for tag in ("_tw", "_hk", "_mo", "hant")):
            return "zh-Hant"
        return "zh-Hans"
    if low.startswith("en"):
        return "en"
    return "zh-Hans"


def parse_lang(value: str) -> Lang:
    """Accept zh-Hans / zh-Hant / en (case- and separator-insensitive)."""
    norm = value.strip().lower().replace("_", "-")
    for lang in LANGS:
        if lang.lower() == norm:
            return lang
    aliases: dict[str, Lang] = {"zh": "zh-Hans", "zh-cn": "zh-Hans", "zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "en-us": "en", "en-gb": "en"}
    if norm in aliases:
        return aliases[norm]
    raise ValueError(f"unknown language {value!r}; use one of: {', '.join(LANGS)}")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    import opencc  # heavy: imported only when Traditional text is needed

    return opencc.OpenCC("s2t")


# Conversions done ahead of time (the compiled index stores OpenCC's output for every catalog
# text), consulted first so that showing a catalog entry need not load OpenCC. See hanban.index.
KNOWN_TRADITIONAL: dict[str, str] = {}


@lru_cache(maxsize=8192)
def to_traditional(text: str) -> str:
    """Simplified -> Traditional Chinese (OpenCC s2t)."""
    if not text or text.isascii():
        return text
    known = KNOWN_TRADITIONAL.get(text)
    if known is not None:
        return known
    return str(_converter().convert(text))


# Interface strings: (zh-Hans, en). Traditional is derived.
UI: dict[str, tuple[str, str]] = {
    "one_window": ("一窗通办", "one-window service"),
    "fully_online": ("全程网办", "fully online service"),
    "cross_province": ("跨省通办", "cross-province service"),
    "nationwide": ("全国实施", "nationwide"),
    "pilot": ("试点", "pilot"),
    "exploring": ("探索中", "exploring"),
    "not_stated": ("资料未说明", "not stated"),
    "available": ("可办（推行范围资料未说明）", "available (how widely: not stated)"),
    "available_short": ("可办", "yes"),
    "channels": ("办理渠道", "Channels"),
    "documents": ("材料", "Documents"),
    "bring": ("需携带", "Bring"),
    "may_be_exempt": ("如被要求提供，以下公安证照可能免交（改革推进中，不确定时请携带）", "Police-issued documents you may not have to hand in if asked for them (reform under way: bring them if unsure)"),
    "exempt": ("免交", "Exempt"),
    "doc_not_stated": ("资料未说明", "Not stated"),
    "bring_not_stated": ("资料未说明需携带哪些材料：请向当地公安机关确认。", "The sources do not say what to bring: check with the local office."),
    "where": ("去哪里办", "Where to go"),
    "where_not_stated": ("资料未说明办理地点：请向当地公安机关确认。", "The sources do not say where: check with the local office."),
    "steps": ("步骤", "Steps"),
    "notes": ("说明", "Notes"),
    "figures": ("进展数据", "Figures"),
    "measures": ("相关措施", "Measures"),
    "sources": ("资料来源", "Sources"),
    "as_of": ("信息截至", "Information as of"),
    "regions": ("地区", "Regions"),
    "check_local": ("资料未说明：请向当地公安机关确认", "not stated: check with the local office"),
    "category": ("类别", "Category"),
    "audience": ("对象", "For"),
    "citizen": ("居民", "citizens"),
    "foreigner": ("外国人", "foreigners"),
    "business": ("企业", "businesses"),
    "defined_in": ("定义于", "Defined in"),
    "measure": ("第{n}条", "measure {n}"),
    "id": ("编号", "id"),
    "name": ("名称", "name"),
    "title": ("标题", "title"),
    "part": ("部分", "part"),
    "status": ("状态", "status"),
    "reform": ("改革举措", "reform"),
    "service": ("服务举措", "service"),
    "supervision": ("安全监管", "supervision"),
}


def pick(pair: tuple[str, str], lang: Lang, **fmt: object) -> str:
    """One of a (zh-Hans, en) pair of interface strings in `lang` (Traditional derived), formatted."""
    zh, en = pair
    text = en if lang == "en" else (to_traditional(zh) if lang == "zh-Hant" else zh)
    return text.format(**fmt) if fmt else text


def ui(key: str, lang: Lang, **fmt: object) -> str:
    """An interface string in `lang`."""
    return pick(UI[key], lang, **fmt)
