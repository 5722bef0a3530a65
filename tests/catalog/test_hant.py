"""Traditional Chinese as Traditional readers write it: the conversion, its reviewed fixes, and
every derived string (the catalog's and the interface's) held to them."""

from __future__ import annotations

import pytest

from hanban.catalog.hant import OVERRIDES, UI_OVERRIDES, known_forms, to_traditional, to_traditional_ui
from hanban.catalog.load import load_catalog
from hanban.strings import WORDS

WRONG = [wrong for wrong, _ in (*OVERRIDES, *UI_OVERRIDES)]


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
