"""The catalog's identity (`catalog:`), the dates entries hold (reviewed_on, valid_from,
valid_until, superseded_by) and ages in words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import service_yaml
from hanban.catalog import age
from hanban.catalog.load import load_catalog
from hanban.errors import CatalogError

Write = Callable[[str, str], Path]


def problems(overlay: Path, base: Path) -> list[str]:
    with pytest.raises(CatalogError) as info:
        load_catalog([overlay], builtin=base)
    return [str(p).replace(str(overlay), "OVERLAY") for p in info.value.problems]


def with_keys(extra: str, sid: str = "test-service") -> str:
    """A valid service with `extra` (service-level keys, indented by four) added."""
    return service_yaml(sid).replace("    category:", extra.rstrip("\n") + "\n    category:", 1)


# -- identity ----------------------------------------------------------------------------------


def test_the_builtin_catalog_has_a_calendar_version_and_an_as_of_date() -> None:
    cat = load_catalog()
    assert cat.info is not None
    assert (cat.info.version, cat.info.as_of) == ("2026.12.07", "2026-12-07")
    assert cat.as_of() == "2026-12-07"
    assert cat.newest_source() == "2026-02-15"  # the newest outside page (pages.yaml), not the seeds' 2023
    assert cat.tables.catalogs[0] == cat.info


def test_each_layer_keeps_its_own_identity_and_the_highest_one_is_in_force(write: Write, tmp_path: Path) -> None:
    write("ov/catalog.yaml", 'catalog: {version: "2026.12.01", as_of: "2026-11-30", publisher: A bureau}\n')
    cat = load_catalog([tmp_path / "ov"])
    assert sorted(cat.tables.catalogs) == [0, 1]
    assert cat.info is not None and (cat.info.version, cat.info.as_of, cat.info.publisher) == ("2026.12.01", "2026-11-30", "A bureau")
    assert cat.as_of() == "2026-11-30"


def test_a_catalog_without_identity_is_as_of_its_newest_source(base: Path) -> None:
    cat = load_catalog(builtin=base)
    newest = max((s.date for s in cat.seeds.values()), key=lambda d: d.ljust(10))  # seeds and pages alike
    assert cat.info is None and cat.as_of() == newest


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('{version: "2023.8.3", as_of: "2023-08-03"}', "catalog.version: '2023.8.3' is not a calendar version"),
        ('{version: "2023.02.30", as_of: "2023-08-03"}', "catalog.version: '2023.02.30' is not a calendar version"),
        ('{version: "2023.08.03", as_of: "2023-02-30"}', "catalog.as_of: '2023-02-30' is not a date of the form YYYY-MM-DD"),
        ('{version: "2023.08.03", as_of: "2023"}', "catalog.as_of: '2023' is not a date of the form YYYY-MM-DD"),
        ('{version: "2023.08.03"}', "catalog: missing required key 'as_of'"),
        ('{version: "2023.08.03", as_of: "2023-08-03", edition: 2}', "catalog.edition: unknown key"),
    ],
)
def test_a_bad_identity_is_one_clear_line(write: Write, tmp_path: Path, base: Path, body: str, message: str) -> None:
    write("ov/catalog.yaml", f"catalog: {body}\n")
    got = problems(tmp_path / "ov", base)
    assert len(got) == 1 and message in got[0], got
    assert got[0].startswith("OVERLAY/catalog.yaml:1: ")


def test_an_identity_given_twice_in_one_folder_is_refused(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/a.yaml", 'catalog: {version: "2023.08.03", as_of: "2023-08-03"}\n')
    write("ov/b.yaml", 'catalog: {version: "2023.08.04", as_of: "2023-08-04"}\n')
    assert problems(tmp_path / "ov", base) == [
        "OVERLAY/b.yaml:1: catalog: this folder's catalog identity is already given at OVERLAY/a.yaml:1"
    ]


# -- validity of services and facts ----------------------------------------------------------


def test_services_and_facts_carry_their_dates(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/s.yaml", with_keys("""
    reviewed_on: 2026-11-02
    valid_from: 2023-08-03
    steps:
      - id: old-way
        text: {zh-Hans: 旧办法。, en: The old way.}
        valid_until: 2024-12-16
        superseded_by: new-way
        sources: [{file: 000_c6c68a2d4d68e37f.txt, measure: 15, quote: 全面实施}]
      - id: new-way
        text: {zh-Hans: 新办法。, en: The new way.}
        valid_from: 2024-12-17
        reviewed_on: 2026-11-02
        sources: [{file: 000_c6c68a2d4d68e37f.txt, measure: 15, quote: 全面实施}]
