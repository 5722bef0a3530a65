"""The whole catalog (`Catalog`) and the store its services are read from (`ServiceStore`).

Services can be many (a 66,000-service overlay), so the core reads them through a small interface
that two stores implement: `MemoryStore` here (everything loaded; tests, `validate`, a cache that
cannot be written) and the SQLite index (`hanban.index`), which reads lazily and answers the
optional questions (`named`, `search_candidates`, prepared search fields) from its tables. The
core never imports the index: it is handed a store.
"""

from __future__ import annotations

from collections.abc import Callable, ItemsView, Iterable, Iterator, Mapping, Sequence, ValuesView
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from hanban.catalog import model as m

if TYPE_CHECKING:
    from hanban.catalog.wizard_model import Wizard


class SearchRow(NamedTuple):
    """What search reads of one service: its prepared fields (made when the index was compiled),
    or the service itself where nothing was prepared."""

    id: str
    name: m.Text
    prepared: Any  # hanban.find.search.Prepared, or None
    service: m.Service | None


class Summary(NamedTuple):
    """A service as a list of choices shows it."""

    id: str
    name: m.Text
    category: str


class ServiceStore(Protocol):
    """The catalog's services, in catalog order (a later layer replaces an id in its place).

    A read-only mapping of id to service (`store[sid]`, `sid in store`, iteration in catalog
    order), and the questions a store of many services answers better than a scan.
    """

    def __len__(self) -> int: ...

    def __contains__(self, sid: object) -> bool: ...

    def __getitem__(self, sid: str) -> m.Service: ...

    def __iter__(self) -> Iterator[str]: ...

    def get(self, sid: str, /) -> m.Service | None:
        """The service with this id, or None."""

    def values(self) -> ValuesView[m.Service] | Iterator[m.Service]:
        """Every service, in catalog order."""

    def items(self) -> ItemsView[str, m.Service] | Iterator[tuple[str, m.Service]]:
        """(id, service) pairs, in catalog order."""

    def ids(self) -> Iterator[str]:
        """Every id, in catalog order."""

    def select(self, channels: Sequence[str] = ()) -> Iterator[m.Service]:
        """Services whose every named channel is available, in catalog order (streamed)."""

    def subset(self, ids: Iterable[str]) -> list[m.Service]:
        """The services with these ids, in catalog order."""

    def summaries(self) -> Iterator[Summary]:
        """Id, name and category of every service, in catalog order (cheap)."""

    def named(self, keys: Sequence[str]) -> list[m.Service] | None:
        """Services with any of `keys` (in `hanban.find.text.exact_key` form) as a name; None when
        the store keeps no index of names (the caller then looks through every service)."""

    def search_candidates(self, query: str) -> list[str] | None:
        """Ids worth scoring for `query`, or None: score every service."""

    def search_rows(self, ids: Sequence[str] | None = None) -> Iterator[SearchRow]:
        """What search reads of every service (or of those with `ids`), in catalog order."""


class MemoryStore(Mapping[str, m.Service]):
    """Every service in memory (a `ServiceStore`)."""

    def __init__(self, services: Mapping[str, m.Service]) -> None:
        self._services = dict(services)

    def __len__(self) -> int:
        return len(self._services)

    def __getitem__(self, sid: str) -> m.Service:
        return self._services[sid]

    def __iter__(self) -> Iterator[str]:
        return iter(self._services)

    def ids(self) -> Iterator[str]:
        return iter(self._services)

    def select(self, channels: Sequence[str] = ()) -> Iterator[m.Service]:
        return (s for s in self._services.values() if all(s.channels[c].available for c in channels))

    def subset(self, ids: Iterable[str]) -> list[m.Service]:
        wanted = set(ids)
        return [s for sid, s in self._services.items() if sid in wanted]

    def summaries(self) -> Iterator[Summary]:
        return (Summary(s.id, s.name, s.category) for s in self._services.values())

    def named(self, keys: Sequence[str]) -> list[m.Service] | None:
        return None

    def search_candidates(self, query: str) -> list[str] | None:
        return None

    def search_rows(self, ids: Sequence[str] | None = None) -> Iterator[SearchRow]:
        services = self._services.values() if ids is None else self.subset(ids)
        return (SearchRow(s.id, s.name, None, s) for s in services)


class Tables(NamedTuple):
    """The catalog's small tables: read whole."""

    measures: Mapping[int, m.Measure]
    documents: Mapping[str, m.DocumentKind]
    places: Mapping[str, m.Place]
    regions: Mapping[str, m.Region]
    glossary: tuple[m.GlossaryTerm, ...]
    seeds: Mapping[str, m.SeedText]
    catalogs: Mapping[int, m.CatalogInfo] = MappingProxyType({})  # layer -> the identity its files give


