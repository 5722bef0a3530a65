"""The model as JSON for the index's rows, and back (JSON, never pickle: a cache file cannot run code)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from hanban import model as m


# -- (de)serialising the model as JSON ----------------------------------------------------------
def _t(t: m.Text | None) -> Any:
    if t is None:
        return None
    return [t.zh_hans, t.en] if t.zh_hant is None else [t.zh_hans, t.en, t.zh_hant]


def _T(v: Any) -> Any:
    return None if v is None else m.Text(*v)


def _srcs(ss: Iterable[m.Source]) -> list[Any]:
    return [[s.file, s.measure, s.quote] for s in ss]


def _S(v: list[Any]) -> tuple[m.Source, ...]:
    return tuple(m.Source(f, n, q) for f, n, q in v)


def encode_service(s: m.Service) -> dict[str, Any]:
    return {
        "id": s.id, "n": _t(s.name), "a": {k: list(v) for k, v in s.aliases.items()}, "c": s.category,
        "au": list(s.audience), "s": _t(s.summary), "m": list(s.measures),
        "ch": {k: [c.available, c.status, [_t(x) for x in c.conditions], list(c.regions), _srcs(c.sources)]
               for k, c in s.channels.items()},
        "d": [[d.kind, _t(d.name), d.exemption, _t(d.note), _srcs(d.sources)] for d in s.documents],
        "w": list(s.where), "st": [[_t(f.text), _srcs(f.sources)] for f in s.steps],
        "no": [[_t(f.text), _srcs(f.sources)] for f in s.notes],
        "f": [[_t(f.text), f.as_of, _srcs(f.sources)] for f in s.figures],
        "so": _srcs(s.sources), "o": [s.origin.file, s.origin.line], "as": s.as_of,
    }


def decode_service(d: dict[str, Any]) -> m.Service:
    return m.Service(
        id=d["id"], name=m.Text(*d["n"]), aliases={k: tuple(v) for k, v in d["a"].items()}, category=d["c"],
        audience=tuple(d["au"]), summary=m.Text(*d["s"]), measures=tuple(d["m"]),
        channels={k: m.Channel(k, c[0], c[1], tuple(m.Text(*x) for x in c[2]), tuple(c[3]), _S(c[4]))
                  for k, c in d["ch"].items()},
        documents=tuple(m.Document(x[0], m.Text(*x[1]), x[2], _T(x[3]), _S(x[4])) for x in d["d"]),
        where=tuple(d["w"]), steps=tuple(m.Fact(m.Text(*x[0]), _S(x[1])) for x in d["st"]),
        notes=tuple(m.Fact(m.Text(*x[0]), _S(x[1])) for x in d["no"]),
        figures=tuple(m.Figure(m.Text(*x[0]), x[1], _S(x[2])) for x in d["f"]),
        sources=_S(d["so"]), origin=m.Origin(*d["o"]), as_of=d["as"],
    )


def encode_entry(kind: str, e: Any) -> Any:
    o = [e.origin.file, e.origin.line]
    if kind == "measures":
        return [e.number, _t(e.title), e.part, e.status, _t(e.summary), list(e.services), _srcs(e.sources), o]
    if kind == "documents":
        return [e.id, _t(e.name), e.measure_16, _srcs(e.sources), o]
    if kind == "places":
        return [e.id, _t(e.name), e.kind, _t(e.description), _srcs(e.sources), o]
    if kind == "regions":
        return [e.id, _t(e.name), _srcs(e.sources), o]
    if kind == "glossary":
        return [_t(e.term), _t(e.note), _srcs(e.sources), o]
    if kind == "sources":
        return [e.file, e.outlet, e.date, e.script, e.title, o]
    raise ValueError(kind)


def decode_entry(kind: str, v: list[Any]) -> Any:
    o = m.Origin(*v[-1])
    if kind == "measures":
        return m.Measure(v[0], m.Text(*v[1]), v[2], v[3], m.Text(*v[4]), tuple(v[5]), _S(v[6]), o)
    if kind == "documents":
        return m.DocumentKind(v[0], m.Text(*v[1]), v[2], _S(v[3]), o)
    if kind == "places":
        return m.Place(v[0], m.Text(*v[1]), v[2], m.Text(*v[3]), _S(v[4]), o)
    if kind == "regions":
        return m.Region(v[0], m.Text(*v[1]), _S(v[2]), o)
    if kind == "glossary":
        return m.GlossaryTerm(m.Text(*v[0]), _T(v[1]), _S(v[2]), o)
    if kind == "sources":
        return m.SeedText(v[0], v[1], v[2], v[3], v[4], o)
    raise ValueError(kind)


def _entry_key(kind: str, e: Any) -> str:
    if kind == "measures":
        return str(e.number)
    if kind == "sources":
        return str(e.file)
    if kind == "glossary":
        return str(e.term.zh_hans)
    return str(e.id)
