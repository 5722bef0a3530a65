"""The safe YAML loader: plain YAML only, every refusal names the file and line."""

from __future__ import annotations

import pytest

from hanban.catalog.yamlio import MAX_BYTES, load_bytes
from hanban.errors import CatalogError


def problems(text: str | bytes) -> list[str]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(CatalogError) as info:
        load_bytes(raw, "x.yaml")
    return [str(p) for p in info.value.problems]


def test_plain_yaml_loads_with_lines_for_every_value() -> None:
    doc = load_bytes(b"a:\n  b: [1, two]\n  c: 2023-08-03\n", "x.yaml")
    assert doc.data == {"a": {"b": [1, "two"], "c": "2023-08-03"}}
    assert doc.lines[("a", "b", 1)] == 2
    assert doc.line(("a", "c", "missing")) == 3


def test_python_object_tag_is_refused_not_constructed() -> None:
    got = problems("x: !!python/object/apply:os.system ['echo pwned']\n")
    assert got == ["x.yaml:1: x: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed (plain YAML only)"]


def test_aliases_are_refused_at_their_line() -> None:
    got = problems("a: &x [1, 2]\nb: *x\n")
    assert got == ["x.yaml:1: b: anchors and aliases (&name, *name) are not allowed"]


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        prev = f"*a{i-1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    got = problems("\n".join(lines) + "\n")
    assert "anchors and aliases" in got[0]


def test_duplicate_keys_are_refused() -> None:
    assert problems("a: 1\nb: 2\na: 3\n") == ["x.yaml:3: a: duplicate key"]


def test_merge_keys_are_refused() -> None:
    assert "merge keys" in problems("a:\n  <<: {b: 1}\n")[0]


def test_broken_yaml_names_the_line() -> None:
    got = problems("a: [1, 2\nb: 3\n")
    assert got[0].startswith("x.yaml:") and "YAML syntax error" in got[0]


def test_non_utf8_file_names_the_line() -> None:
    got = problems(b"a: 1\nb: \xff\xfe\n")
    assert got == ["x.yaml:2: not UTF-8 (byte 8); save the file as UTF-8"]


def test_oversized_file_is_refused() -> None:
    got = problems(b"a: " + b"x" * MAX_BYTES + b"\n")
    assert "limit" in got[0]


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    got = problems("[" * 5000 + "]" * 5000)
    assert got and got[0].startswith("x.yaml")


SCALARS = ["", "~", "null", "Null", "NULL", "true", "True", "yes", "No", "on", "OFF", "y", "0", "-1", "+12", "0x1f", "0o17",
           "017", "1_000", "190:20:30", "1.5", "-.5", "1e3", "6.8523015e+5", ".inf", "-.Inf", ".NaN", "2023-08-03",
           "2001-12-14t21:59:43.10-05:00", "<<", "=", "身份证", "hukou", "#x", "-", ":", "3.0.1", "1,000", "0b1010", "+.inf"]


@pytest.mark.parametrize("value", SCALARS)
def test_the_loaders_tags_are_pyyamls_for_every_kind_of_scalar(value: str) -> None:
    import yaml

    from hanban.catalog.yamlio import Loader

    reference = yaml.SafeLoader("")
    ours = Loader("")
    for implicit in ((True, False), (False, True), (False, False), (True, False)):  # (plain twice: the second is remembered)
        assert ours.resolve(yaml.ScalarNode, value, implicit) == reference.resolve(yaml.ScalarNode, value, implicit), implicit
    for kind in (yaml.SequenceNode, yaml.MappingNode):
        assert ours.resolve(kind, None, (True, False)) == reference.resolve(kind, None, (True, False))


def test_the_shipped_catalog_composes_to_the_same_tags_as_with_pyyamls_loader() -> None:
    import yaml

    from hanban.catalog.files import builtin_dir
    from hanban.catalog.yamlio import Loader

    def tags(node: yaml.Node) -> list[str]:
        out = [node.tag]
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                out += tags(k) + tags(v)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                out += tags(item)
        return out

    files = sorted(builtin_dir().rglob("*.yaml"))
    assert len(files) > 10
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert tags(yaml.compose(text, Loader=Loader)) == tags(yaml.compose(text, Loader=yaml.SafeLoader)), f.name


def test_the_remembered_tags_are_bounded() -> None:
    import yaml

    from hanban.catalog import yamlio

    loader = yamlio.Loader("")
    for i in range(yamlio._RESOLVED_MAX + 100):
        assert loader.resolve(yaml.ScalarNode, f"{i}", (True, False)) == "tag:yaml.org,2002:int"
    assert loader.resolve(yaml.ScalarNode, "x" * 65, (True, False)) == "tag:yaml.org,2002:str"
    assert len(yamlio._RESOLVED) <= yamlio._RESOLVED_MAX
    assert "x" * 65 not in yamlio._RESOLVED  # (long scalars are not kept)
