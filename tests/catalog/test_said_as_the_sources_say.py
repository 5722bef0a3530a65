"""Issue 21's findings on what the catalog says, each pinned: a push reads as a push, a directive
as a directive, and an age as old as it is."""

from __future__ import annotations

from hanban.catalog.age import age_in_words, as_of_text
from hanban.catalog.load import load_catalog


def test_a_year_only_date_is_counted_from_its_middle() -> None:
    assert age_in_words("2020", "2026-12-07", "en") == "6 years ago"  # mid-2020, not "5 years ago"
    assert age_in_words("2023-08-03", "2026-12-07", "en") == "3 years ago"


def test_as_of_says_how_old_the_oldest_facts_are() -> None:
    assert as_of_text("2023-08-03", "2020", "2026-12-07", "en") == "2023-08-03 (some facts date from 2020, 6 years ago)"
    assert as_of_text("2023-08-03", "2023-01", "2026-12-07", "en") == "2023-08-03"  # the same year: nothing to add
    assert as_of_text("2023-08-03", "2020", "2026-12-07", "zh-Hans") == "2023-08-03（部分资料早至2020，6年前）"


def test_names_that_are_a_push_read_as_a_push() -> None:
    cat = load_catalog()
    assert cat.services["vehicle-registration-county"].name.zh_hans == "小型汽车登记（推进下放至县级公安机关）"
    assert "推进县级办理" in cat.services["driving-test-county"].name.zh_hans


def test_the_measure_16_glossary_says_the_aim_not_that_it_is_done() -> None:
    cat = load_catalog()
    note = next(g.note for g in cat.glossary if g.term.zh_hans == "免交证、办成事")
    assert note is not None and "不再要求" not in note.zh_hans and "加快实现" in note.zh_hans


def test_measure_10_keeps_where_local_conditions_suit() -> None:
    assert "因地制宜" in load_catalog().measures[10].summary.zh_hans


def test_measure_15_conditions_say_it_is_called_for_not_done() -> None:
    cat = load_catalog()
    for sid in ("no-crime-certificate", "temporary-id-card"):
        conditions = " ".join(t.en for t in cat.services[sid].channels["cross_province"].conditions)
        assert "calls for" in conditions and "You can apply in a province other than" not in conditions, sid
