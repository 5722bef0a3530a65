"""Every word in the person's language: the locale decides, --lang goes before or after the command,
and help and errors (click's own words too) are in all three scripts."""

from __future__ import annotations

import os
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO, service_yaml
from hanban.cli.app import app, app_language
from hanban.strings import lang_from_locale


@pytest.mark.parametrize(
    "locale,lang",
    [("zh_CN.UTF-8", "zh-Hans"), ("zh_SG.UTF-8", "zh-Hans"), ("zh_TW.UTF-8", "zh-Hant"), ("zh_HK.UTF-8", "zh-Hant"),
     ("zh_MO.UTF-8", "zh-Hant"), ("de_DE.UTF-8", "en"), ("fr_FR.UTF-8", "en"), ("C.UTF-8", "en"), ("en_GB.UTF-8", "en")],
)
def test_the_locale_chooses_the_language(locale: str, lang: str) -> None:
    assert lang_from_locale({"LANG": locale}) == lang


@pytest.mark.parametrize(
    "env,lang",
    [({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN:en"}, "zh-Hans"),  # gettext: LANGUAGE wins over LANG
     ({"LC_ALL": "zh_CN.UTF-8", "LANGUAGE": "en_GB"}, "en"),  # ... and over LC_ALL
     ({"LANG": "en_US.UTF-8", "LANGUAGE": "de:fr:zh_TW:en"}, "zh-Hant"),  # its first entry hanban speaks
     ({"LANG": "zh_CN.UTF-8", "LANGUAGE": "de:fr"}, "en"),  # none: the untranslated words, as gettext
     ({"LANG": "C.UTF-8", "LANGUAGE": "zh_HK"}, "zh-Hant"),
     ({"LANG": "C", "LANGUAGE": "zh_CN"}, "en"),  # ignored in the C locale, as gettext does
     ({"LC_ALL": "POSIX", "LANGUAGE": "zh_CN"}, "en"),
     ({"LANGUAGE": "zh_CN"}, "en"),  # no locale set is the C locale
     ({"LANG": "zh_TW.UTF-8", "LANGUAGE": ""}, "zh-Hant")],
)
def test_language_wins_over_the_locale_as_gettext_reads_it(env: dict[str, str], lang: str) -> None:
    assert lang_from_locale(env) == lang


@pytest.mark.parametrize("value,lang", [("zh-Hant", "zh-Hant"), ("ZH_HANS", "zh-Hans"), (" en ", "en"), ("zh_tw", "zh-Hant")])
def test_hanban_lang_wins_over_the_locale_and_language(value: str, lang: str) -> None:
    assert lang_from_locale({"HANBAN_LANG": value, "LC_ALL": "de_DE.UTF-8", "LANGUAGE": "fr:de"}) == lang


def test_an_unknown_or_empty_hanban_lang_leaves_the_choice_to_the_locale() -> None:
    assert lang_from_locale({"HANBAN_LANG": "klingon", "LANG": "zh_TW.UTF-8"}) == "zh-Hant"
    assert lang_from_locale({"HANBAN_LANG": "  ", "LANG": "zh_CN.UTF-8"}) == "zh-Hans"


def test_lang_on_the_command_line_wins_over_hanban_lang(monkeypatch: pytest.MonkeyPatch, runner: CliRunner) -> None:
    monkeypatch.setenv("HANBAN_LANG", "zh-Hant")
    assert app_language(["list"]) == "zh-Hant"
    assert app_language(["list", "--lang", "en"]) == "en"
    got = runner.invoke(app, ["show", "port-visa"])
    assert got.exit_code == 0 and got.stdout.startswith("口岸簽證")
    got = runner.invoke(app, ["show", "port-visa", "--lang", "en"])
    assert got.exit_code == 0 and got.stdout.startswith("Port visa")


def test_a_person_with_hanban_lang_set_gets_that_language_and_a_typo_is_told() -> None:
    got = hanban("show", "port-visa", locale="de_DE.UTF-8", HANBAN_LANG="zh-Hans", LANGUAGE="de")
    assert got.returncode == 0 and got.stdout.startswith("口岸签证") and got.stderr == ""
    got = hanban("show", "port-visa", locale="zh_CN.UTF-8", HANBAN_LANG="zh-CNN")
    assert got.returncode == 0 and got.stdout.startswith("口岸签证")
    assert got.stderr == "hanban：已忽略 HANBAN_LANG=“zh-CNN”（未知的语言；可用：zh-Hans、zh-Hant、en）\n"


def test_lang_on_the_command_line_wins_wherever_it_is() -> None:
    assert app_language(["show", "x", "--lang", "zh-Hant"]) == "zh-Hant"
    assert app_language(["--lang=en", "show", "x"]) == "en"


def test_lang_after_the_command_chooses_the_output_language(runner: CliRunner) -> None:
    got = runner.invoke(app, ["show", "port-visa", "--lang", "zh-Hans"])
    assert got.exit_code == 0 and got.stdout.startswith("口岸签证")
    got = runner.invoke(app, ["list", "--lang", "zh-Hant"])
    assert got.exit_code == 0 and "無犯罪記錄證明開具" in got.stdout


def hanban(*args: str, locale: str, **more: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": locale, "COLUMNS": "80", **more}
    env.pop("LC_ALL", None)
    return subprocess.run([sys.executable, "-m", "hanban", *args], capture_output=True, text=True, env=env, cwd=REPO, check=False, timeout=60)


def test_a_german_locale_gets_english() -> None:
    got = hanban("show", "port-visa", locale="de_DE.UTF-8")
    assert got.returncode == 0 and got.stdout.startswith("Port visa")


def test_help_and_usage_errors_are_in_the_locales_language() -> None:
    helped = hanban("--help", locale="zh_CN.UTF-8")
    assert helped.returncode == 0
    assert "用法：hanban" in helped.stdout and "命令：" in helped.stdout and "显示此帮助并退出。" in helped.stdout
    assert "Usage" not in helped.stdout and "Show this message" not in helped.stdout
    wrong = hanban("show", "--bogus", locale="zh_CN.UTF-8")
    assert wrong.returncode == 2 and "错误：没有这个选项：--bogus" in wrong.stderr and "Error" not in wrong.stderr
    missing = hanban("show", locale="zh_TW.UTF-8")
    assert missing.returncode == 2 and "錯誤：缺少引數 事項" in missing.stderr


def test_errors_of_hanban_itself_follow_the_language() -> None:
    got = hanban("show", "nothing-like-this-at-all", "--lang", "zh-Hans", locale="C.UTF-8")
    assert got.returncode == 2 and "没有名为 'nothing-like-this-at-all' 的事项" in got.stderr
    got = hanban("ask", locale="zh_CN.UTF-8")
    assert got.returncode == 2 and "没有终端可供提问" in got.stderr


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "en"])
def test_every_command_has_help_in_every_language(lang: str) -> None:
    from hanban.cli.app import COMMANDS, build_app

    runner = CliRunner()
    for name, _ in COMMANDS:
        got = runner.invoke(build_app(lang), [name, "--help"])  # type: ignore[arg-type]
        assert got.exit_code == 0, got.output
        english = ("Usage", "Options", "Show this message")
        assert any(w in got.stdout for w in english) == (lang == "en"), (name, got.stdout)


# -- catalog problems: in the person's language, still FILE:LINE: field ------------------------


def broken_overlay(tmp_path: Path) -> tuple[Path, str]:
    """An overlay with one problem, and where the problem is (FILE:LINE: field: )."""
    ov = tmp_path / "ov"
    ov.mkdir()
    (ov / "a.yaml").write_text(service_yaml().lstrip("\n").replace("status: nationwide", "status: everywhere"), "utf-8")
    return ov, f"{ov}/a.yaml:12: services[0].channels.cross_province.status: "


def test_validate_prints_each_problem_in_the_language_asked_with_file_line_and_field(runner: CliRunner, tmp_path: Path) -> None:
    ov, where = broken_overlay(tmp_path)
    got = runner.invoke(app, ["--lang", "zh-Hans", "validate", str(ov)])
    assert got.exit_code == 1
    assert got.stdout == f"{where}“everywhere”不是允许的值；可选：nationwide、pilot、exploring、not_stated\n"
    assert got.stderr == "hanban：发现 1 个问题\n"
    got = runner.invoke(app, ["validate", str(ov)], env={"LANG": "zh_TW.UTF-8"})
    assert got.exit_code == 1
    assert got.stdout == f"{where}「everywhere」不是允許的值；可選：nationwide、pilot、exploring、not_stated\n"
    got = runner.invoke(app, ["validate", str(ov), "--lang", "en"])  # English as it always was
    assert got.stdout == f"{where}'everywhere' is not one of: nationwide, pilot, exploring, not_stated\n"
    assert got.stderr == "hanban: 1 problem(s) found\n"


def test_a_command_on_a_broken_catalog_names_the_problems_in_the_language_asked(runner: CliRunner, tmp_path: Path) -> None:
    ov, where = broken_overlay(tmp_path)
    got = runner.invoke(app, ["--lang", "zh-Hant", "--catalog", str(ov), "list"])
    assert got.exit_code == 2 and got.stdout == ""
    assert got.stderr.splitlines() == [
        f"{where}「everywhere」不是允許的值；可選：nationwide、pilot、exploring、not_stated",
        "hanban：資料目錄有 1 個問題；執行 `hanban validate` 檢視詳情",
    ]


def test_a_folder_that_does_not_validate_is_refused_in_the_language_asked(runner: CliRunner, tmp_path: Path) -> None:
    ov, where = broken_overlay(tmp_path)
    got = runner.invoke(app, ["--lang", "zh-Hans", "catalog", "pack", str(ov), "--output", str(tmp_path / "x.tar.gz")])
    assert got.exit_code == 3 and not (tmp_path / "x.tar.gz").exists()
    lines = got.stderr.splitlines()
    assert lines[0] == f"{where}“everywhere”不是允许的值；可选：nationwide、pilot、exploring、not_stated"
    assert "未通过校验" in lines[-1]


def test_a_broken_answers_file_is_named_in_the_language_asked(runner: CliRunner, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("service: [\n", "utf-8")
    got = runner.invoke(app, ["--lang", "zh-Hans", "ask", "--answers", str(answers)])
    assert got.exit_code == 2
    assert f"无法读取答案文件：{answers}:2: YAML 语法错误：" in got.stderr


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_chinese_help_breaks_between_characters_never_inside_a_number(lang: str) -> None:
    from hanban.cli.app import build_app

    runner = CliRunner()
    app = build_app(lang)
    for columns in range(30, 101):
        got = runner.invoke(app, ["--help"], env={"COLUMNS": str(columns)}, terminal_width=columns)  # type: ignore[arg-type]
        assert got.exit_code == 0, got.output
        lines = [line.strip() for line in got.stdout.splitlines()]
        assert "2023年8月" in "".join(lines), columns
        for line, after in pairwise(lines):  # (a number split across lines: "依据公安部20" / "23年8月")
            assert not (line[-1:].isdigit() and after[:1].isdigit()), (columns, line, after)
