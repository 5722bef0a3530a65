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
    assert "find out when yours was issued" in cl.channels["fully_online"].why.en
    assert any("it depends" in t for t in texts(cl, "channel"))
    assert cl.outcome.text.en.startswith("First find out when the card was issued")


def test_cross_province_means_applying_where_you_live_without_going_back() -> None:
    cl = checklist_for(service="no-crime-certificate", hukou_province="henan", live_province="guangdong")
    cross = cl.channels["cross_province"]
    assert cross.available is True and cross.status == "nationwide"
    assert "apply where you live, in Guangdong, without going back to Henan" in cross.why.en
    assert "不必回户籍地河南" in cross.why.zh_hans
    # measure 15 is a directive, not a report that it is done: the person is told to check first
    assert "check first that Guangdong offers it" in cross.why.en


def test_cross_province_is_not_needed_when_hukou_and_home_are_in_one_province() -> None:
    cl = checklist_for(service="id-card-first-application", hukou_province="hunan", live_province="hunan")
    assert cl.channels["cross_province"].available is False
    assert cl.channels["cross_province"].why.en.startswith("Not needed")


def test_newborn_cross_province_is_a_regional_pilot_inside_the_yangtze_river_delta() -> None:
    cl = checklist_for(service="newborn-registration", parent_hukou_province="anhui", birth_province="shanghai")
    cross = cl.channels["cross_province"]
    assert cross.available is True and cross.status == "pilot"
    assert "Yangtze River Delta" in cross.why.en
    assert any("Cross-province" in t and "pilot" in t for t in texts(cl, "warning"))
    assert cl.outcome.text.en.startswith("Ask the police in Shanghai whether they can register the baby there")
    assert "register the baby in Anhui" in cl.outcome.text.en  # the way that is sure


def test_newborn_outside_the_named_regions_is_not_stated_never_guessed() -> None:
    cl = checklist_for(service="newborn-registration", parent_hukou_province="gansu", birth_province="guangdong")
    cross = cl.channels["cross_province"]
    assert cross.available is None and cross.status == "not_stated"
    assert any(t.startswith("Cross-province (跨省通办): not stated") for t in texts(cl, "channel"))
    assert cl.outcome.text.en.startswith("The sources do not say whether a baby born in Guangdong can be registered there")


def test_newborn_born_in_the_hukou_province_needs_nothing_across_provinces() -> None:
    cl = checklist_for(service="newborn-registration", parent_hukou_province="gansu", birth_province="gansu")
    assert cl.channels["cross_province"].available is False
    assert cl.outcome.text.en.startswith("Register the baby in Gansu")


def test_port_visa_for_a_business_visitor_without_time_for_a_visa_abroad() -> None:
    cl = checklist_for(service="port-visa", nationality="in", visit_purpose="installation-repair", visa_time="no-time")
    assert cl.outcome.text.en.startswith("You can apply for a port visa") and not cl.outcome.stop
    # no seed says every port issues them (issue 21): the outcome says which ports, and to check
    assert "apply for a port visa at your port of entry" not in cl.outcome.text.en and "Not every port" in cl.outcome.text.en
    assert any("invitation letter" in t for t in texts(cl, "bring"))  # from the service entry
    assert texts(cl, "step")


def test_port_visa_is_not_offered_to_someone_with_time_to_get_a_visa_abroad() -> None:
    cl = checklist_for(service="port-visa", nationality="in", visit_purpose="business-talks", visa_time="has-time")
    assert cl.outcome.stop and cl.outcome.text.en.startswith("Get your Chinese visa abroad before you travel")
    assert cl.outcome.see == ("business-multi-entry-visa",)
    assert not texts(cl, "step") and not texts(cl, "bring") and not texts(cl, "where")  # an early stop


def test_port_visa_for_a_tourist_is_not_the_business_facility() -> None:
    cl = checklist_for(service="port-visa", nationality="in", visit_purpose="other")
    assert cl.outcome.stop and "for foreigners coming on business" in cl.outcome.text.en
    assert not texts(cl, "step")


def test_settlement_depends_on_the_city() -> None:
    small = checklist_for(service="settlement", settle_city="other-under-3m")
    big = checklist_for(service="settlement", settle_city="beijing")
    unsure = checklist_for(service="settlement", settle_city="other-not-sure")
    assert small.outcome.text.en.startswith("Cities with under 3 million urban residents are to lift all settlement restrictions")
    assert "said on 2024-08-27 that most already have" in small.outcome.text.en  # the 2024 report, not only the 2023 directive
    # the seeds say points systems are to be improved in such cities, not what Beijing's rules are (issue 21)
    assert big.outcome.text.en.startswith("Beijing is one of the cities with over 5 million urban residents")
    assert "so settlement there is points-based" not in big.outcome.text.en and "do not say what Beijing's own rules are" in big.outcome.text.en
    assert "3 million" in unsure.outcome.text.en and "5 million" in unsure.outcome.text.en  # the bands explained


def test_may_be_exempt_documents_come_with_bring_them_if_unsure() -> None:
    cl = checklist_for(service="no-crime-certificate", hukou_province="henan", live_province="henan")
    assert texts(cl, "may_be_exempt")
    assert any("bring them if unsure" in t for t in texts(cl, "note"))


def test_a_channel_the_sources_do_not_mention_says_check_with_the_local_office() -> None:
    cl = checklist_for(service="no-crime-certificate", hukou_province="henan", live_province="henan")
    online = cl.channels["fully_online"]
    assert online.available is None and online.status == "not_stated"  # not stated is not "no"
    assert any(t.startswith("Fully online (全程网办): the sources do not mention") for t in texts(cl, "channel"))


def test_sources_are_numbered_quoted_verbatim_and_dated() -> None:
    cat = real()[0]
    cl = checklist_for(service="hukou-transfer", hukou_province="hebei", destination_province="beijing")
    seeds = {p.name: re.sub(r"\s+", "", p.read_text("utf-8")) for p in need_seeds().glob("*.txt")}
    for s in (*cl.sources, *cl.outcome.sources):
        if cat.seeds[s.file].is_page:
            assert s.quote == ""  # cited, never quoted
            continue
        assert re.sub(r"\s+", "", s.quote) in seeds[s.file]
    assert cl.as_of == "2024-05-27"  # the ministry's report that hukou transfer is cross-province everywhere
    assert cl.channels["cross_province"].available is True


def test_every_rule_quote_is_verbatim_in_its_seed() -> None:
    cat, wiz = real()
    seeds = {p.name: re.sub(r"\s+", "", p.read_text("utf-8")) for p in need_seeds().glob("*.txt")}
    for rule in wiz.rules:
        assert rule.sources, rule.id
        for s in rule.sources:
            if cat.seeds[s.file].is_page:
                assert s.quote == "", rule.id  # an outside page is cited, never quoted
                continue
            assert re.sub(r"\s+", "", s.quote) in seeds[s.file], (rule.id, s.quote)
