"""The loader reads the same with PyYAML's pure-Python SafeLoader as with libyaml's CSafeLoader:
a PyYAML without libyaml (a source build, a platform without its wheel) must accept, refuse and
place on lines exactly what the C loader does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from conftest import REPO
from hanban.catalog.yamlio import load_bytes
from hanban.errors import CatalogError

CATALOG_FILES = sorted((REPO / "catalog").rglob("*.yaml"))
DOCS = [
    "prompt: {zh-Hans: 其他？, en: Other?}\nlist: [why?, 'a?b', x]\n",  # '?' inside flow collections
    "a: what? yes\nb: ?x\nc:\n  - {k: v?}\n",
    "a:\n  b: [1, two]\n  c: 2023-08-03\nd: |\n  block\n  text\ne: >-\n  folded\n  line\n",
    "a: [1, 2\nb: 3\n",  # broken: a line number
    "x: 1\ny: \"\\e[31m\"\n",  # an escape sequence: refused
    "x: 1\ny: a\x07b\n",  # a raw control character: refused by the reader
    "x: 1\n\ny: a\ufffeb\n",  # a non-character: refused by the reader
    "a: &x [1]\nb: *x\n",
    "a: 1\na: 2\n",
    "a: !!python/object:os.system x\n",
    "<<: {a: 1}\n",
    "- 中文\n- 測試\n- \u00e9\n" * 3,
]

# Runs in a child process: PyYAML with its C parts hidden before hanban is imported.
CHILD = """
import json, sys, yaml
for name in [n for n in dir(yaml) if n.startswith("C") and n[1:2].isupper()]:
    delattr(yaml, name)
yaml.__with_libyaml__ = False
from hanban.catalog import yamlio
assert yamlio._SafeLoader is yaml.SafeLoader and not hasattr(yaml, "CSafeLoader")
from test_yaml_pure import read_all
print(json.dumps(read_all(json.loads(sys.stdin.read()))))
"""


def read(raw: bytes, name: str) -> Any:
    """What the loader makes of `raw`: its data and each value's line, or the problems it names."""
    try:
        doc = load_bytes(raw, name)
    except CatalogError as exc:
        # (a syntax error is told in the parser's own words, which differ: its file and line may not)
        return {"problems": [str(p).split(" YAML syntax error: ")[0] for p in exc.problems]}
    return {"data": doc.data, "lines": sorted([list(k), v] for k, v in doc.lines.items())}


def read_all(inputs: list[list[str]]) -> list[Any]:
    return [read(text.encode("utf-8", "surrogateescape"), name) for name, text in inputs]


def test_the_pure_python_loader_reads_what_the_c_loader_reads(tmp_path: Any) -> None:
    inputs = [[f.name, f.read_text("utf-8")] for f in CATALOG_FILES] + [[f"doc{i}.yaml", d] for i, d in enumerate(DOCS)]
    path = os.pathsep.join([str(REPO / "tests" / "catalog"), str(REPO / "tests"), *(p for p in sys.path if p)])
    env = {**os.environ, "PYTHONPATH": path}
    child = subprocess.run([sys.executable, "-c", CHILD], input=json.dumps(inputs), env=env, cwd=tmp_path,
                           capture_output=True, text=True, timeout=300, check=False)
    assert child.returncode == 0, child.stderr[-3000:]
    pure = json.loads(child.stdout)
    here = json.loads(json.dumps(read_all(inputs)))
    for (name, _), a, b in zip(inputs, here, pure):
        assert a == b, name
    assert len(pure) == len(inputs) > len(DOCS)
    assert pure[len(CATALOG_FILES)]["data"]["prompt"] == {"zh-Hans": "其他？", "en": "Other?"}
