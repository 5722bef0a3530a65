"""The checklist is right for the person: channels, pilots, regions, sources."""

from __future__ import annotations

import re

from conftest import need_seeds
from wizard_helpers import checklist_for, real, texts


def test_lost_card_issued_five_years_ago_is_not_offered_online() -> None:
    cl = checklist_for(service="id-card-lost-reissue", hukou_province="henan", live_province="guangdong", card_issued="over-two-years")
    online = cl.channels["fully_online"]
    assert online.available is False
    assert "two years" in online.why.en
    assert any(s.measure == 14 and "领证不超过两年" in s.quote for s in online.sources)
    assert not any("You can try" in t for t in texts(cl))


def test_lost_card_issued_within_two_years_may_use_the_online_pilot_labelled_as_a_pilot() -> None:
    cl = checklist_for(service="id-card-lost-reissue", hukou_province="zhejiang", live_province="zhejiang", card_issued="within-two-years")
    online = cl.channels["fully_online"]
    assert online.available is True and online.status == "pilot"
    assert any("pilot" in t and "Fully online" in t for t in texts(cl, "warning"))


def test_lost_card_not_sure_of_the_date_is_told_it_depends() -> None:
    cl = checklist_for(service="id-card-lost-reissue", hukou_province="sichuan", live_province="sichuan", card_issued="not-sure")
    assert cl.channels["fully_online"].available is None
    assert "It depends" in cl.channels["fully_online"].why.en


def test_cross_province_means_applying_where_you_live_without_going_back() -> None:
    cl = checklist_for(service="no-crime-certificate", hukou_province="henan", live_province="guangdong")
    cross = cl.channels["cross_province"]
    assert cross.available is True and cross.status == "nationwide"
    assert "Guangdong" in cross.why.en and "no need to go back to Henan" in cross.why.en
    assert "不必回户籍地河南" in cross.why.zh_hans
    assert any("Guangdong" in t for t in texts(cl, "where"))


def test_cross_province_is_not_needed_when_hukou_and_home_are_in_one_province() -> None:
    cl = checklist_for(service="id-card-first-application", hukou_province="hunan", live_province="hunan")
    assert cl.channels["cross_province"].available is False
    assert cl.channels["cross_province"].why.en.startswith("Not needed")


def test_newborn_cross_province_is_a_regional_pilot_inside_the_yangtze_river_delta() -> None:
    cl = checklist_for(service="newborn-registration", hukou_province="anhui", live_province="shanghai")
    cross = cl.channels["cross_province"]
    assert cross.available is True and cross.status == "pilot"
    assert any("Yangtze River Delta" in t for t in texts(cl, "note"))
    assert any("Cross-province" in t and "pilot" in t for t in texts(cl, "warning"))


def test_newborn_outside_the_named_regions_is_not_stated_never_guessed() -> None:
    cl = checklist_for(service="newborn-registration", hukou_province="gansu", live_province="guangdong")
    cross = cl.channels["cross_province"]
    assert cross.available is None and cross.status == "not_stated"
    assert "check with the local office" in cross.why.en
    assert any(t.startswith("Cross-province (跨省通办): not stated") for t in texts(cl, "channel"))


def test_port_visa_for_a_business_visitor_without_time_for_a_visa_abroad() -> None:
    cl = checklist_for(service="port-visa", nationality="foreign", visit_purpose="installation-repair", visa_time="no-time")
    assert any(t.startswith("You qualify") for t in texts(cl, "note"))
    assert any("invitation letter" in t for t in texts(cl, "bring"))  # from the service entry
    assert "port-visa-has-time" not in cl.rules


def test_port_visa_is_not_offered_to_someone_with_time_to_get_a_visa_abroad() -> None:
    cl = checklist_for(service="port-visa", nationality="foreign", visit_purpose="business-talks", visa_time="has-time")
    assert not any(t.startswith("You qualify") for t in texts(cl))
    assert any("get your visa abroad first" in t for t in texts(cl, "warning"))


def test_port_visa_for_a_tourist_is_not_the_business_facility() -> None:
    cl = checklist_for(service="port-visa", nationality="foreign", visit_purpose="other", visa_time="no-time")
    assert not any(t.startswith("You qualify") for t in texts(cl))
    assert any("whether that covers you is not stated" in t for t in texts(cl, "warning"))


def test_settlement_depends_on_city_size() -> None:
    small = checklist_for(service="settlement", city_size="under-3m")
    big = checklist_for(service="settlement", city_size="over-5m")
    assert texts(small, "note")[0].startswith("Your city has an urban resident population under 3 million")
    assert texts(big, "note")[0].startswith("Your city is a super-large or mega city")
    assert "points-based" in texts(big, "note")[0]


def test_may_be_exempt_documents_come_with_bring_them_if_unsure() -> None:
    cl = checklist_for(service="no-crime-certificate", hukou_province="henan", live_province="henan")
    assert texts(cl, "may_be_exempt")
    assert any("bring them if unsure" in t for t in texts(cl, "note"))


def test_a_channel_the_sources_do_not_mention_says_check_with_the_local_office() -> None:
    cl = checklist_for(service="no-crime-certificate", hukou_province="henan", live_province="henan")
    online = cl.channels["fully_online"]
    assert online.available is False and online.status == "not_stated"
    assert "check with the local office" in online.why.en


def test_sources_are_numbered_quoted_verbatim_and_dated() -> None:
    cl = checklist_for(service="hukou-transfer", hukou_province="hebei", live_province="beijing")
    seeds = {p.name: re.sub(r"\s+", "", p.read_text("utf-8")) for p in need_seeds().glob("*.txt")}
    for s in cl.sources:
        assert re.sub(r"\s+", "", s.quote) in seeds[s.file]
    assert cl.as_of == "2023-08-03"
    assert any("Jing-Jin-Ji" in t for t in texts(cl, "note"))


def test_every_rule_quote_is_verbatim_in_its_seed() -> None:
    _, wiz = real()
    seeds = {p.name: re.sub(r"\s+", "", p.read_text("utf-8")) for p in need_seeds().glob("*.txt")}
    for rule in wiz.rules:
        assert rule.sources, rule.id
        for s in rule.sources:
            assert re.sub(r"\s+", "", s.quote) in seeds[s.file], (rule.id, s.quote)
