"""Every sentence earns its citation (issue 21): the citation checks `validate` runs, each shown
catching the kind of slip an independent reading found, and the shipped catalog clean of them."""

from __future__ import annotations

from hanban.catalog import citation_checks as cc
from hanban.catalog import model as m
from hanban.catalog.load import full_check, load_catalog


def catalog():  # type: ignore[no-untyped-def]
    cat = load_catalog()
    return cat, {s.id: s for s in cat.services.select()}


def keys(problems: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(p.field, p.key) for p in problems]


def test_the_shipped_catalog_has_no_citation_problem() -> None:
    cat, problems = full_check()
    assert cat is not None
    assert [p.text("en") for p in problems if p.key.startswith(("problem.measure", "problem.quote", "problem.same_note"))] == []


def test_a_measure_linked_to_a_service_that_cites_nothing_of_it_is_flagged() -> None:
    cat, services = catalog()
    s = services["sea-trip-reporting"]
    services[s.id] = s._replace(measures=(*s.measures, 16))  # measure 16 was linked here with no measure-16 document
    got = cc.check_citations(services, cat.measures, cat.places, cat.wizard)
    assert ("services[sea-trip-reporting].measures", "problem.measure_unused") in keys(got)


def test_a_note_citing_a_measure_neither_side_links_is_flagged() -> None:
    cat, services = catalog()
    s = services["vehicle-inspection"]
    services[s.id] = s._replace(measures=tuple(n for n in s.measures if n != 22))
    got = keys(cc.check_citations(services, cat.measures, cat.places, cat.wizard))
    assert ("services[vehicle-inspection].notes[1]", "problem.measure_unlinked") in got
    assert ("measures[22].services", "problem.measure_one_sided") in got


def test_one_quote_cited_under_two_measure_numbers_is_flagged() -> None:
    cat, services = catalog()
    s = services["residence-permit"]
    src = s.channels["fully_online"].sources[0]
    wrong = src._replace(measure=18)
    note = m.Fact(m.Text("全程网办试点。", "A pilot.", "全程網辦試點。"), (wrong,))
    services[s.id] = s._replace(notes=(*s.notes, note))
    got = keys(cc.check_citations(services, cat.measures, cat.places, cat.wizard))
    assert ("sources.measure", "problem.quote_two_measures") in got


def test_two_notes_on_the_same_words_that_read_alike_are_flagged() -> None:
    cat, services = catalog()
    s = services["exit-entry-documents"]
    first = next(f for f in s.notes if any(x.measure == 22 for x in f.sources))
    again = m.Fact(m.Text("第22条：京津冀、长三角、粤港澳大湾区等区域内的出入境等服务事项继续推进跨省通办、互通互认。", "Measure 22 again.", ""), first.sources)
    services[s.id] = s._replace(notes=(*s.notes, again))
    got = keys(cc.check_citations(services, cat.measures, cat.places, cat.wizard))
    assert (f"services[exit-entry-documents].notes[{len(s.notes)}]", "problem.same_note") in got


def test_templated_notes_on_different_pages_are_not_repeats() -> None:
    """Per-country notes read alike but rest on different pages: they are not the same thing."""
    _, services = catalog()
    assert not [p for p in cc._repeated_notes({"mutual-visa-exemption": services["mutual-visa-exemption"]})]


def test_a_quote_sharing_no_key_term_with_its_sentence_is_flagged() -> None:
    cat, services = catalog()
    s = services["residence-permit"]
    unrelated = m.Source("003_7995ced523d2c278.txt", None, "全国公安机关持续深化居民身份证异地受理、挂失申报和丢失招领“三项制度”")
    note = m.Fact(m.Text("外国人请看外国人居留许可。", "Foreigners: see the residence permit for foreigners.", ""), (unrelated,))
    services[s.id] = s._replace(notes=(*s.notes, note))
    got = keys(cc.unsupported(services, cat.wizard))
    assert (f"services[residence-permit].notes[{len(s.notes)}]", "problem.quote_off_topic") in got


def test_the_residence_permit_note_cites_the_report_on_the_floating_population() -> None:
    cat, _ = catalog()
    rule = next(r for r in cat.wizard.rules if r.id == "residence-permit-outcome")
    assert any("流动人口" in s.quote for s in rule.sources)


def test_exit_entry_documents_name_the_exit_entry_office_and_say_measure_22_once() -> None:
    _, services = catalog()
    s = services["exit-entry-documents"]
    assert s.where[0] == "exit-entry-office"
    assert sum(1 for f in s.notes if any(x.measure == 22 for x in f.sources)) == 1
