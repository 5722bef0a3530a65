"""Age where it matters: `show` and `ask` say how old the facts are, in words for people and as
data for scripts; an entry past its valid_until is never shown as current."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import service_yaml
from hanban.cli.app import app
from hanban.cli.context import Io

Write = Callable[[str, str], Path]
WARNING = "As of 2023-08-03, 3 years ago: policies may have changed; check with the local office."
SOURCE = "sources: [{file: 000_c6c68a2d4d68e37f.txt, measure: 15, quote: 无犯罪记录证明开具等事项，全面实施“跨省通办”}]"


def run(runner: CliRunner, *args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


def on_terminal(runner: CliRunner, *args: str) -> str:
    """What a command draws on a terminal (rich, to a buffer)."""
    out = io.StringIO()
    got = runner.invoke(app, list(args), obj=Io(sys.stdin, out, io.StringIO(), False, True, False))
    assert got.exit_code == 0, got.output
    return out.getvalue()


@pytest.fixture
def dated(write: Write, tmp_path: Path) -> Path:
    """An overlay: an old service that ended and points to its successor; a service with an
    expired, a current and a future fact; reviewed recently."""
    old = service_yaml("old-certificate", "旧证明", "Old certificate").replace(
        "    category:", "    valid_until: 2025-06-30\n    superseded_by: no-crime-certificate\n    category:", 1)
    facts = service_yaml("dated-service", "有日期的服务", "Dated service").replace("    category:", f"""    reviewed_on: 2026-10-01
    steps:
      - id: transit-72
        text: {{zh-Hans: 过境免签停留72小时。, en: Transit without a visa for up to 72 hours.}}
        valid_until: 2024-12-16
        superseded_by: transit-240
        {SOURCE}
      - id: transit-240
        text: {{zh-Hans: 过境免签停留240小时。, en: Transit without a visa for up to 240 hours.}}
        valid_from: 2024-12-17
        {SOURCE}
      - text: {{zh-Hans: 将来的办法。, en: A rule still to come.}}
        valid_from: 2027-03-01
        {SOURCE}
    category:""", 1)
    write("ov/services/old.yaml", old)
    write("ov/services/dated.yaml", facts)
    return tmp_path / "ov"


# -- the age, in words and as data ------------------------------------------------------------


def test_show_says_how_old_the_facts_are_on_a_terminal_and_piped(runner: CliRunner) -> None:
    assert WARNING in on_terminal(runner, "--lang", "en", "show", "no-crime-certificate")
    got = run(runner, "--lang", "en", "show", "no-crime-certificate")
    assert got.exit_code == 0 and WARNING in got.stdout and WARNING not in got.stderr
    zh = run(runner, "--lang", "zh-Hant", "show", "no-crime-certificate").stdout
    assert "資料截至2023-08-03（3年前）：政策可能已有變化，請向當地公安機關確認。" in zh


def test_the_warning_is_off_with_hanban_no_age_warning_or_under_the_threshold(runner: CliRunner) -> None:
    assert "policies may have changed" not in run(runner, "--lang", "en", "show", "no-crime-certificate", env={"HANBAN_NO_AGE_WARNING": "1"}).stdout
    assert "policies may have changed" not in run(runner, "--lang", "en", "show", "no-crime-certificate", env={"HANBAN_AGE_WARNING_DAYS": "5000"}).stdout
    assert "policies may have changed" not in run(runner, "--lang", "en", "show", "no-crime-certificate", env={"HANBAN_TODAY": "2024-01-01"}).stdout


def test_show_json_and_ask_json_carry_the_catalogs_identity_and_age(runner: CliRunner) -> None:
    shown = json.loads(run(runner, "show", "no-crime-certificate", "--json").stdout)
    assert shown["catalog"] == {"version": "2026.12.07", "as_of": "2026-12-07", "stale": False}
    assert shown["stale"] is True and shown["expired"] is False
    asked = json.loads(run(runner, "ask", "--json", "--set", "service=no-crime-certificate", "--set", "hukou_province=henan",
                           "--set", "live_province=beijing").stdout)
    assert asked["catalog"] == {"version": "2026.12.07", "as_of": "2026-12-07", "stale": False}
    assert asked["stale"] is True and asked["reviewed_on"] is None
    fresh = json.loads(run(runner, "show", "no-crime-certificate", "--json", env={"HANBAN_TODAY": "2024-01-01"}).stdout)
    assert fresh["catalog"]["stale"] is False and fresh["stale"] is False
    # JSON is data: turning the words off does not change it
    quiet = json.loads(run(runner, "show", "no-crime-certificate", "--json", env={"HANBAN_NO_AGE_WARNING": "1"}).stdout)
    assert quiet["stale"] is True and quiet["catalog"]["stale"] is False


def test_the_checklist_says_how_old_it_is(runner: CliRunner, tmp_path: Path) -> None:
    args = ["--lang", "en", "ask", "--set", "service=no-crime-certificate", "--set", "hukou_province=henan", "--set", "live_province=beijing"]
    assert WARNING in run(runner, *args).stdout
    assert WARNING in on_terminal(runner, *args)
    got = run(runner, *args, "--output", str(tmp_path / "c.html"))
    assert got.exit_code == 0 and "3 years ago" in (tmp_path / "c.html").read_text("utf-8")


def test_a_bad_setting_is_one_line_and_exit_2(runner: CliRunner) -> None:
    got = run(runner, "--lang", "en", "show", "no-crime-certificate", env={"HANBAN_TODAY": "tomorrow"})
    assert got.exit_code == 2 and got.stdout == ""
    assert got.stderr.strip().splitlines() == ["hanban: cannot use HANBAN_TODAY=tomorrow: expected YYYY-MM-DD"]


# -- validity --------------------------------------------------------------------------------


def test_list_hides_an_expired_service_unless_all(runner: CliRunner, dated: Path) -> None:
    got = run(runner, "--lang", "en", "--catalog", str(dated), "list")
    ids = [line.split("\t")[0] for line in got.stdout.splitlines()]
    assert "old-certificate" not in ids and "dated-service" in ids
    assert "1 expired service(s) not listed (--all lists them)" in got.stderr
    every = run(runner, "--catalog", str(dated), "list", "--all")
    line = next(ln for ln in every.stdout.splitlines() if ln.startswith("old-certificate\t"))
    assert line.endswith("\texpired=2025-06-30")
    assert "not listed" not in every.stderr
    in_json = json.loads(run(runner, "--catalog", str(dated), "list", "--json").stdout)
    assert "old-certificate" not in {s["id"] for s in in_json}
    all_json = {s["id"]: s for s in json.loads(run(runner, "--catalog", str(dated), "list", "--all", "--json").stdout)}
    assert all_json["old-certificate"]["expired"] is True and all_json["old-certificate"]["valid_until"] == "2025-06-30"
    assert "expired" in on_terminal(runner, "--lang", "en", "--catalog", str(dated), "list", "--all")


def test_before_its_last_day_a_service_is_listed_as_current(runner: CliRunner, dated: Path) -> None:
    got = run(runner, "--catalog", str(dated), "list", env={"HANBAN_TODAY": "2025-06-30"})
    assert any(ln.startswith("old-certificate\t") and "expired" not in ln for ln in got.stdout.splitlines())


def test_show_marks_an_expired_service_and_says_since_when_and_what_replaces_it(runner: CliRunner, dated: Path) -> None:
    want = ("This service is expired: in force until 2025-06-30; replaced by “No-criminal-record certificate "
            "(no-crime-certificate)”.")
    got = run(runner, "--lang", "en", "--catalog", str(dated), "show", "old-certificate")
    assert got.exit_code == 0 and want in got.stdout
    assert "expired: in force until 2025-06-30" in on_terminal(runner, "--lang", "en", "--catalog", str(dated), "show", "old-certificate")
    data = json.loads(run(runner, "--catalog", str(dated), "show", "old-certificate", "--json").stdout)
    assert (data["expired"], data["valid_until"], data["superseded_by"]) == (True, "2025-06-30", "no-crime-certificate")


def test_show_marks_expired_and_future_facts(runner: CliRunner, dated: Path) -> None:
    out = run(runner, "--lang", "en", "--catalog", str(dated), "show", "dated-service").stdout
    assert "[expired: in force until 2024-12-16; replaced by “Transit without a visa for up to 240 hours.”] Transit without a visa for up to 72 hours." in out
    assert "[not yet in force: from 2027-03-01] A rule still to come." in out
    assert "Reviewed on: 2026-10-01" in out
    assert "policies may have changed" not in out  # reviewed two months ago
    data = json.loads(run(runner, "--catalog", str(dated), "show", "dated-service", "--json").stdout)
    assert [(s["id"], s["expired"]) for s in data["steps"]] == [("transit-72", True), ("transit-240", False), (None, False)]
    assert data["reviewed_on"] == "2026-10-01" and data["stale"] is False


def test_the_checklist_leaves_out_expired_facts_and_warns_about_an_expired_service(runner: CliRunner, dated: Path) -> None:
    got = run(runner, "--lang", "en", "--catalog", str(dated), "ask", "--set", "service=dated-service")
    assert got.exit_code == 0, got.output
    assert "72 hours" not in got.stdout and "240 hours" in got.stdout
    assert "\\[not yet in force: from 2027-03-01\\] A rule still to come." in got.stdout  # (Markdown, escaped)
    old = run(runner, "--lang", "en", "--catalog", str(dated), "ask", "--set", "service=old-certificate", "--json")
    data = json.loads(old.stdout)
    warnings = [it["text"]["en"] for it in data["items"] if it["kind"] == "warning"]
    assert warnings[0].startswith("This service is expired: in force until 2025-06-30")
