"""`hanban catalog ...`: the catalog in use and catalog packs (one module per command, joined here)."""

from __future__ import annotations

import typer

from hanban.cli import catalog_info, catalog_pack, catalog_schema, catalog_update

app = typer.Typer(
    name="catalog",
    help="The catalog in use, and catalog packs: data-only releases that update the facts without a new hanban.",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("info")(catalog_info.command)
app.command("pack")(catalog_pack.command)
app.command("update")(catalog_update.update)
app.command("rollback")(catalog_update.rollback)
app.command("schema")(catalog_schema.command)