"""))
    s = load_catalog([tmp_path / "ov"], builtin=base).services["test-service"]
    assert s.validity is not None and (s.validity.reviewed_on, s.validity.valid_from) == ("2026-11-02", "2023-08-03")
    assert s.checked_on() == "2026-11-02"  # a review is newer than the newest source
    old, new = s.steps
    assert old.validity is not None and old.validity.expired("2024-12-17") and not old.validity.expired("2024-12-16")
    assert new.validity is not None and new.validity.pending("2024-12-16") and not new.validity.pending("2024-12-17")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("    valid_from: 2024-01-02\n    valid_until: 2024-01-01\n", "services[0].valid_until: valid_until 2024-01-01 is before valid_from 2024-01-02"),
        ("    valid_until: 2024-13-01\n", "services[0].valid_until: '2024-13-01' is not a date of the form YYYY-MM-DD"),
        ("    reviewed_on: 2024\n", "services[0].reviewed_on: expected a non-empty string, got a number"),
        ("    superseded_by: no-such-service\n    valid_until: 2024-01-01\n", "services[0].superseded_by: unknown service 'no-such-service'"),
        ("    superseded_by: other\n", "services[0].superseded_by: superseded_by needs valid_until (the last day this entry held)"),
        ("    superseded_by: test-service\n    valid_until: 2024-01-01\n", "services[0].superseded_by: a service cannot supersede itself"),
    ],
)
def test_bad_dates_on_a_service_are_one_clear_line(write: Write, tmp_path: Path, base: Path, extra: str, message: str) -> None:
    write("ov/s.yaml", with_keys(extra))
    write("ov/other.yaml", service_yaml("other"))
    got = problems(tmp_path / "ov", base)
    assert len(got) == 1 and message in got[0], got


def test_a_fact_superseded_by_an_unknown_fact_and_duplicate_fact_ids_are_refused(write: Write, tmp_path: Path, base: Path) -> None:
    fact = "        text: {zh-Hans: 说明。, en: A note.}\n        sources: [{file: 000_c6c68a2d4d68e37f.txt, measure: 15, quote: 全面实施}]\n"
    write("ov/s.yaml", with_keys(
        "    notes:\n"
        "      - id: a\n" + fact +
        "      - id: a\n" + fact +
        "      - valid_until: 2024-01-01\n        superseded_by: b\n" + fact
    ))
    got = problems(tmp_path / "ov", base)
    assert any("services[0].notes[1].id: duplicate fact id 'a' in this service" in g for g in got), got
    assert any("services[0].notes[2].superseded_by: no other fact of this service has the id 'b'" in g for g in got), got


# -- ages -------------------------------------------------------------------------------------


def test_a_partial_date_counts_from_its_last_day() -> None:
    assert str(age.last_day("2020")) == "2020-12-31"
    assert str(age.last_day("2024-02")) == "2024-02-29"
    assert str(age.last_day("2023-12")) == "2023-12-31"
    assert age.age_days("2023-08-03", "2023-08-03") == 0
    assert age.age_days("2026-01-01", "2025-01-01") == 0  # never negative
    assert age.age_days("", "2025-01-01") is None


@pytest.mark.parametrize(
    ("days", "en", "hans", "hant"),
    [(0, "today", "今天", "今天"), (1, "1 day ago", "1天前", "1天前"), (45, "1 month ago", "1个月前", "1個月前"),
     (200, "6 months ago", "6个月前", "6個月前"), (1216, "3 years ago", "3年前", "3年前")],
)
def test_an_age_reads_in_words_in_every_script(days: int, en: str, hans: str, hant: str) -> None:
    assert (age.ago(days, "en"), age.ago(days, "zh-Hans"), age.ago(days, "zh-Hant")) == (en, hans, hant)


def test_the_warning_follows_the_threshold_and_can_be_turned_off() -> None:
    clock = age.Clock("2026-12-01")
    assert age.warning("2023-08-03", clock, "en") == (
        "As of 2023-08-03, 3 years ago: policies may have changed; check with the local office."
    )
    assert "政策可能已有变化" in (age.warning("2023-08-03", clock, "zh-Hans") or "")
    assert "政策可能已有變化" in (age.warning("2023-08-03", clock, "zh-Hant") or "")
    assert age.warning("2026-01-01", clock, "en") is None  # 334 days: not stale
    assert age.is_stale("2025-11-30", clock) and not age.is_stale("2025-12-01", clock)  # more than 365 days
    assert age.warning("2023-08-03", clock._replace(warning_days=5000), "en") is None
    assert age.warning("2023-08-03", clock._replace(warn=False), "en") is None
    assert age.is_stale("2023-08-03", clock._replace(warn=False))  # the data still says so


def test_the_clock_comes_from_the_environment() -> None:
    assert age.clock_from_env({"HANBAN_TODAY": "2027-01-02", "HANBAN_AGE_WARNING_DAYS": "30"}) == age.Clock("2027-01-02", 30, True)
    assert age.clock_from_env({"HANBAN_TODAY": "2027-01-02", "HANBAN_NO_AGE_WARNING": "1"}).warn is False
    assert age.clock_from_env({"HANBAN_TODAY": "2027-01-02", "HANBAN_NO_AGE_WARNING": "0"}).warn is True
    import datetime

    assert age.clock_from_env({}).today == datetime.date.today().isoformat()


@pytest.mark.parametrize(("var", "value"), [("HANBAN_TODAY", "yesterday"), ("HANBAN_AGE_WARNING_DAYS", "-5"), ("HANBAN_AGE_WARNING_DAYS", "a year")])
def test_a_setting_that_cannot_be_used_is_one_clear_line(var: str, value: str) -> None:
    with pytest.raises(age.SettingError) as info:
        age.clock_from_env({var: value})
    assert str(info.value).startswith(f"cannot use {var}={value}: expected ")
    assert var in info.value.text("zh-Hans") and var in info.value.text("zh-Hant")
