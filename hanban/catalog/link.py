"""Step two of the pipeline: every file's `Unit` -> one catalog, checked across files.

`link` decides which definition of each id is in force (a later layer replaces an id; the same
id twice in one layer is an error), merges the small tables, checks every reference and the
wizard's data, and says which unit holds each service. It reads units only through `UnitView`,
so the index runs this same code over the units it stored (`hanban.index`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from hanban.catalog import model as m
from hanban.catalog.entries import entry_key
from hanban.catalog.schema import Ref
from hanban.catalog.store import Catalog, MemoryStore, Tables, finish_service
from hanban.catalog.wizard_checks import check_wizard, signature
from hanban.catalog.wizard_model import SERVICE_QUESTION, Wizard
from hanban.errors import CatalogError, Problem

WIZARD_KINDS = ("questions", "rules")
REF_TABLES = {"place": "places", "document": "documents", "region": "regions", "seed": "sources"}


class UnitView(Protocol):
    """What `link` reads of one file's unit."""

    file: str
    layer: int

    def service_ids(self) -> Sequence[str]:
        """The ids of the services it defines, in file order."""

    def defs(self) -> Iterable[tuple[str, str | int, int]]:
        """(kind, key, line) of every entry, services included (read in full only to report a duplicate)."""

    def small_defs(self) -> Iterable[tuple[str, str | int, int]]:
        """(kind, key, line) of every entry but services."""

    def ref_keys(self) -> Iterable[str]:
        """Every reference as its `Ref.key`, without repeats."""

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
    wizard_signature: str | None = None  # what its checks read (see wizard_checks.signature)


