"""Search: folding (width, case, Traditional), ranking, did-you-mean, `hanban search`, completion,
and a table of queries people really type against the built-in catalog."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO
from hanban.catalog import model as m
from hanban.catalog.load import load_catalog
from hanban.cli.app import app
from hanban.errors import NotFound
from hanban.find.resolve import resolve, resolve_service
from hanban.find.search import Match, search
from hanban.find.text import fold, normalize
from queries import QUERIES

Write = Callable[[str, str], Path]

QUOTE = """
      - file: 000_c6c68a2d4d68e37f.txt
        measure: 15
        quote: 无犯罪记录证明开具等事项，全面实施“跨省通办”"""

SERVICE = """
  - id: {id}
    name: {{zh-Hans: {zh}, en: "{en}"}}
    aliases:
      zh-Hans: [{zh_aliases}]
      en: [{en_aliases}]
    category: certificates
    audience: [citizen]
    summary: {{zh-Hans: {summary_zh}, en: "{summary_en}"}}
    channels:
      one_window: {{available: false, status: not_stated}}
      fully_online: {{available: false, status: not_stated}}
      cross_province:
        available: true
        status: nationwide
        sources:""" + QUOTE.replace("\n      ", "\n          ") + """
    sources:""" + QUOTE.replace("\n      ", "\n      ")

MINI = [
    {"id": "no-crime-certificate", "zh": "无犯罪记录证明开具", "en": "No-criminal-record certificate",
     "zh_aliases": "开无犯罪证明", "en_aliases": "police clearance certificate",
     "summary_zh": "公安机关开具的无犯罪记录证明。", "summary_en": "A certificate that you have no criminal record."},
    {"id": "id-card-lost-reissue", "zh": "居民身份证丢失补领", "en": "Replacing a lost resident identity card",
     "zh_aliases": "身份证补办", "en_aliases": "lost ID card",
     "summary_zh": "居民身份证丢失后申请补领。", "summary_en": "Apply for a new card after losing yours."},
    {"id": "id-card-first-application", "zh": "首次申领居民身份证", "en": "First application for a resident identity card",
     "zh_aliases": "第一次办身份证", "en_aliases": "first ID card",
     "summary_zh": "第一次申领居民身份证。", "summary_en": "Your first resident identity card."},
    {"id": "port-visa", "zh": "口岸签证", "en": "Visa on arrival at the port",
     "zh_aliases": "落地签", "en_aliases": "visa on arrival",
     "summary_zh": "外国人在入境口岸申请签证，可凭企业邀请函件办理。",
     "summary_en": "Foreigners apply at the border for a visa."},
]

GLOSSARY = """
glossary:
  - zh-Hans: 口岸签证
    en: port visa
  - zh-Hans: 企业邀请函件
    en: invitation letter from a Chinese enterprise
  - zh-Hans: 居民身份证
    en: resident identity card (ID card)
"""


@pytest.fixture
def mini(write: Write, tmp_path: Path, base: Path) -> Path:
    """A small catalog (four services and a glossary) used as the built-in one."""
    write("base/services/mini.yaml", "services:" + "".join(SERVICE.format(**s) for s in MINI) + "\n")
    write("base/glossary.yaml", GLOSSARY)
    return base


@pytest.fixture
def cat(mini: Path) -> m.Catalog:
    return load_catalog(builtin=mini)


@pytest.fixture
def cli_mini(mini: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Commands read the small catalog as their built-in one."""
    monkeypatch.setattr("hanban.catalog.files.builtin_dir", lambda: mini)
    return mini


def ids(hits: list) -> list[str]:  # type: ignore[type-arg]
    return [h.id for h in hits]


# --------------------------------------------------------------------------- folding


def test_normalize_folds_full_width_case_and_punctuation() -> None:
    assert normalize("ＩＤ　Ｃａｒｄ－１２３") == "id card 123"
    assert normalize("No-Crime_Certificate!") == "no crime certificate"


def test_fold_turns_traditional_and_taiwan_spellings_into_simplified() -> None:
    assert fold("身分證補領") == "身份证补领"
    assert fold("無犯罪紀錄證明") == "无犯罪记录证明"
    assert fold("身份证补领") == "身份证补领"


# --------------------------------------------------------------------------- ranking


def test_alias_typed_exactly_ranks_first_with_the_alias_as_the_reason(cat: m.Catalog) -> None:
    hits = search(cat, "身份证补办")
    assert hits[0].id == "id-card-lost-reissue"
    assert ("alias", "身份证补办") in [(x.field, x.text) for x in hits[0].matched]


