"""Every foundation command through typer's CliRunner: output streams, JSON schema, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import service_yaml
from hanban import __version__
from hanban.cli.app import app
from wizard_helpers import real

Write = Callable[[str, str], Path]
CHANNEL_KEYS = {"available", "status", "conditions", "regions", "sources"}
SERVICE_KEYS = {
    "id", "name", "aliases", "category", "audience", "summary", "measures", "channels", "documents",
    "where", "steps", "notes", "figures", "as_of", "sources", "origin",
    "reviewed_on", "valid_from", "valid_until", "superseded_by", "expired", "stale", "ends_soon",
}


def run(runner: CliRunner, *args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


def test_version_names_the_program_and_the_catalog(runner: CliRunner) -> None:
    got = run(runner, "--lang", "en", "--version")
    shipped = len(real()[0].services)
    assert got.exit_code == 0
    assert got.stdout == f"hanban {__version__} (catalog 2026.12.07, {shipped} services, facts as of 2026-12-07, newest source 2026-02-15)\n"
    assert run(runner, "--version", "--lang", "zh-Hant").stdout.startswith(f"hanban {__version__}（資料目錄 2026.12.07，{shipped} 項服務")


def test_dash_capital_v_is_the_short_form_of_version(runner: CliRunner) -> None:
    short, long = run(runner, "--lang", "en", "-V"), run(runner, "--lang", "en", "--version")
    assert short.exit_code == 0 and short.stdout == long.stdout and short.stdout.startswith(f"hanban {__version__} (catalog ")
    assert "-V, --version" in run(runner, "--lang", "en", "--help").stdout


def test_version_names_the_catalog_an_overlay_gives(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    write("ov/catalog.yaml", 'catalog: {version: "2026.12.01.2", as_of: "2026-12-01"}\n')
    write("ov/services/x.yaml", service_yaml())
    got = run(runner, "--lang", "en", "--version", "--catalog", str(tmp_path / "ov"))
    one_more = len(real()[0].services) + 1
    assert got.stdout == f"hanban {__version__} (catalog 2026.12.01.2, {one_more} services, facts as of 2026-12-01, newest source 2026-02-15)\n"


def test_version_with_a_broken_overlay_says_so_and_exits_2(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    write("ov/services/x.yaml", "services: [1]\n")
    got = run(runner, "--lang", "en", "--catalog", str(tmp_path / "ov"), "--version")
    assert got.exit_code == 2 and got.stdout == ""
    assert "x.yaml:1: services[0]: expected a mapping" in got.stderr


def test_a_missing_command_is_still_a_usage_error(runner: CliRunner) -> None:
    got = run(runner, "--lang", "en")
    assert got.exit_code == 2 and "Missing command" in got.output


def test_list_piped_prints_one_plain_line_per_service(runner: CliRunner) -> None:
    got = run(runner, "list")
    assert got.exit_code == 0
    lines = got.stdout.splitlines()
    assert len(lines) >= 5
    assert any(line.startswith("no-crime-certificate\t") for line in lines)
    assert "\x1b[" not in got.stdout and "┃" not in got.stdout


def test_list_json_is_an_array_of_full_service_objects(runner: CliRunner) -> None:
    data = json.loads(run(runner, "list", "--json").stdout)
    assert isinstance(data, list) and data
    for s in data:
        assert set(s) == SERVICE_KEYS | {"schema"} and s["schema"] == "urn:hanban:schema:list:1"
        assert set(s["channels"]) == {"one_window", "fully_online", "cross_province"}
        assert all(set(c) == CHANNEL_KEYS for c in s["channels"].values())
        assert set(s["name"]) == {"zh-Hans", "zh-Hant", "en"}


def test_list_filters_combine_with_and(runner: CliRunner) -> None:
    everything = json.loads(run(runner, "list", "--json").stdout)
    cross = json.loads(run(runner, "list", "--cross-province", "--json").stdout)
    both = json.loads(run(runner, "list", "--cross-province", "--fully-online", "--json").stdout)
    assert {s["id"] for s in cross} == {s["id"] for s in everything if s["channels"]["cross_province"]["available"]}
    assert {s["id"] for s in both} == {
        s["id"] for s in cross if s["channels"]["fully_online"]["available"]
    }
    assert "no-crime-certificate" in {s["id"] for s in cross}


def test_show_by_simplified_name(runner: CliRunner) -> None:
    got = run(runner, "--lang", "zh-Hans", "show", "无犯罪记录证明")
    assert got.exit_code == 0
    assert "无犯罪记录证明开具 (no-crime-certificate)" in got.stdout
    assert "跨省通办" in got.stdout and "人民网，《公安部发布服务保障高质量发展26条措施》，2023-08-03" in got.stdout
    assert "000_c6c68a2d4d68e37f.txt" not in got.stdout  # (the seed file: in --json only)


def test_show_by_traditional_name(runner: CliRunner) -> None:
    got = run(runner, "--lang", "zh-Hant", "show", "無犯罪記錄證明開具")
    assert got.exit_code == 0, got.output
    assert "(no-crime-certificate)" in got.stdout
    assert "跨省通辦" in got.stdout


def test_show_by_english_name_is_case_insensitive(runner: CliRunner) -> None:
    got = run(runner, "--lang", "en", "show", "NO-CRIMINAL-RECORD CERTIFICATE")
    assert got.exit_code == 0 and "Sources:" in got.stdout and "as of: 2023-08-03" in got.stdout


def test_show_json_has_the_documented_fields(runner: CliRunner) -> None:
    data = json.loads(run(runner, "show", "no-crime-certificate", "--json").stdout)
    assert set(data) == SERVICE_KEYS | {"catalog", "schema"} and data["schema"] == "urn:hanban:schema:show:1"
    assert data["catalog"] == {"version": "2026.12.07", "as_of": "2026-12-07", "stale": False}
    assert data["channels"]["cross_province"] == {
        **data["channels"]["cross_province"],
        "available": True,
        "status": "nationwide",
    }
    assert data["name"]["zh-Hant"] == "無犯罪記錄證明開具"
    assert {d["exemption"] for d in data["documents"]} <= {"exempt", "may_be_exempt", "required", "not_stated"}
    assert all(set(src) == {"file", "measure", "quote", "effective"} for src in data["sources"])
    assert data["origin"]["file"] == "catalog/services/certificates.yaml"


def test_unknown_service_exits_2_with_a_message_on_stderr(runner: CliRunner) -> None:
    got = run(runner, "show", "zzzz-not-a-service")
    assert got.exit_code == 2
    assert got.stdout == ""
    assert "zzzz-not-a-service" in got.stderr


def test_overlay_replaces_a_builtin_service_and_show_names_its_file(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    path = write("ov/services/mine.yaml", service_yaml(id="no-crime-certificate", zh="本地无犯罪证明", en="Local no-crime certificate"))
    got = run(runner, "--catalog", str(tmp_path / "ov"), "--lang", "en", "show", "no-crime-certificate", "--verbose")
    assert got.exit_code == 0, got.output
    assert "Local no-crime certificate" in got.stdout
    assert f"{tmp_path / 'ov'}/services/mine.yaml:2" in got.stdout
    data = json.loads(run(runner, "--catalog", str(tmp_path / "ov"), "show", "no-crime-certificate", "--json").stdout)
    assert data["origin"]["file"] == f"{tmp_path / 'ov'}/services/mine.yaml"
    assert path.exists()


def test_overlays_from_the_environment_add_services(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    write("ov1/a.yaml", service_yaml(id="local-one"))
    write("ov2/b.yaml", service_yaml(id="local-two"))
    env = {"HANBAN_CATALOG": os.pathsep.join([str(tmp_path / "ov1"), str(tmp_path / "ov2")])}
    ids = {s["id"] for s in json.loads(run(runner, "list", "--json", env=env).stdout)}
    assert {"local-one", "local-two"} <= ids


def test_a_broken_overlay_is_reported_with_file_and_line_not_a_traceback(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    write("ov/a.yaml", service_yaml().replace("status: nationwide", "status: sometimes"))
    got = run(runner, "--catalog", str(tmp_path / "ov"), "list")
    assert got.exit_code == 2
    assert f"{tmp_path / 'ov'}/a.yaml:12: services[0].channels.cross_province.status" in got.stderr
    assert "Traceback" not in got.output


def test_a_single_file_overlay_is_named_the_same_by_every_command(
    runner: CliRunner, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("some/extra.yaml", service_yaml().replace("status: nationwide", "status: sometimes"))
    monkeypatch.chdir(tmp_path)
    listed = run(runner, "--catalog", "some/extra.yaml", "list")
    validated = run(runner, "validate", "some/extra.yaml")
    assert listed.exit_code == 2 and validated.exit_code == 1
    where = "some/extra.yaml:12: services[0].channels.cross_province.status"
    assert where in listed.stderr and where in validated.stdout


def test_validate_clean_catalog_exits_0_with_a_summary(runner: CliRunner) -> None:
    got = run(runner, "validate")
    assert got.exit_code == 0, got.output
    assert got.stdout == ""
    assert got.stderr.startswith("hanban: catalog OK:")


def test_validate_given_files_reports_each_problem_and_exits_1(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    bad = write("ov/a.yaml", service_yaml().replace("category: certificates", "category: dreams"))
    got = run(runner, "validate", str(bad))
    assert got.exit_code == 1
    assert got.stdout.splitlines() == [
        (f"{tmp_path / 'ov'}/a.yaml:4: services[0].category: 'dreams' is not one of: "
         "hukou, id-card, residence, certificates, immigration, traffic, security, maritime, business, general, not-covered")
    ]


def test_measures_lists_1_to_26(runner: CliRunner) -> None:
    data = json.loads(run(runner, "measures", "--json").stdout)
    assert [x["number"] for x in data] == list(range(1, 27))
    assert {x["part"] for x in data} == {"reform", "service", "supervision"}


def test_lang_defaults_from_the_locale(runner: CliRunner) -> None:
    got = run(runner, "show", "no-crime-certificate", env={"LANG": "zh_TW.UTF-8"})
    assert "無犯罪記錄證明開具" in got.stdout
    got = run(runner, "show", "no-crime-certificate", env={"LANG": "en_GB.UTF-8"})
    assert "No-criminal-record certificate" in got.stdout


def test_bad_lang_is_a_usage_error(runner: CliRunner) -> None:
    got = run(runner, "--lang", "fr", "list")
    assert got.exit_code == 2 and "zh-Hans" in got.output


def test_installed_command_runs_outside_the_repo(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    got = subprocess.run(
        [sys.executable, "-m", "hanban", "show", "no-crime-certificate", "--json"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=False, timeout=60,
    )
    assert got.returncode == 0, got.stderr
    assert json.loads(got.stdout)["id"] == "no-crime-certificate"
