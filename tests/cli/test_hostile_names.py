"""Names that try to reach the terminal or forge output: escape sequences in file names, tabs and
newlines in service names, invisible and direction characters. Refused at load; and whatever gets
through (a catalog built some other way) passes one printable() filter on every way out."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import TODAY, service_yaml
from hanban.catalog import model as m
from hanban.catalog.store import Catalog, MemoryStore
from hanban.cli.app import app
from hanban.cli.context import Invocation, Io
from wizard_helpers import real

Write = Callable[[str, str], Path]
TITLE = "\x1b]0;pwned\x07\x1b[41m"  # sets the window title, then paints the screen red
INVISIBLE = ["\u200b", "\u200d", "\u200e", "\u200f", "\u061c", "\u2060", "\ufeff", "\u00ad", "\u2028", "\u2029", "\U000e0041", "\u202e"]
# what a terminal acts on: C0/C1 controls (tab and newline aside), DEL, and the invisible characters
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\U000e0000-\U000e007f]")
SGR = re.compile(r"\x1b\[[0-9;]*m")  # rich's own colours


def terminal_io() -> tuple[Io, io.StringIO]:
    out = io.StringIO()
    return Io(io.StringIO(), out, io.StringIO(), False, True, False), out


def with_catalog(monkeypatch: pytest.MonkeyPatch, cat: Catalog) -> None:
    monkeypatch.setattr(Invocation, "catalog", lambda self: cat)


def renamed(names: dict[str, str], file: str = "catalog/services/x.yaml", summary: str | None = None) -> Catalog:
    """The shipped catalog, in memory, with some services' names (every script), origin and summary changed."""
    cat, _ = real()
    services = {}
    for sid, s in cat.services.items():
        if sid in names:
            s = s._replace(name=m.Text(names[sid], names[sid], names[sid]), origin=m.Origin(file, 1))
            if summary is not None:
                s = s._replace(summary=m.Text(summary, summary, summary))
        services[sid] = s
    return Catalog(MemoryStore(services), cat.tables, cat.wizard)


# -- refused at load ---------------------------------------------------------------------------------
def test_an_overlay_file_named_with_escape_sequences_is_refused_and_named_escaped(write: Write, runner: CliRunner) -> None:
    f = write(f"ov/{TITLE}.yaml", service_yaml("test-service"))
    got = runner.invoke(app, ["--catalog", str(f.parent), "show", "test-service"])
    assert got.exit_code == 2
    assert "\\x1b]0;pwned\\x07\\x1b[41m.yaml" in got.stderr and "control or invisible character" in got.stderr
    assert not RAW.search(got.output)


def test_a_folder_named_with_escape_sequences_is_refused(write: Write, runner: CliRunner) -> None:
    f = write(f"ov/{TITLE}/x.yaml", service_yaml("test-service"))
    got = runner.invoke(app, ["--catalog", str(f.parent.parent), "list"])
    assert got.exit_code == 2 and "\\x1b]0;pwned" in got.stderr
    assert not RAW.search(got.output)


@pytest.mark.parametrize("bad", ["\t", "\n", *INVISIBLE], ids=lambda c: f"U+{ord(c):04X}")
def test_a_service_name_with_a_tab_newline_or_invisible_character_is_refused(write: Write, runner: CliRunner, bad: str) -> None:
    escaped = f"\\U{ord(bad):08X}"  # a YAML double-quoted escape
    f = write("ov/x.yaml", service_yaml("test-service", zh=f'"测试{escaped}服务"'))
    got = runner.invoke(app, ["--catalog", str(f.parent), "list"])
    assert got.exit_code == 2, got.output
    assert f"U+{ord(bad):04X}" in got.stderr
    assert not RAW.search(got.output)


def test_an_alias_with_a_direction_mark_is_refused(write: Write, runner: CliRunner) -> None:
    f = write("ov/x.yaml", service_yaml("test-service") + '    aliases: {en: ["police\\u200eclearance"]}\n')
    got = runner.invoke(app, ["--catalog", str(f.parent), "list"])
    assert got.exit_code == 2 and "services[0].aliases.en[0]" in got.stderr and "U+200E" in got.stderr


