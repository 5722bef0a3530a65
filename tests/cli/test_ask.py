"""`hanban ask` and `hanban questions` for scripts: --set, --answers, --json, files, errors."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import REPO, service_yaml
from hanban.cli.app import app

PEOPLE = REPO / "tests" / "people"
SNAPSHOTS = PEOPLE / "snapshots"
Write = Callable[[str, str], Path]

LOST = ["--set", "service=id-card-lost-reissue", "--set", "hukou_province=henan", "--set", "live_province=guangdong", "--set", "card_issued=over-two-years"]


def run(runner: CliRunner, *args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env, catch_exceptions=False)


def test_set_answers_give_a_json_checklist(runner: CliRunner) -> None:
    got = run(runner, "ask", *LOST, "--json")
    assert got.exit_code == 0, got.output
    data = json.loads(got.stdout)
    assert set(data) >= {"service", "answers", "channels", "items", "sources", "as_of"}
    assert data["service"]["id"] == "id-card-lost-reissue"
    assert data["channels"]["fully_online"] == {**data["channels"]["fully_online"], "available": False, "status": "pilot"}
    # living in Guangdong with a Henan hukou: 003's acceptance away from the hukou place is not
    # cross-province service, so the channel is "not stated" here as in show and list (issue 21)
    assert data["channels"]["cross_province"] == {**data["channels"]["cross_province"], "available": None, "status": "not_stated"}
    assert data["channels"]["one_window"]["available"] is None  # being rolled out: not stated for this person
    # away from the hukou province: ask where you live first, then go back (the channel is "not stated")
    assert data["outcome"]["text"]["en"].startswith("Ask a police station in Guangdong whether they can replace it away from your hukou place")
    kinds = {it["kind"] for it in data["items"]}
    assert kinds <= {"channel", "where", "bring", "may_be_exempt", "step", "next", "note", "warning"}
    n = len(data["sources"])
    assert all(1 <= i <= n for it in data["items"] for i in it["sources"])


def test_service_can_be_named_in_chinese(runner: CliRunner) -> None:
    got = run(runner, "ask", "--set", "service=无犯罪记录证明", "--set", "hukou_province=henan", "--set", "live_province=henan", "--json")
    assert got.exit_code == 0, got.output
    assert json.loads(got.stdout)["service"]["id"] == "no-crime-certificate"


def test_a_value_not_among_the_choices_exits_2_listing_the_allowed_values(runner: CliRunner) -> None:
    got = run(runner, "ask", "--set", "service=id-card-lost-reissue", "--set", "card_issued=five-years-ago", "--json")
    assert got.exit_code == 2
    assert "card_issued: 'five-years-ago' is not allowed; use one of: within-two-years, over-two-years, not-sure" in got.stderr


def test_an_unknown_question_id_exits_2(runner: CliRunner) -> None:
    got = run(runner, "ask", "--set", "service=settlement", "--set", "favourite_colour=red", "--json")
    assert got.exit_code == 2 and "unknown question id 'favourite_colour'" in got.stderr


def test_missing_answers_without_a_terminal_exit_2_naming_each_question_and_its_values(runner: CliRunner) -> None:
    got = run(runner, "ask", "--set", "service=id-card-lost-reissue")
    assert got.exit_code == 2
    assert "hukou_province: one of: beijing" in got.stderr
    assert "live_province: one of:" in got.stderr
    assert "card_issued: one of: within-two-years, over-two-years, not-sure" in got.stderr
    assert got.stdout == ""


def test_no_answers_and_no_terminal_exit_2_with_a_message_not_a_hang(runner: CliRunner) -> None:
    got = run(runner, "ask")
    assert got.exit_code == 2
    assert "no terminal" in got.stderr and "service: a service id or name" in got.stderr and "--set" in got.stderr


def test_answers_the_flow_does_not_reach_are_reported_and_ignored(runner: CliRunner) -> None:
    got = run(runner, "ask", "--set", "service=settlement", "--set", "settle_city=other-under-3m", "--set", "card_issued=not-sure", "--json")
    assert got.exit_code == 0
    assert "ignored" in got.stderr and "card_issued=not-sure" in got.stderr
    assert "card_issued" not in json.loads(got.stdout)["answers"]


def test_save_answers_records_only_asked_questions_and_replays_to_the_same_checklist(runner: CliRunner, tmp_path: Path) -> None:
    saved = tmp_path / "me.yaml"
    first = run(runner, "ask", *LOST, "--set", "settle_city=beijing", "--json", "--save-answers", str(saved))
    assert first.exit_code == 0, first.output
    doc = yaml.safe_load(saved.read_text("utf-8"))
    assert list(doc["answers"]) == ["service", "hukou_province", "live_province", "card_issued"]
    again = run(runner, "ask", "--answers", str(saved), "--json")
    assert again.exit_code == 0
    assert json.loads(again.stdout) == json.loads(first.stdout)


def test_set_overrides_the_answers_file(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("service: settlement\nsettle_city: other-under-3m\n", "utf-8")
    got = run(runner, "ask", "--answers", str(f), "--set", "settle_city=beijing", "--json")
    assert json.loads(got.stdout)["answers"]["settle_city"] == "beijing"


def test_a_broken_answers_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("- just\n- a list\n", "utf-8")
    got = run(runner, "ask", "--answers", str(f))
    assert got.exit_code == 2 and "expected a mapping" in got.stderr


@pytest.mark.parametrize("suffix, marker", [(".md", "# "), (".html", "<!doctype html>"), (".json", '"channels"')])
def test_output_writes_the_format_its_suffix_names(runner: CliRunner, tmp_path: Path, suffix: str, marker: str) -> None:
    target = tmp_path / f"list{suffix}"
    got = run(runner, "--lang", "en", "ask", *LOST, "--output", str(target))
    assert got.exit_code == 0, got.output
    body = target.read_text("utf-8")
    assert body.startswith(marker) or marker in body
    assert "two years" in body
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left behind


def test_output_never_overwrites_without_force(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "list.md"
    target.write_text("keep me", "utf-8")
    got = run(runner, "ask", *LOST, "--output", str(target))
    assert got.exit_code == 2 and "--force" in got.stderr
    assert target.read_text("utf-8") == "keep me"
    assert run(runner, "ask", *LOST, "--output", str(target), "--force").exit_code == 0
    assert target.read_text("utf-8") != "keep me"


def test_output_with_an_unknown_suffix_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    got = run(runner, "--lang", "en", "ask", *LOST, "--output", str(tmp_path / "list.docx"))
    assert got.exit_code == 2 and ".md, .html or .json" in got.stderr
    got = run(runner, "--lang", "zh-Hans", "ask", *LOST, "--output", str(tmp_path / "list.docx"))  # in the person's language
    assert got.exit_code == 2 and "请使用 .md、.html 或 .json 文件名" in got.stderr


def test_html_output_escapes_text(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "x.html"
    run(runner, "--lang", "en", "ask", *LOST, "--output", str(target))
    body = target.read_text("utf-8")
    assert "<script" not in body and "&quot;" in body or "&#x27;" in body or "“" in body


def test_piped_output_is_markdown_in_the_chosen_language(runner: CliRunner) -> None:
    got = run(runner, "--lang", "zh-Hant", "ask", *LOST)
    assert got.exit_code == 0
    assert got.stdout.startswith("# 辦事清單")
    assert "\x1b[" not in got.stdout


def test_questions_json_lists_ids_prompts_types_choices_and_conditions(runner: CliRunner) -> None:
    data = json.loads(run(runner, "questions", "--json").stdout)
    by_id = {q["id"]: q for q in data}
    assert data[0]["id"] == "service"
    card = by_id["card_issued"]
    assert card["type"] == "select" and card["when"] == {"equals": {"service": "id-card-lost-reissue"}}
    assert [c["value"] for c in card["choices"]] == ["within-two-years", "over-two-years", "not-sure"]
    assert card["prompt"]["en"] and card["prompt"]["zh-Hans"] and card["prompt"]["zh-Hant"]


def test_questions_for_one_service_are_only_those_it_can_ask(runner: CliRunner) -> None:
    data = json.loads(run(runner, "questions", "--json", "--service", "port-visa").stdout)
    assert [q["id"] for q in data] == ["service", "nationality", "visit_purpose", "visa_time"]


def test_questions_graph_is_mermaid(runner: CliRunner) -> None:
    got = run(runner, "questions", "--graph", "--service", "settlement")
    assert got.stdout.startswith("flowchart TD") and "settle_city" in got.stdout


# -- hanban validate reports wizard problems as FILE:LINE: field: message ------------------------


def test_validate_reports_an_unknown_question_id_in_a_condition(runner: CliRunner, write: Write) -> None:
    write("ov/questions.yaml", """
        questions:
          - id: pets
            type: confirm
            prompt: {zh-Hans: 有宠物吗？, en: Any pets?}
            when: {equals: {spaceship: "yes"}}
        """)
    got = run(runner, "validate", str(Path(write("ov/x.txt", "")).parent))
    assert got.exit_code == 1
    assert "ov/questions.yaml:2: questions.pets.when: unknown question id 'spaceship'" in got.stdout


def test_validate_reports_an_unreachable_question(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    write("ov/questions.yaml", """
        questions:
          - id: never
            type: confirm
            prompt: {zh-Hans: 永远不问？, en: Never asked?}
            when:
              all:
                - equals: {service: settlement}
                - equals: {service: port-visa}
        """)
    got = run(runner, "validate", str(tmp_path / "ov"))
    assert got.exit_code == 1
    assert "ov/questions.yaml:2: questions.never.when: unreachable" in got.stdout


def test_validate_reports_a_choice_without_a_label(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    write("ov/questions.yaml", """
        questions:
          - id: colour
            type: select
            prompt: {zh-Hans: 颜色？, en: Colour?}
            choices:
              - value: red
              - value: blue
                label: {zh-Hans: 蓝, en: Blue}
        """)
    got = run(runner, "validate", str(tmp_path / "ov"))
    assert got.exit_code == 1
    assert "ov/questions.yaml:6: questions[0].choices[0]: missing required key 'label'" in got.stdout


def test_validate_reports_a_service_with_no_rules(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    write("ov/services/mine.yaml", service_yaml(id="my-service"))
    got = run(runner, "validate", str(tmp_path / "ov"))
    assert got.exit_code == 1
    assert "ov/services/mine.yaml:2: services[my-service]: the service has no wizard rules" in got.stdout


def test_validate_reports_a_rule_for_an_unknown_service_and_a_bad_choice_value(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    write("ov/rules.yaml", """
        rules:
          - id: ghost
            services: [no-such-service]
            when: {equals: {card_issued: last-week}}
            items:
              - kind: note
                text: {zh-Hans: 说明, en: "A note about {nowhere}"}
            sources:
              - file: 000_c6c68a2d4d68e37f.txt
                measure: 14
                quote: 居民身份证丢失补领(领证不超过两年)
        """)
    got = run(runner, "validate", str(tmp_path / "ov"))
    assert got.exit_code == 1
    assert "rules.ghost.services: unknown service 'no-such-service'" in got.stdout
    assert "rules.ghost.when: 'last-week' is not a choice of question 'card_issued'" in got.stdout
    assert "placeholder {nowhere} names no question" in got.stdout


def test_validate_the_real_catalog_passes_with_quotes_checked(runner: CliRunner) -> None:
    from conftest import need_seeds

    got = run(runner, "validate", "--seeds", str(need_seeds()))
    assert got.exit_code == 0, got.stdout


# -- realistic people: answer files and their checklists, kept as snapshots -----------------------


def _people() -> list[Path]:
    return sorted(PEOPLE.glob("*.yaml"))


def person_today(person: Path) -> str | None:
    """The date a person asks on, when their file says (`# today: YYYY-MM-DD` on its first line)."""
    first = person.read_text("utf-8").splitlines()[0]
    return first.split(":", 1)[1].strip() if first.startswith("# today:") else None


@pytest.mark.parametrize("person", _people(), ids=lambda p: p.stem)
def test_person_checklist_matches_its_snapshot(runner: CliRunner, person: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    today = person_today(person)
    if today is not None:
        monkeypatch.setenv("HANBAN_TODAY", today)
    got = run(runner, "--lang", "en", "ask", "--answers", str(person))
    assert got.exit_code == 0, got.output
    assert "ignored" not in got.stderr
    snap = SNAPSHOTS / f"{person.stem}.md"
    if os.environ.get("HANBAN_UPDATE_SNAPSHOTS") or not snap.exists():
        snap.parent.mkdir(exist_ok=True)
        snap.write_text(got.stdout, "utf-8")
    assert got.stdout == snap.read_text("utf-8"), f"checklist changed; review and rerun with HANBAN_UPDATE_SNAPSHOTS=1 ({snap})"


def test_there_are_a_dozen_people() -> None:
    assert len(_people()) >= 12
