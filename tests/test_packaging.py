"""The project's metadata: the licence ships, the version is written once."""

from __future__ import annotations

import re
from typing import Any

import pytest

from conftest import REPO

tomllib = pytest.importorskip("tomllib")  # (Python 3.11+; the metadata is the same on 3.10)


def _pyproject() -> Any:
    with (REPO / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


def test_the_licence_named_in_the_metadata_is_a_file_in_the_sdist_and_the_wheel() -> None:
    data = _pyproject()
    project = data["project"]
    assert project["license"] == "MIT"  # PEP 639: an SPDX expression, not a table
    assert project["license-files"] == ["LICENSE"]  # hatchling puts them in the wheel's .dist-info/licenses/
    assert (REPO / "LICENSE").read_text("utf-8").startswith("MIT License\n\nCopyright (c) 2026 the hanban authors\n")
    sdist = data["tool"]["hatch"]["build"]["targets"]["sdist"]
    assert "LICENSE" in sdist["include"]
    assert "constraints" in sdist["include"]  # (a packager testing the sdist can test the minimums too)
    backend = data["build-system"]["requires"]
    assert "hatchling>=1.27" in backend  # the first hatchling that reads license-files (PEP 639)


def test_the_version_is_written_once_in_the_package() -> None:
    data = _pyproject()
    project = data["project"]
    assert "version" not in project and project["dynamic"] == ["version"]
    assert data["tool"]["hatch"]["version"] == {"path": "hanban/__init__.py"}
    init = (REPO / "hanban" / "__init__.py").read_text("utf-8")
    assert len(re.findall(r'^__version__ = "[^"]+"$', init, re.MULTILINE)) == 1


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    command = 'pip install ".[test]" && python -m pytest'
    readme = (REPO / "README.md").read_text("utf-8")
    assert f"    {command}\n" in readme or f"`{command}`" in readme
    ci = (REPO / ".ci" / "run").read_text("utf-8")
    assert command in [line.strip() for line in ci.splitlines()]
