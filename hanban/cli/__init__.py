"""The command line: thin shells over the core. `start.main` is the console script (it runs `app.main`)."""
