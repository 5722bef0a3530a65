"""Simplified -> Traditional Chinese, done once when the catalog is compiled (never while a command runs)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

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
