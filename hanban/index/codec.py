"""The catalog's typed values as JSON and back, for the index's rows (JSON, never pickle: a cache
file cannot run code).

One codec for every model type, driven by the records' own fields and type hints, so it cannot
drift from the model: a record (a named tuple or a dataclass) is the list of its field values in
order, a tuple a list, a mapping an object; a wizard condition is stored in its catalog form and parsed back.

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
    cls = value.__class__
    how = _HOW.get(cls)
    if how is None:
        how = _HOW[cls] = _how(cls)
    if how is _KEEP:
        return value
    if how is _LIST:  # (a named tuple too: its fields in order)
        return [encode(v) for v in value]
    if how is _OBJECT:
        return {str(k): encode(v) for k, v in value.items()}
    if how is _CONDITION:
        from hanban.catalog import conditions as cond

        return cond.to_data(value)
    return [encode(getattr(value, name)) for name in how]  # a dataclass: its fields' names


# How `encode` writes a value of each class (decided once per class: a large catalog's build encodes
# millions of values): kept as it is, as a list, as an object, as a condition, or a dataclass's fields.
_KEEP, _LIST, _OBJECT, _CONDITION = ("keep",), ("list",), ("object",), ("condition",)
_HOW: dict[type, tuple[str, ...]] = {}


def _how(cls: type) -> tuple[str, ...]:
    if issubclass(cls, _PLAIN):
        return _KEEP
    if cls.__module__ == "hanban.catalog.conditions":
        return _CONDITION
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    if issubclass(cls, (tuple, list)):
        return _LIST
    if issubclass(cls, Mapping):
        return _OBJECT
    raise TypeError(f"cannot encode {cls.__name__}")


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


def _bad(v: Any) -> None:
    raise ValueError(f"a stored value does not have its type's shape: {type(v).__name__} {str(v)[:40]!r}")


# The classes a plain type's values may have (a boolean is not a number here).
_PLAIN_CLASSES: dict[Any, frozenset[type]] = {str: frozenset({str}), int: frozenset({int}), bool: frozenset({bool}),
                                              float: frozenset({int, float}), type(None): frozenset({type(None)})}


def _plain_classes(tp: Any) -> frozenset[type] | None:
    """The classes a value of the plain type (or union of plain types) `tp` may have; None when
    `tp` is not plain. (Asked for every field of every record type a run decodes: remembered.)"""
    if tp in _PLAIN_OR_NOT:
        return _PLAIN_OR_NOT[tp]
    members = typing.get_args(tp) if typing.get_origin(tp) in (typing.Union, types.UnionType) else (tp,)
    found = frozenset().union(*(_PLAIN_CLASSES[m] for m in members)) if all(m in _PLAIN_CLASSES for m in members) else None
    _PLAIN_OR_NOT[tp] = found
    return found


_PLAIN_OR_NOT: dict[Any, frozenset[type] | None] = dict(_PLAIN_CLASSES)


# The decoders check classes inline rather than calling a checker per value: decoding a large
# catalog's rows is on the path of `list`.
def _sequence(item: Any, make: Callable[[Any], Any]) -> Callable[[Any], Any]:
    allowed = _plain_classes(item)
    if allowed is not None:
        def plain(v: Any) -> Any:
            if v.__class__ is not list:
                _bad(v)
            for x in v:
                if x.__class__ not in allowed:
                    _bad(x)
            return make(v)

        return plain
    d = decoder(item)

    def decoded(v: Any) -> Any:
        if v.__class__ is not list:
            _bad(v)
        return make(map(d, v))

    return decoded


def _mapping(key: Any, value: Any) -> Callable[[Any], Any]:
    d = decoder(value)
    as_int = key is int  # JSON object keys are strings

    def decode(v: Any) -> Any:
        if v.__class__ is not dict:
            _bad(v)
        return {int(k): d(x) for k, x in v.items()} if as_int else {k: d(x) for k, x in v.items()}

    return decode


def _is_named_tuple(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields")


def _record_fields(tp: Any) -> list[tuple[str, Any]]:
    """A record type's fields and their types, in order."""
    if _is_named_tuple(tp):
        hints = tp.__annotations__
        # (evaluated already when the class was made, unless its module postpones annotations)
        if any(isinstance(h, (str, typing.ForwardRef)) for h in hints.values()):
            hints = typing.get_type_hints(tp)
        return [(name, hints[name]) for name in tp._fields]
    hints = typing.get_type_hints(tp)
    return [(f.name, hints[f.name]) for f in dataclasses.fields(tp)]


def _record(tp: Any) -> Callable[[Any], Any]:
    fields = _record_fields(tp)
    n = len(fields)
    plain: list[tuple[int, frozenset[type]]] = []  # fields of plain types: the classes their values may have
    nested: list[tuple[int, Callable[[Any], Any]]] = []  # the others: their decoders
    for i, (_, hint) in enumerate(fields):
        allowed = _plain_classes(hint)
        if allowed is not None:
            plain.append((i, allowed))
        else:
            nested.append((i, decoder(hint)))
    cls: Any = tp

    def decode(v: Any) -> Any:
        if v.__class__ is not list or len(v) != n:
            _bad(v)
        for i, allowed in plain:
            if v[i].__class__ not in allowed:
                _bad(v[i])
        out = list(v)
        for i, d in nested:
            out[i] = d(v[i])
        return cls(*out)

    return decode


def _make(tp: Any) -> Callable[[Any], Any]:
    if tp is Any:
        return _identity
    allowed = _plain_classes(tp)
    if allowed is not None:
        def plain(v: Any) -> Any:
            if v.__class__ not in allowed:
                _bad(v)
            return v

        return plain
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        if any(getattr(a, "__module__", "") == "hanban.catalog.conditions" for a in args):
            from hanban.catalog import conditions as cond

            return lambda v: None if v is None else cond.parse(v)
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            one = decoder(inner[0])
            return lambda v: None if v is None else one(v)
        raise TypeError(f"cannot decode the union {tp}")
    if origin is tuple:
        return _sequence(args[0], tuple)
    if origin is list:
        return _sequence(args[0], list)
    if origin in (dict, Mapping, typing.Mapping):
        return _mapping(args[0], args[1])
    if _is_named_tuple(tp) or dataclasses.is_dataclass(tp):
        return _record(tp)
    raise TypeError(f"cannot decode {tp}")
