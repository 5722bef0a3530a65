"""Wheel build hook: the built-in catalog's index, compiled once here instead of on every user's first run.

hatchling runs this while it builds a wheel (not an editable install, whose files are the checkout's
and change as it is edited: it compiles on first use, or `python -m hanban.index.prebuilt`). The
checkout's own `hanban.index.prebuilt` compiles `catalog/` in a child process into a temporary
folder, and the two files land in the wheel as `hanban/_index/` (see that module for when they are
used). Compiling needs the catalog's parse-time packages, listed in [build-system] requires; a
build without them (`--no-build-isolation` in a bare environment) says so and ships no prebuilt
index: the package still works, its first command compiles.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

NEEDS = ("yaml", "pypinyin", "opencc")  # what compiling the catalog imports


class PrebuiltIndexHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._out: str | None = None
        if self.target_name != "wheel" or version == "editable":
            return
        missing = [m for m in NEEDS if importlib.util.find_spec(m) is None]
        root = Path(self.root)
        if missing:
            sys.path.insert(0, str(root))  # (the checkout's string table: it imports nothing but the standard library)
            from hanban.strings import lang_from_locale, word

            self.app.display_warning(f"hanban: {word('prebuilt.none', lang_from_locale(), missing=', '.join(missing))}")
            return
        self._out = tempfile.mkdtemp(prefix="hanban-prebuilt-")
        # The child sees what this process sees: the checkout first, then the build environment's
        # packages (pip's isolated build adds them to this process's path, not to the interpreter's).
        path = os.pathsep.join([str(root), *(p for p in sys.path if p)])
        env = {**os.environ, "PYTHONPATH": path, "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("HANBAN_CATALOG", None)
        subprocess.run(
            [sys.executable, "-m", "hanban.index.prebuilt", self._out, str(root / "catalog")],
            cwd=root, env=env, check=True,
        )
        for name in os.listdir(self._out):
            build_data["force_include"][os.path.join(self._out, name)] = f"hanban/_index/{name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._out is not None:
            shutil.rmtree(self._out, ignore_errors=True)
