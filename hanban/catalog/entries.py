"""The schema of each kind of catalog entry (services, measures, documents, places, regions,
glossary terms, seed texts), written with the checker's primitives (`schema.Checker`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from hanban.catalog import model as m
from hanban.catalog.schema import VALIDITY_KEYS, Checker
from hanban.catalog.yamlio import PathKey

NATIONWIDE_WORDS = ("全面", "全国", "全國", "全類型", "全类型")
ONLINE_MEASURE = 14  # the measure whose list names the 全程网办 items


def channel(c: Checker, name: str, value: Any, path: PathKey) -> m.Channel | None:
    d = c.mapping(value, path, ("available", "status"), ("conditions", "regions", "sources"))
    if d is None:
        return None
    available = c.field(d, "available", path, c.boolean)
    status = c.field(d, "status", path, lambda v, p: c.string(v, p, choices=m.STATUSES))
    conditions = c.seq(d.get("conditions"), path + ("conditions",), c.text)
    regions = c.id_list(d.get("regions"), path + ("regions",), "region")
    needs_source = bool(available) or (status not in (None, "not_stated"))
    sources = c.sources(d.get("sources"), path + ("sources",), required=needs_source)
    if available is None or status is None:
        return None
    if status == "nationwide" and sources and not any(w in s.quote for s in sources for w in NATIONWIDE_WORDS):
        c.err(path + ("status",), "problem.nationwide_unquoted")
    if not available and status != "not_stated":
        c.err(path + ("status",), "problem.status_unavailable", status=status)
    if name == "fully_online" and available and sources and not any(s.measure == ONLINE_MEASURE or not s.quote for s in sources):
        # One rule for services done online that measure 14 does not list: a step or a note, not 全程网办
        # (unless a later outside page, cited without a quote, reports the 全程网办 service).
        c.err(path + ("available",), "problem.online_needs_measure", measure=ONLINE_MEASURE)
    return m.Channel(name, available, status, conditions, regions, sources)


def channels(c: Checker, value: Any, path: PathKey) -> dict[str, m.Channel] | None:
    d = c.mapping(value, path, m.CHANNELS)
    if d is None:
        return None
    out = {}
    for name in m.CHANNELS:
        if name in d:
            ch = channel(c, name, d[name], path + (name,))
            if ch is not None:
                out[name] = ch
    return out if len(out) == len(m.CHANNELS) else None


def document(c: Checker, value: Any, path: PathKey) -> m.Document | None:
    d = c.mapping(value, path, ("exemption", "sources"), ("kind", "name", "note"))
    if d is None:
        return None
    kind = None
    if "kind" in d:
        kind = c.ident(d["kind"], path + ("kind",))
        if kind is not None:
            c.ref("document", kind, path + ("kind",))
    name = c.field(d, "name", path, c.name)
    if "kind" not in d and "name" not in d:
        c.err(path, "problem.document_needs_kind")
    exemption = c.string(d.get("exemption"), path + ("exemption",), choices=m.EXEMPTIONS)
    note = c.field(d, "note", path, c.text)
    sources = c.sources(d.get("sources"), path + ("sources",))
    if exemption is None or (kind is None and name is None):
        return None
    return m.Document(kind, name, exemption, note, sources)


def aliases(c: Checker, value: Any, path: PathKey) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    d = c.mapping(value, path, (), m.LANGS)
    if d is None:
        return {}
    return {lang: c.seq(d[lang], path + (lang,), c.name_string) for lang in m.LANGS if lang in d}


def service(c: Checker, value: Any, path: PathKey) -> m.Service | None:
    d = c.mapping(
        value,
        path,
        ("id", "name", "category", "audience", "summary", "channels", "sources"),
        ("aliases", "measures", "documents", "issues", "where", "steps", "notes", "figures", *VALIDITY_KEYS),
    )
    if d is None:
        return None
    ident = c.field(d, "id", path, c.ident)
    name = c.field(d, "name", path, c.name)
    names = aliases(c, d.get("aliases"), path + ("aliases",))
    category = c.field(d, "category", path, lambda v, p: c.string(v, p, choices=m.CATEGORIES))
    audience = c.seq(d.get("audience"), path + ("audience",), lambda v, p: c.string(v, p, choices=m.AUDIENCES))
    if isinstance(d.get("audience"), list) and not audience:
        c.err(path + ("audience",), "problem.list_at_least_one", choices=m.AUDIENCES)
    summary = c.field(d, "summary", path, c.text)
    measures = c.seq(d.get("measures"), path + ("measures",), c.measure_number)
    for i, n in enumerate(measures):
        c.ref("measure", n, path + ("measures", i))
    chans = c.field(d, "channels", path, lambda v, p: channels(c, v, p))
    documents = c.seq(d.get("documents"), path + ("documents",), lambda v, p: document(c, v, p))
    issues = c.id_list(d.get("issues"), path + ("issues",), "document")
    for i, doc in enumerate(documents):
        if doc.kind is not None and doc.kind in issues:
            c.err(path + ("documents", i, "kind"), "problem.issued_not_brought", value=doc.kind)
    where = c.id_list(d.get("where"), path + ("where",), "place")
    steps = c.seq(d.get("steps"), path + ("steps",), c.fact)
    notes = c.seq(d.get("notes"), path + ("notes",), c.fact)
    figures = c.seq(d.get("figures"), path + ("figures",), c.figure)
    sources = c.sources(d.get("sources"), path + ("sources",))
    validity = c.validity(d, path, lambda v, p: successor(c, v, p))
    fact_ids(c, steps, notes, path)
    if ident is None or name is None or category is None or summary is None or chans is None or not audience:
        c.drop_refs()
        return None
    if validity is not None and validity.superseded_by == ident:
        c.err(path + ("superseded_by",), "problem.supersedes_itself")
    c.keep_refs(("services", ident))
    return m.Service(
        id=ident,
        name=name,
        aliases=names,
        category=category,
        audience=audience,
        summary=summary,
        measures=measures,
        channels=chans,
        documents=documents,
        where=where,
        steps=steps,
        notes=notes,
        figures=figures,
        sources=sources,
        origin=c.origin(path),
        hant_aliases=tuple(c.hant(a) for a in names.get("zh-Hans", ())),
        pinyin=tuple(dict.fromkeys(p for t in [name.zh_hans, *names.get("zh-Hans", ())] if (p := c.pinyin(t)))),
        validity=validity,
        issues=issues,
    )


def successor(c: Checker, value: Any, path: PathKey) -> str | None:
    """A service's `superseded_by`: the id of the service that replaces it (checked across files)."""
    sid = c.ident(value, path)
    if sid is not None:
        c.ref("service", sid, path)
    return sid


