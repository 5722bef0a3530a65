"""The first build of a large overlay, on a terminal: a progress bar in the person's language."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from conftest import REPO
from hanban.strings import LANGS, word

pexpect = pytest.importorskip("pexpect")
sys.path.insert(0, str(REPO / "benchmarks"))
import gen_catalog


@pytest.fixture(scope="module")
def overlay(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("overlay")
    gen_catalog.generate(4800, folder)  # (over 200 files: the bar is shown)
    return folder


@pytest.mark.parametrize("lang", LANGS)
def test_the_progress_bar_speaks_the_persons_language(overlay: Path, tmp_path: Path, lang: str) -> None:
    env = {**os.environ, "TERM": "xterm", "NO_COLOR": "1", "LANG": "C.UTF-8",
           "HANBAN_CACHE": str(tmp_path / "cache"), "HANBAN_DATA": str(tmp_path / "data")}
    child = pexpect.spawn(sys.executable, ["-m", "hanban", "--lang", lang, "--catalog", str(overlay), "show", "no-crime-certificate"],
                          env=env, encoding="utf-8", timeout=120, dimensions=(24, 100))
    child.expect(f"hanban: {word('cache.compiling', lang)}")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
