"""Find a service by what a person calls it: id, name in any script, or alias."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from hanban import model as m
from hanban.errors import NotFound


def normalize(text: str) -> str:
    """Case-, width- and spacing-insensitive form (full-width letters fold to half-width)."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def exact_keys(s: m.Service) -> list[str]:
    """The names a service answers to exactly, Traditional derived names excluded."""
    keys = [s.id, s.name.zh_hans, s.name.en]
    if s.name.zh_hant:
        keys.append(s.name.zh_hant)
    for names in s.aliases.values():
        keys.extend(names)
    return [normalize(k) for k in keys]


def find_exact(catalog: m.Catalog, query: str) -> m.Service | None:
    """The service whose id, name or alias is exactly `query`, or None."""
    q = normalize(query)
    if not q:
        return None
    # -- compiled index (hanban.index): narrow to the services holding the key, instead of a scan --
    narrowed = getattr(catalog.services, "narrowed", None)
    if narrowed is not None:
        found = narrowed([q])
        if not q.isascii() and not any(q in exact_keys(s) for s in found.values()):
            from hanban.search import fold_variants, to_simplified

            found = narrowed([q, fold_variants(normalize(to_simplified(q)))])
        catalog = replace(catalog, services=found)
    # -- end compiled index --
    if q in catalog.services:
        return catalog.services[q]
    for s in catalog.services.values():
        if q in exact_keys(s):
            return s
    if not q.isascii():
        # Traditional names and aliases are derived; convert only when nothing else matched.
        from hanban.i18n import to_traditional
        from hanban.search import fold_variants, to_simplified

        simplified = fold_variants(normalize(to_simplified(q)))
        for s in catalog.services.values():
            if simplified in (normalize(k) for k in [s.name.zh_hans, *s.aliases.get("zh-Hans", ())]):
                return s
        for s in catalog.services.values():
            derived = [s.name.get("zh-Hant")] + [to_traditional(a) for a in s.aliases.get("zh-Hans", ())]
            if q in (normalize(d) for d in derived):
                return s
    return None


# A fuzzy match is used without asking only when it is good and well ahead of the next one.
CLEAR_MIN_SCORE = 0.45
CLEAR_MARGIN = 0.15
CANDIDATES = 5


@dataclass(frozen=True)
class Resolution:
    """The service a query names; `guessed` when it came from search rather than an exact name."""

    service: m.Service
    guessed: bool = False
    score: float = 1.0


def resolve(catalog: m.Catalog, query: str) -> Resolution:
    """Exact id, name (any script) or alias first; else a single clear best search match.

    Raises NotFound carrying the best candidates' ids when the query is ambiguous or matches nothing.
    """
    found = find_exact(catalog, query)
    if found is not None:
        return Resolution(found)
    from hanban.search import search

    hits = search(catalog, query, CANDIDATES)
    if hits and is_clear(hits[0].score, hits[1].score if len(hits) > 1 else None):
        return Resolution(catalog.services[hits[0].id], guessed=True, score=hits[0].score)
    if not hits:
        raise NotFound(f"no service called {query!r}; try `hanban list` or `hanban search`")
    raise NotFound(f"no service called {query!r}", candidates=tuple(h.id for h in hits))


def is_clear(best: float, runner_up: float | None) -> bool:
    """Whether the best match is good enough and far enough ahead of the runner-up to use."""
    return best >= CLEAR_MIN_SCORE and (runner_up is None or best - runner_up >= CLEAR_MARGIN)


def resolve_service(
    catalog: m.Catalog,
    query: str,
    note: Callable[[str], None] | None = None,
    lang: m.Lang = "en",
) -> m.Service:
    """The service `query` names; a guess is announced through `note` (the CLI passes `say`)."""
    r = resolve(catalog, query)
    if r.guessed and note is not None:
        note(f"hanban: no service is called {query!r}; using the closest match, {r.service.id} ({r.service.name.get(lang)})")
    return r.service
