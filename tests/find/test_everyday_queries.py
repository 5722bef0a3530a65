"""224 everyday phrasings (tests/everyday_queries.py: three scripts, pinyin, English, typos, long
sentences), each with the service a person means or "not covered". The issue's goal is top-1 97%
and top-3 100%; the thresholds are a ratchet at what search reaches (97.8% and 100% on 2026-12-07,
from 88% and 95.5% before mistyped words, question fillers, one-character typos and the action rule,
and 72% and 84% before objects and actions were known to it), raised as it improves."""

from __future__ import annotations

import pytest

from everyday_queries import EVERYDAY
from hanban.catalog.load import load_catalog
from hanban.find.search import search

TOP1, TOP3 = 0.97, 1.0


def wanted(expected: str) -> str:
    return expected.split(":", 1)[1] if expected.startswith("not-covered:") else expected


def test_the_everyday_phrasings_are_found_at_least_as_well_as_before() -> None:
    cat = load_catalog()
    ranks = []
    for query, expected, _ in EVERYDAY:
        ids = [h.id for h in search(cat, query, 3)]
        want = wanted(expected)
        ranks.append(ids.index(want) if want in ids else None)
    n = len(ranks)
    top1 = sum(r == 0 for r in ranks) / n
    top3 = sum(r is not None for r in ranks) / n
    assert n >= 150 and top1 >= TOP1 and top3 >= TOP3, (top1, top3)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("驾照到期", "driving-licence-renewal"),  # not 居民身份证到期换领
        ("户口本丢了", "hukou-booklet-reissue"),  # not 居民身份证丢失补领
        ("换驾照", "driving-licence-renewal"),  # not 驾驶证考试
        ("退休 去子女那里落户", "hukou-transfer"),  # parents joining their children move their hukou
        ("我要开证明 出国留学用", "no-crime-certificate"),
        ("sfz diule", "id-card-lost-reissue"),  # object and action in pinyin abbreviations
        ("丢了护照", "passport-online-renewal"),
        ("駕照到期", "driving-licence-renewal"),
    ],
)
def test_the_object_outranks_the_action(query: str, first: str) -> None:
    assert search(load_catalog(), query, 3)[0].id == first


@pytest.mark.parametrize("query", ["簽證", "port visa", "签证"])
def test_a_visa_query_lists_no_vehicle_service(query: str) -> None:
    ids = {h.id for h in search(load_catalog(), query, 10)}
    assert not ids & {"vehicle-inspection", "new-car-inspection-exemption", "second-hand-car-transfer"}


def test_a_need_the_sources_do_not_cover_says_so_and_where_it_is_handled() -> None:
    from hanban.wizard.checklist import build

    cat = load_catalog()
    s = cat.services["driving-licence-renewal"]
    assert s.category == "not-covered" and "do not describe" in s.summary.en
    cl = build(cat, s, {"service": s.id}, "2026-12-07")
    assert cl.outcome.stop and "vehicle administration office" in cl.outcome.text.en


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("pasport renewal", "passport-online-renewal"),  # a letter left out: passport
        ("foriegner residence permit extension", "foreigner-residence-permit"),  # two letters swapped
        ("jiaozhao daoqi", "driving-licence-renewal"),  # a letter added to an object's pinyin (jiazhao)
        ("居注证", "residence-permit"),  # one character an input method's homophone (住)
        ("在外地可以办身份证吗", "id-card-away-from-hukou"),  # 在外地办身份证, wrapped in a question
        ("luodiqian", "port-visa"),  # the pinyin of the glossary's 落地签
    ],
)
def test_slips_and_question_words_still_find_the_service(query: str, first: str) -> None:
    assert search(load_catalog(), query, 3)[0].id == first


def test_a_service_for_another_action_on_the_same_object_is_pushed_down() -> None:
    # 补办 (replace a lost one) is not 第一次办 (the first card), though 办身份证 is inside 补办身份证
    ids = [h.id for h in search(load_catalog(), "补办身份证期间有临时的吗", 3)]
    assert "temporary-id-card" in ids and "id-card-first-application" not in ids


def test_a_mistyped_word_keeps_the_reason_it_matched() -> None:
    hit = search(load_catalog(), "pasport renewal", 1)[0]
    assert hit.matched and all(mt.text for mt in hit.matched)
