"""`hanban catalog info` as data (its JSON), and that data drawn for terminals and as plain lines."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hanban.errors import printable
from hanban.strings import Lang, word

if TYPE_CHECKING:
    from rich.console import Console

    from hanban.catalog.files import Root
    from hanban.catalog.store import Catalog
    from hanban.packs.store import PackInfo


def layer_data(root: Root, catalog: Catalog, files: int) -> dict[str, Any]:
    """One layer: its kind, where it lives, the identity its files give and how many files it has."""
    kind = "built-in" if root.layer == 0 else "pack" if root.label == "pack" else "overlay"
    info = catalog.tables.catalogs.get(root.layer)
    return {
        "kind": kind,
        "path": str(root.path),
        "version": info.version if info else None,
        "as_of": info.as_of if info else None,
        "publisher": (info.publisher or None) if info else None,
        "files": files,
    }


def pack_data(p: PackInfo) -> dict[str, Any]:
    """An installed pack: its name, identity (from its manifest) and where it came from."""
    m = p.manifest
    return {
        "name": p.name,
        "path": str(p.folder),
        "version": m.version if m else None,
        "as_of": m.as_of if m else None,
        "source": p.install.get("source"),
        "sha256": p.install.get("sha256"),
        "installed_on": p.install.get("installed_on"),
        "expires": (m.expires or None) if m else None,
        "signed_by": p.install.get("signed_by") or None,  # the key id; None: installed without a signature check
    }


def _kind(kind: str, lang: Lang) -> str:
    return word({"built-in": "info.layer.builtin", "pack": "info.layer.pack", "overlay": "info.layer.overlay"}[kind], lang)


def _pack_label(p: dict[str, Any] | None, lang: Lang) -> str:
    if p is None:
        return word("info.none", lang)
    if p["name"] == "builtin":
        return word("pack.label.builtin", lang)
    label = word("pack.label.pack", lang, version=p["version"] or p["name"])
    signed = word("info.signed_by", lang, keyid=p["signed_by"]) if p.get("signed_by") else word("info.not_signed", lang)
    return f"{label} ({word('info.source', lang)} {p['source']}; {signed})" if p.get("source") else f"{label} ({signed})"


def _in_use(data: dict[str, Any], lang: Lang) -> str:
    c = data["catalog"]
    age = word("info.stale" if c["stale"] else "info.fresh", lang, days=data["age_warning_days"])
    return f"{word('info.in_use', lang)}: {c['version'] or '-'}, {word('info.as_of', lang)} {c['as_of'] or '-'} ({age})"


def lines(data: dict[str, Any], lang: Lang) -> list[str]:
    """Plain text: what is in use, then one tab-separated line per layer
    (kind, version, as-of, files, path), then the packs."""
    out = [_in_use(data, lang)]
    for layer in data["layers"]:
        out.append("\t".join([_kind(layer["kind"], lang), layer["version"] or "-", layer["as_of"] or "-", str(layer["files"]), layer["path"]]))
    out += _pack_lines(data, lang)
    return [printable(line) for line in out]  # paths and sources as typed: never raw escape codes


def _pack_lines(data: dict[str, Any], lang: Lang) -> list[str]:
    packs = data["pack"]
    out = []
    if packs["missing"]:
        out.append(word("info.pack_missing", lang, name=packs["current"]["name"]))
    out.append(f"{word('info.layer.pack', lang)}: {_pack_label(packs['current'], lang)}")
    out.append(f"{word('info.previous', lang)}: {_pack_label(packs['previous'], lang)}")
    out.append(f"{word('info.data', lang)}: {data['data']}")
    return out


def print_info(console: Console, data: dict[str, Any], lang: Lang) -> None:
    """The layers as a table, with what is in use above and the packs below."""
    from rich.table import Table
    from rich.text import Text

    console.print(Text(_in_use(data, lang), style="yellow" if data["catalog"]["stale"] else "green"))
    table = Table()
    for key in ("info.layer.builtin", "info.version", "info.as_of", "info.files", "info.where"):
        table.add_column("" if key == "info.layer.builtin" else word(key, lang), overflow="fold")
    for layer in data["layers"]:
        table.add_row(_kind(layer["kind"], lang), layer["version"] or "-", layer["as_of"] or "-", str(layer["files"]), printable(layer["path"]))
    console.print(table)
    for line in _pack_lines(data, lang):
        console.print(Text(printable(line)))
