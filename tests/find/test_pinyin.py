"""Latin letters typed for Chinese names: whole syllables (run together or not), a syllable being
typed, initials; and pypinyin is needed only to compile the catalog."""

from __future__ import annotations

import pytest

from hanban.catalog.pinyin import syllables
from hanban.find.pinyin import best, letters, score


def test_names_get_their_pinyin_when_compiled() -> None:
    assert syllables("居民身份证丢失补领") == "ju min shen fen zheng diu shi bu ling"
    assert syllables("长三角") == "chang san jiao"  # a character with two sounds, read right
    assert syllables("12367平台") == "ping tai" and syllables("hukou") == ""


@pytest.mark.parametrize(
    "name", ["北京户口迁移第0项", "北京户口迁移第1项", "重庆市长三角12号", "a银行b行长c", "〇〇七", "朝阳区·朝阳门", "居民身份证（临时）",
             "身份 证", "𠀀字𠀁", "银行\ue815行长", "Ａ银行ｂ"]
)
def test_each_run_of_chinese_is_read_as_pypinyin_reads_the_whole_name(name: str) -> None:
    import pypinyin

    from hanban.catalog.pinyin import _pypinyin

    _pypinyin()  # (its phrases loaded)
    whole = pypinyin.lazy_pinyin(name, style=pypinyin.Style.NORMAL, errors=lambda chars: [])
    assert syllables(name) == " ".join(s for s in whole if s.isascii() and s.isalpha()).lower()


@pytest.mark.parametrize(
    "typed,matches",
    [("shenfenzheng", True), ("shen fen zheng", True), ("shenfenz", True), ("jmsfz", True), ("jm", True),
     ("sfz", False), ("henfen", False), ("enfenzheng", False), ("x", False)],
)
def test_syllables_from_their_start_or_initials_from_the_start_of_a_name_match(typed: str, matches: bool) -> None:
    # (`sfz` finds 身份证 through the names and aliases that start with it, such as 身份证补办)
    assert (score(letters(typed), "ju min shen fen zheng diu shi bu ling") > 0) == matches


def test_a_whole_syllable_ranks_above_one_being_typed() -> None:
    provinces = ["he nan", "hei long jiang", "he bei"]
    assert best("he", provinces)[1] == "he nan"  # 河南 and 河北 before 黑龙江 (hei...)
    assert score("he", "he nan") > score("he", "hei long jiang") > 0
    assert letters("身份证") == "" and letters("sfz 2") == ""
