"""Find a service by what a person calls it: id, name in any script, or alias."""

from __future__ import annotations

import unicodedata

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
    if q in catalog.services:
        return catalog.services[q]
    for s in catalog.services.values():
        if q in exact_keys(s):
            return s
    if not q.isascii():
        # Traditional names and aliases are derived; convert only when nothing else matched.
        from hanban.i18n import to_traditional

        for s in catalog.services.values():
            derived = [s.name.get("zh-Hant")] + [to_traditional(a) for a in s.aliases.get("zh-Hans", ())]
            if q in (normalize(d) for d in derived):
                return s
    return None


def resolve_service(catalog: m.Catalog, query: str) -> m.Service:
    """The service `query` names; raise NotFound otherwise."""
    found = find_exact(catalog, query)
    if found is None:
        raise NotFound(f"no service called {query!r}; try `hanban list` or `hanban search`")
    return found
