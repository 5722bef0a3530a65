"""The suite tests hanban as installed (a wheel in CI), not the checkout beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import INSTALLED_ONLY, REPO


def test_pytest_puts_only_the_test_helpers_on_the_path() -> None:
    pyproject = (REPO / "pyproject.toml").read_text("utf-8")
    assert '\npythonpath = ["tests"]\n' in pyproject  # (not "."; the checkout)


def test_the_suite_imports_the_installed_package_not_the_checkout() -> None:
    import hanban

    if not INSTALLED_ONLY:
        pytest.skip("HANBAN_TEST_INSTALLED and CI are not set: an editable install imports the checkout")
    where = Path(hanban.__file__).resolve()
    assert REPO not in where.parents, f"hanban imported from the checkout ({where}), not from the installed wheel"