def fact_ids(c: Checker, steps: tuple[m.Fact, ...], notes: tuple[m.Fact, ...], path: PathKey) -> None:
    """Fact ids are unique within a service, and a fact's `superseded_by` names one of them."""
    seen: set[str] = set()
    for key, facts in (("steps", steps), ("notes", notes)):
        for i, f in enumerate(facts):
            if f.id and f.id in seen:
                c.err(path + (key, i, "id"), "problem.duplicate_fact_id", id=f.id)
            if f.id:
                seen.add(f.id)
    for key, facts in (("steps", steps), ("notes", notes)):
        for i, f in enumerate(facts):
            then = f.validity.superseded_by if f.validity is not None else ""
            if then and (then not in seen or then == f.id):
                c.err(path + (key, i, "superseded_by"), "problem.no_such_fact", id=then)


CATALOG_VERSION_RE = re.compile(r"^(\d{4})\.(\d{2})\.(\d{2})(?:\.[1-9]\d*)?$")


def catalog_info(c: Checker, value: Any, path: PathKey) -> m.CatalogInfo | None:
    """The `catalog:` entry: {version: YYYY.MM.DD, as_of: YYYY-MM-DD, publisher?}."""
    d = c.mapping(value, path, ("version", "as_of"), ("publisher",))
    if d is None:
        return None
    version = c.field(d, "version", path, c.string)
    if version is not None:
        got = CATALOG_VERSION_RE.match(version)
        if got is None or not _real_day(*got.groups()):
            c.err(path + ("version",), "problem.bad_version", value=version)
            version = None
    as_of = c.field(d, "as_of", path, c.day)
    publisher = c.field(d, "publisher", path, c.string) or ""
    if version is None or as_of is None:
        return None
    return m.CatalogInfo(version, as_of, publisher, c.origin(path))


