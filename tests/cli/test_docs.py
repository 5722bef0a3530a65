"""Every command has help and is documented in the README, options included (as sqlite-utils does)."""

from __future__ import annotations

import pytest
import typer.main
from typer.testing import CliRunner

from conftest import REPO
from hanban.cli.app import app

README = (REPO / "README.md").read_text("utf-8")
ROOT = typer.main.get_command(app)
COMMANDS = sorted(ROOT.commands)  # type: ignore[attr-defined]


def test_there_are_commands_to_document() -> None:
    assert {"ask", "list", "show", "search", "measures", "questions", "validate"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_and_a_readme_entry(name: str, runner: CliRunner) -> None:
    command = ROOT.commands[name]  # type: ignore[attr-defined]
    assert (command.help or "").strip(), f"{name} has no help text"
    got = runner.invoke(app, [name, "--help"])
    assert got.exit_code == 0 and "Usage:" in got.stdout
    assert f"hanban {name}" in README, f"`hanban {name}` is not in the README"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_of_every_command_is_in_the_readme(name: str) -> None:
    missing = [
        opt
        for param in ROOT.commands[name].params  # type: ignore[attr-defined]
        if param.param_type_name == "option"
        for opt in param.opts
        if opt.startswith("--") and opt != "--help" and opt not in README
    ]
    assert missing == [], f"hanban {name}: options not documented in README: {missing}"


def test_global_options_are_in_the_readme() -> None:
    for opt in ("--catalog", "--lang", "--version", "--install-completion"):
        assert opt in README
