"""Shared fixtures: the repository, the seed texts, a CLI runner, overlay writers.

Commands share one compiled index of the built-in catalog (one cache folder for the session, made
once): an index file is keyed by its catalog folders, so tests with their own overlays get their own
files in it, and tests that damage or inspect a cache use a folder of their own (`own_cache`).
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

# CI (`.ci/run` sets CI) draws the same examples on every run and keeps no example database: a
# failure there is reproducible from the log, and one run's failure cannot haunt the next ones.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
# The suite tests hanban as installed. `python -m pytest` puts the working folder (the checkout) first
# on sys.path, which would import its hanban/ instead: with HANBAN_TEST_INSTALLED or CI set, the
# checkout is taken off the path before anything imports hanban (an editable install still imports
# the checkout's files, through its own path entry; tests/test_packaging.py checks which one).
INSTALLED_ONLY = bool(os.environ.get("HANBAN_TEST_INSTALLED") or os.environ.get("CI"))
if INSTALLED_ONLY and "hanban" not in sys.modules:
    import site

    _site = {Path(p).resolve() for p in [*site.getsitepackages(), site.getusersitepackages()]}
    _first_site = next((i for i, p in enumerate(sys.path) if Path(p or os.curdir).resolve() in _site), len(sys.path))
    # (only the entries before site-packages: an editable install's own entry, after it, stays)
    sys.path[:] = [p for i, p in enumerate(sys.path) if i >= _first_site or Path(p or os.curdir).resolve() != REPO]
SEEDS = Path(os.environ.get("HANBAN_SEEDS", REPO.parent / "shared" / "seeds"))
NO_SEEDS = (
    f"the seed texts are not in {SEEDS} (set HANBAN_SEEDS to the folder of the five source texts "
    "to check every quote; CI sets CI=1, and then this fails instead)"
)


def need_seeds() -> Path:
    """The seed folder; skip the test when it is missing, or fail when CI is set (so CI proves every quote)."""
    if SEEDS.is_dir():
        return SEEDS
    if os.environ.get("CI"):
        pytest.fail(NO_SEEDS)
    pytest.skip(NO_SEEDS)


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("shared-cache")


TODAY = "2026-12-01"  # the date the suite takes as today (HANBAN_TODAY): ages and expiry do not drift


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, shared_cache: Path, tmp_path: Path) -> None:
    """No overlays, installed pack, age settings or locale leak in from the developer's shell; the
    session's cache folder; a fixed today; no prebuilt index of the built-in catalog in-process
    (a checkout has none, unless `python -m hanban.index.prebuilt` made one: tests that count what
    is compiled see the same in both; tests/index/test_prebuilt.py passes its own)."""
    from hanban.index import prebuilt

    monkeypatch.setattr(prebuilt, "shipped", lambda: None)
    monkeypatch.delenv("HANBAN_CATALOG", raising=False)
    monkeypatch.setenv("HANBAN_DATA", str(tmp_path / "no-data"))  # no pack installed, no answers kept (each test its own)
    monkeypatch.setenv("HANBAN_TODAY", TODAY)
    monkeypatch.delenv("HANBAN_AGE_WARNING_DAYS", raising=False)
    monkeypatch.delenv("HANBAN_NO_AGE_WARNING", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("HANBAN_LANG", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)  # (it turns piped output into the drawn view)
    monkeypatch.setenv("HANBAN_CACHE", str(shared_cache))
    monkeypatch.setenv("COLUMNS", "100")
    # A pexpect pseudo-terminal never answers prompt_toolkit's cursor-position request (a real
    # terminal does at once), and each prompt would wait for it: tell prompt_toolkit not to ask.
    monkeypatch.setenv("PROMPT_TOOLKIT_NO_CPR", "1")


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own (for tests that damage, inspect or time a cache)."""
    cache = tmp_path / "own-cache"
    monkeypatch.setenv("HANBAN_CACHE", str(cache))
    return cache


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A small built-in catalog: the repo's reference files (sources, pages, documents, places, regions), no services."""
    import shutil

    d = tmp_path / "base"
    d.mkdir()
    for name in ("sources.yaml", "pages.yaml", "documents.yaml", "places.yaml", "regions.yaml"):
        shutil.copy(REPO / "catalog" / name, d / name)
    return d


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """write('overlay/services/x.yaml', yaml_text) -> the file's path (text dedented)."""

    def _write(rel: str, text: str) -> Path:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return p

    return _write


SERVICE_YAML = """
services:
  - id: {id}
    name: {{zh-Hans: {zh}, en: {en}}}
    category: certificates
    audience: [citizen]
    summary: {{zh-Hans: 测试服务。, en: A test service.}}
    channels:
      one_window: {{available: false, status: not_stated}}
      fully_online: {{available: false, status: not_stated}}
      cross_province:
        available: true
        status: nationwide
        sources:
          - file: 000_c6c68a2d4d68e37f.txt
            measure: 15
            quote: 无犯罪记录证明开具等事项，全面实施“跨省通办”
    sources:
      - file: 000_c6c68a2d4d68e37f.txt
        measure: 15
        quote: 无犯罪记录证明开具等事项，全面实施“跨省通办”
"""


def service_yaml(id: str = "test-service", zh: str = "测试服务", en: str = "Test service") -> str:
    """A minimal valid overlay file with one service."""
    return SERVICE_YAML.format(id=id, zh=zh, en=en)
