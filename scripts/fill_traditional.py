"""Fill the Traditional column of the interface string table from its Simplified column.

    python scripts/fill_traditional.py          # rewrite hanban/strings.py in place

Every entry of `WORDS` in hanban/strings.py is one line `'key': ('简体', '繁體', 'English'),`; this
writes the middle column with the interface's conversion (`hanban.catalog.hant.to_traditional_ui`:
OpenCC s2twp, Taiwan's software words, and a reviewed list of fixes), so a maintainer writes
Simplified and English only. `tests/catalog/test_hant.py` fails when the table is not filled.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hanban.catalog.hant import to_traditional_ui

LINE = re.compile(r"^(\s+)('[^']+'|\"[^\"]+\"): \((.*)\),(\s*#.*)?$")


def main() -> None:
    path = ROOT / "hanban" / "strings.py"
    out = []
    for line in path.read_text("utf-8").splitlines():
        m = LINE.match(line)
        if m:
            zh, _hant, en = ast.literal_eval("(" + m.group(3) + ",)")
            line = f"{m.group(1)}{m.group(2)}: ({zh!r}, {to_traditional_ui(zh)!r}, {en!r}),{m.group(4) or ''}"
        out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
