"""The catalog: its data model, safe loading, the schema, and the pipeline that turns files into one checked `Catalog`."""
