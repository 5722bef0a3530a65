"""Catalog packs: the catalog's data shipped without a new program (as tzdata and certifi are).

A pack is a `.tar.gz` of a catalog folder's YAML files and a `manifest.json` (format, catalog
version and as-of, the oldest hanban that reads it, the SHA-256 and size of every file). It is
made from a folder that passes the full validator (`build`), read with every member and hash
checked (`archive`, `manifest`), fetched from a file or an http(s) URL with a timeout and a size
limit (`fetch`), and installed under the data folder, switched atomically and rolled back
(`store`). The installed pack is a catalog layer between the built-in catalog and overlays
(`hanban.catalog.files.catalog_roots`).

    HANBAN_DATA/
      state.json             {"current": NAME | "builtin", "previous": NAME | "builtin" | null}
      packs/NAME/            one installed pack: its YAML files, manifest.json, install.json
      lock                   held while an update or rollback runs
"""
