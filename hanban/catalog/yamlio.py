"""Safe YAML loading that remembers the line of every value.

Only the safe loaders are used (the C one where available). Documents are composed into nodes
and converted here, so tags, anchors/aliases, merge keys and duplicate keys are refused with the
line they are on, and an alias bomb is refused before it can expand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hanban.errors import CONTROL_RE, CatalogError, Problem

_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_Resolvers = tuple[tuple[str, "re.Pattern[str]"], ...]
_WILDCARD: _Resolvers = tuple(_SafeLoader.yaml_implicit_resolvers.get(None, ()))
_IMPLICIT: dict[str, _Resolvers] = {
    first: tuple(resolvers) + _WILDCARD for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items() if first is not None
}
_SCALAR: str = _SafeLoader.DEFAULT_SCALAR_TAG
_SEQUENCE: str = _SafeLoader.DEFAULT_SEQUENCE_TAG
_MAPPING: str = _SafeLoader.DEFAULT_MAPPING_TAG
_ScalarNode, _SequenceNode, _MappingNode = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
_RESOLVED: dict[str, str] = {}  # plain scalar -> its tag, for the short ones (bounded)
_RESOLVED_MAX = 16384


class Loader(_SafeLoader):  # type: ignore[misc]
    """The safe loader (the C one where available), resolving tags as it does, with less work.

    The composer asks the resolver for every node's tag. The safe loader has no path resolvers, so
    entering and leaving a node tells it nothing, and a plain scalar's tag depends on its first
    character only through the implicit resolvers registered for it: these are looked up in one
    table made once (the same resolvers, in the same order, as PyYAML's `BaseResolver.resolve`), and
    a short plain scalar's tag is remembered (a catalog's keys repeat in every entry)."""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is _ScalarNode:
            if implicit[0]:
                tag = _RESOLVED.get(value)
                if tag is not None:
                    return tag
                tag = _SCALAR
                for t, regexp in _IMPLICIT.get(value[:1], _WILDCARD):
                    if regexp.match(value):
                        tag = t
                        break
                if len(_RESOLVED) < _RESOLVED_MAX and len(value) <= 64:
                    _RESOLVED[value] = tag
                return tag
            return _SCALAR
        return _SEQUENCE if kind is _SequenceNode else _MAPPING


def _scan_plain(self: Any) -> Any:
    """PyYAML's pure-Python `Scanner.scan_plain`, ending a plain scalar in a flow collection where
    libyaml does: at ',', '[', ']', '{', '}' or ': ', not at '?' (so `{en: Other?}` reads the same
    with and without libyaml). Used only where the C loader is missing."""
    chunks: list[str] = []
    start_mark = end_mark = self.get_mark()
    indent = self.indent + 1
    spaces: list[str] = []
    blank = "\0 \t\r\n\x85\u2028\u2029"
    while self.peek() != "#":
        length = 0
        while True:
            ch = self.peek(length)
            if (ch in blank or (ch == ":" and self.peek(length + 1) in blank + (",[]{}" if self.flow_level else ""))
                    or (self.flow_level and ch in ",[]{}")):
                break
            length += 1
        if length == 0:
            break
        self.allow_simple_key = False
        chunks.extend(spaces)
        chunks.append(self.prefix(length))
        self.forward(length)
        end_mark = self.get_mark()
        spaces = self.scan_plain_spaces(indent, start_mark)
        if not spaces or self.peek() == "#" or (not self.flow_level and self.column < indent):
            break
    return yaml.ScalarToken("".join(chunks), True, start_mark, end_mark)


if _SafeLoader is yaml.SafeLoader:
    Loader.scan_plain = _scan_plain


MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 500_000
MAX_NUMBER_DIGITS = 100
# Strings with CONTROL_RE characters are refused. Plain YAML already refuses them raw; double-quoted
# escapes ("\e[31m", "\x1b", "\u202e") would otherwise carry escape sequences into hanban's output.

PathKey = tuple[str | int, ...]
# What the readers say of a character YAML does not allow (the C reader: control, the Python one: special, of any).
_READER_REASONS = {"control characters are not allowed": "problem.yaml_control_char", "special characters are not allowed": "problem.yaml_special_char"}

_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_PLAIN_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


@dataclass(frozen=True)
class Located:
    """A parsed document and the 1-based line of each value, keyed by its path."""

    file: str
    data: Any
    lines: dict[PathKey, int]

    def line(self, path: PathKey) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def format_path(path: PathKey) -> str:
    """('services', 0, 'name') -> 'services[0].name'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def load_file(path: Path, display: str | None = None) -> Located:
    """Read and parse one YAML file; raise CatalogError naming the file (and line)."""
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise CatalogError(
                [Problem(name, 0, "", "problem.file_too_big", size=size, limit=MAX_BYTES)]
            )
        with path.open("rb") as f:  # bounded: the size on disk may lie (/proc, /dev/zero, a pipe)
            raw = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise CatalogError([Problem(name, 0, "", "problem.cannot_read", why=exc.strerror or str(exc))]) from None
    return load_bytes(raw, name)


