"""Issue 21, words and layout: what people read in the three scripts (outlet names, search snippets,
English sentences, sources) and how it is laid out (tables, the Markdown file, `show`)."""

from __future__ import annotations

import re

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


@pytest.mark.parametrize(
    ("lang", "note"),
    [("en", "not a visa on arrival"), ("zh-Hans", "并不是任何人都能办的落地签证"), ("zh-Hant", "並不是任何人都能辦的落地簽證")],
)
def test_search_for_a_term_the_sources_do_not_use_says_what_it_is_not(runner: CliRunner, lang: str, note: str) -> None:
    result = runner.invoke(app, ["--lang", lang, "search", "落地签"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert note in result.output
    assert result.output.count(note) == 1  # once, not under every hit
