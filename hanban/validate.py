"""Schema checks for catalog documents: raw YAML in, model entries and FILE:LINE problems out."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from hanban import model as m
from hanban.errors import Problem
from hanban.yamlio import Located, PathKey, format_path

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
NATIONWIDE_WORDS = ("全面", "全国", "全國", "全類型", "全类型")
TOP_LEVEL = (
    "services",
    "measures",
    "documents",
    "places",
    "regions",
    "glossary",
    "sources",
    "questions",
    "rules",
)

T = TypeVar("T")


@dataclass(frozen=True)
class Ref:
    """A reference from one entry to another, checked once the whole catalog is loaded."""

    kind: str  # place | document | region | measure | service | seed
    value: str | int
    file: str
    line: int
    field: str


@dataclass
class Parsed:
    """What one document contributes: entries by kind, references to check, problems."""

    file: str
    entries: dict[str, list[Any]] = field(default_factory=dict)
    refs: dict[tuple[str, str], list[Ref]] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


class Checker:
    """Walks one document, building model entries and recording problems with their line."""

    def __init__(self, doc: Located, seed_texts: Mapping[str, str] | None = None) -> None:
        self.doc = doc
        self.seed_texts = seed_texts
        self.out = Parsed(doc.file)
        self._refs: list[Ref] = []

    # -- reporting -----------------------------------------------------------------
    def err(self, path: PathKey, message: str) -> None:
        self.out.problems.append(Problem(self.doc.file, self.doc.line(path), format_path(path), message))

    def ref(self, kind: str, value: str | int, path: PathKey) -> None:
        self._refs.append(Ref(kind, value, self.doc.file, self.doc.line(path), format_path(path)))

    def origin(self, path: PathKey) -> m.Origin:
        return m.Origin(self.doc.file, self.doc.line(path))

    # -- primitives ----------------------------------------------------------------
    def mapping(
        self, value: Any, path: PathKey, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.err(path, f"expected a mapping, got {_kind(value)}")
            return None
        for key in value:
            if key not in required and key not in optional:
                hint = _closest(key, required + optional)
                self.err(path + (key,), "unknown key" + (f" (did you mean {hint!r}?)" if hint else ""))
        for key in required:
            if key not in value:
                self.err(path, f"missing required key {key!r}")
        return value

    def string(self, value: Any, path: PathKey, *, choices: tuple[str, ...] = ()) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.err(path, f"expected a non-empty string, got {_kind(value)}")
            return None
        if choices and value not in choices:
            self.err(path, f"{value!r} is not one of: {', '.join(choices)}")
            return None
        return value

    def ident(self, value: Any, path: PathKey) -> str | None:
        s = self.string(value, path)
        if s is not None and not ID_RE.match(s):
            self.err(path, f"{s!r} is not a lowercase kebab-case ascii id")
            return None
        return s

    def boolean(self, value: Any, path: PathKey) -> bool | None:
        if not isinstance(value, bool):
            self.err(path, f"expected true or false, got {_kind(value)}")
            return None
        return value

    def date(self, value: Any, path: PathKey) -> str | None:
        s = self.string(value, path)
        if s is not None and not DATE_RE.match(s):
            self.err(path, f"{s!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            return None
        return s

    def measure_number(self, value: Any, path: PathKey) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 26:
            self.err(path, f"expected a measure number 1-26, got {value!r}")
            return None
        return value

    def seq(self, value: Any, path: PathKey, item: Callable[[Any, PathKey], T | None]) -> tuple[T, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.err(path, f"expected a list, got {_kind(value)}")
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
        zh = self.string(d.get("zh-Hans"), path + ("zh-Hans",)) if "zh-Hans" in d else None
        en = self.string(d.get("en"), path + ("en",)) if "en" in d else None
        hant = self.string(d["zh-Hant"], path + ("zh-Hant",)) if "zh-Hant" in d else None
        if zh is None or en is None:
            return None
        return m.Text(zh, en, hant)

    def source(self, value: Any, path: PathKey) -> m.Source | None:
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
            self.err(path + ("quote",), f"quote not found verbatim in {file}")
        return m.Source(file, measure, quote)

    def sources(self, value: Any, path: PathKey, *, required: bool = True) -> tuple[m.Source, ...]:
        got = self.seq(value, path, self.source)
        if required and not got and not (isinstance(value, list) and value):
            self.err(path, "at least one source is required")
        return got

    def fact(self, value: Any, path: PathKey) -> m.Fact | None:
        d = self.mapping(value, path, ("text", "sources"))
        if d is None:
            return None
        t = self.text(d.get("text"), path + ("text",)) if "text" in d else None
        s = self.sources(d.get("sources"), path + ("sources",))
        return m.Fact(t, s) if t is not None else None

    def figure(self, value: Any, path: PathKey) -> m.Figure | None:
        d = self.mapping(value, path, ("text", "as_of", "sources"))
        if d is None:
            return None
        t = self.text(d.get("text"), path + ("text",)) if "text" in d else None
        a = self.date(d.get("as_of"), path + ("as_of",)) if "as_of" in d else None
        s = self.sources(d.get("sources"), path + ("sources",))
        return m.Figure(t, a, s) if t is not None and a is not None else None

    def id_list(self, value: Any, path: PathKey, kind: str) -> tuple[str, ...]:
        def one(v: Any, p: PathKey) -> str | None:
            s = self.ident(v, p)
            if s is not None:
                self.ref(kind, s, p)
            return s

        return self.seq(value, path, one)

    def take_refs(self, kind: str, ident: str) -> None:
        self.out.refs.setdefault((kind, ident), []).extend(self._refs)
        self._refs = []

    # -- entries ---------------------------------------------------------------------
    def channel(self, name: str, value: Any, path: PathKey) -> m.Channel | None:
        d = self.mapping(value, path, ("available", "status"), ("conditions", "regions", "sources"))
        if d is None:
            return None
        available = self.boolean(d.get("available"), path + ("available",)) if "available" in d else None
        status = self.string(d.get("status"), path + ("status",), choices=m.STATUSES) if "status" in d else None
        conditions = self.seq(d.get("conditions"), path + ("conditions",), self.text)
        regions = self.id_list(d.get("regions"), path + ("regions",), "region")
        needs_source = bool(available) or (status not in (None, "not_stated"))
        sources = self.sources(d.get("sources"), path + ("sources",), required=needs_source)
        if available is None or status is None:
            return None
        if status == "nationwide" and sources and not any(
            w in s.quote for s in sources for w in NATIONWIDE_WORDS
        ):
            self.err(path + ("status",), "nationwide, but no source quote says 全面/全国")
        if not available and status != "not_stated":
            self.err(path + ("status",), f"status {status!r} on a channel that is not available")
        return m.Channel(name, available, status, conditions, regions, sources)

    def document(self, value: Any, path: PathKey) -> m.Document | None:
        d = self.mapping(value, path, ("exemption", "sources"), ("kind", "name", "note"))
        if d is None:
            return None
        kind = None
        if "kind" in d:
            kind = self.ident(d["kind"], path + ("kind",))
            if kind is not None:
                self.ref("document", kind, path + ("kind",))
        name = self.text(d["name"], path + ("name",)) if "name" in d else None
        if "kind" not in d and "name" not in d:
            self.err(path, "a document needs a 'kind' (from documents.yaml) or a 'name'")
        exemption = self.string(d.get("exemption"), path + ("exemption",), choices=m.EXEMPTIONS)
        note = self.text(d["note"], path + ("note",)) if "note" in d else None
        sources = self.sources(d.get("sources"), path + ("sources",))
        if exemption is None or (kind is None and name is None):
            return None
        # The kind's name is filled in once documents.yaml is known (see catalog.assemble).
        return m.Document(kind, name or m.Text("", ""), exemption, note, sources)

    def service(self, value: Any, path: PathKey) -> m.Service | None:
        d = self.mapping(
            value,
            path,
            ("id", "name", "category", "audience", "summary", "channels", "sources"),
            ("aliases", "measures", "documents", "where", "steps", "notes", "figures"),
        )
        if d is None:
            return None
        ident = self.ident(d.get("id"), path + ("id",)) if "id" in d else None
        name = self.text(d.get("name"), path + ("name",)) if "name" in d else None
        aliases = self.aliases(d.get("aliases"), path + ("aliases",))
        category = self.string(d.get("category"), path + ("category",), choices=m.CATEGORIES) if "category" in d else None
        audience = self.seq(
            d.get("audience"), path + ("audience",), lambda v, p: self.string(v, p, choices=m.AUDIENCES)
        )
        if isinstance(d.get("audience"), list) and not audience:
            self.err(path + ("audience",), f"list at least one of: {', '.join(m.AUDIENCES)}")
        summary = self.text(d.get("summary"), path + ("summary",)) if "summary" in d else None
        measures = self.seq(d.get("measures"), path + ("measures",), self.measure_number)
        for i, n in enumerate(measures):
            self.ref("measure", n, path + ("measures", i))
        channels = self.channels(d.get("channels"), path + ("channels",)) if "channels" in d else None
        documents = self.seq(d.get("documents"), path + ("documents",), self.document)
        where = self.id_list(d.get("where"), path + ("where",), "place")
        steps = self.seq(d.get("steps"), path + ("steps",), self.fact)
        notes = self.seq(d.get("notes"), path + ("notes",), self.fact)
        figures = self.seq(d.get("figures"), path + ("figures",), self.figure)
        sources = self.sources(d.get("sources"), path + ("sources",))
        if None in (ident, name, category, summary, channels) or not audience:
            self._refs = []
            return None
        assert ident and name and category and summary and channels is not None
        self.take_refs("service", ident)
        return m.Service(
            id=ident,
            name=name,
            aliases=aliases,
            category=category,
            audience=audience,
            summary=summary,
            measures=measures,
            channels=channels,
            documents=documents,
            where=where,
            steps=steps,
            notes=notes,
            figures=figures,
            sources=sources,
            origin=self.origin(path),
        )

    def channels(self, value: Any, path: PathKey) -> dict[str, m.Channel] | None:
        d = self.mapping(value, path, m.CHANNELS)
        if d is None:
            return None
        out = {}
        for name in m.CHANNELS:
            if name in d:
                ch = self.channel(name, d[name], path + (name,))
                if ch is not None:
                    out[name] = ch
        return out if len(out) == len(m.CHANNELS) else None

    def aliases(self, value: Any, path: PathKey) -> dict[str, tuple[str, ...]]:
        if value is None:
            return {}
        d = self.mapping(value, path, (), m.LANGS)
        if d is None:
            return {}
        return {
            lang: self.seq(d[lang], path + (lang,), lambda v, p: self.string(v, p))
            for lang in m.LANGS
            if lang in d
        }

    def measure(self, value: Any, path: PathKey) -> m.Measure | None:
        d = self.mapping(value, path, ("number", "title", "part", "status", "summary", "services", "sources"))
        if d is None:
            return None
        number = self.measure_number(d.get("number"), path + ("number",)) if "number" in d else None
        title = self.text(d.get("title"), path + ("title",)) if "title" in d else None
        part = self.string(d.get("part"), path + ("part",), choices=m.PARTS) if "part" in d else None
        status = self.string(d.get("status"), path + ("status",), choices=m.STATUSES) if "status" in d else None
        summary = self.text(d.get("summary"), path + ("summary",)) if "summary" in d else None
        services = self.id_list(d.get("services"), path + ("services",), "service")
        sources = self.sources(d.get("sources"), path + ("sources",))
        if None in (number, title, part, status, summary):
            self._refs = []
            return None
        assert number and title and part and status and summary
        self.take_refs("measure", str(number))
        return m.Measure(number, title, part, status, summary, services, sources, self.origin(path))

    def document_kind(self, value: Any, path: PathKey) -> m.DocumentKind | None:
        d = self.mapping(value, path, ("id", "name", "measure_16", "sources"))
        if d is None:
            return None
        ident = self.ident(d.get("id"), path + ("id",)) if "id" in d else None
        name = self.text(d.get("name"), path + ("name",)) if "name" in d else None
        m16 = self.boolean(d.get("measure_16"), path + ("measure_16",)) if "measure_16" in d else None
        sources = self.sources(d.get("sources"), path + ("sources",))
        if ident is None or name is None or m16 is None:
            self._refs = []
            return None
        self.take_refs("document", ident)
        return m.DocumentKind(ident, name, m16, sources, self.origin(path))

    def place(self, value: Any, path: PathKey) -> m.Place | None:
        d = self.mapping(value, path, ("id", "name", "kind", "description", "sources"))
        if d is None:
            return None
        ident = self.ident(d.get("id"), path + ("id",)) if "id" in d else None
        name = self.text(d.get("name"), path + ("name",)) if "name" in d else None
        kind = self.string(d.get("kind"), path + ("kind",), choices=m.PLACE_KINDS) if "kind" in d else None
        desc = self.text(d.get("description"), path + ("description",)) if "description" in d else None
        sources = self.sources(d.get("sources"), path + ("sources",))
        if None in (ident, name, kind, desc):
            self._refs = []
            return None
        assert ident and name and kind and desc
        self.take_refs("place", ident)
        return m.Place(ident, name, kind, desc, sources, self.origin(path))

    def region(self, value: Any, path: PathKey) -> m.Region | None:
        d = self.mapping(value, path, ("id", "name", "sources"))
        if d is None:
            return None
        ident = self.ident(d.get("id"), path + ("id",)) if "id" in d else None
        name = self.text(d.get("name"), path + ("name",)) if "name" in d else None
        sources = self.sources(d.get("sources"), path + ("sources",))
        if ident is None or name is None:
            self._refs = []
            return None
        self.take_refs("region", ident)
        return m.Region(ident, name, sources, self.origin(path))

    def term(self, value: Any, path: PathKey) -> m.GlossaryTerm | None:
        d = self.mapping(value, path, ("zh-Hans", "en"), ("zh-Hant", "note", "sources"))
        if d is None:
            return None
        text = self.text({k: d[k] for k in ("zh-Hans", "en", "zh-Hant") if k in d}, path)
        note = self.text(d["note"], path + ("note",)) if "note" in d else None
        sources = self.sources(d.get("sources"), path + ("sources",), required=False)
        self._refs_into_glossary()
        if text is None:
            return None
        return m.GlossaryTerm(text, note, sources, self.origin(path))

    def _refs_into_glossary(self) -> None:
        self.out.refs.setdefault(("glossary", ""), []).extend(self._refs)
        self._refs = []

    def seed(self, value: Any, path: PathKey) -> m.SeedText | None:
        d = self.mapping(value, path, ("file", "outlet", "date", "script"), ("title",))
        if d is None:
            return None
        file = self.string(d.get("file"), path + ("file",)) if "file" in d else None
        outlet = self.string(d.get("outlet"), path + ("outlet",)) if "outlet" in d else None
        date = self.date(d.get("date"), path + ("date",)) if "date" in d else None
        script = self.string(d.get("script"), path + ("script",), choices=("zh-Hans", "zh-Hant", "en")) if "script" in d else None
        title = self.string(d["title"], path + ("title",)) if "title" in d else ""
        if None in (file, outlet, date, script):
            return None
        assert file and outlet and date and script
        return m.SeedText(file, outlet, date, script, title or "", self.origin(path))


ENTRY_BUILDERS: dict[str, Callable[[Checker, Any, PathKey], Any]] = {
    "services": Checker.service,
    "measures": Checker.measure,
    "documents": Checker.document_kind,
    "places": Checker.place,
    "regions": Checker.region,
    "glossary": Checker.term,
    "sources": Checker.seed,
}


def check_document(doc: Located, seed_texts: Mapping[str, str] | None = None) -> Parsed:
    """Check one parsed file against the schema; return its entries and problems."""
    c = Checker(doc, seed_texts)
    if doc.data is None:
        c.err((), "the file is empty")
        return c.out
    top = c.mapping(doc.data, (), (), TOP_LEVEL)
    if top is None:
        return c.out
    if not top:
        c.err((), f"expected at least one of: {', '.join(TOP_LEVEL)}")
    for key, value in top.items():
        if key not in TOP_LEVEL:
            continue
        if key in ("questions", "rules"):
            # Wizard data: parsed by hanban.wizard; cross-file checks run in catalog.assemble.
            from hanban.wizard import parse_section

            c.out.raw[key] = parse_section(c, key, value)
            continue
        if not isinstance(value, list):
            c.err((key,), f"expected a list, got {_kind(value)}")
            continue
        builder = ENTRY_BUILDERS[key]
        c.out.entries[key] = [e for i, v in enumerate(value) if (e := builder(c, v, (key, i))) is not None]
    return c.out


def squash(text: str) -> str:
    """Text with all whitespace removed, for verbatim quote comparison."""
    return re.sub(r"\s+", "", text)


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: "a string", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def _closest(word: str, options: tuple[str, ...]) -> str | None:
    import difflib

    got = difflib.get_close_matches(word, options, n=1, cutoff=0.75)
    return got[0] if got else None