def _real_day(year: str, month: str, day: str) -> bool:
    import datetime

    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def measure(c: Checker, value: Any, path: PathKey) -> m.Measure | None:
    d = c.mapping(value, path, ("number", "title", "part", "status", "summary", "services", "sources"))
    if d is None:
        return None
    number = c.field(d, "number", path, c.measure_number)
    title = c.field(d, "title", path, c.text)
    part = c.field(d, "part", path, lambda v, p: c.string(v, p, choices=m.PARTS))
    status = c.field(d, "status", path, lambda v, p: c.string(v, p, choices=m.STATUSES))
    summary = c.field(d, "summary", path, c.text)
    services = c.id_list(d.get("services"), path + ("services",), "service")
    sources = c.sources(d.get("sources"), path + ("sources",))
    if number is None or title is None or part is None or status is None or summary is None:
        c.drop_refs()
        return None
    c.keep_refs(("measures", number))
    return m.Measure(number, title, part, status, summary, services, sources, c.origin(path))


def document_kind(c: Checker, value: Any, path: PathKey) -> m.DocumentKind | None:
    d = c.mapping(value, path, ("id", "name", "measure_16", "sources"))
    if d is None:
        return None
    ident = c.field(d, "id", path, c.ident)
    name = c.field(d, "name", path, c.name)
    m16 = c.field(d, "measure_16", path, c.boolean)
    sources = c.sources(d.get("sources"), path + ("sources",))
    if ident is None or name is None or m16 is None:
        c.drop_refs()
        return None
    c.keep_refs(("documents", ident))
    return m.DocumentKind(ident, name, m16, sources, c.origin(path))


def place(c: Checker, value: Any, path: PathKey) -> m.Place | None:
    d = c.mapping(value, path, ("id", "name", "kind", "description", "sources"), ("url", "examples"))
    if d is None:
        return None
    ident = c.field(d, "id", path, c.ident)
    name = c.field(d, "name", path, c.name)
    kind = c.field(d, "kind", path, lambda v, p: c.string(v, p, choices=m.PLACE_KINDS))
    desc = c.field(d, "description", path, c.text)
    url = c.field(d, "url", path, c.string)
    if url is not None and not URL_RE.match(url):
        c.err(path + ("url",), "problem.not_https", value=url)
        url = None
    examples = c.seq(d.get("examples"), path + ("examples",), lambda v, p: place_example(c, v, p))
    sources = c.sources(d.get("sources"), path + ("sources",))
    if ident is None or name is None or kind is None or desc is None:
        c.drop_refs()
        return None
    c.keep_refs(("places", ident))
    return m.Place(ident, name, kind, desc, sources, c.origin(path), url, examples)


URL_RE = re.compile(r"^https://[A-Za-z0-9.-]+(/[A-Za-z0-9._~/?#=&%-]*)?$")


def place_example(c: Checker, value: Any, path: PathKey) -> m.PlaceExample | None:
    """A figure about the place in one province, shown to people who apply in that province."""
    d = c.mapping(value, path, ("province", "text", "sources"))
    if d is None:
        return None
    province = c.field(d, "province", path, c.ident)
    text = c.field(d, "text", path, c.text)
    sources = c.sources(d.get("sources"), path + ("sources",))
    if province is None or text is None:
        return None
    return m.PlaceExample(province, text, sources)


def region(c: Checker, value: Any, path: PathKey) -> m.Region | None:
    d = c.mapping(value, path, ("id", "name", "sources"))
    if d is None:
        return None
    ident = c.field(d, "id", path, c.ident)
    name = c.field(d, "name", path, c.name)
    sources = c.sources(d.get("sources"), path + ("sources",))
    if ident is None or name is None:
        c.drop_refs()
        return None
    c.keep_refs(("regions", ident))
    return m.Region(ident, name, sources, c.origin(path))


