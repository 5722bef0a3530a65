"""Property tests in CI are deterministic: the `ci` profile (conftest.py) when CI is set."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import REPO

SHOW = "import conftest; from hypothesis import settings; d = settings.default; print(d.derandomize, d.database is None)"


def _defaults(**env: str) -> str:
    base = {k: v for k, v in os.environ.items() if k != "CI"}
    got = subprocess.run([sys.executable, "-c", SHOW], env={**base, "PYTHONPATH": f"{REPO / 'tests'}{os.pathsep}{REPO}", **env},
                         cwd=REPO, capture_output=True, text=True, check=True, timeout=60)
    return got.stdout.strip()


def test_with_ci_set_hypothesis_is_derandomized_and_keeps_no_example_database() -> None:
    assert _defaults(CI="true") == "True True"
    assert _defaults(CI="1") == "True True"


def test_without_ci_hypothesis_explores_and_remembers_failures() -> None:
    assert _defaults() == "False False"
