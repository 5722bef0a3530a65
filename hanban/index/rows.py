"""A parsed unit as the index's rows (made where the unit was parsed, in a worker for big builds),
and a stored unit read back as the `UnitView` that `link` reads."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from hanban.catalog import model as m
from hanban.catalog.parse import Unit
from hanban.catalog.schema import Ref
from hanban.catalog.verdict import for_anyone
from hanban.catalog.wizard_model import Question, Rule
from hanban.index.codec import decoder, encode

SMALL_TYPES: dict[str, Any] = {
    "catalog": m.CatalogInfo,
    "measures": m.Measure,
    "documents": m.DocumentKind,
    "places": m.Place,
    "regions": m.Region,
    "glossary": m.GlossaryTerm,
    "sources": m.SeedText,
    "questions": Question,
    "rules": Rule,
}


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def dumps_model(value: m.Service | m.Text) -> str:
    """`dumps(encode(value))`, written by the JSON encoder itself: a service is named tuples (JSON
    arrays, as `encode` writes them), tuples, dicts with string keys, strings, numbers and None, all
    JSON's own. About twice as fast, for the largest rows a build writes."""
    return dumps(value)


def unit_rows(unit: Unit, prepare_search: bool = True) -> dict[str, Any]:
    """Everything the index stores of one unit, as plain data (picklable, JSON inside)."""
    from hanban.find.fields import prepare
    from hanban.find.resolve import exact_keys, simplified_keys

    out: dict[str, Any] = {
        "file": unit.file, "problems": list(unit.problems),  # Problem objects: their messages are rendered in the reader's language
        "digest": unit.digest, "size": unit.size, "mtime": unit.mtime,
    }
    if unit.problems:
        return out
    out["sids"] = "\n".join(unit.service_ids())  # ids never hold a newline (lowercase kebab-case)
    out["defs"] = dumps(list(unit.defs()))
    out["small_defs"] = dumps(list(unit.small_defs()))
    out["refkeys"] = "\x1e".join(sorted(unit.ref_keys()))  # catalog text never holds this control character
    out["refs"] = dumps([[r.kind, r.value, r.file, r.line, r.field, *(r.owner or ("", ""))] for r in unit.refs])
    out["small"] = dumps({k: [encode(e) for e in v] for k, v in unit.small().items()})
    services = []
    for seq, s in enumerate(unit.entries.get("services", ())):
        names = sorted(set(exact_keys(s)) | set(simplified_keys(s)))
        offered = [int(for_anyone(s.channels[c]).available is True) for c in ("one_window", "fully_online", "cross_province")]
        services.append((
            seq, s.id, dumps_model(s), *offered,  # list's filters: the verdict for anyone (catalog.verdict)
            s.category, dumps_model(s.name), dumps(prepare(s)) if prepare_search else None,
            names, "\n".join([*names, s.summary.zh_hans, s.summary.en]),  # FTS5 trigram candidates for search
        ))
    out["services"] = services
    return out


class StoredUnit:
    """A unit read back from the index, as `link` reads it (`catalog.link.UnitView`).

    What `link` reads of every unit on every update (service ids, reference keys, the small
    entries' definitions) is stored as plain strings; the rest is read only when needed.
    """

    __slots__ = ("_defs", "_refkeys", "_refs", "_sids", "_small", "_small_defs", "file", "layer")

    def __init__(
        self, file: str, layer: int, sids: str, refkeys: str, small_defs: str, small: str, defs: Callable[[], str], refs: Callable[[], str]
    ) -> None:
        self.file, self.layer = file, layer
        self._sids, self._refkeys, self._small_defs, self._small = sids, refkeys, small_defs, small
        self._defs, self._refs = defs, refs

    def service_ids(self) -> list[str]:
        return self._sids.split("\n") if self._sids else []

    def defs(self) -> Iterator[tuple[str, str | int, int]]:
        return ((k, key, line) for k, key, line in json.loads(self._defs()))

    def small_defs(self) -> Iterator[tuple[str, str | int, int]]:
        if self._small_defs == "[]":
            return iter(())
        return ((k, key, line) for k, key, line in json.loads(self._small_defs))

    def ref_keys(self) -> list[str]:
        return self._refkeys.split("\x1e") if self._refkeys else []

    def all_refs(self) -> list[Ref]:
        rows = json.loads(self._refs())
        return [Ref(k, v, f, ln, fd, (ok, o) if ok else None) for k, v, f, ln, fd, ok, o in rows]

    def small(self) -> Mapping[str, Sequence[Any]]:
        return self.decode_small(self._small)

    @staticmethod
    def decode_small(small: str) -> dict[str, list[Any]]:
        """A unit's stored small entries, typed."""
        if small == "{}":
            return {}
        return {k: [decoder(SMALL_TYPES[k])(e) for e in v] for k, v in json.loads(small).items()}