def term(c: Checker, value: Any, path: PathKey) -> m.GlossaryTerm | None:
    d = c.mapping(value, path, ("zh-Hans", "en"), ("zh-Hant", "note", "sources"))
    if d is None:
        return None
    text = c.name({k: d[k] for k in ("zh-Hans", "en", "zh-Hant") if k in d}, path)
    note = c.field(d, "note", path, c.text)
    sources = c.sources(d.get("sources"), path + ("sources",), required=False)
    c.keep_refs(None)  # a glossary term's references always count, whichever definition of it wins
    if text is None:
        return None
    return m.GlossaryTerm(text, note, sources, c.origin(path), c.pinyin(text.zh_hans))


def seed(c: Checker, value: Any, path: PathKey) -> m.SeedText | None:
    """A `sources:` entry: a seed text (`file`) or an outside page (`page`)."""
    if isinstance(value, dict) and "page" in value:
        return page(c, value, path)
    d = c.mapping(value, path, ("file", "outlet", "date", "script"), ("title",))
    if d is None:
        return None
    file = c.field(d, "file", path, c.name_string)  # (a seed file's name, cited by every source)
    outlet = c.field(d, "outlet", path, lambda v, p: outlet_text(c, v, p))
    date = c.field(d, "date", path, c.date)
    script = c.field(d, "script", path, lambda v, p: c.string(v, p, choices=m.LANGS))
    title = c.field(d, "title", path, c.string)
    if file is None or outlet is None or date is None or script is None:
        return None
    return m.SeedText(file, outlet, date, script, title or "", c.origin(path))


def outlet_text(c: Checker, value: Any, path: PathKey) -> m.Text | None:
    """An outlet's name: in three scripts, or one string (a seed's, read the same in each)."""
    if isinstance(value, str):
        s = c.name_string(value, path)
        return m.Text.same(s) if s is not None else None
    return c.name(value, path)


PAGE_URL_RE = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d+)?(/\S*)?$")
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")


def page(c: Checker, value: Any, path: PathKey) -> m.SeedText | None:
    """An outside page: outlet (three scripts), title, day published, address, language, strength."""
    d = c.mapping(value, path, ("page", "outlet", "date", "url", "language", "strength"), ("title",))
    if d is None:
        return None
    ident = c.field(d, "page", path, c.ident)
    outlet = c.field(d, "outlet", path, c.name)
    title = c.field(d, "title", path, c.string) or ""  # as published; absent when the page shows none
    date = c.field(d, "date", path, c.day)
    url = c.field(d, "url", path, c.string)
    if url is not None and not PAGE_URL_RE.match(url):
        c.err(path + ("url",), "problem.bad_url", value=url)
        url = None
    language = c.field(d, "language", path, c.string)
    if language is not None and not LANGUAGE_RE.match(language):
        c.err(path + ("language",), "problem.bad_language", value=language)
        language = None
    strength = c.field(d, "strength", path, lambda v, p: c.string(v, p, choices=m.STRENGTHS))
    if None in (ident, outlet, title, date, url, language, strength):
        return None
    return m.SeedText(ident, outlet, date, language, title, c.origin(path), url, strength)  # type: ignore[arg-type]


BUILDERS: dict[str, Callable[[Checker, Any, PathKey], Any]] = {
    "services": service,
    "measures": measure,
    "documents": document_kind,
    "places": place,
    "regions": region,
    "glossary": term,
    "sources": seed,
}


def entry_key(kind: str, entry: Any) -> str | int:
    """What makes an entry unique within its kind (an id, a measure number, a file name, a term)."""
    if kind == "measures":
        return int(entry.number)
    if kind == "sources":
        return str(entry.file)
    if kind == "glossary":
        return str(entry.term.zh_hans)
    if kind == "catalog":
        return "catalog"
    return str(entry.id)
