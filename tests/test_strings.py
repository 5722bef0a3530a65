"""The string table: every entry in all three scripts, with the same placeholders in each."""

from __future__ import annotations

import re

import pytest

from hanban.strings import WORDS

PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_entry_has_three_scripts_with_the_same_placeholders(key: str) -> None:
    hans, hant, en = WORDS[key]
    assert hans.strip() and hant.strip() and en.strip(), key
    assert set(PLACEHOLDER.findall(hans)) == set(PLACEHOLDER.findall(hant)) == set(PLACEHOLDER.findall(en)), key


def test_every_refusal_of_a_pack_is_in_the_table() -> None:
    from pathlib import Path

    import hanban

    keys = set()
    for path in (Path(hanban.__file__).parent / "packs").glob("*.py"):
        keys |= set(re.findall(r'key="(pack\.[\w.]+)"', path.read_text("utf-8")))
        keys |= {f"pack.manifest.{k}" for k in re.findall(r'bad\("(\w+)"', path.read_text("utf-8"))}
    assert keys and keys <= set(WORDS), keys - set(WORDS)
