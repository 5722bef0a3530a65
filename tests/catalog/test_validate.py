"""The validator: each broken catalog gives one FILE:LINE: field.path: message line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import service_yaml
from hanban.catalog.load import load_catalog
from hanban.errors import CatalogError

Write = Callable[[str, str], Path]


def problems_of(overlay: Path) -> list[str]:
    with pytest.raises(CatalogError) as info:
        load_catalog([overlay], builtin=overlay.parent / "base")
    return [str(p) for p in info.value.problems]


def only(overlay: Path) -> str:
    got = problems_of(overlay)
    assert len(got) == 1, got
    return got[0].replace(str(overlay), "OVERLAY")


def test_a_valid_overlay_loads_on_top_of_the_builtin_catalog(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/services/a.yaml", service_yaml())
    cat = load_catalog([tmp_path / "ov"], builtin=base)
    assert "test-service" in cat.services
    assert cat.services["test-service"].as_of == "2023-08-03"


def test_unknown_key_is_reported_with_a_suggestion(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/s.yaml", service_yaml().replace("    category:", "    catgory: x\n    category:"))
    assert only(tmp_path / "ov") == "OVERLAY/s.yaml:4: services[0].catgory: unknown key (did you mean 'category'?)"


def test_missing_required_key_names_the_entry(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/s.yaml", service_yaml().replace("    audience: [citizen]\n", ""))
    assert only(tmp_path / "ov") == "OVERLAY/s.yaml:2: services[0]: missing required key 'audience'"


def test_bad_status_lists_the_allowed_values(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/s.yaml", service_yaml().replace("status: nationwide", "status: everywhere"))
    assert only(tmp_path / "ov") == (
        "OVERLAY/s.yaml:12: services[0].channels.cross_province.status: "
        "'everywhere' is not one of: nationwide, pilot, exploring, not_stated"
    )


def test_nationwide_needs_a_quote_that_says_so(write: Write, tmp_path: Path, base: Path) -> None:
    text = service_yaml().replace("无犯罪记录证明开具等事项，全面实施“跨省通办”", "无犯罪记录证明开具", 1)
    write("ov/s.yaml", text)
    assert only(tmp_path / "ov") == (
        "OVERLAY/s.yaml:12: services[0].channels.cross_province.status: nationwide, but no source quote says 全面/全国"
    )


def test_bad_id_is_refused(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/s.yaml", service_yaml(id="Bad_ID"))
    assert only(tmp_path / "ov") == "OVERLAY/s.yaml:2: services[0].id: 'Bad_ID' is not a lowercase kebab-case ascii id"


def test_unknown_place_reference(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/s.yaml", service_yaml().replace("    sources:\n      - file", "    where: [nowhere]\n    sources:\n      - file", 1))
    got = only(tmp_path / "ov")
    assert got.endswith("services[0].where[0]: unknown place 'nowhere'")


def test_unknown_measure_number(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/s.yaml", service_yaml().replace("    category:", "    measures: [27]\n    category:"))
    assert only(tmp_path / "ov") == "OVERLAY/s.yaml:4: services[0].measures[0]: expected a measure number 1-26, got 27"


def test_unknown_source_file(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/s.yaml", service_yaml().replace("file: 000_c6c68a2d4d68e37f.txt\n        measure: 15\n        quote: 无犯罪记录证明开具等事项，全面实施“跨省通办”\n", "file: rumours.txt\n        measure: 15\n        quote: 无犯罪记录证明开具等事项，全面实施“跨省通办”\n"))
    got = only(tmp_path / "ov")
    assert got.endswith("services[0].sources[0].file: unknown source file 'rumours.txt'")


def test_duplicate_ids_across_files_of_one_folder(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/a.yaml", service_yaml())
    write("ov/b.yaml", service_yaml())
    got = only(tmp_path / "ov")
    assert got == "OVERLAY/b.yaml:2: services.id: duplicate id 'test-service' (first defined at OVERLAY/a.yaml:2)"


def test_wrong_top_level_shape(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/s.yaml", "- just\n- a list\n")
    assert only(tmp_path / "ov") == "OVERLAY/s.yaml:1: expected a mapping, got a list"


def test_unknown_top_level_key(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/s.yaml", "servces: []\n")
    assert only(tmp_path / "ov") == "OVERLAY/s.yaml:1: servces: unknown key (did you mean 'services'?)"


def test_wrong_type_names_what_was_found(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/s.yaml", service_yaml().replace("audience: [citizen]", "audience: citizen"))
    assert only(tmp_path / "ov") == "OVERLAY/s.yaml:5: services[0].audience: expected a list, got a string"


def test_every_problem_is_reported_not_just_the_first(write: Write, tmp_path: Path, base: Path) -> None:
    write("ov/a.yaml", service_yaml().replace("category: certificates", "category: nope"))
    write("ov/b.yaml", "services: 3\n")
    got = problems_of(tmp_path / "ov")
    assert len(got) == 2


def test_quotes_are_checked_against_the_seeds_when_asked(write: Write, tmp_path: Path, base: Path) -> None:
    from conftest import need_seeds

    write("ov/s.yaml", service_yaml().replace("quote: 无犯罪记录证明开具等事项，全面实施“跨省通办”\n    sources", "quote: 无犯罪记录证明全国都能网上办理\n    sources"))
    with pytest.raises(CatalogError) as info:
        load_catalog([tmp_path / "ov"], seeds=need_seeds(), builtin=tmp_path / "base")
    assert [p.message for p in info.value.problems] == ["quote not found verbatim in 000_c6c68a2d4d68e37f.txt"]