class _Merge:
    """The state of one `link`: definitions seen so far, and the merged tables."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.first: dict[str, int] = {}
        self.top: dict[str, int] = {}
        self.layer_ids: dict[int, tuple[int, set[str]]] = {}  # layer -> (units read up to, their service ids)
        self.in_scope: dict[tuple[int, str, str | int], str] = {}
        self.tables: dict[str, dict[Any, Any]] = {k: {} for k in ("measures", "documents", "places", "regions", "sources", "glossary")}
        self.wizard: dict[str, dict[str, Any]] = {k: {} for k in WIZARD_KINDS}
        self.catalogs: dict[int, m.CatalogInfo] = {}

    def services(self, units: Sequence[UnitView], i: int) -> None:
        ids = units[i].service_ids()
        # Whole-list dict operations: a 66,000-service overlay goes through here on every edit, and
        # nearly always every id is new (the common case costs two dict updates per file).
        new = dict.fromkeys(ids, i)
        before = len(self.top)
        self.top.update(new)  # the last definition is in force
        if len(new) == len(ids) and len(self.top) == before + len(new):
            self.first.update(new)
            return
        # Some id was defined before: in a lower layer (replaced: it keeps its place) or in this one.
        for sid in new:
            if sid not in self.first:
                self.first[sid] = i
        if len(new) != len(ids) or not self._earlier_in_layer(units, i).isdisjoint(new):
            self._duplicate_services(units, i)  # rare: read the lines to say where

    def _earlier_in_layer(self, units: Sequence[UnitView], i: int) -> set[str]:
        """The service ids of the units before `i` in its layer (kept and extended as `i` grows)."""
        layer = units[i].layer
        start, ids = self.layer_ids.get(layer, (0, set()))
        for j in range(start, i):
            if units[j].layer == layer:
                ids.update(units[j].service_ids())
        self.layer_ids[layer] = (i, ids)
        return ids

    def _duplicate_services(self, units: Sequence[UnitView], i: int) -> None:
        """Report each service of unit `i` defined before in its layer, and where it first was."""
        unit = units[i]
        where: dict[str, str] = {}
        for u in units[: i + 1]:
            if u.layer != unit.layer:
                continue
            for kind, key, line in u.defs():
                if kind != "services":
                    continue
                sid = str(key)
                if sid not in where:
                    where[sid] = f"{u.file}:{line}"
                elif u is unit:
                    self.problems.append(Problem(u.file, line, "services.id", "problem.duplicate_id", id=sid, first=where[sid]))

    def small(self, i: int, unit: UnitView) -> None:
        for kind, key, line in unit.small_defs():
            if kind == "glossary":
                continue
            # An id may be defined once per layer (questions and rules: once per file).
            scope = (-1 - i if kind in WIZARD_KINDS else unit.layer, kind, key)
            if scope in self.in_scope and kind == "catalog":
                self.problems.append(Problem(unit.file, line, "catalog", "problem.duplicate_catalog", first=self.in_scope[scope]))
            elif scope in self.in_scope:
                self.problems.append(Problem(unit.file, line, f"{kind}.id", "problem.duplicate_id", id=key, first=self.in_scope[scope]))
            else:
                self.in_scope[scope] = f"{unit.file}:{line}"
        for kind, entries in unit.small().items():
            for e in entries:
                if kind == "catalog":
                    self.catalogs[unit.layer] = e  # each layer's own identity (`hanban catalog info`)
                elif kind in WIZARD_KINDS:
                    self.wizard[kind].pop(e.id, None)  # a replacing question or rule takes the replaced one's place at the end
                    self.wizard[kind][e.id] = e
                else:
                    self.tables[kind][entry_key(kind, e)] = e  # a replacing entry keeps the replaced one's place


def link(units: Sequence[UnitView], *, wizard_passed: str | None = None) -> Linked:
    """Check the units against each other and merge them; raise CatalogError with every problem.

    `wizard_passed` is the `Linked.wizard_signature` of an earlier link whose wizard checks
    passed (the index remembers it): when what those checks read is the same, they are not run again.
    """
    merge = _Merge()
    for i, unit in enumerate(units):
        merge.services(units, i)
        merge.small(i, unit)
    problems = merge.problems or _check_refs(units, merge.top, merge.tables)
    if problems:
        raise CatalogError(problems)
    service_ids = list(merge.first)
    questions = sorted(merge.wizard["questions"].values(), key=lambda q: q.id != SERVICE_QUESTION)  # the service first
    wiz = Wizard(tuple(questions), tuple(merge.wizard["rules"].values()))
    sig = signature(wiz, merge.top)
    if sig is None or sig != wizard_passed:
        wizard_problems = check_wizard(wiz, service_ids)
        if wizard_problems:
            raise CatalogError(wizard_problems)
    t = merge.tables
    tables = Tables(
        measures=dict(sorted(t["measures"].items())),
        documents=t["documents"],
        places=t["places"],
        regions=t["regions"],
        glossary=tuple(t["glossary"].values()),
        seeds=t["sources"],
        catalogs=dict(sorted(merge.catalogs.items())),
    )
    return Linked(tables, wiz, service_ids, merge.first, merge.top, sig)


def _check_refs(units: Sequence[UnitView], top: Mapping[str, int], tables: Mapping[str, Mapping[Any, Any]]) -> list[Problem]:
    """Unknown places, documents, regions, seed files, measures and services, where they are named."""

    def known(kind: str, value: str | int) -> bool:
        if kind == "measure":
            return not tables["measures"] or int(value) in tables["measures"]
        if kind == "service":
            return value in top
        return value in tables[REF_TABLES[kind]]

    # Most catalogs have no unknown reference: look at the distinct values first, and only read
    # the references themselves (with their places) in the units that name an unknown one.
    named: set[str] = set()
    for u in units:
        named.update(u.ref_keys())
    unknown = {k for k in named if not known(*k.split("\x1f", 1))}
    if not unknown:
        return []
    suspects = [i for i, u in enumerate(units) if not unknown.isdisjoint(u.ref_keys())]
    owners_in_force: dict[tuple[str, str | int], int] = {}
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
                    problems.append(Problem(r.file, r.line, r.field, "problem.unknown_measure", n=r.value))
                else:
                    problems.append(Problem(r.file, r.line, r.field, f"problem.unknown.{r.kind}", value=r.value))
    return problems


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
