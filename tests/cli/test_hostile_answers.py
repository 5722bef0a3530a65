"""Hostile answers (--answers FILE, --set): exit 2 with one message naming the question, nothing
raw reaches the terminal, nothing crashes.

(test_ask.py covers a value outside the choices, an unknown id, and an answers file that is a list.)
A number and a text question are added by an overlay: the built-in wizard only has selects and
yes/no questions.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hanban.cli.app import app

Write = Callable[[str, str], Path]
BASE = ["--set", "service=no-crime-certificate", "--set", "hukou_province=beijing", "--set", "live_province=hebei"]
QUESTIONS = """
questions:
  - id: age
    type: number
    min: 0
    max: 150
    prompt: {zh-Hans: 您多大年纪？, en: How old are you?}
    when:
      equals: {service: no-crime-certificate}
  - id: nickname
    type: text
    prompt: {zh-Hans: 您的称呼？, en: What should we call you?}
    when:
      equals: {service: no-crime-certificate}
"""


@pytest.fixture(scope="module")
def overlay(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One overlay for the module (read only), so its compiled index is made once."""
    ov = tmp_path_factory.mktemp("ov")
    (ov / "questions.yaml").write_text(textwrap.dedent(QUESTIONS).lstrip("\n"), encoding="utf-8")
    return ov


def ask(runner: CliRunner, overlay: Path, *args: str) -> Any:
    return runner.invoke(app, ["--lang", "en", "--catalog", str(overlay), "ask", *args])


def test_the_overlay_questions_are_answerable(runner: CliRunner, overlay: Path) -> None:
    got = ask(runner, overlay, *BASE, "--set", "age=30", "--set", "nickname=Bob")
    assert got.exit_code == 0, got.output
    assert "**Bob**" in got.stdout and "**30**" in got.stdout


# -- malformed files -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, message",
    [
        ("service: [no-crime\n", "YAML syntax error"),
        ("service: !!python/object/apply:os.system [id]\n", "YAML tag"),
        ("service: &s no-crime-certificate\nagain: *s\n", "anchors and aliases"),
        ("service: a\nservice: b\n", "duplicate key"),
        ("service: {nested: map}\n", "service: expected a plain value"),
        ("nickname: [a, list]\n", "nickname: expected a plain value"),
        ("just a string\n", "expected a mapping of question id to answer"),
        ("", "expected a mapping of question id to answer"),
    ],
    ids=["broken", "tag", "alias", "dupkey", "nested", "list", "scalar", "empty"],
)
def test_a_malformed_answers_file_exits_2_naming_the_file(runner: CliRunner, overlay: Path, tmp_path: Path, text: str, message: str) -> None:
    f = tmp_path / "answers.yaml"
    f.write_text(text, encoding="utf-8")
    got = ask(runner, overlay, "--answers", str(f))
    assert got.exit_code == 2, got.output
    assert str(f) in got.stderr and message in got.stderr
    assert got.stdout == "" and "Traceback" not in got.output


def test_an_answers_file_that_is_not_utf8_names_its_line(runner: CliRunner, overlay: Path, tmp_path: Path) -> None:
    f = tmp_path / "answers.yaml"
    f.write_bytes("service: no-crime-certificate\nnickname: 小明\n".encode("gbk"))
    got = ask(runner, overlay, "--answers", str(f))
    assert got.exit_code == 2
    assert f"{f}:2: not UTF-8" in got.stderr


def test_a_missing_answers_file_is_one_message(runner: CliRunner, overlay: Path, tmp_path: Path) -> None:
    got = ask(runner, overlay, "--answers", str(tmp_path / "nope.yaml"))
    assert got.exit_code == 2
    assert "No such file or directory" in got.stderr and "Traceback" not in got.output


def test_every_bad_answer_is_reported_at_once(runner: CliRunner, overlay: Path, tmp_path: Path) -> None:
    f = tmp_path / "answers.yaml"
    f.write_text("service: no-crime-certificate\nhukou_province: atlantis\nfavourite_colour: blue\nage: old\n", encoding="utf-8")
    got = ask(runner, overlay, "--answers", str(f))
    assert got.exit_code == 2
    for part in ("hukou_province: 'atlantis' is not allowed", "unknown question id 'favourite_colour'", "age: 'old' is not a whole number"):
        assert part in got.stderr


