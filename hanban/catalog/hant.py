"""Simplified -> Traditional Chinese, done once when the catalog is compiled (never while a command runs).

Who reads zh-Hant: people in Taiwan and in Hong Kong (and Macao). The locales zh_TW, zh_HK and zh_MO
all map to it (`cli.localize`), and there is one Traditional text, not two. Where the two write a
word differently, hanban writes it as Taiwan does (紐西蘭, 義大利, 資訊, 影片/視訊, 程式, 管道, 線上,
報導, 公布): Hong Kong readers read those forms without effort, while the mainland words a
character-by-character conversion keeps (視頻, 信息, 小程序, 渠道) read as mainland text in Taipei.
Words both write alike stay (網上 "online", 身份證 as the mainland card's own name, 窗口 a service
counter), and so do the sources' quotes, which are shown in the script they were written in.


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
    ("落地籤", "落地簽"),  # 落地签 = a visa on landing (簽證)
    ("說明瞭", "說明了"),  # 说明了 = "explained" + the particle 了, never 瞭 (understand)
    # mainland words: Taiwan's (and mostly Hong Kong's) words for the same thing
    ("視頻", "視訊"),  # a video call with the traffic police (视频快处); a video clip is 影片
    ("個人信息", "個人資料"),  # personal data
    ("信息", "資訊"),
    ("小程序", "小程式"),  # a WeChat mini program
    ("渠道", "管道"),  # a channel for getting something done (官方管道, 辦理管道)
    ("在線", "線上"),  # online (在线处理 -> 線上處理)
    ("網絡", "網路"),
    ("激活", "啟用"),  # an online identity activated
    ("智能", "智慧"),  # 智能网联汽车 -> 智慧網聯汽車
    ("上線運行", "上線運作"),
    ("報道", "報導"),  # Taiwan's standard form (Hong Kong writes both)
    ("公佈", "公布"),
    ("宣佈", "宣布"),
    # country names as Taiwan writes them (Hong Kong's forms follow the mainland's for some)
    ("新西蘭", "紐西蘭"),
    ("意大利", "義大利"),
    ("塞浦路斯", "賽普勒斯"),
    ("斯洛文尼亞", "斯洛維尼亞"),
    ("克羅地亞", "克羅埃西亞"),
    ("馬耳他", "馬爾他"),
    ("沙特阿拉伯", "沙烏地阿拉伯"),
    ("沙特", "沙烏地"),
    ("列支敦士登", "列支敦斯登"),
    ("文萊", "汶萊"),
    ("卡塔爾", "卡達"),
    ("印度尼西亞", "印尼"),
    ("波黑", "波赫"),
    ("黑山", "蒙特內哥羅"),  # the country (the only 黑山 the catalog names)
    ("格魯吉亞", "喬治亞"),
    ("阿塞拜疆", "亞塞拜然"),
    ("哈薩克斯坦", "哈薩克"),
    ("烏茲別克斯坦", "烏茲別克"),
    ("吉爾吉斯斯坦", "吉爾吉斯"),
    ("塔吉克斯坦", "塔吉克"),
    ("土庫曼斯坦", "土庫曼"),
    ("毛里求斯", "模里西斯"),
    ("湯加", "東加"),
    ("塞舌爾", "塞席爾"),
    ("蘇里南", "蘇利南"),
    ("巴巴多斯", "巴貝多"),
    ("格林納達", "格瑞那達"),
    ("老撾", "寮國"),
    ("也門", "葉門"),
    ("肯尼亞", "肯亞"),
    ("坦桑尼亞", "坦尚尼亞"),
    ("埃塞俄比亞", "衣索比亞"),
    ("津巴布韋", "辛巴威"),
    ("危地馬拉", "瓜地馬拉"),
    ("哥斯達黎加", "哥斯大黎加"),
    ("洪都拉斯", "宏都拉斯"),
    ("厄瓜多爾", "厄瓜多"),
    ("孟加拉國", "孟加拉"),
    ("馬爾代夫", "馬爾地夫"),
    ("悉尼", "雪梨"),
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
    ("直接回車", "直接按 Enter 鍵"),  # the Enter key (回车 is the mainland's word for it)
    ("回車", "Enter 鍵"),
    ("終端", "終端機"),  # a terminal (Taiwan: 終端機; s2twp writes 終端)
    ("並退出", "並結束"),  # a program ends (結束), it does not withdraw (退出)
    ("然後退出", "然後結束"),
    ("文本", "文字"),  # text (Taiwan: 文字)
    ("自定義", "自訂"),  # to customize
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
