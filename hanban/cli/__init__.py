"""The command line: thin shells over the core. `app.main` is the console script."""
