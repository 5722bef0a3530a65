"""Outside pages as sources: their shape, what a fact resting on them must say (reported-only,
effective dates), and rules that hold only while a dated fact does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import service_yaml
from hanban.catalog.load import full_check, load_catalog
from hanban.errors import CatalogError

Write = Callable[[str, str], Path]

PAGES = """
sources:
  - page: gov-page
    outlet: {zh-Hans: 某政府网, en: A government site}
    title: A notice
    date: "2024-11-22"
    url: https://www.example.gov.cn/notice.html
    language: zh-Hans
    strength: official
  - page: blog-page
    outlet: {zh-Hans: 某旅游博客, en: A travel blog}
    title: A post
    date: "2024-11-23"
    url: https://blog.example.com/post
    language: en
    strength: other
"""


def with_notes(notes: str) -> str:
    """The test service with `notes:` (indented by four) added."""
    return service_yaml().replace("    category:", notes.rstrip("\n") + "\n    category:", 1)


def check(write: Write, tmp_path: Path, base: Path, notes: str) -> list[str]:
    write("ov/pages.yaml", PAGES)
    write("ov/s.yaml", with_notes(notes))
    _, problems = full_check([tmp_path / "ov"], builtin=base)
    return [p.text("en") for p in problems]


def test_an_outside_page_is_a_source_with_outlet_title_date_address_and_strength(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/pages.yaml", PAGES)
    cat = load_catalog([tmp_path / "ov"], builtin=base)
    page = cat.seeds["gov-page"]
    assert page.is_page and not cat.seeds["000_c6c68a2d4d68e37f.txt"].is_page
    assert (page.outlet.en, page.outlet.zh_hant, page.date, page.strength) == ("A government site", "某政府網", "2024-11-22", "official")


@pytest.mark.parametrize("missing", ["outlet", "date", "url", "language", "strength"])
def test_an_outside_page_without_one_of_its_fields_is_refused(write: Write, tmp_path: Path, base: Path, missing: str) -> None:
    lines = [line for line in PAGES.splitlines() if not line.strip().startswith(f"{missing}:")]
    write("ov/pages.yaml", "\n".join(lines) + "\n")
    with pytest.raises(CatalogError) as info:
        load_catalog([tmp_path / "ov"], builtin=base)
    assert any(f"missing required key '{missing}'" in p.text("en") for p in info.value.problems)


def test_an_outside_page_may_have_no_title_when_it_shows_none(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/pages.yaml", "\n".join(line for line in PAGES.splitlines() if "title: A notice" not in line) + "\n")
    assert load_catalog([tmp_path / "ov"], builtin=base).seeds["gov-page"].title == ""


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("strength", "blog", "'blog' is not one of"),
        ("url", "ftp://x", "is not a web address"),
        ("date", "2024-13-01", "2024-13-01"),
        ("language", "Chinese", "is not a language code"),
    ],
)
def test_an_outside_page_with_a_bad_field_is_refused(write: Write, tmp_path: Path, base: Path, field: str, value: str, message: str) -> None:
    text = PAGES.replace("    strength: official", "    strength: official", 1)
    old = {"strength": "strength: official", "url": "url: https://www.example.gov.cn/notice.html", "date": 'date: "2024-11-22"', "language": "language: zh-Hans"}[field]
    write("ov/pages.yaml", text.replace(old, f"{field}: {value!r}" if field != "date" else f'date: "{value}"', 1))
    with pytest.raises(CatalogError) as info:
        load_catalog([tmp_path / "ov"], builtin=base)
    assert any(message in p.text("en") for p in info.value.problems), [p.text("en") for p in info.value.problems]


NOTE = """
    notes:
      - text: {{zh-Hans: 我们自己的话。, en: In our own words.}}
        sources: [{sources}]
{extra}"""


def test_a_fact_resting_only_on_other_outlets_must_be_marked_reported_only(write: Write, tmp_path: Path, base: Path) -> None:
    got = check(write, tmp_path, base, NOTE.format(sources="{page: blog-page}", extra=""))
    assert any("rests only on other outlets (A travel blog)" in p and "reported_only" in p for p in got), got
    assert check(write, tmp_path, base, NOTE.format(sources="{page: blog-page}", extra="        reported_only: true\n")) == []


def test_a_fact_with_a_state_or_official_source_is_not_reported_only(write: Write, tmp_path: Path, base: Path) -> None:
    assert check(write, tmp_path, base, NOTE.format(sources="{page: blog-page}, {page: gov-page}", extra="")) == []
    got = check(write, tmp_path, base, NOTE.format(sources="{page: gov-page}", extra="        reported_only: true\n"))
    assert any("marked reported_only but has an official or state source" in p for p in got), got


def test_a_dated_fact_is_not_valid_before_its_sources_say_it_started(write: Write, tmp_path: Path, base: Path) -> None:
    early = NOTE.format(sources="{page: gov-page, effective: 2024-11-30}", extra="        valid_from: 2024-11-01\n")
    got = check(write, tmp_path, base, early)
    assert any("valid from 2024-11-01, before the earliest day its sources say it took effect (2024-11-30)" in p for p in got), got
    on_time = NOTE.format(sources="{page: gov-page, effective: 2024-11-30}", extra="        valid_from: 2024-11-30\n")
    assert check(write, tmp_path, base, on_time) == []
    undated = NOTE.format(sources="{page: gov-page}", extra="        valid_from: 2024-11-30\n")
    assert any("give the day a page says it took effect" in p for p in check(write, tmp_path, base, undated))


def test_a_page_citation_is_never_a_quote_and_names_a_known_page(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/pages.yaml", PAGES)
    write("ov/s.yaml", with_notes(NOTE.format(sources="{page: no-such-page}", extra="")))
    with pytest.raises(CatalogError) as info:
        load_catalog([tmp_path / "ov"], builtin=base)
    assert any("no-such-page" in p.text("en") for p in info.value.problems)
    write("ov/s.yaml", with_notes(NOTE.format(sources="{page: gov-page, quote: copied text}", extra="")))
    with pytest.raises(CatalogError) as info:
        load_catalog([tmp_path / "ov"], builtin=base)
    assert any("quote" in p.text("en") and "unknown key" in p.text("en") for p in info.value.problems)


def test_the_builtin_catalog_passes_the_source_checks() -> None:
    cat, problems = full_check()
    assert cat is not None and [p.text("en") for p in problems] == []


def test_every_outside_page_of_the_builtin_catalog_is_cited_and_every_policy_fact_on_one_is_dated() -> None:
    cat = load_catalog()
    pages = {k for k, s in cat.seeds.items() if s.is_page}
    cited = {src.file for s in cat.services.values() for src in s.all_sources()}
    cited |= {src.file for r in cat.wizard.rules for src in r.sources}
    assert pages - cited == set(), "pages listed in sources.yaml but cited nowhere"
    for s in cat.services.values():
        for f in s.steps + s.notes:
            if f.id and any(src.file in pages for src in f.sources):  # a policy fact (a caveat may be undated)
                assert f.validity is not None and f.validity.valid_from, f"{s.id}: {f.text.en[:60]} has no valid_from"
