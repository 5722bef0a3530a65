"""Search has a documented query limit (200 characters) and a matcher linear in the query: a
20,000-character Chinese query once took 155 s in `_variant`'s pairwise atom loop."""

from __future__ import annotations

import random
import sys
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from hanban.cli.app import app
from hanban.find import search as s
from wizard_helpers import real


def quadratic_atoms(found: set[str]) -> set[str]:
    """The definition: the atoms that contain no other atom."""
    return {a for a in found if not any(b != a and b in a for b in found)}


@given(st.sets(st.text("ab证件 ", min_size=1, max_size=5), max_size=12))
def test_minimal_atoms_are_those_that_contain_no_other(found: set[str]) -> None:
    got = s.minimal_atoms(found)
    assert len(got) == len(set(got)) and set(got) == quadratic_atoms(found)


def calls(fn: Callable[[], object]) -> int:
    """How many Python-level calls (functions, generator resumptions) `fn` makes: a measure of work
    that does not depend on how busy the machine is."""
    n = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal n
        if event == "call":
            n += 1

    sys.setprofile(count)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return n


def chinese(n: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(n))


def test_a_20000_character_chinese_query_is_matched_in_linear_time() -> None:
    cat, _ = real()
    index = s.index_for(cat)
    small, big = chinese(2_000, 14), chinese(20_000, 14)
    # ten times the query, about ten times the work (the pairwise loop did a hundred times)
    ratio = calls(lambda: s._variant(big, index)) / calls(lambda: s._variant(small, index))
    assert ratio < 20, ratio
    v = s._variant(big, index)  # below the limit's guard: the matcher itself
    assert v.atoms and len(v.atoms) <= len(v.feats)


def test_a_query_at_the_limit_is_answered_with_work_like_a_short_one() -> None:
    cat, _ = real()
    s.search(cat, "身份证")  # (warm: the index is built once)
    short = calls(lambda: s.search(cat, "身份证丢失补领"))
    longest = calls(lambda: s.search(cat, chinese(s.MAX_QUERY, 200)))
    assert longest < 200 * short, (longest, short)


def test_a_query_over_the_limit_is_refused_in_the_persons_language(runner: CliRunner) -> None:
    long = "身份证" * 67 + "丢"  # 202 characters
    got = runner.invoke(app, ["--lang", "en", "search", long])
    assert got.exit_code == 2 and got.stderr == "hanban: the query is longer than 200 characters; describe the service in fewer words\n"
    got = runner.invoke(app, ["--lang", "zh-Hans", "search", long])
    assert got.exit_code == 2 and "查询超过 200 个字符" in got.stderr
