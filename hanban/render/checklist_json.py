"""The checklist as JSON for scripts (`hanban ask --json`). Schema in README."""

from __future__ import annotations

from typing import Any

from hanban.catalog.age import Clock, is_stale
from hanban.catalog.store import Catalog
from hanban.render.json import catalog_identity, source_origin, text
from hanban.wizard.checklist import Checklist, known

SCHEMA = 1  # the "schema" field of `ask --json` (README); fields are only ever added


def checklist(cl: Checklist, catalog: Catalog, clock: Clock) -> dict[str, Any]:
    """{service, answers, channels, items, sources, as_of, stale, catalog} — item sources are numbers into `sources`."""
    numbers = cl.numbers()
    return {
        "schema": SCHEMA,
        "service": {"id": cl.service.id, "name": text(cl.service.name)},
        "answers": {a.question: a.value for a in cl.answers},
        "answer_labels": {a.question: text(a.label) for a in cl.answers},
        "outcome": {
            "text": text(cl.outcome.text),
            "sources": [numbers[s] for s in cl.outcome.sources if s in numbers],
            "stop": cl.outcome.stop,
            "see": list(cl.outcome.see),
        },
        "channels": {
            name: {
                "available": known(v),
                "status": v.status,
                "why": text(v.why),
                "regions": list(v.regions),
                "sources": [numbers[s] for s in v.sources if s in numbers],
            }
            for name, v in cl.channels.items()
        },
        "items": [
            {"kind": it.kind, "text": text(it.text), "sources": [numbers[s] for s in it.sources if s in numbers]}
            for it in cl.items
        ],
        "sources": [
            {
                "n": i,
                "file": s.file,
                "measure": s.measure,
                "quote": s.quote,
                "effective": s.effective or None,
                **source_origin(s, catalog),
            }
            for s, i in numbers.items()
        ],
        "as_of": cl.as_of,
        "rules": list(cl.rules),
        "reviewed_on": (cl.service.validity.reviewed_on if cl.service.validity is not None else "") or None,
        "stale": is_stale(cl.checked_on(), clock),
        "catalog": catalog_identity(catalog, clock),
    }
