"""`hanban catalog ...`: the catalog in use and catalog packs (one module per command, joined here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hanban.cli import catalog_info, catalog_pack, catalog_schema, catalog_update

COMMANDS: list[tuple[str, Callable[..., Any]]] = [  # in the order of `hanban catalog --help`
    ("info", catalog_info.command),
    ("pack", catalog_pack.command),
    ("update", catalog_update.update),
    ("rollback", catalog_update.rollback),
    ("schema", catalog_schema.command),
]
