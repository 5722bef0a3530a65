"""Traditional Chinese as Traditional readers write it: the conversion, its reviewed fixes, and
every derived string (the catalog's and the interface's) held to them."""

from __future__ import annotations

import pytest

from hanban.catalog.hant import OVERRIDES, UI_OVERRIDES, known_forms, to_traditional, to_traditional_ui
from hanban.catalog.load import load_catalog
from hanban.strings import WORDS

WRONG = [wrong for wrong, right in (*OVERRIDES, *UI_OVERRIDES) if wrong not in right]  # (終端 -> 終端機 keeps it)


@pytest.mark.parametrize(
    "simplified,traditional",
    [
        ("换发3年内多次入境有效商贸签证", "換發3年內多次入境有效商貿簽證"),  # 发 = issue, not 髮 = hair
        ("为外籍商贸人员", "為外籍商貿人員"),
        ("群众", "群眾"),
        ("国家政务服务平台", "國家政務服務平台"),
        ("户口迁移", "戶口遷移"),
        ("资料未说明", "資料未說明"),
        ("新闻发布会", "新聞發布會"),
        ("“跨省通办”", "「跨省通辦」"),
    ],
)
def test_conversion_writes_as_the_hong_kong_source_does(simplified: str, traditional: str) -> None:
    assert to_traditional(simplified) == traditional


@pytest.mark.parametrize(
    "simplified,traditional",
    [
        ("缓存文件夹", "快取資料夾"),
        ("默认", "預設"),
        ("无法读取答案文件", "無法讀取答案檔案"),
        ("权限", "權限"),
        ("适用对象", "適用對象"),
        ("发布者", "發布者"),
    ],
)
def test_interface_words_are_written_as_taiwan_and_hong_kong_software_writes_them(simplified: str, traditional: str) -> None:
    assert to_traditional_ui(simplified) == traditional


def test_every_interface_string_has_three_scripts_and_its_traditional_is_the_reviewed_conversion() -> None:
    unfilled = [k for k, (zh, hant, en) in WORDS.items() if not (zh and hant and en) or hant != to_traditional_ui(zh)]
    assert unfilled == [], "run: python scripts/fill_traditional.py"


def test_no_derived_traditional_text_keeps_a_form_the_fixes_replace() -> None:
    cat = load_catalog()
    texts = known_forms([*cat.services.values(), *cat.measures.values(), *cat.documents.values(), *cat.places.values(),
                         *cat.regions.values(), *cat.glossary, cat.wizard])
    texts.update({zh: hant for zh, hant, _ in WORDS.values()})
    bad = {zh: hant for zh, hant in texts.items() if any(w in hant for w in WRONG)}
    assert bad == {}


# Forms Traditional readers in Taiwan and Hong Kong do not write, reviewed by hand: OpenCC's phrase
# slips (籤 is a lot or a label, 簽 a visa; 瞭 is "understand", never the particle 了), mainland words
# (Taiwan: 影片/視訊, 資訊, 程式, 管道, 線上, 網路) and mainland forms of country names (Taiwan's
# are used: hanban/catalog/hant.py says why). Each is held to every derived Traditional string.
MAINLAND = (
    "免籤", "落地籤", "說明瞭", "視頻", "信息", "小程序", "渠道", "在線", "網絡", "激活", "智能", "運行",
    "報道", "公佈", "宣佈",
    "新西蘭", "意大利", "塞浦路斯", "斯洛文尼亞", "克羅地亞", "馬耳他", "沙特", "列支敦士登", "文萊",
    "卡塔爾", "印度尼西亞", "波黑", "格魯吉亞", "阿塞拜疆", "哈薩克斯坦", "烏茲別克斯坦", "毛里求斯",
    "湯加", "塞舌爾", "蘇里南", "巴巴多斯", "格林納達", "黑山",
)
# Interface words only (the catalog's sources write 程序 for a procedure and 窗口 for a counter).
MAINLAND_UI = ("回車", "終端的", "終端可", "退出", "程序", "文本", "自定義")


# Proper names written as their owners write them (a website's own name).
PROPER_NAMES = ("深圳政府在線",)


def _every_derived_traditional() -> dict[str, str]:
    """Simplified -> Traditional for every derived string: services (names, aliases, conditions,
    notes, steps), measures, documents, places, regions, outlets, the glossary and the wizard
    (questions, help, choices, outcomes)."""
    cat = load_catalog()
    return known_forms([*cat.services.values(), cat.tables, cat.wizard])


def test_the_scan_reaches_outlets_the_glossary_and_the_wizards_choices() -> None:
    texts = _every_derived_traditional()
    assert texts["人民网"] == "人民網"
    assert texts["落地签"] == "落地簽"
    assert "新西兰" in texts and texts["新西兰"] == "紐西蘭"


def test_no_derived_traditional_string_has_an_opencc_slip_or_a_mainland_word() -> None:
    bad = {zh: [w for w in MAINLAND if w in hant and not any(w in p and p in hant for p in PROPER_NAMES)]
           for zh, hant in _every_derived_traditional().items()}
    for zh, hant, _en in WORDS.values():
        bad[zh] = [w for w in (*MAINLAND, *MAINLAND_UI) if w in hant]
    assert {zh: found for zh, found in bad.items() if found} == {}


@pytest.mark.parametrize(
    "simplified,traditional",
    [
        ("资料只说明了在内地办理的做法", "資料只說明了在內地辦理的做法"),
        ("落地签", "落地簽"),
        ("轻微交通事故视频快处", "輕微交通事故視訊快處"),
        ("骗取个人信息；只使用官方渠道", "騙取個人資料；只使用官方管道"),
        ("微信小程序", "微信小程式"),
        ("澳大利亚、新西兰、意大利", "澳大利亞、紐西蘭、義大利"),
        ("据2020年报道", "據2020年報導"),
    ],
)
def test_catalog_text_reads_as_taiwan_and_hong_kong_readers_write_it(simplified: str, traditional: str) -> None:
    assert to_traditional(simplified) == traditional
