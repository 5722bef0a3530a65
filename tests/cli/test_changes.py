"""`hanban changes`: what changed, newest first, from the catalog's own dates and sources."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from hanban.cli.app import app
from test_schemas import problems


def run(runner: CliRunner, *args: str, env: dict[str, str] | None = None) -> Any:
    return runner.invoke(app, list(args), env=env)


def test_changes_lists_dated_facts_newest_first_with_their_sources(runner: CliRunner) -> None:
    got = run(runner, "--lang", "en", "changes", "--since", "2025-01-01", env={"HANBAN_TODAY": "2026-12-07"})
    assert got.exit_code == 0, got.output
    lines = got.stdout.splitlines()
    dates = [line.split("\t")[0] for line in lines]
    assert dates == sorted(dates, reverse=True) and min(dates) >= "2025-01-01"
    assert any("announced to end" in line and "United Kingdom and Canada" in line for line in lines)
    russia = next(line for line in lines if line.startswith("2026-09-14"))
    assert "\tended\t" in russia and "Russia" in russia  # an announced end that has passed
    assert any("took effect" in line and "240-hour" in line and "[People's Daily Online (English), 2025-11-03]" in line for line in lines)


def test_after_the_announced_end_the_trials_read_as_ended(runner: CliRunner) -> None:
    got = run(runner, "--lang", "zh-Hant", "changes", "--since", "2026-12-31", env={"HANBAN_TODAY": "2027-01-15"})
    assert got.exit_code == 0
    assert got.stdout and all("\t已到期\t" in line for line in got.stdout.splitlines())


def test_reported_only_changes_say_so(runner: CliRunner) -> None:
    got = run(runner, "--lang", "en", "changes", "--since", "2025-11-20", env={"HANBAN_TODAY": "2026-12-07"})
    line = next(line for line in got.stdout.splitlines() if "widened by 30 cities" in line)
    assert "Reported by" in line and "check" in line


def test_changes_json_has_each_event_with_its_state_and_sources(runner: CliRunner) -> None:
    got = run(runner, "changes", "--json", env={"HANBAN_TODAY": "2026-12-07"})
    data = json.loads(got.stdout)
    assert problems("changes", data) == []
    states = {(c["service"], c["fact"], c["event"]): c["state"] for c in data}
    assert states[("visa-free-entry", "russia", "until")] == "ended"
    assert states[("visa-free-entry", "uk-canada", "until")] == "in_force"
    assert states[("transit-visa-exemption", "transit-72-144h", "until")] == "ended"
    page = next(c for c in data if c["fact"] == "transit-240h")["sources"][0]
    assert page["url"].startswith("https://www.shine.cn/") and page["strength"] == "state" and page["quote"] == ""


def test_a_bad_since_date_is_a_usage_error(runner: CliRunner) -> None:
    got = run(runner, "--lang", "en", "changes", "--since", "last year")
    assert got.exit_code == 2 and "--since needs a date (YYYY-MM-DD)" in got.stderr and got.stdout == ""


def test_nothing_since_a_future_day_says_so_on_stderr(runner: CliRunner) -> None:
    got = run(runner, "--lang", "en", "changes", "--since", "2099-01-01")
    assert got.exit_code == 0 and got.stdout == "" and "no change recorded" in got.stderr
