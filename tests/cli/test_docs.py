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
# Subcommands of groups (`catalog info`, ...), by their full name.
SUBCOMMANDS = {
    f"{group} {name}": sub
    for group, cmd in ROOT.commands.items()  # type: ignore[attr-defined]
    for name, sub in getattr(cmd, "commands", {}).items()
}


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


def test_there_are_catalog_commands_to_document() -> None:
    assert {"catalog info", "catalog pack", "catalog update", "catalog rollback", "catalog schema"} <= set(SUBCOMMANDS)


@pytest.mark.parametrize("name", sorted(SUBCOMMANDS))
def test_every_subcommand_has_help_a_readme_entry_and_documented_options(name: str, runner: CliRunner) -> None:
    command = SUBCOMMANDS[name]
    assert (command.help or "").strip(), f"{name} has no help text"
    got = runner.invoke(app, [*name.split(), "--help"])
    assert got.exit_code == 0 and "Usage:" in got.stdout
    assert f"hanban {name}" in README, f"`hanban {name}` is not in the README"
    missing = [opt for param in command.params if param.param_type_name == "option"
               for opt in param.opts if opt.startswith("--") and opt != "--help" and opt not in README]
    assert missing == [], f"hanban {name}: options not documented in README: {missing}"
