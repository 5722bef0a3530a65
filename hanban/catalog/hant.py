"""Simplified -> Traditional Chinese, done once when the catalog is compiled (never while a command runs)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from hanban.catalog.model import Service, Text

if TYPE_CHECKING:
    import opencc

CONFIG = "s2t"


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    import opencc  # heavy: only the compile step (and `validate`) converts

    return opencc.OpenCC(CONFIG)


@lru_cache(maxsize=65536)
def to_traditional(text: str) -> str:
    """`text` in Traditional Chinese (OpenCC)."""
    if not text or text.isascii():
        return text
    return str(_converter().convert(text))


def _texts(value: Any) -> Iterator[Text]:
    if isinstance(value, Text):
        yield value
    elif isinstance(value, (tuple, list)):
        for v in value:
            yield from _texts(v)
    elif isinstance(value, Mapping):
        for v in value.values():
            yield from _texts(v)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name))


def known_forms(entries: Iterable[Any]) -> dict[str, str]:
    """Simplified -> Traditional as these entries already hold it (texts and service aliases)."""
    out: dict[str, str] = {}
    for e in entries:
        out.update((t.zh_hans, t.zh_hant) for t in _texts(e))
        if isinstance(e, Service):
            out.update(zip(e.aliases.get("zh-Hans", ()), e.hant_aliases))
    return out
