"""The JSON contract for scripts: plain dicts, every script of every name. Schema in README."""

from __future__ import annotations

import json as _json
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from hanban.catalog import model as m
from hanban.catalog.age import Clock, is_stale, soonest_end
from hanban.errors import UNSAFE_RE, has_unsafe

if TYPE_CHECKING:
    from hanban.catalog.changes import Change
    from hanban.catalog.store import Catalog
    from hanban.catalog.wizard_model import Question
    from hanban.find.search import Hit


SCHEMA_VERSION = 1  # of every output schema but ask's (its own "schema": 1): the end of each $id


def schema_id(name: str) -> str:
    """The `$id` of the output schema `name` (hanban/schemas/NAME.json), which each output names."""
    return f"urn:hanban:schema:{name}:{SCHEMA_VERSION}"


def versioned(name: str, data: dict[str, Any]) -> dict[str, Any]:
    """`data` naming its schema first: {"schema": "urn:hanban:schema:NAME:1", ...} (an array's items each)."""
    return {"schema": schema_id(name), **data}


def dumps(data: Any, ascii: bool = False) -> str:
    """Indented UTF-8 JSON (Chinese kept readable; all of it as \\u escapes with `ascii`, for a
    stream that cannot hold more); control and invisible characters, which JSON would otherwise
    carry raw, written as \\u escapes (the same text to a JSON reader)."""
    out = _json.dumps(data, ensure_ascii=ascii, indent=2)
    return UNSAFE_RE.sub(_json_escape, out) if has_unsafe(out) else out


def _json_escape(c: re.Match[str]) -> str:
    # (such characters only occur inside JSON strings, where an escape means the same character)
    code = ord(c.group())
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def stream_array(items: Iterable[Any], write: Callable[[str], Any], ascii: bool = False) -> int:
    """Write `dumps(list(items))` + newline piece by piece (byte-identical), holding one item at a time.

    Returns how many items were written. Used by `list --json` over large catalogs.
    """
    count = 0
    for item in items:
        body = dumps(item, ascii).replace("\n", "\n  ")
        write(("[\n  " if count == 0 else ",\n  ") + body)
        count += 1
    write("\n]\n" if count else "[]\n")
    return count


def text(t: m.Text | None) -> dict[str, str] | None:
    return None if t is None else t.as_dict()


def source(s: m.Source) -> dict[str, Any]:
    """A citation: a seed text's file, measure and quote, or an outside page's id (`file`), with no
    measure and an empty quote, and the day it says the change took effect (`effective`, or null)."""
    return {"file": s.file, "measure": s.measure, "quote": s.quote, "effective": s.effective or None}


def source_origin(s: m.Source, catalog: Catalog) -> dict[str, Any]:
    """Who said it and where: outlet (three scripts), date, title, and for an outside page its
    address and strength (null for a seed text)."""
    seed = catalog.seeds.get(s.file)
    if seed is None:
        return {"outlet": None, "date": None, "title": None, "url": None, "strength": None}
    return {"outlet": text(seed.outlet), "date": seed.date, "title": seed.title or None, "url": seed.url or None, "strength": seed.strength or None}


def sources(ss: tuple[m.Source, ...]) -> list[dict[str, Any]]:
    return [source(s) for s in ss]


def aliases(service: m.Service) -> dict[str, list[str]]:
    """Aliases per script; Traditional includes those derived from the Simplified ones."""
    hans = list(service.aliases.get("zh-Hans", ()))
    hant = list(dict.fromkeys(list(service.aliases.get("zh-Hant", ())) + list(service.hant_aliases)))
    return {"zh-Hans": hans, "zh-Hant": hant, "en": list(service.aliases.get("en", ()))}


def channel(c: m.Channel) -> dict[str, Any]:
    return {
        "available": c.available,
        "status": c.status,
        "conditions": [text(t) for t in c.conditions],
        "regions": list(c.regions),
        "sources": sources(c.sources),
    }


NO_VALIDITY = m.Validity()


def validity(v: m.Validity | None, today: str) -> dict[str, Any]:
    """An entry's dates (null when not given) and whether it is past its last day."""
    v = v or NO_VALIDITY
    return {
        "reviewed_on": v.reviewed_on or None,
        "valid_from": v.valid_from or None,
        "valid_until": v.valid_until or None,
        "superseded_by": v.superseded_by or None,
        "expired": v.expired(today),
    }


