"""The package's shape: folders are layers, imports only point down, no cycles, small modules.

Read from the source (every import, at module level or inside a function, typing-only ones too),
so a lazy import cannot hide a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "hanban"
# Lower numbers are lower layers; a module may import its own package and lower layers only.
LAYERS = {
    "hanban": 0,  # __init__ (the version), errors, strings: the base every layer may use
    "hanban.catalog": 1,  # the model, safe loading, schema, the pipeline
    "hanban.find": 2,  # text forms, exact names, search
    "hanban.wizard": 3,  # flow, answers, session, checklist
    "hanban.index": 3,  # the SQLite cache of the pipeline's units (a store handed to the core)
    "hanban.packs": 3,  # catalog packs: made, fetched, checked, installed (with the full validator)
    "hanban.render": 4,  # views and renderers
    "hanban.cli": 5,  # typer commands, prompts
}
CORE = ("hanban.catalog", "hanban.find", "hanban.wizard")
TERMINAL_LIBRARIES = ("typer", "click", "rich", "questionary", "prompt_toolkit")
MAX_LINES = 400
DATA_MODULES = {"hanban.strings"}  # the one string table: one line per entry, no logic to split


SOURCES = {p.relative_to(REPO).as_posix() for p in PACKAGE.rglob("*.py")}


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_of(module: str) -> str:
    if module == "hanban.__main__":
        return "hanban.cli"  # `python -m hanban` is the command line
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 and ".".join(parts[:2]) in LAYERS else "hanban"


def imports(path: Path) -> set[str]:
    """Every module `path` imports (absolute names)."""
    tree = ast.parse(path.read_text("utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = {f"{node.module}.{a.name}" for a in node.names}
            submodules = {n for n in names if n.replace(".", "/") + ".py" in SOURCES or n.replace(".", "/") + "/__init__.py" in SOURCES}
            out.update(submodules)  # `from pkg import module` needs the module (and pkg/__init__ only as Python's way there)
            if names - submodules:
                out.add(node.module)
    return out


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: {i for i in imports(path) if i in MODULES and i != name} for name, path in MODULES.items()}


def test_every_module_is_in_a_layer() -> None:
    assert all(package_of(m) in LAYERS for m in MODULES)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module: str) -> None:
    here = package_of(module)
    wrong = [i for i in GRAPH[module] if package_of(i) != here and LAYERS[package_of(i)] >= LAYERS[here]]
    assert wrong == [], f"{module} imports {wrong}, which are not below it"


def test_the_core_imports_no_terminal_library_and_not_the_index() -> None:
    for module, path in MODULES.items():
        if package_of(module) in CORE:
            found = [i for i in imports(path) if i.split(".")[0] in TERMINAL_LIBRARIES or i.startswith("hanban.index")]
            assert found == [], f"{module} imports {found}"


def test_there_is_no_import_cycle() -> None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_only_the_prompts_module_imports_questionary() -> None:
    users = sorted(m for m, p in MODULES.items() if any(i.split(".")[0] in ("questionary", "prompt_toolkit") for i in imports(p)))
    assert users == ["hanban.cli.prompt_layout", "hanban.cli.prompts"]  # (prompt_layout: prompt_toolkit only)
    questionary = sorted(m for m, p in MODULES.items() if any(i.split(".")[0] == "questionary" for i in imports(p)))
    assert questionary == ["hanban.cli.prompts"]


def test_no_module_is_over_400_lines() -> None:
    long = {m: n for m, p in MODULES.items() if m not in DATA_MODULES and (n := len(p.read_text("utf-8").splitlines())) > MAX_LINES}
    assert long == {}
