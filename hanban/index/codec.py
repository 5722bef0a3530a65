"""The catalog's typed values as JSON and back, for the index's rows (JSON, never pickle: a cache
file cannot run code).

One codec for every model type, driven by the dataclasses' own fields and type hints, so it cannot
drift from the model: a dataclass is the list of its field values in order, a tuple a list, a
mapping an object; a wizard condition is stored in its catalog form and parsed back.

Decoding checks the shape as it goes (a list of the right length for a dataclass, a string where a
string belongs, ...) and raises ValueError otherwise: a row that was damaged or written by
something else is never turned into a half-made value.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

_PLAIN = (str, int, bool, float, type(None))


def encode(value: Any) -> Any:
    """A model value as plain JSON data."""
    if isinstance(value, _PLAIN):
        return value
    if type(value).__module__ == "hanban.catalog.conditions":
        from hanban.catalog import conditions as cond

        return cond.to_data(value)
    fields = _FIELDS.get(type(value))
    if fields is None and dataclasses.is_dataclass(value):
        fields = _FIELDS[type(value)] = tuple(f.name for f in dataclasses.fields(value))
    if fields is not None:
        return [encode(getattr(value, name)) for name in fields]
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): encode(v) for k, v in value.items()}
    raise TypeError(f"cannot encode {type(value).__name__}")


_FIELDS: dict[type, tuple[str, ...]] = {}
_DECODERS: dict[Any, Callable[[Any], Any]] = {}


def decode(tp: Any, data: Any) -> Any:
    """`data` (from `encode`) back as a value of type `tp`."""
    return decoder(tp)(data)


def decoder(tp: Any) -> Callable[[Any], Any]:
    """A function from encoded data to a value of type `tp` (made once per type)."""
    got = _DECODERS.get(tp)
    if got is None:
        got = _DECODERS[tp] = _make(tp)
    return got


def _identity(v: Any) -> Any:
    return v


def _plain(types: tuple[type, ...]) -> Callable[[Any], Any]:
    """A check that a value is one of these plain types (a boolean is not a number here)."""
    allowed = tuple(float if t is float else t for t in types) + ((int,) if float in types else ())

    def check(v: Any) -> Any:
        if not isinstance(v, allowed) or (isinstance(v, bool) and bool not in types):
            raise ValueError(f"expected {' or '.join(t.__name__ for t in types)}, got {type(v).__name__}")
        return v

    return check


def _shaped(kind: type, make: Callable[[Any], Any], length: int | None = None) -> Callable[[Any], Any]:
    def check(v: Any) -> Any:
        size: int | None = len(v) if isinstance(v, (list, dict)) else None
        if type(v) is not kind or (length is not None and size != length):
            raise ValueError(f"expected a {kind.__name__}" + (f" of {length}" if length is not None else ""))
        return make(v)

    return check


def _make(tp: Any) -> Callable[[Any], Any]:
    if tp is Any:
        return _identity
    if tp in _PLAIN:
        return _plain((tp,))
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        if any(getattr(a, "__module__", "") == "hanban.catalog.conditions" for a in args):
            from hanban.catalog import conditions as cond

            return lambda v: None if v is None else cond.parse(v)
        inner = [a for a in args if a is not type(None)]
        if all(a in _PLAIN for a in inner):
            return _plain(tuple(args))
        if len(inner) == 1:
            one = decoder(inner[0])
            return lambda v: None if v is None else one(v)
        raise TypeError(f"cannot decode the union {tp}")
    if origin is tuple:
        item = decoder(args[0])
        return _shaped(list, lambda v: tuple(item(x) for x in v))
    if origin is list:
        item = decoder(args[0])
        return _shaped(list, lambda v: [item(x) for x in v])
    if origin in (dict, Mapping, typing.Mapping):
        value = decoder(args[1])
        if args[0] is int:  # JSON object keys are strings
            return _shaped(dict, lambda v: {int(k): value(x) for k, x in v.items()})
        return _shaped(dict, lambda v: {k: value(x) for k, x in v.items()})
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        parts = [decoder(hints[f.name]) for f in dataclasses.fields(tp)]
        cls: Any = tp
        return _shaped(list, lambda v: cls(*[d(x) for d, x in zip(parts, v)]), len(parts))
    raise TypeError(f"cannot decode {tp}")
