"""The string table: every entry in all three scripts, with the same placeholders in each."""

from __future__ import annotations

import re
import string

import pytest

from hanban.strings import WORDS


def placeholders(text: str) -> set[tuple[str, str | None, str]]:
    """Each `{name!conversion:spec}` of a string, as str.format reads it (a doubled brace is a brace)."""
    return {(name, conversion, spec) for _, name, spec, conversion in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_entry_has_three_scripts_with_the_same_placeholders(key: str) -> None:
    hans, hant, en = WORDS[key]
    assert hans.strip() and hant.strip() and en.strip(), key
    # the same names, quoted (!q) or listed (!l) and formatted ({size:,}) the same way in each script
    assert placeholders(hans) == placeholders(hant) == placeholders(en), key


def test_every_refusal_of_a_pack_is_in_the_table() -> None:
    from pathlib import Path

    import hanban

    keys = set()
    for path in (Path(hanban.__file__).parent / "packs").glob("*.py"):
        keys |= set(re.findall(r'key="(pack\.[\w.]+)"', path.read_text("utf-8")))
        keys |= {f"pack.manifest.{k}" for k in re.findall(r'bad\("(\w+)"', path.read_text("utf-8"))}
    assert keys and keys <= set(WORDS), keys - set(WORDS)