@pytest.mark.parametrize("value", ["true", "yes", "null", "~", "1.5", "[a]"])
def test_a_select_answer_of_another_type_is_refused(runner: CliRunner, overlay: Path, tmp_path: Path, value: str) -> None:
    f = tmp_path / "answers.yaml"
    f.write_text(f"service: no-crime-certificate\nhukou_province: {value}\n", encoding="utf-8")
    got = ask(runner, overlay, "--answers", str(f))
    assert got.exit_code == 2
    assert "hukou_province" in got.stderr


# -- numbers -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value, message",
    [
        ("151", "age: 151 is above the maximum 150"),
        ("-1", "age: -1 is below the minimum 0"),
        ("1" * 5000, "is not a whole number"),
        ("12.5", "age: '12.5' is not a whole number"),
        ("1e3", "age: '1e3' is not a whole number"),
        ("", "age: '' is not a whole number"),
    ],
    ids=["above", "below", "5000-digits", "fraction", "exponent", "empty"],
)
def test_a_number_out_of_range_or_not_a_number_exits_2(runner: CliRunner, overlay: Path, value: str, message: str) -> None:
    got = ask(runner, overlay, *BASE, "--set", f"age={value}", "--set", "nickname=Bob")
    assert got.exit_code == 2
    assert message in got.stderr


@pytest.mark.parametrize("value", ["true", "1.0e+400", ".nan", "12.0"])
def test_a_number_in_an_answers_file_of_the_wrong_kind_is_refused(runner: CliRunner, overlay: Path, tmp_path: Path, value: str) -> None:
    f = tmp_path / "answers.yaml"
    f.write_text(f"age: {value}\n", encoding="utf-8")
    got = ask(runner, overlay, *BASE, "--set", "nickname=Bob", "--answers", str(f))
    assert got.exit_code == 2
    assert "age:" in got.stderr and "whole number" in got.stderr


# -- text ----------------------------------------------------------------------------------------
def test_absurdly_long_text_is_refused_and_the_message_stays_short(runner: CliRunner, overlay: Path) -> None:
    got = ask(runner, overlay, *BASE, "--set", "age=30", "--set", "nickname=" + "x" * 1_000_000)
    assert got.exit_code == 2
    assert "nickname: the answer is longer than 500 characters" in got.stderr
    assert len(got.stderr) < 2000


def test_an_absurdly_long_value_is_not_echoed_in_full(runner: CliRunner, overlay: Path) -> None:
    got = ask(runner, overlay, "--set", "service=" + "y" * 1_000_000)
    assert got.exit_code == 2
    assert "characters left out" in got.stderr
    assert len(got.stderr) < 3000


@pytest.mark.parametrize("value", ["\x1b[31mBob", "Bob\x1b]0;owned\x07", "Bob\x07", "Bob\r\x1b[2K", "\u202eboB", "Bob\x9b2J"])
def test_control_characters_in_a_text_answer_are_refused(runner: CliRunner, overlay: Path, value: str) -> None:
    got = ask(runner, overlay, *BASE, "--set", "age=30", "--set", f"nickname={value}")
    assert got.exit_code == 2
    assert "nickname: control or invisible characters are not allowed in an answer" in got.stderr
    assert "\x1b" not in got.output and "\x07" not in got.output


def test_escape_sequences_in_an_answers_file_are_refused(runner: CliRunner, overlay: Path, tmp_path: Path) -> None:
    f = tmp_path / "answers.yaml"
    f.write_text('nickname: "\\e[31mBob"\n', encoding="utf-8")
    got = ask(runner, overlay, *BASE, "--set", "age=30", "--answers", str(f))
    assert got.exit_code == 2
    assert f"{f}:1: nickname: control character U+001B is not allowed" in got.stderr
    assert "\x1b" not in got.output


@pytest.mark.parametrize("item", ["\x1b[2J=1", "service=\x1b[2Jzzz", "\x1b]0;x\x07", "service=no-crime-certificate\x1b[2J"])
def test_escape_sequences_in_ids_or_choices_never_reach_the_terminal_raw(runner: CliRunner, overlay: Path, item: str) -> None:
    got = ask(runner, overlay, "--set", item)
    assert got.exit_code == 2
    assert "\x1b" not in got.output and "\x07" not in got.output


def test_an_unknown_service_in_show_is_echoed_escaped(runner: CliRunner) -> None:
    got = runner.invoke(app, ["show", "\x1b[31mno-crime"])
    assert got.exit_code == 2
    assert "\x1b" not in got.output


def test_a_text_answer_of_only_spaces_is_missing_not_empty(runner: CliRunner, overlay: Path) -> None:
    got = ask(runner, overlay, *BASE, "--set", "age=30", "--set", "nickname=   ")
    assert got.exit_code == 2
    assert "nickname: an answer is required" in got.stderr
