"""Finding services by what people type: exact names, search, and the text forms both compare."""