def fact(f: m.Fact, today: str) -> dict[str, Any]:
    return {"text": text(f.text), "sources": sources(f.sources), "id": f.id or None, **validity(f.validity, today)}


def catalog_identity(catalog: Catalog, clock: Clock) -> dict[str, Any]:
    """The catalog's identity and age (`"catalog"` in `show --json` and `ask --json`)."""
    info = catalog.info
    as_of = catalog.as_of()
    return {"version": info.version if info else None, "as_of": as_of or None, "stale": is_stale(as_of, clock)}


def shown_service(s: m.Service, catalog: Catalog, clock: Clock) -> dict[str, Any]:
    """`hanban show --json`: the service object and the catalog it comes from."""
    return {**service(s, catalog, clock), "catalog": catalog_identity(catalog, clock)}


def service(s: m.Service, catalog: Catalog, clock: Clock) -> dict[str, Any]:
    """The full service object (`hanban show --json`, elements of `hanban list --json`)."""
    return {
        "id": s.id,
        "name": text(s.name),
        "aliases": aliases(s),
        "category": s.category,
        "audience": list(s.audience),
        "summary": text(s.summary),
        "measures": list(s.measures),
        "channels": {name: channel(s.channels[name]) for name in m.CHANNELS},
        "documents": [
            {
                "kind": d.kind,
                "name": text(d.title()),
                "exemption": d.exemption,
                "note": text(d.note),
                "sources": sources(d.sources),
            }
            for d in s.documents
        ],
        "where": [
            {"id": pid, "name": text(catalog.places[pid].name), "kind": catalog.places[pid].kind}
            for pid in s.where
            if pid in catalog.places
        ],
        "steps": [fact(f, clock.today) for f in s.steps],
        "notes": [fact(f, clock.today) for f in s.notes],
        "figures": [{"text": text(f.text), "as_of": f.as_of, "sources": sources(f.sources)} for f in s.figures],
        "as_of": s.as_of,
        "sources": sources(s.sources),
        "origin": {"file": s.origin.file, "line": s.origin.line},
        **validity(s.validity, clock.today),
        "stale": is_stale(s.checked_on(), clock),
        "ends_soon": soonest_end(s, clock.today),
    }


def measure(x: m.Measure) -> dict[str, Any]:
    """One measure (`hanban measures --json`)."""
    return {
        "number": x.number,
        "title": text(x.title),
        "part": x.part,
        "status": x.status,
        "summary": text(x.summary),
        "services": list(x.services),
        "sources": sources(x.sources),
    }


def hit(h: Hit) -> dict[str, Any]:
    """One search hit (`hanban search --json`)."""
    return {
        "id": h.id,
        "name": text(h.name),
        "score": h.score,
        "matched": [{"field": mt.field, "text": mt.text} for mt in h.matched],
    }


def question(q: Question, catalog: Catalog) -> dict[str, Any]:
    """One wizard question (`hanban questions --json`); the service question lists the services."""
    from hanban.catalog import conditions as cond

    if q.choices_from == "services":
        choices = [{"value": s.id, "label": text(s.name)} for s in catalog.service_choices()]
    else:
        choices = [{"value": c.value, "label": text(c.label)} for c in q.choices]
    return {
        "id": q.id,
        "type": q.type,
        "prompt": text(q.prompt),
        "help": text(q.help),
        "choices": choices,
        "when": cond.to_data(q.when),
        "origin": {"file": q.origin.file, "line": q.origin.line},
    }


def change(c: Change, catalog: Catalog, today: str) -> dict[str, Any]:
    """One change (`hanban changes --json`): the day, the event, the service and the fact, with where
    it stands today and its sources (each with outlet, date and, for an outside page, address)."""
    v = c.fact.validity
    return {
        "date": c.date,
        "event": c.event,
        "state": c.state(today),
        "service": c.service.id,
        "service_name": text(c.service.name),
        "fact": c.fact.id or None,
        "text": text(c.fact.text),
        "valid_from": (v.valid_from if v is not None else "") or None,
        "valid_until": (v.valid_until if v is not None else "") or None,
        "reported_only": c.fact.reported,
        "sources": [{**source(s), **source_origin(s, catalog)} for s in c.fact.sources],
    }
