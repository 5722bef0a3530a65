"""Keep pydantic out of start-up: coerce plain `str` / `Path` (and lists of them) parameters directly.

Typer 0.2x coerces every non-boolean parameter through a pydantic TypeAdapter, and importing
pydantic costs about as much as importing typer and rich together (measured with
`python -X importtime -m hanban show no-crime-certificate`). hanban's parameters are plain strings
and paths, so this installs a coercion for exactly those shapes -- the same checks typer makes
(`coerce_cli_path` for paths) -- and leaves every other parameter, and any typer without these
internals, to typer's own code. Nothing here changes what a command receives.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

_installed = False


class _Unusual(Exception):
    """A value outside the shapes handled here."""


def _unusual() -> Any:
    raise _Unusual


def _as_str(value: Any) -> str:
    if not isinstance(value, str):
        raise _Unusual
    return value


def install() -> None:
    """Patch typer's lazy runtime-parameter builder once; a no-op on typers without it."""
    global _installed
    if _installed:
        return
    _installed = True
    try:
        from dataclasses import dataclass

        from typer import core
        from typer._coercion import RuntimeParam, build_runtime_param
        from typer._param_types import coerce_cli_path, routes_to_path
        from typer._typing import get_args, get_origin
    except ImportError:  # another typer: nothing to do
        return
    original = getattr(core._TyperParameter, "get_runtime_param", None)
    if original is None:
        return

    @dataclass(frozen=True)
    class DirectParam(RuntimeParam):
        """Coercion without pydantic for str, Path and lists of them."""

        leaf: Callable[[Any, Any, Any], Any] = lambda v, p, c: v
        descriptor: Any = None

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            annotation: Any = self.annotation  # plain Any: through typer's alias mypy picks get_origin's ParamSpec overload
            try:
                if isinstance(value, (list, tuple)) and get_origin(annotation) is list:
                    return [self.leaf(v, param, ctx) for v in value]
                return self.leaf(value, param, ctx)
            except _Unusual:  # a value typer would coerce some other way: let it
                return build_runtime_param(self.descriptor)._coerce_value(value, param, ctx)

    def leaf_for(annotation: Any, info: Any) -> Callable[[Any, Any, Any], Any] | None:
        if annotation is bool:
            return lambda v, p, c: v if isinstance(v, bool) else _unusual()
        if annotation is str and not routes_to_path(annotation, info):
            return lambda v, p, c: _as_str(v)
        if isinstance(annotation, type) and issubclass(annotation, Path) and info.path_type in (None, Path):
            return lambda v, p, c: coerce_cli_path(
                Path(os.fsdecode(v)), info, path_type=Path, param=p, ctx=c
            )
        return None

    def direct(descriptor: Any) -> Any:
        info = descriptor.parameter_info
        if getattr(info, "parser", None) is not None or getattr(info, "click_type", None) is not None:
            return None
        if descriptor.file_annotation is not None:
            return None
        annotation = descriptor.annotation
        if get_origin(annotation) is list:
            args = get_args(annotation)
            leaf = leaf_for(args[0], info) if len(args) == 1 else None
        else:
            leaf = leaf_for(annotation, info)
        if leaf is None:
            return None
        return DirectParam(parameter_info=info, annotation=annotation, leaf=leaf, descriptor=descriptor)

    def get_runtime_param(self: Any) -> Any:
        if getattr(self, "_runtime_param", None) is None:
            try:
                fast = direct(self.type_descriptor)
            except Exception:  # noqa: BLE001  unknown shape (typer internals): typer decides
                fast = None
            if fast is not None:
                self._runtime_param = fast
        return original(self)

    core._TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]  # patched on purpose
