"""Step two of the pipeline: every file's `Unit` -> one catalog, checked across files.

`link` decides which definition of each id is in force (a later layer replaces an id; the same
id twice in one layer is an error), merges the small tables, checks every reference and the
wizard's data, and says which unit holds each service. It reads units only through `UnitView`,
so the index runs this same code over the units it stored (`hanban.index`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from hanban.catalog import model as m
from hanban.catalog.entries import entry_key
from hanban.catalog.schema import Ref
from hanban.catalog.store import Catalog, MemoryStore, Tables
from hanban.catalog.wizard_checks import check_wizard
from hanban.catalog.wizard_model import SERVICE_QUESTION, Wizard
from hanban.errors import CatalogError, Problem

WIZARD_KINDS = ("questions", "rules")
REF_TABLES = {"place": "places", "document": "documents", "region": "regions", "seed": "sources"}


class UnitView(Protocol):
    """What `link` reads of one file's unit."""

    file: str
    layer: int

    def defs(self) -> Iterable[tuple[str, str | int, int]]:
        """(kind, key, line) of every entry, services included."""

    def ref_values(self) -> Iterable[tuple[str, str | int]]:
        """Every (kind, value) the unit refers to, without repeats."""

    def all_refs(self) -> Iterable[Ref]:
        """Every reference, with its place (read only when some reference is unknown)."""

    def small(self) -> Mapping[str, Sequence[Any]]:
        """The typed entries of every kind but services."""


@dataclass(frozen=True)
class Linked:
    """The catalog `link` made of the units: everything but the services' content."""

    tables: Tables
    wizard: Wizard
    service_ids: list[str]  # catalog order: where each id was first defined
    first: dict[str, int]  # service id -> index of the unit that first defines it (its place in the order)
    top: dict[str, int]  # service id -> index of the unit whose definition is in force (its content)


def link(units: Sequence[UnitView]) -> Linked:
    """Check the units against each other and merge them; raise CatalogError with every problem."""
    problems: list[Problem] = []
    first: dict[str, int] = {}
    top: dict[str, int] = {}
    tables: dict[str, dict[Any, Any]] = {k: {} for k in ("measures", "documents", "places", "regions", "sources", "glossary")}
    wizard: dict[str, dict[str, Any]] = {k: {} for k in WIZARD_KINDS}
    in_layer: dict[tuple[int, str, str | int], str] = {}
    for i, unit in enumerate(units):
        for kind, key, line in unit.defs():
            if kind == "glossary":
                continue
            here = f"{unit.file}:{line}"
            # An id may be defined once per layer (questions and rules: once per file).
            scope = (-1 - i if kind in WIZARD_KINDS else unit.layer, kind, key)
            if scope in in_layer:
                problems.append(Problem(unit.file, line, f"{kind}.id", f"duplicate id {key!r} (first defined at {in_layer[scope]})"))
                continue
            in_layer[scope] = here
            if kind == "services":
                first.setdefault(str(key), i)
                top[str(key)] = i
        for kind, entries in unit.small().items():
            for e in entries:
                if kind in WIZARD_KINDS:
                    wizard[kind].pop(e.id, None)  # a replacing question or rule takes the replaced one's place at the end
                    wizard[kind][e.id] = e
                else:
                    tables[kind][entry_key(kind, e)] = e  # a replacing entry keeps the replaced one's place
    if not problems:
        problems = _check_refs(units, top, tables)
    if problems:
        raise CatalogError(problems)
    service_ids = list(first)
    questions = sorted(wizard["questions"].values(), key=lambda q: q.id != SERVICE_QUESTION)  # the service first
    wiz = Wizard(tuple(questions), tuple(wizard["rules"].values()))
    wizard_problems = check_wizard(wiz, service_ids)
    if wizard_problems:
        raise CatalogError(wizard_problems)
    return Linked(
        Tables(
            measures=dict(sorted(tables["measures"].items())),
            documents=tables["documents"],
            places=tables["places"],
            regions=tables["regions"],
            glossary=tuple(tables["glossary"].values()),
            seeds=tables["sources"],
        ),
        wiz,
        service_ids,
        first,
        top,
    )


def _check_refs(units: Sequence[UnitView], top: Mapping[str, int], tables: Mapping[str, Mapping[Any, Any]]) -> list[Problem]:
    """Unknown places, documents, regions, seed files, measures and services, where they are named."""

    def known(kind: str, value: str | int) -> bool:
        if kind == "measure":
            return not tables["measures"] or value in tables["measures"]
        if kind == "service":
            return value in top
        return value in tables[REF_TABLES[kind]]

    # Most catalogs have no unknown reference: look at the distinct values first, and only read
    # the references themselves (with their places) in the units that name an unknown one.
    suspects = [i for i, u in enumerate(units) if not all(known(k, v) for k, v in u.ref_values())]
    owners_in_force: dict[tuple[str, str | int], int] = {}
    if suspects:
        for i, unit in enumerate(units):
            for kind, key, _ in unit.defs():
                owners_in_force[(kind, key)] = i  # the last definition of an entry is the one in force
    problems: list[Problem] = []
    for i in suspects:
        for r in units[i].all_refs():
            if r.owner is not None and owners_in_force.get(r.owner) != i:
                continue  # a later layer replaced the entry that makes this reference
            if not known(r.kind, r.value):
                if r.kind == "measure":
                    problems.append(Problem(r.file, r.line, r.field, f"measure {r.value} is not in measures.yaml"))
                else:
                    what = {"seed": "source file", "document": "document kind"}.get(r.kind, r.kind)
                    problems.append(Problem(r.file, r.line, r.field, f"unknown {what} {r.value!r}"))
    return problems


def finish_service(s: m.Service, kinds: Mapping[str, m.DocumentKind], seeds: Mapping[str, m.SeedText]) -> m.Service:
    """What a service takes from other files: its documents' names (documents.yaml) and its as-of date."""
    docs = tuple(
        replace(d, name=kinds[d.kind].name) if d.name is None and d.kind is not None and d.kind in kinds else d
        for d in s.documents
    )
    dates = [seeds[src.file].date for src in s.all_sources() if src.file in seeds]
    return replace(s, documents=docs, as_of=max(dates, key=m.date_key) if dates else "")


def memory_catalog(units: Sequence[Any], linked: Linked) -> Catalog:
    """The linked catalog with every service in memory (units as `parse` made them)."""
    by_unit: dict[int, dict[str, m.Service]] = {}
    services: dict[str, m.Service] = {}
    kinds, seeds = linked.tables.documents, linked.tables.seeds
    for sid in linked.service_ids:
        i = linked.top[sid]
        if i not in by_unit:
            by_unit[i] = {s.id: s for s in units[i].entries.get("services", ())}
        services[sid] = finish_service(by_unit[i][sid], kinds, seeds)
    return Catalog(MemoryStore(services), linked.tables, linked.wizard)
