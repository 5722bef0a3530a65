"""What a pack may make hanban read, parse and hold: each bound is checked BEFORE the work it
bounds is done, so refusing a hostile pack costs no more than reading a large good one.

Bytes and memory (held at once while a pack is read, `archive.read_pack`):
- the pack itself: at most `fetch.MAX_PACK_BYTES` (32 MiB), as downloaded or read;
- its tar stream: at most MAX_TAR_BYTES (80 MiB) once gunzipped, counted as it is decompressed
  (`Counted`), so a gzip bomb stops there, after O(MAX_TAR_BYTES) of decompression and holding
  one 64 KiB buffer of it;
- a PAX or GNU extended header (a long name, PAX records): at most MAX_HEADER_BYTES (64 KiB), refused
  from the size in its 512-byte block before its content is read; at most MAX_HEADER_CHAIN of them
  before one member (tarfile reads a chain recursively);
- members: at most `archive.MAX_MEMBERS` (10,000), each at most `archive.MAX_FILE_BYTES` (5 MiB) and
  together `archive.MAX_UNPACKED_BYTES` (64 MiB), refused from their headers before they are read;
  they are what is held, so the peak is under 32 + 64 MiB plus one buffer;
- the manifest: at most MAX_MANIFEST_BYTES (4 MiB) and MAX_DEPTH (32) levels of JSON, the nesting
  counted by one linear scan before `json.loads` (which would recurse once per level);
- the YAML files together: at most MAX_VALUES (250,000) parse events (a value, a key, the start or
  end of a list or mapping: the built-in catalog has about 26,000) and MAX_DEPTH levels, counted by
  streaming the parser's events (none kept) before any file is composed into nodes. The validator
  then composes at most that many nodes (about 1 KB each, so at most about 250 MB) in time linear in them.

Time: each bound above is on work that is linear in what it bounds (decompression, a scan of
events at about 2 microseconds each with libyaml, hashing), so refusing or reading a pack takes
at most a few seconds on a slow machine. tests/packs/test_limits.py measures the memory.
"""

from __future__ import annotations

import re
from typing import IO, Any

from hanban.errors import PackRefused

MAX_TAR_BYTES = 80 * 1024 * 1024
MAX_HEADER_BYTES = 64 * 1024
MAX_HEADER_CHAIN = 8
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_VALUES = 250_000
MAX_DEPTH = 32
CHUNK = 64 * 1024
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(rb"[\[\]{}]")


class Counted:
    """A stream that refuses to give more than MAX_TAR_BYTES (read at module level, so a test can
    lower it), and never more than CHUNK at once."""

    def __init__(self, raw: IO[bytes] | Any, source: str) -> None:
        self.raw, self.source, self.count = raw, source, 0
        self.chain = 0  # extended headers read in a row (archive._TarInfo counts them here)

    def read(self, size: int = -1) -> bytes:
        size = CHUNK if size is None or size < 0 else min(size, CHUNK)
        data = self.raw.read(size)
        self.count += len(data)
        if self.count > MAX_TAR_BYTES:
            raise PackRefused(key="pack.err.too_big_unpacked", source=self.source, limit=f"{MAX_TAR_BYTES:,}")
        return bytes(data)


def json_depth(raw: bytes) -> int:
    """How deeply the JSON text `raw` nests lists and objects (brackets inside strings ignored): one
    linear pass, no recursion."""
    depth = deepest = 0
    for found in _JSON_BRACKET.finditer(_JSON_STRING.sub(b'""', raw)):
        if found.group() in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


class YamlBudget:
    """The YAML files of one pack, counted event by event against MAX_VALUES and MAX_DEPTH."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.values = 0  # parse events so far, over all files
        self.deepest = 0

    def scan(self, name: str, body: bytes) -> None:
        """Count `body`'s events (raise PackRefused over a limit). A file that does not parse is
        left to the validator, which says where."""
        import yaml

        loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        starts, ends = (yaml.MappingStartEvent, yaml.SequenceStartEvent), (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        depth = 0
        try:
            text = body.decode("utf-8")
            for event in yaml.parse(text, Loader=loader):
                self.values += 1
                if self.values > MAX_VALUES:
                    raise PackRefused(key="pack.err.too_many_values", source=self.source, limit=f"{MAX_VALUES:,}")
                if isinstance(event, starts):
                    depth += 1
                    if depth > MAX_DEPTH:
                        raise PackRefused(key="pack.err.yaml_too_deep", source=self.source, name=name, limit=MAX_DEPTH)
                    self.deepest = max(self.deepest, depth)
                elif isinstance(event, ends):
                    depth -= 1
        except (UnicodeDecodeError, yaml.YAMLError):
            return
