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


# -- the Chinese README names the same commands and options ----------------------------------------
README_ZH = (REPO / "README.zh-Hans.md").read_text("utf-8")
ALL_COMMANDS = sorted([*(n for n in COMMANDS if n not in {g for g in ROOT.commands if hasattr(ROOT.commands[g], "commands")}),  # type: ignore[attr-defined]
                       *SUBCOMMANDS])
ALL_OPTIONS = sorted({
    opt
    for cmd in [ROOT, *(ROOT.commands[n] for n in COMMANDS), *SUBCOMMANDS.values()]  # type: ignore[attr-defined]
    for param in cmd.params if param.param_type_name == "option"
    for opt in param.opts
} | {"--help"})


def _named(text: str) -> tuple[set[str], set[str]]:
    """The app's commands (`hanban NAME`) and options (long and short, as whole words) a README names."""
    import re

    commands = {name for name in ALL_COMMANDS if re.search(rf"hanban {re.escape(name)}(?![\w-])", text)}
    options = {opt for opt in ALL_OPTIONS if re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", text)}
    return commands, options


def test_both_readmes_link_each_other_at_the_top() -> None:
    assert "[简体中文](README.zh-Hans.md)" in README.split("\n## ", 1)[0]
    assert "[English](README.md)" in README_ZH.split("\n## ", 1)[0]


def test_the_chinese_readme_names_every_command_and_option_the_english_one_does() -> None:
    english, chinese = _named(README), _named(README_ZH)
    assert english == chinese
    assert chinese == (set(ALL_COMMANDS), set(ALL_OPTIONS))  # (and that is all the app has)


def test_the_chinese_readme_names_no_long_option_the_english_one_does_not() -> None:
    import re

    words = set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", README_ZH))
    assert words - set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", README)) == set()


def test_the_chinese_readme_keeps_the_quick_start_and_says_how_to_use_a_mirror() -> None:
    assert "    pip install \".[test]\" && python -m pytest\n" in README_ZH
    assert "    python3 -m venv .venv && . .venv/bin/activate && pip install . && hanban ask\n" in README_ZH
    assert "pip install -i https://pypi.tuna.tsinghua.edu.cn/simple ." in README_ZH and "PIP_INDEX_URL" in README_ZH
