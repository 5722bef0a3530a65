"""Shell completion as the shells ask for it (the environment variables Typer's scripts set):
services by id, and by Chinese name or alias in either script, with descriptions where the shell
shows them; `--show-completion SHELL` prints that shell's script."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _run(env: dict[str, str], *args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("_HANBAN") and k not in ("HANBAN_CATALOG", "LANGUAGE", "LC_ALL")}
    full.update(env, HANBAN_CACHE=str(cache), LANG="C.UTF-8")
    return subprocess.run([sys.executable, "-m", "hanban", *args], env=full, capture_output=True, text=True, timeout=120, check=False)


def complete(shell: str, words: str, cache: Path) -> list[str]:
    """What hanban offers a shell for the command line `hanban WORDS` (the cursor at its end)."""
    if shell == "bash":
        env = {"_HANBAN_COMPLETE": "complete_bash", "COMP_WORDS": f"hanban {words}", "COMP_CWORD": str(len(words.split()))}
    else:
        env = {"_HANBAN_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": f"hanban {words}"}
        if shell == "fish":
            env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    got = _run(env, cache=cache)
    assert got.returncode == 0 and got.stderr == "", got.stderr[-2000:]
    return got.stdout.splitlines()


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("completion-cache")


def test_chinese_names_and_aliases_complete_with_the_id_as_description(cache: Path) -> None:
    zsh = "\n".join(complete("zsh", "show 无犯", cache))
    assert '"无犯罪记录证明开具":"no-crime-certificate"' in zsh  # the name
    assert '"无犯罪证明":"no-crime-certificate"' in zsh  # an alias
    assert "no-crime-certificate\":\"No" not in zsh  # (ids are for what is typed in Latin letters)
    fish = complete("fish", "show 无犯", cache)
    assert "无犯罪记录证明开具\tno-crime-certificate" in fish
    bash = complete("bash", "show 无犯", cache)
    assert "无犯罪记录证明开具" in bash and all("\t" not in line and ":" not in line for line in bash)


def test_traditional_names_complete_too(cache: Path) -> None:
    assert "無犯罪記錄證明開具\tno-crime-certificate" in complete("fish", "show 無犯", cache)


def test_ids_complete_with_the_name_in_the_runs_language(cache: Path) -> None:
    assert "no-crime-certificate\tNo-criminal-record certificate" in complete("fish", "show no-cr", cache)
    assert "no-crime-certificate\t无犯罪记录证明开具" in complete("fish", "--lang zh-Hans show no-cr", cache)


def test_ask_set_service_completes_chinese_names(cache: Path) -> None:
    assert "service=无犯罪记录证明开具\tno-crime-certificate" in complete("fish", "ask --set service=无犯", cache)


def test_nothing_is_offered_for_a_name_no_service_has(cache: Path) -> None:
    assert [line for line in complete("fish", "show 没有这种事", cache) if line] == []


@pytest.mark.parametrize(
    ("shell", "mark", "not_mark"),
    [
        ("zsh", "#compdef hanban", "COMPREPLY"),
        ("bash", "complete -o default -F _hanban_completion hanban", "#compdef"),
        ("fish", "complete --command hanban", "COMPREPLY"),
        ("powershell", "Register-ArgumentCompleter", "COMPREPLY"),
    ],
)
def test_show_completion_prints_the_script_of_the_shell_named(shell: str, mark: str, not_mark: str, cache: Path) -> None:
    got = _run({}, "--show-completion", shell, cache=cache)
    assert got.returncode == 0 and mark in got.stdout and not_mark not in got.stdout


def test_show_completion_of_a_shell_without_a_script_says_so(cache: Path) -> None:
    got = _run({}, "--lang", "zh-Hans", "--show-completion", "tcsh", cache=cache)
    assert got.returncode == 2 and got.stdout == ""
    assert got.stderr.strip() == "不支持的 shell：tcsh（可用：bash, zsh, fish, powershell, pwsh）"