# -- escaped on every way out ---------------------------------------------------------------------------
def test_show_escapes_a_hostile_file_name_on_a_terminal_and_when_piped(monkeypatch: pytest.MonkeyPatch, runner: CliRunner) -> None:
    with_catalog(monkeypatch, renamed({"no-crime-certificate": "无犯罪记录证明"}, file=f"ov/{TITLE}.yaml"))
    piped = runner.invoke(app, ["--lang", "en", "show", "no-crime-certificate", "--verbose"])
    assert piped.exit_code == 0 and "Defined in: ov/\\x1b]0;pwned\\x07\\x1b[41m.yaml:1" in piped.stdout
    tty, out = terminal_io()
    got = runner.invoke(app, ["--lang", "en", "show", "no-crime-certificate", "--verbose"], obj=tty)
    assert got.exit_code == 0, got.output
    assert "\\x1b]0;pwned" in out.getvalue()  # (rich drops the BEL itself)
    assert not RAW.search(SGR.sub("", out.getvalue()))


@pytest.mark.parametrize("args", [["show", "no-crime-certificate"], ["list"], ["search", "no-crime-certificate"], ["show", "no-crime-certificate", "--json"]])
@pytest.mark.parametrize("tty", [False, True], ids=["piped", "terminal"])
def test_invisible_and_control_characters_in_catalog_text_are_escaped(
    monkeypatch: pytest.MonkeyPatch, runner: CliRunner, args: list[str], tty: bool
) -> None:
    hostile = "".join(INVISIBLE) + "\x1b[2J\x9b2J"
    with_catalog(monkeypatch, renamed({"no-crime-certificate": "证明" + hostile}, summary="摘要" + hostile))
    term, out = terminal_io()
    got = runner.invoke(app, ["--lang", "zh-Hans", *args], obj=term if tty else None)
    text = out.getvalue() if tty else got.stdout
    assert got.exit_code == 0, got.output
    assert not RAW.search(SGR.sub("", text))
    assert "\\u200" in text
    if not (tty and args == ["list"]):  # (a table cell wraps the escaped name over several lines)
        assert "\\u200b" in text and ("\\x1b[2J" in text or "\\u001b[2J" in text)
    if "--json" in args:
        assert json.loads(text)["name"]["zh-Hans"] == "证明" + hostile  # escaped, not changed


# -- piped rows cannot be forged -------------------------------------------------------------------------
NASTY = st.text(st.sampled_from(["\t", "\n", "\r", "\v", "\f", "\x1c", "\x85", "\u2028", "\u2029", "\x1b", "a", "证", " ", "\\"]), min_size=1, max_size=12)


def fields_per_line(stdout: str) -> list[int]:
    assert stdout.endswith("\n")
    return [len(line.split("\t")) for line in stdout[:-1].split("\n")]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=NASTY, title=NASTY, prompt=NASTY)
def test_every_piped_row_has_its_fields_whatever_the_names_hold(
    monkeypatch: pytest.MonkeyPatch, runner: CliRunner, name: str, title: str, prompt: str
) -> None:
    cat = renamed({"no-crime-certificate": name, "hukou-transfer": name + "x"})
    measures = {n: x._replace(title=m.Text(title, title, title)) for n, x in cat.measures.items()}
    questions = tuple(replace(q, prompt=m.Text(prompt, prompt, prompt)) for q in cat.wizard.questions)
    cat = Catalog(cat.services, cat.tables._replace(measures=measures), replace(cat.wizard, questions=questions))
    with_catalog(monkeypatch, cat)
    from hanban.catalog.age import soonest_end

    ending = [soonest_end(s, TODAY) is not None for s in cat.services.values()]  # (ends=DATE: a sixth field)
    expected: dict[tuple[str, ...], Any] = {
        ("list",): [6 if e else 5 for e in ending],
        ("measures",): [5] * len(measures),
        ("search", "no-crime-certificate", "--limit", "3"): None,  # 4 fields a hit
        ("questions",): None,
    }
    for args, want in expected.items():
        got = runner.invoke(app, ["--lang", "en", *args])
        assert got.exit_code == 0, (args, got.output)
        counts = fields_per_line(got.stdout)
        if args[0] == "search":
            assert counts and set(counts) == {4}
        elif args[0] == "questions":
            assert set(counts) <= {4, 2, 1}  # question rows, choice rows, the services line
            assert counts.count(4) == len(questions)
        else:
            assert counts == want, args
        assert not RAW.search(got.stdout)


def test_a_choice_value_with_an_invisible_character_is_refused(write: Write, runner: CliRunner) -> None:
    f = write("ov/questions.yaml", """
        questions:
          - id: pick
            type: select
            prompt: {zh-Hans: 选哪个？, en: Which?}
            choices:
              - {value: "a\\u200bb", label: {zh-Hans: 甲, en: A}}
        """)
    got = runner.invoke(app, ["--catalog", str(f.parent), "questions"])
    assert got.exit_code == 2 and "questions[0].choices[0].value" in got.stderr and "U+200B" in got.stderr