def test_traditional_query_matches_simplified_only_catalog(cat: m.Catalog) -> None:
    assert search(cat, "開無犯罪證明")[0].id == "no-crime-certificate"
    assert search(cat, "身分證補辦")[0].id == "id-card-lost-reissue"


def test_full_width_and_upper_case_english_match(cat: m.Catalog) -> None:
    assert search(cat, "ＬＯＳＴ ＩＤ ＣＡＲＤ")[0].id == "id-card-lost-reissue"
    assert search(cat, "Police Clearance")[0].id == "no-crime-certificate"


def test_words_of_a_name_in_another_order_still_match(cat: m.Catalog) -> None:
    assert search(cat, "身份证 首次")[0].id == "id-card-first-application"


def test_glossary_bridges_english_to_chinese_text(cat: m.Catalog) -> None:
    hits = search(cat, "invitation letter")  # only the Chinese summary mentions it (企业邀请函件)
    assert ids(hits) == ["port-visa"]
    assert hits[0].matched[0] == Match("glossary", "企业邀请函件 = invitation letter from a Chinese enterprise")


def test_text_of_the_summary_is_searched_below_names(cat: m.Catalog) -> None:
    hits = search(cat, "邀请函")
    assert ids(hits)[:1] == ["port-visa"]
    assert hits[0].matched[0].field in ("summary", "glossary")
    assert hits[0].score < search(cat, "口岸签证")[0].score


def test_english_typo_of_an_id_is_a_near_miss(cat: m.Catalog) -> None:
    hits = search(cat, "no-crime-certficate")
    assert hits[0].id == "no-crime-certificate"


def test_nothing_matches_gives_no_hits(cat: m.Catalog) -> None:
    assert search(cat, "zzzz qqqq") == []
    assert search(cat, "   ") == []


def test_limit_caps_the_number_of_hits(cat: m.Catalog) -> None:
    assert len(search(cat, "身份证", 1)) == 1
    assert len(search(cat, "身份证", 10)) >= 2


def test_hits_are_sorted_by_score(cat: m.Catalog) -> None:
    scores = [h.score for h in search(cat, "身份证")]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)


