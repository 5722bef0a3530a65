"""Simplified -> Traditional Chinese, done once when the catalog is compiled (never while a command runs).

OpenCC's `s2tw` (Taiwan characters) is the base: it writes 為, 群眾, 戶, 說 and 線 as the Hong Kong
source text (seed 002, Ta Kung Pao) does. A short reviewed list then mends what character-by-
character conversion gets wrong or writes otherwise than that source: 换发 (issue anew) must not
become 換髮 (hair), the source writes 台 (平台, 台灣) and 發布, and quotes 「」 rather than “”. `tests/catalog/test_hant.py`
holds every derived Traditional string (catalog and interface) to this list.

The interface words (hanban/strings.py) are not the sources' words but software's, which Taiwan
and Hong Kong write otherwise than the mainland (檔案 not 文件 for a file, 資料夾, 預設, 快取,
設定): `to_traditional_ui` converts them with OpenCC's `s2twp` (Taiwan phrases), the same fixes,
and a few more where phrase conversion overshoots (權限, not 許可權). The catalog keeps `s2tw`:
phrase conversion mistranslates the sources' government words (窗口, a service counter, would
become 視窗, a computer window; 程序 a procedure, 程式 a program; 社区 a neighbourhood, 社群).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from hanban.catalog.model import Service, Text

if TYPE_CHECKING:
    import opencc

CONFIG = "s2tw"
# (what conversion writes, what Traditional readers write), applied in order after OpenCC.
OVERRIDES: tuple[tuple[str, str], ...] = (
    ("換髮", "換發"),  # 换发 = issue anew (a visa, a licence), never 髮 (hair)
    ("免籤", "免簽"),  # 免签 = visa-free (簽證), never 籤 (a lot, a slip)
    ("發佈", "發布"),  # 发布: the source writes 發布會
    ("臺", "台"),  # 平台, 台灣: the source writes 台
    ("“", "「"),  # quotation marks as Traditional text writes them (the source: 「一窗通辦」)
    ("”", "」"),
    ("‘", "『"),
    ("’", "』"),
)


UI_CONFIG = "s2twp"
# Where phrase conversion overshoots in interface text (applied after OVERRIDES).
UI_OVERRIDES: tuple[tuple[str, str], ...] = (
    ("許可權", "權限"),  # 权限 = permissions, not 许可权 (licence right)
    ("十六進位制", "十六進位"),
    ("釋出者", "發布者"),  # the publisher of a text, not of software
    ("適用物件", "適用對象"),  # the people a service is for, not a programming object
    ("構建", "建置"),  # building software: Taiwan writes 建置
    ("釋出", "發布"),  # a page or a policy published (发布), not software released
    ("語言程式碼", "語言代碼"),  # a language code (zh-Hans), not program code
)


@lru_cache(maxsize=2)
def _converter(config: str = CONFIG) -> opencc.OpenCC:
    import opencc  # heavy: only the compile step (and `validate`) converts

    return opencc.OpenCC(config)


@lru_cache(maxsize=65536)
def to_traditional(text: str) -> str:
    """`text` in Traditional Chinese (OpenCC)."""
    if not text or text.isascii():
        return text
    out = str(_converter().convert(text))
    for wrong, right in OVERRIDES:
        out = out.replace(wrong, right)
    return out


def to_traditional_ui(text: str) -> str:
    """Interface text (hanban/strings.py) in Traditional Chinese, with Taiwan's software words."""
    if not text or text.isascii():
        return text
    out = str(_converter(UI_CONFIG).convert(text))
    for wrong, right in (*OVERRIDES, *UI_OVERRIDES):
        out = out.replace(wrong, right)
    return out


def _texts(value: Any) -> Iterator[Text]:
    if isinstance(value, Text):
        yield value
    elif isinstance(value, (tuple, list)):
        for v in value:
            yield from _texts(v)
    elif isinstance(value, Mapping):
        for v in value.values():
            yield from _texts(v)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name))


def known_forms(entries: Iterable[Any]) -> dict[str, str]:
    """Simplified -> Traditional as these entries already hold it (texts and service aliases)."""
    out: dict[str, str] = {}
    for e in entries:
        out.update((t.zh_hans, t.zh_hant) for t in _texts(e))
        if isinstance(e, Service):
            out.update(zip(e.aliases.get("zh-Hans", ()), e.hant_aliases))
    return out
