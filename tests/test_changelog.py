"""CHANGELOG.md keeps a section per release (Keep a Changelog): the version hanban says it is has
its dated section, releases run newest first, each uses only the standard headings, and each has
its link."""

from __future__ import annotations

import re
from pathlib import Path

import hanban

CHANGELOG = Path(__file__).resolve().parent.parent / "CHANGELOG.md"
HEADINGS = {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}


def releases(text: str) -> list[tuple[str, str]]:
    return re.findall(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", text, flags=re.MULTILINE)


def test_the_running_version_has_a_dated_section_and_releases_run_newest_first() -> None:
    text = CHANGELOG.read_text("utf-8")
    found = releases(text)
    assert found and found[0][0] == hanban.__version__
    versions = [tuple(int(p) for p in v.split(".")) for v, _ in found]
    assert versions == sorted(versions, reverse=True) and [d for _, d in found] == sorted((d for _, d in found), reverse=True)
    assert text.index("## [Unreleased]") < text.index(f"## [{hanban.__version__}]")


def test_each_release_uses_the_standard_headings_once_and_has_its_link() -> None:
    text = CHANGELOG.read_text("utf-8")
    for block in re.split(r"^## ", text, flags=re.MULTILINE)[2:]:  # (the preamble, then Unreleased)
        version = block.split("]", 1)[0].lstrip("[")
        headings = re.findall(r"^### (.+)$", block, flags=re.MULTILINE)
        assert set(headings) <= HEADINGS and len(headings) == len(set(headings)), (version, headings)
        assert re.search(rf"^\[{re.escape(version)}\]: https://", text, flags=re.MULTILINE), version