@pytest.mark.parametrize("query,imported", [("lost id card", False), ("身份证丢了", False), ("身分證補領", True)])
def test_opencc_is_imported_only_for_queries_that_may_be_traditional(mini: Path, tmp_path: Path, query: str, imported: bool) -> None:
    # Compiling the catalog derives its Traditional text with OpenCC; a search through the compiled index does not.
    code = (
        "import sys; from pathlib import Path; from hanban.index import open_catalog; "
        "from hanban.find.search import search; "
        f"cat = open_catalog(builtin=Path({str(mini)!r}), directory=Path({str(tmp_path / 'cache')!r})); "
        f"search(cat, {query!r}); print('opencc' in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)  # compile
    got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert got.stdout.strip() == str(imported)


# --------------------------------------------------------------------------- resolution


def test_resolve_takes_exact_id_name_and_alias_in_any_script(cat: m.Catalog) -> None:
    assert resolve(cat, "port-visa").service.id == "port-visa"
    assert resolve(cat, "口岸簽證").service.id == "port-visa"  # Traditional name, derived
    assert resolve(cat, "ＬＯＳＴ ＩＤ ＣＡＲＤ").service.id == "id-card-lost-reissue"
    assert not resolve(cat, "落地签").guessed


def test_resolve_uses_a_single_clear_best_match_and_says_so(cat: m.Catalog) -> None:
    notes: list[str] = []
    s = resolve_service(cat, "no-crime-certficate", note=notes.append)
    assert s.id == "no-crime-certificate"
    assert len(notes) == 1 and "no-crime-certificate" in notes[0]


def test_resolve_lists_candidates_when_the_best_match_is_not_clear(cat: m.Catalog) -> None:
    with pytest.raises(NotFound) as err:
        resolve(cat, "身份证")
    assert {"id-card-lost-reissue", "id-card-first-application"} <= set(err.value.candidates)


def test_resolve_without_any_match_has_no_candidates(cat: m.Catalog) -> None:
    with pytest.raises(NotFound) as err:
        resolve(cat, "zzzz")
    assert err.value.candidates == ()


# --------------------------------------------------------------------------- commands


def test_search_command_prints_one_plain_line_per_hit(runner: CliRunner, cli_mini: Path) -> None:
    got = runner.invoke(app, ["search", "lost", "ID", "card"])
    assert got.exit_code == 0
    first = got.stdout.splitlines()[0].split("\t")
    assert first[0] == "id-card-lost-reissue" and "alias: lost ID card" in first[3]


def test_search_json_is_an_array_of_id_name_score_matched(runner: CliRunner, cli_mini: Path) -> None:
    got = runner.invoke(app, ["search", "身分證補辦", "--json", "--limit", "2"])
    assert got.exit_code == 0
    data = json.loads(got.stdout)
    assert 1 <= len(data) <= 2
    assert all(set(h) == {"schema", "id", "name", "score", "matched"} for h in data)
    assert data[0]["id"] == "id-card-lost-reissue"
    assert set(data[0]["name"]) == {"zh-Hans", "zh-Hant", "en"}
    assert all(set(x) == {"field", "text"} for x in data[0]["matched"])


def test_search_without_a_hit_exits_1_with_a_message_on_stderr(runner: CliRunner, cli_mini: Path) -> None:
    got = runner.invoke(app, ["search", "zzzz"])
    assert got.exit_code == 1
    assert got.stdout == "" and "no service matches" in got.stderr


def test_search_rejects_a_limit_below_one(runner: CliRunner, cli_mini: Path) -> None:
    got = runner.invoke(app, ["search", "visa", "--limit", "0"])
    assert got.exit_code == 2 and "--limit" in got.stderr


def test_show_takes_a_clear_near_miss_and_says_so_on_stderr(runner: CliRunner, cli_mini: Path) -> None:
    got = runner.invoke(app, ["show", "no-crime-certficate", "--json"])
    assert got.exit_code == 0
    assert json.loads(got.stdout)["id"] == "no-crime-certificate"
    assert "closest match" in got.stderr


def test_show_with_an_ambiguous_name_exits_2_asking_did_you_mean(runner: CliRunner, cli_mini: Path) -> None:
    got = runner.invoke(app, ["show", "身份证"])
    assert got.exit_code == 2
    assert "did you mean" in got.stderr and "id-card-lost-reissue" in got.stderr


# --------------------------------------------------------------------------- completion


def test_completion_offers_service_ids_with_their_english_names(cli_mini: Path) -> None:
    from hanban.cli.complete import service_ids

    found = dict(service_ids(None, ""))
    assert set(found) == {s["id"] for s in MINI}
    assert found["port-visa"] == "Visa on arrival at the port"


def test_shell_completion_offers_service_ids_for_show(runner: CliRunner, cli_mini: Path) -> None:
    env = {"_HANBAN_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "hanban show id-card"}
    got = runner.invoke(app, [], env=env, prog_name="hanban")
    assert "id-card-lost-reissue" in got.stdout and "id-card-first-application" in got.stdout
    assert "port-visa" not in got.stdout


def test_shell_completion_offers_service_ids_for_ask_set(runner: CliRunner, cli_mini: Path) -> None:
    env = {"_HANBAN_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "hanban ask --set service=id-card"}
    got = runner.invoke(app, [], env=env, prog_name="hanban")
    assert "service=id-card-lost-reissue" in got.stdout and "service=port-visa" not in got.stdout
    env["_TYPER_COMPLETE_ARGS"] = "hanban ask --set ser"
    assert "service=" in runner.invoke(app, [], env=env, prog_name="hanban").stdout


def test_completion_includes_overlay_services(
    cli_mini: Path, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hanban.cli.complete import service_ids

    write("ov/x.yaml", "services:" + SERVICE.format(**{**MINI[0], "id": "overlay-only"}) + "\n")
    assert service_ids(None, "over") == []
    monkeypatch.setenv("HANBAN_CATALOG", str(tmp_path / "ov"))
    assert [sid for sid, _ in service_ids(None, "over")] == ["overlay-only"]


# --------------------------------------------------------------------------- what people type



@pytest.fixture(scope="module")
def builtin() -> m.Catalog:
    return load_catalog()


@pytest.mark.parametrize("query,expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_what_people_type_finds_the_right_service_first(builtin: m.Catalog, query: str, expected: str) -> None:
    hits = search(builtin, query, 3)
    assert hits, f"{query!r} found nothing"
    assert hits[0].id == expected, f"{query!r}: got {[(h.id, h.score) for h in hits]}"


def test_the_query_table_is_long_and_covers_traditional_and_english() -> None:
    assert len(QUERIES) >= 30
    assert sum(q.isascii() for q, _ in QUERIES) >= 8
    assert sum(fold(q) != normalize(q) for q, _ in QUERIES) >= 5  # Traditional or variant spellings