class Catalog:
    """The whole validated catalog: services (from a store), small tables and the wizard.

    The tables and the wizard may be given as functions, called once on first use (the index
    decodes them only for the commands that read them).
    """

    def __init__(
        self,
        services: ServiceStore,
        tables: Tables | Callable[[], Tables],
        wizard: Wizard | Callable[[], Wizard] | None = None,
        glossary: Callable[[], tuple[m.GlossaryTerm, ...]] | None = None,
    ) -> None:
        self.services = services
        self._tables = tables
        self._wizard = wizard
        self._glossary = glossary  # the glossary alone, for search (else the tables' own)

    @cached_property
    def tables(self) -> Tables:
        return self._tables if isinstance(self._tables, Tables) else self._tables()

    @cached_property
    def wizard(self) -> Wizard:
        from hanban.catalog.wizard_model import Wizard  # (not on the way of commands that ask nothing)

        if self._wizard is None:
            return Wizard()
        return self._wizard if isinstance(self._wizard, Wizard) else self._wizard()

    @property
    def measures(self) -> Mapping[int, m.Measure]:
        return self.tables.measures

    @property
    def documents(self) -> Mapping[str, m.DocumentKind]:
        return self.tables.documents

    @property
    def places(self) -> Mapping[str, m.Place]:
        return self.tables.places

    @property
    def regions(self) -> Mapping[str, m.Region]:
        return self.tables.regions

    @cached_property
    def glossary(self) -> tuple[m.GlossaryTerm, ...]:
        if self._glossary is not None and "tables" not in self.__dict__:  # (tables decoded already: theirs)
            return self._glossary()
        return self.tables.glossary

    @property
    def seeds(self) -> Mapping[str, m.SeedText]:
        return self.tables.seeds

    @property
    def info(self) -> m.CatalogInfo | None:
        """The identity of the catalog in use: that of the highest layer that gives one."""
        catalogs = self.tables.catalogs
        return catalogs[max(catalogs)] if catalogs else None

    def as_of(self) -> str:
        """The date the catalog's facts are current as of: its identity's, else its newest source text's."""
        info = self.info
        if info is not None:
            return info.as_of
        dates = [s.date for s in self.seeds.values()]
        return max(dates, key=m.date_key) if dates else ""

    def newest_source(self) -> str:
        """The date of the newest source (seed text or outside page) the facts rest on ("" without one)."""
        dates = [s.date for s in self.seeds.values()]
        return max(dates, key=m.date_key) if dates else ""

    def service_choices(self) -> list[Summary]:
        """The services as the service question offers them: first those its `order` lists (the
        ones people come for most), then the rest by category (catalog order of categories), then id."""
        from hanban.catalog.wizard_model import SERVICE_QUESTION

        q = self.wizard.question(SERVICE_QUESTION)
        first = {sid: i for i, sid in enumerate(q.order)} if q is not None else {}
        categories = {c: i for i, c in enumerate(m.CATEGORIES)}
        return sorted(self.services.summaries(), key=lambda s: (first.get(s.id, len(first)), categories.get(s.category, len(categories)), s.id))

    def first_service_choices(self, limit: int) -> list[Summary]:
        """The first `limit` of `service_choices()`, without reading every service when there are
        more: then the services the question's `order` lists, and the others in catalog order (a
        list nobody scrolls to its end; typing finds the rest)."""
        from hanban.catalog.wizard_model import SERVICE_QUESTION

        if len(self.services) <= limit:
            return self.service_choices()[:limit]
        q = self.wizard.question(SERVICE_QUESTION)
        out = [Summary(s.id, s.name, s.category) for sid in (q.order if q is not None else ()) if (s := self.services.get(sid)) is not None]
        seen = {s.id for s in out}
        if len(out) < limit:
            for summary in self.services.summaries():
                if summary.id not in seen:
                    out.append(summary)
                    if len(out) >= limit:
                        break
        return out[:limit]

    def service(self, sid: str) -> m.Service:
        """The service with this id (KeyError when there is none)."""
        return self.services[sid]


def finish_service(s: m.Service, kinds: Mapping[str, m.DocumentKind], seeds: Mapping[str, m.SeedText]) -> m.Service:
    """What a service takes from other files: its documents' names (documents.yaml) and its as-of date."""
    docs = tuple(
        d._replace(name=kinds[d.kind].name) if d.name is None and d.kind is not None and d.kind in kinds else d
        for d in s.documents
    )
    dates = [seeds[src.file].date for src in s.all_sources() if src.file in seeds]
    return s._replace(documents=docs, as_of=max(dates, key=m.date_key) if dates else "")
