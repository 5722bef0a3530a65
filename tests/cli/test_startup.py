"""Start-up stays lean: commands that ask nothing never import the prompt libraries or OpenCC.

Each command runs in a fresh interpreter (imports are per process), so an eager import added
anywhere -- a module-level `import questionary`, a renderer pulling in OpenCC -- fails here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

HEAVY = ("questionary", "prompt_toolkit", "opencc", "pypinyin", "yaml", "cryptography")  # (cryptography: only catalog pack and update)

PROBE = """
import json, sys
sys.argv = ["hanban", *json.loads(sys.argv[1])]
from hanban.cli.app import main
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code or 0
sys.stdout.flush()
print("\\nMODULES=" + json.dumps([int(code), sorted(sys.modules)]), file=sys.stderr)
"""

COMMANDS = [
    ["--help"],
    ["--version"],
    ["show", "--help"],
    ["list"],
    ["list", "--json"],
    ["list", "--cross-province", "--json"],
    ["show", "no-crime-certificate"],
    ["show", "no-crime-certificate", "--json"],
    ["--lang", "zh-Hant", "show", "no-crime-certificate"],
    ["--lang", "en", "show", "无犯罪记录证明开具"],
    ["measures"],
    ["measures", "--json"],
    ["search", "no crime certificate"],
]


def modules_after(args: list[str], cache: Path) -> set[str]:
    env = {**os.environ, "HANBAN_CACHE": str(cache), "COLUMNS": "100", "LANG": "C.UTF-8"}
    env.pop("HANBAN_CATALOG", None)
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        capture_output=True, text=True, env=env, cwd=REPO, check=False, timeout=120,
    )
    marker = proc.stderr.rsplit("MODULES=", 1)
    assert len(marker) == 2, proc.stderr
    code, modules = json.loads(marker[1])
    assert code == 0, proc.stderr  # the command really ran
    return set(modules)


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index already compiled, as on every run but the first (compiling may load OpenCC)."""
    cache = tmp_path_factory.mktemp("startup-cache")
    modules_after(["list"], cache)
    return cache


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_non_interactive_commands_leave_prompts_and_opencc_unimported(args: list[str], warm_cache: Path) -> None:
    loaded = modules_after(args, warm_cache)
    assert not [name for name in loaded if name.split(".")[0] in HEAVY]
    # parsing (the parser, the schema, PyYAML) loads only when a catalog file changed
    assert not {"hanban.catalog.parse", "hanban.catalog.schema", "hanban.index.build", "yaml"} & loaded
    # typer 0.2x coerces options through pydantic; hanban.fastargs keeps it out (it costs as much as typer).
    assert "pydantic" not in loaded


def test_version_reads_the_compiled_index_and_parses_no_yaml_when_warm(warm_cache: Path) -> None:
    loaded = modules_after(["--version"], warm_cache)
    assert "hanban.index.store" in loaded  # it names the catalog ...
    assert not {"yaml", "hanban.catalog.parse", "hanban.catalog.yamlio"} & loaded  # ... from the index


def test_an_overlay_option_does_not_import_pydantic_either(warm_cache: Path) -> None:
    loaded = modules_after(["--catalog", str(REPO / "catalog"), "search", "-n", "3", "lost", "card"], warm_cache)
    assert "pydantic" not in loaded


@pytest.mark.parametrize("args", [["show", "no-crime-certificate"], ["search", "no crime certificate"], ["list"]], ids=" ".join)
def test_a_command_imports_no_other_commands_module(args: list[str], warm_cache: Path) -> None:
    from hanban.cli.app import COMMANDS, GROUPS

    loaded = modules_after(args, warm_cache)
    others = {f"hanban.cli.{module}" for name, module in COMMANDS + GROUPS if name != args[0]}
    assert others & loaded == set()
    assert f"hanban.cli.{args[0]}" in loaded


GC_PROBE = """
import gc, json, sys
sys.argv = ["hanban", "--version"]
during_load = []

def seen(phase, info):
    app = sys.modules.get("hanban.cli.app")
    if phase == "start" and app is not None and not hasattr(app, "main"):
        during_load.append(info["generation"])

gc.callbacks.append(seen)
from hanban.cli import start
code = 0
try:
    start.main()
except SystemExit as exc:
    code = exc.code or 0
print("\\nGC=" + json.dumps([code, during_load, gc.isenabled(), gc.get_freeze_count()]), file=sys.stderr)
"""


def test_the_console_script_loads_the_app_with_the_collector_paused_then_resumes_it(warm_cache: Path) -> None:
    env = {**os.environ, "HANBAN_CACHE": str(warm_cache), "LANG": "C.UTF-8"}
    proc = subprocess.run([sys.executable, "-c", GC_PROBE], capture_output=True, text=True, env=env, cwd=REPO, check=False, timeout=120)
    code, during_load, enabled, frozen = json.loads(proc.stderr.rsplit("GC=", 1)[1])
    assert code == 0, proc.stderr
    assert during_load == []  # no collection while typer, click and hanban load
    assert enabled and frozen > 10_000  # what they made is frozen; the command runs with the collector on


@pytest.mark.parametrize("args", [["show", "no-crime-certificate"], ["search", "no crime certificate"], ["list"]], ids=" ".join)
def test_output_without_json_leaves_the_json_renderer_unimported(args: list[str], warm_cache: Path) -> None:
    assert "hanban.render.json" not in modules_after(args, warm_cache)
    assert "hanban.render.json" in modules_after([*args, "--json"], warm_cache)
