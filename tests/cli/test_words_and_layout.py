"""Issue 21, words and layout: what people read in the three scripts (outlet names, search snippets,
English sentences, sources) and how it is laid out (tables, the Markdown file, `show`)."""

from __future__ import annotations

import html
import itertools
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanban.cli.app import app

HANS_ONLY = re.compile("[办证这个说资签网么为发]")  # Simplified characters no Traditional text has


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    return result.stdout


# -- search ---------------------------------------------------------------------------------------


def test_traditional_search_snippets_are_in_traditional(runner: CliRunner) -> None:
    out = run(runner, "--lang", "zh-Hant", "search", "身份证丢了")
    snippets = [field.split(": ", 1)[1] for line in out.splitlines() for field in line.split("\t")[3].split("; ")]
    chinese = [s for s in snippets if re.search("[\u4e00-\u9fff]", s)]
    assert chinese, out
    assert [s for s in chinese if HANS_ONLY.search(s)] == []
    assert "身份證丟了" in out


def test_simplified_search_snippets_stay_as_written(runner: CliRunner) -> None:
    assert "身份证丢了" in run(runner, "--lang", "zh-Hans", "search", "身份证丢了")
    assert '"身份证丢了"' in run(runner, "--lang", "zh-Hant", "search", "身份证丢了", "--json")  # (JSON: as the catalog writes it)


@pytest.mark.parametrize(
    ("lang", "note"),
    [("en", "not a visa on arrival"), ("zh-Hans", "并不是任何人都能办的落地签证"), ("zh-Hant", "並不是任何人都能辦的落地簽證")],
)
def test_search_for_a_term_the_sources_do_not_use_says_what_it_is_not(runner: CliRunner, lang: str, note: str) -> None:
    result = runner.invoke(app, ["--lang", lang, "search", "落地签"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert note in result.output
    assert result.output.count(note) == 1  # once, not under every hit


# -- English sentences ------------------------------------------------------------------------------

PEOPLE = sorted((Path(__file__).resolve().parent.parent / "people").glob("*.yaml"))


def ask_person(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, person: Path, lang: str = "en") -> str:
    first = person.read_text("utf-8").splitlines()[0]
    if first.startswith("# today:"):
        monkeypatch.setenv("HANBAN_TODAY", first.split(":", 1)[1].strip())
    got = runner.invoke(app, ["--lang", lang, "ask", "--answers", str(person)], env={"COLUMNS": "100"})
    assert got.exit_code == 0, got.output
    return got.stdout


@pytest.mark.parametrize("card", ["within-two-years", "over-two-years", "not-sure"])
@pytest.mark.parametrize("service", ["id-card-lost-reissue", "no-crime-certificate", "hukou-certificates"])
def test_living_abroad_reads_as_english(runner: CliRunner, service: str, card: str) -> None:
    sets = ["--set", f"service={service}", "--set", "hukou_province=henan", "--set", "live_province=abroad"]
    if service == "id-card-lost-reissue":
        sets += ["--set", f"card_issued={card}"]
    got = runner.invoke(app, ["--lang", "en", "ask", *sets], env={"COLUMNS": "100"})
    assert got.exit_code == 0, got.output
    assert "in Abroad" not in got.stdout and "living in Abroad" not in got.stdout
    assert "Abroad" in got.stdout  # (the answer is still named)


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p.stem)
def test_this_for_one_and_these_for_several(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, person: Path) -> None:
    lines = ask_person(runner, monkeypatch, person).splitlines()
    for n, line in enumerate(lines):
        if "the sources do not mention these" in line:
            assert ", " in line.split(":")[0], line  # several channels named
        if "the sources do not mention this " in line:
            assert ", " not in line.split(":")[0], line
        if line.startswith(("Look at these instead", "Look at this instead")):
            bullets = [b for b in lines[n + 2:] if b.startswith("- ")][:9]
            count = len(list(itertools.takewhile(lambda b: b.startswith("- "), lines[n + 2:])))
            assert bullets
            assert (count == 1) == line.startswith("Look at this instead"), (line, count)


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p.stem)
def test_where_to_go_lines_start_with_a_capital_and_do_not_say_the_name_twice(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, person: Path
) -> None:
    text = ask_person(runner, monkeypatch, person)
    section = text.split("## Where to go", 1)[1].split("\n## ", 1)[0] if "## Where to go" in text else ""
    for line in (x[2:] for x in section.splitlines() if x.startswith("- ")):
        assert line[0].isupper() or line[0].isdigit() or not line[0].isascii(), line
        name, _, description = line.partition(": ")
        first = re.split(r"[,;.]", description, maxsplit=1)[0].lower()
        assert not re.match(r"(the|a|an) ", first) or not set(first.split()[1:]) <= set(name.lower().split()) | {"a", "at", "of", "in"}, line


def test_police_issued_documents_are_not_worded_as_leave_to_refuse(runner: CliRunner) -> None:
    for lang in ("en", "zh-Hans", "zh-Hant"):
        out = run(runner, "--lang", lang, "show", "id-card-lost-reissue")
        assert "if asked for them" not in out and "如被要求提供" not in out
    assert "the office may no longer require" in run(runner, "--lang", "en", "show", "id-card-lost-reissue")


# -- layout -------------------------------------------------------------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def drawn(runner: CliRunner, columns: int, *args: str) -> str:
    """What a terminal `columns` wide shows (FORCE_COLOR: the drawn view, not plain lines)."""
    got = runner.invoke(app, list(args), env={"COLUMNS": str(columns), "FORCE_COLOR": "1", "NO_COLOR": None})
    assert got.exit_code == 0, got.output
    return ANSI.sub("", got.stdout)


