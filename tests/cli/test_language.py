"""Every word in the person's language: the locale decides, --lang goes before or after the command,
and help and errors (click's own words too) are in all three scripts."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import REPO
from hanban.cli.app import app, app_language
from hanban.strings import lang_from_locale


@pytest.mark.parametrize(
    "locale,lang",
    [("zh_CN.UTF-8", "zh-Hans"), ("zh_SG.UTF-8", "zh-Hans"), ("zh_TW.UTF-8", "zh-Hant"), ("zh_HK.UTF-8", "zh-Hant"),
     ("zh_MO.UTF-8", "zh-Hant"), ("de_DE.UTF-8", "en"), ("fr_FR.UTF-8", "en"), ("C.UTF-8", "en"), ("en_GB.UTF-8", "en")],
)
def test_the_locale_chooses_the_language(locale: str, lang: str) -> None:
    assert lang_from_locale({"LANG": locale}) == lang


def test_lang_on_the_command_line_wins_wherever_it_is() -> None:
    assert app_language(["show", "x", "--lang", "zh-Hant"]) == "zh-Hant"
    assert app_language(["--lang=en", "show", "x"]) == "en"


def test_lang_after_the_command_chooses_the_output_language(runner: CliRunner) -> None:
    got = runner.invoke(app, ["show", "port-visa", "--lang", "zh-Hans"])
    assert got.exit_code == 0 and got.stdout.startswith("口岸签证")
    got = runner.invoke(app, ["list", "--lang", "zh-Hant"])
    assert got.exit_code == 0 and "無犯罪記錄證明開具" in got.stdout


def hanban(*args: str, locale: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": locale, "COLUMNS": "80"}
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
