"""The schema checker's primitives: raw YAML values in, typed values and FILE:LINE problems out.

A `Checker` walks one parsed file. Each primitive (`mapping`, `string`, `text`, `source`, ...)
returns the typed value or None, and records a `Problem` at the value's line when it is wrong,
so one pass reports every problem of a file. The entry builders (`entries`, `wizard_schema`) are
written with these primitives.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple, TypeVar

from hanban.catalog import model as m
from hanban.catalog.yamlio import Located, PathKey, format_path
from hanban.errors import Phrase, Problem, unsafe_in_name

ID_RE = m.ID_RE
DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
VALIDITY_KEYS = ("reviewed_on", "valid_from", "valid_until", "superseded_by")

T = TypeVar("T")
Owner = tuple[str, "str | int"]  # (entry kind, its key): whose reference this is
Hant = Callable[[str], str]


class Ref(NamedTuple):
    """A reference from one entry to another, checked once every file is read (see `link`).

    `owner` is the entry that makes it, so that a replaced entry's references stop counting;
    None for references that always count (glossary terms, wizard questions and rules).
    """

    kind: str  # place | document | region | measure | service | seed
    value: str | int
    file: str
    line: int
    field: str
    owner: Owner | None = None

    @property
    def key(self) -> str:
        """The reference as one string: kind and value (catalog text never holds this control character)."""
        return f"{self.kind}\x1f{self.value}"


class Checker:
    """Walks one document, building typed values and recording problems with their line."""

    def __init__(self, doc: Located, hant: Hant, seed_texts: Mapping[str, str] | None = None, pinyin: Hant | None = None) -> None:
        self.doc = doc
        self.hant = hant
        self.pinyin = pinyin or _pinyin
        self.seed_texts = seed_texts
        self.problems: list[Problem] = []
        self.refs: list[Ref] = []
        self._pending: list[tuple[str, str | int, PathKey]] = []  # references of the entry being built: (kind, value, path)

    # -- reporting -----------------------------------------------------------------
    def err(self, path: PathKey, key: str, /, **params: object) -> None:
        """Record the problem `key` of the string table (with the values it names) at `path`."""
        self.problems.append(Problem(self.doc.file, self.doc.line(path), format_path(path), key, **params))

    def ref(self, kind: str, value: str | int, path: PathKey) -> None:
        self._pending.append((kind, value, path))

    def keep_refs(self, owner: Owner | None) -> None:
        """The pending references belong to `owner` (an entry that was built)."""
        file, line = self.doc.file, self.doc.line
        self.refs += [Ref(kind, value, file, line(path), format_path(path), owner) for kind, value, path in self._pending]
        self._pending = []

    def drop_refs(self) -> None:
        """The entry was not built: its references are not checked."""
        self._pending = []

    def origin(self, path: PathKey) -> m.Origin:
        return m.Origin(self.doc.file, self.doc.line(path))

    # -- primitives ----------------------------------------------------------------
    def mapping(
        self, value: Any, path: PathKey, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.err(path, "problem.expected_mapping", got=kind_of(value))
            return None
        for key in value:
            if key not in required and key not in optional:
                hint = closest(key, required + optional)
                if hint:
                    self.err(path + (key,), "problem.unknown_key_hint", hint=hint)
                else:
                    self.err(path + (key,), "problem.unknown_key")
        for key in required:
            if key not in value:
                self.err(path, "problem.missing_key", key=key)
        return value

    def string(self, value: Any, path: PathKey, *, choices: tuple[str, ...] = ()) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.err(path, "problem.expected_string", got=kind_of(value))
            return None
        if choices and value not in choices:
            self.err(path, "problem.not_a_choice", value=value, choices=choices)
            return None
        return value

    def field(self, d: dict[str, Any], key: str, path: PathKey, check: Callable[[Any, PathKey], T | None]) -> T | None:
        """`check` applied to d[key] when present (a missing required key is reported by `mapping`)."""
        return check(d[key], path + (key,)) if key in d else None

    def ident(self, value: Any, path: PathKey) -> str | None:
        s = self.string(value, path)
        if s is not None and not ID_RE.match(s):
            self.err(path, "problem.bad_id", value=s)
            return None
        return s

    def boolean(self, value: Any, path: PathKey) -> bool | None:
        if not isinstance(value, bool):
            self.err(path, "problem.expected_bool", got=kind_of(value))
            return None
        return value

    def date(self, value: Any, path: PathKey) -> str | None:
        s = self.string(value, path)
        if s is not None and not DATE_RE.match(s):
            self.err(path, "problem.bad_date", value=s)
            return None
        return s

    def day(self, value: Any, path: PathKey) -> str | None:
        """A full calendar date, YYYY-MM-DD, that exists."""
        s = self.string(value, path)
        if s is None:
            return None
        if DAY_RE.match(s):
            import datetime

            try:
                datetime.date.fromisoformat(s)
                return s
            except ValueError:
                pass
        self.err(path, "problem.bad_day", value=s)
        return None

    def validity(self, d: dict[str, Any], path: PathKey, superseded_by: Callable[[Any, PathKey], str | None]) -> m.Validity | None:
        """The optional reviewed_on / valid_from / valid_until / superseded_by keys of an entry."""
        if not any(k in d for k in VALIDITY_KEYS):
            return None
        reviewed = self.field(d, "reviewed_on", path, self.day) or ""
        start = self.field(d, "valid_from", path, self.day) or ""
        end = self.field(d, "valid_until", path, self.day) or ""
        successor = self.field(d, "superseded_by", path, superseded_by) or ""
        if start and end and start > end:
            self.err(path + ("valid_until",), "problem.until_before_from", end=end, start=start)
        if "superseded_by" in d and "valid_until" not in d:
            self.err(path + ("superseded_by",), "problem.superseded_needs_until")
        return m.Validity(reviewed, start, end, successor)

    def measure_number(self, value: Any, path: PathKey) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 26:
            self.err(path, "problem.bad_measure_number", value=value)
            return None
        return value

    def seq(self, value: Any, path: PathKey, item: Callable[[Any, PathKey], T | None]) -> tuple[T, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.err(path, "problem.expected_list", got=kind_of(value))
            return ()
        out = []
        for i, v in enumerate(value):
            got = item(v, path + (i,))
            if got is not None:
                out.append(got)
        return tuple(out)

    def text(self, value: Any, path: PathKey) -> m.Text | None:
        d = self.mapping(value, path, ("zh-Hans", "en"), ("zh-Hant",))
        if d is None:
            return None
        zh = self.field(d, "zh-Hans", path, self.string)
        en = self.field(d, "en", path, self.string)
        hant = self.field(d, "zh-Hant", path, self.string)
        if zh is None or en is None:
            return None
        return m.Text(zh, en, hant if hant is not None else self.hant(zh))

    def name(self, value: Any, path: PathKey) -> m.Text | None:
        """A name (of a service, a place, a choice, ...): a text with no control or invisible
        character, tab or newline in any script, so that no two names only look alike."""
        t = self.text(value, path)
        if t is None:
            return None
        for key, script in (("zh-Hans", t.zh_hans), ("en", t.en), ("zh-Hant", t.zh_hant)):
            if self.name_string(script, path + (key,)) is None:
                return None
        return t

    def name_string(self, value: Any, path: PathKey) -> str | None:
        """One name as a string (an alias): see `name`."""
        s = self.string(value, path)
        bad = unsafe_in_name(s) if s is not None else None
        if bad:
            self.err(path, "err.unsafe_name", char=bad)
            return None
        return s

    def source(self, value: Any, path: PathKey) -> m.Source | None:
        """A citation: `{file, measure, quote}` (a seed text, quoted verbatim) or `{page}` (an
        outside page of `sources:`, with the day it says the change took effect, optionally)."""
        if isinstance(value, dict) and "page" in value:
            return self.page_citation(value, path)
        d = self.mapping(value, path, ("file", "measure", "quote"))
        if d is None or not {"file", "measure", "quote"} <= d.keys():
            return None
        file = self.string(d["file"], path + ("file",))
        measure = None if d["measure"] is None else self.measure_number(d["measure"], path + ("measure",))
        quote = self.string(d["quote"], path + ("quote",))
        if file is None or quote is None or (d["measure"] is not None and measure is None):
            return None
        self.ref("seed", file, path + ("file",))
        if measure is not None:
            self.ref("measure", measure, path + ("measure",))
        if self.seed_texts is not None and file in self.seed_texts and squash(quote) not in self.seed_texts[file]:
            self.err(path + ("quote",), "problem.quote_not_found", file=file)
        return m.Source(file, measure, quote)

    def page_citation(self, d: dict[str, Any], path: PathKey) -> m.Source | None:
        """`{page: id, effective: YYYY-MM-DD}`: an outside page, never quoted (the fact citing it is in our words)."""
        self.mapping(d, path, ("page",), ("effective",))
        page = self.field(d, "page", path, self.ident)
        effective = self.field(d, "effective", path, self.day) or ""
        if page is None:
            return None
        self.ref("seed", page, path + ("page",))
        return m.Source(page, None, "", effective)

    def sources(self, value: Any, path: PathKey, *, required: bool = True) -> tuple[m.Source, ...]:
        got = self.seq(value, path, self.source)
        if required and not got and not (isinstance(value, list) and value):
            self.err(path, "problem.source_required")
        return got

    def fact(self, value: Any, path: PathKey) -> m.Fact | None:
        d = self.mapping(value, path, ("text", "sources"), ("id", "reported_only", *VALIDITY_KEYS))
        if d is None:
            return None
        t = self.field(d, "text", path, self.text)
        s = self.sources(d.get("sources"), path + ("sources",))
        ident = self.field(d, "id", path, self.ident) or ""
        validity = self.validity(d, path, self.ident)  # another fact of the service: checked by the service
        reported = bool(self.field(d, "reported_only", path, self.boolean))
        return m.Fact(t, s, ident, validity, reported) if t is not None else None

    def figure(self, value: Any, path: PathKey) -> m.Figure | None:
        d = self.mapping(value, path, ("text", "as_of", "sources"))
        if d is None:
            return None
        t = self.field(d, "text", path, self.text)
        a = self.field(d, "as_of", path, self.date)
        s = self.sources(d.get("sources"), path + ("sources",))
        return m.Figure(t, a, s) if t is not None and a is not None else None

    def id_list(self, value: Any, path: PathKey, kind: str) -> tuple[str, ...]:
        def one(v: Any, p: PathKey) -> str | None:
            s = self.ident(v, p)
            if s is not None:
                self.ref(kind, s, p)
            return s

        return self.seq(value, path, one)


def _pinyin(text: str) -> str:
    from hanban.catalog.pinyin import syllables

    return syllables(text)


def squash(text: str) -> str:
    """Text with all whitespace removed, for verbatim quote comparison."""
    return re.sub(r"\s+", "", text)


def kind_of(value: Any) -> Phrase:
    """What a raw YAML value is, in words (of the string table)."""
    if value is None:
        return Phrase("kind.nothing")
    if isinstance(value, str) and not value.strip():
        return Phrase("kind.empty_string")
    kind = {dict: "mapping", list: "list", str: "string", bool: "boolean", int: "number", float: "number"}.get(type(value))
    return Phrase(f"kind.{kind}") if kind else Phrase("kind.other", name=type(value).__name__)


def closest(word: str, options: tuple[str, ...]) -> str | None:
    """The option `word` is most likely a typo of, if any."""
    import difflib

    got = difflib.get_close_matches(word, options, n=1, cutoff=0.75)
    return got[0] if got else None
