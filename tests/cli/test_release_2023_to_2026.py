"""A real data release: the 2023 catalog (as shipped until 2026-12, from git history) and today's,
each as a pack; `catalog update` from one to the other and `catalog rollback` back."""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import REPO
from hanban.catalog import citation_checks, files
from hanban.cli.app import app
from pack_helpers import make_keys

LAST_2023_CATALOG = "0c31509"  # the last commit whose catalog was version 2023.08.03


def catalog_at(commit: str, dest: Path) -> Path:
    """The catalog folder as it was at `commit` (skipped, saying why, without git or that history)."""
    if shutil.which("git") is None:
        pytest.skip("needs git to read the 2023 catalog from history")
    got = subprocess.run(["git", "-C", str(REPO), "archive", commit, "catalog"], capture_output=True, check=False)
    if got.returncode != 0:
        pytest.skip(f"the 2023 catalog (commit {commit}) is not in this checkout's history")
    with tarfile.open(fileobj=io.BytesIO(got.stdout)) as tar:
        tar.extractall(dest, filter="data")
    return dest / "catalog"


def without_widening_rules(catalog: Path) -> Path:
    """The 2023 catalog as today's validator packs it: two of its rules said more of the
    cross-province channel than their services did (nationwide where `show` said "not stated"),
    which `validate` now refuses (issue 21); they are narrowed as today's catalog narrows them."""
    rules = catalog / "rules.yaml"
    lines = rules.read_text(encoding="utf-8").splitlines(keepends=True)
    rule = ""
    out = []
    for line in lines:
        if line.startswith("  - id: "):
            rule = line.split(":", 1)[1].strip()
        if rule == "lost-card-away-from-hukou" and line.strip() == "available: true":
            line = line.replace("available: true", "available: null")
        if rule in ("lost-card-away-from-hukou", "id-card-away-different-province") and line.strip() == "status: nationwide":
            continue
        out.append(line)
    rules.write_text("".join(out), encoding="utf-8")
    return catalog


def run(runner: CliRunner, *args: str) -> Any:
    return runner.invoke(app, ["--lang", "en", *args])


def test_update_from_the_2023_catalog_to_2026_and_roll_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner) -> None:
    old = without_widening_rules(catalog_at(LAST_2023_CATALOG, tmp_path / "old"))
    keys = make_keys(tmp_path / "keys")  # the publisher's, trusted with --trust
    monkeypatch.setattr(files, "builtin_dir", lambda: old)  # a hanban that shipped the 2023 catalog
    monkeypatch.setenv("HANBAN_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("HANBAN_TODAY", "2026-12-07")
    packs = {}
    for name, folder in (("2023", old), ("2026", REPO / "catalog")):
        packs[name] = tmp_path / f"hanban-catalog-{name}.tar.gz"
        with monkeypatch.context() as m:
            if name == "2023":  # packed by its publisher in 2023, before validate checked citations (issue 21)
                m.setattr(citation_checks, "check_citations", lambda *a, **k: [])
            got = run(runner, "catalog", "pack", str(folder), "--output", str(packs[name]), "--key", str(keys.private), "--expires", "2027-12-31")
        assert got.exit_code == 0, got.output

    trust = ("--trust", str(keys.public))
    assert run(runner, "catalog", "update", str(packs["2023"]), *trust).exit_code == 0
    assert "catalog 2023.08.03" in run(runner, "--version").stdout
    assert "72-hour and 144-hour" in run(runner, "show", "transit-visa-exemption").stdout

    got = run(runner, "catalog", "update", str(packs["2026"]), *trust)
    assert got.exit_code == 0, got.output
    assert "catalog 2026.12.07" in run(runner, "--version").stdout
    shown = run(runner, "show", "transit-visa-exemption").stdout
    assert "240-hour visa-free transit" in shown and "[expired: in force until 2024-12-16" in shown
    french = run(runner, "ask", "--set", "service=port-visa", "--set", "nationality=fr", "--set", "visit_purpose=trade", "--set", "visa_time=no-time")
    assert french.exit_code == 0 and "You do not need a port visa" in french.stdout

    got = run(runner, "catalog", "rollback")
    assert got.exit_code == 0, got.output
    assert "catalog 2023.08.03" in run(runner, "--version").stdout
    assert "72-hour and 144-hour" in run(runner, "show", "transit-visa-exemption").stdout
