"""`hanban catalog info`: the layers of the catalog in use, each with its version, as-of date,
file count and where it lives; the installed and previous packs."""

from __future__ import annotations

from typing import Any

import typer

from hanban.cli.errors import handles_errors, invocation


@handles_errors
def command(
    ctx: typer.Context,
    json_: bool = typer.Option(False, "--json", help="help.catalog.info.json"),
) -> None:
    """Show the catalog in use: built-in catalog, installed pack and overlays, with versions and ages."""
    from hanban.catalog.files import BUILTIN, catalog_roots, data_dir, installed_pack, list_files, overlay_paths
    from hanban.packs.store import PackStore
    from hanban.render import catalog_info as view
    from hanban.render import json as rj

    inv = invocation(ctx)
    io, lang, clock = inv.io, inv.lang, inv.clock
    pack = installed_pack()
    roots = catalog_roots(overlay_paths(inv.overlays), pack=pack)
    cat = inv.catalog()
    files, _ = list_files(roots)
    store = PackStore(data_dir())
    state = store.state()

    def pack_entry(name: str | None) -> dict[str, Any] | None:
        if not name:
            return None
        if name == BUILTIN:
            return {"name": BUILTIN}
        return view.pack_data(store.describe(name))

    data = {
        "catalog": rj.catalog_identity(cat, clock),
        "age_warning_days": clock.warning_days,
        "layers": [view.layer_data(r, cat, sum(1 for f in files if f.layer == r.layer)) for r in roots],
        "data": str(store.data),
        "pack": {"current": pack_entry(state.get("current")), "previous": pack_entry(state.get("previous")),
                 "missing": bool(state.get("current") not in (None, BUILTIN) and pack is None)},
    }
    io.emit(json=lambda: rj.versioned("catalog-info", data), terminal=lambda con: view.print_info(con, data, lang), plain=lambda: view.lines(data, lang), as_json=json_)