def load_bytes(raw: bytes, name: str) -> Located:
    """Parse YAML bytes (UTF-8 only) into a Located document."""
    if len(raw) > MAX_BYTES:
        raise CatalogError([Problem(name, 0, "", "problem.file_over_limit", limit=MAX_BYTES)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CatalogError(
            [Problem(name, line, "", "problem.not_utf8", byte=exc.start)]
        ) from None
    text = text.removeprefix("\ufeff")
    loader = None
    try:
        loader = Loader(text)  # (the pure-Python reader checks every character here, the C one while parsing)
        node = loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        # The C reader counts UTF-8 bytes, the Python one characters.
        if _SafeLoader is not yaml.SafeLoader:
            line = text.encode("utf-8")[: exc.position].count(b"\n") + 1
        else:
            line = text[: exc.position].count("\n") + 1
        # What the character is decides the words (both readers' own words for it differ).
        code = int(exc.character)
        key = ("problem.yaml_control_char" if code < 0x20 or 0x7F <= code < 0xA0 else "problem.yaml_special_char"
               ) if exc.reason in _READER_REASONS else "problem.yaml_char"
        raise CatalogError([Problem(name, line, "", key, reason=exc.reason, char=f"U+{code:04X}")]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        what = exc.problem or exc.context or "malformed YAML"
        raise CatalogError([Problem(name, line, "", "problem.yaml_syntax", what=what)]) from None
    except yaml.YAMLError as exc:
        raise CatalogError([Problem(name, 0, "", "problem.yaml_error", what=str(exc))]) from None
    except RecursionError:
        raise CatalogError([Problem(name, 0, "", "problem.too_deep")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    lines: dict[PathKey, int] = {}
    if node is None:
        return Located(name, None, lines)
    converter = _Converter(name, lines, anchors="&" in text)
    try:
        data = converter.convert(node, ())
    except RecursionError:
        raise CatalogError([Problem(name, 0, "", "problem.too_deep")]) from None
    if converter.problems:
        raise CatalogError(converter.problems)
    return Located(name, data, lines)


class _Converter:
    """Turns composed nodes into plain Python values, refusing anything but plain YAML."""

    def __init__(self, name: str, lines: dict[PathKey, int], anchors: bool = True) -> None:
        self.name = name
        self.lines = lines
        self.problems: list[Problem] = []
        # The composer hands back the same node for every alias of an anchor, so nodes are tracked
        # to refuse aliases; a text without "&" has no anchor (and so no alias) to track.
        self.anchors = anchors
        self.seen: set[int] = set()
        self.count = 0
        self._constructor = yaml.SafeLoader("")

    def fail(self, node: yaml.Node, path: PathKey, key: str, /, **params: object) -> None:
        self.problems.append(Problem(self.name, node.start_mark.line + 1, format_path(path), key, **params))

    def convert(self, node: yaml.Node, path: PathKey) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise CatalogError(
                [Problem(self.name, node.start_mark.line + 1, "", "problem.too_many_values", limit=MAX_NODES)]
            )
        if self.anchors:
            if id(node) in self.seen:
                self.fail(node, path, "problem.alias")
                raise CatalogError(self.problems)
            self.seen.add(id(node))
        self.lines[path] = node.start_mark.line + 1
        tag = node.tag
        kind = node.__class__
        if kind is _ScalarNode and (tag == _STR or tag == _TIMESTAMP):  # most values: a string (a date stays one), read here
            value = node.value
            if not value.isprintable() and CONTROL_RE.search(value):  # (every control character is unprintable)
                self.fail(node, path, "problem.control_char", char=_control_char(value))
            return value
        if tag not in _PLAIN_TAGS:
            self.fail(node, path, "problem.tag", tag=tag)
            return None
        if kind is _ScalarNode:
            return self._scalar(node, path)  # type: ignore[arg-type]
        if kind is _MappingNode:
            return self._mapping(node, path)  # type: ignore[arg-type]
        assert kind is _SequenceNode  # PyYAML has no other kind of node
        convert = self.convert
        return [convert(item, path + (i,)) for i, item in enumerate(node.value)]

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, Any]:
        out: dict[str, Any] = {}
        convert = self.convert
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.fail(key_node, path, "problem.merge_key")
                continue
            if key_node.__class__ is not _ScalarNode:
                self.fail(key_node, path, "problem.key_not_string")
                continue
            if self.anchors:
                if id(key_node) in self.seen:
                    self.fail(key_node, path, "problem.alias")
                    continue
                self.seen.add(id(key_node))
            key = key_node.value
            if not key.isprintable() and CONTROL_RE.search(key):
                self.fail(key_node, path, "problem.control_char_in_key", key=key, char=_control_char(key))
                continue
            if key in out:
                self.fail(key_node, path + (key,), "problem.duplicate_key")
                continue
            out[key] = convert(value_node, path + (key,))
        return out

    def _scalar(self, node: yaml.ScalarNode, path: PathKey) -> Any:
        tag = node.tag
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return self._constructor.construct_yaml_bool(node)
        if len(node.value) > MAX_NUMBER_DIGITS:
            self.fail(node, path, "problem.number_too_long", limit=MAX_NUMBER_DIGITS)
            return None
        if tag == "tag:yaml.org,2002:int":
            return self._constructor.construct_yaml_int(node)
        return self._constructor.construct_yaml_float(node)


def _control_char(text: str) -> str:
    found = CONTROL_RE.search(text)
    code = ord(found.group()) if found else 0
    return f"U+{code:04X}"
