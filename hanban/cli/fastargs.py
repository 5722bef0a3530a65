"""Keep pydantic out of start-up: coerce plain `str` / `Path` / `bool` (and lists of them) parameters directly.

Typer 0.29 coerces every parameter through a pydantic TypeAdapter, and importing pydantic costs
about as much as importing typer and rich together (measured with `python -X importtime -m hanban
show no-crime-certificate`). hanban's parameters are plain strings, paths and flags, so this
installs a coercion for exactly those shapes -- the same checks typer makes (`coerce_cli_path` for
paths) -- and leaves every other parameter to typer's own code. Nothing here changes what a
command receives.

It patches typer internals (`typer._coercion`, `_TyperParameter.get_runtime_param`), so
pyproject.toml pins typer below 0.30: the versions this was written and tested against. On a
typer without those internals (before 0.29, which had no pydantic) it does nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Leaf = Callable[[Any, Any, Any], Any]
_installed = False


class _Unusual(Exception):
    """A value outside the shapes handled here."""


def _as_bool(value: Any, param: Any, ctx: Any) -> bool:
    if not isinstance(value, bool):
        raise _Unusual
    return value


def _as_str(value: Any, param: Any, ctx: Any) -> str:
    if not isinstance(value, str):
        raise _Unusual
    return value


def _leaf_for(typer_bits: Any, annotation: Any, info: Any) -> Leaf | None:
    """The direct coercion of one value of `annotation`, or None (typer decides)."""
    if annotation is bool:
        return _as_bool
    if annotation is str and not typer_bits.routes_to_path(annotation, info):
        return _as_str
    if isinstance(annotation, type) and issubclass(annotation, Path) and info.path_type in (None, Path):
        coerce_path = typer_bits.coerce_cli_path
        return lambda v, p, c: coerce_path(Path(os.fsdecode(v)), info, path_type=Path, param=p, ctx=c)
    return None


def _direct(typer_bits: Any, descriptor: Any) -> Any:
    """A runtime parameter without pydantic for `descriptor`, or None (typer decides)."""
    info = descriptor.parameter_info
    if getattr(info, "parser", None) is not None or getattr(info, "click_type", None) is not None:
        return None
    if descriptor.file_annotation is not None:
        return None
    annotation = descriptor.annotation
    if typer_bits.get_origin(annotation) is list:
        args = typer_bits.get_args(annotation)
        leaf = _leaf_for(typer_bits, args[0], info) if len(args) == 1 else None
    else:
        leaf = _leaf_for(typer_bits, annotation, info)
    if leaf is None:
        return None
    return typer_bits.DirectParam(parameter_info=info, annotation=annotation, leaf=leaf, descriptor=descriptor)


class _TyperBits:
    """The typer internals this module uses (imported once, when installing)."""

    def __init__(self) -> None:
        from typer import core
        from typer._coercion import RuntimeParam, build_runtime_param
        from typer._param_types import coerce_cli_path, routes_to_path
        from typer._typing import get_args, get_origin

        self.core, self.coerce_cli_path, self.routes_to_path = core, coerce_cli_path, routes_to_path
        self.get_args, self.get_origin = get_args, get_origin

        @dataclass(frozen=True)
        class DirectParam(RuntimeParam):
            """Coercion without pydantic for str, Path, bool and lists of them."""

            leaf: Leaf = _as_str
            descriptor: Any = None

            def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
                try:
                    annotation: Any = self.annotation  # (typed as Any: typer's get_origin alias confuses mypy)
                    if isinstance(value, (list, tuple)) and get_origin(annotation) is list:
                        return [self.leaf(v, param, ctx) for v in value]
                    return self.leaf(value, param, ctx)
                except _Unusual:  # a value typer would coerce some other way: let it
                    return build_runtime_param(self.descriptor)._coerce_value(value, param, ctx)

        self.DirectParam = DirectParam


def install() -> None:
    """Patch typer's lazy runtime-parameter builder once; a no-op on typers without it."""
    global _installed
    if _installed:
        return
    _installed = True
    try:
        bits = _TyperBits()
    except ImportError:  # another typer: nothing to do
        return
    original = getattr(bits.core._TyperParameter, "get_runtime_param", None)
    if original is None:
        return

    def get_runtime_param(self: Any) -> Any:
        if getattr(self, "_runtime_param", None) is None:
            try:
                fast = _direct(bits, self.type_descriptor)
            except Exception:  # noqa: BLE001  unknown shape (typer internals): typer decides
                fast = None
            if fast is not None:
                self._runtime_param = fast
        return original(self)

    bits.core._TyperParameter.get_runtime_param = get_runtime_param