@pytest.mark.parametrize("columns", [72, 80, 100, 140])
@pytest.mark.parametrize("lang", ["en", "zh-Hans", "zh-Hant"])
def test_list_gives_the_name_the_room_and_cuts_nothing(runner: CliRunner, columns: int, lang: str) -> None:
    from hanban.catalog.load import load_catalog

    out = drawn(runner, columns, "--lang", lang, "list")
    assert "…" not in out
    first = [line.split("│")[1].strip() for line in out.splitlines() if line.startswith("│")]  # the name / id column
    flat = "".join(first) if lang != "en" else " ".join(first)
    for s in load_catalog().services.values():
        assert s.name.get(lang) in flat, s.name.get(lang)
        assert s.id in first


@pytest.mark.parametrize("suffix", [".md", ".html"])
@pytest.mark.parametrize("lang", ["en", "zh-Hans", "zh-Hant"])
def test_the_exported_checklist_says_its_as_of_date_once(runner: CliRunner, tmp_path: Path, suffix: str, lang: str) -> None:
    out = tmp_path / f"checklist{suffix}"
    person = Path(__file__).resolve().parent.parent / "people" / "lost-card-last-year-local.yaml"
    got = runner.invoke(app, ["--lang", lang, "ask", "--answers", str(person), "-o", str(out)], env={"HANBAN_TODAY": "2026-12-07"})
    assert got.exit_code == 0, got.output
    from hanban.strings import word

    heading = f"## {word('h.sources', lang)}" if suffix == ".md" else f"<h2>{word('h.sources', lang)}</h2>"
    text = out.read_text("utf-8").split(heading)[0]  # (the sources have their own dates)
    assert text.count("2023-08-03") == 1, text


@pytest.mark.parametrize("lang", ["en", "zh-Hans", "zh-Hant"])
def test_show_prints_the_catalog_location_only_with_verbose(runner: CliRunner, lang: str) -> None:
    for view in (run, lambda r, *a: drawn(r, 100, *a)):
        plain = view(runner, "--lang", lang, "show", "id-card-lost-reissue")
        assert "catalog/services/" not in plain and "定义于" not in plain and "Defined in" not in plain
        verbose = view(runner, "--lang", lang, "show", "id-card-lost-reissue", "--verbose")
        assert "catalog/services/id-card.yaml" in verbose


# -- sources ------------------------------------------------------------------------------------------

SEED_FILE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")
OUTLET = {"en": "People's Daily Online", "zh-Hans": "人民网", "zh-Hant": "人民網"}
TITLE = {"en": "“公安部发布服务保障高质量发展26条措施”", "zh-Hans": "《公安部发布服务保障高质量发展26条措施》", "zh-Hant": "《公安部发布服务保障高质量发展26条措施》"}


@pytest.mark.parametrize("lang", ["en", "zh-Hans", "zh-Hant"])
def test_sources_are_named_by_outlet_title_and_date_never_by_seed_file(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    person = Path(__file__).resolve().parent.parent / "people" / "no-crime-certificate-henan-in-beijing.yaml"
    md, page = tmp_path / "c.md", tmp_path / "c.html"
    outputs = {
        "show": run(runner, "--lang", lang, "show", "no-crime-certificate"),
        "show, drawn": drawn(runner, 100, "--lang", lang, "show", "no-crime-certificate"),
        "ask": run(runner, "--lang", lang, "ask", "--answers", str(person), "-o", str(md)),
        "ask, drawn": drawn(runner, 100, "--lang", lang, "ask", "--answers", str(person)),
    }
    run(runner, "--lang", lang, "ask", "--answers", str(person), "-o", str(page))
    outputs.update({"markdown": md.read_text("utf-8").replace("\\", ""), "html": html.unescape(page.read_text("utf-8"))})
    for what, text in outputs.items():
        assert not SEED_FILE.search(text), what
        flat = re.sub(r"\s+", "", text) if lang != "en" else text
        assert OUTLET[lang] in text, what
        assert "People's Daily Online" not in text or lang == "en", what  # (a Chinese page names the outlet in Chinese)
        assert re.sub(r"\s+", "", TITLE[lang]) in flat.replace('<spanlang="zh-Hans">', "").replace("</span>", "") or what == "html", what
        assert "2023-08-03" in text, what
    assert "公安部发布服务保障高质量发展26条措施" in outputs["html"]


def test_json_and_the_validator_still_name_the_seed_file(runner: CliRunner) -> None:
    assert SEED_FILE.search(run(runner, "show", "no-crime-certificate", "--json"))


def test_an_ignored_answer_is_named_as_it_was_written_not_as_a_python_value(runner: CliRunner) -> None:
    got = runner.invoke(app, ["--lang", "en", "ask", "--set", "service=id-card-renewal", "--set", "repeat_trips=no"])
    assert "repeat_trips=no" in got.output and "False" not in got.output


def test_on_a_terminal_why_a_hit_matched_is_said_in_the_pages_language(runner: CliRunner) -> None:
    out = drawn(runner, 100, "--lang", "zh-Hans", "search", "身份证丢了")
    assert "别名：" in out and "alias:" not in out
    assert "alias: " in run(runner, "--lang", "zh-Hans", "search", "身份证丢了")  # (piped lines keep the field's id)
