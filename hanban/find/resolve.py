"""Find a service by what a person calls it: id, name in any script, or alias; else a clear search hit."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from hanban.catalog import model as m
from hanban.catalog.store import Catalog
from hanban.errors import NotFound
from hanban.find.text import exact_key, search_form, to_simplified
from hanban.strings import word

# A fuzzy match is used without asking only when it is good and well ahead of the next one.
CLEAR_MIN_SCORE = 0.45
CLEAR_MARGIN = 0.15
CANDIDATES = 5


def exact_keys(s: m.Service) -> list[str]:
    """The names a service answers to exactly (id, names in every script, aliases), as exact keys."""
    return [exact_key(k) for k in s.names()]


def find_exact(catalog: Catalog, query: str) -> m.Service | None:
    """The service whose id, name or alias (in any script) is exactly `query`, or None."""
    q = exact_key(query)
    if not q:
        return None
    store = catalog.services
    found = store.get(q)
    if found is not None:
        return found
    named = store.named([q])
    services = named if named is not None else list(store.select())
    for s in services:
        if q in exact_keys(s):
            return s
    if q.isascii():
        return None
    # A Traditional or variant spelling of a Simplified name or alias (OpenCC only now).
    folded = search_form(to_simplified(q))
    if named is not None:
        services = store.named([folded]) or []
    for s in services:
        if folded in simplified_keys(s):
            return s
    return None


def simplified_keys(s: m.Service) -> list[str]:
    """The search forms of a service's Simplified name and aliases (what a Traditional name folds to)."""
    return [search_form(k) for k in [s.name.zh_hans, *s.aliases.get("zh-Hans", ())]]


class Resolution(NamedTuple):
    """The service a query names; `guessed` when it came from search rather than an exact name."""

    service: m.Service
    guessed: bool = False
    score: float = 1.0


def resolve(catalog: Catalog, query: str) -> Resolution:
    """Exact id, name (any script) or alias first; else a single clear best search match.

    Raises NotFound carrying the best candidates' ids when the query is ambiguous or matches nothing.
    """
    found = find_exact(catalog, query)
    if found is not None:
        return Resolution(found)
    from hanban.find.search import search

    hits = search(catalog, query, CANDIDATES)
    if hits and is_clear(hits[0].score, hits[1].score if len(hits) > 1 else None):
        return Resolution(catalog.service(hits[0].id), guessed=True, score=hits[0].score)
    if not hits:
        raise NotFound(key="err.no_service", query=repr(query))
    raise NotFound(candidates=tuple(h.id for h in hits), key="err.no_service_short", query=repr(query))


def is_clear(best: float, runner_up: float | None) -> bool:
    """Whether the best match is good enough and far enough ahead of the runner-up to use."""
    return best >= CLEAR_MIN_SCORE and (runner_up is None or best - runner_up >= CLEAR_MARGIN)


def resolve_service(
    catalog: Catalog,
    query: str,
    note: Callable[[str], None] | None = None,
    lang: m.Lang = "en",
) -> m.Service:
    """The service `query` names; a guess is announced through `note` (the CLI passes `say`)."""
    r = resolve(catalog, query)
    if r.guessed and note is not None:
        note(word("msg.closest", lang, query=repr(query), id=r.service.id, name=r.service.name.get(lang)))
    return r.service
