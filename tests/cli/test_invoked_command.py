"""A run builds only the command it invokes (typer reads every registered command's signature on
every run): the command line decides which, and that command behaves exactly as in the full app."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from hanban.cli.app import COMMANDS, GROUPS, build_app, invoked_command
from hanban.strings import LANGS, Lang


@pytest.mark.parametrize(
    "argv,command",
    [
        (["show", "x"], "show"),
        (["--catalog", "show", "list"], "list"),  # "show" is the option's value here
        (["--catalog=ov", "--lang", "en", "search", "x"], "search"),
        (["--lang=zh-Hant", "-h", "cache", "info"], "cache"),
        (["--version", "catalog", "info"], "catalog"),
        (["ask", "--lang", "en"], "ask"),
        ([], None),
        (["--help"], None),
        (["--version"], None),
        (["shwo", "x"], None),  # unknown: every command, so that click can suggest one
        (["--", "show"], None),
        (["--catalog"], None),
    ],
)
def test_the_command_line_names_the_command_to_build(argv: list[str], command: str | None) -> None:
    assert invoked_command(argv, environ={}) == command


def test_a_shell_asking_for_completions_gets_every_command() -> None:
    assert invoked_command(["show", "x"], environ={"_HANBAN_COMPLETE": "complete_bash"}) is None


@pytest.mark.parametrize("lang", LANGS)
def test_a_command_built_alone_behaves_as_in_the_full_app(lang: Lang) -> None:
    runner = CliRunner()
    full = build_app(lang)
    for name in [n for n, _ in COMMANDS] + [n for n, _ in GROUPS]:
        alone = build_app(lang, only=name)
        for args in ([name, "--help"], [name, "--no-such-option"]):
            want, got = runner.invoke(full, args), runner.invoke(alone, args)
            assert (got.exit_code, got.stdout, got.stderr) == (want.exit_code, want.stdout, want.stderr), (lang, args)
        assert [c.name for c in _commands(alone)] == [name]


def _commands(app: object) -> list[object]:
    import typer.main

    group = typer.main.get_command(app)  # type: ignore[arg-type]
    return list(group.commands.values())  # type: ignore[attr-defined]


def test_the_options_that_take_a_value_are_the_root_callbacks_own() -> None:
    # `invoked_command` skips their values by hand: a new root option that takes one must be listed.
    import inspect

    from hanban.cli.app import ROOT_OPTIONS_WITH_VALUE, root

    taking_a_value = {
        decl
        for p in inspect.signature(root).parameters.values()
        if hasattr(p.default, "param_decls") and not isinstance(p.default.default, bool)
        for decl in p.default.param_decls
    }
    assert taking_a_value == set(ROOT_OPTIONS_WITH_VALUE)
